"""A PDF printed to a file: painted in the app's private folder, checked whole and only then
put in place, owner-only. Qt's PDF writer does not report a full disk, so a truncated PDF
must be caught by reading it back: an error, and no file. A file name the system cannot
hold is refused before anything is painted."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from demo.fill import fill_demo
from models.private_temp import temp_root
from tests.cli import run_cli
from ui.printing import paper
from ui.printing.paper import PdfWriteError
from ui.printing.pdf_check import pdf_problem
from ui.printing.print_jobs import print_forms, print_list, print_summary

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 27)
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes and rlimits are POSIX")


@pytest.fixture
def filled(db, qapp):
    fill_demo(db, 30, seed=5, today=TODAY)
    return db


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def out(tmp_path) -> Path:
    """A USB stick's folder."""
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def private_files(tmp_path) -> list[Path]:
    root = temp_root(tmp_path / "jaring.db")
    return sorted(root.rglob("*")) if root.exists() else []


@posix_only
def test_a_pdf_is_painted_in_the_private_folder_and_is_the_owners_only(
    filled, tmp_path, out, umask_022, monkeypatch
):
    seen = []
    paint = paper.QPdfWriter

    def writer(name):  # what is where while the pages are painted
        seen.append((sorted(out.iterdir()), Path(name), os.stat(name).st_mode & 0o777))
        return paint(name)

    monkeypatch.setattr(paper, "QPdfWriter", writer)
    done = print_list(filled, out / "daftar.pdf", today=TODAY)
    [(beside_the_output, painted, mode)] = seen
    assert beside_the_output == []  # no hidden half PDF on the stick
    assert painted.parent.parent == temp_root(tmp_path / "jaring.db") and mode == 0o600
    assert sorted(out.iterdir()) == [done.path]
    assert done.path.stat().st_mode & 0o777 == 0o600
    assert private_files(tmp_path) == [] and not temp_root(tmp_path / "jaring.db").exists()


def test_a_whole_pdf_passes_the_check_and_a_broken_one_does_not(filled, tmp_path):
    done = print_list(filled, tmp_path / "daftar.pdf", today=TODAY)
    whole = done.path.read_bytes()
    assert done.pages > 1 and pdf_problem(done.path, done.pages) is None
    assert pdf_problem(done.path, done.pages + 1) is not None  # a page missing
    broken = tmp_path / "broken.pdf"
    for cut in (0, 9, 4096, len(whole) // 2, len(whole) - 40, len(whole) - 7):
        broken.write_bytes(whole[:cut])
        assert pdf_problem(broken, done.pages) is not None, cut
    middle = len(whole) // 2  # bytes lost in the middle: the objects after it moved
    broken.write_bytes(whole[:middle] + whole[middle + 4096 :])
    assert pdf_problem(broken, done.pages) is not None
    broken.write_bytes(whole.replace(b"%PDF-", b"%PDX-", 1))
    assert pdf_problem(broken, done.pages) is not None


def truncating(monkeypatch, keep: float) -> None:
    """Qt's writer losing the end of the file, silently, as it does on a full disk."""
    paint_into = paper._paint_into

    def losing_the_end(name, *args, **kwargs):
        pages = paint_into(name, *args, **kwargs)
        os.truncate(name, int(os.path.getsize(name) * keep))
        return pages

    monkeypatch.setattr(paper, "_paint_into", losing_the_end)


def test_a_truncated_pdf_is_an_error_and_no_file(filled, tmp_path, out, monkeypatch):
    (out / "daftar.pdf").write_bytes(b"yesterday's list")
    truncating(monkeypatch, 0.6)
    with pytest.raises(PdfWriteError) as failed:
        print_list(filled, out / "daftar.pdf", today=TODAY)
    assert failed.value.errno == errno.ENOSPC  # the GUI says: the disk is full
    assert "tidak tertulis utuh" in str(failed.value)
    assert sorted(out.iterdir()) == [out / "daftar.pdf"]
    assert (out / "daftar.pdf").read_bytes() == b"yesterday's list"
    assert private_files(tmp_path) == []


@pytest.fixture
def another_file_system(monkeypatch):
    """The output on a USB stick: the painted PDF cannot be renamed there, only copied."""
    rename = os.replace

    def replace(source, target):
        if Path(source).name.startswith("print-"):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return rename(source, target)

    monkeypatch.setattr(os, "replace", replace)


@posix_only
def test_on_another_file_system_the_pdf_is_copied_whole_and_owner_only(
    filled, tmp_path, out, another_file_system, umask_022
):
    done = print_summary(filled, out / "ringkasan.pdf", today=TODAY, utc_offset_hours=7)
    assert sorted(out.iterdir()) == [done.path]
    assert pdf_problem(done.path, 1) is None
    assert done.path.stat().st_mode & 0o777 == 0o600
    assert private_files(tmp_path) == []


def test_a_full_stick_while_the_pdf_is_copied_is_an_error_and_no_file(
    filled, tmp_path, out, another_file_system, monkeypatch
):
    def full_stick(source, target):
        with open(target, "wb") as half:
            half.write(b"%PDF-1.4 half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", full_stick)
    with pytest.raises(PdfWriteError) as failed:
        print_summary(filled, out / "ringkasan.pdf", today=TODAY, utc_offset_hours=7)
    assert failed.value.errno == errno.ENOSPC
    assert str(failed.value).startswith(f"PDF tidak bisa disimpan di {out / 'ringkasan.pdf'}:")
    assert list(out.iterdir()) == []
    assert private_files(tmp_path) == []


#: Runs ``main(argv)`` with files limited to a size from the moment Qt's PDF writer is made:
#: a disk that fills up while the PDF is written (SIGXFSZ ignored, so writes fail instead).
_FULL_DISK = """
import resource, signal, sys
from ui.printing import paper
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
real = paper.QPdfWriter
def writer(name):
    resource.setrlimit(resource.RLIMIT_FSIZE, (12000, 12000))
    return real(name)
paper.QPdfWriter = writer
from main import main
sys.exit(main(sys.argv[1:]))
"""


@posix_only
@pytest.mark.parametrize(
    "command", [["print-forms"], ["print-list", "--kecamatan", "62.08.01"], ["print-summary"]]
)
def test_a_disk_that_fills_up_while_printing_is_an_error_and_no_file(
    filled, tmp_path, out, command
):
    target = out / "cetak.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    ran = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, *command, "--out", str(target), "--db",
         str(tmp_path / "jaring.db"), "--no-encryption"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert ran.returncode == 1, (ran.stdout, ran.stderr)
    assert ran.stderr.startswith(f"jaring {command[0]}: ") and len(ran.stderr.splitlines()) == 1
    assert "tidak tertulis utuh" in ran.stderr
    assert list(out.iterdir()) == []
    assert private_files(tmp_path) == []


def test_a_file_name_that_is_not_utf8_is_refused_and_nothing_is_left(filled, tmp_path, out, capsys):
    odd = Path(os.fsdecode(bytes(out) + b"/daftar-\xff.pdf"))
    failed = run_cli(capsys, "print-list", "--out", odd, "--db", tmp_path / "jaring.db")
    assert failed.code == 1 and len(failed.err.splitlines()) == 1
    assert "UTF-8" in failed.err
    assert list(out.iterdir()) == []
    assert private_files(tmp_path) == []
    with pytest.raises(ValueError, match="UTF-8"):
        print_forms(filled, odd, blank=True, today=TODAY)
    assert list(out.iterdir()) == []
