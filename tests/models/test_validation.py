"""Validation of a registration: every rule of `models.validation.validate`, on a fixed day."""

from __future__ import annotations

from datetime import date

import pytest

from models.problems import Severity, errors, warnings
from models.registration import Registration
from models.validation import (
    ValidationContext,
    age_on,
    normalize_phone,
    normalized,
    readiness,
    status_after_edit,
    validate,
    with_warnings_confirmed,
)
from tests.factories import TODAY, siti


def context(**changes) -> ValidationContext:
    return ValidationContext(today=TODAY, **changes)


def triples(problems) -> set[tuple[str, str, Severity]]:
    return {(p.code, p.field, p.severity) for p in problems}


def check(**changes) -> set[tuple[str, str, Severity]]:
    """Problems of Siti's registration with some fields changed, without the NIK checks
    (the birth dates and sexes used here need not match her NIK)."""
    reg = siti(**changes)
    if "birth_date" in changes or "sex" in changes:
        reg = reg.copy(nik="")
        problems = [p for p in validate(reg, context()) if (p.code, p.field) != ("required", "nik")]
        return triples(problems)
    return triples(validate(reg, context()))


E, W = Severity.ERROR, Severity.WARNING


def test_fully_valid_registration_has_no_problems():
    assert validate(siti(), context()) == []


def test_fully_valid_registration_with_only_required_fields_has_no_problems():
    reg = siti(
        kk="", email="",
        heir_name="", heir_relation="", heir_phone="", kpj="", program_jht=False,
        contribution_months=1,
    )  # fmt: skip
    assert validate(reg, context()) == []


# --- required fields and consent --------------------------------------------------------

REQUIRED_FIELDS = [
    "nik", "full_name", "birth_place", "birth_date", "sex", "marital_status", "mother_name",
    "address", "rt", "rw", "village_code", "postal_code", "phone", "occupation", "target_group",
    "monthly_income",
]  # fmt: skip


def test_empty_registration_lists_every_required_field_and_consent():
    problems = validate(Registration(), context())
    assert triples(problems) == {("required", f, E) for f in REQUIRED_FIELDS} | {
        ("consent.required", "consent", E),
        ("working_now.required", "working_now", E),
    }


@pytest.mark.parametrize("name", REQUIRED_FIELDS)
def test_each_required_field_on_its_own(name):
    blank = None if name in ("birth_date", "monthly_income") else ""
    problems = validate(siti(**{name: blank}), context())
    assert ("required", name, E) in triples(problems)
    assert all(p.is_error is False for p in problems if p.field != name)


def test_zero_income_is_an_income_not_a_missing_one():
    assert validate(siti(monthly_income=0), context()) == []


def test_negative_income_is_an_error():
    assert check(monthly_income=-1) == {("income.negative", "monthly_income", E)}


def test_consent_is_required():
    assert check(consent=False) == {("consent.required", "consent", E)}


# --- phone ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "081234567890",
        "0812345678",  # 10 digits, the shortest real mobile numbers
        "0812345678901",  # longest: 08 and 11 more digits
        "+6281234567890",
        "+62 812-3456-7890",
        "6281234567890",
        "62 812 3456 7890",
        "0812 3456 7890",
        "0812-3456-7890",
        "0812.3456.7890",
        "(0812) 3456 7890",
        "  081234567890  ",
    ],
)
def test_mobile_phone_formats_are_accepted(phone):
    assert check(phone=phone) == set()
    assert check(heir_phone=phone) == set()


@pytest.mark.parametrize(
    "phone",
    [
        "021 7654321",  # Jakarta landline
        "0532 21234",  # Pangkalan Bun landline
        "+62 21 7654321",
        "08123456",  # too short
        "08123",
        "08123456789012",  # too long
        "0812 3456 abcd",
        "0812-3456-789O",  # letter O
        "phone",
        "+1 812 3456 7890",
        "62",
        "8123456789",  # no leading 0 or 62
    ],
)
def test_other_phone_texts_are_a_format_error(phone):
    assert check(phone=phone) == {("phone.format", "phone", E)}
    assert check(heir_phone=phone) == {("phone.format", "heir_phone", E)}


def test_normalize_phone():
    assert normalize_phone("+62 812-3456-7890") == "081234567890"
    assert normalize_phone("62 812 3456 7890") == "081234567890"
    assert normalize_phone("0812.3456.7890") == "081234567890"
    assert normalize_phone("(0812) 3456 789") == "08123456789"


# --- age and birth date -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "age"),
    [
        (date(1990, 6, 1), 35),
        (date(1990, 6, 2), 34),
        (date(1990, 5, 31), 35),
        (date(2000, 2, 29), 25),
    ],
)
def test_age_on(birth, age):
    assert age_on(birth, TODAY) == age


@pytest.mark.parametrize(
    "birth",
    [
        date(2010, 6, 1),  # 15 today
        date(1960, 6, 1),  # 65 today
        date(1959, 6, 2),  # 65, turns 66 tomorrow
        date(1990, 7, 5),
    ],
)
def test_age_inside_15_to_65_is_fine(birth):
    assert check(birth_date=birth) == set()


@pytest.mark.parametrize(
    ("birth", "age"),
    [
        (date(2010, 6, 2), 14),  # turns 15 tomorrow
        (date(2020, 1, 1), 5),
        (date(1959, 6, 1), 66),  # 66 today
        (date(1930, 1, 1), 95),
    ],
)
def test_age_outside_15_to_65_is_a_warning(birth, age):
    reg = siti(birth_date=birth, nik="")
    [problem] = [p for p in validate(reg, context()) if p.code == "age.range"]
    assert (problem.field, problem.severity) == ("birth_date", W)
    assert problem.params == {"age": age, "min": 15, "max": 65}


@pytest.mark.parametrize(
    ("birth", "warned"),
    [
        (date(2007, 6, 2), True),  # 17
        (date(2007, 6, 1), False),  # 18
        (date(1965, 6, 1), False),  # 60
        (date(1964, 6, 1), True),  # 61
    ],
)
def test_age_range_comes_from_the_context(birth, warned):
    reg = siti(birth_date=birth, nik="")
    problems = validate(reg, context(age_min=18, age_max=60))
    assert any(p.code == "age.range" for p in problems) is warned


@pytest.mark.parametrize("birth", [date(2025, 6, 2), date(2030, 1, 1)])
def test_birth_date_in_the_future_is_an_error(birth):
    assert check(birth_date=birth) == {("birth_date.future", "birth_date", E)}


def test_birth_date_today_is_not_future_but_out_of_age_range():
    assert check(birth_date=TODAY) == {("age.range", "birth_date", W)}


# --- village and address ----------------------------------------------------------------


@pytest.mark.parametrize(
    "village",
    ["62.08.01.2001", "62.08.01.1004", "62.08.02.1001", "62.08.02.2003"],
)
def test_villages_of_the_configured_regency_are_fine(village):
    assert check(village_code=village) == set()


@pytest.mark.parametrize(
    "village",
    ["62.07.01.2001", "64.09.01.1001", "11.01.01.2001", "62.080.1.2001", "62.08"],
)
def test_village_outside_the_configured_regency_is_an_error(village):
    assert check(village_code=village) == {("village.outside_regency", "village_code", E)}


@pytest.mark.parametrize("village", ["62.08.01.9999", "62.08.09.2001", "62.08.01"])
def test_unknown_village_in_the_regency_is_an_error(village):
    assert check(village_code=village) == {("village.unknown", "village_code", E)}


def test_regency_is_a_setting():
    """Penajam Paser Utara runs the same programme: its villages are fine there, and
    Sukamara's are outside it."""
    ppu = context(regency_code="64.09")
    problems = validate(siti(village_code="64.09.01.1001"), ppu)
    assert problems == []
    problems = validate(siti(village_code="62.08.01.2001"), ppu)
    assert triples(problems) == {("village.outside_regency", "village_code", E)}


@pytest.mark.parametrize("value", ["1", "01", "001", "999"])
def test_rt_rw_up_to_three_digits(value):
    assert check(rt=value, rw=value) == set()


@pytest.mark.parametrize("value", ["0001", "1a", "A", "-1", "1/2"])
def test_rt_rw_other_text_is_an_error(value):
    assert check(rt=value) == {("rt_rw.format", "rt", E)}
    assert check(rw=value) == {("rt_rw.format", "rw", E)}


@pytest.mark.parametrize(
    ("postal", "ok"),
    [("74172", True), ("10110", True), ("99351", True), ("7417", False), ("7417A", False),
     ("08561", False), ("741720", False)],
)  # fmt: skip
def test_postal_code_is_5_digits_not_starting_with_0_or_a_warning(postal, ok):
    expected = set() if ok else {("postal_code.format", "postal_code", W)}
    assert check(postal_code=postal) == expected


@pytest.mark.parametrize("name", ["marital_status", "postal_code"])
def test_what_the_bpjs_file_needs_is_required(name):
    """The BPJS collective file has a column for each, and every worker has one: an empty
    cell would leave the laptop unnoticed."""
    assert check(**{name: ""}) == {("required", name, E)}


@pytest.mark.parametrize(
    ("email", "ok"),
    [
        ("", True),
        ("siti@example.com", True),
        ("siti.aminah+bpjs@mail.example.co.id", True),
        ("  siti@example.com  ", True),
        ("siti@", False),
        ("siti", False),
        ("siti@example", False),
        ("siti aminah@example.com", False),
        ("siti@@example.com", False),
        ("@example.com", False),
    ],
)
def test_email(email, ok):
    expected = set() if ok else {("email.format", "email", E)}
    assert check(email=email) == expected


# --- programme --------------------------------------------------------------------------


def test_csr_funding_needs_the_company():
    assert check(funding_source="csr", csr_company="") == {("required", "csr_company", E)}
    assert check(funding_source="csr", csr_company="   ") == {("required", "csr_company", E)}
    assert check(funding_source="csr", csr_company="PT Sawit Sukamara") == set()


@pytest.mark.parametrize("source", ["apbd", "mandiri"])
def test_other_funding_needs_no_company(source):
    assert check(funding_source=source, csr_company="") == set()


@pytest.mark.parametrize(
    ("kpj", "ok"),
    [
        ("", True),
        ("12345678901", True),
        ("00000000001", True),
        ("1234567890", False),  # 10
        ("123456789012", False),  # 12
        ("1234567890A", False),
        ("KPJ12345678", False),
    ],
)
def test_kpj_is_eleven_digits(kpj, ok):
    expected = set() if ok else {("kpj.format", "kpj", E)}
    assert check(kpj=kpj) == expected


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"sex": "X"}, "sex"),
        ({"marital_status": "menikah"}, "marital_status"),
        ({"target_group": "pns"}, "target_group"),
        ({"funding_source": "apbn"}, "funding_source"),
        ({"contribution_months": 2}, "contribution_months"),
        ({"contribution_months": 24}, "contribution_months"),
    ],
)
def test_values_outside_their_vocabulary(changes, field):
    assert check(**changes) == {("choice.invalid", field, E)}


@pytest.mark.parametrize("months", [1, 3, 6, 12])
def test_contribution_periods(months):
    assert check(contribution_months=months) == set()


@pytest.mark.parametrize("name", ["Siti Aminah", "Ni Made Déwi", "Abd. Rahman", "Ma'ruf", "A-Ling"])
def test_names_as_on_a_ktp(name):
    assert check(full_name=name, mother_name=name) == set()


@pytest.mark.parametrize("name", ["Siti 2", "Siti_Aminah", "Siti@Aminah"])
def test_odd_name_characters_are_a_warning(name):
    assert check(full_name=name) == {("name.characters", "full_name", W)}
    assert check(mother_name=name) == {("name.characters", "mother_name", W)}


# --- problem helpers ---------------------------------------------------------------------


def test_errors_warnings_and_confirmation():
    reg = siti(sex="L", kpj="123")
    problems = validate(reg, context())
    assert [p.code for p in errors(problems)] == ["kpj.format"]
    assert [p.code for p in warnings(problems)] == ["nik.sex_mismatch"]
    check = readiness(reg, context())
    assert not check.ok
    assert [p.code for p in check.unconfirmed] == ["nik.sex_mismatch"]
    confirmed = with_warnings_confirmed(reg.copy(kpj=""), context())
    assert readiness(confirmed, context()).ok
    # The same warning about another value asks again.
    other = confirmed.copy(birth_date=date(1990, 7, 6))
    assert [p.code for p in readiness(other, context()).unconfirmed] == ["nik.birth_date_mismatch"]


def test_whitespace_only_is_missing():
    problems = validate(siti(full_name="   ", mother_name=" \t", address="  "), context())
    required = {p.field for p in problems if p.code == "required"}
    assert required == {"full_name", "mother_name", "address"}


@pytest.mark.parametrize(
    ("current", "draft", "officer_device", "expected"),
    [
        ("draft", False, False, "ready"),
        ("ready", True, False, "draft"),
        ("exported", False, False, "ready"),
        ("registered", True, False, "registered"),
        ("received", False, False, "received"),
        ("exported", False, True, "ready"),
        # On the officer's laptop a correction must travel again, whatever the district said.
        ("received", False, True, "ready"),
        ("registered", True, True, "draft"),
        ("rejected", False, True, "ready"),
        ("submitted", False, True, "ready"),
    ],
)
def test_status_after_an_edit(current, draft, officer_device, expected):
    assert status_after_edit(current, draft=draft, officer_device=officer_device) == expected


# --- the year's declarations (issue 15) ---------------------------------------------------


def test_ready_needs_the_declaration_of_working_now():
    problems = validate(siti(working_now=False), context())
    assert triples(problems) == {("working_now.required", "working_now", E)}
    assert validate(siti(), context()) == []


@pytest.mark.parametrize(
    ("previous", "kpj", "expected"),
    [
        (False, "", set()),
        (True, "12345678901", set()),
        (True, "123 4567 8901", set()),  # grouped as on the card
        (True, "", {("required", "previous_kpj", E)}),
        (True, "1234567890", {("kpj.format", "previous_kpj", E)}),
        (False, "12345", {("kpj.format", "previous_kpj", E)}),
    ],
)
def test_a_former_participant_gives_the_old_kpj_of_11_digits(previous, kpj, expected):
    reg = siti(previous_participant=previous, previous_kpj=kpj)
    assert triples(validate(reg, context())) == expected


@pytest.mark.parametrize(
    ("occupation", "transport"),
    [("Ojek", True), ("Tukang ojek pangkalan", True), ("OJOL", True), ("Sopir truk", True),
     ("Supir angkot", True), ("Kurir paket", True), ("Pengemudi", True), ("Petani", False),
     ("Projek", False), ("Buruh harian lepas", False)],
)  # fmt: skip
def test_a_transport_occupation_ticks_the_transport_flag(occupation, transport):
    assert normalized(siti(occupation=occupation)).transport_worker is transport
    assert normalized(siti(occupation="Petani", transport_worker=True)).transport_worker
