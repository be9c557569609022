"""Printing from the GUI: one dialog for every printable kind, with the paper (A4 or F4),
print preview, printing, and saving as PDF.

Saving a PDF runs on a worker thread with a progress bar and Cancel (a cancelled or failed
job leaves no file). The preview and the printer are painted on the GUI thread, as Qt's
preview requires, behind a progress dialog whose Cancel stops at the next page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from models.formatting import arg
from ui import dialogs
from ui.i18n.formats import thousands
from ui.i18n.messages import explain
from ui.printing.context import print_context
from ui.printing.paper import PrintCancelled, page_layout
from ui.printing.print_jobs import paint_request, write_request_pdf
from ui.printing.request import BLANK, FORMS, HEIR_NOTE, LIST, RECEIPTS, RENEWAL, PrintRequest
from ui.worker import run_with_progress


def save_pdf_job(request: PrintRequest, path: Path, paper: str, today: date | None = None):
    """The worker job that writes ``request`` as a PDF at ``path`` (`ui.printing.print_jobs`, as
    the command line); it returns (path, pages)."""
    today = today or date.today()

    def job(db, progress, cancelled):
        done = write_request_pdf(db, request, path, paper=paper, today=today, progress=progress,
                                 cancelled=cancelled)  # fmt: skip
        return done.path, done.pages

    return job


class PrintDialog(QDialog):
    """Paper, then preview, print or save as PDF."""

    def __init__(self, db: Database, db_path: Path, request: PrintRequest, parent=None):
        super().__init__(parent)
        self.db = db
        self.db_path = db_path
        self.request = request
        self.setWindowTitle(request.title)
        self.setObjectName("print_dialog")
        self.paper = QComboBox(objectName="paper")
        self.paper.addItem(self.tr("A4 (210 × 297 mm)"), "A4")
        self.paper.addItem(self.tr("F4 / Folio (215 × 330 mm)"), "F4")
        summary = QLabel(self._summary(), objectName="print_summary")
        summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Ukuran kertas:"), self.paper)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        # Qt has no Indonesian translation of its own buttons.
        close.setText(self.tr("Tutup"))
        # Enter saves the PDF; Tutup is for Escape or a click.
        close.setAutoDefault(False)
        self.preview_button = QPushButton(self.tr("Pratinjau…"), objectName="preview_button")
        self.print_button = QPushButton(self.tr("Cetak…"), objectName="print_button")
        self.pdf_button = QPushButton(self.tr("Simpan PDF…"), objectName="pdf_button")
        for button in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_now)
        self.pdf_button.clicked.connect(self.save_pdf)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # Only once the button is in the dialog does the dialog know its default.
        self.pdf_button.setDefault(True)
        if request.count == 0:
            for button in (self.preview_button, self.print_button, self.pdf_button):
                button.setEnabled(False)
        self.last_pdf: Path | None = None

    def _summary(self) -> str:
        count = thousands(self.request.count)
        texts = {
            FORMS: self.tr("%1 formulir pendaftaran, satu halaman per pendaftaran."),
            BLANK: self.tr("Formulir kosong untuk diisi tangan."),
            RECEIPTS: self.tr("%1 tanda terima untuk pekerja, dua per halaman."),
            LIST: self.tr("Daftar nominatif berisi %1 pendaftaran."),
            RENEWAL: self.tr("Daftar perpanjangan berisi %1 peserta."),
            HEIR_NOTE: self.tr("%1 keterangan untuk ahli waris, satu halaman per peserta."),
        }
        return arg(texts[self.request.kind], count)

    def paper_code(self) -> str:
        return self.paper.currentData()

    # --- PDF, on a worker ----------------------------------------------------------------

    def save_pdf(self) -> None:
        chosen = dialogs.choose(
            self,
            dialogs.FileRequest(
                "save", self.tr("Simpan sebagai PDF"), "PDF (*.pdf)", self.request.file_name
            ),
        )
        if not chosen:
            return
        path = Path(chosen[0])
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        run_with_progress(
            self, self.db_path, self.tr("Menyiapkan PDF…"),
            save_pdf_job(self.request, path, self.paper_code()),
            self._saved, self._failed, self.tr("Batal"),
        )  # fmt: skip

    def _saved(self, result) -> None:
        path, pages = result
        self.last_pdf = path
        dialogs.inform(
            self,
            self.tr("PDF tersimpan"),
            arg(self.tr("%1 halaman tersimpan di:\n%2"), thousands(pages), path),
        )

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, PrintCancelled):
            dialogs.inform(self, self.windowTitle(),
                           self.tr("Dibatalkan. Tidak ada berkas yang ditulis."))  # fmt: skip
            return
        dialogs.inform(self, self.tr("Gagal mencetak"), explain(exc), error=True,
                       details=getattr(exc, "details", str(exc)))  # fmt: skip

    # --- preview and printer, on the GUI thread --------------------------------------------

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.paper_code(), self.request.landscape))
        printer.setDocName(self.request.title)
        return printer

    def preview(self) -> None:
        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.request.title)
        dialog.paintRequested.connect(self.paint_on)
        dialog.resize(1000, 760)
        dialog.exec()

    def print_now(self) -> None:
        printer = self._printer()
        chooser = QPrintDialog(printer, self)
        if chooser.exec() == QDialog.DialogCode.Accepted:
            self.paint_on(printer)

    def paint_on(self, printer) -> int:
        """Paint the request onto ``printer`` behind a progress dialog; pages painted (0
        when cancelled or failed, which the user is told)."""
        progress = QProgressDialog(self.tr("Menyiapkan halaman…"), self.tr("Batal"), 0,
                                   max(self.request.count, 1), self)  # fmt: skip
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def step(done: int, total: int) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(done)
            QCoreApplication.processEvents()

        try:
            registrations = self.request.load(self.db)
            context = print_context(self.db, paper=self.paper_code())
            return paint_request(self.request, printer, registrations, context, step,
                                 progress.wasCanceled)  # fmt: skip
        except PrintCancelled:
            return 0
        except Exception as exc:  # a printer that failed, a database error: say so
            self._failed(exc)
            return 0
        finally:
            progress.close()
            progress.deleteLater()


def open_print_dialog(parent: QWidget, db: Database, db_path: Path, request: PrintRequest):
    dialog = PrintDialog(db, db_path, request, parent)
    dialog.exec()
    return dialog
