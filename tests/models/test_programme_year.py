"""A year of the programme computed by hand: 12 participants through 2026, paid in quarters,
one death in March, one late payment that makes two people lapse, one CSR-funded transport
worker. Every figure of the coverage report, the payments, the renewal budget and the
reconciliation is written out below as the arithmetic that makes it.

Prices (PP 44/2015, lowest bracket, base Rp 1,000,000): JKK 1 % = 10,000, JKM 6,800, so
Rp 16,800 a month; with JHT (2 % = 20,000) Rp 36,800.

The transport worker's price is the one figure the PP 50/2025 rule (JKK and JKM halved for
mandiri and CSR transport workers, Jan 2026 - Mar 2027) changes: `CSR_TRANSPORT_2026` is
its monthly contribution in 2026 and `CSR_TRANSPORT_2027_YEAR` its twelve months of 2027, as
the contribution table prices them. Every expected figure below that holds the worker is
written with them, so a change of that rule changes these two numbers only.
"""

from datetime import date

import pytest

from models import coverage, fiscal_year, life_events, payments, reconciliation, renewal
from models.audit import verify_chain
from models.contribution import default_table
from models.coverage_rules import month_number
from models.store import RegistrationStore
from tests.factories import person

#: The CSR transport worker's monthly contribution in 2026 under PP 50/2025 (JKK and JKM
#: halved for mandiri and CSR transport workers, January 2026 - March 2027): 5,000 + 3,400.
CSR_TRANSPORT_2026 = 8_400
#: Its twelve months of 2027: the discount runs to March, so 3 x 8,400 + 9 x 16,800.
CSR_TRANSPORT_2027_YEAR = 176_400

L, J, C = 16_800, 36_800, CSR_TRANSPORT_2026
SUKAMARA, JELAI = "62.08.01", "62.08.02"
JANUARY = "2026-01-05T02:00:00.000+00:00"


def _participant(n: int, village: str, **changes):
    values = {"monthly_income": 1_000_000, "program_jht": False, "funding_source": "apbd",
              "updated_at": JANUARY, **changes}  # fmt: skip
    return person(n, f"Peserta {n:02d}", village, status="registered", **values)


@pytest.fixture
def year(db):
    """The year: P1-P8 in Kecamatan Sukamara (APBD), P9 with JHT registered in February,
    P10 and P11 in Kecamatan Jelai (their second quarter paid late), P12 CSR-funded ojek
    driver; P3 dies on 14 March."""
    store = RegistrationStore(db)
    store.insert_many(
        [_participant(n, "62.08.01.2001") for n in range(1, 9)]
        + [_participant(n, "62.08.02.2002") for n in (10, 11)]
        + [_participant(12, "62.08.01.2001", funding_source="csr", csr_company="PT Sawit",
                        occupation="Pengemudi ojek")],
        "staf",
    )  # fmt: skip
    paid = {}

    def pay(name, first, last, on, **filters):
        paid[name] = payments.record_payment(
            db, first_month=first, last_month=last, paid_on=on, actor="staf", **filters
        )

    pay("q1", "2026-01", "2026-03", date(2026, 1, 10), funding_source="apbd")
    pay("csr1", "2026-01", "2026-06", date(2026, 1, 12), funding_source="csr")
    # P9 becomes registered in February, after the first quarter was paid.
    store.insert_many(
        [_participant(9, "62.08.01.2001", program_jht=True,
                      updated_at="2026-02-16T03:00:00.000+00:00")], "staf",
    )  # fmt: skip
    life_events.record_events(db, ["reg-3"], "died", date(2026, 3, 14), "staf")
    pay("q2_sukamara", "2026-04", "2026-06", date(2026, 4, 8), funding_source="apbd",
        kecamatan=SUKAMARA)  # fmt: skip
    pay("q3", "2026-07", "2026-09", date(2026, 7, 8), funding_source="apbd")
    pay("csr2", "2026-07", "2026-12", date(2026, 7, 8), funding_source="csr")
    pay("q2_jelai_late", "2026-04", "2026-06", date(2026, 7, 20), funding_source="apbd",
        kecamatan=JELAI)  # fmt: skip
    pay("q4", "2026-10", "2026-12", date(2026, 10, 9), funding_source="apbd")
    return db, paid


def test_the_prices_are_those_of_the_table():
    table = default_table()
    assert table.contribution(1_000_000, on=date(2026, 1, 1)).monthly == L
    assert table.contribution(1_000_000, jht=True, on=date(2026, 1, 1)).monthly == J
    assert table.contribution(1_000_000, funding_source="csr", on=date(2026, 1, 1),
                              transport=True).monthly == C  # fmt: skip


def test_every_base_wage_falls_in_its_own_bracket():
    """Coverage prices groups by their bracket's base wage: the base must price the same."""
    table = default_table()
    for bracket in table.brackets:
        assert table.bracket(bracket.base_income) == bracket


def test_payments(year):
    _, paid = year
    # (participants, amount, left out, already paid)
    assert _payment(paid["q1"]) == (10, 10 * 3 * L, 0, 0)  # P1-P8, P10, P11: 504,000
    assert _payment(paid["csr1"]) == (1, 6 * C, 0, 0)
    # P1, P2, P4-P8: 7 x 3 x 16,800 = 352,800; P9: 3 x 36,800 = 110,400; P3 died in March.
    assert _payment(paid["q2_sukamara"]) == (8, 352_800 + 110_400, 1, 0)
    # The same eight; P3 ended, P10 and P11 lapsed in June.
    assert _payment(paid["q3"]) == (8, 463_200, 3, 0)
    assert _payment(paid["csr2"]) == (1, 6 * C, 0, 0)
    # Late: April and May were still billed (2 x 2 x 16,800); in June they had lapsed.
    assert _payment(paid["q2_jelai_late"]) == (2, 67_200, 0, 0)
    assert _payment(paid["q4"]) == (8, 463_200, 3, 0)


def _payment(result: payments.PaymentResult) -> tuple[int, int, int, int]:
    return (result.payment.participants, result.payment.amount, result.left_out,
            result.already_paid)  # fmt: skip


#: month: (active, unpaid_1, unpaid_2, lapsed, ended, amount due, amount unpaid)
EXPECTED = {
    # P1-P8, P10, P11 (16,800 each) and P12; P9 not registered yet.
    "2026-01": (11, 0, 0, 0, 0, 10 * L + C, 0),
    # P9 (36,800) starts unpaid: the first quarter was paid before it came.
    "2026-02": (11, 1, 0, 0, 0, 10 * L + J + C, J),
    "2026-03": (11, 0, 1, 0, 0, 10 * L + J + C, J),
    # P3 ended; P10, P11 unpaid (their quarter is late); P9 paid from April.
    "2026-04": (9, 2, 0, 0, 1, 7 * L + J + 2 * L + C, 2 * L),
    "2026-05": (9, 0, 2, 0, 1, 7 * L + J + 2 * L + C, 2 * L),
    # Three unpaid months: P10 and P11 lapse, and the late payment does not revive them.
    **{m: (9, 0, 0, 2, 1, 7 * L + J + C, 0) for m in
       ("2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12")},
}  # fmt: skip


def test_coverage_month_by_month(year):
    db, _ = year
    found = coverage.coverage_months(db, list(EXPECTED))
    assert {
        m.month: (m.active, m.unpaid_1, m.unpaid_2, m.lapsed, m.ended, m.amount_due,
                  m.amount_unpaid) for m in found
    } == EXPECTED  # fmt: skip
    # The year: 168,000 + 2 x 204,800 + 2 x 188,000 + 7 x 154,400 = 2,034,400, plus the
    # CSR worker's twelve months.
    assert sum(m.amount_due for m in found) == 2_034_400 + 12 * C
    # The regency paid 504,000 + 3 x 463,200 + 67,200 = 1,960,800 of it (CSR paid its
    # own): what is missing is P9's February and March, 2 x 36,800.
    apbd_paid = sum(p.amount for p in payments.payments(db) if p.funding_source == "apbd")
    assert apbd_paid == 1_960_800
    assert sum(m.amount_due for m in found) - 12 * C - apbd_paid == 2 * J


def test_before_anyone_registered_nothing_is_counted(year):
    db, _ = year
    assert coverage.coverage_month(db, "2025-12").as_json() == {
        "month": "2025-12", "active": 0, "unpaid_1": 0, "unpaid_2": 0, "lapsed": 0,
        "ended": 0, "amount_due": 0, "amount_unpaid": 0,
    }  # fmt: skip


def test_the_pks_date_moves_every_start(year, monkeypatch):
    """Nobody is covered before the regency's cooperation agreement with BPJS."""
    db, _ = year
    monkeypatch.setattr(coverage, "pks_month", lambda db: month_number("2026-03"))
    assert coverage.coverage_month(db, "2026-02").billed == 0
    # From March: everyone registered by then, P9 included, starts in March; P9's
    # March is its first unpaid month.
    march = coverage.coverage_month(db, "2026-03")
    assert (march.active, march.unpaid_1) == (11, 1)


def test_lapse_warnings_and_paid_through(year):
    db, _ = year
    assert _warned(db, "2026-03") == [("reg-9", 2)]
    assert _warned(db, "2026-04") == [("reg-10", 1), ("reg-11", 1)]
    assert _warned(db, "2026-05") == [("reg-10", 2), ("reg-11", 2)]
    assert _warned(db, "2026-06") == []
    through = {
        rid: coverage.participant_coverage(db, rid, "2026-12")
        for rid in ("reg-1", "reg-3", "reg-9", "reg-10", "reg-12")
    }
    assert {rid: (p.start, p.paid_through, p.state) for rid, p in through.items()} == {
        "reg-1": ("2026-01", "2026-12", "active"),
        "reg-3": ("2026-01", "2026-03", "ended"),
        # Paid from April: February and March are arrears, so nothing is paid "through".
        "reg-9": ("2026-02", "", "active"),
        # The late payment paid April and May; in June they had lapsed.
        "reg-10": ("2026-01", "2026-05", "lapsed"),
        "reg-12": ("2026-01", "2026-12", "active"),
    }


def _warned(db, month):
    return [(p.registration_id, p.unpaid_months) for p in coverage.about_to_lapse(db, month)]


def test_renewal_for_next_year(year):
    db, _ = year
    fiscal_year.set_fiscal_year(db, 2027, target=20, budget=2_500_000, actor="staf")
    found = renewal.renewal_list(db, 2026, today=date(2026, 12, 15))
    assert (found.year, found.as_of) == (2027, "2026-12")
    # Still billed in December: P1, P2, P4-P8, P9 and P12 (P3 died, P10 and P11 lapsed).
    assert [line.registration.id for line in found.lines] == [
        "reg-1",
        "reg-2",
        "reg-4",
        "reg-5",
        "reg-6",
        "reg-7",
        "reg-8",
        "reg-9",
        "reg-12",
    ]
    # 7 x 12 x 16,800 = 1,411,200; P9 12 x 36,800 = 441,600; and the CSR worker.
    assert found.yearly == 1_411_200 + 441_600 + CSR_TRANSPORT_2027_YEAR
    assert found.budget_left == 2_500_000 - (1_852_800 + CSR_TRANSPORT_2027_YEAR)
    assert {k: (t.participants, t.yearly) for k, t in found.by_funding.items()} == {
        "apbd": (8, 1_852_800), "csr": (1, CSR_TRANSPORT_2027_YEAR),
    }  # fmt: skip
    assert [line.first_month for line in found.lines[:2]] == [L, L]


def test_renewal_before_the_year_ends_judges_the_current_month(year):
    """In October, November and December are not unpaid yet: as of October."""
    db, _ = year
    found = renewal.renewal_list(db, 2026, today=date(2026, 10, 20))
    assert found.as_of == "2026-10" and len(found.lines) == 9


def test_reconciliation_of_may(year):
    """BPJS still bills P3, who died in March: Kecamatan Sukamara differs by 16,800."""
    db, _ = year
    computed_sukamara = 7 * L + J + C  # P1, P2, P4-P8, P9 and the CSR worker
    computed_jelai = 2 * L  # P10, P11: two months unpaid, still members: 33,600
    found = reconciliation.reconcile(
        db, "2026-05",
        invoiced_by_kecamatan={SUKAMARA: computed_sukamara + L, JELAI: computed_jelai},
    )  # fmt: skip
    assert [(r.kecamatan_code, r.participants, r.computed, r.invoiced, r.difference)
            for r in found.rows] == [
        (SUKAMARA, 9, computed_sukamara, computed_sukamara + L, L),
        (JELAI, 2, 33_600, 33_600, 0),
    ]  # fmt: skip
    assert (found.computed, found.invoiced, found.difference) == (
        188_000 + C, 188_000 + C + L, L,
    )  # fmt: skip


def test_the_audit_chain_holds_payments_and_events(year):
    db, _ = year
    assert verify_chain(db).ok
    actions = [a for (a,) in db.execute("SELECT action FROM audit_log WHERE action IN"
                                         " ('payment', 'life_event') ORDER BY seq")]  # fmt: skip
    assert actions.count("payment") == 7 and actions.count("life_event") == 1
