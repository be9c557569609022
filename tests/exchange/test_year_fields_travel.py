"""The fields of issue 15 travel in a batch from the officer to the district, and a batch
from an officer's older version (without them) still merges, with their defaults."""

from __future__ import annotations

from app.batch_import import import_batches
from exchange.outgoing import export_batch
from models.audit import verify_chain
from models.incoming_record import incoming_row
from models.store import RegistrationStore
from tests.factories import siti


def test_transport_working_now_and_the_old_kpj_reach_the_district(sites):
    district, officers, usb = sites
    budi = officers["budi"]
    reg = siti(id="reg-ojek", kpj="", status="ready", occupation="Buruh harian lepas",
               transport_worker=True, previous_participant=True, previous_kpj="98765432109",
               funding_source="dbh_sawit")  # fmt: skip
    RegistrationStore(budi).save(reg, "Budi")
    assert export_batch(budi, usb).records == 1
    report = import_batches(district, [usb], actor="staf")
    assert report.records_inserted == 1
    arrived = RegistrationStore(district).get("reg-ojek")
    assert (arrived.transport_worker, arrived.working_now) == (True, True)
    assert (arrived.previous_participant, arrived.previous_kpj) == (True, "98765432109")
    assert arrived.funding_source == "dbh_sawit"
    assert verify_chain(district).ok


def test_a_record_from_before_the_new_fields_takes_their_defaults():
    old = siti(version=1).to_row()
    for name in ("transport_worker", "working_now", "previous_participant", "previous_kpj"):
        del old[name]
    row = incoming_row(old)
    assert (row["transport_worker"], row["working_now"], row["previous_participant"]) == (0, 0, 0)
    assert row["previous_kpj"] == ""
    flagged = incoming_row({**siti(version=1).to_row(), "working_now": True})
    assert flagged["working_now"] == 1
