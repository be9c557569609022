"""The registrations a printed village list ("daftar nominatif") shows.

A list shows live registrations only, never drafts (what an officer typed and saved before
it was complete, not yet a registration anyone may sign for) and never those BPJS rejected
(they are not joining, and their contributions are not owed). The order is the
one a village head reads a list in: kecamatan, desa, then full name.
"""

from __future__ import annotations

from sqlite_utils import Database

from models.db import dict_rows
from models.registration import Registration, Status
from models.store_queries import live_where


def _where(desa: str | None, kecamatan: str | None) -> tuple[str, list]:
    """The filter of a list: one desa, one kecamatan, or (neither given) the whole regency."""
    return live_where(
        desa=desa,
        kecamatan=None if desa else kecamatan,  # desa wins
        status_clause="status NOT IN (?, ?)",
        status_params=(Status.DRAFT.value, Status.REJECTED.value),
    )


def registrations_for_list(
    db: Database, *, desa: str | None = None, kecamatan: str | None = None
) -> list[Registration]:
    """The live registrations (not drafts, not rejected) of one desa (village code), one
    kecamatan, or the whole regency when neither is given, ordered by kecamatan, desa and
    full name.

    ``desa`` wins when both are given. Read in one query.
    """
    where, params = _where(desa, kecamatan)
    # "+" keeps the codes' indexes out of the ORDER BY: without statistics SQLite would
    # otherwise walk a whole (deleted, kecamatan_code) index in order to skip a sort of the
    # few rows one desa has.
    cursor = db.execute(
        f"SELECT * FROM registrations WHERE {where}"
        " ORDER BY +kecamatan_code, +village_code, full_name COLLATE NOCASE, nik, id",
        params,
    )
    return [Registration.from_row(row) for row in dict_rows(cursor)]


def count_for_list(db: Database, *, desa: str | None = None, kecamatan: str | None = None) -> int:
    """How many registrations `registrations_for_list` would return (for a progress bar or
    a "nothing to print" message before reading them)."""
    where, params = _where(desa, kecamatan)
    return db.execute(f"SELECT COUNT(*) FROM registrations WHERE {where}", params).fetchone()[0]
