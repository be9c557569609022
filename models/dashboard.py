"""The coverage dashboard's figures: how many workers are protected, where, who they are, what
they cost, and who registered them when. Plain SQL aggregates into plain dataclasses; no Qt.

What the figures mean (the tests hold them to a hand-computed data set):

- **Counted** ("terdata", the headline against the target): live registrations (not
  deleted) whose status is neither ``draft`` (not yet a registration anyone signed for) nor
  ``rejected`` (BPJS turned it down, no contribution is owed). So ready, exported,
  received, submitted and registered count: the worker is on the programme's books and the
  regency owes the contribution from the day BPJS accepts. This is the set a printed
  daftar nominatif shows. It is *not* "protected": only ``registered`` (BPJS gave a KPJ)
  is, and the screen and the summary show that figure beside the headline
  (`Progress.registered`); the progress also gives every status separately.
- **Where and who** (kecamatan, desa, target group, sex, age band) and **budget** count the
  counted registrations only. Age is the age on ``today`` (passed in, so tests are
  deterministic) in the bands `AGE_BANDS`; a registration without a birth date falls in the
  band ``""`` (unknown).
- **Budget**: each counted registration's monthly contribution from the bracket table and the
  dated rate rules (`models.contribution`), exactly as the records list and the printed
  lists compute "Iuran/bulan": its income's bracket, JKK and JKM, JHT when chosen, the rule of
  its funding source on ``today``. A counted registration without an income (only possible
  for records imported from outside) is priced at the lowest bracket. A year is 12 months.
  Separated by funding source (APBD, CSR, self); the regency pays the APBD row. The **full
  target** is the target times the lowest bracket's contribution without JHT (Rp 16,800 in
  2015-2026): the programme's own planning figure (Sukamara: 9,863 x 16,800 = Rp 165,698,400
  a month, Rp 1,988,380,800 a year), the least the regency must budget.
- **Officers** ("petugas", CSPro-style operator statistics) are the ``created_by`` of every
  live registration, drafts included (an officer's work is what they typed). Per officer:
  registrations, drafts, registrations carrying confirmed warnings (``warnings_confirmed`` is
  not empty: the officer confirmed a NIK/date/age mismatch; `officer_filter` ``warned``),
  the share *flagged* (a draft or carrying confirmed warnings, counted once), registrations
  per active day and per active week (days and weeks with at least one registration, by
  ``created_at`` in local time), and
  conflicts: rows of the district's conflict queue whose incoming record that officer
  created (``conflicts.incoming.created_by``; open ones separately).
- **Time line**: counted registrations per week (Monday to Sunday, local time, from
  ``created_at``, which is stored in UTC), every week from the first up to the last one
  with registrations, but never past the week of ``today``: a registration dated later
  (a laptop with a wrong clock) would stretch the line over years of empty weeks. Those
  are counted apart (`Details.future`, `future_filter`) and the screen says so.
- **Places**: a village code the regency's regions do not know (typed elsewhere, or a
  desa code from another regency) keeps its own row under its kecamatan code; counted
  registrations without a village are one row of their own (`PlaceRow.no_village`).

Speed: at 500,000 registrations every figure comes from walking one small index (see
migrations ``m010_dashboard`` and ``m012_dashboard_days``), in its own order except for the
officers' days (`officers_and_weeks`). ``INDEXED BY`` pins each query
to its index, because without statistics SQLite prefers the (deleted, ...) indexes, which
sends it to the table and costs ten times as much. The partial indexes' conditions are
written out literally (`COUNTED`): SQLite uses a partial index only for a query whose WHERE
clause contains the same terms. `overview` (progress, places, budget) and `details` (people,
officers, time line) are split so a screen can show the first at once and fetch the second
on a worker thread.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from models.contribution import ContributionTable, default_table
from models.registration import Status
from models.settings import load_settings
from models.store import RecordFilter

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


# --- the figures -----------------------------------------------------------------------------


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


# --- reading ---------------------------------------------------------------------------------


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
    walks). ``target`` defaults to the installation's setting."""
    if target is None:
        target = load_settings(db).target
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
    full target at the lowest bracket (see the module docstring)."""
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


def details(db: Database, *, today: date, utc_offset_hours: int = 7) -> Details:
    """Target groups, sexes, age bands, officers and weeks (three index walks and a small
    count per group, sex and age band). Days and weeks are local at ``utc_offset_hours``
    (7 for WIB; `local_utc_offset` gives this computer's)."""
    return Details(
        people(db, today=today),
        *officers_and_weeks(db, utc_offset_hours=utc_offset_hours, today=today),
    )


def people(db: Database, *, today: date) -> People:
    pairs = db.execute(
        "SELECT target_group, sex, COUNT(*) FROM registrations"
        f" INDEXED BY registrations_dashboard_people WHERE {COUNTED}"
        " GROUP BY target_group, sex"
    ).fetchall()
    by_group: dict[str, int] = defaultdict(int)
    by_sex: dict[str, int] = defaultdict(int)
    for group, sex, count in pairs:
        by_group[group] += count
        by_sex[sex] += count
    # Each (group, sex) pair's birth dates are one run of the index: a count per band is a
    # range count inside it, and all of them together read the index once.
    by_age: dict[str, int] = dict.fromkeys((band.key for band in AGE_BANDS), 0)
    ranges = [(band.key, *band.birth_range(today)) for band in AGE_BANDS]
    per_band = (
        f"SELECT COUNT(*) FROM registrations INDEXED BY registrations_dashboard_people"
        f" WHERE {COUNTED} AND target_group = ? AND sex = ?"
    )
    unknown = 0
    for group, sex, _ in pairs:
        for key, after, until in ranges:
            sql = per_band + " AND birth_date > ? AND birth_date <= ?"
            params = [group, sex, after or "", until or "9999-12-31"]
            by_age[key] += db.execute(sql, params).fetchone()[0]
        unknown += db.execute(per_band + " AND birth_date IS NULL", [group, sex]).fetchone()[0]
    if unknown:
        by_age[UNKNOWN] = unknown
    return People(_by_count(by_group), _by_count(by_sex), by_age)


def _by_count(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def officers_and_weeks(
    db: Database, *, utc_offset_hours: int = 7, today: date | None = None
) -> tuple[list[OfficerStats], list[Week], int]:
    """Officer statistics, counted registrations per week up to ``today``'s week, and the
    counted registrations dated after it (see the module docstring).

    One walk of the index ``registrations_dashboard_days`` grouped by officer and local day
    (``created_at`` shifted by ``utc_offset_hours`` in SQL), the statuses and warnings
    summed per group: at most officers x days groups (120 officers over two years: 88,000
    at most, 500,000 registrations) instead of one per officer, status, warning and hour.
    The day is an expression of the offset, so the groups come from a sort of the index's
    rows, not from the index order."""
    rows = db.execute(
        "SELECT created_by, date(created_at, :shift) AS day, COUNT(*),"
        " SUM(status NOT IN ('draft', 'rejected')), SUM(status = 'draft'),"
        " SUM(warnings_confirmed != ''), SUM(status = 'draft' OR warnings_confirmed != '')"
        " FROM registrations INDEXED BY registrations_dashboard_days WHERE deleted = 0"
        " GROUP BY created_by, day",
        {"shift": f"{int(utc_offset_hours):+d} hours"},
    ).fetchall()
    stats: dict[str, OfficerStats] = {}
    days: dict[str, list[date]] = defaultdict(list)
    weeks: dict[date, int] = defaultdict(int)
    for officer, day, count, counted, drafts, warned, flagged in rows:
        one = stats.setdefault(officer, OfficerStats(officer))
        one.registrations += count
        one.counted += counted
        one.drafts += drafts
        one.with_warnings += warned
        one.flagged += flagged
        if day is None:  # no (readable) creation time: counted, but on no day
            continue
        local = date.fromisoformat(day)
        days[officer].append(local)
        if counted:
            weeks[week_start(local)] += counted
    for officer, one in stats.items():
        active = sorted(days[officer])
        one.days_active = len(active)
        one.weeks_active = len({week_start(d) for d in active})
        one.first_day, one.last_day = (active[0], active[-1]) if active else (None, None)
    for officer, total, still_open in db.execute(
        "SELECT json_extract(incoming, '$.created_by'), COUNT(*), SUM(status = 'open')"
        " FROM conflicts GROUP BY 1"
    ):
        one = stats.setdefault(officer or "", OfficerStats(officer or ""))
        one.conflicts, one.open_conflicts = total, still_open
    ordered = sorted(stats.values(), key=lambda s: (-s.registrations, s.officer))
    future = 0
    if today is not None:
        this_week = week_start(today)
        future = sum(n for start, n in weeks.items() if start > this_week)
        weeks = {start: n for start, n in weeks.items() if start <= this_week}
    return ordered, _weekly(weeks), future


def _weekly(weeks: dict[date, int]) -> list[Week]:
    """Every week from the first to the last with registrations (empty weeks show as 0)."""
    if not weeks:
        return []
    first, last = min(weeks), max(weeks)
    out = []
    while first <= last:
        out.append(Week(first, weeks.get(first, 0)))
        first += timedelta(days=7)
    return out


def local_day(utc_hour: str, utc_offset_hours: int) -> date | None:
    """The local date of a UTC ``YYYY-MM-DDTHH`` (the first 13 characters of a timestamp);
    None when there is none."""
    try:
        moment = datetime.strptime(utc_hour[:13], "%Y-%m-%dT%H")
    except (TypeError, ValueError):
        try:
            return date.fromisoformat(utc_hour[:10])  # a bare date: take it as it is
        except (TypeError, ValueError):
            return None
    return (moment + timedelta(hours=utc_offset_hours)).date()


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def local_utc_offset() -> int:
    """This computer's offset from UTC in whole hours (Indonesia: 7, 8 or 9)."""
    offset = datetime.now().astimezone().utcoffset()
    return round(offset.total_seconds() / 3600) if offset else 0


def dashboard(
    db: Database,
    *,
    today: date,
    utc_offset_hours: int = 7,
    target: int | None = None,
    table: ContributionTable | None = None,
) -> Dashboard:
    """Every figure at once (the printed summary; tests)."""
    return Dashboard(
        overview(db, today=today, target=target, table=table),
        details(db, today=today, utc_offset_hours=utc_offset_hours),
        today,
        utc_offset_hours,
    )


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


# --- click-through: the records list filtered to a figure -----------------------------------


def counted_filter(**fields) -> RecordFilter:
    """The counted registrations, narrowed by ``fields`` of `RecordFilter`."""
    return RecordFilter(counted=True, **fields)


def status_filter(status: str) -> RecordFilter:
    return RecordFilter(status=status)


def place_filter(kecamatan_code: str, village_code: str = "") -> RecordFilter:
    """A desa, a kecamatan, or (both empty) the registrations without a village. The codes
    are matched exactly, known to the regions or not."""
    if village_code:
        return counted_filter(village_code=village_code)
    if kecamatan_code:
        return counted_filter(kecamatan_code=kecamatan_code)
    return counted_filter(no_village=True)


def group_filter(target_group: str) -> RecordFilter:
    return counted_filter(target_group=target_group)


def sex_filter(sex: str) -> RecordFilter:
    return counted_filter(sex=sex)


def age_filter(key: str, today: date) -> RecordFilter:
    if key == UNKNOWN:
        return counted_filter(birth_unknown=True)
    band = next(b for b in AGE_BANDS if b.key == key)
    after, until = band.birth_range(today)
    return counted_filter(born_after=after, born_until=until)


def funding_filter(funding_source: str) -> RecordFilter:
    return counted_filter(funding_source=funding_source)


def officer_filter(officer: str, *, flagged: bool = False, warned: bool = False) -> RecordFilter:
    """An officer's live registrations (drafts included), or only the flagged ones (drafts
    or with confirmed warnings), or only those with confirmed warnings."""
    return RecordFilter(created_by=officer, flagged=flagged, warned=warned)


def officer_conflicts_filter(officer: str) -> RecordFilter:
    """The registrations in the conflicts that officer's records raised (both sides that
    exist here: a NIK conflict's incoming record was never inserted)."""
    return RecordFilter(conflict_officer=officer)


def week_filter(start: date, utc_offset_hours: int) -> RecordFilter:
    """Counted registrations created in the local week starting ``start``."""
    begin = datetime.combine(start, datetime.min.time()) - timedelta(hours=utc_offset_hours)
    end = begin + timedelta(days=7)
    return counted_filter(created_from=_utc_text(begin), created_before=_utc_text(end))


def future_filter(today: date, utc_offset_hours: int) -> RecordFilter:
    """Counted registrations dated after the local week of ``today`` (`Details.future`)."""
    begin = datetime.combine(week_start(today) + timedelta(days=7), datetime.min.time())
    return counted_filter(created_from=_utc_text(begin - timedelta(hours=utc_offset_hours)))


def _utc_text(moment: datetime) -> str:
    """The prefix ``created_at`` (ISO, UTC, ``+00:00``) compares against."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def with_label(record_filter: RecordFilter, label: str) -> RecordFilter:
    return replace(record_filter, label=label)
