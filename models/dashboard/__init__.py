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

The figures are cut by what a screen shows when: `figures` (the dataclasses), `coverage`
(the overview), `activity` (the details) and `filters` (click-through: the records list
filtered to a figure, `click_filter` for what was clicked). This package re-exports them
all, so ``models.dashboard.overview`` and the like stay where callers look for them.
"""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from models.contribution import ContributionTable
from models.dashboard.activity import (
    details,
    local_day,
    local_utc_offset,
    officers_and_weeks,
    people,
)
from models.dashboard.coverage import budget, counted_registrations, overview, place_rows
from models.dashboard.figures import (
    AGE_BANDS,
    COUNTED,
    COUNTED_STATUSES,
    STATUSES,
    UNKNOWN,
    AgeBand,
    Budget,
    Dashboard,
    Details,
    FundingBudget,
    OfficerStats,
    Overview,
    People,
    PlaceRow,
    Progress,
    Week,
    week_start,
)
from models.dashboard.filters import (
    Click,
    Figure,
    OfficerFigure,
    age_filter,
    click_filter,
    counted_filter,
    funding_filter,
    future_filter,
    group_filter,
    officer_conflicts_filter,
    officer_filter,
    place_filter,
    sex_filter,
    status_filter,
    week_filter,
    with_label,
)

__all__ = [
    "AGE_BANDS", "COUNTED", "COUNTED_STATUSES", "STATUSES", "UNKNOWN", "AgeBand", "Budget",
    "Click", "Dashboard", "Details", "Figure", "FundingBudget", "OfficerFigure",
    "OfficerStats", "Overview", "People", "PlaceRow", "Progress", "Week", "age_filter",
    "budget", "click_filter", "counted_filter", "counted_registrations", "dashboard",
    "details", "funding_filter", "future_filter", "group_filter", "local_day",
    "local_utc_offset", "officer_conflicts_filter", "officer_filter", "officers_and_weeks",
    "overview", "people", "place_filter", "place_rows", "sex_filter", "status_filter",
    "week_filter", "week_start", "with_label",
]  # fmt: skip


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
