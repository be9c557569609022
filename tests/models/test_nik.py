"""NIK and KK rules: a table of numbers and what each one says (or which rule it breaks),
and the NIK checks `models.validation.validate` makes against the rest of the form."""

from __future__ import annotations

from datetime import date

import pytest

from models.nik import NikError, NikInfo, clean_number, kk_problem, masked_nik, parse_nik
from models.problems import Severity
from models.validation import NikHolder, ValidationContext, validate
from tests.factories import TODAY, siti


def ok(kecamatan: str, birth: date, sex: str, serial: str) -> NikInfo:
    return NikInfo(kecamatan, birth, sex, serial)


# (typed text, expected NikInfo or the NikError code)
NIK_TABLE = [
    # well-formed: men keep the day, women have 40 added
    ("6208010507900001", ok("62.08.01", date(1990, 7, 5), "L", "0001")),
    ("6208014507900001", ok("62.08.01", date(1990, 7, 5), "P", "0001")),
    ("6208014107900002", ok("62.08.01", date(1990, 7, 1), "P", "0002")),
    ("6208017101900003", ok("62.08.01", date(1990, 1, 31), "P", "0003")),
    ("6208015512859999", ok("62.08.01", date(1985, 12, 15), "P", "9999")),
    ("6208013112990001", ok("62.08.01", date(1999, 12, 31), "L", "0001")),
    # a NIK first issued elsewhere (a migrant from Bandung) is still a NIK
    ("3273011708800123", ok("32.73.01", date(1980, 8, 17), "L", "0123")),
    # century: the one that does not put the birth date in the future
    ("6208010101000001", ok("62.08.01", date(2000, 1, 1), "L", "0001")),
    ("6208010101850001", ok("62.08.01", date(1985, 1, 1), "L", "0001")),
    ("6208010101300001", ok("62.08.01", date(1930, 1, 1), "L", "0001")),
    ("6208010101990001", ok("62.08.01", date(1999, 1, 1), "L", "0001")),
    ("6208010106250001", ok("62.08.01", date(2025, 6, 1), "L", "0001")),  # today
    ("6208010207250001", ok("62.08.01", date(1925, 7, 2), "L", "0001")),  # next month
    ("6208012902000001", ok("62.08.01", date(2000, 2, 29), "L", "0001")),  # leap 2000
    ("6208016902960001", ok("62.08.01", date(1996, 2, 29), "P", "0001")),  # 2096 future
    # separators people type are cleaned
    ("6208 0145 0790 0001", ok("62.08.01", date(1990, 7, 5), "P", "0001")),
    ("6208.0145.0790.0001", ok("62.08.01", date(1990, 7, 5), "P", "0001")),
    ("620801-450790-0001", ok("62.08.01", date(1990, 7, 5), "P", "0001")),
    (" 62.08.01 450790 0001 ", ok("62.08.01", date(1990, 7, 5), "P", "0001")),
    ("6208\u00a00145\t0790-0001", ok("62.08.01", date(1990, 7, 5), "P", "0001")),
    # non-digits
    ("", "digits"),
    ("62080145079000A1", "digits"),
    ("6208/0145/0790/0001", "digits"),
    ("6,208014507900001", "digits"),
    ("6.2081E+15", "digits"),  # what Excel makes of a NIK in a numeric cell
    # wrong length
    ("620801450790001", "length"),  # 15
    ("62080145079000011", "length"),  # 17
    ("6208 0145 0790 001", "length"),  # 15 once cleaned
    ("6", "length"),
    # unknown province
    ("9908014507900001", "province"),
    ("0008014507900001", "province"),
    ("2008014507900001", "province"),
    ("9908010001900000", "province"),  # the first rule broken is reported
    # invalid dates
    ("6208010007900001", "date"),  # day 00
    ("6208013201900001", "date"),  # day 32
    ("6208013501900001", "date"),
    ("6208014001900001", "date"),  # day 40: neither a man's nor a woman's day
    ("6208017201900001", "date"),  # day 72 = woman's 32
    ("6208019901900001", "date"),
    ("6208010113900001", "date"),  # month 13
    ("6208010100900001", "date"),  # month 00
    ("6208013102900001", "date"),  # 31 February
    ("6208017102900001", "date"),  # 31 February, woman
    ("6208013104900001", "date"),  # 31 April
    ("6208012902010001", "date"),  # 29 February 2001 and 1901: no leap year
    ("6208010001900000", "date"),  # date is checked before the serial
    # serial 0000
    ("6208014507900000", "serial"),
    ("6208010507900000", "serial"),
]


@pytest.mark.parametrize(("text", "expected"), NIK_TABLE, ids=[t[0] or "empty" for t in NIK_TABLE])
def test_nik_table(text, expected):
    if isinstance(expected, str):
        with pytest.raises(NikError) as caught:
            parse_nik(text, TODAY)
        assert caught.value.code == expected
    else:
        assert parse_nik(text, TODAY) == expected


@pytest.mark.parametrize("day", range(32, 41))
def test_days_32_to_40_are_invalid(day):
    with pytest.raises(NikError, match="date"):
        parse_nik(f"620801{day:02d}0190" + "0001", TODAY)


@pytest.mark.parametrize("day", range(41, 72))
def test_women_days_41_to_71_give_sex_p_and_day_minus_40(day):
    info = parse_nik(f"620801{day:02d}0190" + "0001", TODAY)
    assert info.sex == "P"
    assert info.birth_date == date(1990, 1, day - 40)


@pytest.mark.parametrize("day", range(1, 32))
def test_men_days_1_to_31_give_sex_l(day):
    info = parse_nik(f"620801{day:02d}0190" + "0001", TODAY)
    assert info.sex == "L"
    assert info.birth_date == date(1990, 1, day)


def test_century_follows_today():
    """The same NIK read on different days: the century flips when 20YY stops being future."""
    nik = "6208011506100001"  # 15-06-10
    assert parse_nik(nik, date(2010, 6, 14)).birth_date == date(1910, 6, 15)
    assert parse_nik(nik, date(2010, 6, 15)).birth_date == date(2010, 6, 15)


def test_kemendagri_province_codes_of_papua_are_known():
    """NIKs carry Kemendagri (Dukcapil) codes: 92 is Papua Barat (Manokwari is 92.02), and
    the app's own region table knows 92-96. python-stdnum's province list uses other codes
    (91 Papua Barat, 94 Papua) and knows nothing above 91 but 94."""
    info = parse_nik("9202035505880003", TODAY)  # Warmare, Manokwari; woman born 1988-05-15
    assert info == ok("92.02.03", date(1988, 5, 15), "P", "0003")


@pytest.mark.parametrize(
    "text",
    [
        "62080145²7900001",  # superscript two: str.isdigit() is True, int() refuses it
        "620801450790000\uff11",  # fullwidth one in the serial
        "\u0666\u0662\u0660\u0668014507900001",  # Arabic-Indic digits
    ],
)
def test_non_ascii_digits_are_not_a_nik(text):
    """Only 0-9 make a NIK; look-alike digits (pasted text, phone keyboards) must be refused
    as ``digits`` rather than accepted or crash with a ValueError."""
    with pytest.raises(NikError) as caught:
        parse_nik(text, TODAY)
    assert caught.value.code == "digits"


def test_clean_number_keeps_digits_only_of_separators():
    assert clean_number(" 62.08-01\u00a045\t07 ") == "6208014507"
    assert clean_number("62/08") == "62/08"  # other characters are left for the rules


# --- KK (family card) -------------------------------------------------------------------

KK_TABLE = [
    ("6208010101200001", None),
    ("6208 0101 0120 0001", None),
    ("6208.0101.0120.0001", None),
    ("6208012902210001", None),  # 29-02 is a calendar date (checked in leap year 2000)
    ("6208013112990001", None),
    ("", "digits"),
    ("62080101012000A1", "digits"),
    ("620801010120001", "length"),  # 15
    ("62080101012000011", "length"),  # 17
    ("6208010001200001", "date"),  # day 00
    ("6208013201200001", "date"),  # day 32
    ("6208014501200001", "date"),  # no +40 rule on a KK
    ("6208010113200001", "date"),  # month 13
    ("6208010100200001", "date"),  # month 00
    ("6208013102200001", "date"),  # 31 February
]


@pytest.mark.parametrize(("text", "expected"), KK_TABLE, ids=[t[0] or "empty" for t in KK_TABLE])
def test_kk_table(text, expected):
    assert kk_problem(text) == expected


# --- NIK through validate ---------------------------------------------------------------


def context(**changes) -> ValidationContext:
    return ValidationContext(today=TODAY, **changes)


def find(problems, code):
    return [p for p in problems if p.code == code]


def test_consistent_nik_gives_no_nik_problem():
    problems = validate(siti(), context())
    assert [p for p in problems if p.code.startswith("nik.")] == []


def test_nik_birth_date_mismatch_is_a_warning_on_birth_date():
    problems = validate(siti(birth_date=date(1990, 7, 6)), context())
    [problem] = find(problems, "nik.birth_date_mismatch")
    assert problem.field == "birth_date"
    assert problem.severity is Severity.WARNING
    assert problem.params["nik_date"] == date(1990, 7, 5)
    assert not any(p.is_error for p in problems)


def test_nik_sex_mismatch_is_a_warning_on_sex():
    problems = validate(siti(sex="L"), context())
    [problem] = find(problems, "nik.sex_mismatch")
    assert problem.field == "sex"
    assert problem.severity is Severity.WARNING
    assert problem.params["nik_sex"] == "P"
    assert not any(p.is_error for p in problems)


def test_man_with_womans_nik_gets_both_mismatches_when_the_date_differs_too():
    problems = validate(siti(sex="L", birth_date=date(1990, 7, 15)), context())
    assert {p.code for p in problems} == {"nik.sex_mismatch", "nik.birth_date_mismatch"}


def test_nik_kecamatan_unknown_to_the_region_table_is_a_warning():
    problems = validate(siti(nik="6208994507900001"), context())
    [problem] = find(problems, "nik.region_unknown")
    assert problem.field == "nik"
    assert problem.severity is Severity.WARNING
    # the kecamatan code is passed for the sentence (the key name is the fix's choice)
    assert "62.08.99" in problem.params.values()
    assert not any(p.is_error for p in problems)


def test_nik_from_another_known_kecamatan_is_fine():
    problems = validate(siti(nik="3273014507900001"), context())
    assert find(problems, "nik.region_unknown") == []


@pytest.mark.parametrize(
    ("nik", "code"),
    [
        ("620801450790000", "nik.length"),
        ("6208014507900000", "nik.serial"),
        ("9908014507900001", "nik.province"),
        ("6208013202900001", "nik.date"),
        ("62080145079O0001", "nik.digits"),  # letter O for zero
    ],
)
def test_broken_nik_is_an_error_on_nik_and_nothing_else_about_it(nik, code):
    problems = validate(siti(nik=nik), context())
    nik_problems = [p for p in problems if p.code.startswith("nik.")]
    assert [(p.code, p.field, p.severity) for p in nik_problems] == [(code, "nik", Severity.ERROR)]


def test_nik_held_by_another_registration_is_a_duplicate_error():
    calls = []

    def holders(nik, own_id):
        calls.append((nik, own_id))
        if nik == "6208014507900001":
            return [NikHolder("reg-other", "Siti Aminah", "ready")]
        return []

    problems = validate(siti(nik="6208 0145 0790 0001"), context(nik_holders=holders))
    [problem] = find(problems, "nik.duplicate")
    assert problem.field == "nik"
    assert problem.severity is Severity.ERROR
    assert problem.params["id"] == "reg-other"
    # the look-up gets the cleaned NIK and the registration's own id, to exclude itself
    assert calls == [("6208014507900001", "reg-siti")]


def test_each_holder_of_a_nik_is_reported():
    holders = [NikHolder("a", "Siti", "draft"), NikHolder("b", "Siti A.", "ready")]
    problems = validate(siti(), context(nik_holders=lambda nik, own_id: holders))
    assert [p.params["id"] for p in find(problems, "nik.duplicate")] == ["a", "b"]


def test_no_holders_no_duplicate():
    problems = validate(siti(), context(nik_holders=lambda nik, own_id: []))
    assert find(problems, "nik.duplicate") == []


def test_validate_never_raises_on_a_strange_nik():
    """`validate` promises to return problems, never raise, whatever is typed."""
    problems = validate(siti(nik="62080145²7900001"), context())
    assert [(p.code, p.field) for p in problems if p.code.startswith("nik.")] == [
        ("nik.digits", "nik")
    ]


@pytest.mark.parametrize(
    ("kk", "code"),
    [
        ("620801010120001", "kk.length"),
        ("62080101012000X1", "kk.digits"),
        ("6208013201200001", "kk.date"),
    ],
)
def test_kk_problem_through_validate_is_an_error_on_kk(kk, code):
    problems = validate(siti(kk=kk), context())
    assert [(p.code, p.field, p.severity) for p in problems] == [(code, "kk", Severity.ERROR)]


def test_kk_is_optional():
    assert validate(siti(kk=""), context()) == []


@pytest.mark.parametrize(
    ("nik", "shown"),
    [
        ("6208014507900001", "•••• •••• •••• 0001"),
        ("6208 0145 0790 1234", "•••• •••• •••• 1234"),
        ("620801450790123", "••• •••• •••• 0123"),
        ("1234567", "••• ••••"),
        ("", ""),
    ],
)
def test_a_masked_nik_shows_only_its_last_four_digits(nik, shown):
    assert masked_nik(nik) == shown
