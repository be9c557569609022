"""The programme's year, as use cases the command line and the GUI share: the regency's
payments and the coverage they buy, BPJS's invoice against Jaring's figures, the target and
budget of each fiscal year, next year's renewal list, and participants' life events.

The rules live in models/ (`models.coverage_rules`, `models.coverage`, `models.payments`,
`models.life_events`, `models.fiscal_year`, `models.renewal`, `models.reconciliation`);
here the arguments are checked as a user types them (months, codes, dates) and the
district-only steps refused elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from excel.renewal_list import RenewalWorkbook, write_renewal
from models import coverage, fiscal_year, life_events, payments, reconciliation, renewal
from models.coverage_rules import EVENT_KINDS, month_number, month_text
from models.identity import require_role
from models.regions import Regions, default_regions
from models.registration import FundingSource

__all__ = [
    "EVENT_KINDS",
    "DashboardMonths",
    "RenewalDone",
    "coverage_months",
    "coverage_report",
    "dashboard_months",
    "lapse_warnings",
    "parse_month",
    "reconcile",
    "record_life_events",
    "record_payment",
    "renewal_list",
    "set_fiscal_year",
    "write_renewal_list",
    "year_plan",
]


def parse_month(text: str) -> str:
    """A month typed as ``2025-03``, checked; ValueError (Indonesian) otherwise."""
    return month_text(month_number(text))


def _check_kecamatan(code: str, regions: Regions | None) -> str:
    code = (code or "").strip()
    if code and not (regions or default_regions()).kecamatan_known(code):
        raise ValueError(f"kode kecamatan {code} tidak dikenal (contoh: 62.08.01)")
    return code


def _check_funding(source: str) -> str:
    source = (source or "").strip()
    known = [s.value for s in FundingSource]
    if source and source not in known:
        raise ValueError(f"sumber iuran {source!r} tidak dikenal (pilih {', '.join(known)})")
    return source


# --- payments and coverage -------------------------------------------------------------------


def record_payment(
    db: Database,
    *,
    first_month: str,
    last_month: str,
    paid_on: date,
    actor: str,
    funding_source: str = "",
    kecamatan: str = "",
    note: str = "",
    regions: Regions | None = None,
) -> payments.PaymentResult:
    """District: record that the regency paid those months (`models.payments`)."""
    require_role(db, "district", "hanya basis data kabupaten yang mencatat pembayaran iuran")
    return payments.record_payment(
        db, first_month=parse_month(first_month), last_month=parse_month(last_month),
        paid_on=paid_on, actor=actor, funding_source=_check_funding(funding_source),
        kecamatan=_check_kecamatan(kecamatan, regions), note=note,
    )  # fmt: skip


def coverage_report(db: Database, month: str) -> coverage.MonthCoverage:
    """The figures of one month (``coverage --month``)."""
    return coverage.coverage_month(db, parse_month(month))


def coverage_months(db: Database, last: str | date, count: int = 12) -> list:
    """The figures of ``count`` months ending with ``last`` (the dashboard's table)."""
    return coverage.coverage_months(db, coverage.month_range(last, count))


@dataclass(frozen=True)
class DashboardMonths:
    """The dashboard's months (oldest first) and who is about to lapse in the last."""

    months: list[coverage.MonthCoverage]
    warnings: list[coverage.ParticipantMonth]


def dashboard_months(db: Database, today: date, count: int = 12) -> DashboardMonths:
    """The figures of the ``count`` months up to ``today``'s and that month's warnings."""
    months = coverage_months(db, today, count)
    return DashboardMonths(months, lapse_warnings(db, today, 200))


def lapse_warnings(db: Database, month: str | date, limit: int = 500) -> list:
    """Participants with one or two unpaid months at the end of ``month``."""
    return coverage.about_to_lapse(db, month_number(month), limit)


def reconcile(
    db: Database,
    month: str,
    *,
    invoiced_total: int | None = None,
    invoiced_by_kecamatan: dict[str, int] | None = None,
    regions: Regions | None = None,
) -> reconciliation.Reconciliation:
    """BPJS's invoice of ``month`` against Jaring's amount due, per kecamatan."""
    typed = {
        _check_kecamatan(code, regions): amount
        for code, amount in (invoiced_by_kecamatan or {}).items()
    }
    if any(amount < 0 for amount in typed.values()) or (invoiced_total or 0) < 0:
        raise ValueError("jumlah tagihan tidak boleh negatif")
    return reconciliation.reconcile(
        db, parse_month(month), invoiced_total=invoiced_total, invoiced_by_kecamatan=typed
    )


# --- fiscal year and renewal -----------------------------------------------------------------


def year_plan(db: Database, year: int) -> fiscal_year.FiscalYear:
    return fiscal_year.fiscal_year(db, year)


def set_fiscal_year(
    db: Database, year: int, *, target: int, budget: int, actor: str, note: str = ""
) -> fiscal_year.FiscalYear:
    """Set or raise (APBD-P) a year's target and budget."""
    return fiscal_year.set_fiscal_year(
        db, year, target=target, budget=budget, actor=actor, note=note
    )


def renewal_list(db: Database, year: int, *, today: date) -> renewal.Renewal:
    """The renewal list for ``year + 1`` (`models.renewal`)."""
    if not 2000 <= year <= 2100:
        raise ValueError(f"{year} bukan tahun anggaran")
    return renewal.renewal_list(db, year, today=today)


@dataclass(frozen=True)
class RenewalDone:
    renewal: renewal.Renewal
    workbook: RenewalWorkbook


def write_renewal_list(db: Database, year: int, out: Path | str, *, today: date) -> RenewalDone:
    """The renewal list for ``year + 1`` written as a workbook at ``out``."""
    found = renewal_list(db, year, today=today)
    return RenewalDone(found, write_renewal(found, out))


# --- life events -----------------------------------------------------------------------------


def record_life_events(
    db: Database,
    registration_ids: list[str],
    kind: str,
    on: date,
    actor: str,
    *,
    today: date,
    note: str = "",
) -> list[life_events.LifeEvent]:
    """Record a life event for each registration, on either side (`models.life_events`);
    a date after ``today`` is refused."""
    if on > today:
        raise ValueError(f"tanggal peristiwa {on.isoformat()} belum terjadi")
    return life_events.record_events(db, registration_ids, kind, on, actor, note=note)
