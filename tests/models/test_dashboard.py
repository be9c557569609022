"""The dashboard's figures against a small data set computed by hand, and every figure's
click-through filter giving the records list exactly the registrations it counts."""

import json
from datetime import date

import pytest

from models import dashboard as figures
from models.contribution import default_table
from models.store import RecordFilter, RegistrationStore
from tests.factories import person

TODAY = date(2026, 11, 27)
NATAI = "62.08.01.2001"  # Kecamatan Sukamara (62.08.01)
KUALA_JELAI = "62.08.02.1001"  # Kecamatan Jelai (62.08.02)


def utc(text: str) -> str:
    return text + ".000+00:00"


@pytest.fixture
def sample(configured_db):
    return fill_sample(configured_db)


def fill_sample(db):
    """Eight registrations (one deleted), three officers, two conflicts.

    counted (not draft, rejected or deleted): A, B, C, F, H
    """
    people = [
        # A: 36 years old, lowest bracket without JHT: Rp 16,800
        person(1, "A", NATAI, "received", sex="P", target_group="petani",
               birth_date=date(1990, 7, 5), monthly_income=1_000_000, program_jht=False,
               created_by="Budi", created_at=utc("2026-11-02T03:00:00")),
        # B: 23; base 1,200,000 with JHT: 12,000 + 6,800 + 24,000 = Rp 42,800. 18:00 UTC
        # on Sunday 8 November is 01:00 on Monday 9 November in WIB: next week.
        person(2, "B", NATAI, "registered", sex="L", target_group="nelayan",
               birth_date=date(2003, 1, 1), monthly_income=1_150_000, program_jht=True,
               created_by="Budi", created_at=utc("2026-11-08T18:00:00")),
        # C: 55 today; CSR, base 2,950,000, in November 2026 under PP 50/2025's discount
        # (CSR-funded, not transport): 14,750 + 3,400 = Rp 18,150
        person(3, "C", KUALA_JELAI, "ready", sex="P", target_group="umkm",
               birth_date=date(1971, 11, 27), monthly_income=3_000_000, program_jht=False,
               funding_source="csr", created_by="Ahmad",
               created_at=utc("2026-10-20T02:00:00")),
        person(4, "D", NATAI, "draft", sex="P", target_group="petani",
               created_by="Siti", created_at=utc("2026-11-10T01:00:00")),
        person(5, "E", NATAI, "rejected", sex="L", target_group="petani",
               created_by="Siti", created_at=utc("2026-11-10T02:00:00")),
        # F: 64, self-paying, no income known: priced at the lowest bracket, discounted in
        # November 2026: Rp 8,400
        person(6, "F", KUALA_JELAI, "exported", sex="L", target_group="atlet",
               birth_date=date(1961, 11, 28), monthly_income=None, program_jht=False,
               funding_source="mandiri", warnings_confirmed=["age.range"], created_by="Siti",
               created_at=utc("2026-11-10T03:00:00")),
        person(7, "G", NATAI, "received", deleted=True, created_by="Siti",
               created_at=utc("2026-11-10T04:00:00")),
        # H: 25 today (born on this day in 2001); income 0: Rp 16,800
        person(8, "H", NATAI, "submitted", sex="L", target_group="petani",
               birth_date=date(2001, 11, 27), monthly_income=0, program_jht=False,
               created_by="Siti", created_at=utc("2026-11-11T05:00:00")),
    ]  # fmt: skip
    RegistrationStore(db).insert_many(people, actor="test")
    for officer, status, incoming_id in (("Siti", "open", "x-1"), ("Budi", "resolved", "x-2")):
        db.execute(
            "INSERT INTO conflicts (kind, batch_id, registration_id, incoming_id, incoming,"
            " reason, status, created_at) VALUES ('nik', 'b', ?, ?, ?, 'nik', ?, 'now')",
            ["reg-1", incoming_id, json.dumps({"created_by": officer}), status],
        )
    return db


def test_progress_counts_live_registrations_that_are_not_drafts_or_rejected(sample):
    o = figures.overview(sample, today=TODAY)
    assert o.progress.target == 9863
    assert o.progress.counted == 5
    assert o.progress.by_status == {
        "draft": 1, "ready": 1, "exported": 1, "received": 1, "submitted": 1,
        "registered": 1, "rejected": 1,
    }  # fmt: skip
    assert o.progress.percent == pytest.approx(100 * 5 / 9863)
    assert o.by_village == {NATAI: 3, KUALA_JELAI: 2}
    assert o.by_kecamatan == {"62.08.01": 3, "62.08.02": 2}


def test_budget_per_funding_source_and_for_the_full_target(sample):
    b = figures.overview(sample, today=TODAY).budget
    assert b.source("apbd") == figures.FundingBudget("apbd", 3, 16_800 + 42_800 + 16_800)
    assert b.source("apbd").yearly == 76_400 * 12 == 916_800
    assert b.source("csr") == figures.FundingBudget("csr", 1, 18_150)
    assert b.source("mandiri") == figures.FundingBudget("mandiri", 1, 8_400)
    assert b.total.workers == 5 and b.total.monthly == 102_950
    assert b.priced_at_lowest == 1
    assert b.target_each == 16_800
    assert b.target_monthly == 9_863 * 16_800 == 165_698_400
    assert b.target_yearly == 1_988_380_800


def test_budget_matches_each_registrations_contribution(sample):
    """The grouped sum equals the per-registration "Iuran/bulan" of the lists."""
    table = default_table()
    store = RegistrationStore(sample)
    expected = sum(
        table.contribution(r.monthly_income or 0, jht=r.program_jht,
                           funding_source=r.funding_source, on=TODAY).monthly
        for r in store.registrations_matching(RecordFilter(counted=True))
    )  # fmt: skip
    assert figures.overview(sample, today=TODAY).budget.total.monthly == expected


def test_people_by_group_sex_and_age_band(sample):
    people = figures.details(sample, today=TODAY).people
    assert people.by_group == {"petani": 2, "atlet": 1, "nelayan": 1, "umkm": 1}
    assert people.by_sex == {"L": 3, "P": 2}
    assert people.by_age == {"<25": 1, "25-34": 1, "35-44": 1, "45-54": 0, "55+": 2}


def test_a_missing_birth_date_is_its_own_band(sample):
    RegistrationStore(sample).insert_many(
        [person(9, "I", NATAI, "ready", birth_date=None)], actor="test"
    )
    people = figures.details(sample, today=TODAY).people
    assert people.by_age[figures.UNKNOWN] == 1
    assert sum(people.by_age.values()) == 6


def test_officers_and_weeks_in_local_time(sample):
    d = figures.details(sample, today=TODAY, utc_offset_hours=7)
    by_name = {o.officer: o for o in d.officers}
    assert [o.officer for o in d.officers] == ["Siti", "Budi", "Ahmad"]
    siti = by_name["Siti"]
    assert (siti.registrations, siti.counted, siti.drafts, siti.with_warnings, siti.flagged) == (
        4, 2, 1, 1, 2,
    )  # fmt: skip
    assert siti.flagged_share == 0.5
    assert (siti.days_active, siti.weeks_active) == (2, 1)
    assert (siti.per_day, siti.per_week) == (2.0, 4.0)
    assert (siti.conflicts, siti.open_conflicts) == (1, 1)
    budi = by_name["Budi"]
    assert (budi.registrations, budi.days_active, budi.weeks_active) == (2, 2, 2)
    assert (budi.first_day, budi.last_day) == (date(2026, 11, 2), date(2026, 11, 9))
    assert (budi.conflicts, budi.open_conflicts) == (1, 0)
    assert [(w.start, w.counted) for w in d.weeks] == [
        (date(2026, 10, 19), 1), (date(2026, 10, 26), 0),
        (date(2026, 11, 2), 1), (date(2026, 11, 9), 3),
    ]  # fmt: skip


def test_weeks_follow_the_utc_offset(sample):
    weeks = figures.details(sample, today=TODAY, utc_offset_hours=0).weeks
    # At UTC, B (Sunday 8 November, 18:00) belongs to the week of 2 November.
    assert [(w.start, w.counted) for w in weeks][-2:] == [
        (date(2026, 11, 2), 2), (date(2026, 11, 9), 2),
    ]  # fmt: skip


def test_an_empty_database_has_no_figures_but_the_target(db):
    data = figures.dashboard(db, today=TODAY)
    assert data.overview.progress.counted == 0 and data.overview.progress.target == 9863
    assert data.overview.budget.target_monthly == 165_698_400
    assert data.details.weeks == [] and data.details.officers == []


def test_place_rows_list_every_desa_with_kecamatan_totals():
    from models.regions import default_regions

    villages = default_regions().villages_of("62.08")
    rows = figures.place_rows({NATAI: 3, KUALA_JELAI: 2}, villages)
    kecamatan = [r for r in rows if r.is_kecamatan]
    assert [r.kecamatan_code for r in kecamatan] == sorted({v.parent for v in villages})
    assert {r.kecamatan_code: r.counted for r in kecamatan}["62.08.01"] == 3
    assert len(rows) == len(villages) + len(kecamatan)
    assert next(r for r in rows if r.village_code == NATAI).counted == 3


# --- click-through -------------------------------------------------------------------------


def test_every_figure_filters_the_list_to_what_it_counts(sample):
    store = RegistrationStore(sample)
    o = figures.overview(sample, today=TODAY)
    d = figures.details(sample, today=TODAY, utc_offset_hours=7)

    def names(record_filter: RecordFilter) -> set[str]:
        assert store.count(record_filter) == len(store.list_rowids(record_filter))
        return {r.full_name for r in store.registrations_matching(record_filter)}

    assert names(RecordFilter(counted=True)) == {"A", "B", "C", "F", "H"}
    for status, count in o.progress.by_status.items():
        assert store.count(figures.status_filter(status)) == count
    assert names(figures.place_filter("62.08.01")) == {"A", "B", "H"}
    assert names(figures.place_filter("62.08.02", KUALA_JELAI)) == {"C", "F"}
    for group, count in d.people.by_group.items():
        assert store.count(figures.group_filter(group)) == count
    assert names(figures.sex_filter("P")) == {"A", "C"}
    for key, count in d.people.by_age.items():
        assert store.count(figures.age_filter(key, TODAY)) == count
    assert names(figures.age_filter("55+", TODAY)) == {"C", "F"}
    assert names(figures.age_filter("25-34", TODAY)) == {"H"}
    for line in o.budget.by_source:
        assert store.count(figures.funding_filter(line.funding_source)) == line.workers
    for officer in d.officers:
        assert store.count(figures.officer_filter(officer.officer)) == officer.registrations
        assert store.count(figures.officer_filter(officer.officer, flagged=True)) == officer.flagged
    assert names(figures.officer_filter("Siti", flagged=True)) == {"D", "F"}
    for week in d.weeks:
        assert store.count(figures.week_filter(week.start, 7)) == week.counted
    assert names(figures.week_filter(date(2026, 11, 9), 7)) == {"B", "F", "H"}
    # The conflict's existing registration (A, reg-1); its incoming record never arrived.
    assert names(figures.officer_conflicts_filter("Siti")) == {"A"}
    assert names(figures.officer_conflicts_filter("Ahmad")) == set()


def test_a_dashboard_filter_combines_with_search_and_combos(sample):
    store = RegistrationStore(sample)
    both = RecordFilter(counted=True, kecamatan_code="62.08.01", sex="L")
    assert {r.full_name for r in store.registrations_matching(both)} == {"B", "H"}
    assert store.count(RecordFilter(counted=True, text="H")) == 1
    assert RecordFilter(counted=True).narrowed and not RecordFilter(status="draft").narrowed


def test_age_band_birth_ranges_on_a_leap_day():
    after, until = figures.AGE_BANDS[1].birth_range(date(2028, 2, 29))  # 25-34
    assert (after, until) == ("1993-02-28", "2003-02-28")


def test_the_dashboard_queries_walk_their_indexes(sample):
    """Each aggregate walks its own index (m010_dashboard) in order: no sort."""
    queries = {
        "registrations_dashboard_places": "SELECT village_code, COUNT(*) FROM registrations"
        f" INDEXED BY registrations_dashboard_places WHERE {figures.COUNTED}"
        " GROUP BY village_code",
        "registrations_dashboard_money": "SELECT funding_source, program_jht, monthly_income,"
        " COUNT(*) FROM registrations INDEXED BY registrations_dashboard_money"
        f" WHERE {figures.COUNTED} GROUP BY funding_source, program_jht, monthly_income",
    }
    for name, sql in queries.items():
        plan = " ".join(row[3] for row in sample.execute("EXPLAIN QUERY PLAN " + sql))
        assert f"USING INDEX {name}" in plan and "TEMP B-TREE" not in plan


def test_local_days_from_stored_timestamps():
    assert figures.local_day("2026-11-08T18", 7) == date(2026, 11, 9)
    assert figures.local_day("2026-11-08T18", 0) == date(2026, 11, 8)
    assert figures.local_day("2026-11-08", 7) == date(2026, 11, 8)  # a bare date as it is
    assert figures.local_day("", 7) is None
    assert figures.week_start(date(2026, 11, 15)) == date(2026, 11, 9)  # Sunday -> Monday


def test_a_registration_without_a_creation_time_counts_but_has_no_day(sample):
    RegistrationStore(sample).insert_many(
        [person(9, "I", NATAI, "ready", created_by="Budi")], actor="test"
    )
    sample.execute("UPDATE registrations SET created_at = '' WHERE id = 'reg-9'")
    d = figures.details(sample, today=TODAY)
    budi = next(o for o in d.officers if o.officer == "Budi")
    assert budi.registrations == 3 and budi.days_active == 2
    assert sum(w.counted for w in d.weeks) == 5  # I has no week


# --- review fixes ------------------------------------------------------------------------------


def test_an_officers_warnings_filter_lists_only_registrations_with_warnings(sample):
    """The "Peringatan" figure: confirmed warnings only, not drafts (those are "flagged")."""
    store = RegistrationStore(sample)
    for officer in figures.details(sample, today=TODAY).officers:
        warned = figures.officer_filter(officer.officer, warned=True)
        assert store.count(warned) == officer.with_warnings
    names = {
        r.full_name
        for r in store.registrations_matching(figures.officer_filter("Siti", warned=True))
    }
    assert names == {"F"}


def test_places_outside_the_regency_and_without_a_village(sample):
    RegistrationStore(sample).insert_many(
        [person(9, "I", "62.08.99.2001", "ready"), person(10, "J", "", "ready"),
         person(11, "K", "", "draft")],
        actor="test",
    )  # fmt: skip
    from models.regions import default_regions

    o = figures.overview(sample, today=TODAY)
    rows = figures.place_rows(o.by_village, default_regions().villages_of("62.08"))
    unplaced = [r for r in rows if r.no_village]
    assert len(unplaced) == 1 and unplaced[0].counted == 1  # one row, drafts not counted
    assert not any(r.is_kecamatan and not r.kecamatan_code for r in rows)
    outside = [r for r in rows if r.kecamatan_code == "62.08.99"]
    assert [(r.village_code, r.counted) for r in outside] == [("", 1), ("62.08.99.2001", 1)]
    store = RegistrationStore(sample)
    for row in rows:
        assert (
            store.count(figures.place_filter(row.kecamatan_code, row.village_code)) == row.counted
        )
    assert {r.full_name for r in store.registrations_matching(figures.place_filter("", ""))} == {
        "J"
    }


def test_a_registration_dated_in_the_future_stays_off_the_time_line(sample):
    """A wrong laptop clock (2031) must not stretch the weekly time line over five years."""
    RegistrationStore(sample).insert_many(
        [person(9, "I", NATAI, "ready", created_by="Budi",
                created_at=utc("2031-03-04T03:00:00"))],
        actor="test",
    )  # fmt: skip
    d = figures.details(sample, today=TODAY, utc_offset_hours=7)
    assert [(w.start, w.counted) for w in d.weeks] == [
        (date(2026, 10, 19), 1), (date(2026, 10, 26), 0),
        (date(2026, 11, 2), 1), (date(2026, 11, 9), 3),
    ]  # fmt: skip
    assert d.future == 1
    store = RegistrationStore(sample)
    future = figures.future_filter(TODAY, 7)
    assert {r.full_name for r in store.registrations_matching(future)} == {"I"}
    # Still one of Budi's registrations, on the day his laptop said.
    budi = next(o for o in d.officers if o.officer == "Budi")
    assert budi.registrations == 3 and budi.last_day == date(2031, 3, 4)


def test_registered_is_what_bpjs_accepted(sample):
    p = figures.overview(sample, today=TODAY).progress
    assert (p.counted, p.registered) == (5, 1)
    assert p.registered_percent == pytest.approx(100 / 9863)


def test_officers_and_days_walk_a_covering_index(sample):
    """Grouped by officer and local day in SQL (m012): the index covers the query, so the
    table is never read; the sort is over the index's rows."""
    sql = (
        "SELECT created_by, date(created_at, '+7 hours') AS day, COUNT(*),"
        " SUM(status = 'draft'), SUM(warnings_confirmed != '')"
        " FROM registrations INDEXED BY registrations_dashboard_days WHERE deleted = 0"
        " GROUP BY created_by, day"
    )
    plan = " ".join(row[3] for row in sample.execute("EXPLAIN QUERY PLAN " + sql))
    assert "USING COVERING INDEX registrations_dashboard_days" in plan


def test_officers_and_weeks_group_by_day_not_by_hour(sample):
    """Many registrations of one officer on one day are one group, whatever their hours,
    statuses and warnings: the rows the query returns stay few on data spread over years."""
    many = [
        person(100 + i, f"P{i}", NATAI, ("ready", "draft", "registered")[i % 3], created_by="Dewi",
               warnings_confirmed=["age.range"] if i % 2 else [],
               created_at=utc(f"2026-11-16T{i % 10:02d}:{i:02d}:00"))
        for i in range(30)
    ]  # fmt: skip
    RegistrationStore(sample).insert_many(many, actor="test")
    traced: list[str] = []
    sample.conn.set_trace_callback(traced.append)
    d = figures.details(sample, today=TODAY)
    sample.conn.set_trace_callback(None)
    dewi = next(o for o in d.officers if o.officer == "Dewi")
    assert (dewi.registrations, dewi.drafts, dewi.with_warnings, dewi.days_active) == (
        30, 10, 15, 1,
    )  # fmt: skip
    assert dewi.flagged == 10 + 15 - 5  # drafts or warned, each once
    query = next(q for q in traced if "registrations_dashboard_days" in q)
    # One row per officer and local day: Ahmad 1, Budi 2, Dewi 1 (30 registrations), Siti 2.
    assert len(sample.execute(query).fetchall()) == 6
