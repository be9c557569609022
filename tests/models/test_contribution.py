"""BPU contributions: the 33 brackets at their edges, the rates, periods, budget and the
dated rate rules."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from models.contribution import ContributionTable, default_table

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


def test_shipped_disabled_rule_is_ignored(table):
    """PP 50/2025 is shipped disabled: self-paying members in 2026 still pay full rates."""
    shipped = json.loads(RATES_JSON.read_text(encoding="utf-8"))["rules"]
    assert [r["enabled"] for r in shipped] == [True, False]
    c = table.contribution(0, funding_source="mandiri", on=date(2026, 6, 1))
    assert c.monthly == 16_800
    assert c.rule == "PP 44/2015 Lampiran II"
    assert all(r.name != shipped[1]["name"] for r in table.rules)


def test_the_same_shipped_rule_enabled_applies(tmp_path):
    shipped = json.loads(RATES_JSON.read_text(encoding="utf-8"))["rules"]
    enabled = [{**rule, "enabled": True} for rule in shipped]
    c = load_rules(tmp_path, *enabled).contribution(
        0, funding_source="mandiri", on=date(2026, 6, 1)
    )
    assert (c.jkk, c.jkm, c.monthly) == (5_000, 3_400, 8_400)


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
