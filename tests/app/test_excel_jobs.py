"""Excel use cases: the master list out, a village's list in (read, then written)."""

from datetime import date

import pytest

from app.excel_jobs import (
    export_bpjs,
    export_master,
    import_village_list,
    read_list,
    write_list,
)
from demo.fill import fill_demo
from excel.export import ExcelExportError
from models.db import open_database
from models.store import RegistrationStore

TODAY = date(2026, 11, 27)


def count(db) -> int:
    return RegistrationStore(db).count()


def test_a_master_list_read_back_elsewhere_is_checked_then_written(db, tmp_path):
    fill_demo(db, 8, seed=3, today=TODAY)
    written = export_master(db, tmp_path / "induk.xlsx", today=TODAY)
    assert (written.path, written.rows) == (tmp_path / "induk.xlsx", count(db))
    with open_database(tmp_path / "desa.db") as other:
        tried = import_village_list(other, written.path, "staf", dry_run=True)
        assert tried.written is None and count(other) == 0
        assert tried.plan.as_json(str)["rows_read"] == written.rows
        plan = read_list(other, written.path)
        done = write_list(other, plan, "staf")
        assert count(other) == done.written == len(done.ids) > 0
        assert done.written + done.rejected + done.duplicates == written.rows
        again = import_village_list(other, written.path, "staf")
        assert again.written.written == 0  # every NIK is there already
        assert again.written.duplicates == done.written + done.duplicates


def test_bpjs_files_need_registrations_the_district_received(db, tmp_path):
    fill_demo(db, 4, seed=4, today=TODAY)
    with pytest.raises(ExcelExportError) as nothing:
        export_bpjs(db, tmp_path, mark_submitted=True, actor="staf", today=TODAY)
    assert nothing.value.code == "nothing_to_export" and list(tmp_path.glob("*.xlsx")) == []
