"""The one-page summary for the Bupati's office: written headless by `print-summary`, one
page, with the figures of the dashboard as a reader of the PDF sees them."""

import re

import pytest

from main import main
from models import dashboard as figures
from models.db import database_path
from tests.models.test_dashboard import TODAY, fill_sample
from tests.ui.printed import needs_poppler, pages, text
from ui.printing.context import print_context
from ui.printing.paper import write_pdf
from ui.printing.summary import paint_summary


@pytest.fixture
def sample(configured_db):
    return fill_sample(configured_db)


def _flat(pdf) -> str:
    return " ".join(text(pdf).split())


def _line(pdf, *cells: str) -> bool:
    """Whether one line of the laid-out page shows ``cells`` left to right."""
    pattern = r"\s+".join(re.escape(c) for c in cells)
    return any(re.search(pattern, line) for line in text(pdf, None, "-layout").splitlines())


@needs_poppler
def test_the_summary_shows_the_figures_on_one_page(qapp, sample, tmp_path):
    data = figures.dashboard(sample, today=TODAY, utc_offset_hours=7)
    context = print_context(sample, today=TODAY)
    pdf = tmp_path / "ringkasan.pdf"
    assert write_pdf(pdf, lambda device: paint_summary(device, data, context)) == 1
    assert pages(pdf) == 1
    seen = _flat(pdf)
    assert "5 dari 9.863 pekerja terdata (0,1 %)" in seen
    assert "1 sudah terdaftar di BPJS (punya KPJ): 0,0 % dari target" in seen
    assert "terlindungi (" not in seen
    assert "setelah minggu ini" not in seen  # no registration from the future here
    assert "Kabupaten Sukamara" in seen and "27-11-2026" in seen
    # Budget: APBD 3 workers Rp 76,400 a month; the full target at Rp 16,800.
    assert _line(pdf, "APBD", "3", "Rp 76.400", "Rp 916.800")
    # CSR and mandiri: PP 50/2025's discount in November 2026 (tests/models/test_dashboard)
    assert _line(pdf, "CSR", "1", "Rp 18.150", "Rp 217.800")
    assert _line(pdf, "Mandiri", "1", "Rp 8.400", "Rp 100.800")
    assert _line(pdf, "Jumlah", "5", "Rp 102.950", "Rp 1.235.400")
    assert _line(pdf, "Target penuh", "9.863", "Rp 165.698.400", "Rp 1.988.380.800")
    assert _line(pdf, "Siti", "4", "1", "1", "50,0 %", "1", "2,0", "4,0", "11-11-2026")
    for words in ("Petani / pekebun", "Laki-laki", "55+", "Sukamara", "Jelai", "Siti", "Budi"):
        assert words in seen, words
    assert "Draf: 1" in seen and "Ditolak: 1" in seen


@needs_poppler
def test_print_summary_on_the_command_line(sample, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("models.clock.today", lambda: TODAY)  # the day the command line reads
    pdf = tmp_path / "ringkasan.pdf"
    path = database_path(sample)
    assert (
        main(["--no-encryption", "print-summary", "--out", str(pdf), "--db", str(path), "--json"])
        == 0
    )
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert '"pages": 1' in last and '"counted": 5' in last and '"target": 9863' in last
    assert pages(pdf) == 1
    seen = _flat(pdf)
    assert "5 dari 9.863 pekerja terdata" in seen
    assert "keadaan per 27-11-2026" in seen
    assert "Rp 165.698.400" in seen and "Rp 1.988.380.800" in seen


def test_print_summary_refuses_a_file_that_is_not_a_pdf(sample, tmp_path, capsys):
    path = database_path(sample)
    assert (
        main(
            [
                "--no-encryption",
                "print-summary",
                "--out",
                str(tmp_path / "x.txt"),
                "--db",
                str(path),
            ]
        )
        == 1
    )
    assert "must be a .pdf" in capsys.readouterr().err
    assert not (tmp_path / "x.txt").exists()


def test_an_empty_database_prints_a_summary_too(qapp, configured_db, tmp_path):
    data = figures.dashboard(configured_db, today=TODAY)
    context = print_context(configured_db, today=TODAY)
    pdf = tmp_path / "kosong.pdf"
    assert write_pdf(pdf, lambda device: paint_summary(device, data, context)) == 1
    assert pdf.stat().st_size > 1000


def test_the_summary_paints_on_a_printer_too(qapp, sample, tmp_path):
    """What the page's *Cetak…* sends to a printer (here one that prints to a file)."""
    from PySide6.QtPrintSupport import QPrinter

    from ui.printing.paper import page_layout

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    printer.setPageLayout(page_layout("F4"))
    data = figures.dashboard(sample, today=TODAY)
    assert paint_summary(printer, data, print_context(sample, today=TODAY)) == 1
    del printer
    assert (tmp_path / "printer.pdf").read_bytes().startswith(b"%PDF")


@needs_poppler
def test_the_summary_notes_registrations_dated_in_the_future(qapp, sample, tmp_path):
    from models.store import RegistrationStore
    from tests.factories import person

    RegistrationStore(sample).insert_many(
        [person(9, "I", "62.08.01.2001", "ready", created_at="2031-03-04T03:00:00.000+00:00"),
         person(10, "J", "", "ready")],
        actor="test",
    )  # fmt: skip
    data = figures.dashboard(sample, today=TODAY, utc_offset_hours=7)
    pdf = tmp_path / "ringkasan.pdf"
    assert (
        write_pdf(
            pdf, lambda device: paint_summary(device, data, print_context(sample, today=TODAY))
        )
        == 1
    )
    assert pages(pdf) == 1
    seen = _flat(pdf)
    assert "1 pendaftaran bertanggal setelah minggu ini (jam laptop salah?)" in seen
    assert _line(pdf, "(tanpa desa)", "1")


@needs_poppler
@pytest.mark.parametrize(
    ("officer", "footer"),
    [
        ("Budi %2", "basis data lokal, 27-11-2026 oleh Budi %2."),
        ("", "basis data lokal, 27-11-2026."),
    ],
)
def test_the_footer_says_when_and_by_whom(qapp, configured_db, tmp_path, officer, footer):
    import dataclasses

    data = figures.dashboard(configured_db, today=TODAY)
    context = dataclasses.replace(print_context(configured_db, today=TODAY), officer=officer)
    pdf = tmp_path / "ringkasan.pdf"
    write_pdf(pdf, lambda device: paint_summary(device, data, context))
    assert footer in _flat(pdf)
