"""Autosave of the registration form: what is being typed, saved as the officer types.

The form's fields go into one slot of the `autosave` table as JSON, apart from the
registrations themselves, so a crash or a dead battery loses at most the field being typed
and no half-typed record ever shows up in the list or the audit log.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from models.audit import now_iso
from models.db import write_transaction

FORM_SLOT = "registration_form"


def store(db: Database, data: dict, slot: str = FORM_SLOT) -> None:
    with write_transaction(db):
        db.execute(
            "INSERT INTO autosave (slot, saved_at, data) VALUES (?, ?, ?)"
            " ON CONFLICT(slot) DO UPDATE SET saved_at = excluded.saved_at, data = excluded.data",
            [slot, now_iso(), json.dumps(data, ensure_ascii=False)],
        )


def load(db: Database, slot: str = FORM_SLOT) -> dict | None:
    row = db.execute("SELECT data FROM autosave WHERE slot = ?", [slot]).fetchone()
    return json.loads(row[0]) if row else None


def clear(db: Database, slot: str = FORM_SLOT) -> None:
    with write_transaction(db):
        db.execute("DELETE FROM autosave WHERE slot = ?", [slot])
