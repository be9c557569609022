"""Migration m018: the day the worker was handed the KPJ card (issue 15), on the
registration itself so that it travels in batches and reaches the master list. Registered at
the end of `models.migrations.STEPS`; never edit it once shipped.

Every existing row takes '' (not handed over yet); the audit chain's row check reads the
column its older audit rows do not name as that default (`models.audit`).
"""

from __future__ import annotations

from sqlite_utils import Database

#: The column m018 adds, with the default every existing row takes.
M018_COLUMNS = {"kpj_card_handed_on": "TEXT NOT NULL DEFAULT ''"}


def m018_kpj_card_handover(db: Database) -> None:
    """The column of `M018_COLUMNS` on ``registrations``."""
    for name, declaration in M018_COLUMNS.items():
        db.execute(f"ALTER TABLE registrations ADD COLUMN {name} {declaration}")
