"""Odd things in the import folder (issue 18): a batch whose file name is not UTF-8, and a
FIFO or a folder named like a batch. Each is dealt with on its own; the other batches of the
folder are imported all the same."""

import os
import threading
from contextlib import closing
from datetime import date

import pytest

from app.batch_import import import_batches
from app.officer import export_to_folder
from demo.fill import fill_demo
from models.db import open_database
from tests.cli import run_cli

#: A file name byte that is not UTF-8 (as a stick formatted elsewhere may hold).
BAD = b"\xff\xfe"


def exported(officers, usb):
    for seed, db in enumerate(officers.values(), start=1):
        fill_demo(db, 2, seed=seed, today=date(2026, 11, 27))
        export_to_folder(db, usb)
    return sorted(usb.glob("*.jaring"))


def test_a_file_name_that_is_not_utf8_is_stored_and_the_other_batches_go_in(sites):
    district, officers, usb = sites
    first, second = exported(officers, usb)
    odd = os.fsdecode(os.fsencode(first)[: -len(".jaring")] + BAD + b".jaring")
    os.rename(first, odd)
    report = import_batches(district, [usb], actor="staf", receipts=True)
    assert (report.batches_imported, report.batches_rejected) == (2, [])
    names = [row[0] for row in district.execute("SELECT file_name FROM imported_batches")]
    assert sorted(names) == sorted([first.stem + "\\xff\\xfe.jaring", second.name])
    # What the report says of the file can be printed and written as UTF-8.
    for row in report.per_batch:
        row["file"].encode("utf-8")
    assert len(report.receipts) == 2


def test_the_command_line_prints_the_report_of_such_a_file(sites, tmp_path, capsys):
    _, officers, usb = sites
    exported(officers, usb)
    with open(os.fsencode(usb) + b"/" + BAD + b"-1.jaring", "wb") as broken:
        broken.write(b"not a batch")
    done = run_cli(capsys, "import", usb, "--db", tmp_path / "district.db", "--json")
    assert done.summary["batches_imported"] == 2
    assert done.code == 1 and "\\xff\\xfe-1.jaring" in done.err
    assert [row["result"] for row in done.summary["per_batch"]].count("rejected") == 1


def test_a_fifo_named_like_a_batch_is_skipped_with_a_reason(sites, tmp_path):
    _, officers, usb = sites
    exported(officers, usb)
    os.mkfifo(usb / "aaaa-1.jaring")
    (usb / "aaaa-2.jaring").mkdir()
    outcome = {}

    def run() -> None:  # on a connection of its own: a hung import must not hold the test's
        with closing(open_database(tmp_path / "district.db")) as district:
            outcome["report"] = import_batches(district, [usb], actor="staf")

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # unblock the reader so the test process can end
        with open(usb / "aaaa-1.jaring", "wb"):
            pass
        worker.join(timeout=30)
        pytest.fail("the import waited on a FIFO")
    report = outcome["report"]
    assert report.batches_imported == 2
    reasons = {row["file"]: row["reason"] for row in report.batches_rejected}
    assert set(reasons) == {str(usb / "aaaa-1.jaring"), str(usb / "aaaa-2.jaring")}
    assert all(reason.startswith("not_a_batch:") for reason in reasons.values()), reasons
