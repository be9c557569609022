"""BPU contributions: the 33 brackets at their edges, the rates, periods, budget and the
dated rate rules."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from models.contribution import (
    ContributionTable,
    add_months,
    default_table,
    months_between,
    parse_month,
)
from tests.factories import siti

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
BRACKETS_CSV = RESOURCES / "bpu_contribution_brackets.csv"
RATES_JSON = RESOURCES / "contribution_rates.json"
ON = date(2025, 6, 1)


def read_brackets() -> list[tuple[int, int | None, int]]:
    with BRACKETS_CSV.open(encoding="utf-8", newline="") as handle:
        return [
            (
                int(row["min_income"]),
                int(row["max_income"]) if row["max_income"] else None,
                int(row["base_income"]),
            )
            for row in csv.DictReader(handle)
        ]


BRACKETS = read_brackets()
BOUNDED = [(i, b) for i, b in enumerate(BRACKETS) if b[1] is not None]


@pytest.fixture(scope="module")
def table() -> ContributionTable:
    return ContributionTable.load(BRACKETS_CSV, RATES_JSON)


def test_the_csv_has_33_brackets_from_0_to_an_open_top():
    assert len(BRACKETS) == 33
    assert BRACKETS[0] == (0, 1_099_000, 1_000_000)
    assert BRACKETS[-1] == (20_200_000, None, 20_700_000)
    mins = [b[0] for b in BRACKETS]
    assert mins == sorted(mins)


@pytest.mark.parametrize(("index", "bracket"), list(enumerate(BRACKETS)))
def test_bracket_minimum_maps_to_its_base(table, index, bracket):
    low, _high, base = bracket
    assert table.bracket(low).base_income == base
    assert table.contribution(low, on=ON).base_income == base


@pytest.mark.parametrize(("index", "bracket"), BOUNDED)
def test_bracket_maximum_maps_to_its_base(table, index, bracket):
    _low, high, base = bracket
    assert table.contribution(high, on=ON).base_income == base


@pytest.mark.parametrize(("index", "bracket"), BOUNDED)
def test_next_minimum_goes_to_the_next_bracket(table, index, bracket):
    next_low, _next_high, next_base = BRACKETS[index + 1]
    assert next_base > bracket[2]
    assert table.contribution(next_low, on=ON).base_income == next_base
    assert table.contribution(next_low - 1, on=ON).base_income == bracket[2]


@pytest.mark.parametrize(("index", "bracket"), BOUNDED)
def test_gap_between_brackets_belongs_to_the_lower_one(table, index, bracket):
    """The tables skip the last thousand (max 1,099,000, next min 1,100,000): an income in
    between, e.g. max + 1 or 1,099,500, belongs to the lower bracket."""
    _low, high, base = bracket
    next_low = BRACKETS[index + 1][0]
    for income in (high + 1, (high + next_low) // 2, next_low - 1):
        assert high < income < next_low
        assert table.contribution(income, on=ON).base_income == base


def test_gap_example(table):
    assert table.contribution(1_099_500, on=ON).base_income == 1_000_000
    assert table.contribution(1_100_000, on=ON).base_income == 1_200_000


@pytest.mark.parametrize("income", [20_200_000, 20_700_000, 50_000_000, 10**12])
def test_top_bracket_is_open(table, income):
    assert table.contribution(income, on=ON).base_income == 20_700_000


@pytest.mark.parametrize("income", [-1, -1_000_000])
def test_negative_income_counts_as_zero(table, income):
    assert table.contribution(income, on=ON).base_income == 1_000_000


@pytest.mark.parametrize(("index", "bracket"), list(enumerate(BRACKETS)))
def test_rates_on_every_base(table, index, bracket):
    base = bracket[2]
    without = table.contribution(bracket[0], on=ON)
    assert (without.jkk, without.jkm, without.jht) == (base // 100, 6_800, 0)
    assert without.monthly == base // 100 + 6_800
    with_jht = table.contribution(bracket[0], jht=True, on=ON)
    assert (with_jht.jkk, with_jht.jkm, with_jht.jht) == (base // 100, 6_800, base * 2 // 100)
    assert with_jht.monthly == base * 3 // 100 + 6_800


def test_lowest_bracket(table):
    assert table.contribution(0, on=ON).monthly == 16_800
    assert table.contribution(1_099_000, on=ON).monthly == 16_800
    assert table.contribution(0, jht=True, on=ON).monthly == 36_800


def test_highest_bracket(table):
    top = table.contribution(25_000_000, jht=True, on=ON)
    assert top.base_income == 20_700_000
    assert (top.jkk, top.jkm, top.jht) == (207_000, 6_800, 414_000)
    assert top.monthly == 627_800


@pytest.mark.parametrize(
    ("months", "without_jht", "with_jht"),
    [(1, 16_800, 36_800), (3, 50_400, 110_400), (6, 100_800, 220_800), (12, 201_600, 441_600)],
)
def test_payment_period_multiplies_the_month(table, months, without_jht, with_jht):
    c = table.contribution(500_000, months=months, on=ON)
    assert (c.months, c.monthly, c.per_period) == (months, 16_800, without_jht)
    assert table.contribution(500_000, jht=True, months=months, on=ON).per_period == with_jht


def test_sukamara_budget_at_the_lowest_bracket(table):
    budget = table.budget(9863, on=ON)
    assert budget.workers == 9863
    assert budget.monthly_each == 16_800
    assert budget.monthly_total == 165_698_400
    assert budget.yearly_total == 1_988_380_800


def test_budget_follows_income_and_jht(table):
    budget = table.budget(100, income=3_000_000, jht=True, on=ON)
    assert budget.monthly_each == 2_950_000 * 3 // 100 + 6_800
    assert budget.monthly_total == 100 * budget.monthly_each


def test_default_table_is_the_shipped_one():
    assert default_table() is default_table()
    assert len(default_table().brackets) == 33
    assert default_table().contribution(0, on=ON).monthly == 16_800


# --- dated rules ------------------------------------------------------------------------

BASE_RULE = {
    "name": "base",
    "valid_from": "2015-07-01",
    "valid_to": None,
    "funding_sources": None,
    "jkk_rate": "0.01",
    "jkm_flat": 6800,
    "jht_rate": "0.02",
}
HALVED_2026 = {
    "name": "halved 2026",
    "valid_from": "2026-01-01",
    "valid_to": "2026-12-31",
    "funding_sources": ["mandiri"],
    "jkk_rate": "0.005",
    "jkm_flat": 3400,
    "jht_rate": "0.02",
}


def load_rules(tmp_path, *rules) -> ContributionTable:
    path = tmp_path / "rates.json"
    path.write_text(json.dumps({"rules": list(rules)}), encoding="utf-8")
    return ContributionTable.load(BRACKETS_CSV, path)


def test_the_shipped_pp_50_rules_are_marked_unverified():
    shipped = json.loads(RATES_JSON.read_text(encoding="utf-8"))["rules"]
    assert [(r["enabled"], r["verified"]) for r in shipped] == [
        (True, True), (True, False), (True, False),
    ]  # fmt: skip
    assert all("KC Pangkalan Bun" in r["note"] for r in shipped[1:])
    c = default_table().for_month(0, date(2026, 5, 1), funding_source="mandiri")
    assert (c.monthly, c.rule_verified) == (8_400, False)
    assert default_table().for_month(0, date(2026, 5, 1)).rule_verified


# PP 50/2025 at its edges: the months each sector's discount covers (hand-written from the
# regulation as reported: transport January 2026 - March 2027, others April - December 2026).
EDGE_MONTHS = ["2025-12", "2026-01", "2026-03", "2026-04", "2026-12", "2027-01", "2027-03",
               "2027-04"]  # fmt: skip
DISCOUNTED_MONTHS = {
    True: {"2026-01", "2026-03", "2026-04", "2026-12", "2027-01", "2027-03"},  # transport
    False: {"2026-04", "2026-12"},  # the others
}
DISCOUNTED_SOURCES = {"mandiri", "csr"}  # never a public budget
SOURCES = ["apbd", "apbdes", "dbh_sawit", "csr", "mandiri"]


@pytest.mark.parametrize("month", EDGE_MONTHS)
@pytest.mark.parametrize("transport", [True, False], ids=["transport", "other"])
@pytest.mark.parametrize("source", SOURCES)
def test_pp_50_discount_at_each_period_edge(table, month, transport, source):
    discounted = source in DISCOUNTED_SOURCES and month in DISCOUNTED_MONTHS[transport]
    first_day = date.fromisoformat(month + "-01")
    c = table.for_month(1_000_000, first_day, funding_source=source, transport=transport)
    assert (c.jkk, c.jkm, c.monthly) == ((5_000, 3_400, 8_400) if discounted
                                         else (10_000, 6_800, 16_800))  # fmt: skip
    last_day = table.for_month(
        1_000_000, add_months(first_day, 1) - timedelta(days=1),
        funding_source=source, transport=transport,
    )  # fmt: skip
    assert last_day == c  # the whole month pays its first day's rule
    assert ("PP 50/2025" in c.rule) == discounted


def test_the_discount_keeps_jht_at_two_percent(table):
    c = table.for_month(2_000_000, date(2026, 6, 1), jht=True, funding_source="csr")
    assert (c.base_income, c.jkk, c.jkm, c.jht) == (2_000_000, 10_000, 3_400, 40_000)


def test_apbd_stays_at_16_800_through_2026(table):
    for month in months_between(date(2026, 1, 1), date(2027, 12, 1)):
        for transport in (True, False):
            c = table.for_month(0, month, funding_source="apbd", transport=transport)
            assert c.monthly == 16_800


def test_a_sum_over_months_takes_each_months_own_rule(table):
    # February to July 2026, self-paying: 2 months at 16,800 then 4 at 8,400 (others);
    # every month at 8,400 for a transport worker.
    assert table.over_months(0, date(2026, 2, 1), date(2026, 7, 31), funding_source="mandiri") == (
        2 * 16_800 + 4 * 8_400
    )
    assert (
        table.over_months(
            0, date(2026, 2, 1), date(2026, 7, 1), funding_source="mandiri", transport=True
        )
        == 6 * 8_400
    )
    assert table.over_months(0, date(2026, 2, 1), date(2026, 7, 1)) == 6 * 16_800  # APBD
    assert table.over_months(0, date(2026, 7, 1), date(2026, 2, 1)) == 0


def test_a_registrations_month_follows_its_occupation_and_funding(table):
    ojek = siti(occupation="Tukang ojek", funding_source="csr", csr_company="PT Sawit",
                program_jht=False)  # fmt: skip
    assert table.for_registration(ojek, date(2026, 2, 15)).monthly == 8_400
    ticked = siti(occupation="Buruh harian lepas", transport_worker=True,
                  funding_source="mandiri", program_jht=False)  # fmt: skip
    assert table.for_registration(ticked, date(2026, 2, 1)).monthly == 8_400
    assert table.for_registration(
        ticked.copy(transport_worker=False), date(2026, 2, 1)
    ).monthly == (16_800)
    assert table.for_registration(ojek.copy(funding_source="apbd"), date(2026, 2, 1)).monthly == (
        16_800
    )
    assert table.for_registration(ojek.copy(monthly_income=None), date(2026, 2, 1)) is None


def test_a_year_budget_adds_up_month_by_month(table):
    # 100 self-paying informal workers in 2026: 3 months full, 9 months halved.
    year = table.year_budget(100, 2026, funding_source="mandiri")
    assert year.month_totals == (1_680_000,) * 3 + (840_000,) * 9
    assert year.yearly_total == 3 * 1_680_000 + 9 * 840_000 == 12_600_000
    assert (year.monthly_each, year.monthly_total) == (16_800, 1_680_000)
    transport = table.year_budget(100, 2027, funding_source="csr", transport=True)
    assert transport.yearly_total == 3 * 840_000 + 9 * 1_680_000
    assert table.year_budget(9863, 2026).yearly_total == 1_988_380_800  # APBD: no discount


def test_a_budget_from_a_day_covers_the_twelve_months_from_its_month(table):
    budget = table.budget(10, funding_source="mandiri", on=date(2025, 11, 20))
    # November 2025 - October 2026: 5 months at 16,800, then April - October at 8,400.
    assert len(budget.month_totals) == 12
    assert budget.yearly_total == 10 * (5 * 16_800 + 7 * 8_400)


def test_months_are_read_and_stepped(table):
    assert parse_month("2026-04") == date(2026, 4, 1)
    for text in ("2026-4", "26-04", "2026/04", "april"):
        with pytest.raises(ValueError):
            parse_month(text)
    assert add_months(date(2026, 12, 31), 1) == date(2027, 1, 1)
    assert add_months(date(2026, 1, 15), -1) == date(2025, 12, 1)
    assert list(months_between(date(2026, 11, 30), date(2027, 1, 1))) == [
        date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1),
    ]  # fmt: skip


def test_disabled_rule_in_a_file_is_ignored(tmp_path):
    table = load_rules(tmp_path, BASE_RULE, {**HALVED_2026, "enabled": False})
    assert [r.name for r in table.rules] == ["base"]
    assert table.contribution(0, funding_source="mandiri", on=date(2026, 6, 1)).monthly == 16_800


@pytest.mark.parametrize(
    ("on", "source", "rule", "monthly"),
    [
        (date(2026, 1, 1), "mandiri", "halved 2026", 8_400),  # first day
        (date(2026, 6, 15), "mandiri", "halved 2026", 8_400),
        (date(2026, 12, 31), "mandiri", "halved 2026", 8_400),  # last day
        (date(2025, 12, 31), "mandiri", "base", 16_800),  # the day before
        (date(2027, 1, 1), "mandiri", "base", 16_800),  # the day after
        (date(2026, 6, 15), "apbd", "base", 16_800),  # APBD-funded: not halved
        (date(2026, 6, 15), "csr", "base", 16_800),
    ],
)
def test_dated_rule_applies_only_in_its_dates_and_for_its_funding(
    tmp_path, on, source, rule, monthly
):
    table = load_rules(tmp_path, BASE_RULE, HALVED_2026)
    c = table.contribution(0, funding_source=source, on=on)
    assert (c.rule, c.monthly) == (rule, monthly)


def test_dated_rule_keeps_jht_rate(tmp_path):
    table = load_rules(tmp_path, BASE_RULE, HALVED_2026)
    c = table.contribution(2_000_000, jht=True, funding_source="mandiri", on=date(2026, 3, 1))
    assert (c.jkk, c.jkm, c.jht) == (10_000, 3_400, 40_000)


def test_newest_rule_wins_when_several_apply(tmp_path):
    later = {**BASE_RULE, "name": "2020 rule", "valid_from": "2020-01-01", "jkm_flat": 7000}
    table = load_rules(tmp_path, BASE_RULE, later)
    assert table.contribution(0, on=date(2019, 12, 31)).rule == "base"
    assert table.contribution(0, on=date(2020, 1, 1)).jkm == 7000


def test_no_rule_for_the_day_is_a_lookup_error(table):
    with pytest.raises(LookupError):
        table.contribution(0, on=date(2015, 6, 30))


def test_amounts_round_half_up_to_whole_rupiah(tmp_path):
    rule = {**BASE_RULE, "jkk_rate": "0.0000025", "jht_rate": "0.0000045"}
    c = load_rules(tmp_path, rule).contribution(0, jht=True, on=ON)
    assert (c.jkk, c.jht) == (3, 5)  # 2.5 -> 3 and 4.5 -> 5, not banker's 2 and 4


def test_months_paid_at_once_each_cost_their_own_months_amount(table):
    # Three months from March 2026, self-paying: March at 16,800, April and May at 8,400.
    c = table.contribution(0, months=3, funding_source="mandiri", on=date(2026, 3, 10))
    assert (c.monthly, c.per_period) == (16_800, 16_800 + 2 * 8_400)
    apbd = table.contribution(0, months=12, on=date(2026, 3, 10))
    assert apbd.per_period == 12 * 16_800
