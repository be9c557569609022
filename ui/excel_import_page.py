"""District: a village's Excel list into the master list (BPJS's KPJ numbers back are
`ui.excel_import.kpj`).

The village list goes through a small wizard: the workbook is read and checked on a worker
(nothing written), columns Jaring could not place are placed by hand once (remembered in the
settings for the next village), every row is shown with what would happen to it, and only
after the user confirms are the rows written, in one transaction. The steps are widgets of
their own (`ui.excel_import`); this dialog chains them, reads and writes through the use
cases the command line's ``excel-import`` calls (`app.excel_jobs`).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QStackedWidget, QVBoxLayout, QWidget
from sqlite_utils import Database

from app.excel_jobs import read_list, write_list
from excel.import_preview import columns_to_place, doubled_fields, remembered_mapping
from excel.list_import import ExcelImportError, ImportCancelled, ImportPlan, ImportResult
from models.formatting import arg
from models.settings import load_settings, save_settings
from ui import dialogs
from ui.excel_import.file_step import FileStep
from ui.excel_import.kpj import KpjImport
from ui.excel_import.mapping_step import MappingStep
from ui.excel_import.preview_step import PreviewStep
from ui.excel_import.texts import EXCEL_FILTER, field_list
from ui.i18n.formats import thousands
from ui.i18n.messages import explain, import_error_text
from ui.worker import run_with_progress

__all__ = ["ExcelImportDialog", "KpjImport"]  # KpjImport lives in ui.excel_import.kpj


class ExcelImportDialog(QDialog):
    """Choose a workbook, place its columns, look at every row, then import."""

    imported = Signal(object)  # the ImportResult, after rows were written
    mapping_remembered = Signal()  # the settings changed

    MAPPING, PREVIEW = 0, 1

    def __init__(self, db: Database, db_path: Path, actor: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.db_path = db_path
        self.actor = actor
        self.path: Path | None = None
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.setObjectName("excel_import_dialog")
        self.setWindowTitle(self.tr("Impor daftar dari desa"))

        self.file_step = FileStep()
        self.mapping_step = MappingStep()
        self.preview_step = PreviewStep()
        self.pages = QStackedWidget(objectName="pages")
        self.pages.addWidget(self.mapping_step)
        self.pages.addWidget(self.preview_step)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_step)
        layout.addWidget(self.pages, 1)
        self.file_step.sheet_chosen.connect(self._sheet_chosen)
        self.file_step.other_file_requested.connect(self.begin)
        self.mapping_step.next_requested.connect(self.apply_mapping)
        self.mapping_step.close_requested.connect(self.reject)
        self.preview_step.import_requested.connect(self.import_rows)
        self.preview_step.close_requested.connect(self.reject)
        self.resize(980, 620)

    # --- reading, on a worker ---------------------------------------------------------------

    def begin(self) -> bool:
        """Ask for a workbook and read it; False when the user chose none."""
        chosen = dialogs.choose(
            self, dialogs.FileRequest("open", self.tr("Pilih daftar dari desa"), EXCEL_FILTER)
        )
        if not chosen:
            return False
        self.read(Path(chosen[0]))
        return True

    def read(self, path: Path, sheet: str | None = None, placed: bool = False) -> None:
        """Read and check ``path`` on a worker, with the columns placed by hand before;
        writes nothing. ``placed``: the user has just placed the columns, so the preview
        follows even if some are still unplaced."""
        remembered = load_settings(self.db).excel_mapping

        def job(db, progress, cancelled):
            return read_list(db, path, sheet=sheet, remembered=remembered,
                                     progress=progress, cancelled=cancelled)  # fmt: skip

        run_with_progress(
            self.parentWidget() if not self.isVisible() and self.parentWidget() else self,
            self.db_path, arg(self.tr("Membaca %1…"), path.name), job,
            lambda plan: self._read_done(path, plan, placed), self._read_failed,
            self.tr("Batal"),
        )  # fmt: skip

    def _read_done(self, path: Path, plan: ImportPlan, placed: bool = False) -> None:
        self.path, self.plan, self.result = path, plan, None
        self.file_step.show_plan(plan)
        remembered = load_settings(self.db).excel_mapping
        to_place = [] if placed else columns_to_place(plan, remembered)
        if to_place:
            self.mapping_step.show_columns(plan, to_place, remembered)
            self.pages.setCurrentIndex(self.MAPPING)
        else:
            self.preview_step.show_plan(plan)
            self.pages.setCurrentIndex(self.PREVIEW)
        if not self.isVisible():
            self.show()
        self.raise_()
        self.activateWindow()

    def _read_failed(self, exc: Exception) -> None:
        if isinstance(exc, ImportCancelled):
            return
        text = import_error_text(exc) if isinstance(exc, ExcelImportError) else explain(exc)
        dialogs.inform(self, self.tr("Berkas tidak bisa dibaca"), text, error=True,
                       details=getattr(exc, "details", str(exc)))  # fmt: skip

    def _sheet_chosen(self, chosen: str) -> None:
        if self.path is not None and self.plan is not None and chosen != self.plan.sheet:
            self.read(self.path, chosen)

    # --- placing columns ----------------------------------------------------------------------

    def apply_mapping(self) -> None:
        """Remember the choices, then read the workbook again with them."""
        chosen = self.mapping_step.chosen_mapping()
        if doubled := doubled_fields(chosen):
            dialogs.inform(
                self, self.tr("Kolom ganda"),
                arg(self.tr("%1 dipilih untuk lebih dari satu kolom. Pilih satu kolom saja."),
                    field_list(doubled)),
            )  # fmt: skip
            return
        settings = load_settings(self.db)
        mapping = remembered_mapping(settings.excel_mapping, chosen)
        save_settings(self.db, dataclasses.replace(settings, excel_mapping=mapping))
        self.mapping_remembered.emit()
        self.read(self.path, self.plan.sheet, placed=True)

    # --- importing, after confirmation ------------------------------------------------------------

    def import_rows(self) -> None:
        counts = self.preview_step.counts
        if not counts.importable or self.result is not None:
            return
        text = arg(
            self.tr("Impor %1 pendaftaran dari %2 ke daftar induk? %3 siap dan %4 sebagai draf."),
            thousands(counts.importable), self.path.name, thousands(counts.ready),
            thousands(counts.draft),
        )  # fmt: skip
        if counts.left_out:
            text += " " + arg(
                self.tr("%1 baris ditolak atau duplikat tidak diimpor."), thousands(counts.left_out)
            )
        if not dialogs.confirm(
            self, self.tr("Impor pendaftaran?"), text, self.tr("Impor"), self.tr("Batal")
        ):
            return
        plan, actor = self.plan, self.actor
        run_with_progress(
            self, self.db_path, self.tr("Menyimpan pendaftaran…"),
            lambda db, progress, cancelled: write_list(db, plan, actor),
            self._written, self._write_failed, self.tr("Batal"),
        )  # fmt: skip

    def _written(self, result: ImportResult) -> None:
        self.result = result
        self.preview_step.mark_imported()
        self.imported.emit(result)
        dialogs.inform(self, self.tr("Impor selesai"), self.result_text(result))

    def result_text(self, result: ImportResult) -> str:
        text = arg(
            self.tr("%1 pendaftaran masuk ke daftar induk: %2 siap kirim, %3 sebagai draf."),
            thousands(result.written), thousands(result.ready), thousands(result.draft),
        )  # fmt: skip
        if skipped := self.preview_step.counts.skipped(result.written):
            text += " " + arg(
                self.tr("%1 baris dilewati: NIK-nya terdaftar sejak berkas dibaca."),
                thousands(skipped),
            )
        return text

    def _write_failed(self, exc: Exception) -> None:
        text = import_error_text(exc) if isinstance(exc, ExcelImportError) else explain(exc)
        dialogs.inform(
            self, self.tr("Impor gagal"),
            text + "\n" + self.tr("Tidak ada pendaftaran yang masuk."),
            error=True, details=getattr(exc, "details", str(exc)),
        )  # fmt: skip
