"""Who sent each side of a conflict, and when (`models.conflict_queue.conflict_sources`)."""

from models.conflict_queue import conflict_sources, list_conflicts
from models.store import RegistrationStore
from tests.models.test_conflicts import NIK, merge, record


def enrol(db, device_id, officer):
    db["devices"].insert(
        {"device_id": device_id, "officer": officer, "public_key_pem": "-", "fingerprint": "-",
         "enrolled_at": "2026-11-01T08:00:00+00:00", "enrolled_by": "staf"}
    )  # fmt: skip


def test_each_side_names_the_officer_its_batch_came_from_and_when(db):
    enrol(db, "dev-a", "Ani Lestari")
    enrol(db, "dev-b", "Budi Santoso")
    merge(db, [record(id="r1", device_id="dev-a", updated_at="2026-11-20T09:00:00+00:00")])
    merge(db, [record(id="r2", full_name="Siti A.", device_id="dev-b",
                      updated_at="2026-11-25T10:30:00+00:00")], device="dev-b")  # fmt: skip
    (conflict,) = list_conflicts(db, kind="nik")
    existing, incoming = conflict_sources(db, conflict)
    assert (existing.officer, existing.device_id) == ("Ani Lestari", "dev-a")
    assert existing.changed_at == "2026-11-20T09:00:00+00:00" and existing.imported_at
    assert (incoming.officer, incoming.device_id) == ("Budi Santoso", "dev-b")
    assert incoming.changed_at == "2026-11-25T10:30:00+00:00" and incoming.imported_at


def test_a_registration_typed_at_the_district_names_who_typed_it(db):
    RegistrationStore(db).save(record_registration(), "staf Disnaker")
    merge(db, [record(id="r2", full_name="Siti A.")], device="dev-unknown")
    (conflict,) = list_conflicts(db, kind="nik")
    existing, incoming = conflict_sources(db, conflict)
    assert existing.officer == "staf Disnaker" and existing.imported_at == ""
    assert incoming.device_id == "dev-unknown"


def record_registration():
    from models.registration import Registration

    return Registration(nik=NIK, full_name="Siti Aminah", status="received")
