"""The entry session without Qt: the field table, NIK autofill, which problems show, and what
saving comes to (ready, blocked, needs confirmation, draft, duplicate NIK, stale, disk)."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields

import pytest

from models.entry import (
    Autofill,
    Blocked,
    ChangedElsewhere,
    EntrySession,
    NeedsConfirmation,
    NikTaken,
    NotWritten,
    Saved,
    csr_company_applies,
    kecamatan_of_village,
    village_fits,
)
from models.entry_fields import (
    FIELD_NAMES,
    FIELDS,
    registration_from,
    typed_texts,
    values_of,
)
from models.problems import error, warning
from models.registration import Registration
from models.settings import Settings
from models.sqlite_driver import sqlite
from models.store import RegistrationStore
from models.validation import REQUIRED, confirmation
from tests.factories import TODAY, siti

SITI_NIK = "6208014507900001"  # a woman (day 45 = 5 + 40) born 05-07-1990, Kec. Sukamara


@pytest.fixture
def store(db):
    return RegistrationStore(db)


def session_on(store: RegistrationStore) -> EntrySession:
    return EntrySession(
        store, Settings(officer_name="Budi Santoso", device_id="dev-1"), today=TODAY
    )


@pytest.fixture
def session(store):
    return session_on(store)


def typed(session: EntrySession, **changes) -> dict[str, object]:
    """A blank form, started, into which Siti's registration (with ``changes``) was typed."""
    session.start(session.blank())
    return values_of(siti(**changes))


# --- the field table ---------------------------------------------------------------------


def test_every_field_is_a_registration_attribute_or_shown_from_one():
    attributes = {f.name for f in dataclass_fields(Registration)}
    assert len(set(FIELD_NAMES)) == len(FIELDS) == 31
    for spec in FIELDS:
        shown = spec.shown_from or spec.name
        assert hasattr(Registration(), shown), spec.name
        assert spec.shown_from or spec.name in attributes
    assert [spec.name for spec in FIELDS if spec.shown_from] == ["kecamatan"]


def test_the_required_fields_are_the_ones_validation_requires():
    assert {spec.name for spec in FIELDS if spec.required} == set(REQUIRED)


def test_values_round_trip_through_a_registration():
    reg = siti(contribution_months=6, funding_source="csr", csr_company="PT Sawit")
    values = values_of(reg)
    assert values["birth_date"] == "05-07-1990"
    assert values["monthly_income"] == "1.000.000"
    assert values["kecamatan"] == "62.08.01"
    assert values["program_jht"] is True
    back, problems = registration_from(Registration(id="x"), values)
    assert problems == []
    assert back == reg.copy(id="x", kpj="", created_at="")  # not fields of the form


def test_unreadable_texts_are_problems_and_kept_as_typed():
    values = values_of(siti()) | {"birth_date": "31-02-1990", "monthly_income": "sejuta"}
    reg, problems = registration_from(Registration(), values)
    assert (reg.birth_date, reg.monthly_income) == (None, None)
    assert problems == [
        error("birth_date.format", "birth_date"),
        error("income.format", "monthly_income"),
    ]
    assert typed_texts(values) == {"birth_date": "31-02-1990", "monthly_income": "sejuta"}


def test_spaces_around_some_texts_are_dropped_when_read():
    values = values_of(siti()) | {"nik": f" {SITI_NIK} ", "occupation": " Petani ", "rt": " 1"}
    reg, _ = registration_from(Registration(), values)
    assert (reg.nik, reg.occupation, reg.rt) == (SITI_NIK, "Petani", " 1")


# --- NIK autofill ------------------------------------------------------------------------


def blank_values(session: EntrySession, **changes) -> dict[str, object]:
    return session.start(session.blank()) | changes


def test_a_womans_nik_fills_birth_date_sex_and_kecamatan(session):
    values = blank_values(session, nik=SITI_NIK)
    assert session.autofill(values) == Autofill("05-07-1990", "P", "62.08.01")


def test_a_mans_nik_has_the_day_as_it_is(session):
    values = blank_values(session, nik="6208020507900001")
    assert session.autofill(values) == Autofill("05-07-1990", "L", "62.08.02")


@pytest.mark.parametrize(
    "nik",
    [
        "620801450790",  # too short
        "6208013507900001",  # day 35: neither a man's nor a woman's date
        "9908014507900001",  # no province 99
        "6208014507900000",  # serial 0000
    ],
)
def test_a_bad_nik_fills_nothing(session, nik):
    assert session.autofill(blank_values(session, nik=nik)) is None


def test_what_the_officer_typed_is_not_overwritten(session):
    values = blank_values(session, nik=SITI_NIK, birth_date="01-01-1990", sex="L")
    assert session.autofill(values) == Autofill(None, None, "62.08.01")


def test_a_kecamatan_of_another_regency_is_not_suggested(session):
    values = blank_values(session, nik="6201014507900001")  # Kotawaringin Barat
    assert session.autofill(values) == Autofill("05-07-1990", "P", None)


def test_a_corrected_nik_refreshes_what_the_wrong_one_filled(session):
    values = blank_values(session, nik=SITI_NIK)
    first = session.autofill(values)
    values |= {"birth_date": first.birth_date, "sex": first.sex, "kecamatan": first.kecamatan}
    values["nik"] = "6208020608910001"  # a man born 06-08-1991, Kec. Jelai
    assert session.autofill(values) == Autofill("06-08-1991", "L", "62.08.02")


def test_a_field_changed_after_the_autofill_is_kept(session):
    values = blank_values(session, nik=SITI_NIK)
    first = session.autofill(values)
    values |= {"birth_date": "06-07-1990", "sex": first.sex, "kecamatan": first.kecamatan}
    values["nik"] = "6208020608910001"
    assert session.autofill(values) == Autofill(None, "L", "62.08.02")


def test_the_same_kecamatan_again_is_not_suggested_again(session):
    values = blank_values(session, nik=SITI_NIK, kecamatan="62.08.01")
    assert session.autofill(values) == Autofill("05-07-1990", "P", None)


# --- problems shown ----------------------------------------------------------------------


def test_problems_of_untouched_fields_wait_until_they_are_left(session):
    values = blank_values(session, nik="620801450790", phone="12345")
    session.check(values)
    # A half-typed NIK is not scolded yet; a wrong phone is (it is not empty); an empty
    # required field waits.
    assert {name: [p.code for p in found] for name, found in session.shown(values).items()} == {
        "phone": ["phone.format"]
    }
    session.leave("nik")
    session.leave("full_name")
    shown = session.shown(values)
    assert [p.code for p in shown["nik"]] == ["nik.length"]
    assert [p.code for p in shown["full_name"]] == ["required"]
    assert session.tally() == (18, 0)


def test_an_unreadable_date_is_not_also_said_to_be_missing(session):
    values = blank_values(session, birth_date="12-03-")
    codes = [(p.code, p.field) for p in session.problems_of(values) if p.field == "birth_date"]
    assert codes == [("birth_date.format", "birth_date")]


# --- saving ------------------------------------------------------------------------------


def test_a_complete_registration_is_saved_ready(session, store):
    outcome = session.save(typed(session))
    assert isinstance(outcome, Saved)
    stored = store.get(outcome.registration.id)
    assert (stored.status, stored.version, stored.full_name) == ("ready", 1, "Siti Aminah")
    assert (stored.created_by, stored.device_id) == ("Budi Santoso", "dev-1")
    assert stored.phone == "081234567890"
    assert stored.warnings_confirmed == []


def test_errors_block_saving_as_ready(session, store):
    values = typed(session, nik="", phone="12345")
    outcome = session.save(values)
    assert outcome == Blocked([error("required", "nik"), error("phone.format", "phone")])
    assert store.count() == 0
    # Trying to save shows every problem, left or not.
    assert session.touched == set(FIELD_NAMES)
    assert sorted(session.shown(values)) == ["nik", "phone"]


def test_an_unreadable_date_blocks_saving_as_ready(session, store):
    values = typed(session) | {"birth_date": "05-07-19__"}
    outcome = session.save(values)
    # Readiness sees no date at all, so the date is also missing (the form shows only the
    # first: `problems_of` leaves out a "required" of a field that could not be read).
    assert outcome == Blocked(
        [error("birth_date.format", "birth_date"), error("required", "birth_date")]
    )
    assert [p.code for p in session.shown(values)["birth_date"]] == ["birth_date.format"]
    assert store.count() == 0


def test_a_draft_is_always_saved(session, store):
    outcome = session.save(typed(session, nik="", phone="12345"), draft=True)
    assert isinstance(outcome, Saved)
    stored = store.get(outcome.registration.id)
    assert (stored.status, stored.nik, stored.phone) == ("draft", "", "12345")


def test_without_marital_status_or_postal_code_only_a_draft_is_saved(session, store):
    values = typed(session, marital_status="", postal_code="")
    assert session.save(values) == Blocked(
        [error("required", "marital_status"), error("required", "postal_code")]
    )
    assert store.count() == 0
    outcome = session.save(values, draft=True)
    assert store.get(outcome.registration.id).status == "draft"


def test_an_unusual_postal_code_is_a_warning_told_once_the_field_is_left(session, store):
    values = typed(session, postal_code="08561")
    session.check(values)
    assert "postal_code" not in session.shown(values)  # may still be being typed
    session.leave("postal_code")
    assert session.shown(values)["postal_code"] == [warning("postal_code.format", "postal_code")]
    outcome = session.save(values)
    assert outcome == NeedsConfirmation([warning("postal_code.format", "postal_code")])
    assert isinstance(session.save(values, confirmed=outcome.warnings), Saved)


def test_warnings_need_confirmation_and_are_remembered_with_their_value(session, store):
    values = typed(session) | {"birth_date": "06-07-1990"}  # the NIK says 05-07-1990
    outcome = session.save(values)
    assert outcome == NeedsConfirmation([warning("nik.birth_date_mismatch", "birth_date")])
    assert str(outcome.warnings[0].params["nik_date"]) == "1990-07-05"
    assert store.count() == 0
    saved = session.save(values, confirmed=outcome.warnings)
    assert isinstance(saved, Saved)
    stored = store.get(saved.registration.id)
    assert stored.status == "ready"
    assert stored.warnings_confirmed == [confirmation(outcome.warnings[0], stored)]
    # Saving it again unchanged does not ask; another wrong date asks again.
    again = session_on(store)
    values = again.start(stored)
    assert isinstance(again.save(values), Saved)
    values = again.start(store.get(stored.id)) | {"birth_date": "07-07-1990"}
    assert again.save(values) == NeedsConfirmation(
        [warning("nik.birth_date_mismatch", "birth_date")]
    )


def test_every_warning_must_be_confirmed(session, store):
    values = typed(session) | {"birth_date": "06-07-1990", "sex": "L"}
    outcome = session.save(values)
    assert outcome.warnings == [
        warning("nik.birth_date_mismatch", "birth_date"),
        warning("nik.sex_mismatch", "sex"),
    ]
    assert session.save(values, confirmed=outcome.warnings[:1]) == outcome
    assert store.count() == 0


def test_a_nik_already_registered_blocks_and_names_the_holder(session, store):
    first = session.save(typed(session)).registration
    values = typed(session, id="other", full_name="Siti Lain")
    outcome = session.save(values)
    assert outcome == Blocked([error("nik.duplicate", "nik")])
    assert outcome.errors[0].params == {"id": first.id, "name": "Siti Aminah"}
    assert session.shown(values)["nik"] == outcome.errors
    assert store.count() == 1


class SavedMeanwhile(RegistrationStore):
    """Another window stores Ana with the same NIK between the form's check and its write."""

    def _save(self, reg, actor, action=""):
        if reg.id != "ana":
            super()._save(siti(id="ana", full_name="Ana", status="ready"), actor)
        return super()._save(reg, actor, action)


def test_a_nik_taken_while_saving_is_shown_at_the_nik(db):
    session = session_on(SavedMeanwhile(db))
    values = typed(session)
    outcome = session.save(values)
    assert outcome == NikTaken([error("nik.duplicate", "nik")])
    assert outcome.problems[0].params == {"id": "ana", "name": "Ana"}
    assert session.shown(values) == {"nik": outcome.problems}


def test_at_the_district_even_a_draft_may_find_its_nik_taken(db):
    # Outside an officer's laptop a draft keeps the district's status, and the NIK must
    # stay unique among such registrations.
    session = session_on(SavedMeanwhile(db))
    values = session.start(siti(id="received-one", status="received"))
    outcome = session.save(values, draft=True)
    assert outcome == NikTaken([error("nik.duplicate", "nik")])
    assert session.shown(values) == {"nik": outcome.problems}
    # The NIK counts as left: clearing it says at once that it is required.
    values["nik"] = ""
    session.check(values)
    assert session.shown(values) == {"nik": [error("required", "nik")]}


class CheckedMeanwhile(RegistrationStore):
    """Ana is stored with the same NIK after the form's check, before the store's own."""

    def save(self, reg, actor, context=None):
        if self.get("ana") is None:
            super().save(siti(id="ana", full_name="Ana", status="ready"), actor)
        return super().save(reg, actor, context)


def test_a_nik_taken_before_the_stores_own_check_blocks(db):
    session = session_on(CheckedMeanwhile(db))
    outcome = session.save(typed(session))
    assert outcome == Blocked([error("nik.duplicate", "nik")])
    assert outcome.errors[0].params["id"] == "ana"


def test_a_registration_changed_elsewhere_is_not_overwritten(session, store):
    stored = session.save(typed(session)).registration
    values = session.start(stored) | {"address": "Jl. Baru 1"}
    store.save(stored.copy(phone="081298765432"), actor="Ani")  # another window
    assert session.save(values) == ChangedElsewhere()
    assert store.get(stored.id).address == "Jl. Tjilik Riwut No. 12"


class FullDisk(RegistrationStore):
    def _save(self, reg, actor, action=""):
        raise sqlite.OperationalError("database or disk is full")


def test_a_refused_write_says_why(db):
    session = session_on(FullDisk(db))
    assert session.save(typed(session), draft=True) == NotWritten("database or disk is full")


# --- the rest of the form's rules --------------------------------------------------------


def test_unsaved_typing_is_what_an_autosave_keeps(session):
    values = session.start(session.blank())
    session.mark_clean(values)
    assert session.unsaved(values) is None
    values |= {"full_name": "Rina Wati", "birth_date": "01-02-"}
    kept = session.unsaved(values)
    assert (kept.registration.full_name, kept.registration.birth_date) == ("Rina Wati", None)
    assert kept.texts == {"birth_date": "01-02-", "monthly_income": ""}


def test_the_contribution_follows_income_programmes_and_period(session):
    values = blank_values(session, monthly_income="1.500.000")
    assert session.contribution(values).monthly == 22_800
    values |= {"program_jht": True, "contribution_months": 3}
    assert (session.contribution(values).monthly, session.contribution(values).per_period) == (
        54_800,
        164_400,
    )
    assert session.contribution(values | {"monthly_income": ""}) is None
    assert session.contribution(values | {"monthly_income": "sejuta"}) is None


def test_choosers_rules():
    assert csr_company_applies("csr") and not csr_company_applies("apbd")
    assert village_fits("", "62.08.02")
    assert village_fits("62.08.02.2003", "62.08.02")
    assert not village_fits("62.08.01.2001", "62.08.02")
    assert not village_fits("62.08.01.2001", "")
    assert kecamatan_of_village("62.08.01.2001", "") == "62.08.01"
    assert kecamatan_of_village("62.08.01.2001", "62.08.01") is None
    assert kecamatan_of_village("", "") is None
