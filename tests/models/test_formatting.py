"""Indonesian formats and the one placeholder filler of every translated text."""

from datetime import date

from models.formatting import (
    arg,
    decimal,
    parse_amount,
    parse_tanggal,
    percent,
    rupiah,
    tanggal,
    thousands,
)


def test_arg_fills_placeholders_in_any_order():
    assert arg("%1 dari %2", 5, "9.863") == "5 dari 9.863"
    assert arg("%2, %1", "Siti", "Aminah") == "Aminah, Siti"


def test_arg_does_not_refill_what_a_value_brings():
    assert arg("%1 (%2)", "diskon 50%2", "x") == "diskon 50%2 (x)"


def test_arg_leaves_a_placeholder_without_a_value():
    assert arg("%1 dan %3", "a") == "a dan %3"


def test_numbers_follow_the_language_indonesian_by_default():
    assert thousands(9863) == "9.863"
    assert thousands(9863, "en") == "9,863"
    assert rupiah(1650000) == "Rp 1.650.000"
    assert rupiah(1650000, "en") == "Rp 1,650,000"


def test_shares_follow_the_language():
    assert percent(0) == "0,0 %"
    assert percent(12.345) == "12,3 %"
    assert percent(0, "en") == "0.0 %"
    assert percent(12.345, "en") == "12.3 %"
    assert decimal(2.25, "en") == "2.2"


def test_dates_follow_the_language():
    assert tanggal(date(2026, 11, 3)) == "03-11-2026"
    assert tanggal(date(2026, 11, 3), "en") == "03 Nov 2026"
    assert tanggal(None, "en") == ""


def test_an_english_amount_and_date_read_back():
    assert parse_amount(rupiah(1650000, "en")) == 1650000
    assert parse_tanggal("23/11/2026") == date(2026, 11, 23)
