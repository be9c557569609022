"""Likely duplicates: the in-memory index the merge consults for people under another NIK."""

from datetime import date

from models.duplicates import (
    SAME_NAME_AND_BIRTH,
    SIMILAR_NAME_SAME_DESA,
    LikelyDuplicates,
    name_keys,
    normal_name,
)
from models.registration import Registration
from models.store import RegistrationStore

DESA = "62.08.01.2001"


def person(rid, name, nik, birth="1990-07-05", desa=DESA, deleted=0):
    return {"id": rid, "full_name": name, "nik": nik, "birth_date": birth,
            "village_code": desa, "deleted": deleted}  # fmt: skip


def index(*people):
    found = LikelyDuplicates()
    for row in people:
        found.track(row)
    return found


def test_names_compare_lower_case_with_single_spaces():
    assert normal_name("  SITI   Aminah ") == "siti aminah"


def test_vowel_and_doubled_letter_variants_share_a_key():
    assert name_keys("muhammad rizki") & name_keys("muhamad rizky")
    assert name_keys("nurhasanah") & name_keys("nur hasanah")
    assert name_keys("rizki") & name_keys("rizky")
    assert name_keys("") == set()


def test_same_name_and_birth_date_under_another_nik():
    found = index(person("a", "Siti Aminah", "6208014507900001", desa="62.08.02.1001"))
    assert found.find(person("b", "siti  aminah", "6208014507900002")) == [
        ("a", SAME_NAME_AND_BIRTH)
    ]
    # The same NIK is a NIK conflict, not a likely duplicate; itself is never its duplicate.
    assert found.find(person("b", "Siti Aminah", "6208014507900001")) == []
    assert found.find(person("a", "Siti Aminah", "6208014507900002")) == []


def test_similar_names_in_the_same_desa_and_birth_year():
    found = index(person("a", "Muhammad Rizki", "6208010101900001", birth="1990-01-01"))
    assert found.find(person("b", "Muhamad Rizky", "6208010202900002", birth="1990-12-31")) == [
        ("a", SIMILAR_NAME_SAME_DESA)
    ]
    other_desa = person("c", "Muhamad Rizky", "6208010202900003", desa="62.08.01.2002")
    other_year = person("d", "Muhamad Rizky", "6208010202910004", birth="1991-02-02")
    different = person("e", "Muhammad Yusuf", "6208010202900005", birth="1990-03-03")
    assert found.find(other_desa) == found.find(other_year) == found.find(different) == []


def test_tombstones_and_moves_are_followed():
    found = index(person("a", "Siti Aminah", "6208014507900001"))
    found.track(person("a", "Siti Aminah", "6208014507900001", deleted=1))
    assert found.find(person("b", "Siti Aminah", "6208014507900002")) == []
    found.track(person("a", "Siti Aminah", "6208014507900001", desa="62.08.03.2001"))
    # Still the same name and birth date (any desa), but no longer in this desa's bucket.
    assert found.find(person("b", "Siti Aminnah", "6208014507900002")) == []
    assert found.find(person("b", "Siti Aminah", "6208014507900002")) == [
        ("a", SAME_NAME_AND_BIRTH)
    ]


def test_loading_reads_only_live_registrations(db):
    store = RegistrationStore(db)
    born = date(1990, 7, 5)
    store.insert_many(
        [Registration(id="live", full_name="Siti Aminah", nik="6208014507900001",
                      birth_date=born, village_code=DESA),
         Registration(id="gone", full_name="Siti Aminah", nik="6208014507900003",
                      birth_date=born, village_code=DESA, deleted=True)],
        "staf",
    )  # fmt: skip
    found = LikelyDuplicates()
    found.ensure_loaded(db)
    assert found.find(person("new", "Siti Aminah", "6208014507900002")) == [
        ("live", SAME_NAME_AND_BIRTH)
    ]
    found.reset()
    assert not found.loaded
    assert found.find(person("new", "Siti Aminah", "6208014507900002")) == []
