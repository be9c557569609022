"""The registrations a village list shows: live, not drafts, one desa / kecamatan / the whole
regency, ordered by kecamatan, desa and name."""

from functools import partial

import pytest

from models.nominatif import count_for_list, registrations_for_list
from models.store import RegistrationStore
from tests import factories

NATAI = "62.08.01.2001"  # Desa Natai Sedawak, Kecamatan Sukamara (62.08.01)
PUDU = "62.08.01.2002"  # Desa Pudu, Kecamatan Sukamara
JELAI = "62.08.02.2001"  # a desa of Kecamatan Jelai (62.08.02)


person = partial(factories.person, status="ready")


@pytest.fixture
def store(db):
    store = RegistrationStore(db)
    store.insert_many(
        [
            person(1, "Yusuf Hamdani", NATAI),
            person(2, "ahmad Fauzi", NATAI),  # lower case sorts with the others
            person(3, "Budi Santoso", NATAI, status="exported"),
            person(4, "Zainab", PUDU),
            person(5, "Abdul Rahman", PUDU, status="registered"),
            person(6, "Candra", JELAI, status="received"),
            person(7, "Dewi Lestari", NATAI, status="draft"),
            person(8, "Eko Prasetyo", JELAI, status="draft"),
            person(9, "Fitri Handayani", NATAI),
            person(10, "Gunawan", JELAI),
            person(11, "Hasan Basri", NATAI, status="rejected"),
        ],
        actor="test",
    )
    store.delete("reg-9", "test")
    store.delete("reg-10", "test")
    return store


def names(registrations):
    return [reg.full_name for reg in registrations]


def test_one_desa_is_its_live_non_drafts_by_name(db, store):
    found = registrations_for_list(db, desa=NATAI)
    assert names(found) == ["ahmad Fauzi", "Budi Santoso", "Yusuf Hamdani"]
    assert {reg.village_code for reg in found} == {NATAI}
    assert count_for_list(db, desa=NATAI) == 3


def test_one_kecamatan_is_ordered_by_desa_then_name(db, store):
    found = registrations_for_list(db, kecamatan="62.08.01")
    assert names(found) == [
        "ahmad Fauzi",
        "Budi Santoso",
        "Yusuf Hamdani",
        "Abdul Rahman",
        "Zainab",
    ]
    assert count_for_list(db, kecamatan="62.08.01") == 5


def test_the_whole_regency_is_ordered_by_kecamatan_desa_and_name(db, store):
    found = registrations_for_list(db)
    assert names(found) == [
        "ahmad Fauzi", "Budi Santoso", "Yusuf Hamdani", "Abdul Rahman", "Zainab", "Candra",
    ]  # fmt: skip
    assert count_for_list(db) == 6


def test_drafts_deleted_and_rejected_are_never_listed(db, store):
    everyone = registrations_for_list(db)
    assert all(reg.status not in ("draft", "rejected") and not reg.deleted for reg in everyone)
    assert not {"reg-7", "reg-8", "reg-9", "reg-10", "reg-11"} & {reg.id for reg in everyone}


def test_a_restored_registration_comes_back(db, store):
    store.restore("reg-9", "test")
    assert "Fitri Handayani" in names(registrations_for_list(db, desa=NATAI))


def test_desa_wins_over_kecamatan_and_an_empty_desa_lists_nobody(db, store):
    assert names(registrations_for_list(db, desa=PUDU, kecamatan="62.08.02")) == [
        "Abdul Rahman",
        "Zainab",
    ]
    assert registrations_for_list(db, desa="62.08.05.2001") == []
    assert count_for_list(db, desa="62.08.05.2001") == 0


def test_rows_come_back_as_whole_registrations(db, store):
    [first, *_] = registrations_for_list(db, desa=NATAI)
    assert first == store.get(first.id)


@pytest.mark.parametrize(
    ("scope", "index"),
    [
        ({"desa": NATAI}, "registrations_village_code"),
        ({"kecamatan": "62.08.01"}, "registrations_kecamatan_code"),
    ],
)
def test_a_desa_or_kecamatan_is_read_through_its_index(db, store, scope, index):
    plans = []
    original = db.execute

    def explain(sql, params=()):
        if sql.startswith("SELECT * FROM registrations"):
            plans.extend(original("EXPLAIN QUERY PLAN " + sql, params).fetchall())
        return original(sql, params)

    db.execute = explain
    try:
        registrations_for_list(db, **scope)
    finally:
        del db.execute
    details = " ".join(str(row[-1]) for row in plans)
    assert f"USING INDEX {index} (deleted=? AND" in details
