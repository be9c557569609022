"""What a screen may fill in a moment later (`Details`): who the counted workers are (target
group, sex, age band), the officers' work and the weekly time line, with the local days
and weeks they are counted in. See `models.dashboard` for what each figure means."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from models.dashboard.figures import (
    AGE_BANDS,
    COUNTED,
    UNKNOWN,
    Details,
    OfficerStats,
    People,
    Week,
    week_start,
)


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
    counted registrations dated after it (see `models.dashboard`).

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


def local_utc_offset() -> int:
    """This computer's offset from UTC in whole hours (Indonesia: 7, 8 or 9)."""
    offset = datetime.now().astimezone().utcoffset()
    return round(offset.total_seconds() / 3600) if offset else 0
