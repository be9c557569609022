"""BPJS's result file (NIK -> KPJ) into the master list: a dry run first, what it would do,
and for real only after the user has seen that and confirmed (`app.excel_jobs`, as the
command line's ``excel-import --kpj``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.excel_jobs import import_kpj
from excel.list_import import ExcelImportError, ImportCancelled
from models.formatting import arg
from ui import dialogs
from ui.excel_import.texts import EXCEL_FILTER
from ui.i18n import messages
from ui.i18n.formats import thousands
from ui.i18n.messages import explain, import_error_text, kpj_conflict_text
from ui.worker import run_with_progress


class KpjImport(QObject):
    """BPJS's result file (NIK -> KPJ): a dry run, what it would do, then for real."""

    imported = Signal(object)  # the KpjResult of the real run

    DETAIL_LINES = 15  # rows listed under the question; a message box has no scroll bar

    def __init__(self, parent: QWidget, db_path: Path, actor: str):
        super().__init__(parent)
        self.widget = parent
        self.db_path = db_path
        self.actor = actor
        self.path: Path | None = None
        self.preview = None
        self.result = None

    def start(self) -> bool:
        chosen = dialogs.choose(
            self.widget,
            dialogs.FileRequest("open", self.tr("Pilih berkas hasil BPJS (KPJ)"), EXCEL_FILTER),
        )
        if not chosen:
            return False
        self.path = Path(chosen[0])
        self._run(dry_run=True)
        return True

    def _run(self, dry_run: bool) -> None:
        path, actor = self.path, self.actor
        title = (
            arg(self.tr("Memeriksa %1…"), path.name) if dry_run else self.tr("Mencatat nomor KPJ…")
        )
        run_with_progress(
            self.widget, self.db_path, title,
            lambda db, progress, cancelled: import_kpj(
                db, path, actor, dry_run=dry_run, progress=progress, cancelled=cancelled
            ),
            self._checked if dry_run else self._done, self._failed, self.tr("Batal"),
        )  # fmt: skip

    def summary(self, result) -> str:
        lines = [
            arg(self.tr("%1 baris terbaca dari %2."), thousands(result.rows_read), self.path.name),
            arg(self.tr("%1 pendaftaran mendapat nomor KPJ dan berstatus Terdaftar."),
                thousands(result.registered)),
        ]  # fmt: skip
        figures = (
            (result.unchanged, self.tr("%1 sudah tercatat dengan KPJ yang sama.")),
            (len(result.unknown_niks), self.tr("%1 NIK tidak ada di daftar induk; dilewati.")),
            (len(result.conflicts),
             self.tr("%1 konflik (KPJ atau NIK ganda); dilewati, lihat rinciannya.")),
            (len(result.problems),
             self.tr("%1 masalah pada baris yang tidak terbaca; lihat rinciannya.")),
        )  # fmt: skip
        lines += [arg(text, thousands(n)) for n, text in figures if n]
        return "\n".join(lines)

    def conflict_text(self, conflict: dict) -> str:
        return kpj_conflict_text(conflict.get("reason", ""), conflict.get("existing_kpj", ""))

    def details(self, result) -> str:
        """Row by row: the conflicts, the unreadable rows, then the unknown NIKs (the
        first need a look most)."""
        lines = [
            arg(self.tr("Baris %1: NIK %2, KPJ %3: %4"), item["row"], item["nik"], item["kpj"],
                self.conflict_text(item))
            for item in result.conflicts
        ] + [
            arg(self.tr("Baris %1: %2"), item.row, messages.problem_text(item.problem))
            for item in result.problems
        ] + [
            arg(self.tr("Baris %1: NIK %2 tidak dikenal"), item["row"], item["nik"])
            for item in result.unknown_niks
        ]  # fmt: skip
        if len(lines) > self.DETAIL_LINES:
            more = len(lines) - self.DETAIL_LINES
            more_text = arg(self.tr("… dan %1 lainnya."), thousands(more))
            lines = [*lines[: self.DETAIL_LINES], more_text]
        return "\n".join(lines)

    def _checked(self, result) -> None:
        self.preview = result
        if not result.registered:
            dialogs.inform(
                self.widget, self.tr("Tidak ada yang dicatat"),
                self.summary(result) + "\n\n" + self.tr("Tidak ada yang berubah."),
                details=self.details(result),
            )  # fmt: skip
            return
        if dialogs.confirm(
            self.widget,
            self.tr("Catat hasil BPJS?"),
            self.summary(result) + "\n\n" + self.tr("Catat sekarang?"),
            self.tr("Catat"),
            self.tr("Batal"),
            details=self.details(result),
        ):
            self._run(dry_run=False)

    def _done(self, result) -> None:
        self.result = result
        self.imported.emit(result)
        dialogs.inform(self.widget, self.tr("Hasil BPJS tercatat"), self.summary(result),
                       details=self.details(result))  # fmt: skip

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ImportCancelled):
            return
        if isinstance(exc, ExcelImportError) and exc.code == "no_header":
            text = self.tr("Kolom NIK dan Nomor KPJ tidak ditemukan di 10 baris pertama lembar "
                           "mana pun. Berkas ini hasil dari BPJS?")  # fmt: skip
        elif isinstance(exc, ExcelImportError):
            text = import_error_text(exc)
        else:
            text = explain(exc)
        dialogs.inform(self.widget, self.tr("Hasil BPJS tidak bisa dibaca"), text, error=True,
                       details=getattr(exc, "details", str(exc)))  # fmt: skip
