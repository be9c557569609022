"""Who is covered in a month, and what that month costs: the figures of ``coverage``, the
dashboard's months, the lapse warnings and one participant's coverage (all the SQL of
reading coverage; the rules are `models.coverage_rules`).

A participant is a live registration that is ``registered`` (`coverage_participants`, kept
by triggers, see migration m016). Its coverage starts in the month it became registered —
the day the KPJ came back — or in the month of the regency's cooperation agreement (PKS,
setting ``pks_date``) when that is later. Participants who share the month they became
registered, their payment history and their life events share every month's state, so a
report walks each such group once (`walk`) and counts its members from one covering index
(``coverage_groups``): a few thousand rows at 500,000 participants.

**Amount due** of a month: the contribution of every participant BPJS bills that month
(active or with one or two unpaid months; not lapsed, not ended), paid or not — what the
month costs and what BPJS's invoice should say. **Amount unpaid**: the part of it not paid
yet at the end of the month.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlite_utils import Database

from models.contribution import ContributionTable, default_table
from models.coverage_rules import (
    BILLED,
    STATES,
    UNPAID_1,
    UNPAID_2,
    PaidSpan,
    Pricer,
    month_number,
    month_text,
    paid_through,
    parse_events,
    walk,
)
from models.settings import load_settings

#: The participants counted: the condition of the partial index ``coverage_groups``.
LIVE = "live = 1"


def pks_month(db: Database) -> int | None:
    """The month of the regency's cooperation agreement with BPJS (setting ``pks_date``),
    before which nobody is covered; None when it is not set."""
    text = str(getattr(load_settings(db), "pks_date", "") or "").strip()
    try:
        return month_number(text[:7]) if text else None
    except ValueError:
        return None


@dataclass(frozen=True)
class GroupKey:
    """What decides a participant's months: the month it became registered, its payment
    history and its life events."""

    registered_month: str
    history: int
    events: str


class Histories:
    """Every payment history and payment, read once: the paid spans of a history."""

    def __init__(self, db: Database):
        spans = {
            pid: PaidSpan(month_number(first), month_number(last), month_number(paid[:7]))
            for pid, first, last, paid in db.execute(
                "SELECT id, first_month, last_month, paid_on FROM payments"
            )
        }
        self.spans: dict[int, tuple[PaidSpan, ...]] = {0: ()}
        self.payment_ids: dict[int, tuple[int, ...]] = {0: ()}
        for hid, payments in db.execute("SELECT id, payments FROM payment_histories"):
            self.payment_ids[hid] = tuple(json.loads(payments))
            self.spans[hid] = tuple(spans[p] for p in self.payment_ids[hid] if p in spans)


class Walks:
    """Each group's states month by month, computed once per group."""

    def __init__(self, histories: Histories, pks: int | None):
        self.histories = histories
        self.pks = pks
        self._walked: dict[tuple[GroupKey, int], dict[int, str]] = {}

    def start(self, key: GroupKey) -> int | None:
        """The group's first covered month (None: it became registered on no known day
        and no PKS date is set)."""
        try:
            registered = month_number(key.registered_month)
        except ValueError:
            return self.pks
        return max(registered, self.pks) if self.pks is not None else registered

    def states(self, key: GroupKey, until: int) -> dict[int, str]:
        found = self._walked.get((key, until))
        if found is None:
            start = self.start(key)
            spans = self.histories.spans.get(key.history, ())
            found = {} if start is None else walk(start, spans, parse_events(key.events), until)
            self._walked[(key, until)] = found
        return found


@dataclass
class MonthCoverage:
    """One month's figures (`coverage_months`)."""

    month: str
    active: int = 0
    unpaid_1: int = 0
    unpaid_2: int = 0
    lapsed: int = 0
    ended: int = 0
    amount_due: int = 0
    amount_unpaid: int = 0
    by_kecamatan: dict[str, KecamatanDue] = field(default_factory=dict)

    @property
    def billed(self) -> int:
        """Participants BPJS bills this month."""
        return self.active + self.unpaid_1 + self.unpaid_2

    def as_json(self) -> dict:
        return {
            "month": self.month, "active": self.active, "unpaid_1": self.unpaid_1,
            "unpaid_2": self.unpaid_2, "lapsed": self.lapsed, "ended": self.ended,
            "amount_due": self.amount_due, "amount_unpaid": self.amount_unpaid,
        }  # fmt: skip


@dataclass
class KecamatanDue:
    """What one kecamatan's participants cost in a month."""

    kecamatan_code: str
    participants: int = 0
    amount_due: int = 0


def group_rows(db: Database, until: int, *, by_kecamatan: bool, where: str = "", params=()):
    """(group key, funding source, JHT, income, transport sector, kecamatan or None, count)
    of the live participants registered by month ``until``, from the covering index in its
    order."""
    kecamatan = ", kecamatan_code" if by_kecamatan else ""
    cursor = db.execute(
        "SELECT registered_month, history, events, funding_source, program_jht,"
        f" monthly_income, transport_worker{kecamatan}, COUNT(*) FROM coverage_participants"
        f" INDEXED BY coverage_groups WHERE {LIVE} AND registered_month <= ? {where}"
        " GROUP BY registered_month, history, events, funding_source, program_jht,"
        f" monthly_income, transport_worker{kecamatan}",
        [month_text(until), *params],
    )
    for row in cursor:
        place = row[7] if by_kecamatan else None
        key = GroupKey(row[0], row[1], row[2])
        yield key, row[3], bool(row[4]), row[5], bool(row[6]), place, row[-1]


def coverage_months(
    db: Database,
    months: Iterable[str | int],
    *,
    table: ContributionTable | None = None,
    by_kecamatan: bool = False,
) -> list[MonthCoverage]:
    """The figures of each month asked for (``"2025-03"`` or month numbers), in order:
    participants per state and the amount due and unpaid; ``by_kecamatan`` also splits
    the amount due per kecamatan (the reconciliation)."""
    wanted = sorted({m if isinstance(m, int) else month_number(m) for m in months})
    if not wanted:
        return []
    until = wanted[-1]
    walks = Walks(Histories(db), pks_month(db))
    pricer = Pricer(table or default_table())
    report = {m: MonthCoverage(month_text(m)) for m in wanted}
    # Members of each group by what prices them (funding, JHT, bracket, kecamatan).
    members: dict[GroupKey, dict[tuple, int]] = defaultdict(lambda: defaultdict(int))
    grouped = group_rows(db, until, by_kecamatan=by_kecamatan)
    for key, source, jht, income, transport, place, count in grouped:
        members[key][(source, jht, pricer.base(income), transport, place)] += count
    for key, priced in members.items():
        states = walks.states(key, until)
        people = sum(priced.values())
        for month in wanted:
            state = states.get(month)
            if state is None:
                continue
            figures = report[month]
            setattr(figures, state, getattr(figures, state) + people)
            if state in BILLED:
                _add_due(figures, priced, pricer, month, unpaid=state != "active")
    return [report[m] for m in wanted]


def _add_due(
    figures: MonthCoverage, priced: dict[tuple, int], pricer: Pricer, month: int, unpaid: bool
) -> None:
    for (source, jht, base, transport, place), count in priced.items():
        amount = count * pricer.price(source, jht, base, month, transport)
        figures.amount_due += amount
        if unpaid:
            figures.amount_unpaid += amount
        if place is not None:
            share = figures.by_kecamatan.setdefault(place, KecamatanDue(place))
            share.participants += count
            share.amount_due += amount


def coverage_month(
    db: Database, month: str | int, *, table: ContributionTable | None = None
) -> MonthCoverage:
    """The figures of one month (``coverage --month``)."""
    return coverage_months(db, [month], table=table)[0]


def due_by_kecamatan(
    db: Database, month: str | int, *, table: ContributionTable | None = None
) -> MonthCoverage:
    """One month's figures with the amount due per kecamatan (``by_kecamatan``;
    participants without a village under the code ``""``)."""
    return coverage_months(db, [month], table=table, by_kecamatan=True)[0]


# --- participants ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ParticipantMonth:
    """One participant's coverage as of a month."""

    registration_id: str
    full_name: str
    nik: str
    kpj: str
    village_code: str
    start: str  # first covered month, "" when unknown
    paid_through: str  # last month paid without a gap since the start, "" when none
    state: str  # a coverage_rules state, "" before the start

    @property
    def unpaid_months(self) -> int:
        return {UNPAID_1: 1, UNPAID_2: 2}.get(self.state, 0)


def about_to_lapse(db: Database, month: str | int, limit: int = 500) -> list[ParticipantMonth]:
    """Participants with unpaid months at the end of ``month``, two months first (one more
    and BPJS deactivates them), then one; by name within each."""
    month = month if isinstance(month, int) else month_number(month)
    walks = Walks(Histories(db), pks_month(db))
    keys = {
        key for key, *_ in group_rows(db, month, by_kecamatan=False)
    }  # a few thousand groups at most
    warned = {UNPAID_2: [], UNPAID_1: []}
    for key in keys:
        state = walks.states(key, month).get(month)
        if state in warned:
            warned[state].append(key)
    found: list[ParticipantMonth] = []
    for state in (UNPAID_2, UNPAID_1):
        rows = []
        for key in warned[state]:
            rows += _members(db, key, limit)
        rows.sort(key=lambda r: (r["full_name"].casefold(), r["registration_id"]))
        found += [_participant(row, walks, key_of(row), month) for row in rows]
    return found[:limit]


def key_of(row: dict) -> GroupKey:
    return GroupKey(row["registered_month"], row["history"], row["events"])


def _members(db: Database, key: GroupKey, limit: int) -> list[dict]:
    cursor = db.execute(
        "SELECT c.registration_id, c.registered_month, c.history, c.events, r.full_name,"
        " r.nik, r.kpj, r.village_code FROM coverage_participants c"
        " INDEXED BY coverage_groups JOIN registrations r ON r.id = c.registration_id"
        f" WHERE c.{LIVE} AND c.registered_month = ? AND c.history = ? AND c.events = ?"
        " LIMIT ?",
        [key.registered_month, key.history, key.events, limit],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _participant(row: dict, walks: Walks, key: GroupKey, month: int) -> ParticipantMonth:
    start = walks.start(key)
    spans = walks.histories.spans.get(key.history, ())
    through = None
    if start is not None:
        until = max([month, *(span.last for span in spans)])
        through = paid_through(start, spans, walks.states(key, until))
    state = walks.states(key, month).get(month, "") if start is not None else ""
    return ParticipantMonth(
        row["registration_id"], row["full_name"], row["nik"], row["kpj"], row["village_code"],
        month_text(start) if start is not None else "",
        month_text(through) if through is not None else "", state,
    )  # fmt: skip


def participant_coverage(
    db: Database, registration_id: str, month: str | int
) -> ParticipantMonth | None:
    """One participant's coverage start, paid-through month and state in ``month``; None
    for a registration that was never registered."""
    month = month if isinstance(month, int) else month_number(month)
    cursor = db.execute(
        "SELECT c.registration_id, c.registered_month, c.history, c.events, r.full_name,"
        " r.nik, r.kpj, r.village_code FROM coverage_participants c"
        " JOIN registrations r ON r.id = c.registration_id WHERE c.registration_id = ?",
        [registration_id],
    )
    names = [d[0] for d in cursor.description]
    found = cursor.fetchone()
    if found is None:
        return None
    row = dict(zip(names, found, strict=True))
    walks = Walks(Histories(db), pks_month(db))
    return _participant(row, walks, key_of(row), month)


def month_range(last: str | int | date, count: int) -> list[int]:
    """``count`` months ending with ``last``, oldest first."""
    end = last if isinstance(last, int) else month_number(last)
    return list(range(end - count + 1, end + 1))


__all__ = [
    "STATES",
    "GroupKey",
    "Histories",
    "KecamatanDue",
    "MonthCoverage",
    "ParticipantMonth",
    "Walks",
    "about_to_lapse",
    "coverage_month",
    "coverage_months",
    "due_by_kecamatan",
    "month_range",
    "participant_coverage",
    "pks_month",
]
