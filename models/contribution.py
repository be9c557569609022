"""Monthly BPU contributions from declared income, and budget projections.

The declared income maps to an official base income (PP 44/2015 Lampiran II, 33 brackets in
`resources/bpu_contribution_brackets.csv`). JKK and JHT are percentages of the base, JKM a
flat amount; the rates are dated rules in `resources/contribution_rates.json`, so a new
regulation is a new rule, not new code. Money is whole rupiah (int).
"""

from __future__ import annotations

import bisect
import csv
import json
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


@dataclass(frozen=True)
class RateRule:
    name: str
    valid_from: date
    valid_to: date | None
    funding_sources: tuple[str, ...] | None
    jkk_rate: Decimal
    jkm_flat: int
    jht_rate: Decimal

    def applies(self, on: date, funding_source: str) -> bool:
        if on < self.valid_from or (self.valid_to and on > self.valid_to):
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

    @property
    def monthly(self) -> int:
        return self.jkk + self.jkm + self.jht

    @property
    def per_period(self) -> int:
        return self.monthly * self.months


def _rupiah(amount: Decimal) -> int:
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


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
        rules = []
        for rule in json.loads(rates_json.read_text(encoding="utf-8"))["rules"]:
            if not rule.get("enabled", True):
                continue
            rules.append(
                RateRule(
                    name=rule["name"],
                    valid_from=date.fromisoformat(rule["valid_from"]),
                    valid_to=date.fromisoformat(rule["valid_to"]) if rule["valid_to"] else None,
                    funding_sources=tuple(rule["funding_sources"])
                    if rule.get("funding_sources")
                    else None,
                    jkk_rate=Decimal(rule["jkk_rate"]),
                    jkm_flat=int(rule["jkm_flat"]),
                    jht_rate=Decimal(rule["jht_rate"]),
                )
            )
        return cls(brackets, rules)

    def bracket(self, income: int) -> Bracket:
        """The bracket a declared monthly income falls in (negative counts as 0).

        Incomes between one bracket's maximum and the next one's minimum (the tables skip
        the last thousand, e.g. 1,099,500) belong to the lower bracket.
        """
        index = bisect.bisect_right(self._mins, max(income, 0)) - 1
        return self.brackets[max(index, 0)]

    def rule(self, on: date, funding_source: str) -> RateRule:
        candidates = [r for r in self.rules if r.applies(on, funding_source)]
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
    ) -> Contribution:
        rule = self.rule(on or date.today(), funding_source)
        base = self.bracket(income).base_income
        return Contribution(
            base_income=base,
            jkk=_rupiah(base * rule.jkk_rate),
            jkm=rule.jkm_flat,
            jht=_rupiah(base * rule.jht_rate) if jht else 0,
            months=months,
            rule=rule.name,
        )

    def budget(
        self,
        workers: int,
        *,
        income: int = 0,
        jht: bool = False,
        funding_source: str = "apbd",
        on: date | None = None,
    ) -> BudgetProjection:
        """What ``workers`` participants at one income cost per month and per year."""
        each = self.contribution(income, jht=jht, funding_source=funding_source, on=on)
        return BudgetProjection(workers, each.monthly, workers * each.monthly)


@dataclass(frozen=True)
class BudgetProjection:
    workers: int
    monthly_each: int
    monthly_total: int

    @property
    def yearly_total(self) -> int:
        return self.monthly_total * 12


@cache
def default_table() -> ContributionTable:
    """The shipped contribution table, read once per process."""
    return ContributionTable.load()
