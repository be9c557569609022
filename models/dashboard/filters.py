"""Click-through: the records list filtered to a dashboard figure. One `RecordFilter` maker per
kind of figure, and `click_filter`, which turns what was clicked (a `Click`, plain values)
into the filter, so a screen only says what was clicked and what to call it. No Qt."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from models.dashboard.figures import AGE_BANDS, UNKNOWN, week_start
from models.store import RecordFilter


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


# --- what was clicked ------------------------------------------------------------------------


class Figure(StrEnum):
    """The kinds of figure a dashboard shows; what a `Click`'s key and part hold."""

    COUNTED = "counted"  # the headline, the budget's total
    FUTURE = "future"  # the registrations dated after the week of the figures
    STATUS = "status"  # key: a status (`models.registration.Status`)
    FUNDING = "funding"  # key: a funding source
    PLACE = "place"  # key: a kecamatan code, part: a village code; both "": without a village
    GROUP = "group"  # key: a target group ("": not filled in)
    SEX = "sex"  # key: "L", "P" ("": not filled in)
    AGE = "age"  # key: an `AGE_BANDS` key, or UNKNOWN
    WEEK = "week"  # key: the Monday the week starts on, as an ISO date
    OFFICER = "officer"  # key: the officer (created_by), part: one of `OfficerFigure`


class OfficerFigure(StrEnum):
    """The figures of an officer's row, each listing what it counts."""

    ALL = "all"  # registrations, and the rates and days made of them
    DRAFTS = "draft"
    WARNED = "warned"  # carrying confirmed warnings
    FLAGGED = "flagged"  # drafts or carrying confirmed warnings
    CONFLICTS = "conflicts"  # in the conflicts that officer's records raised


@dataclass(frozen=True)
class Click:
    """A figure the user clicked: its kind and key, and the part of it (see `Figure`)."""

    figure: Figure
    key: str = ""
    part: str = ""


def click_filter(click: Click, *, today: date, utc_offset_hours: int) -> RecordFilter:
    """The records list filtered to exactly what the clicked figure counts, for figures
    read on ``today`` with days local at ``utc_offset_hours``. Raises ValueError for a
    figure (or an officer's part) the dashboard does not have."""
    key = click.key
    match click.figure:
        case Figure.COUNTED:
            return counted_filter()
        case Figure.FUTURE:
            return future_filter(today, utc_offset_hours)
        case Figure.STATUS:
            return status_filter(key)
        case Figure.FUNDING:
            return funding_filter(key)
        case Figure.PLACE:
            return place_filter(key, click.part)
        case Figure.GROUP:
            return group_filter(key)
        case Figure.SEX:
            return sex_filter(key)
        case Figure.AGE:
            return age_filter(key, today)
        case Figure.WEEK:
            return week_filter(date.fromisoformat(key), utc_offset_hours)
        case Figure.OFFICER:
            return _officer_click_filter(key, click.part)
    raise ValueError(f"not a dashboard figure: {click.figure!r}")


def _officer_click_filter(officer: str, part: str) -> RecordFilter:
    match part:
        case OfficerFigure.ALL:
            return officer_filter(officer)
        case OfficerFigure.DRAFTS:
            return RecordFilter(status="draft", created_by=officer)
        case OfficerFigure.WARNED:
            return officer_filter(officer, warned=True)
        case OfficerFigure.FLAGGED:
            return officer_filter(officer, flagged=True)
        case OfficerFigure.CONFLICTS:
            return officer_conflicts_filter(officer)
    raise ValueError(f"not a figure of an officer: {part!r}")
