"""``excel-export`` of the master list killed while it writes: the file under the name the
user chose is the previous export or the whole new one, never half of one, and running
again writes it whole."""

from __future__ import annotations

from contextlib import closing

from openpyxl import load_workbook

from demo.fill import fill_demo
from models.db import open_database
from tests.faults.field import TODAY
from tests.faults.harness import database_problems, jaring, steps_reached


def test_a_master_export_killed_before_its_rename_leaves_the_previous_file(tmp_path):
    path = tmp_path / "district.db"
    with closing(open_database(path)) as db:
        fill_demo(db, 20, seed=1, today=TODAY)
    target = tmp_path / "out" / "master.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"the previous export")
    argv = ["main.py", "excel-export", "--out", target, "--db", path]
    target_steps = steps_reached(argv, tmp_path / "trace")
    assert target_steps == ["excel.master_saved"]
    target.write_bytes(b"the previous export")
    killed = jaring("excel-export", "--out", target, db=path, fault="excel.master_saved",
                    tmp=tmp_path)  # fmt: skip
    assert killed.killed, killed.err
    assert target.read_bytes() == b"the previous export"
    again = jaring("excel-export", "--out", target, db=path)
    assert again.code == 0, again.err
    sheet = load_workbook(target, read_only=True)["Pendaftaran"]
    assert sum(1 for _ in sheet.iter_rows(values_only=True)) == 21
    assert database_problems(path) == []
