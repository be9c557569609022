"""Monthly BPU contributions from declared income, and budget projections.

The declared income maps to an official base income (PP 44/2015 Lampiran II, 33 brackets in
`resources/bpu_contribution_brackets.csv`). JKK and JHT are percentages of the base, JKM a
flat amount; the rates are dated rules in `resources/contribution_rates.json`, so a new
regulation is a new rule, not new code. A rule may hold for some funding sources only and
for one sector (transport workers or the others): PP 50/2025 halves JKK and JKM for
self-paying and CSR-funded workers, for transport workers from January 2026 to March 2027
and for the others from April to December 2026. Money is whole rupiah (int).

Contributions are owed month by month, and a month pays the rule of its first day
(`ContributionTable.for_month`); a span of months adds up each month's own amount
(`over_months`), and so do the budgets (`budget`, `year_budget`).
"""

from __future__ import annotations

import bisect
import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from models.resources import resource_path


@dataclass(frozen=True)
class Bracket:
    min_income: int
    max_income: int | None  # None: no upper limit
    base_income: int


#: The sectors a rule may be limited to (``sectors`` in the rules file).
TRANSPORT, OTHER = "transport", "other"


def sector(transport: bool) -> str:
    return TRANSPORT if transport else OTHER


@dataclass(frozen=True)
class RateRule:
    name: str
    valid_from: date
    valid_to: date | None
    funding_sources: tuple[str, ...] | None  # None: whoever pays
    jkk_rate: Decimal
    jkm_flat: int
    jht_rate: Decimal
    sectors: tuple[str, ...] | None = None  # `TRANSPORT`, `OTHER`; None: every worker
    verified: bool = True  # False: taken from secondary sources, to be confirmed
    label: str = ""  # what a screen calls it (Indonesian), e.g. "PP 50/2025 (diskon)"

    def applies(self, on: date, funding_source: str, transport: bool = False) -> bool:
        if on < self.valid_from or (self.valid_to and on > self.valid_to):
            return False
        if self.sectors is not None and sector(transport) not in self.sectors:
            return False
        return self.funding_sources is None or funding_source in self.funding_sources


@dataclass(frozen=True)
class Contribution:
    """One participant's contribution: per month and for the chosen payment period."""

    base_income: int
    jkk: int
    jkm: int
    jht: int
    months: int
    rule: str
    rule_verified: bool = True
    rule_label: str = ""
    # The ``months`` paid at once, each at its own month's rule (None: ``months`` times
    # this month's amount).
    period_total: int | None = None

    @property
    def monthly(self) -> int:
        return self.jkk + self.jkm + self.jht

    @property
    def per_period(self) -> int:
        """What paying ``months`` at once costs."""
        return self.monthly * self.months if self.period_total is None else self.period_total


def _rupiah(amount: Decimal) -> int:
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def month_start(day: date) -> date:
    """The first day of ``day``'s month: the day whose rule the month pays."""
    return day.replace(day=1)


def parse_month(text: str) -> date:
    """``2026-04`` -> 1 April 2026; ValueError for anything else."""
    year, _, month = text.strip().partition("-")
    if len(year) != 4 or len(month) != 2 or not (year + month).isdigit():
        raise ValueError(f"not a month (YYYY-MM): {text!r}")
    return date(int(year), int(month), 1)


def add_months(day: date, count: int) -> date:
    """The first day of the month ``count`` months after ``day``'s (before, if negative)."""
    index = day.year * 12 + day.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> Iterator[date]:
    """The first day of every month from ``first``'s to ``last``'s, both included (none
    when ``last`` comes before ``first``)."""
    month, end = month_start(first), month_start(last)
    while month <= end:
        yield month
        month = add_months(month, 1)


class ContributionTable:
    """The bracket table and the dated rate rules."""

    def __init__(self, brackets: list[Bracket], rules: list[RateRule]):
        self.brackets = sorted(brackets, key=lambda b: b.min_income)
        self._mins = [b.min_income for b in self.brackets]
        self.rules = rules

    @classmethod
    def load(cls, brackets_csv: Path | None = None, rates_json: Path | None = None):
        brackets_csv = brackets_csv or resource_path("bpu_contribution_brackets.csv")
        rates_json = rates_json or resource_path("contribution_rates.json")
        with brackets_csv.open(encoding="utf-8", newline="") as handle:
            brackets = [
                Bracket(
                    int(row["min_income"]),
                    int(row["max_income"]) if row["max_income"] else None,
                    int(row["base_income"]),
                )
                for row in csv.DictReader(handle)
            ]
        rules = [
            _rate_rule(rule)
            for rule in json.loads(rates_json.read_text(encoding="utf-8"))["rules"]
            if rule.get("enabled", True)
        ]
        return cls(brackets, rules)

    def bracket(self, income: int) -> Bracket:
        """The bracket a declared monthly income falls in (negative counts as 0).

        Incomes between one bracket's maximum and the next one's minimum (the tables skip
        the last thousand, e.g. 1,099,500) belong to the lower bracket.
        """
        index = bisect.bisect_right(self._mins, max(income, 0)) - 1
        return self.brackets[max(index, 0)]

    def rule(self, on: date, funding_source: str, transport: bool = False) -> RateRule:
        """The newest rule that covers ``on`` for this funding source and sector;
        LookupError when none does."""
        candidates = [r for r in self.rules if r.applies(on, funding_source, transport)]
        if not candidates:
            raise LookupError(f"no contribution rule for {on} and {funding_source}")
        return max(candidates, key=lambda r: r.valid_from)

    def contribution(
        self,
        income: int,
        *,
        jht: bool = False,
        months: int = 1,
        funding_source: str = "apbd",
        on: date | None = None,
        transport: bool = False,
    ) -> Contribution:
        """One month's contribution under the rule of day ``on`` (today by default), and
        what ``months`` paid at once from ``on``'s month cost, month by month.
        ``transport``: a transport worker."""
        on = on or date.today()
        rule = self.rule(on, funding_source, transport)
        base = self.bracket(income).base_income
        period_total = None
        if months > 1:
            start = month_start(on)
            period_total = self.over_months(
                income, start, add_months(start, months - 1),
                jht=jht, funding_source=funding_source, transport=transport,
            )  # fmt: skip
        return Contribution(
            base_income=base,
            jkk=_rupiah(base * rule.jkk_rate),
            jkm=rule.jkm_flat,
            jht=_rupiah(base * rule.jht_rate) if jht else 0,
            months=months,
            rule=rule.name,
            rule_verified=rule.verified,
            rule_label=rule.label,
            period_total=period_total,
        )

    def for_month(
        self,
        income: int,
        month: date,
        *,
        jht: bool = False,
        funding_source: str = "apbd",
        transport: bool = False,
    ) -> Contribution:
        """The contribution owed for ``month`` (any day of it: the month pays the rule of
        its first day). LookupError when no rule covers the month."""
        return self.contribution(
            income,
            jht=jht,
            funding_source=funding_source,
            on=month_start(month),
            transport=transport,
        )

    def over_months(
        self,
        income: int,
        first: date,
        last: date,
        *,
        jht: bool = False,
        funding_source: str = "apbd",
        transport: bool = False,
    ) -> int:
        """What the months from ``first``'s to ``last``'s (both included) cost together,
        each month at its own rule: 3 months paid ahead across 1 April 2026 are not 3 times
        March's amount."""
        return sum(
            self.for_month(
                income, month, jht=jht, funding_source=funding_source, transport=transport
            ).monthly
            for month in months_between(first, last)
        )

    def for_registration(self, reg, month: date) -> Contribution | None:
        """What a registration (`models.registration.Registration`) owes for ``month``:
        its income, JHT, funding source and sector; None while its income is unknown.
        LookupError when no rule covers the month."""
        if reg.monthly_income is None:
            return None
        return self.for_month(
            reg.monthly_income,
            month,
            jht=reg.program_jht,
            funding_source=reg.funding_source or "apbd",
            transport=reg.transport_sector,
        )

    def budget(
        self,
        workers: int,
        *,
        income: int = 0,
        jht: bool = False,
        funding_source: str = "apbd",
        on: date | None = None,
        transport: bool = False,
    ) -> BudgetProjection:
        """What ``workers`` participants at one income cost in ``on``'s month (today's by
        default) and in the twelve months from it, month by month."""
        start = month_start(on or date.today())
        payer = _Payer(income, jht, funding_source, transport)
        return self._projection(workers, payer, months_between(start, add_months(start, 11)))

    def year_budget(
        self,
        workers: int,
        year: int,
        *,
        income: int = 0,
        jht: bool = False,
        funding_source: str = "apbd",
        transport: bool = False,
    ) -> BudgetProjection:
        """What ``workers`` participants at one income cost in fiscal year ``year``
        (January to December), month by month; ``monthly_each`` is January's."""
        payer = _Payer(income, jht, funding_source, transport)
        return self._projection(workers, payer, months_between(date(year, 1, 1), date(year, 12, 1)))

    def _projection(self, workers: int, payer: _Payer, months: Iterator[date]) -> BudgetProjection:
        each = [
            self.for_month(
                payer.income,
                month,
                jht=payer.jht,
                funding_source=payer.funding_source,
                transport=payer.transport,
            ).monthly
            for month in months
        ]
        return BudgetProjection(
            workers, each[0], workers * each[0], tuple(workers * amount for amount in each)
        )


@dataclass(frozen=True)
class _Payer:
    """Who a projection prices: one income, JHT or not, a funding source, a sector."""

    income: int
    jht: bool
    funding_source: str
    transport: bool


def _rate_rule(rule: dict) -> RateRule:
    """One rule of the rules file."""
    return RateRule(
        name=rule["name"],
        valid_from=date.fromisoformat(rule["valid_from"]),
        valid_to=date.fromisoformat(rule["valid_to"]) if rule["valid_to"] else None,
        funding_sources=tuple(rule["funding_sources"]) if rule.get("funding_sources") else None,
        jkk_rate=Decimal(rule["jkk_rate"]),
        jkm_flat=int(rule["jkm_flat"]),
        jht_rate=Decimal(rule["jht_rate"]),
        sectors=tuple(rule["sectors"]) if rule.get("sectors") else None,
        verified=rule.get("verified") is True,
        label=str(rule.get("label", "")),
    )


@dataclass(frozen=True)
class BudgetProjection:
    """What a number of participants cost: in the first month, and in each month of the
    projection (``month_totals``, in order)."""

    workers: int
    monthly_each: int
    monthly_total: int
    month_totals: tuple[int, ...] = ()

    @property
    def yearly_total(self) -> int:
        """The months of the projection added up (12 times the first month when the
        projection has no months)."""
        return sum(self.month_totals) if self.month_totals else self.monthly_total * 12


@cache
def default_table() -> ContributionTable:
    """The shipped contribution table, read once per process."""
    return ContributionTable.load()
