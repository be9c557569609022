"""The target and the budget of each fiscal year (all the SQL of ``fiscal_years``).

A regency sets how many workers it means to cover in a year and what it budgets for their
contributions (Sukamara's 9,863 was the target of 2023), and may raise either in the
revised budget mid-year (APBD-P). A year without a row takes the target of the settings
and no budget. Setting a year is an audited change (action ``fiscal_year``, subject
``fiscal_year:<year>``, its version counting the changes), in one transaction; a change
to a year already set records when it was revised (``raised_at``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlite_utils import Database

from models import audit
from models.db import select_rows, write_transaction
from models.settings import load_settings

FISCAL_YEAR_ACTION = "fiscal_year"
_FIELDS = ("year", "target", "budget", "raised_at", "set_at", "set_by", "note", "version")


@dataclass(frozen=True)
class FiscalYear:
    year: int
    target: int
    budget: int  # Rupiah for the year's contributions; 0 = not set
    raised_at: str = ""  # when it was last revised mid-year, "" if never
    set_at: str = ""
    set_by: str = ""
    note: str = ""
    version: int = 0  # 0: not set, the settings' target stands in

    @property
    def from_settings(self) -> bool:
        return self.version == 0


def fiscal_year(db: Database, year: int) -> FiscalYear:
    """The year's target and budget; the settings' target and no budget when not set."""
    found = select_rows(db, f"SELECT {', '.join(_FIELDS)} FROM fiscal_years WHERE year = ?", [year])
    if found:
        return FiscalYear(**found[0])
    return FiscalYear(year, load_settings(db).target, 0)


def fiscal_years(db: Database) -> list[FiscalYear]:
    """Every year set, the latest first."""
    return [
        FiscalYear(**row)
        for row in select_rows(
            db, f"SELECT {', '.join(_FIELDS)} FROM fiscal_years ORDER BY year DESC"
        )
    ]


def set_fiscal_year(
    db: Database, year: int, *, target: int, budget: int, actor: str, note: str = ""
) -> FiscalYear:
    """Set (or revise) a year's target and budget, audited. Raises ValueError for a year
    outside 2000-2100 or a negative figure."""
    if not 2000 <= year <= 2100:
        raise ValueError(f"{year} bukan tahun anggaran")
    if target < 0 or budget < 0:
        raise ValueError("target dan anggaran tidak boleh negatif")
    with write_transaction(db):
        before = fiscal_year(db, year)
        now = audit.now_iso()
        revised = not before.from_settings and (target, budget) != (before.target, before.budget)
        after = FiscalYear(
            year, target, budget, now if revised else before.raised_at, now, actor,
            note.strip(), before.version + 1,
        )  # fmt: skip
        values = asdict(after)
        db.execute(
            f"INSERT INTO fiscal_years ({', '.join(_FIELDS)}) VALUES ({', '.join('?' * 8)})"
            " ON CONFLICT(year) DO UPDATE SET target = excluded.target,"
            " budget = excluded.budget, raised_at = excluded.raised_at,"
            " set_at = excluded.set_at, set_by = excluded.set_by, note = excluded.note,"
            " version = excluded.version",
            [values[f] for f in _FIELDS],
        )
        change = (
            FISCAL_YEAR_ACTION, f"fiscal_year:{year}", after.version,
            None if before.from_settings else asdict(before), values,
        )  # fmt: skip
        audit.append(db, audit.audit_rows(db, [change], actor))
    return after
