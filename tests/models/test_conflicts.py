"""The conflict queue: every choice for both kinds, the invariants each keeps (audit chain,
registration counts, merge log), refusals that change nothing, and the merge-log export."""

import csv
from datetime import date

import pytest

from models.audit import verify_chain
from models.conflicts import (
    REGISTRATION_FIELDS,
    ResolveError,
    count_open,
    export_merge_log,
    get_conflict,
    list_conflicts,
    resolve_conflict,
)
from models.merge import merge_batch
from models.nik import NikError
from models.registration import Registration
from models.store import DuplicateNik, RegistrationStore

NIK = "6208014507900001"
OTHER_NIK = "6208014507900002"
BORN = {"birth_date": date(1990, 7, 5), "village_code": "62.08.01.2001"}


def record(**fields):
    reg = Registration(**{"nik": NIK, "full_name": "Siti Aminah", "status": "ready",
                          "version": 1, **BORN, **fields})  # fmt: skip
    return reg.to_row()


def merge(db, records, device="dev-a", seq=1):
    batch_id = f"{device}-{seq}"
    manifest = {"batch_id": batch_id, "device_id": device, "seq": seq, "prev": ""}
    return merge_batch(
        db, manifest=manifest, manifest_sha256=f"sha-{batch_id}", file_sha256="f",
        file_name=f"{batch_id}.jaring", records=records, audit_rows=[], actor="kabupaten",
    )  # fmt: skip


def nik_conflict(db, **incoming):
    """r1 from officer A, then r2 with the same NIK from officer B: one open NIK conflict."""
    merge(db, [record(id="r1", phone="081234567890", kpj="12345678901")])
    fields = {"full_name": "Siti Aminah Lestari", "phone": "081299998888", **incoming}
    merge(db, [record(id="r2", version=2, **fields)], device="dev-b")
    (conflict,) = list_conflicts(db, kind="nik")
    return conflict


def duplicate_conflict(db):
    """r1, then r2 with another NIK but the same name and birth date (inserted by the merge)."""
    merge(db, [record(id="r1", phone="081234567890")])
    merge(db, [record(id="r2", nik=OTHER_NIK, phone="081299998888")], device="dev-b")
    (conflict,) = list_conflicts(db, kind="likely_duplicate")
    return conflict


def live_count(db):
    return RegistrationStore(db).count()


def log(db):
    return db.execute(
        "SELECT batch_id, registration_id, decision, detail FROM merge_log"
        " WHERE decision LIKE 'resolve:%' ORDER BY id"
    ).fetchall()


def last_audit(db, registration_id):
    return db.execute(
        "SELECT action, version FROM audit_log WHERE registration_id = ? ORDER BY seq",
        [registration_id],
    ).fetchall()


def assert_resolved(conflict, choice):
    assert conflict.status == "resolved" and not conflict.is_open
    assert conflict.choice == choice and conflict.resolution.startswith(f"{choice}: ")
    assert conflict.resolved_by == "staf" and conflict.resolved_at


# --- reading ---------------------------------------------------------------------------


def test_a_nik_conflict_shows_both_versions_and_what_differs(db):
    conflict = nik_conflict(db)
    assert (conflict.kind, conflict.batch_id, conflict.registration_id, conflict.incoming_id) == (
        "nik", "dev-b-1", "r1", "r2",
    )  # fmt: skip
    assert conflict.is_open and conflict.resolution is None and conflict.choice is None
    assert conflict.incoming["full_name"] == "Siti Aminah Lestari"
    assert conflict.incoming["version"] == 2
    assert conflict.existing["full_name"] == "Siti Aminah"
    assert conflict.existing["status"] == "received"
    assert "kecamatan_code" not in conflict.existing
    # status, version, created_by … differ too, but are bookkeeping
    assert conflict.differing_fields() == ["full_name", "phone", "kpj"]
    assert get_conflict(db, conflict.id) == conflict
    assert count_open(db) == 1
    assert list_conflicts(db, status="resolved") == []
    assert list_conflicts(db, kind="likely_duplicate") == []
    assert len(list_conflicts(db, status=None, kind=None)) == 1


def test_existing_is_read_now_and_none_when_missing(db):
    conflict = nik_conflict(db)
    store = RegistrationStore(db)
    store.save(store.get("r1").copy(phone="081211112222"), "staf")
    assert get_conflict(db, conflict.id).existing["phone"] == "081211112222"
    db.execute("UPDATE conflicts SET registration_id = 'gone' WHERE id = ?", [conflict.id])
    gone = get_conflict(db, conflict.id)
    assert gone.existing is None
    assert gone.differing_fields() == list(REGISTRATION_FIELDS)


def test_unknown_ids_filters_and_choices(db):
    conflict = nik_conflict(db)
    with pytest.raises(KeyError):
        get_conflict(db, 999)
    with pytest.raises(KeyError):
        resolve_conflict(db, 999, "keep_existing", "staf")
    with pytest.raises(ValueError):
        list_conflicts(db, status="closed")
    with pytest.raises(ValueError):
        list_conflicts(db, kind="nama")
    with pytest.raises(ValueError):
        resolve_conflict(db, conflict.id, "merge_everything", "staf")
    assert get_conflict(db, conflict.id).is_open


# --- NIK conflicts ---------------------------------------------------------------------


def test_nik_keep_existing_changes_no_registration(db):
    conflict = nik_conflict(db)
    before = RegistrationStore(db).get("r1")
    resolved = resolve_conflict(db, conflict.id, "keep_existing", "staf")
    assert_resolved(resolved, "keep_existing")
    assert resolved.incoming == conflict.incoming
    store = RegistrationStore(db)
    assert store.get("r1") == before and store.get("r2") is None
    assert live_count(db) == 1 and count_open(db) == 0
    ((batch, rid, decision, detail),) = log(db)
    assert (batch, rid, decision) == ("dev-b-1", "r2", "resolve:keep_existing")
    assert detail.startswith(f"conflict {conflict.id} (nik): ")
    assert verify_chain(db).ok


def test_nik_take_incoming_is_a_district_change_keeping_status_and_kpj(db):
    conflict = nik_conflict(db)
    store = RegistrationStore(db)
    before = store.save(store.get("r1").copy(status="submitted"), "staf")  # v2
    resolved = resolve_conflict(db, conflict.id, "take_incoming", "staf")
    assert_resolved(resolved, "take_incoming")
    r1 = store.get("r1")
    assert (r1.full_name, r1.phone, r1.version, r1.status) == (
        "Siti Aminah Lestari", "081299998888", 3, "submitted",
    )  # fmt: skip
    assert r1.kpj == "12345678901"  # the incoming record has none; the district's stays
    assert (r1.created_at, r1.created_by) == (before.created_at, before.created_by)
    assert store.get("r2") is None and live_count(db) == 1
    assert last_audit(db, "r1")[-1] == ("resolve", 3)
    assert resolved.existing["full_name"] == "Siti Aminah Lestari"
    assert resolved.differing_fields() == ["kpj"]
    ((_, rid, decision, detail),) = log(db)
    assert (rid, decision) == ("r1", "resolve:take_incoming")
    assert "v2 -> v3" in detail and "full_name, phone" in detail
    assert verify_chain(db).ok


def test_nik_combine_takes_the_chosen_fields(db):
    conflict = nik_conflict(db)
    resolved = resolve_conflict(
        db, conflict.id, "combine", "staf",
        fields={"full_name": "incoming", "phone": "existing", "kpj": "existing"},
    )  # fmt: skip
    assert_resolved(resolved, "combine")
    r1 = RegistrationStore(db).get("r1")
    assert (r1.full_name, r1.phone, r1.version, r1.status) == (
        "Siti Aminah Lestari", "081234567890", 2, "received",
    )  # fmt: skip
    assert last_audit(db, "r1") == [("merge_insert", 1), ("resolve", 2)]
    assert [row[2] for row in log(db)] == ["resolve:combine"]
    assert live_count(db) == 1
    assert verify_chain(db).ok


def test_combine_with_every_field_existing_changes_nothing(db):
    conflict = nik_conflict(db)
    resolved = resolve_conflict(
        db, conflict.id, "combine", "staf", fields=dict.fromkeys(REGISTRATION_FIELDS, "existing")
    )
    assert_resolved(resolved, "combine")
    assert RegistrationStore(db).get("r1").version == 1
    assert "unchanged" in resolved.resolution
    assert verify_chain(db).ok


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"full_nama": "incoming"}, "field.unknown"),
        ({"version": "incoming"}, "field.unknown"),  # bookkeeping is not combined
        ({"status": "incoming"}, "field.unknown"),
        ({"full_name": "both"}, "field.source"),
        ({"full_name": None}, "field.source"),
    ],
)
def test_combine_refuses_bad_fields_and_changes_nothing(db, fields, code):
    conflict = nik_conflict(db)
    with pytest.raises(ValueError) as raised:
        resolve_conflict(db, conflict.id, "combine", "staf", fields=fields)
    assert isinstance(raised.value, ResolveError) and raised.value.code == code
    assert get_conflict(db, conflict.id).is_open
    assert RegistrationStore(db).get("r1").version == 1
    assert log(db) == []


def test_nik_different_people_adds_the_incoming_with_its_nik_corrected(db):
    conflict = nik_conflict(db)
    resolved = resolve_conflict(
        db, conflict.id, "different_people", "staf", fields={"nik": "6208 0145 0790 0002"}
    )
    assert_resolved(resolved, "different_people")
    store = RegistrationStore(db)
    r2 = store.get("r2")
    assert (r2.nik, r2.full_name, r2.version, r2.status) == (
        OTHER_NIK, "Siti Aminah Lestari", 3, "received",
    )  # fmt: skip
    assert store.get("r1").version == 1 and store.get("r1").nik == NIK
    assert last_audit(db, "r2") == [("merge_insert", 2), ("resolve", 3)]
    assert live_count(db) == 2
    ((_, rid, decision, detail),) = log(db)
    assert (rid, decision) == ("r2", "resolve:different_people")
    assert OTHER_NIK in detail and NIK in detail
    assert verify_chain(db).ok


@pytest.mark.parametrize("nik", [NIK, OTHER_NIK])
def test_different_people_refuses_a_nik_that_is_taken(db, nik):
    conflict = nik_conflict(db)
    merge(db, [record(id="r3", nik=OTHER_NIK, full_name="Budi")], device="dev-c")
    with pytest.raises(DuplicateNik) as raised:
        resolve_conflict(db, conflict.id, "different_people", "staf", fields={"nik": nik})
    assert [h.id for h in raised.value.holders] == ["r1" if nik == NIK else "r3"]
    assert RegistrationStore(db).get("r2") is None and live_count(db) == 2
    assert get_conflict(db, conflict.id).is_open and log(db) == []
    assert verify_chain(db).ok


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        (None, ResolveError),
        ({}, ResolveError),
        ({"nik": " "}, ResolveError),
        ({"nik": OTHER_NIK, "full_name": "incoming"}, ResolveError),
        ({"nik": "62080145079000"}, NikError),
        ({"nik": "6208014507900000"}, NikError),
    ],
)
def test_different_people_needs_a_corrected_nik(db, fields, error):
    conflict = nik_conflict(db)
    with pytest.raises(error):
        resolve_conflict(db, conflict.id, "different_people", "staf", fields=fields)
    assert get_conflict(db, conflict.id).is_open and live_count(db) == 1


def test_take_incoming_refuses_a_nik_another_registration_took_meanwhile(db):
    conflict = nik_conflict(db)
    store = RegistrationStore(db)
    store.save(store.get("r1").copy(nik=OTHER_NIK), "staf")
    merge(db, [record(id="r3", full_name="Budi", birth_date=date(1980, 1, 1))], device="dev-c")
    assert store.get("r3").nik == NIK
    with pytest.raises(DuplicateNik) as raised:
        resolve_conflict(db, conflict.id, "take_incoming", "staf")
    assert [h.id for h in raised.value.holders] == ["r3"]
    assert store.get("r1").nik == OTHER_NIK and store.get("r1").version == 2
    assert get_conflict(db, conflict.id).is_open and log(db) == []
    assert verify_chain(db).ok


def test_take_incoming_refuses_a_deleted_existing_registration(db):
    conflict = nik_conflict(db)
    RegistrationStore(db).delete("r1", "staf")
    with pytest.raises(ResolveError) as raised:
        resolve_conflict(db, conflict.id, "take_incoming", "staf")
    assert raised.value.code == "registration.deleted"
    # the incoming person can still join the master list under the NIK now free
    resolve_conflict(db, conflict.id, "different_people", "staf", fields={"nik": NIK})
    assert RegistrationStore(db).get("r2").nik == NIK
    assert verify_chain(db).ok


def test_a_resolved_conflict_cannot_be_resolved_again(db):
    conflict = nik_conflict(db)
    resolve_conflict(db, conflict.id, "keep_existing", "staf")
    with pytest.raises(ValueError) as raised:
        resolve_conflict(db, conflict.id, "take_incoming", "staf")
    assert raised.value.code == "conflict.resolved"
    assert RegistrationStore(db).get("r1").version == 1 and len(log(db)) == 1


@pytest.mark.parametrize("choice", ["keep_existing", "take_incoming"])
def test_choices_without_fields_refuse_fields(db, choice):
    conflict = nik_conflict(db)
    with pytest.raises(ResolveError):
        resolve_conflict(db, conflict.id, choice, "staf", fields={"full_name": "incoming"})
    assert get_conflict(db, conflict.id).is_open


# --- likely duplicates ---------------------------------------------------------------


def test_a_likely_duplicate_lists_both_live_registrations(db):
    conflict = duplicate_conflict(db)
    assert (conflict.registration_id, conflict.incoming_id) == ("r1", "r2")
    assert conflict.reason == "same name and birth date"
    assert conflict.differing_fields() == ["nik", "phone"]
    assert live_count(db) == 2


def test_duplicate_keep_existing_deletes_the_incoming_one(db):
    conflict = duplicate_conflict(db)
    resolved = resolve_conflict(db, conflict.id, "keep_existing", "staf")
    assert_resolved(resolved, "keep_existing")
    store = RegistrationStore(db)
    r2 = store.get("r2")
    assert (r2.deleted, r2.version, r2.status) == (True, 2, "received")
    assert store.get("r1").version == 1 and live_count(db) == 1
    assert last_audit(db, "r2") == [("merge_insert", 1), ("resolve", 2)]
    assert [(row[1], row[2]) for row in log(db)] == [("r2", "resolve:keep_existing")]
    assert verify_chain(db).ok


def test_duplicate_take_incoming_deletes_the_existing_one(db):
    conflict = duplicate_conflict(db)
    resolved = resolve_conflict(db, conflict.id, "take_incoming", "staf")
    assert_resolved(resolved, "take_incoming")
    store = RegistrationStore(db)
    assert (store.get("r1").deleted, store.get("r1").version) == (True, 2)
    assert store.get("r2").deleted is False and store.get("r2").version == 1
    assert live_count(db) == 1
    assert [(row[1], row[2]) for row in log(db)] == [("r1", "resolve:take_incoming")]
    assert verify_chain(db).ok


def test_duplicate_different_people_keeps_both(db):
    conflict = duplicate_conflict(db)
    resolved = resolve_conflict(db, conflict.id, "different_people", "staf")
    assert_resolved(resolved, "different_people")
    store = RegistrationStore(db)
    assert (store.get("r1").version, store.get("r2").version) == (1, 1)
    assert live_count(db) == 2
    assert [(row[1], row[2]) for row in log(db)] == [("r2", "resolve:different_people")]
    assert verify_chain(db).ok


def test_duplicate_combine_merges_into_the_existing_one(db):
    conflict = duplicate_conflict(db)
    resolved = resolve_conflict(
        db, conflict.id, "combine", "staf", fields={"nik": "incoming", "phone": "incoming"}
    )
    assert_resolved(resolved, "combine")
    store = RegistrationStore(db)
    r1, r2 = store.get("r1"), store.get("r2")
    assert (r1.nik, r1.phone, r1.version, r1.deleted) == (OTHER_NIK, "081299998888", 2, False)
    assert (r2.deleted, r2.version) == (True, 2)
    assert live_count(db) == 1
    assert [row[2] for row in log(db)] == ["resolve:combine"]
    assert verify_chain(db).ok


def test_duplicate_already_deleted_is_closed_without_a_change(db):
    conflict = duplicate_conflict(db)
    RegistrationStore(db).delete("r2", "staf")
    resolved = resolve_conflict(db, conflict.id, "keep_existing", "staf")
    assert "already deleted" in resolved.resolution
    assert RegistrationStore(db).get("r2").version == 2
    assert verify_chain(db).ok


def test_every_resolution_keeps_the_log_and_the_queue_in_step(db):
    merge(db, [record(id="r1")])
    merge(
        db,
        [record(id="r2", full_name="Siti A."), record(id="r3", nik=OTHER_NIK)],
        device="dev-b",
    )
    conflicts = list_conflicts(db)
    assert sorted(c.kind for c in conflicts) == ["likely_duplicate", "nik"]
    for conflict, choice, fields in zip(
        sorted(conflicts, key=lambda c: c.kind),
        ["different_people", "different_people"],
        [None, {"nik": "6208014507900003"}],
        strict=True,
    ):
        resolve_conflict(db, conflict.id, choice, "staf", fields=fields)
        assert verify_chain(db).ok
    assert count_open(db) == 0 and live_count(db) == 3
    assert len(list_conflicts(db, status="resolved")) == 2
    assert len(log(db)) == 2


# --- exporting the merge log -----------------------------------------------------------


def test_export_merge_log_writes_excel_csv_atomically(db, tmp_path):
    conflict = nik_conflict(db)
    resolve_conflict(db, conflict.id, "keep_existing", "=staf")
    out = tmp_path / "out" / "merge-log.csv"
    out.parent.mkdir()
    out.write_text("old content")
    count = export_merge_log(db, out)
    assert count == 3  # inserted r1, conflict r2, resolve
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["at", "actor", "batch_id", "registration_id", "decision", "detail"]
    assert [r[2:5] for r in rows[1:]] == [
        ["dev-a-1", "r1", "inserted"],
        ["dev-b-1", "r2", "conflict"],
        ["dev-b-1", "r2", "resolve:keep_existing"],
    ]
    assert rows[3][1] == "'=staf"  # not a formula in Excel
    assert rows[3][5].startswith(f"conflict {conflict.id} (nik): ")
    assert sorted(p.name for p in out.parent.iterdir()) == ["merge-log.csv"]


def test_export_of_an_empty_log_has_the_header_only(db, tmp_path):
    out = tmp_path / "log.csv"
    assert export_merge_log(db, out) == 0
    assert out.read_text(encoding="utf-8-sig").splitlines() == [
        "at,actor,batch_id,registration_id,decision,detail"
    ]


def test_a_failed_export_leaves_the_old_file_and_no_temporary(db, tmp_path, monkeypatch):
    import os

    out = tmp_path / "out" / "log.csv"
    out.parent.mkdir()
    out.write_text("old")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        export_merge_log(db, out)
    assert out.read_text() == "old"
    assert [p.name for p in out.parent.iterdir()] == ["log.csv"]


def test_after_different_people_the_officer_owns_the_added_registration(db):
    """Officer B's next correction of the record staff added is merged, not judged stale
    against the district's version nor refused as another device's."""
    conflict = nik_conflict(db)
    resolve_conflict(db, conflict.id, "different_people", "staf", fields={"nik": OTHER_NIK})
    result = merge(db, [record(id="r2", nik=OTHER_NIK, version=3, phone="081200000000")],
                   device="dev-b", seq=2)  # fmt: skip
    assert (result.updated, result.stale) == (1, 0)
    assert RegistrationStore(db).get("r2").phone == "081200000000"
    owner = db.execute("SELECT device_id, version FROM officer_versions WHERE registration_id"
                       " = 'r2'").fetchone()  # fmt: skip
    assert owner == ("dev-b", 3)


def test_a_duplicate_staff_deleted_is_not_brought_back_by_a_correction(db):
    conflict = duplicate_conflict(db)
    resolve_conflict(db, conflict.id, "keep_existing", "staf")
    assert RegistrationStore(db).get("r2").deleted
    result = merge(db, [record(id="r2", nik=OTHER_NIK, version=2, phone="081200000000")],
                   device="dev-b", seq=2)  # fmt: skip
    assert (result.updated, result.stale) == (0, 1)
    stored = RegistrationStore(db).get("r2")
    assert stored.deleted and stored.phone == "081299998888"
    ((detail,),) = db.execute(
        "SELECT detail FROM merge_log WHERE registration_id = 'r2' AND decision = 'stale'"
    ).fetchall()
    assert "deleted at the district" in detail


def test_the_officer_may_undo_the_officers_own_deletion(db):
    merge(db, [record(id="r1")])
    merge(db, [record(id="r1", version=2, deleted=True)], seq=2)
    assert RegistrationStore(db).get("r1").deleted
    result = merge(db, [record(id="r1", version=3, deleted=False)], seq=3)
    assert result.updated == 1 and not RegistrationStore(db).get("r1").deleted
