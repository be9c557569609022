"""A participant's months, without a database: paid, unpaid, lapsed after three, ended by a
life event, back after a reactivation; and the day a registration becomes a participant."""

from datetime import date

import pytest

from models import coverage
from models.audit import verify_chain
from models.coverage_rules import (
    Event,
    PaidSpan,
    month_number,
    month_text,
    paid_through,
    parse_events,
    walk,
)
from models.db import open_database, select_rows, write_transaction
from models.status_updates import reject_registrations
from models.store import RegistrationStore, change_rows
from tests.factories import siti

JAN = month_number("2026-01")


def states(start, spans=(), events=(), months=6):
    found = walk(JAN + start, spans, events, JAN + months - 1)
    return [found.get(JAN + m, "") for m in range(months)]


def span(first, last, paid):
    return PaidSpan(JAN + first, JAN + last, JAN + paid)


def test_months_are_numbers():
    assert month_text(month_number("2026-03")) == "2026-03"
    assert month_number(date(2026, 3, 31)) == month_number("2026-03") == JAN + 2
    for wrong in ("2026-13", "2026-3", "March", ""):
        with pytest.raises(ValueError, match="bukan bulan"):
            month_number(wrong)


def test_unpaid_months_count_up_to_a_lapse_that_stays():
    assert states(0) == ["unpaid_1", "unpaid_2", "lapsed", "lapsed", "lapsed", "lapsed"]
    # Paid in May for March to June: too late, the lapse in March stands.
    assert states(0, [span(2, 5, 4)])[2:] == ["lapsed"] * 4


def test_arrears_paid_before_the_third_month_keep_the_participant():
    # January and February unpaid, then paid in March for January to March.
    assert states(0, [span(0, 2, 2)], months=4) == ["unpaid_1", "unpaid_2", "active", "unpaid_1"]


def test_a_payment_counts_from_the_month_it_was_made():
    # Paid in February for January to June: January was unpaid at its end.
    assert states(0, [span(0, 5, 1)]) == ["unpaid_1"] + ["active"] * 5


def test_an_ending_counts_from_the_month_after():
    died = Event("died", JAN + 2)
    assert states(0, [span(0, 5, 0)], [died]) == ["active"] * 3 + ["ended"] * 3


def test_deactivation_and_reactivation():
    out = Event("deactivated", JAN + 1)
    back = Event("reactivated", JAN + 4)
    assert states(0, [span(0, 5, 0)], [out, back]) == [
        "active", "active", "lapsed", "lapsed", "active", "active",
    ]  # fmt: skip
    # A reactivation starts again with no unpaid months behind it.
    assert states(0, [], [back], months=6)[4:] == ["unpaid_1", "unpaid_2"]


def test_paid_through_stops_at_the_first_gap():
    def through(*spans):
        return paid_through(JAN, spans, walk(JAN, spans, (), JAN + 11))

    assert through(span(0, 2, 0), span(3, 5, 2)) == JAN + 5
    assert through(span(0, 2, 0), span(4, 5, 0)) == JAN + 2
    assert through(span(1, 2, 0)) is None
    # Paid late for April to June: June had lapsed, it was not paid for.
    assert through(span(0, 2, 0), span(3, 5, 6)) == JAN + 4


def test_events_of_a_newer_version_are_left_out():
    assert parse_events("died@2026-03-14,retired@2026-04-01") == (Event("died", JAN + 2),)


# --- who is a participant, and since when (the triggers of m016) ---------------------------


def participants(db):
    return db.execute(
        "SELECT registration_id, registered_on, live, funding_source, kecamatan_code"
        " FROM coverage_participants ORDER BY registration_id"
    ).fetchall()


def test_a_registration_becomes_a_participant_the_day_it_is_registered(db):
    store = RegistrationStore(db)
    store.save(siti(status="submitted"), "staf")
    assert participants(db) == []
    row = _rows(db)[0]
    with write_transaction(db):
        change_rows(db, [(row, {"status": "registered"})], "kpj", "staf")
    day = db.execute("SELECT substr(updated_at, 1, 10) FROM registrations").fetchone()[0]
    assert participants(db) == [("reg-siti", day, 1, "apbd", "62.08.01")]
    # A correction at the district keeps the day, and the copies follow it.
    saved = store.get("reg-siti")
    store.save(saved.copy(funding_source="csr", village_code="62.08.02.2002"), "staf")
    assert participants(db) == [("reg-siti", day, 1, "csr", "62.08.02")]
    reject_registrations(db, {"reg-siti": "KPJ ganda"}, "staf")
    assert participants(db)[0][2] == 0  # no longer counted
    assert verify_chain(db).ok


def _rows(db):
    found = select_rows(db, "SELECT * FROM registrations")
    for row in found:
        row.pop("kecamatan_code", None)
    return found


def test_a_deleted_participant_is_not_counted(db):
    store = RegistrationStore(db)
    store.insert_many([siti(status="registered", updated_at="2026-01-05T01:00:00+00:00")], "s")
    assert participants(db) == [("reg-siti", "2026-01-05", 1, "apbd", "62.08.01")]
    store.delete("reg-siti", "s")
    assert participants(db)[0][2] == 0
    assert coverage.coverage_month(db, "2026-02").billed == 0


def test_the_migration_finds_who_was_registered_before_it(tmp_path):
    """A database registered before m016: each participant's day is the audited change
    that registered it."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    from models.migrations import STEPS, m016_programme_year
    from models.sqlite_driver import sqlite

    path = tmp_path / "old.db"
    old = Database(sqlite.connect(path))
    before = Migrations("jaring")
    # Every step but m016: the later ones add the columns the store writes today.
    for step in STEPS:
        if step is not m016_programme_year:
            before()(step)
    before.apply(old)
    store = RegistrationStore(old)
    store.save(siti(status="submitted"), "staf")
    old.execute("DROP TRIGGER IF EXISTS audit_log_no_update")  # to date the change
    with write_transaction(old):
        row = _rows(old)[0]
        change_rows(old, [(row, {"status": "registered"})], "kpj", "staf")
        old.execute("UPDATE audit_log SET at = '2025-08-09T01:00:00.000+00:00'"
                    " WHERE action = 'kpj'")  # fmt: skip
    old.close()
    db = open_database(path)
    assert participants(db) == [("reg-siti", "2025-08-09", 1, "apbd", "62.08.01")]
    db.close()
