"""Next year's renewal list: the participants to keep paying for, and what that costs at next
year's rates (all the SQL of the list).

``renewal_list(db, 2025, today)`` is the list for 2026: every live participant BPJS still
bills at the end of 2025 (not lapsed, not ended; `models.coverage_rules.BILLED`) — or at
the end of the month of ``today`` when 2025 is not over yet, since months not yet come
are not unpaid. Each one's contribution is priced month by month over the next year
(`models.coverage_rules.contribution_for_month`, so a rate that changes within the year
counts from its month). The list is in the order of a daftar nominatif: kecamatan, desa,
name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from sqlite_utils import Database

from models.contribution import ContributionTable, default_table
from models.coverage import Histories, Walks, group_rows, pks_month
from models.coverage_rules import BILLED, Pricer, month_number, month_text
from models.db import dict_rows
from models.fiscal_year import FiscalYear, fiscal_year
from models.registration import Registration


@dataclass(frozen=True)
class RenewalLine:
    """One participant on the list, with next year's contributions."""

    registration: Registration
    base_income: int  # the bracket's base wage
    first_month: int  # January's contribution
    yearly: int  # the twelve months together


@dataclass
class RenewalTotal:
    participants: int = 0
    yearly: int = 0


@dataclass(frozen=True)
class Renewal:
    """The renewal list for ``year`` (participants still billed as of ``as_of``)."""

    year: int
    as_of: str  # "2025-12"
    lines: list[RenewalLine]
    plan: FiscalYear  # the year's target and budget
    by_kecamatan: dict[str, RenewalTotal] = field(default_factory=dict)
    by_funding: dict[str, RenewalTotal] = field(default_factory=dict)

    @property
    def yearly(self) -> int:
        return sum(line.yearly for line in self.lines)

    @property
    def budget_left(self) -> int | None:
        """The year's budget minus the list's cost (None when no budget is set)."""
        return self.plan.budget - self.yearly if self.plan.budget else None

    def as_json(self) -> dict:
        return {
            "year": self.year, "as_of": self.as_of, "participants": len(self.lines),
            "yearly": self.yearly, "target": self.plan.target, "budget": self.plan.budget,
            "budget_left": self.budget_left,
            "by_kecamatan": {k: vars(v) for k, v in sorted(self.by_kecamatan.items())},
            "by_funding": {k: vars(v) for k, v in sorted(self.by_funding.items())},
        }  # fmt: skip


def renewal_list(
    db: Database, year: int, *, today: date, table: ContributionTable | None = None
) -> Renewal:
    """The renewal list for ``year + 1`` (see the module)."""
    as_of = min(month_number(f"{year:04d}-12"), month_number(today))
    walks = Walks(Histories(db), pks_month(db))
    keys = {key for key, *_ in group_rows(db, as_of, by_kecamatan=False)}
    kept = [k for k in keys if walks.states(k, as_of).get(as_of) in BILLED]
    cursor = db.execute(
        "SELECT r.* FROM coverage_participants c JOIN registrations r ON r.id = c.registration_id"
        " WHERE c.live = 1 AND c.registered_month || '|' || c.history || '|' || c.events"
        " IN (SELECT value FROM json_each(?))"
        " ORDER BY +r.kecamatan_code, +r.village_code, r.full_name COLLATE NOCASE, r.nik, r.id",
        [json.dumps([f"{k.registered_month}|{k.history}|{k.events}" for k in kept])],
    )
    pricer = Pricer(table or default_table())
    months = range(month_number(f"{year + 1:04d}-01"), month_number(f"{year + 1:04d}-12") + 1)
    renewal = Renewal(year + 1, month_text(as_of), [], fiscal_year(db, year + 1))
    for row in dict_rows(cursor):
        reg = Registration.from_row(row)
        prices = [
            pricer.price(
                reg.funding_source, reg.program_jht, reg.monthly_income, m, reg.transport_sector
            )
            for m in months
        ]
        line = RenewalLine(reg, pricer.base(reg.monthly_income), prices[0], sum(prices))
        renewal.lines.append(line)
        for totals, key in ((renewal.by_kecamatan, reg.kecamatan_code),
                            (renewal.by_funding, reg.funding_source)):  # fmt: skip
            total = totals.setdefault(key, RenewalTotal())
            total.participants += 1
            total.yearly += line.yearly
    return renewal
