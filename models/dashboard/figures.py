"""The dashboard's figures as plain dataclasses (what `models.dashboard` reads and a screen or
the printed summary shows), the counted set spelled as SQL, and the age bands. No Qt."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from models.registration import Status

#: The counted registrations, spelled exactly like the partial indexes of m010_dashboard.
COUNTED = "deleted = 0 AND status NOT IN ('draft', 'rejected')"

#: The statuses in the order a registration passes through them.
STATUSES = tuple(s.value for s in Status)
COUNTED_STATUSES = tuple(s for s in STATUSES if s not in ("draft", "rejected"))

UNKNOWN = ""  # the key of "not filled in" in every breakdown


@dataclass(frozen=True)
class AgeBand:
    """Ages ``low`` to ``high`` (inclusive; None: open-ended) on a given day."""

    key: str
    low: int | None
    high: int | None

    def birth_range(self, today: date) -> tuple[str | None, str | None]:
        """(born after, born on or before) as ISO dates: the birth dates of this band on
        ``today``. Someone is ``n`` on ``today`` when born after ``today`` minus ``n + 1``
        years and on or before ``today`` minus ``n`` years."""
        after = _years_before(today, self.high + 1).isoformat() if self.high is not None else None
        until = _years_before(today, self.low).isoformat() if self.low is not None else None
        return after, until


AGE_BANDS = (
    AgeBand("<25", None, 24),
    AgeBand("25-34", 25, 34),
    AgeBand("35-44", 35, 44),
    AgeBand("45-54", 45, 54),
    AgeBand("55+", 55, None),
)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Progress:
    target: int
    counted: int
    by_status: dict[str, int]  # every status of a live registration, drafts included

    @property
    def percent(self) -> float:
        return 100.0 * self.counted / self.target if self.target else 0.0

    @property
    def live(self) -> int:
        return sum(self.by_status.values())

    @property
    def registered(self) -> int:
        """Registrations BPJS has accepted (a KPJ is known): the workers really protected."""
        return self.by_status.get("registered", 0)

    @property
    def registered_percent(self) -> float:
        return 100.0 * self.registered / self.target if self.target else 0.0


@dataclass(frozen=True)
class FundingBudget:
    funding_source: str
    workers: int
    monthly: int

    @property
    def yearly(self) -> int:
        return self.monthly * 12


@dataclass(frozen=True)
class Budget:
    by_source: list[FundingBudget]  # apbd, csr, mandiri (always), then any other source
    target: int
    target_each: int  # the lowest bracket's monthly contribution (without JHT)
    priced_at_lowest: int  # counted registrations without an income, priced at the lowest

    @property
    def target_monthly(self) -> int:
        return self.target * self.target_each

    @property
    def target_yearly(self) -> int:
        return self.target_monthly * 12

    def source(self, funding_source: str) -> FundingBudget:
        return next(
            (b for b in self.by_source if b.funding_source == funding_source),
            FundingBudget(funding_source, 0, 0),
        )

    @property
    def total(self) -> FundingBudget:
        return FundingBudget(
            "",
            sum(b.workers for b in self.by_source),
            sum(b.monthly for b in self.by_source),
        )


@dataclass(frozen=True)
class PlaceRow:
    """A kecamatan (``village_code`` empty: its total), one of its desa, or (both codes
    empty) the registrations without a village."""

    kecamatan_code: str
    village_code: str
    counted: int

    @property
    def is_kecamatan(self) -> bool:
        return not self.village_code and bool(self.kecamatan_code)

    @property
    def no_village(self) -> bool:
        return not self.village_code and not self.kecamatan_code


@dataclass(frozen=True)
class Overview:
    """What a screen shows at once: progress, places and budget."""

    progress: Progress
    by_village: dict[str, int]  # village code -> counted
    budget: Budget

    @property
    def by_kecamatan(self) -> dict[str, int]:
        totals: dict[str, int] = defaultdict(int)
        for village, count in self.by_village.items():
            totals[village[:8]] += count
        return dict(totals)


@dataclass(frozen=True)
class People:
    by_group: dict[str, int]
    by_sex: dict[str, int]
    by_age: dict[str, int]  # AGE_BANDS keys, then UNKNOWN when some lack a birth date


@dataclass
class OfficerStats:
    officer: str  # created_by as stored
    registrations: int = 0  # live, drafts included
    counted: int = 0
    drafts: int = 0
    with_warnings: int = 0
    flagged: int = 0  # drafts or carrying confirmed warnings (each once)
    days_active: int = 0
    weeks_active: int = 0
    first_day: date | None = None
    last_day: date | None = None
    conflicts: int = 0
    open_conflicts: int = 0

    @property
    def per_day(self) -> float:
        return self.registrations / self.days_active if self.days_active else 0.0

    @property
    def per_week(self) -> float:
        return self.registrations / self.weeks_active if self.weeks_active else 0.0

    @property
    def flagged_share(self) -> float:
        return self.flagged / self.registrations if self.registrations else 0.0

    @property
    def conflict_share(self) -> float:
        return self.conflicts / self.registrations if self.registrations else 0.0


@dataclass(frozen=True)
class Week:
    start: date  # a Monday
    counted: int

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)


@dataclass(frozen=True)
class Details:
    """What a screen may fill in a moment later: people, officers and the time line."""

    people: People
    officers: list[OfficerStats]  # most registrations first
    weeks: list[Week]  # up to the week of ``today`` at most
    future: int = 0  # counted registrations dated after the week of ``today``


@dataclass(frozen=True)
class Dashboard:
    overview: Overview
    details: Details
    today: date
    utc_offset_hours: int
