"""The district's news travels by USB too: the command line's sync, import with receipts,
updates files written and applied, and an old file that takes nothing back."""

import pytest

from app.batch_import import import_batches
from exchange.outgoing import export_batch
from httpsync.client import sync
from models.audit import verify_chain
from models.bulk_import import set_registered
from models.settings import load_settings, save_settings
from models.status_updates import rejection_reason
from tests.cli import run_cli
from tests.httpsync.officers import QUICK, ready, statuses


def test_the_command_line_syncs_and_the_stick_carries_updates(
    sites, district_server, tmp_path, capsys
):
    district, officers, usb = sites
    budi, ani = officers["budi"], officers["ani"]
    ready(budi, 3, seed=16)
    ready(ani, 2, seed=17)

    def run(*args):
        done = run_cli(capsys, *args, "--json")
        return done.code, done.summary, done.err

    path = {name: db.execute("PRAGMA database_list").fetchone()[2] for name, db in officers.items()}
    save_settings(budi, load_settings(budi).__class__(**{
        **load_settings(budi).__dict__, "sync_url": district_server.url}))  # fmt: skip
    code, result, _ = run("sync", "--db", path["budi"])  # the address from the settings
    assert code == 0, result
    assert {k: result[k] for k in ("batches_sent", "batches_already_there", "batches_failed",
                                   "updates_applied")} == {
        "batches_sent": 1, "batches_already_there": 0, "batches_failed": 0, "updates_applied": 0,
    }  # fmt: skip
    code, result, err = run("sync", "--url", "ftp://nowhere", "--db", path["budi"])
    assert code == 1 and "http" in err and "error" in result
    # Ani's laptop has no signal: her batch and its answer travel on the stick.
    code, result, _ = run("export", "--out", str(usb), "--db", path["ani"])
    assert code == 0
    district_db = district.execute("PRAGMA database_list").fetchone()[2]
    code, result, _ = run("import", str(usb), "--receipts", "--db", district_db)
    assert code == 0 and len(result["updates_files"]) == 1
    ani_ids = [r for (r,) in ani.execute("SELECT id FROM registrations WHERE status = 'exported'")]
    code, result, _ = run("reject", ani_ids[0], "--reason", "Di luar wilayah", "--db", district_db)
    assert code == 0 and result == {"rejected": 1}
    code, result, err = run("reject", "no-such-id", "--reason", "x", "--db", district_db)
    assert code == 1 and "no live registration" in err
    code, result, _ = run("write-updates", "--out", str(usb), "--db", district_db)
    assert code == 0 and len(result["files"]) == 2  # budi's (by HTTP) and ani's
    ani_file = next(f for f in result["files"] if f.endswith(
        ani.execute("SELECT device_id FROM identity").fetchone()[0] + ".updates.json"))  # fmt: skip
    code, result, _ = run("apply-updates", ani_file, "--db", path["ani"])
    assert code == 0 and result["updates_applied"] == 2  # one rejected, one received
    assert rejection_reason(ani, ani_ids[0]) == "Di luar wilayah"
    code, result, _ = run("apply-updates", ani_file, "--db", path["ani"])
    assert result["updates_applied"] == 0
    code, result, err = run("apply-updates", ani_file, "--db", path["budi"])
    assert code == 1 and "another officer" in err


def test_an_old_updates_file_does_not_take_a_registration_back(sites, district_server, tmp_path):
    from exchange.signed_updates import apply_updates, make_updates

    district, officers, _ = sites
    budi = officers["budi"]
    ready(budi, 2, seed=18)
    sync(budi, district_server.url, backoff=QUICK)
    device = budi.execute("SELECT device_id FROM identity").fetchone()[0]
    old = make_updates(district, device)  # everything "received", written to a stick
    (rid, version) = district.execute("SELECT id, version FROM registrations").fetchone()
    set_registered(district, [(rid, version, "10987654321")], "staf")
    assert sync(budi, district_server.url, backoff=QUICK).updates_applied == 1
    stale = apply_updates(budi, old, "Budi")
    assert (stale.applied, stale.skipped) == (0, 2)
    assert budi.execute("SELECT status FROM registrations WHERE id = ?", [rid]).fetchone() == (
        "registered",
    )


def test_a_receipt_on_the_stick_marks_what_arrived_received_too(sites):
    from exchange.receipts import apply_receipt_in

    district, officers, usb = sites
    budi = officers["budi"]
    waiting = ready(budi, 3, seed=19)
    export_batch(budi, usb)
    assert statuses(budi).get("exported") == waiting
    import_batches(district, [usb], actor="staf", receipts=True)
    assert apply_receipt_in(budi, usb).newly == [1]
    assert statuses(budi).get("received") == waiting and verify_chain(budi).ok


def test_write_updates_refuses_a_device_that_is_not_enrolled(sites, tmp_path, capsys):
    from exchange.signed_updates import updates_path
    from main import main

    district, officers, usb = sites
    district_db = district.execute("PRAGMA database_list").fetchone()[2]
    budi = officers["budi"].execute("SELECT device_id FROM identity").fetchone()[0]
    inside = usb / "stick"
    inside.mkdir()
    for device in ("../escaped", "stranger", f"{budi}/../../escaped"):
        assert main(["--no-encryption", "write-updates", "--out", str(inside), "--device",
                     budi, device, "--db", district_db]) == 1  # fmt: skip
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "not enrolled" in err, err
    assert not list(tmp_path.rglob("*.updates.json"))  # nothing written, not even budi's
    assert main(["--no-encryption", "write-updates", "--out", str(inside), "--device", budi,
                 "--db", district_db]) == 0  # fmt: skip
    assert [p.name for p in inside.iterdir()] == [f"{budi}.updates.json"]
    for name in ("../escaped", "a/b", "", ".hidden", "x" * 65):
        with pytest.raises(ValueError):
            updates_path(usb, name)
