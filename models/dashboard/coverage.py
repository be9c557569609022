"""What a screen shows at once (`Overview`): the progress by status, the counted registrations
per desa (and `place_rows` to list them under their kecamatan) and the budget they cost.
Three index walks; see `models.dashboard` for what each figure means."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlite_utils import Database

from models.contribution import ContributionTable, default_table
from models.dashboard.figures import COUNTED, Budget, FundingBudget, Overview, PlaceRow, Progress
from models.fiscal_year import fiscal_year


def counted_registrations(db: Database) -> int:
    """Registrations counted toward the target (live, not drafts, not rejected): the
    dashboard's headline, also shown in the main window's status bar."""
    (count,) = db.execute(
        f"SELECT COUNT(*) FROM registrations INDEXED BY registrations_status WHERE {COUNTED}"
    ).fetchone()
    return count


def overview(
    db: Database,
    *,
    today: date,
    target: int | None = None,
    table: ContributionTable | None = None,
) -> Overview:
    """Progress by status, counted registrations per desa, and the budget (three index
    walks). ``target`` defaults to the target of ``today``'s fiscal year
    (`models.fiscal_year`; the installation's setting when the year is not set)."""
    if target is None:
        target = fiscal_year(db, today.year).target
    by_status = dict(
        db.execute(
            "SELECT status, COUNT(*) FROM registrations INDEXED BY registrations_status"
            " WHERE deleted = 0 GROUP BY status"
        ).fetchall()
    )
    counted = sum(n for s, n in by_status.items() if s not in ("draft", "rejected"))
    by_village = dict(
        db.execute(
            "SELECT village_code, COUNT(*) FROM registrations"
            f" INDEXED BY registrations_dashboard_places WHERE {COUNTED} GROUP BY village_code"
        ).fetchall()
    )
    return Overview(
        Progress(target, counted, by_status),
        by_village,
        budget(db, today=today, target=target, table=table),
    )


def budget(
    db: Database, *, today: date, target: int, table: ContributionTable | None = None
) -> Budget:
    """Monthly contributions of the counted registrations per funding source, and of the
    full target at the lowest bracket (see `models.dashboard`)."""
    table = table or default_table()
    rows = db.execute(
        "SELECT funding_source, program_jht, monthly_income, COUNT(*) FROM registrations"
        f" INDEXED BY registrations_dashboard_money WHERE {COUNTED}"
        " GROUP BY funding_source, program_jht, monthly_income"
    ).fetchall()
    workers: dict[str, int] = {"apbd": 0, "csr": 0, "mandiri": 0}
    monthly: dict[str, int] = dict.fromkeys(workers, 0)
    unpriced = 0
    each: dict[tuple, int] = {}
    for source, jht, income, count in rows:
        base = table.bracket(income or 0).base_income
        key = (source, bool(jht), base)
        if key not in each:
            each[key] = _monthly(table, source, bool(jht), base, today)
        workers[source] = workers.get(source, 0) + count
        monthly[source] = monthly.get(source, 0) + count * each[key]
        if income is None:
            unpriced += count
    lowest = _monthly(table, "apbd", False, table.brackets[0].base_income, today)
    return Budget(
        [FundingBudget(s, workers[s], monthly[s]) for s in workers], target, lowest, unpriced
    )


def _monthly(table: ContributionTable, source: str, jht: bool, base: int, today: date) -> int:
    try:
        return table.contribution(base, jht=jht, funding_source=source or "apbd", on=today).monthly
    except LookupError:  # no rule covers the day: nothing can be priced
        return 0


def place_rows(by_village: dict[str, int], villages: list) -> list[PlaceRow]:
    """Each kecamatan's total followed by its desa, in code order: every desa of the
    regency (``villages``: `models.regions.Region`, zero where nobody is registered yet),
    then any village code the registrations carry that the regions do not know."""
    counts = dict(by_village)
    unplaced = counts.pop("", 0)
    by_kecamatan: dict[str, list[PlaceRow]] = defaultdict(list)
    for village in villages:
        count = counts.pop(village.code, 0)
        by_kecamatan[village.parent].append(PlaceRow(village.parent, village.code, count))
    for code, count in counts.items():
        by_kecamatan[code[:8]].append(PlaceRow(code[:8], code, count))
    rows: list[PlaceRow] = []
    for kecamatan in sorted(by_kecamatan):
        desa = sorted(by_kecamatan[kecamatan], key=lambda r: r.village_code)
        rows.append(PlaceRow(kecamatan, "", sum(r.counted for r in desa)))
        rows += desa
    if unplaced:
        rows.append(PlaceRow("", "", unplaced))
    return rows
