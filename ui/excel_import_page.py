"""District: a village's Excel list into the master list, and BPJS's KPJ numbers back.

The village list goes through a small wizard: the workbook is read and checked on a worker
(nothing written), columns Jaring could not place are placed by hand once (remembered in the
settings for the next village), every row is shown with what would happen to it, and only
after the user confirms are the rows written, in one transaction. BPJS's result file runs as
a dry run first, and for real only after the user has seen what it would do.
"""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from excel.headers import header_key
from excel.list_import import (
    FIELDS,
    ExcelImportError,
    ImportCancelled,
    import_kpj,
    missing_required,
    read_list,
    unmapped_headers,
    write_error_report,
    write_list,
)
from models.formatting import thousands
from models.settings import load_settings, save_settings
from ui import dialogs, labels
from ui.errors import explain
from ui.list_model import ListModel, list_view
from ui.worker import run_with_progress

EXCEL_FILTER = "Excel (*.xlsx)"
IGNORE = ""  # the mapping step's "Abaikan": the column is not read


def import_error_text(exc: ExcelImportError) -> str:
    """Why a workbook cannot be imported, and what to do (codes of `ExcelImportError`)."""
    translate = QCoreApplication.translate
    texts = {
        "not_xlsx": translate(
            "ExcelImport", "Berkas ini bukan buku kerja Excel (.xlsx). Buka di Excel atau "
            "LibreOffice, simpan sebagai .xlsx, lalu impor berkas itu."
        ),
        "old_xls": translate(
            "ExcelImport", "Berkas ini format Excel lama (.xls). Buka di Excel atau LibreOffice, "
            "simpan sebagai .xlsx, lalu impor berkas itu."
        ),
        "encrypted": translate(
            "ExcelImport", "Berkas ini dikunci dengan kata sandi. Buka di Excel, hapus kata "
            "sandinya (Simpan Sebagai tanpa kata sandi), lalu impor salinan itu."
        ),
        "empty": translate("ExcelImport", "Berkas atau lembar ini kosong. Salin ulang berkasnya."),
        "no_sheet": translate("ExcelImport", "Lembar yang dipilih tidak ada di berkas ini."),
        "no_header": translate(
            "ExcelImport", "Baris judul kolom tidak ditemukan di 10 baris pertama. Tulis judul "
            "kolom (NIK, Nama, Tanggal Lahir, …) dalam satu baris di atas data."
        ),
        "too_many_rows": translate(
            "ExcelImport", "Lembar ini terlalu banyak barisnya. Bagi menjadi beberapa berkas lalu "
            "impor satu per satu."
        ),
        "unreadable": translate(
            "ExcelImport", "Berkas rusak atau tidak lengkap (penyalinan terputus?). Salin ulang "
            "atau simpan ulang dari Excel."
        ),
    }  # fmt: skip
    return texts.get(exc.code, str(exc))


def outcome_key(row) -> str:
    """What importing would do with ``row``: "duplicate", "ready", "draft" or "rejected"."""
    return "duplicate" if row.duplicate_of else row.outcome


def problem_texts(row) -> list[str]:
    """A row's problems in words; a NIK repeated in the file names its first row, as the
    error report does."""
    texts = []
    for problem in row.problems:
        text = labels.problem_text(problem)
        if problem.code == "import.duplicate_in_file" and row.duplicate_of:
            text = f"{text} ({row.duplicate_of})"
        texts.append(text)
    return texts


class PreviewModel(ListModel):
    """The rows of an import plan; a rejected row in red, its problems as a tooltip."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        refused = outcome_key(row) in ("rejected", "duplicate")
        if role == Qt.ItemDataRole.ForegroundRole and refused:
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.ToolTipRole and row.problems:
            return "\n".join(problem_texts(row))
        return super().data(index, role)


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
        self.plan = None
        self.result = None
        self.report_path: Path | None = None
        self.combos: dict[str, QComboBox] = {}
        self.setObjectName("excel_import_dialog")
        self.setWindowTitle(self.tr("Impor daftar dari desa"))

        self.file_label = QLabel(objectName="file_label")
        self.sheet = QComboBox(objectName="sheet")
        self.sheet_label = QLabel(self.tr("Lembar:"))
        self.sheet_label.setBuddy(self.sheet)
        self.other_file = QPushButton(self.tr("Berkas lain…"), objectName="other_file")
        self.other_file.setAutoDefault(False)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.sheet_label)
        top.addWidget(self.sheet)
        top.addWidget(self.other_file)

        self.pages = QStackedWidget(objectName="pages")
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self.sheet.activated.connect(self._sheet_chosen)
        self.other_file.clicked.connect(self.begin)
        self.resize(980, 620)

    # --- pages ----------------------------------------------------------------------------

    def _mapping_page(self) -> QWidget:
        page = QWidget(objectName="mapping_page")
        intro = QLabel(
            self.tr(
                "Beberapa judul kolom tidak dikenali. Pilih isian Jaring untuk setiap kolom, "
                "atau \u201cAbaikan\u201d bila kolom itu tidak perlu dibaca. Pilihan ini "
                "diingat untuk berkas berikutnya."
            )
        )
        intro.setWordWrap(True)
        self.missing_label = QLabel(objectName="missing_label")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color: #b3261e;")
        self.mapping_grid = QGridLayout()
        self.mapping_grid.setColumnStretch(2, 1)
        self.mapping_grid.setHorizontalSpacing(12)
        grid_box = QWidget()
        outer = QVBoxLayout(grid_box)
        outer.addLayout(self.mapping_grid)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_box)
        self.mapping_next = QPushButton(self.tr("Lanjut"), objectName="mapping_next")
        self.mapping_next.setDefault(True)
        close = QPushButton(self.tr("Tutup"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.mapping_next)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.missing_label)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.mapping_next.clicked.connect(self.apply_mapping)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget(objectName="preview_page")
        outcomes = self.outcome_labels()
        self.model = PreviewModel(
            [
                (self.tr("Baris"), lambda r: r.number),
                (self.tr("Nama"), lambda r: self._value(r, "full_name")),
                (self.tr("NIK"), lambda r: self._value(r, "nik")),
                (self.tr("Hasil"), lambda r: outcomes[outcome_key(r)]),
                (self.tr("Masalah"), lambda r: " ".join(problem_texts(r))),
            ],
            self,
        )
        self.summary = QLabel(objectName="excel_summary")
        self.summary.setWordWrap(True)
        self.filter = QComboBox(objectName="outcome_filter")
        self.filter.currentIndexChanged.connect(self.apply_filter)
        show = QLabel(self.tr("Tampilkan:"))
        show.setBuddy(self.filter)
        filters = QHBoxLayout()
        filters.addWidget(self.summary, 1)
        filters.addWidget(show)
        filters.addWidget(self.filter)
        self.table = list_view(self.model, "excel_preview")
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.detail = QLabel(objectName="row_detail")
        self.detail.setWordWrap(True)
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 3)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.report_button = QPushButton(self.tr("Tulis laporan masalah…"),
                                         objectName="report_button")  # fmt: skip
        self.report_button.setAutoDefault(False)
        self.import_button = QPushButton(objectName="import_button")
        self.import_button.setDefault(True)
        close = QPushButton(self.tr("Tutup"), objectName="close_button")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.report_button.clicked.connect(self.write_report)
        self.import_button.clicked.connect(self.import_rows)
        return page

    def outcome_labels(self) -> dict[str, str]:
        return {
            "ready": self.tr("Siap"),
            "draft": self.tr("Draf"),
            "rejected": self.tr("Ditolak"),
            "duplicate": self.tr("Duplikat"),
        }

    def field_labels(self) -> dict[str, str]:
        """The fields a column can hold, in `FIELDS`' order, in the user's language."""
        translated = {
            **labels.field_labels(),
            "birth_place_date": self.tr("Tempat, tanggal lahir"),
            "rt_rw": self.tr("RT/RW"),
        }
        return {field: translated.get(field, label) for field, label in FIELDS.items()}

    def field_label(self, field: str) -> str:
        return self.field_labels().get(field, field)

    def _value(self, row, field: str) -> str:
        """A field of a row as read, or the cell as the village typed it when it could not
        be read (a NIK Excel turned into 6.2E+15)."""
        value = getattr(row.registration, field, "") if row.registration is not None else ""
        if value:
            return str(value)
        column = next((h for h, f in self.plan.mapping.items() if f == field), None)
        cell = row.values.get(column) if column is not None else None
        return "" if cell is None else " ".join(str(cell).split())

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
            return read_list(db, path, sheet=sheet, remembered=remembered, progress=progress,
                             cancelled=cancelled)  # fmt: skip

        run_with_progress(
            self.parentWidget() if not self.isVisible() and self.parentWidget() else self,
            self.db_path, self.tr("Membaca %1…").replace("%1", path.name), job,
            lambda plan: self._read_done(path, plan, placed), self._read_failed,
            self.tr("Batal"),
        )  # fmt: skip

    def columns_to_place(self, plan) -> list[str]:
        """Unplaced columns the user has not decided about before; all unplaced ones when
        a required field is still missing."""
        remembered = load_settings(self.db).excel_mapping
        unplaced = unmapped_headers(plan)
        undecided = [h for h in unplaced if header_key(h) not in remembered]
        return undecided or (unplaced if missing_required(plan) else [])

    def _read_done(self, path: Path, plan, placed: bool = False) -> None:
        self.path, self.plan, self.result = path, plan, None
        name = f"<b>{html.escape(path.name)}</b>"
        self.file_label.setText(self.tr("Berkas: %1").replace("%1", name))
        self.sheet.clear()
        self.sheet.addItems(list(plan.sheets))
        self.sheet.setCurrentText(plan.sheet)
        for widget in (self.sheet, self.sheet_label):
            widget.setVisible(len(plan.sheets) > 1)
        to_place = [] if placed else self.columns_to_place(plan)
        if to_place:
            self.show_mapping(to_place)
        else:
            self.show_preview()
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

    def _sheet_chosen(self) -> None:
        chosen = self.sheet.currentText()
        if self.path is not None and self.plan is not None and chosen != self.plan.sheet:
            self.read(self.path, chosen)

    # --- placing columns ----------------------------------------------------------------------

    def show_mapping(self, headers: list[str]) -> None:
        """A combo of Jaring's fields for each of ``headers``, with what the column holds."""
        plan = self.plan
        while self.mapping_grid.count():
            self.mapping_grid.takeAt(0).widget().deleteLater()
        self.combos = {}
        remembered = load_settings(self.db).excel_mapping
        placed = {field for field in plan.mapping.values() if field}
        self.mapping_grid.addWidget(QLabel(self.tr("<b>Kolom di berkas</b>")), 0, 0)
        self.mapping_grid.addWidget(QLabel(self.tr("<b>Isian Jaring</b>")), 0, 1)
        self.mapping_grid.addWidget(QLabel(self.tr("<b>Contoh isi</b>")), 0, 2)
        for number, header in enumerate(headers, start=1):
            combo = QComboBox(objectName=f"mapping_{number}")
            combo.addItem(self.tr("Abaikan"), IGNORE)
            for field, label in self.field_labels().items():
                suffix = self.tr(" (sudah dari kolom lain)") if field in placed else ""
                combo.addItem(label + suffix, field)
            wanted = remembered.get(header_key(header), IGNORE)
            combo.setCurrentIndex(max(combo.findData(wanted), 0))
            combo.setMinimumContentsLength(28)
            name = QLabel(header or self.tr("(tanpa judul)"))
            name.setBuddy(combo)
            self.mapping_grid.addWidget(name, number, 0)
            self.mapping_grid.addWidget(combo, number, 1)
            sample = QLabel(self.samples(header), objectName=f"sample_{number}")
            sample.setStyleSheet("color: palette(placeholder-text);")
            self.mapping_grid.addWidget(sample, number, 2)
            self.combos[header] = combo
        missing = missing_required(plan)
        self.missing_label.setVisible(bool(missing))
        self.missing_label.setText(
            self.tr("Kolom wajib yang belum ditemukan: %1. Tanpa kolom itu setiap baris "
                    "akan ditolak.")
            .replace("%1", ", ".join(map(self.field_label, missing)))
        )  # fmt: skip
        self.pages.setCurrentIndex(self.MAPPING)

    def samples(self, header: str, wanted: int = 3) -> str:
        """The first few different values of a column, to recognise what it holds."""
        found: list[str] = []
        for row in self.plan.rows:
            value = row.values.get(header)
            text = "" if value is None else " ".join(str(value).split())
            if text and text not in found:
                found.append(text[:40])
                if len(found) == wanted:
                    break
        return " · ".join(found) or self.tr("(kosong)")

    def chosen_mapping(self) -> dict[str, str]:
        """Header -> field chosen in the mapping step ("" = ignore)."""
        return {header: combo.currentData() for header, combo in self.combos.items()}

    def apply_mapping(self) -> None:
        """Remember the choices, then read the workbook again with them."""
        chosen = self.chosen_mapping()
        fields = [field for field in chosen.values() if field]
        doubled = sorted({f for f in fields if fields.count(f) > 1})
        if doubled:
            dialogs.inform(
                self, self.tr("Kolom ganda"),
                self.tr("%1 dipilih untuk lebih dari satu kolom. Pilih satu kolom saja.")
                .replace("%1", ", ".join(map(self.field_label, doubled))),
            )  # fmt: skip
            return
        settings = load_settings(self.db)
        mapping = {**settings.excel_mapping}
        mapping.update({header_key(header): field for header, field in chosen.items()})
        save_settings(self.db, dataclasses.replace(settings, excel_mapping=mapping))
        self.mapping_remembered.emit()
        self.read(self.path, self.plan.sheet, placed=True)

    # --- preview --------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        found = {"ready": 0, "draft": 0, "rejected": 0, "duplicate": 0}
        for row in self.plan.rows:
            found[outcome_key(row)] = found.get(outcome_key(row), 0) + 1
        return found

    def importable(self) -> int:
        """Rows `write_list` would write: the ready ones and the drafts."""
        counts = self.counts()
        return counts["ready"] + counts["draft"]

    def show_preview(self) -> None:
        plan, counts = self.plan, self.counts()
        self.summary.setText(
            self.tr("Lembar %1: %2 baris terbaca — %3 siap, %4 draf, %5 ditolak, %6 duplikat.")
            .replace("%1", plan.sheet)
            .replace("%2", thousands(plan.rows_read))
            .replace("%3", thousands(counts["ready"]))
            .replace("%4", thousands(counts["draft"]))
            .replace("%5", thousands(counts["rejected"]))
            .replace("%6", thousands(counts["duplicate"]))
        )  # fmt: skip
        if missing := missing_required(plan):
            self.summary.setText(
                self.summary.text() + " " + self.tr("Kolom wajib belum ada: %1.")
                .replace("%1", ", ".join(map(self.field_label, missing)))
            )  # fmt: skip
        current = self.filter.currentData() or "all"
        self.filter.blockSignals(True)
        self.filter.clear()
        outcomes = self.outcome_labels()
        self.filter.addItem(self.tr("Semua (%1)").replace("%1", thousands(len(plan.rows))), "all")
        for key in ("rejected", "duplicate", "draft", "ready"):
            self.filter.addItem(f"{outcomes[key]} ({thousands(counts[key])})", key)
        self.filter.setCurrentIndex(max(self.filter.findData(current), 0))
        self.filter.blockSignals(False)
        self.apply_filter()
        self.report_button.setEnabled(any(row.problems for row in plan.rows))
        self._update_import_button()
        self.pages.setCurrentIndex(self.PREVIEW)

    def _update_import_button(self) -> None:
        if self.result is not None:
            self.import_button.setText(self.tr("Sudah diimpor"))
            self.import_button.setEnabled(False)
            return
        number = self.importable()
        self.import_button.setText(self.tr("Impor %1 pendaftaran").replace("%1", thousands(number)))
        self.import_button.setEnabled(number > 0)

    def apply_filter(self) -> None:
        wanted = self.filter.currentData() or "all"
        rows = self.plan.rows if self.plan is not None else []
        self.model.set_rows([row for row in rows if wanted == "all" or outcome_key(row) == wanted])
        self._show_detail(self.table.currentIndex())

    def _show_detail(self, current) -> None:
        """The chosen row's problems in full, one a line."""
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is None:
            self.detail.setText(self.tr("Pilih baris untuk melihat semua masalahnya."))
            return
        texts = problem_texts(row) or [self.tr("Tidak ada masalah.")]
        name = self._value(row, "full_name")
        head = self.tr("Baris %1").replace("%1", str(row.number)) + (f" ({name})" if name else "")
        self.detail.setText(f"<b>{html.escape(head)}</b>: {html.escape(' '.join(texts))}")

    # --- the error report ------------------------------------------------------------------------

    def write_report(self) -> None:
        suggested = str(self.path.with_name(self.path.stem + "-masalah.xlsx"))
        chosen = dialogs.choose(
            self,
            dialogs.FileRequest("save", self.tr("Simpan laporan masalah"), EXCEL_FILTER,
                                suggested),
        )  # fmt: skip
        if not chosen:
            return
        path = Path(chosen[0])
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            written = write_error_report(self.plan, path, labels.problem_text)
        except Exception as exc:  # a full disk, a pulled stick, a file open in Excel
            dialogs.inform(self, self.tr("Laporan gagal ditulis"), explain(exc), error=True,
                           details=str(exc))  # fmt: skip
            return
        self.report_path = Path(written)
        dialogs.inform(
            self,
            self.tr("Laporan tersimpan"),
            self.tr("Laporan masalah tersimpan di:\n%1\n\nKirimkan ke desa untuk diperbaiki.")
            .replace("%1", str(written)),
        )  # fmt: skip

    # --- importing, after confirmation ------------------------------------------------------------

    def import_rows(self) -> None:
        counts = self.counts()
        number = counts["ready"] + counts["draft"]
        if not number or self.result is not None:
            return
        left_out = counts["rejected"] + counts["duplicate"]
        text = (
            self.tr("Impor %1 pendaftaran dari %2 ke daftar induk? %3 siap dan %4 sebagai draf.")
            .replace("%1", thousands(number))
            .replace("%2", self.path.name)
            .replace("%3", thousands(counts["ready"]))
            .replace("%4", thousands(counts["draft"]))
        )  # fmt: skip
        if left_out:
            text += " " + self.tr("%1 baris ditolak atau duplikat tidak diimpor.").replace(
                "%1", thousands(left_out)
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

    def _written(self, result) -> None:
        self.result = result
        self._update_import_button()
        self.imported.emit(result)
        dialogs.inform(self, self.tr("Impor selesai"), self.result_text(result))

    def result_text(self, result) -> str:
        text = (
            self.tr("%1 pendaftaran masuk ke daftar induk: %2 siap kirim, %3 sebagai draf.")
            .replace("%1", thousands(result.written))
            .replace("%2", thousands(result.ready))
            .replace("%3", thousands(result.draft))
        )  # fmt: skip
        skipped = self.importable() - result.written
        if skipped > 0:
            text += " " + self.tr(
                "%1 baris dilewati: NIK-nya terdaftar sejak berkas dibaca."
            ).replace("%1", thousands(skipped))
        return text

    def _write_failed(self, exc: Exception) -> None:
        text = import_error_text(exc) if isinstance(exc, ExcelImportError) else explain(exc)
        dialogs.inform(
            self, self.tr("Impor gagal"),
            text + "\n" + self.tr("Tidak ada pendaftaran yang masuk."),
            error=True, details=getattr(exc, "details", str(exc)),
        )  # fmt: skip


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
            self.tr("Memeriksa %1…").replace("%1", path.name)
            if dry_run
            else self.tr("Mencatat nomor KPJ…")
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
            self.tr("%1 baris terbaca dari %2.")
            .replace("%1", thousands(result.rows_read))
            .replace("%2", self.path.name),
            self.tr("%1 pendaftaran mendapat nomor KPJ dan berstatus Terdaftar.").replace(
                "%1", thousands(result.registered)
            ),
        ]
        figures = (
            (result.unchanged, self.tr("%1 sudah tercatat dengan KPJ yang sama.")),
            (len(result.unknown_niks), self.tr("%1 NIK tidak ada di daftar induk; dilewati.")),
            (len(result.conflicts),
             self.tr("%1 konflik (KPJ atau NIK ganda); dilewati, lihat rinciannya.")),
            (len(result.problems),
             self.tr("%1 masalah pada baris yang tidak terbaca; lihat rinciannya.")),
        )  # fmt: skip
        lines += [text.replace("%1", thousands(n)) for n, text in figures if n]
        return "\n".join(lines)

    def conflict_text(self, conflict: dict) -> str:
        texts = {
            "other_kpj": self.tr("pendaftaran ini sudah punya KPJ lain (%1)"),
            "kpj_twice": self.tr("KPJ yang sama diberikan ke dua NIK di berkas"),
            "kpj_held": self.tr("KPJ ini sudah dipakai pendaftaran lain"),
            "nik_twice": self.tr("NIK ini mendapat dua KPJ berbeda di berkas"),
            "nik_held_twice": self.tr("NIK ini dipakai dua pendaftaran; selesaikan dulu"),
        }
        reason = conflict.get("reason", "")
        return texts.get(reason, reason).replace("%1", conflict.get("existing_kpj", ""))

    def details(self, result) -> str:
        """Row by row: the conflicts, the unreadable rows, then the unknown NIKs (the
        first need a look most)."""
        lines = [
            self.tr("Baris %1: NIK %2, KPJ %3: %4").replace("%1", str(item["row"]))
            .replace("%2", item["nik"]).replace("%3", item["kpj"])
            .replace("%4", self.conflict_text(item))
            for item in result.conflicts
        ] + [
            self.tr("Baris %1: %2").replace("%1", str(item.row))
            .replace("%2", labels.problem_text(item.problem))
            for item in result.problems
        ] + [
            self.tr("Baris %1: NIK %2 tidak dikenal").replace("%1", str(item["row"]))
            .replace("%2", item["nik"])
            for item in result.unknown_niks
        ]  # fmt: skip
        if len(lines) > self.DETAIL_LINES:
            more = len(lines) - self.DETAIL_LINES
            more_text = self.tr("… dan %1 lainnya.").replace("%1", thousands(more))
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
