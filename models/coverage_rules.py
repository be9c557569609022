"""The rules of a participant's months, without a database: which month is paid, when a
participant lapses or ends, and what one month costs.

Months are whole numbers (``year * 12 + month - 1``) so that "three months before" is a
subtraction. For each month from the coverage start a participant is in one state:

- **active**: the month is paid, by a payment made by the end of that month;
- **unpaid_1**, **unpaid_2**: the month and the one before it (two) are not paid yet, judged
  at the end of the month: a payment made later for those months (arrears paid in time)
  turns them paid from the month it was made;
- **lapsed**: three unpaid months in a row at the end of a month. BPJS deactivates a
  participant after 3 unpaid months, without a late fee, and paying again later counts as
  a new registration (PROBIS Kepesertaan p.59): a lapse stays until a ``reactivated``
  event, whatever is paid afterwards. A ``deactivated`` event (BPJS says so) lapses the
  participant from the next month;
- **ended**: a life event ended the coverage (died, moved away, became a wage earner,
  stopped working): the participant is covered in the event's month and ends from the
  next. A ``reactivated`` event starts a new coverage period in its month, with no unpaid
  months behind it.

`contribution_for_month` is the one place coverage, payments, renewals and reconciliation
price a participant's month.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from models.contribution import ContributionTable

ACTIVE, UNPAID_1, UNPAID_2, LAPSED, ENDED = "active", "unpaid_1", "unpaid_2", "lapsed", "ended"
#: Every state, in the order reports show them.
STATES = (ACTIVE, UNPAID_1, UNPAID_2, LAPSED, ENDED)
#: States whose month BPJS bills: the participant is a member that month.
BILLED = (ACTIVE, UNPAID_1, UNPAID_2)
#: Unpaid months in a row that deactivate a participant.
LAPSE_AFTER = 3

#: Life events that end the coverage from the month after.
ENDING = ("died", "moved", "wage_earner", "not_working")
DEACTIVATED, REACTIVATED = "deactivated", "reactivated"
EVENT_KINDS = (*ENDING, DEACTIVATED, REACTIVATED)

_MONTH = re.compile(r"(\d{4})-(\d{2})")


def month_number(value: str | date) -> int:
    """``"2025-03"`` (or any day of it) as a month number; ValueError for anything else."""
    if isinstance(value, date):
        return value.year * 12 + value.month - 1
    found = _MONTH.fullmatch(value.strip()) if isinstance(value, str) else None
    if not found or not 1 <= int(found.group(2)) <= 12:
        raise ValueError(f"{value!r} bukan bulan seperti 2025-03")
    return int(found.group(1)) * 12 + int(found.group(2)) - 1


def month_text(month: int) -> str:
    """A month number as ``"2025-03"``."""
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def first_day(month: int) -> date:
    return date(month // 12, month % 12 + 1, 1)


def last_day(month: int) -> date:
    year, number = month // 12, month % 12 + 1
    return date(year, number, calendar.monthrange(year, number)[1])


@dataclass(frozen=True)
class PaidSpan:
    """Months ``first`` to ``last`` paid by a payment made in month ``paid``."""

    first: int
    last: int
    paid: int

    def covers(self, month: int, judged_at: int) -> bool:
        return self.first <= month <= self.last and self.paid <= judged_at


@dataclass(frozen=True)
class Event:
    """A life event: its kind and the month it happened in."""

    kind: str
    month: int

    @property
    def takes_effect(self) -> int:
        """Endings and deactivations count from the month after; a reactivation at once."""
        return self.month if self.kind == REACTIVATED else self.month + 1


def parse_events(text: str) -> tuple[Event, ...]:
    """`coverage_participants.events` ("died@2025-03-14,…", in date order) as events;
    unknown kinds (a newer version's) are left out."""
    found = []
    for item in filter(None, text.split(",")):
        kind, _, day = item.partition("@")
        if kind in EVENT_KINDS:
            found.append(Event(kind, month_number(day[:7])))
    return tuple(found)


def walk(
    start: int, spans: Iterable[PaidSpan], events: Iterable[Event], until: int
) -> dict[int, str]:
    """The state of every month from ``start`` to ``until`` (inclusive) of one participant
    whose coverage starts in month ``start``. Months before ``start`` have no state."""
    spans = tuple(spans)
    pending = sorted(events, key=lambda e: e.takes_effect)
    states: dict[int, str] = {}
    period_start, lapsed, ended = start, False, False
    for month in range(start, until + 1):
        while pending and pending[0].takes_effect <= month:
            event = pending.pop(0)
            if event.kind == REACTIVATED:
                period_start, lapsed, ended = max(event.month, start), False, False
            elif event.kind == DEACTIVATED:
                lapsed = True
            else:
                ended = True
        if ended:
            states[month] = ENDED
            continue
        if not lapsed:
            run = unpaid_run(month, period_start, spans)
            lapsed = run >= LAPSE_AFTER
        states[month] = LAPSED if lapsed else (ACTIVE, UNPAID_1, UNPAID_2)[run]
    return states


def unpaid_run(month: int, period_start: int, spans: tuple[PaidSpan, ...]) -> int:
    """Unpaid months in a row ending at ``month`` (counted up to `LAPSE_AFTER`), judged at
    the end of ``month``, from ``period_start`` on."""
    run = 0
    for earlier in range(month, max(month - LAPSE_AFTER, period_start - 1), -1):
        if any(span.covers(earlier, month) for span in spans):
            break
        run += 1
    return run


def paid_months(states: dict[int, str], spans: Iterable[PaidSpan]) -> set[int]:
    """The months a participant's payments paid for: covered by one of them (whenever it
    was made) while the participant was billed. A lapsed or ended month inside a payment's
    span was not paid for (BPJS did not bill it)."""
    covered = set()
    for span in spans:
        covered.update(m for m in range(span.first, span.last + 1) if states.get(m) in BILLED)
    return covered


def paid_through(start: int, spans: Iterable[PaidSpan], states: dict[int, str]) -> int | None:
    """The last month up to which every month from ``start`` is paid (`paid_months`);
    None when ``start`` itself is not paid."""
    paid = paid_months(states, spans)
    month = start
    while month in paid:
        month += 1
    return month - 1 if month > start else None


def contribution_for_month(
    table: ContributionTable,
    *,
    funding_source: str,
    jht: bool,
    income: int | None,
    month: int,
    transport: bool = False,
) -> int:
    """What one participant costs BPJS for ``month`` (Rupiah): the bracket of ``income``
    (the lowest without one), JKK and JKM, JHT when chosen, under the rate rule of the
    month's first day for the funding source and the sector (PP 50/2025's discount runs
    longer for transport workers); 0 when no rule covers the month."""
    try:
        return table.for_month(
            income or 0,
            first_day(month),
            jht=jht,
            funding_source=funding_source or "apbd",
            transport=transport,
        ).monthly
    except LookupError:
        return 0


class Pricer:
    """`contribution_for_month`, remembered per funding source, JHT, bracket, sector and
    month (a report prices thousands of groups of the same few brackets)."""

    def __init__(self, table: ContributionTable):
        self.table = table
        self._base: dict[int | None, int] = {}
        self._prices: dict[tuple, int] = {}

    def base(self, income: int | None) -> int:
        if income not in self._base:
            self._base[income] = self.table.bracket(income or 0).base_income
        return self._base[income]

    def price(
        self,
        funding_source: str,
        jht: bool,
        income: int | None,
        month: int,
        transport: bool = False,
    ) -> int:
        key = (funding_source, jht, self.base(income), month, transport)
        if key not in self._prices:
            self._prices[key] = contribution_for_month(
                self.table, funding_source=funding_source, jht=jht, income=key[2],
                month=month, transport=transport,
            )  # fmt: skip
        return self._prices[key]
