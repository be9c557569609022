"""The fields of issue 15 (the KPJ card's handover day too) travel in a batch from the
officer to the district, and a batch from an officer's older version (without them) still
merges, with their defaults; a handover day the district recorded is kept."""

from __future__ import annotations

from datetime import date

from app.batch_import import import_batches
from exchange.outgoing import export_batch
from exchange.signed_updates import apply_updates, make_updates
from models.audit import verify_chain
from models.bulk_import import set_registered
from models.card_handover import record_handover
from models.identity import load_identity
from models.incoming_record import incoming_row
from models.store import RegistrationStore
from tests.factories import siti


def test_transport_working_now_and_the_old_kpj_reach_the_district(sites):
    district, officers, usb = sites
    budi = officers["budi"]
    reg = siti(id="reg-ojek", kpj="", status="ready", occupation="Buruh harian lepas",
               transport_worker=True, previous_participant=True, previous_kpj="98765432109",
               funding_source="dbh_sawit", kpj_card_handed_on="2026-03-14")  # fmt: skip
    RegistrationStore(budi).save(reg, "Budi")
    assert export_batch(budi, usb).records == 1
    report = import_batches(district, [usb], actor="staf")
    assert report.records_inserted == 1
    arrived = RegistrationStore(district).get("reg-ojek")
    assert (arrived.transport_worker, arrived.working_now) == (True, True)
    assert (arrived.previous_participant, arrived.previous_kpj) == (True, "98765432109")
    assert arrived.funding_source == "dbh_sawit"
    assert arrived.kpj_card_handed_on == "2026-03-14"
    assert verify_chain(district).ok


def test_a_record_from_before_the_new_fields_takes_their_defaults():
    old = siti(version=1).to_row()
    for name in ("transport_worker", "working_now", "previous_participant", "previous_kpj",
                 "kpj_card_handed_on"):  # fmt: skip
        del old[name]
    row = incoming_row(old)
    assert (row["transport_worker"], row["working_now"], row["previous_participant"]) == (0, 0, 0)
    assert row["previous_kpj"] == row["kpj_card_handed_on"] == ""
    flagged = incoming_row({**siti(version=1).to_row(), "working_now": True})
    assert flagged["working_now"] == 1


def _registered_at_district(district, budi, usb):
    """Siti sent by Budi, registered at the district with a KPJ, and the news back."""
    RegistrationStore(budi).save(siti(kpj="", status="ready"), "Budi")
    export_batch(budi, usb)
    import_batches(district, [usb], actor="staf")
    version = RegistrationStore(district).get("reg-siti").version
    set_registered(district, [("reg-siti", version, "12345678901")], "staf")
    apply_updates(budi, make_updates(district, load_identity(budi).device_id), "budi")
    assert RegistrationStore(budi).get("reg-siti").status == "registered"


def _correct_and_send(budi, folder, **changes):
    """Budi corrects Siti's form (it becomes ready again) and sends the next batch."""
    store = RegistrationStore(budi)
    store.save(store.get("reg-siti").copy(status="ready", **changes), "Budi")
    folder.mkdir()
    assert export_batch(budi, folder).records == 1


def test_an_officers_handover_reaches_the_district_with_the_next_correction(sites, tmp_path):
    district, officers, usb = sites
    budi = officers["budi"]
    _registered_at_district(district, budi, usb)
    record_handover(budi, ["reg-siti"], date(2026, 3, 14), "budi", today=date(2026, 3, 20))
    _correct_and_send(budi, tmp_path / "usb2", phone="081299990000")
    import_batches(district, [tmp_path / "usb2"], actor="staf")
    arrived = RegistrationStore(district).get("reg-siti")
    assert (arrived.status, arrived.kpj) == ("registered", "12345678901")
    assert (arrived.phone, arrived.kpj_card_handed_on) == ("081299990000", "2026-03-14")
    assert verify_chain(district).ok


def test_the_districts_handover_stays_when_an_officers_correction_names_none(sites, tmp_path):
    district, officers, usb = sites
    budi = officers["budi"]
    _registered_at_district(district, budi, usb)
    record_handover(district, ["reg-siti"], date(2026, 3, 14), "staf", today=date(2026, 3, 20))
    _correct_and_send(budi, tmp_path / "usb2", phone="081299990000")
    import_batches(district, [tmp_path / "usb2"], actor="staf")
    arrived = RegistrationStore(district).get("reg-siti")
    assert (arrived.phone, arrived.kpj_card_handed_on) == ("081299990000", "2026-03-14")
    assert verify_chain(district).ok
