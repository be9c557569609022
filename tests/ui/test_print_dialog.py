"""Printing from the GUI: what the list and the form ask to print, and the print dialog's
PDF (on a worker, with cancel) and printer paths."""

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from demo.fill import fill_demo
from models.db import database_path
from models.store import RegistrationStore
from tests.factories import siti
from ui.print_dialog import PrintDialog, save_pdf_job
from ui.printing.paper import PrintCancelled
from ui.printing.request import BLANK, FORMS, LIST, RECEIPTS, blank_form_request, by_ids

needs_pdfinfo = pytest.mark.skipif(
    shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is missing"
)


def pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    return int(next(line.split()[-1] for line in lines if line.startswith("Pages:")))


@pytest.fixture(autouse=True)
def opened(monkeypatch):
    """What the main window would open the print dialog for (a modal dialog would wait)."""
    requests = []
    monkeypatch.setattr("ui.print_dialog.open_print_dialog",
                        lambda parent, db, path, request: requests.append(request))  # fmt: skip
    return requests


@pytest.fixture
def filled(window):
    fill_demo(window.db, 8, seed=2, today=date(2026, 11, 27))
    window.records.refresh()
    return window


def requests_of(signal_owner):
    caught = []
    signal_owner.print_requested.connect(caught.append)
    return caught


def test_the_list_asks_for_the_selected_forms_in_its_order(filled, answers, opened):
    page = filled.records
    caught = requests_of(page)
    answers.queue.append("ok")
    page.print_selected_forms()  # nothing selected: says so, asks nothing else
    assert caught == [] and "Pilih dulu" in answers.asked[-1].text
    selection = page.table.selectionModel()
    for row in (3, 1):
        selection.select(page.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
    page.print_selected_forms()
    page.print_selected_receipts()
    forms, receipts = caught
    assert (forms.kind, receipts.kind, forms.count) == (FORMS, RECEIPTS, 2)
    wanted = [page.model.registration_id(1), page.model.registration_id(3)]
    assert [r.id for r in forms.load(filled.db)] == wanted
    assert opened == caught  # the main window opened the print dialog for each


def test_the_list_asks_for_what_it_shows_and_for_its_desa(filled):
    page = filled.records
    caught = requests_of(page)
    page.print_shown_forms()
    page.desa.setCurrentIndex(0)
    page.print_list()
    page.print_blank()
    shown, listed, blank = caught
    assert shown.count == page.model.rowCount() == len(shown.load(filled.db)) == 8
    everyone = [r for r in shown.load(filled.db) if r.status not in ("draft", "rejected")]
    assert listed.kind == LIST and listed.landscape
    assert listed.count == len(listed.load(filled.db)) == len(everyone)
    assert blank.kind == BLANK and blank.load(filled.db) == [None]


def test_printing_from_the_form_saves_unsaved_typing_first(window):
    form = window.form
    caught = requests_of(form)
    form.load(siti())
    form.full_name.setText("Siti Aminah Lestari")
    form.print_this(FORMS)
    (request,) = caught
    (printed,) = request.load(window.db)
    assert printed.full_name == "Siti Aminah Lestari"
    assert RegistrationStore(window.db).get(printed.id).full_name == "Siti Aminah Lestari"
    assert form.registration_id() == printed.id and not form.is_dirty()  # still on screen


@needs_pdfinfo
def test_saving_a_pdf_runs_on_a_worker_and_says_where(qtbot, filled, answers, chooser, tmp_path):
    ids = [filled.records.model.registration_id(row) for row in range(3)]
    dialog = PrintDialog(filled.db, database_path(filled.db), by_ids(FORMS, "Formulir", ids))
    dialog.paper.setCurrentIndex(dialog.paper.findData("F4"))
    chooser.append([str(tmp_path / "tiga")])  # ".pdf" is added
    answers.queue.append("ok")
    dialog.save_pdf()
    qtbot.waitUntil(lambda: dialog.last_pdf is not None, timeout=20000)
    assert dialog.last_pdf == tmp_path / "tiga.pdf" and pages(dialog.last_pdf) == 3
    assert "3 halaman" in answers.asked[-1].text
    dialog.deleteLater()


def test_a_cancelled_pdf_leaves_no_file(filled, tmp_path):
    ids = [filled.records.model.registration_id(row) for row in range(3)]
    job = save_pdf_job(by_ids(FORMS, "Formulir", ids), tmp_path / "x.pdf", "A4")
    before = set(tmp_path.iterdir())
    with pytest.raises(PrintCancelled):
        job(filled.db, lambda done, total, text: None, lambda: True)
    assert set(tmp_path.iterdir()) == before  # no PDF, no temporary file


@needs_pdfinfo
def test_the_printer_path_paints_the_same_pages(qtbot, filled, tmp_path, monkeypatch):
    printers = []

    class PrintChooser:
        """The system's print dialog, answered "Cetak" with a printer that writes a PDF."""

        def __init__(self, printer, parent):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / "printer.pdf"))
            printers.append(printer)

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr("ui.print_dialog.QPrintDialog", PrintChooser)
    dialog = PrintDialog(filled.db, database_path(filled.db), blank_form_request("Kosong"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("F4"))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    (printer,) = printers
    assert printer.docName() == "Kosong"
    size = printer.pageLayout().pageSize().size(QPageSize.Unit.Millimeter)
    assert (round(size.width()), round(size.height())) == (215, 330)  # F4, as chosen
    assert pages(tmp_path / "printer.pdf") == 1
    dialog.deleteLater()


def test_enter_saves_the_pdf_rather_than_closing(qtbot, window, chooser):
    dialog = PrintDialog(window.db, database_path(window.db), blank_form_request("Kosong"))
    qtbot.addWidget(dialog)
    dialog.show()
    closed = []
    dialog.rejected.connect(lambda: closed.append(True))
    chooser.append([])  # the save dialog is cancelled
    qtbot.keyClick(dialog.paper, Qt.Key.Key_Return)
    assert chooser.requests[-1].title == "Simpan sebagai PDF"
    assert closed == [] and dialog.isVisible()


def test_the_pdf_is_offered_in_documents_then_in_the_folder_used_last(
    qtbot, window, chooser, answers, tmp_path
):
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    dialog = PrintDialog(window.db, database_path(window.db), blank_form_request("Kosong"))
    qtbot.addWidget(dialog)
    chooser.append([str(tmp_path / "kosong.pdf")])
    answers.queue.append("ok")
    dialog.save_pdf()
    qtbot.waitUntil(lambda: dialog.last_pdf is not None, timeout=20000)
    first = Path(chooser.requests[0].suggested)
    assert str(first.parent) == documents and first.name == "formulir-kosong.pdf"
    chooser.append([])
    dialog.save_pdf()
    assert Path(chooser.requests[1].suggested).parent == tmp_path
