"""BPJS's invoice for a month against what Jaring computes, kecamatan by kecamatan.

BPJS bills the regency each month for the participants it holds active. Staff type in the
invoice's amount — for the whole regency, per kecamatan, or both — and see where it and
Jaring's amount due (`models.coverage`) part: a difference is what to ask the branch about
(someone BPJS still bills who died, lapsed or was never registered here, or the other way
round). Differences are the invoice minus Jaring's figure: positive when BPJS asks for more.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from models.contribution import ContributionTable
from models.coverage import MonthCoverage, due_by_kecamatan


@dataclass(frozen=True)
class ReconciliationRow:
    kecamatan_code: str  # "" for participants without a village
    participants: int  # billed this month, by Jaring's count
    computed: int
    invoiced: int | None  # None: not typed in

    @property
    def difference(self) -> int | None:
        return None if self.invoiced is None else self.invoiced - self.computed


@dataclass(frozen=True)
class Reconciliation:
    month: str
    rows: list[ReconciliationRow]
    coverage: MonthCoverage
    invoiced: int | None  # the invoice's total (typed, or the sum of the kecamatan)

    @property
    def computed(self) -> int:
        return self.coverage.amount_due

    @property
    def difference(self) -> int | None:
        return None if self.invoiced is None else self.invoiced - self.computed

    @property
    def typed_difference(self) -> int | None:
        """The differences of the kecamatan typed in so far (None before any is)."""
        typed = [r.difference for r in self.rows if r.difference is not None]
        return sum(typed) if typed else None

    def as_json(self) -> dict:
        return {
            "month": self.month, "computed": self.computed, "invoiced": self.invoiced,
            "difference": self.difference,
            "kecamatan": [
                {"kecamatan_code": r.kecamatan_code, "participants": r.participants,
                 "computed": r.computed, "invoiced": r.invoiced, "difference": r.difference}
                for r in self.rows
            ],
        }  # fmt: skip


def reconcile(
    db: Database,
    month: str,
    *,
    invoiced_total: int | None = None,
    invoiced_by_kecamatan: dict[str, int] | None = None,
    table: ContributionTable | None = None,
) -> Reconciliation:
    """Compare the invoice of ``month`` with Jaring's amount due. Without a total, the
    invoice's total is the sum of the kecamatan typed in once every kecamatan Jaring bills
    is (before that, comparing a part with the whole would show a false difference)."""
    figures = due_by_kecamatan(db, month, table=table)
    typed = dict(invoiced_by_kecamatan or {})
    codes = sorted(set(figures.by_kecamatan) | set(typed))
    rows = []
    for code in codes:
        due = figures.by_kecamatan.get(code)
        rows.append(
            ReconciliationRow(
                code, due.participants if due else 0, due.amount_due if due else 0, typed.get(code)
            )
        )
    if invoiced_total is None and typed and set(typed) >= set(figures.by_kecamatan):
        invoiced_total = sum(typed.values())
    return Reconciliation(figures.month, rows, figures, invoiced_total)
