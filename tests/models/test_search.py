"""The records list's search by what officers read off a slip or a list: a NIK's last
digits, any 8 or more digits of a NIK, the start of a registration's id (issue 13); and the
indexes of migration m013 that serve them, kept in step on insert, update and delete."""

from __future__ import annotations

from datetime import date

import pytest
from sqlite_utils import Database

from models.db import write_transaction
from models.migrations import migrations
from models.record_search import first_hits_sql, id_prefix, lookups, nik_digits
from models.registration import Registration
from models.sqlite_driver import sqlite
from models.store import RecordFilter, RegistrationStore, insert_rows

SITI = "6208014507900031"
DEWI = "6208014808850002"
ANDI = "3273011708800123"
# Starts with Dewi's last four digits and ends with Andi's first four.
YUDI = "0002620101013273"


def person(name: str, nik: str, **changes) -> Registration:
    values = {
        "nik": nik, "full_name": name, "birth_date": date(1990, 7, 5), "sex": "P",
        "address": "Jl. Tjilik Riwut", "village_code": "62.08.01.2001",
    }  # fmt: skip
    values.update(changes)
    return Registration(**values)


@pytest.fixture
def store(db) -> RegistrationStore:
    return RegistrationStore(db)


@pytest.fixture
def people(store):
    """Four live people and a deleted one whose NIK ends like Siti's."""
    made = {
        name.split()[0].lower(): store.save(person(name, nik), "b")
        for name, nik in (
            ("Siti Aminah", SITI),
            ("Dewi Lestari", DEWI),
            ("Andi Pratama", ANDI),
            ("Yudi Saputra", YUDI),
        )
    }
    gone = store.save(person("Sitiawati", "6208015101700031"), "b")
    store.delete(gone.id, "b")
    made["gone"] = gone
    return made


def names(rows) -> list[str]:
    return [row["full_name"] for row in rows]


def found(store, text) -> set[str]:
    """What the search finds, checked against what the records list shows for it."""
    hits = set(names(store.search(text)))
    rowids = list(store.list_rowids(RecordFilter(text=text)))
    assert set(names(store.rows_by_rowid(rowids).values())) == hits
    assert store.count(RecordFilter(text=text)) == len(hits)
    return hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the receipt slip's last four digits, and the last five or six
        ("0031", {"Siti Aminah"}),  # the deleted Sitiawati ends the same way
        ("•••• •••• •••• 0031", {"Siti Aminah"}),  # copied off the slip
        ("00031", {"Siti Aminah"}),
        ("900031", {"Siti Aminah"}),
        ("0123", {"Andi Pratama"}),
        ("800123", {"Andi Pratama"}),
        ("9999", set()),
        ("7900031", set()),  # seven digits: a NIK's start only
        ("0031 ", {"Siti Aminah"}),
        # any eight or more digits anywhere in a NIK
        ("14507900", {"Siti Aminah"}),
        ("45079000", {"Siti Aminah"}),
        ("07900031", {"Siti Aminah"}),
        ("1708800123", {"Andi Pratama"}),
        ("62080148", {"Dewi Lestari"}),  # the start counts too
        ("01450790", {"Siti Aminah"}),
        ("0148 0885", {"Dewi Lestari"}),  # separators typed between the digits
        ("1.4507.9000-31", {"Siti Aminah"}),
        ("20101013", {"Yudi Saputra"}),
        ("14507901", set()),
        ("99999999", set()),
        ("62080145079000311", set()),  # longer than the NIK
        (SITI, {"Siti Aminah"}),
        ("6208-0145-0790-0031", {"Siti Aminah"}),
        # a NIK's start, as before
        ("6208", {"Siti Aminah", "Dewi Lestari"}),
        ("620801", {"Siti Aminah", "Dewi Lestari"}),
        ("3273", {"Andi Pratama", "Yudi Saputra"}),  # Andi starts with it, Yudi ends with it
        ("0002", {"Dewi Lestari", "Yudi Saputra"}),  # Dewi ends with it, Yudi starts with it
        # words, as before
        ("siti", {"Siti Aminah"}),
        ("riwut", {"Siti Aminah", "Dewi Lestari", "Andi Pratama", "Yudi Saputra"}),
        ("003", set()),  # too short for a NIK: a word, which no name or address holds
    ],
)
def test_search_by_nik(store, people, text, expected):
    assert found(store, text) == expected


@pytest.mark.parametrize("nik", [SITI, "62080145079000311234", "620801450"])
def test_every_run_of_8_or_more_digits_finds_its_nik_and_no_other_digits_do(store, nik):
    """Whatever the run's start (the NIK's first character, a tail's start, one to three
    digits before one) and length; and a run with one digit changed finds no one."""
    holder = store.save(person("Pemegang", nik), "b")
    store.save(person("Lain", DEWI), "b")
    for length in range(8, len(nik) + 1):
        for start in range(len(nik) - length + 1):
            run = nik[start : start + length]
            assert [r["id"] for r in store.search(run)] == [holder.id], run
            assert found(store, run) == {"Pemegang"}, run
            for changed in range(length):
                other = run[:changed] + str((int(run[changed]) + 5) % 10) + run[changed + 1 :]
                if other not in nik:
                    assert found(store, other) == set(), other


def test_search_by_the_start_of_the_id(store, people):
    siti = people["siti"].id
    assert siti == siti.lower()  # ids are lower case; what officers type may not be
    for text in (
        siti[:8], siti[:8].upper(), siti[:13], siti[:13].upper(), siti[:13].replace("-", ""),
        f" {siti[:18].upper()} ", siti, siti.replace("-", "").upper(),
    ):  # fmt: skip
        assert found(store, text) == {"Siti Aminah"}, text
    assert found(store, siti[:7]) == set()  # too short to be an id's start
    assert found(store, people["gone"].id[:8]) == set()  # tombstones stay hidden
    other = "0" * 8 if not siti.startswith("0" * 8) else "f" * 8
    assert found(store, other) == set()


def test_an_all_digit_id_start_also_searches_the_niks(store):
    numbered = store.save(
        person("Nomor Saja", SITI, id="45079000-1111-4111-8111-111111111111"), "b"
    )
    other = store.save(person("Lain Lagi", DEWI, id="12345678-1111-4111-8111-111111111111"), "b")
    assert [r["id"] for r in store.search("12345678")] == [other.id]
    # Nomor Saja's NIK holds the digits; the id that starts with them comes first.
    hits = store.search("45079000")
    assert [r["id"] for r in hits] == [numbered.id]
    assert found(store, "4507 9000") == {"Nomor Saja"}


def test_a_nik_search_puts_the_end_hits_first_and_each_registration_once(store):
    # Start with 0031 (a region code could), or end with it, or both.
    for n, nik in enumerate(["0031000000000001", "6208014507900031", "0031000000000031"]):
        store.save(person(f"Orang {n}", nik), "b")
    hits = names(store.search("0031"))
    assert len(hits) == 3 and set(hits[:2]) == {"Orang 1", "Orang 2"} and hits[2] == "Orang 0"
    assert set(names(store.search("0031", limit=2))) == {"Orang 1", "Orang 2"}
    assert names(store.search("00310000")) == ["Orang 0", "Orang 2"]


def test_a_nik_holding_the_digits_twice_is_found_once(store):
    store.save(person("Kembar", "1212121212121212"), "b")
    assert names(store.search("21212121")) == ["Kembar"]
    assert found(store, "21212121") == {"Kembar"}


def test_the_first_hits_stop_at_the_limit(store):
    for n in range(12):
        store.save(person(f"Orang {n:02d}", f"62080145079{n:01d}0031"[-16:]), "b")
    assert len(store.search("0031", limit=5)) == 5
    assert len(store.search("08014507", limit=5)) == 5
    assert len(store.search("08014507")) == 12


def test_search_follows_nik_changes_and_restores(store, people):
    siti = store.save(people["siti"].copy(nik="6208014507901111"), "b")
    assert found(store, "0031") == set()
    assert found(store, "1111") == {"Siti Aminah"}
    assert found(store, "45079011") == {"Siti Aminah"}
    assert found(store, "45079000") == set()
    store.save(siti.copy(address="Jl. Baru"), "b")  # the NIK stays: its tails too
    assert found(store, "45079011") == {"Siti Aminah"}
    store.restore(people["gone"].id, "b", officer_device=True)
    assert found(store, "0031") == {"Sitiawati"}
    assert found(store, "51017000") == {"Sitiawati"}


def test_the_tails_of_a_nik_follow_every_write(store, db):
    """Inserts (one by one and in bulk), NIK changes and row removals keep `nik_tails`
    exactly the tails of the stored NIKs."""

    def expected():
        """Every fourth character's tail while five are left, with the three before it."""
        rows = db.execute("SELECT rowid, nik FROM registrations").fetchall()
        return sorted(
            (nik[start:], rowid, nik[start - 3 : start])
            for rowid, nik in rows
            for start in range(4, len(nik) - 4, 4)
        )

    def stored():
        return sorted(map(tuple, db.execute("SELECT tail, registration, lead FROM nik_tails")))

    siti = store.save(person("Siti", SITI), "b")
    store.save(person("Pendek", "620801"), "b")  # a draft's short NIK has no tails
    store.save(person("Panjang", "62080145079000311234"), "b")  # the form takes 20 digits
    with write_transaction(db):
        insert_rows(db, [person("Massal", DEWI).to_row(), person("Kosong", "").to_row()])
    assert stored() == expected()
    assert len(stored()) == 2 + 0 + 3 + 2 + 0
    store.save(siti.copy(nik=ANDI), "b")
    assert stored() == expected()
    with write_transaction(db):
        db.execute("DELETE FROM registrations WHERE full_name = 'Massal'")
    assert stored() == expected()


def test_each_lookup_reads_its_own_index(store, people, db):
    """The first hits of every kind of search come from an index range, never a scan."""
    for text in ("0031", "6208", "45079000", people["siti"].id[:8], "siti"):
        for lookup in lookups(text):
            plan = " ".join(
                row[3]
                for row in db.execute(
                    "EXPLAIN QUERY PLAN " + first_hits_sql(lookup, "r.rowid"),
                    [*lookup.params, 50],
                )
            )
            assert "SCAN r" not in plan and "SCAN registrations " not in plan, (text, plan)
            assert lookup.kind == "words" or "SEARCH" in plan, (text, plan)
    [end] = [lookup for lookup in lookups("0031") if lookup.kind == "nik_end"]
    plan = db.execute("EXPLAIN QUERY PLAN " + end.rowids, end.params).fetchall()
    assert "registrations_nik_end" in plan[0][3]


def test_reading_what_was_typed():
    assert nik_digits(" 6208 01.45-07 ") == "6208014507"
    assert nik_digits("620") == ""
    assert nik_digits("62a8") == ""
    assert id_prefix("DE073EA4") == "de073ea4"
    assert id_prefix("de073ea44ebf476a") == "de073ea4-4ebf-476a"
    assert id_prefix("de073ea4-4EBF-476a-a") == "de073ea4-4ebf-476a-a"
    assert id_prefix("de073ea") == ""
    assert id_prefix("de073eg4") == ""
    assert id_prefix("de073ea4 4ebf") == ""
    assert id_prefix("0" * 33) == ""
    assert [lookup.kind for lookup in lookups("0031")] == ["nik_end", "nik_start"]
    assert [lookup.kind for lookup in lookups("6208014")] == ["nik_start"]
    inside = ["nik_inside"] * 4  # a tail's start, or one to three digits after it
    assert [lookup.kind for lookup in lookups("62080145")] == ["id", "nik_start", *inside]
    assert [lookup.kind for lookup in lookups("6208 0145")] == ["id", "nik_start", *inside]
    assert [lookup.kind for lookup in lookups("de073ea4")] == ["id"]
    assert [lookup.kind for lookup in lookups("siti 0031")] == ["words"]
    assert lookups("  ") == [] and lookups("-*") == []


def test_the_migration_fills_the_new_indexes_for_rows_already_stored(tmp_path):
    db = Database(sqlite.connect(str(tmp_path / "old.db")))
    migrations.apply(db, stop_before="m013_nik_and_id_search")
    assert "nik_tails" not in db.table_names()
    with db.conn:
        db.conn.executemany(
            "INSERT INTO registrations (id, nik, full_name, deleted) VALUES (?, ?, ?, ?)",
            [
                ("aaaaaaaa-0000-4000-8000-000000000001", SITI, "Siti Aminah", 0),
                ("bbbbbbbb-0000-4000-8000-000000000002", DEWI, "Dewi Lestari", 0),
                ("cccccccc-0000-4000-8000-000000000003", "6208015101700031", "Sitiawati", 1),
            ],
        )
    migrations.apply(db)
    store = RegistrationStore(db)
    assert found(store, "0031") == {"Siti Aminah"}
    assert found(store, "48088500") == {"Dewi Lestari"}
    assert found(store, "BBBBBBBB") == {"Dewi Lestari"}
    assert db.execute("SELECT COUNT(*) FROM nik_tails").fetchone()[0] == 3 * 2
    db.close()
