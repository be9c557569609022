"""Life events travel both ways: an officer's in the next batch (even a batch of nothing
else), the district's in the status updates; once each, never back, and only for the
device's own registrations."""

from datetime import date

import pytest

from app.batch_import import import_batches
from exchange import batch_payload
from exchange.batch_format import BatchRejected
from exchange.outgoing import export_batch
from exchange.receipts import ReceiptError
from exchange.signed_updates import apply_updates, make_updates, write_update_files
from models import life_events
from models.audit import verify_chain
from models.bulk_import import set_registered
from models.db import write_transaction
from models.identity import load_identity
from tests.httpsync.officers import ready


def _registered_at_district(district, officer, usb):
    """Budi's registrations merged at the district, registered there, and the news back."""
    ready(officer, 3, seed=41)
    export_batch(officer, usb)
    import_batches(district, [usb], actor="staf")
    rows = district.execute("SELECT id, version FROM registrations ORDER BY id").fetchall()
    set_registered(
        district, [(rid, v, f"1000000000{n}") for n, (rid, v) in enumerate(rows)], "staf"
    )
    apply_updates(officer, make_updates(district, load_identity(officer).device_id), "budi")
    return [rid for rid, _ in rows]


def _events(db):
    return db.execute(
        "SELECT id, registration_id, kind, event_date, origin, sent_seq FROM life_events"
        " ORDER BY recorded_at"
    ).fetchall()


def test_an_officers_event_reaches_the_district_in_a_batch_of_its_own(sites, tmp_path):
    district, officers, usb = sites
    budi = officers["budi"]
    ids = _registered_at_district(district, budi, usb)
    assert {s for (s,) in budi.execute("SELECT status FROM registrations")} == {"registered"}

    [death] = life_events.record_events(budi, [ids[0]], "died", date(2026, 3, 14), "budi")
    second = tmp_path / "usb2"
    second.mkdir()
    written = export_batch(budi, second)
    assert written is not None and written.records == 0  # the event alone
    assert _events(budi)[0][-1] == written.seq  # sent with that batch

    report = import_batches(district, [second], actor="staf")
    assert report.batches_imported == 1
    budi_device = load_identity(budi).device_id
    assert _events(district) == [(death.id, ids[0], "died", "2026-03-14", budi_device, None)]
    # Coverage reads it (the participant ends from the month after, `models.coverage`).
    assert district.execute(
        "SELECT events FROM coverage_participants WHERE registration_id = ?", [ids[0]]
    ).fetchone() == ("died@2026-03-14",)
    assert verify_chain(district).ok and verify_chain(budi).ok
    # Nothing is left to send, and the same batch again records nothing twice.
    assert export_batch(budi, tmp_path) is None
    import_batches(district, [second], actor="staf")
    assert len(_events(district)) == 1


def test_a_districts_event_reaches_the_officer_and_is_not_sent_back(sites, tmp_path):
    district, officers, usb = sites
    budi = officers["budi"]
    ids = _registered_at_district(district, budi, usb)
    [moved] = life_events.record_events(district, [ids[1]], "moved", date(2026, 5, 2), "staf")

    [path] = write_update_files(district, tmp_path)
    from exchange.signed_updates import read_updates_file

    document = read_updates_file(path)
    changed = [c for c in document["updates"]["changes"] if c["registration_id"] == ids[1]]
    assert changed[0]["events"][0]["kind"] == "moved"
    # Registrations without events carry no "events": an older laptop reads them as before.
    assert all("events" not in c for c in document["updates"]["changes"]
               if c["registration_id"] != ids[1])  # fmt: skip
    apply_updates(budi, document, "budi")
    assert _events(budi) == [(moved.id, ids[1], "moved", "2026-05-02", "district", None)]
    apply_updates(budi, document, "budi")  # again: nothing new
    assert len(_events(budi)) == 1
    assert export_batch(budi, tmp_path) is None  # the district's event is not sent back
    assert verify_chain(budi).ok


def test_an_event_of_another_devices_registration_is_skipped(sites):
    district, officers, usb = sites
    ids = _registered_at_district(district, officers["budi"], usb)
    ani_device = load_identity(officers["ani"]).device_id
    event = {
        "id": "e-1", "registration_id": ids[0], "kind": "died", "event_date": "2026-01-02",
        "note": "", "recorded_at": "2026-01-03T00:00:00.000+00:00", "recorded_by": "ani",
        "origin": "",
    }  # fmt: skip
    with write_transaction(district):
        decisions = life_events.merge_events(district, [event, {"kind": 3}], ani_device, "staf")
    assert [d[1:] for d in decisions] == [
        ("life_event_skipped", "not this device's"), ("life_event_skipped", "malformed"),
    ]  # fmt: skip
    assert _events(district) == []


def test_an_event_leaves_only_once_its_registration_has(configured_db):
    """A registration that never left: its event waits for it (the district would not know
    what it is about)."""
    from models.store import RegistrationStore
    from tests.factories import siti

    RegistrationStore(configured_db).save(siti(status="ready"), "budi")
    life_events.record_events(configured_db, ["reg-siti"], "moved", date(2026, 1, 2), "budi")
    assert life_events.pending_events(configured_db) == []
    assert len(life_events.pending_events(configured_db, ["reg-siti"])) == 1


def test_the_payload_carries_life_events_after_the_audit_rows():
    event = {"id": "e", "registration_id": "r", "kind": "died"}
    data = batch_payload.encode_payload([{"id": "r", "version": 2}], [{"seq": 1}], [event])
    assert data.splitlines()[-1].startswith(b'{"data":{"id":"e"')
    records, audit, _lines, events = batch_payload.decode_payload_parts(data)
    assert (len(records), len(audit), events) == (1, 1, [event])
    assert batch_payload.decode_payload(data) == (records, audit)
    with pytest.raises(BatchRejected, match="life event is not a JSON object"):
        batch_payload.decode_payload_lines(b'{"data":[1],"type":"life_event"}\n')


def test_updates_with_a_malformed_event_are_refused(sites, tmp_path):
    district, officers, usb = sites
    budi = officers["budi"]
    ids = _registered_at_district(district, budi, usb)
    life_events.record_events(district, [ids[0]], "died", date(2026, 2, 1), "staf")
    document = make_updates(district, load_identity(budi).device_id)
    from exchange import keys
    from exchange.batch_file import canonical_json
    from exchange.enrolment import own_signing_key

    body = document["updates"]
    change = next(c for c in body["changes"] if "events" in c)
    change["events"][0]["event_date"] = 20260201  # not text
    import base64

    document["signature"] = base64.b64encode(
        keys.sign(own_signing_key(district), canonical_json(body))
    ).decode()
    with pytest.raises(ReceiptError, match="malformed"):
        apply_updates(budi, document, "budi")


def test_an_event_for_a_deleted_registration_leaves_its_tombstone_alone(configured_db):
    """Moving a tombstone's version on would send it out of the laptop again."""
    from models.store import RegistrationStore
    from tests.factories import siti

    store = RegistrationStore(configured_db)
    store.save(siti(status="ready"), "budi")
    version = store.delete("reg-siti", "budi").version
    event = {
        "id": "e-9", "registration_id": "reg-siti", "kind": "died", "event_date": "2026-01-02",
        "note": "", "recorded_at": "2026-01-03T00:00:00.000+00:00", "recorded_by": "staf",
        "origin": "",
    }  # fmt: skip
    with write_transaction(configured_db):
        assert life_events.apply_events(configured_db, [event], "budi", "device-1") == 1
    assert store.get("reg-siti").version == version
