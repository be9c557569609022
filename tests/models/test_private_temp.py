"""models.private_temp: the app's owner-only folder for temporary files beside the database,
what a job puts there, and what a killed process left there removed at the next start
(while a live process's files are left alone)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from models import private_temp
from models.private_temp import private_temp as private_temp_folder
from models.private_temp import remove_leftovers, temp_root

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes and SIGKILL are POSIX")

#: A process that opens a job's folder, writes a file with a NIK in it, says where, and waits.
_JOB = """
import sys, tempfile
from models.private_temp import private_temp
with private_temp(sys.argv[1]) as folder:
    handle, name = tempfile.mkstemp(prefix="jaring-rows-")
    with open(handle, "w") as rows:
        rows.write("6208014507900001")
    print(folder, flush=True)
    sys.stdin.readline()
"""


def start_job(db_path: Path) -> tuple[subprocess.Popen, Path]:
    job = subprocess.Popen(
        [sys.executable, "-c", _JOB, str(db_path)], cwd=ROOT, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    return job, Path(job.stdout.readline().strip())


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_folder_is_beside_the_database():
    assert temp_root(Path("/data/Jaring/jaring.db")) == Path("/data/Jaring/jaring.db-tmp")


@posix_only
def test_a_job_writes_its_temporary_files_in_an_owner_only_folder_and_leaves_nothing(
    tmp_path, umask_022
):
    database = tmp_path / "jaring.db"
    system_temp = tempfile.gettempdir()
    with private_temp_folder(database) as folder:
        assert folder.parent == temp_root(database)
        assert temp_root(database).stat().st_mode & 0o777 == 0o700
        assert folder.stat().st_mode & 0o777 == 0o700
        # openpyxl's sheets and excel.xlsx_rows take tempfile's folder
        assert tempfile.gettempdir() == str(folder)
        handle, name = tempfile.mkstemp(prefix="openpyxl.")
        os.close(handle)
        assert Path(name).parent == folder
        with private_temp_folder(database) as inner:  # a second job meanwhile: same folder
            assert inner == folder
        assert folder.is_dir()
    assert tempfile.gettempdir() == system_temp
    assert sorted(os.listdir(tmp_path)) == []  # the folder goes when no job needs it


@posix_only
def test_what_a_killed_process_left_is_removed_and_a_live_ones_files_are_kept(tmp_path):
    database = tmp_path / "jaring.db"
    killed, dead_folder = start_job(database)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    live, live_folder = start_job(database)
    try:
        assert [p.read_text() for p in dead_folder.iterdir()] == ["6208014507900001"]
        assert remove_leftovers(database) == 1
        assert not dead_folder.exists()
        assert len(list(live_folder.iterdir())) == 1  # the GUI's export beside a command
    finally:
        live.communicate("\n")
    assert live.returncode == 0
    assert list(tmp_path.iterdir()) == []


def test_this_process_own_folder_is_kept(tmp_path):
    database = tmp_path / "jaring.db"
    with private_temp_folder(database) as folder:
        (folder / "print.pdf").write_bytes(b"%PDF-")
        assert remove_leftovers(database) == 0
        assert (folder / "print.pdf").exists()


def test_folders_without_a_lock_are_removed_and_what_is_not_ours_is_left(tmp_path):
    database = tmp_path / "jaring.db"
    root = temp_root(database)
    (root / "0123456789abcdef").mkdir(parents=True)  # its lock already gone
    (root / "0123456789abcdef" / "openpyxl.x1").write_text("6208014507900001")
    (root / "notes").mkdir()  # someone's own folder of that name: not ours
    (root / "notes.txt").write_text("mine")
    assert remove_leftovers(database) == 1
    assert sorted(p.name for p in root.iterdir()) == ["notes", "notes.txt"]
    assert remove_leftovers(tmp_path / "nothing-here.db") == 0


def test_start_removes_leftovers_and_names_the_folder_of_jobs_without_a_database(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(private_temp, "_default_database", None)
    database = tmp_path / "jaring.db"
    (temp_root(database) / "fedcba9876543210").mkdir(parents=True)
    assert private_temp.start(database) == 1
    with private_temp_folder() as folder:
        assert folder.parent == temp_root(database)


def test_without_a_database_a_job_uses_an_owner_only_folder_of_its_own(monkeypatch):
    monkeypatch.setattr(private_temp, "_default_database", None)
    with private_temp_folder() as folder:
        if os.name == "posix":
            assert folder.stat().st_mode & 0o777 == 0o700
        assert tempfile.gettempdir() == str(folder)
    assert not folder.exists()
