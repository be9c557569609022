"""The district's merge: idempotent, all-or-nothing, nothing overwritten silently."""

import pytest

from models.audit import verify_chain
from models.db import select_rows, write_transaction
from models.merge import MalformedRecord, SeqReused, broken_chains, gaps, merge_batch
from models.registration import Registration
from models.sqlite_driver import sqlite
from models.store import RegistrationStore, change_rows


def manifest(device="dev-a", seq=1, prev="", batch_id=None):
    return {"batch_id": batch_id or f"{device}-{seq}", "device_id": device, "seq": seq,
            "prev": prev}  # fmt: skip


def record(**fields):
    reg = Registration(**{"nik": "6208014507900001", "full_name": "Siti Aminah",
                          "status": "ready", "version": 1, **fields})  # fmt: skip
    return reg.to_row()


def _without_later_columns(row: dict) -> dict:
    from models.migrations.steps_m014 import M014_COLUMNS
    from models.migrations.steps_m018 import M018_COLUMNS

    return {k: v for k, v in row.items() if k not in M014_COLUMNS and k not in M018_COLUMNS}


def merge(db, records, **kwargs):
    m = manifest(**kwargs)
    return merge_batch(
        db, manifest=m, manifest_sha256=f"sha-{m['batch_id']}", file_sha256="f",
        file_name=f"{m['batch_id']}.jaring", records=records, audit_rows=[{"x": 1}],
        actor="kabupaten",
    )  # fmt: skip


def test_insert_update_stale_and_idempotent(db):
    store = RegistrationStore(db)
    siti = record(id="r1")
    result = merge(db, [siti])
    assert (result.inserted, result.updated, result.stale, result.skipped) == (1, 0, 0, False)
    assert store.get("r1").status == "received"
    again = merge(db, [siti])
    assert again.skipped and store.count() == 1
    newer = record(id="r1", version=3, full_name="Siti Aminah Lestari")
    result = merge(db, [newer, record(id="r1", version=2)], seq=2, prev="sha-dev-a-1")
    assert (result.updated, result.stale) == (1, 1)
    stored = store.get("r1")
    assert (stored.full_name, stored.version, stored.status) == ("Siti Aminah Lestari", 3,
                                                                  "received")  # fmt: skip
    assert verify_chain(db).ok
    decisions = [r[0] for r in db.execute("SELECT decision FROM merge_log ORDER BY id")]
    assert decisions == ["inserted", "updated", "stale"]


def test_same_nik_other_id_is_a_conflict_with_both_kept(db):
    merge(db, [record(id="r1")])
    result = merge(db, [record(id="r2", full_name="Siti A.")], device="dev-b")
    assert (result.inserted, result.conflicts) == (0, 1)
    store = RegistrationStore(db)
    assert store.get("r2") is None and store.get("r1").full_name == "Siti Aminah"
    kind, existing, incoming = db.execute(
        "SELECT kind, registration_id, incoming_id FROM conflicts"
    ).fetchone()
    assert (kind, existing, incoming) == ("nik", "r1", "r2")


def test_likely_duplicates_are_listed_not_merged(db):
    from datetime import date

    base = {"birth_date": date(1990, 7, 5), "village_code": "62.08.01.2001"}
    merge(db, [record(id="r1", **base)])
    result = merge(
        db, [record(id="r2", nik="6208014507900002", **base),
             record(id="r3", nik="6208014507900003", full_name="Siti Aminnah",
                    birth_date=date(1990, 1, 1), village_code="62.08.01.2001")],
        device="dev-b",
    )  # fmt: skip
    assert result.inserted == 2
    assert result.likely_duplicates == 3  # r3 resembles both r1 and r2
    assert db.execute(
        "SELECT kind, registration_id, incoming_id, reason FROM conflicts ORDER BY id"
    ).fetchall() == [
        ("likely_duplicate", "r1", "r2", "same name and birth date"),
        ("likely_duplicate", "r1", "r3", "similar name, same desa and birth year"),
        ("likely_duplicate", "r2", "r3", "similar name, same desa and birth year"),
    ]


def test_a_malformed_record_changes_nothing(db):
    with pytest.raises(MalformedRecord):
        merge(db, [record(id="ok"), {"id": "bad", "version": "x"}])
    assert RegistrationStore(db).count() == 0
    assert db.execute("SELECT COUNT(*) FROM imported_batches").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM merge_log").fetchone()[0] == 0


def test_gaps_and_broken_chains(db):
    merge(db, [record(id="r1")], seq=1)
    merge(db, [record(id="r2", nik="6208014507900002")], seq=3, prev="sha-dev-a-2")
    assert gaps(db) == [("dev-a", 2)]
    merge(db, [record(id="r3", nik="6208014507900003")], seq=2, prev="wrong")
    assert gaps(db) == []
    assert broken_chains(db) == [("dev-a", 2)]
    with pytest.raises(SeqReused):
        merge(db, [record(id="r4", nik="6208014507900004")], seq=2, batch_id="other")


def test_an_update_taking_a_nik_held_by_another_registration_is_a_conflict(db):
    merge(db, [record(id="r1")])
    merge(db, [record(id="r2", nik="6208014507900002")], seq=2, prev="sha-dev-a-1")
    # The officer's next version of r2 carries r1's NIK: staff decide, nothing is overwritten.
    result = merge(db, [record(id="r2", version=2)], seq=3, prev="sha-dev-a-2")
    assert (result.updated, result.conflicts) == (0, 1)
    assert RegistrationStore(db).get("r2").nik == "6208014507900002"


def test_two_records_of_one_batch_with_the_same_nik_make_a_conflict(db):
    result = merge(db, [record(id="r1"), record(id="r2", full_name="Siti A.")])
    assert (result.inserted, result.conflicts) == (1, 1)
    assert db.execute("SELECT registration_id, incoming_id FROM conflicts").fetchone() == (
        "r1", "r2",
    )  # fmt: skip


def test_likely_duplicates_inside_one_batch_are_listed(db):
    from datetime import date

    born = {"birth_date": date(1990, 7, 5), "village_code": "62.08.01.2001"}
    result = merge(db, [record(id="r1", **born), record(id="r2", nik="6208014507900002", **born)])
    assert (result.inserted, result.likely_duplicates) == (2, 1)


def test_merged_registrations_are_found_by_search(db):
    merge(db, [record(id="r1", full_name="Rahmawati Lestari", address="Dusun Pematang")])
    store = RegistrationStore(db)
    assert [r["id"] for r in store.search("rahma")] == ["r1"]
    assert [r["id"] for r in store.search("pematang")] == ["r1"]
    db.execute("INSERT INTO registrations_fts (registrations_fts) VALUES ('integrity-check')")
    assert db.execute("SELECT COUNT(*) FROM search_index_paused").fetchone()[0] == 0


@pytest.mark.parametrize(
    "change",
    [{"full_name": ["Siti"]}, {"version": "2"}, {"version": 0}, {"monthly_income": "1 juta"},
     {"birth_date": "05-07-1990"}, {"consent": "yes"}, {"contribution_months": 1.5},
     {"id": ""}],
)  # fmt: skip
def test_a_record_of_the_wrong_shape_is_malformed_and_changes_nothing(db, change):
    with pytest.raises(MalformedRecord):
        merge(db, [record(id="ok"), {**record(id="bad", nik="6208014507900002"), **change}])
    assert RegistrationStore(db).count() == 0
    assert db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == 0


def test_the_incoming_row_is_what_a_registration_would_store():
    from datetime import date

    from models.incoming_record import incoming_row
    from tests.factories import siti

    full = siti().copy(
        birth_date=date(1990, 7, 5), warnings_confirmed=["b@1", "a@2", "b@1"], consent=True,
        program_jht=True, version=4, monthly_income=None,
    ).to_row()  # fmt: skip
    partial = {"id": "p1", "version": 2, "full_name": None, "future_field": "ignored"}
    for received in (full, partial):
        assert incoming_row(received) == Registration.from_row(received).to_row()


def test_a_rolled_back_batch_leaves_no_trace_in_the_shared_duplicate_index(db):
    from datetime import date

    from models.duplicates import LikelyDuplicates

    shared = LikelyDuplicates()
    born = {"birth_date": date(1990, 7, 5), "village_code": "62.08.01.2001"}
    m = manifest()
    kwargs = dict(manifest_sha256="m", file_sha256="f", file_name="x.jaring", audit_rows=[],
                  actor="staf", duplicates=shared)  # fmt: skip
    with pytest.raises(MalformedRecord):
        merge_batch(db, manifest=m, records=[record(id="r1", **born), {"id": "bad"}], **kwargs)
    result = merge_batch(
        db, manifest=manifest(seq=2, batch_id="b2"),
        records=[record(id="r2", nik="6208014507900002", **born)], **kwargs,
    )  # fmt: skip
    assert (result.inserted, result.likely_duplicates) == (1, 0)


def test_the_officers_audit_rows_are_kept_as_they_travelled(db):
    from models.merge import received_audit

    lines = ['{"data":{"action":"insert"},"type":"audit"}', '{"data":{"é":1},"type":"audit"}']
    m = manifest()
    merge_batch(
        db, manifest=m, manifest_sha256="m", file_sha256="f", file_name="x.jaring",
        records=[record(id="r1")], audit_rows=lines, actor="staf",
    )  # fmt: skip
    assert received_audit(db, m["batch_id"]) == lines
    assert received_audit(db, "unknown") == []


def test_migration_8_keeps_audit_rows_received_before_it():
    from sqlite_utils import Database

    from models import migrations
    from models.merge import received_audit
    from models.sqlite_driver import sqlite

    db = Database(sqlite.connect(":memory:"))
    for step in (migrations.m001_registrations, migrations.m002_search,
                 migrations.m003_audit_log, migrations.m004_settings_and_autosave,
                 migrations.m005_identity_and_trust, migrations.m006_batches_and_merge,
                 migrations.m007_duplicate_lookups):  # fmt: skip
        step(db)
    db.conn.executemany(
        "INSERT INTO received_audit (batch_id, line, data) VALUES (?, ?, ?)",
        [("b1", 1, '{"n":2}'), ("b1", 0, '{"n":1}'), ("b2", 0, '{"n":3}')],
    )
    migrations.m008_bulk_merge(db)
    assert received_audit(db, "b1") == ['{"n":1}', '{"n":2}']
    assert received_audit(db, "b2") == ['{"n":3}']
    assert "received_audit" not in db.table_names()


def test_a_nik_given_up_and_taken_in_one_batch_moves_without_a_conflict(db):
    merge(db, [record(id="r1")])
    # The officer fixed r1's NIK typo, then registered the real holder of the old NIK.
    fixed = record(id="r1", version=2, nik="6208014507900002")
    holder = record(id="r2", full_name="Siti Aminah Binti Umar")
    result = merge(db, [fixed, holder], seq=2, prev="sha-dev-a-1")
    assert (result.updated, result.inserted, result.conflicts) == (1, 1, 0)
    store = RegistrationStore(db)
    assert (store.get("r1").nik, store.get("r2").nik) == ("6208014507900002", "6208014507900001")
    # A tombstone gives its NIK up too.
    gone = record(id="r2", version=2, deleted=True)
    again = record(id="r3", full_name="Siti Lagi")
    result = merge(db, [gone, again], seq=3, prev="sha-dev-a-2")
    assert (result.updated, result.inserted, result.conflicts) == (1, 1, 0)
    assert verify_chain(db).ok


def test_a_record_inserted_and_updated_in_one_batch_ends_at_its_last_version(db):
    result = merge(db, [record(id="r1"), record(id="r1", version=2, full_name="Siti A. Lestari")])
    assert (result.inserted, result.updated) == (1, 1)
    stored = RegistrationStore(db).get("r1")
    assert (stored.version, stored.full_name) == (2, "Siti A. Lestari")
    assert verify_chain(db).ok


@pytest.mark.parametrize(
    "change",
    [{"warnings_confirmed": ["a"]}, {"version": 2**63}, {"monthly_income": -(2**63) - 1},
     {"full_name": "Siti \ud800"}],
)  # fmt: skip
def test_values_sqlite_or_utf8_cannot_hold_are_malformed(db, change):
    with pytest.raises(MalformedRecord):
        merge(db, [{**record(id="bad"), **change}])
    assert RegistrationStore(db).count() == 0


def set_status(db, rid, **fields):
    """A district change (rejected, registered with a KPJ…), audited like the real ones."""
    (row,) = select_rows(db, "SELECT * FROM registrations WHERE id = ?", [rid])
    row.pop("kecamatan_code", None)
    with write_transaction(db):
        change_rows(db, [(row, fields)], "district", "staf")


def test_a_correction_after_the_district_changed_the_record_is_not_stale(db):
    """The district's own changes bump its version; the officer's next version must still
    count as newer (it is judged against the officer's last version merged)."""
    store = RegistrationStore(db)
    merge(db, [record(id="r1")])  # officer v1
    set_status(db, "r1", status="rejected")  # district v2
    set_status(db, "r1", status="submitted")  # district v3
    result = merge(db, [record(id="r1", version=2, phone="081234567890")], seq=2)
    assert (result.updated, result.stale) == (1, 0)
    stored = store.get("r1")
    assert (stored.phone, stored.status) == ("081234567890", "submitted")
    assert stored.version == 4  # the district's copy only moves forward
    again = merge(db, [record(id="r1", version=2, phone="0800")], seq=3)
    assert again.stale == 1 and store.get("r1").phone == "081234567890"
    assert verify_chain(db).ok


def test_a_corrected_rejection_comes_back_as_received_and_a_kpj_stays(db):
    store = RegistrationStore(db)
    merge(db, [record(id="r1"), record(id="r2", nik="6208014507900002")])
    set_status(db, "r1", status="rejected")
    set_status(db, "r2", status="registered", kpj="12345678901")
    merge(db, [record(id="r1", version=2), record(id="r2", nik="6208014507900002", version=2)],
          seq=2)  # fmt: skip
    assert store.get("r1").status == "received"
    assert (store.get("r2").status, store.get("r2").kpj) == ("registered", "12345678901")


def test_another_device_never_overwrites_a_registration(db):
    store = RegistrationStore(db)
    merge(db, [record(id="r1")], device="dev-a")
    result = merge(db, [record(id="r1", version=9, full_name="Orang Lain")], device="dev-b")
    assert (result.updated, result.stale) == (0, 1)
    assert store.get("r1").full_name == "Siti Aminah"
    (detail,) = db.execute("SELECT detail FROM merge_log WHERE decision = 'stale'").fetchone()
    assert "another device" in detail


def test_migration_11_takes_the_officers_version_from_the_merges_audit_rows():
    """Merged before officer_versions existed: the officer's version is the one the merge's
    audit rows carry (not the district's, which its own changes moved on), the device the
    one of the last insert or update, and a tombstone is remembered as such."""

    from sqlite_utils import Database

    from models import audit, migrations

    db = Database(sqlite.connect(":memory:"))
    for step in (migrations.m001_registrations, migrations.m002_search,
                 migrations.m003_audit_log, migrations.m004_settings_and_autosave,
                 migrations.m005_identity_and_trust, migrations.m006_batches_and_merge,
                 migrations.m007_duplicate_lookups, migrations.m008_bulk_merge,
                 migrations.m009_sync, migrations.m010_dashboard):  # fmt: skip
        step(db)
    # Rows as the version of m010 wrote them: without the columns later migrations added.
    r1 = _without_later_columns(record(id="r1"))
    r2 = _without_later_columns(record(id="r2", nik="6208014507900002"))
    with write_transaction(db):
        db.conn.executemany(
            f"INSERT INTO registrations ({', '.join(r1)}) VALUES ({', '.join('?' * len(r1))})",
            [list({**r1, "version": 3, "status": "rejected"}.values()),
             list({**r2, "version": 5, "deleted": 1}.values())],
        )  # fmt: skip
        changes = [
            ("merge_insert", "r1", 1, None, r1),
            ("reject", "r1", 2, r1, {**r1, "version": 2}),
            ("district", "r1", 3, r1, {**r1, "version": 3}),
            ("merge_insert", "r2", 1, None, r2),
            ("merge_update", "r2", 5, r2, {**r2, "version": 5, "deleted": 1}),
        ]
        audit.append(db, audit.audit_rows(db, changes, "kabupaten"))
        for batch, device, seq in (("a-1", "dev-a", 1), ("b-1", "dev-b", 1)):
            db.execute(
                "INSERT INTO imported_batches (batch_id, device_id, seq, prev, manifest_sha256,"
                " file_sha256, file_name, imported_at, imported_by, records, inserted, updated,"
                " stale, conflicts) VALUES (?, ?, ?, '', 'm', 'f', 'x', 'now', 'k', 1, 1, 0, 0, 0)",
                [batch, device, seq],
            )
        db.conn.executemany(
            "INSERT INTO merge_log (at, actor, batch_id, registration_id, decision, detail)"
            " VALUES ('now', 'k', ?, ?, ?, '')",
            [("a-1", "r1", "inserted"), ("a-1", "r2", "inserted"), ("b-1", "r2", "updated")],
        )
    migrations.m011_officer_versions(db)
    found = sorted(db.execute("SELECT * FROM officer_versions").fetchall())
    assert found == [("r1", "dev-a", 1, 0), ("r2", "dev-b", 5, 1)]
