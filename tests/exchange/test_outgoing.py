"""An export records its batch before it writes the file: a file that could not be written
(a full or pulled stick, a kill) leaves a batch the history knows, and the next export
writes it, byte for byte, before the next batch; the numbering never forks."""

import errno
from datetime import date

import pytest

from app.batch_import import import_batches
from app.officer import export_to_folder
from demo.fill import fill_demo
from exchange import outgoing
from exchange.outgoing import BatchNotWritten, export_batch, pack_next_batch, rewrite_lost_batch
from models.batches import batch_content, pending_files

DAY = date(2026, 11, 27)


def ready(db) -> int:
    return db.execute("SELECT COUNT(*) FROM registrations WHERE status = 'ready'").fetchone()[0]


def full_stick(monkeypatch):
    """Writing a batch file fails as on a full stick, until the patch is undone."""

    def full(out_dir, content, name):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outgoing, "rewrite_batch", full)


def test_a_batch_that_could_not_be_written_is_written_by_the_next_export(
    sites, tmp_path, monkeypatch
):
    district, officers, usb = sites
    budi = officers["budi"]
    fill_demo(budi, 6, seed=1, today=DAY)
    full_stick(monkeypatch)
    with pytest.raises(BatchNotWritten, match="batch 1 is recorded") as failed:
        export_batch(budi, usb)
    assert "No space left on device" in str(failed.value) and "--rewrite 1" in str(failed.value)
    monkeypatch.undo()
    assert list(usb.iterdir()) == []
    assert [p.seq for p in pending_files(budi)] == [1]
    assert ready(budi) == 0  # they left in batch 1, which the history keeps
    fill_demo(budi, 3, seed=2, today=DAY)
    other = tmp_path / "other-stick"
    other.mkdir()
    done = export_batch(budi, other)
    first = other / batch_content(budi, 1)[0]
    assert (done.seq, done.written_again) == (2, (first,))
    assert first.read_bytes() == batch_content(budi, 1)[1]
    assert pending_files(budi) == []
    report = import_batches(district, [other], actor="staf")
    assert (report.batches_imported, report.batches_rejected) == (2, [])
    assert (report.gaps, report.broken_chains) == ([], [])


def test_a_pending_batch_alone_is_the_export(sites, monkeypatch):
    _, officers, usb = sites
    budi = officers["budi"]
    fill_demo(budi, 4, seed=3, today=DAY)
    full_stick(monkeypatch)
    with pytest.raises(BatchNotWritten):
        export_to_folder(budi, usb)
    monkeypatch.undo()
    done = export_to_folder(budi, usb)  # nothing new: batch 1 is what leaves
    assert (done.batch.seq, done.batch.written_again) == (1, ())
    assert done.batch.path.read_bytes() == batch_content(budi, 1)[1]
    assert done.as_json()["written_again"] == []
    assert export_to_folder(budi, usb).batch is None


def test_a_file_already_written_with_the_same_bytes_is_kept(sites, monkeypatch):
    """Killed after the file got its name and before the history noted it: the file on
    the stick is the batch, and is left as it is."""
    _, officers, usb = sites
    budi = officers["budi"]
    fill_demo(budi, 4, seed=4, today=DAY)
    noted = []
    monkeypatch.setattr(outgoing.batches, "file_written", lambda db, seq: noted.append(seq))
    written = export_batch(budi, usb).path
    monkeypatch.undo()
    assert noted == [1] and [p.seq for p in pending_files(budi)] == [1]
    before = written.stat()
    again = export_batch(budi, usb)
    assert (again.path, again.seq) == (written, 1)
    assert written.stat().st_mtime_ns == before.st_mtime_ns and pending_files(budi) == []


def test_what_a_cut_write_left_beside_a_pending_batch_is_removed(sites, monkeypatch):
    _, officers, usb = sites
    budi = officers["budi"]
    fill_demo(budi, 4, seed=5, today=DAY)
    full_stick(monkeypatch)
    with pytest.raises(BatchNotWritten):
        export_batch(budi, usb)
    monkeypatch.undo()
    name = batch_content(budi, 1)[0]
    half = usb / f".{name}.0badf00d.tmp"
    half.write_bytes(b"PK half a batch")
    unrelated = usb / ".notes.txt.0badf00d.tmp"
    unrelated.write_bytes(b"not ours")
    export_batch(budi, usb)
    assert sorted(p.name for p in usb.iterdir()) == sorted([name, unrelated.name])


def test_a_batch_written_again_by_hand_is_no_longer_pending(sites, tmp_path, monkeypatch):
    _, officers, usb = sites
    budi = officers["budi"]
    fill_demo(budi, 4, seed=6, today=DAY)
    full_stick(monkeypatch)
    with pytest.raises(BatchNotWritten):
        export_batch(budi, usb)
    monkeypatch.undo()
    rewrite_lost_batch(budi, 1, tmp_path)
    assert pending_files(budi) == []
    assert export_batch(budi, usb) is None


def test_a_batch_packed_for_a_sync_that_never_arrived_goes_on_the_next_stick(sites):
    """A sync packs batch 1 and the network dies (or the sync is killed) before the
    district acknowledges it; the officer falls back to a USB stick: the stick carries
    batch 1 too, so the district sees no gap."""
    district, officers, usb = sites
    budi = officers["budi"]
    fill_demo(budi, 4, seed=7, today=DAY)
    assert pack_next_batch(budi).seq == 1
    assert [p.seq for p in pending_files(budi)] == [1]
    fill_demo(budi, 3, seed=8, today=DAY)
    done = export_batch(budi, usb)
    assert done.seq == 2 and len(done.written_again) == 1
    report = import_batches(district, [usb], actor="staf")
    assert (report.batches_imported, report.gaps, report.broken_chains) == (2, [], [])


def test_a_batch_the_district_acknowledged_is_not_written_to_a_stick(sites):
    from models.batches import acknowledge

    _, officers, usb = sites
    budi = officers["budi"]
    fill_demo(budi, 4, seed=7, today=DAY)
    built = pack_next_batch(budi)
    receipt = {"seq": 1, "batch_id": built.manifest["batch_id"],
               "manifest_sha256": built.manifest_sha256,
               "imported_at": "2026-11-27T03:00:00Z"}  # fmt: skip
    assert acknowledge(budi, [receipt]).newly == [1]
    assert pending_files(budi) == []
    assert export_batch(budi, usb) is None and list(usb.iterdir()) == []
