"""The officer's side of batches: what leaves, and what leaving does to the records."""

from datetime import date

from demo.people import generate
from models.audit import verify_chain
from models.batches import batch_content, batch_history, next_position, pending_export
from models.batches import record_batch as _record_batch
from models.db import write_transaction
from models.registration import Registration
from models.store import RegistrationStore


def people(n, seed=5):
    return list(generate(n, seed=seed, regency_code="62.08", today=date(2026, 11, 27)))


def send(db):
    """Record a batch of what is pending, as the export does (without a file)."""
    pending = pending_export(db)
    seq, _prev = next_position(db)
    with write_transaction(db):
        _record_batch(
            db, seq=seq, batch_id=f"batch-{seq}", file_name=f"dev-{seq}.jaring",
            created_at="2026-11-27T00:00:00+00:00", manifest_sha256=f"m{seq}",
            file_sha256=f"f{seq}", content=b"zip bytes", records=pending.records, actor="budi",
        )  # fmt: skip
    return pending


def test_ready_records_leave_and_become_exported(db):
    store = RegistrationStore(db)
    regs = people(20)
    store.insert_many(regs, "budi")
    ready = {r.id for r in regs if r.status == "ready"}
    drafts = {r.id for r in regs if r.status == "draft"}
    assert next_position(db) == (1, "")
    pending = send(db)
    assert {r["id"] for r in pending.records} == ready
    assert all("kecamatan_code" not in r for r in pending.records)
    assert {a["registration_id"] for a in pending.audit_rows} == ready
    for reg_id in ready:
        stored = store.get(reg_id)
        assert (stored.status, stored.version) == ("exported", 2)
    for reg_id in drafts:
        assert store.get(reg_id).status == "draft"
    assert not pending_export(db)  # nothing changed since
    assert next_position(db) == (2, "m1")
    assert verify_chain(db).ok
    assert [b.seq for b in batch_history(db)] == [1]
    assert batch_content(db, 1) == ("dev-1.jaring", b"zip bytes")


def test_changed_and_deleted_records_leave_again(db):
    store = RegistrationStore(db)
    first = store.save(
        Registration(nik="6208014507900001", full_name="Siti", status="ready"), "budi"
    )
    second = store.save(
        Registration(nik="6208014507900002", full_name="Ani", status="ready"), "budi"
    )
    never_sent = store.save(Registration(full_name="Draf"), "budi")
    send(db)
    edited = store.get(first.id)
    store.save(edited.copy(full_name="Siti Aminah", status="ready"), "budi")
    store.delete(second.id, "budi")
    store.delete(never_sent.id, "budi")  # never left: its tombstone need not leave either
    pending = send(db)
    by_id = {r["id"]: r for r in pending.records}
    assert set(by_id) == {first.id, second.id}
    assert by_id[first.id]["full_name"] == "Siti Aminah"
    assert by_id[second.id]["deleted"] == 1
    actions = {(a["registration_id"], a["action"]) for a in pending.audit_rows}
    assert (first.id, "update") in actions and (first.id, "insert") not in actions
    assert (second.id, "delete") in actions
    assert not pending_export(db)
    # Restoring a deleted record that had left sends it again, alive.
    store.restore(second.id, "budi")
    assert [r["id"] for r in pending_export(db).records] == [second.id]
    assert verify_chain(db).ok
