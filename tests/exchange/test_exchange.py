"""Officer -> district, end to end: export, import, idempotence, rejections, gaps, conflicts."""

import shutil
import subprocess
from datetime import date

import pytest

from app.batch_import import import_batches
from demo.fill import fill_demo
from exchange.outgoing import export_batch, rewrite_lost_batch
from models.audit import verify_chain
from models.identity import revoke_device
from models.registration import Registration
from models.store import RegistrationStore
from tests.cli import run_cli


def test_round_trip_and_idempotent_reimport(sites):
    district, officers, usb = sites
    budi = officers["budi"]
    fill_demo(budi, 60, seed=4, today=date(2026, 11, 27))
    ready = RegistrationStore(budi).count()
    exported = export_batch(budi, usb)
    assert exported.seq == 1 and exported.records > 40
    assert export_batch(budi, usb) is None  # nothing new: no file
    assert len(list(usb.iterdir())) == 1
    report = import_batches(district, [usb], actor="staf")
    assert (report.batches_imported, report.records_inserted) == (1, exported.records)
    assert report.batches_rejected == [] and report.gaps == []
    again = import_batches(district, [usb], actor="staf")
    assert (again.batches_imported, again.batches_skipped, again.records_inserted) == (0, 1, 0)
    assert RegistrationStore(district).count() == exported.records <= ready
    assert verify_chain(district).ok and verify_chain(budi).ok
    # A change and a delete travel in the next batch and update the master list.
    store = RegistrationStore(budi)
    reg = store.get(district.execute("SELECT id FROM registrations LIMIT 1").fetchone()[0])
    store.save(reg.copy(address="Jl. Baru 9", status="ready"), "Budi")
    gone = district.execute("SELECT id FROM registrations LIMIT 1 OFFSET 1").fetchone()[0]
    store.delete(gone, "Budi")
    second = export_batch(budi, usb)
    assert (second.seq, second.records) == (2, 2)
    report = import_batches(district, [usb], actor="staf")
    assert (report.batches_imported, report.batches_skipped, report.records_updated) == (1, 1, 2)
    master = RegistrationStore(district)
    assert master.get(reg.id).address == "Jl. Baru 9"
    assert master.get(gone).deleted
    assert verify_chain(district).ok


def test_a_lost_batch_is_written_again_byte_for_byte(sites, tmp_path):
    _, officers, usb = sites
    budi = officers["budi"]
    fill_demo(budi, 10, seed=5, today=date(2026, 11, 27))
    first = export_batch(budi, usb)
    original = first.path.read_bytes()
    first.path.unlink()  # the stick went through the wash
    again = rewrite_lost_batch(budi, 1, usb)
    assert again.read_bytes() == original


def test_tampered_and_revoked_batches_change_nothing(sites, tmp_path):
    district, officers, usb = sites
    budi, ani = officers["budi"], officers["ani"]
    fill_demo(budi, 10, seed=6, today=date(2026, 11, 27))
    batch = export_batch(budi, usb).path
    tampered = tmp_path / "tampered" / batch.name
    tampered.parent.mkdir()
    data = bytearray(batch.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    report = import_batches(district, [tampered], actor="staf")
    assert report.batches_imported == 0 and len(report.batches_rejected) == 1
    assert RegistrationStore(district).count() == 0
    assert district.execute("SELECT COUNT(*) FROM merge_log").fetchone()[0] == 0
    # A revoked device is refused even with a perfect file.
    fill_demo(ani, 5, seed=7, today=date(2026, 11, 27))
    ani_batch = export_batch(ani, usb).path
    device = ani.execute("SELECT device_id FROM identity").fetchone()[0]
    revoke_device(district, device, actor="staf")
    report = import_batches(district, [ani_batch], actor="staf")
    assert report.batches_rejected[0]["reason"].startswith("unknown_device")
    assert RegistrationStore(district).count() == 0


def test_a_device_revoked_while_the_import_runs_is_refused_from_then_on(sites):
    district, officers, usb = sites
    budi = officers["budi"]
    for seed in (8, 9):
        fill_demo(budi, 5, seed=seed, today=date(2026, 11, 27))
        export_batch(budi, usb)
    device = budi.execute("SELECT device_id FROM identity").fetchone()[0]

    def revoke_before_the_second(number, total, name):
        if number == 1:  # the second file may already be read and verified by now
            revoke_device(district, device, actor="staf")

    report = import_batches(district, [usb], actor="staf", progress=revoke_before_the_second)
    assert report.batches_imported == 1
    assert [r["reason"].split(":")[0] for r in report.batches_rejected] == ["unknown_device"]


def test_gaps_are_reported_until_filled(sites, tmp_path):
    district, officers, usb = sites
    budi = officers["budi"]
    store = RegistrationStore(budi)
    paths = []
    for n in range(3):
        nik = f"620801450790{n + 1:04d}"
        store.save(Registration(nik=nik, full_name=f"Orang {n}", status="ready"), "Budi")
        paths.append(export_batch(budi, usb).path)
    report = import_batches(district, [paths[0], paths[2]], actor="staf")
    device = budi.execute("SELECT device_id FROM identity").fetchone()[0]
    assert report.gaps == [{"device": device, "missing_seq": 2}]
    report = import_batches(district, [paths[1]], actor="staf")
    assert report.gaps == [] and report.broken_chains == []


def test_two_officers_registering_the_same_person_make_a_conflict(sites):
    district, officers, usb = sites
    for name, db in officers.items():
        person = Registration(nik="6208014507900001", full_name=f"Siti ({name})", status="ready")
        RegistrationStore(db).save(person, name)
        export_batch(db, usb)
    report = import_batches(district, [usb], actor="staf")
    assert (report.batches_imported, report.records_inserted, report.conflicts) == (2, 1, 1)
    kept, incoming = district.execute(
        "SELECT registration_id, incoming FROM conflicts WHERE kind = 'nik'"
    ).fetchone()
    assert RegistrationStore(district).get(kept) is not None
    assert '"6208014507900001"' in incoming  # both versions kept


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl command is missing")
def test_the_signature_verifies_with_openssl(sites, tmp_path):
    import zipfile

    _, officers, usb = sites
    budi = officers["budi"]
    fill_demo(budi, 3, seed=8, today=date(2026, 11, 27))
    batch = export_batch(budi, usb).path
    with zipfile.ZipFile(batch) as archive:
        (tmp_path / "manifest.json").write_bytes(archive.read("manifest.json"))
        (tmp_path / "manifest.sig").write_bytes(archive.read("manifest.sig"))
    pem = budi.execute("SELECT signing_public_pem FROM identity").fetchone()[0]
    (tmp_path / "device.pem").write_text(pem)
    result = subprocess.run(
        ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", str(tmp_path / "device.pem"),
         "-rawin", "-in", str(tmp_path / "manifest.json"), "-sigfile",
         str(tmp_path / "manifest.sig")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_command_exits_non_zero_only_when_rejected(sites, tmp_path, capsys):
    district, officers, usb = sites
    fill_demo(officers["budi"], 5, seed=9, today=date(2026, 11, 27))
    exported = export_batch(officers["budi"], usb)
    junk = usb / "junk-1.jaring"
    junk.write_text("not a batch")
    db_path = district.execute("PRAGMA database_list").fetchone()[2]
    result = run_cli(capsys, "import", usb, "--db", db_path, "--json")
    assert result.code == 1
    summary = result.summary
    assert (summary["batches_imported"], summary["records_inserted"]) == (1, exported.records)
    assert [r["file"] for r in summary["batches_rejected"]] == [str(junk)]
    assert result.err.startswith(f"rejected {junk}: not_a_batch: ")
    assert "updates_files" not in summary  # only with --receipts
    junk.unlink()
    again = run_cli(capsys, "import", usb, "--db", db_path, "--json")
    assert again.code == 0, again.err
    assert (again.summary["batches_imported"], again.summary["batches_skipped"]) == (0, 1)
