"""The dashboard's "Ringkasan untuk Bupati" button: the one-page summary of the figures, saved
as PDF or printed. It uses the figures on screen when both parts are in; otherwise it reads
them on a worker thread behind a progress dialog (several seconds at 500,000
registrations), never on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QPushButton

from models import dashboard as figures
from models.db import database_path
from models.formatting import arg
from ui import dialogs
from ui.worker import run_with_progress

if TYPE_CHECKING:
    from ui.dashboard_page import DashboardPage


class SummaryButton(QPushButton):
    """A button whose menu saves the summary of ``page``'s figures as PDF or prints it."""

    def __init__(self, page: DashboardPage):
        super().__init__(page)
        self.page = page
        self.setObjectName("summary_button")
        self.setText(self.tr("Ringkasan untuk Bupati"))
        menu = QMenu(self)
        menu.addAction(self.tr("Simpan PDF…"), self.save_summary_pdf)
        menu.addAction(self.tr("Cetak…"), self.print_summary)
        self.setMenu(menu)

    def save_summary_pdf(self) -> None:
        paths = dialogs.choose(
            self.page,
            dialogs.FileRequest(
                "save", self.tr("Simpan ringkasan"), self.tr("PDF (*.pdf)"),
                f"ringkasan-capaian-{self.page.today().isoformat()}.pdf",
            ),
        )  # fmt: skip
        if not paths:
            return
        path = Path(paths[0])
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        self._with_whole(lambda data: self._write_summary(path, data))

    def _write_summary(self, path: Path, data: figures.Dashboard) -> None:
        from ui.printing.context import print_context
        from ui.printing.paper import write_pdf
        from ui.printing.summary import paint_summary

        context = print_context(self.page.db, today=data.today, regions=self.page.regions)
        try:
            write_pdf(path, lambda device: paint_summary(device, data, context),
                      title=self.tr("Ringkasan capaian"))  # fmt: skip
        except OSError as exc:
            dialogs.inform(self.page, self.tr("Gagal menyimpan"),
                           arg(self.tr("PDF tidak bisa ditulis: %1"), exc), error=True)  # fmt: skip
            return
        dialogs.inform(self.page, self.tr("Ringkasan tersimpan"), str(path))

    def print_summary(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ui.printing.context import print_context
        from ui.printing.paper import page_layout
        from ui.printing.summary import paint_summary

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout("A4"))
        dialog = QPrintDialog(printer, self.page)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return

        def paint(data: figures.Dashboard) -> None:
            context = print_context(self.page.db, today=data.today, regions=self.page.regions)
            paint_summary(printer, data, context)

        self._with_whole(paint)

    def _with_whole(self, then: Callable[[figures.Dashboard], None]) -> None:
        """Call ``then`` with every figure for the summary: those shown, or (details not in
        yet, or registrations changed since) read afresh on a worker thread behind a
        progress dialog."""
        shown = self.page.shown_figures()
        if shown is not None:
            then(shown)
            return
        today, offset = self.page.today(), self.page.utc_offset_hours

        def failed(exc: Exception) -> None:
            text = arg(self.tr("Angka tidak bisa dibaca: %1"), exc)
            dialogs.inform(self.page, self.tr("Ringkasan"), text, error=True)

        def read(db, progress, cancelled) -> figures.Dashboard | None:
            data = figures.dashboard(db, today=today, utc_offset_hours=offset)
            return None if cancelled() else data  # cancelled: nothing is written

        run_with_progress(
            self.page, database_path(self.page.db), self.tr("Membaca angka untuk ringkasan…"),
            read, lambda data: then(data) if data is not None else None, failed,
            self.tr("Batal"),
        )  # fmt: skip
