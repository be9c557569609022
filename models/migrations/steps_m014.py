"""Migration m014: what the programme's year needs on a registration (issue 15): whether the
worker is in transport (PP 50/2025's longer discount), the declaration of working now, and
whether the worker was a BPJS Ketenagakerjaan participant before, with the old KPJ.
Registered in order by `models.migrations`; never edit one that has shipped.

The funding sources gain ``apbdes`` and ``dbh_sawit``; the codes stored so far (``apbd``,
``csr``, ``mandiri``) keep their meaning, so no row changes. The new columns take their
defaults on every existing row, and the audit chain's row check reads a column its old
audit rows do not name as that default (`models.audit`).
"""

from __future__ import annotations

from sqlite_utils import Database

#: The columns m014 adds, with the default every existing row takes.
M014_COLUMNS = {
    "transport_worker": "INTEGER NOT NULL DEFAULT 0",
    "working_now": "INTEGER NOT NULL DEFAULT 0",
    "previous_participant": "INTEGER NOT NULL DEFAULT 0",
    "previous_kpj": "TEXT NOT NULL DEFAULT ''",
}


def m014_transport_work_and_previous_kpj(db: Database) -> None:
    """The four columns of `M014_COLUMNS` on ``registrations``."""
    for name, declaration in M014_COLUMNS.items():
        db.execute(f"ALTER TABLE registrations ADD COLUMN {name} {declaration}")
