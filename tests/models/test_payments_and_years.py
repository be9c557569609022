"""Payments choose whom they pay for and are one audited change; a month paid twice is paid
once; fiscal years default to the settings' target and remember a mid-year raise."""

from datetime import date

import pytest

from models import coverage, fiscal_year, payments
from models.audit import verify_chain
from models.settings import Settings, save_settings
from models.store import RegistrationStore
from tests.factories import person

JAN = "2026-01-05T02:00:00.000+00:00"


@pytest.fixture
def two(db):
    RegistrationStore(db).insert_many(
        [person(1, "Ani", "62.08.01.2001", status="registered", updated_at=JAN,
                program_jht=False),
         person(2, "Budi", "62.08.02.2002", status="registered", updated_at=JAN,
                program_jht=False, funding_source="mandiri")],
        "staf",
    )  # fmt: skip
    return db


def pay(db, first, last, on=date(2026, 1, 10), **filters):
    return payments.record_payment(
        db, first_month=first, last_month=last, paid_on=on, actor="staf", **filters
    )


def test_a_payment_is_one_audited_change(two):
    done = pay(two, "2026-01", "2026-03", kecamatan="62.08.01")
    assert (done.payment.participants, done.payment.amount) == (1, 3 * 16_800)
    assert payments.payment_shares(two, done.payment.id) == [
        {"kecamatan_code": "62.08.01", "funding_source": "apbd", "participants": 1,
         "amount": 50_400},
    ]  # fmt: skip
    [row] = two.execute(
        "SELECT action, registration_id, version, json_extract(after, '$.amount') FROM"
        " audit_log WHERE action = 'payment'"
    ).fetchall()
    assert row == ("payment", f"payment:{done.payment.id}", 1, 50_400)
    assert verify_chain(two).ok


def test_months_paid_already_are_not_paid_again(two):
    pay(two, "2026-01", "2026-03")
    again = pay(two, "2026-02", "2026-04")  # only April is new for both
    # Ani (APBD) 16,800; Budi (mandiri) in April 2026 under PP 50/2025's discount for
    # non-transport workers (April-December 2026): 5,000 + 3,400 = 8,400.
    assert (again.payment.participants, again.payment.amount) == (2, 16_800 + 8_400)
    with pytest.raises(payments.NothingToPay):
        pay(two, "2026-01", "2026-04")
    assert len(payments.payments(two)) == 2  # the refused one wrote nothing


def test_filters_and_wrong_months(two):
    done = pay(two, "2026-01", "2026-01", funding_source="mandiri")
    assert done.payment.participants == 1 and done.payment.funding_source == "mandiri"
    with pytest.raises(ValueError, match="sebelum"):
        pay(two, "2026-03", "2026-01")
    with pytest.raises(ValueError, match="24 bulan"):
        pay(two, "2026-01", "2028-01")
    with pytest.raises(payments.NothingToPay):
        pay(two, "2025-01", "2025-12")  # nobody was registered then


def test_money_after_the_lapse_pays_only_the_months_before_it(two):
    # Nothing was paid for January to March by the end of March: both lapsed then. Paid
    # in April, the money pays January and February, when they were still members.
    late = pay(two, "2026-01", "2026-06", on=date(2026, 4, 2))
    assert (late.payment.participants, late.payment.amount) == (2, 2 * 2 * 16_800)
    assert coverage.participant_coverage(two, "reg-1", "2026-04").state == "lapsed"
    assert coverage.participant_coverage(two, "reg-1", "2026-04").paid_through == "2026-02"
    with pytest.raises(payments.NothingToPay):  # they stay lapsed: nothing to pay for
        pay(two, "2026-07", "2026-09", on=date(2026, 7, 1))


def test_arrears_paid_in_time_keep_everyone(two):
    done = pay(two, "2026-01", "2026-06", on=date(2026, 3, 5))
    # Ani (APBD) 6 x 16,800; Budi (mandiri) 3 x 16,800 for January-March and 3 x 8,400
    # for April-June 2026 (PP 50/2025's discount for non-transport workers).
    assert (done.payment.participants, done.payment.amount) == (
        2, 6 * 16_800 + 3 * 16_800 + 3 * 8_400
    )  # fmt: skip
    assert coverage.participant_coverage(two, "reg-1", "2026-04").state == "active"


def test_fiscal_years(db):
    save_settings(db, Settings(target=500))
    assert fiscal_year.fiscal_year(db, 2026) == fiscal_year.FiscalYear(2026, 500, 0)
    first = fiscal_year.set_fiscal_year(db, 2026, target=600, budget=120_960_000, actor="staf")
    assert (first.version, first.raised_at) == (1, "")
    raised = fiscal_year.set_fiscal_year(db, 2026, target=800, budget=161_280_000,
                                         actor="staf", note="APBD-P 2026")  # fmt: skip
    assert (raised.version, raised.target, bool(raised.raised_at)) == (2, 800, True)
    assert fiscal_year.fiscal_year(db, 2027).target == 500  # not set: the settings'
    assert [y.year for y in fiscal_year.fiscal_years(db)] == [2026]
    assert db.execute(
        "SELECT registration_id, version FROM audit_log WHERE action = 'fiscal_year'"
    ).fetchall() == [("fiscal_year:2026", 1), ("fiscal_year:2026", 2)]
    assert verify_chain(db).ok
    with pytest.raises(ValueError, match="negatif"):
        fiscal_year.set_fiscal_year(db, 2026, target=-1, budget=0, actor="staf")


def test_the_dashboard_counts_against_the_years_target(db):
    from models.dashboard import overview

    save_settings(db, Settings(target=500))
    assert overview(db, today=date(2026, 5, 1)).progress.target == 500
    fiscal_year.set_fiscal_year(db, 2026, target=800, budget=0, actor="staf")
    assert overview(db, today=date(2026, 5, 1)).progress.target == 800
    assert overview(db, today=date(2027, 1, 1)).progress.target == 500
