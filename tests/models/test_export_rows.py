"""The rows an Excel export reads (live, filtered, ordered, in chunks), their totals, and
marking registrations sent to BPJS."""

import json

import pytest

from models import audit
from models.audit import verify_chain
from models.export_rows import (
    ExportTotals,
    count_registrations,
    iter_registrations,
    mark_submitted,
    monthly_contribution,
    statuses_of,
)
from models.sqlite_driver import sqlite
from models.store import RegistrationStore
from tests.factories import person, siti

NATAI = "62.08.01.2001"  # Desa Natai Sedawak, Kecamatan Sukamara (62.08.01)
PUDU = "62.08.01.2002"  # Desa Pudu, Kecamatan Sukamara
JELAI = "62.08.02.2001"  # a desa of Kecamatan Jelai (62.08.02)


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
            person(6, "Candra", JELAI),
            person(7, "Dewi Lestari", NATAI, status="draft"),
            person(8, "Eko Prasetyo", JELAI, status="submitted"),
            person(9, "Fitri Handayani", NATAI),
        ],
        "budi",
    )
    store.delete("reg-9", "budi")
    return store


def names(db, **filters) -> list[str]:
    return [reg.full_name for chunk in iter_registrations(db, **filters) for reg in chunk]


def test_live_registrations_in_kecamatan_desa_name_order(db, store):
    assert names(db) == [
        "ahmad Fauzi",
        "Budi Santoso",
        "Dewi Lestari",
        "Yusuf Hamdani",  # Natai Sedawak 62.08.01.2001
        "Abdul Rahman",
        "Zainab",  # Pudu 62.08.01.2002
        "Candra",
        "Eko Prasetyo",  # Jelai 62.08.02
    ]
    assert count_registrations(db) == 8  # the deleted one is not counted


def test_rows_come_in_chunks_of_whole_registrations(db, store):
    chunks = list(iter_registrations(db, chunk_size=3))
    assert [len(c) for c in chunks] == [3, 3, 2]
    first = chunks[0][0]
    assert first.id == "reg-2" and first.birth_date.isoformat() == "1990-07-05"
    assert first.kecamatan_code == "62.08.01" and first.program_jht is True


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"status": "received"}, ["ahmad Fauzi", "Yusuf Hamdani", "Zainab", "Candra"]),
        ({"status": ("draft", "submitted")}, ["Dewi Lestari", "Eko Prasetyo"]),
        ({"kecamatan": "62.08.02"}, ["Candra", "Eko Prasetyo"]),
        ({"desa": PUDU}, ["Abdul Rahman", "Zainab"]),
        ({"desa": PUDU, "status": "received"}, ["Zainab"]),
        ({"desa": PUDU, "kecamatan": "62.08.02"}, []),  # every filter given applies
        ({"status": "rejected"}, []),
    ],
)
def test_filters_by_status_kecamatan_and_desa(db, store, filters, expected):
    assert names(db, **filters) == expected
    assert count_registrations(db, **filters) == len(expected)


def test_an_unknown_status_is_refused():
    assert statuses_of(None) == ()
    assert statuses_of("received") == ("received",)
    with pytest.raises(ValueError, match="unknown status: sent"):
        statuses_of(["received", "sent"])


def test_monthly_contribution_as_the_form_computes_it():
    reg = siti(monthly_income=1_000_000, program_jht=False)
    assert monthly_contribution(reg) == 16_800  # JKK 10,000 + JKM 6,800
    assert monthly_contribution(reg.copy(program_jht=True)) == 36_800
    assert monthly_contribution(reg.copy(monthly_income=2_000_000)) == 26_800
    assert monthly_contribution(reg.copy(monthly_income=None)) is None


def test_totals_per_kecamatan_desa_and_overall():
    totals = ExportTotals()
    totals.add(siti(village_code=NATAI), 16_800)
    totals.add(siti(village_code=NATAI), 36_800)
    totals.add(siti(village_code=JELAI), None)
    assert totals.by_desa[NATAI].registrations == 2
    assert totals.by_desa[NATAI].monthly_contribution == 53_600
    assert totals.by_kecamatan["62.08.02"].without_contribution == 1
    assert totals.by_kecamatan["62.08.02"].monthly_contribution == 0
    assert (totals.total.registrations, totals.total.monthly_contribution) == (3, 53_600)


def test_mark_submitted_is_a_change_with_version_and_audit_row(db, store):
    before = {i: store.get(i) for i in ("reg-1", "reg-2", "reg-6")}
    seq_before, _ = audit.head_hash(db)
    marks = mark_submitted(db, ["reg-1", "reg-2", "reg-6"], "staf")
    assert (marks.marked, marks.skipped) == (3, ())
    for registration_id, old in before.items():
        new = store.get(registration_id)
        assert new.status == "submitted"
        assert new.version == old.version + 1
        assert new.updated_at > old.updated_at
        assert new.full_name == old.full_name
    rows = db.execute(
        "SELECT action, actor, registration_id, version, before, after FROM audit_log"
        " WHERE seq > ? ORDER BY seq",
        [seq_before],
    ).fetchall()
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("submit", "staf", "reg-1", 2),
        ("submit", "staf", "reg-2", 2),
        ("submit", "staf", "reg-6", 2),
    ]
    assert json.loads(rows[0][4])["status"] == "received"
    assert json.loads(rows[0][5])["status"] == "submitted"
    assert verify_chain(db).ok


def test_mark_submitted_skips_what_it_must_not_change(db, store):
    stale = store.save(store.get("reg-4").copy(address="Jl. Baru 1"), "budi")  # version 2
    marks = mark_submitted(
        db,
        ["reg-1", "reg-4", "reg-5", "reg-8", "reg-9", "reg-unknown"],
        "staf",
        versions={"reg-1": 1, "reg-4": 1, "reg-5": 1, "reg-8": 1, "reg-9": 2},
    )
    assert marks.marked == 1
    # changed since the export read it, registered, already submitted, deleted, unknown
    assert marks.skipped == ("reg-4", "reg-5", "reg-8", "reg-9", "reg-unknown")
    assert store.get("reg-4") == stale
    assert store.get("reg-5").status == "registered"
    assert store.get("reg-9").deleted
    assert verify_chain(db).ok


def test_mark_submitted_is_one_transaction(db, store, monkeypatch):
    before = {i: store.get(i) for i in ("reg-1", "reg-2")}

    def broken(*args):
        raise sqlite.OperationalError("disk I/O error")

    monkeypatch.setattr("models.audit.append", broken)
    with pytest.raises(sqlite.OperationalError):
        mark_submitted(db, ["reg-1", "reg-2"], "staf")
    assert {i: store.get(i) for i in before} == before
    assert not db.conn.in_transaction
    assert verify_chain(db).ok


def test_mark_submitted_of_many_runs_in_chunks(db):
    store = RegistrationStore(db)
    people = [person(n, f"Orang {n}", NATAI) for n in range(1, 1_201)]
    store.insert_many(people, "budi")
    marks = mark_submitted(db, [p.id for p in people], "staf")
    assert marks.marked == 1_200
    assert count_registrations(db, status="submitted") == 1_200
    assert verify_chain(db).ok
