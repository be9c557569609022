"""Print jobs: what each PDF holds, what is refused before anything is written, and a
cancelled job that leaves nothing behind. (They paint with QtGui; `qapp` is the test run's
one Qt application, which the jobs use as they would the GUI's.)"""

import subprocess
from datetime import date

import pytest

from demo.fill import fill_demo
from models.nominatif import registrations_for_list
from ui.printing.paper import PrintCancelled
from ui.printing.print_jobs import print_forms, print_list, print_summary, write_request_pdf
from ui.printing.request import FORMS, by_ids

TODAY = date(2026, 11, 27)


def pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(line.split()[-1] for line in out.stdout.splitlines()
                    if line.startswith("Pages:")))  # fmt: skip


@pytest.fixture
def filled(db, qapp):
    fill_demo(db, 9, seed=5, today=TODAY)
    return db


def test_forms_of_chosen_ids_in_their_order_or_of_everyone_on_the_lists(filled, tmp_path):
    everyone = registrations_for_list(filled)
    chosen = [everyone[2].id, everyone[0].id]
    two = print_forms(filled, tmp_path / "dua.pdf", ids=chosen, paper="F4", today=TODAY)
    assert (two.path, two.pages, two.count) == (tmp_path / "dua.pdf", 2, 2)
    assert pages(two.path) == 2
    allof = print_forms(filled, tmp_path / "semua.pdf", today=TODAY)
    assert allof.count == allof.pages == len(everyone) == pages(allof.path)
    blank = print_forms(filled, tmp_path / "kosong.pdf", blank=True, today=TODAY)
    assert (blank.pages, blank.count) == (1, 1)


def test_what_cannot_be_printed_is_refused_before_a_file_is_made(filled, db, tmp_path):
    with pytest.raises(ValueError, match="no registration with id nobody"):
        print_forms(filled, tmp_path / "x.pdf", ids=["nobody"], today=TODAY)
    with pytest.raises(ValueError, match=r"must be a \.pdf file"):
        print_forms(filled, tmp_path / "x.docx", blank=True, today=TODAY)
    with pytest.raises(ValueError, match=r"unknown region code 62\.08\.99"):
        print_list(filled, tmp_path / "x.pdf", kecamatan="62.08.99", today=TODAY)
    assert list(tmp_path.glob("x.*")) == []


def test_the_list_of_a_kecamatan_and_the_summary(filled, tmp_path):
    listed = print_list(filled, tmp_path / "daftar.pdf", kecamatan="62.08.01", today=TODAY)
    assert listed.count == len(registrations_for_list(filled, kecamatan="62.08.01"))
    assert listed.pages == pages(listed.path)
    summary = print_summary(filled, tmp_path / "ringkasan.pdf", today=TODAY, utc_offset_hours=7)
    assert (summary.pages, summary.target) == (1, 9863)
    assert pages(summary.path) == 1


def test_a_cancelled_job_leaves_no_file(filled, tmp_path):
    ids = [r.id for r in registrations_for_list(filled)[:3]]
    out = tmp_path / "pdf"
    out.mkdir()
    reported = []
    with pytest.raises(PrintCancelled):
        write_request_pdf(
            filled, by_ids(FORMS, "Formulir", ids), out / "batal.pdf", paper="A4",
            today=TODAY, progress=lambda *step: reported.append(step),
            cancelled=lambda: bool(reported),
        )  # fmt: skip
    assert reported == [(1, 3, "")]
    assert list(out.iterdir()) == []  # no PDF, no temporary file
