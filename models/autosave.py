"""Autosave of the registration form: what is being typed, saved as the officer types.

The form's fields go into one slot of the `autosave` table as JSON, apart from the
registrations themselves, so a crash or a dead battery loses at most the field being typed
and no half-typed record ever shows up in the list or the audit log. `store_typing` and
`load_typing` keep the form's registration together with the texts that did not parse yet
(a half-typed date), so they come back as they were typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlite_utils import Database

from models.audit import now_iso
from models.db import write_transaction
from models.registration import Registration

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


@dataclass
class Typing:
    """What the form held: the registration as read, and texts as typed (field -> text)."""

    registration: Registration
    texts: dict[str, str] = field(default_factory=dict)


def store_typing(db: Database, typing: Typing) -> None:
    store(db, {"registration": typing.registration.to_row(), "raw": typing.texts})


def load_typing(db: Database) -> Typing | None:
    saved = load(db)
    if not saved:
        return None
    return Typing(Registration.from_row(saved["registration"]), saved.get("raw") or {})
