"""The KPJ card handover: the day a participant was handed the BPJS Ketenagakerjaan card,
recorded for many at once after a ceremony in a desa (all the SQL of it).

Only a participant that has a KPJ (``registered``, with its number) gets a card, so a list
holding anyone else is refused whole, saying how many lack one. Recording is one audited
change per registration (action ``kpj_card_handover``: version + 1, an audit row), all in one
transaction; a registration that already has that day is left alone. The day lives on the
registration (``kpj_card_handed_on``), so it travels in batches like any field typed on the
form, and a district's day is kept when an officer's later correction does not name one
(`models.merge_plan`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from models.db import select_rows, write_transaction
from models.registration import Status
from models.store import change_rows

HANDOVER_ACTION = "kpj_card_handover"


class HandoverRefused(ValueError):
    """A handover that cannot be recorded (nothing is written)."""


@dataclass(frozen=True)
class CardHolder:
    """A participant who may be handed a card, as the desa's list shows them."""

    registration_id: str
    full_name: str
    nik: str
    kpj: str
    handed_on: str  # ISO date, '' = not yet


def _stored(db: Database, ids: list[str]) -> dict[str, dict]:
    found = {}
    for row in select_rows(
        db,
        "SELECT * FROM registrations WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(ids)],
    ):
        row.pop("kecamatan_code", None)  # a generated column, not a field
        found[row["id"]] = row
    return found


def _has_kpj(row: dict | None) -> bool:
    return (
        row is not None
        and not row["deleted"]
        and row["status"] == Status.REGISTERED.value
        and bool(row["kpj"])
    )


def without_kpj(db: Database, registration_ids: list[str]) -> list[str]:
    """Those of ``registration_ids`` that cannot be handed a card (no KPJ, not registered,
    deleted or unknown), in the order given."""
    stored = _stored(db, list(dict.fromkeys(registration_ids)))
    return [rid for rid in registration_ids if not _has_kpj(stored.get(rid))]


def _refusal(missing: int, total: int) -> str:
    return (
        f"{missing} dari {total} pendaftaran belum punya nomor KPJ (belum terdaftar di BPJS"
        " Ketenagakerjaan): kartu KPJ hanya diserahkan kepada peserta terdaftar"
    )


def record_handover(
    db: Database, registration_ids: list[str], on: date, actor: str, *, today: date
) -> int:
    """Record that each registration's KPJ card was handed over on ``on``, in one
    transaction; returns how many changed (those that already had that day do not).
    Raises `HandoverRefused` for an empty list, a registration listed twice, a day after
    ``today``, or any registration without a KPJ (how many, out of how many)."""
    if not registration_ids:
        raise HandoverRefused("pilih dulu peserta yang menerima kartu KPJ")
    if len(set(registration_ids)) != len(registration_ids):
        raise HandoverRefused("sebut setiap pendaftaran satu kali")
    if on > today:
        raise HandoverRefused(f"tanggal penyerahan {on.isoformat()} belum terjadi")
    day = on.isoformat()
    with write_transaction(db):
        stored = _stored(db, registration_ids)
        missing = [rid for rid in registration_ids if not _has_kpj(stored.get(rid))]
        if missing:
            raise HandoverRefused(_refusal(len(missing), len(registration_ids)))
        changes = [
            (stored[rid], {"kpj_card_handed_on": day})
            for rid in registration_ids
            if stored[rid]["kpj_card_handed_on"] != day
        ]
        return change_rows(db, changes, HANDOVER_ACTION, actor)


def desa_card_holders(db: Database, village_code: str) -> list[CardHolder]:
    """The participants of a desa who may be handed a card (registered, with a KPJ, not
    deleted), by name: the list of a handover ceremony."""
    return [
        CardHolder(**row)
        for row in select_rows(
            db,
            "SELECT id AS registration_id, full_name, nik, kpj,"
            " kpj_card_handed_on AS handed_on FROM registrations"
            " WHERE village_code = ? AND status = ? AND deleted = 0 AND kpj != ''"
            " ORDER BY full_name COLLATE NOCASE, id",
            [village_code, Status.REGISTERED.value],
        )
    ]
