"""The wizard's preview: every row of the workbook with what importing would do with it and
why, filtered by outcome, a row's problems in full, the error report to send back to the
village, and the button that imports (the dialog asks and writes)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from excel.import_plan import problem_texts
from excel.import_preview import (
    ALL,
    DUPLICATE,
    FILTER_CHOICES,
    REJECTED,
    OutcomeCounts,
    outcome_counts,
    outcome_key,
    rows_shown,
    shown_value,
)
from excel.list_import import ImportPlan, missing_required, write_error_report
from models.formatting import arg
from ui import dialogs
from ui.excel_import.texts import EXCEL_FILTER, field_list
from ui.i18n import messages
from ui.i18n.formats import thousands
from ui.i18n.messages import explain
from ui.list_model import ListModel, list_view


def worded_problems(row) -> list[str]:
    return problem_texts(row, messages.problem_text)


class PreviewModel(ListModel):
    """The rows of an import plan; a refused row in red, its problems as a tooltip."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        refused = outcome_key(row) in (REJECTED, DUPLICATE)
        if role == Qt.ItemDataRole.ForegroundRole and refused:
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.ToolTipRole and row.problems:
            return "\n".join(worded_problems(row))
        return super().data(index, role)


class PreviewStep(QWidget):
    """The counts, the outcome filter, the rows, the chosen row's problems, "Tulis laporan
    masalah…" and "Impor N pendaftaran"."""

    import_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preview_page")
        self.plan: ImportPlan | None = None
        self.counts = OutcomeCounts()
        self.imported = False
        self.report_path: Path | None = None
        outcomes = self.outcome_labels()
        self.model = PreviewModel(
            [
                (self.tr("Baris"), lambda r: r.number),
                (self.tr("Nama"), lambda r: shown_value(r, "full_name", self.plan.mapping)),
                (self.tr("NIK"), lambda r: shown_value(r, "nik", self.plan.mapping)),
                (self.tr("Hasil"), lambda r: outcomes[outcome_key(r)]),
                (self.tr("Masalah"), lambda r: " ".join(worded_problems(r))),
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
        close.clicked.connect(self.close_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.report_button.clicked.connect(self.write_report)
        self.import_button.clicked.connect(self.import_requested)

    def outcome_labels(self) -> dict[str, str]:
        return {
            "ready": self.tr("Siap"),
            "draft": self.tr("Draf"),
            "rejected": self.tr("Ditolak"),
            "duplicate": self.tr("Duplikat"),
        }

    def show_plan(self, plan: ImportPlan, imported: bool = False) -> None:
        """Every row of ``plan``; ``imported``: its rows were written already."""
        self.plan, self.imported = plan, imported
        counts = self.counts = outcome_counts(plan.rows)
        summary = arg(
            self.tr("Lembar %1: %2 baris terbaca — %3 siap, %4 draf, %5 ditolak, %6 duplikat."),
            plan.sheet, thousands(plan.rows_read), thousands(counts.ready),
            thousands(counts.draft), thousands(counts.rejected), thousands(counts.duplicate),
        )  # fmt: skip
        if missing := missing_required(plan):
            summary += " " + arg(self.tr("Kolom wajib belum ada: %1."), field_list(missing))
        self.summary.setText(summary)
        current = self.filter.currentData() or ALL
        self.filter.blockSignals(True)
        self.filter.clear()
        outcomes = self.outcome_labels()
        self.filter.addItem(arg(self.tr("Semua (%1)"), thousands(counts.rows)), ALL)
        for key in FILTER_CHOICES[1:]:
            self.filter.addItem(f"{outcomes[key]} ({thousands(counts.of(key))})", key)
        self.filter.setCurrentIndex(max(self.filter.findData(current), 0))
        self.filter.blockSignals(False)
        self.apply_filter()
        self.report_button.setEnabled(any(row.problems for row in plan.rows))
        self._update_import_button()

    def mark_imported(self) -> None:
        """The rows were written: not a second time."""
        self.imported = True
        self._update_import_button()

    def _update_import_button(self) -> None:
        if self.imported:
            self.import_button.setText(self.tr("Sudah diimpor"))
            self.import_button.setEnabled(False)
            return
        number = self.counts.importable
        self.import_button.setText(arg(self.tr("Impor %1 pendaftaran"), thousands(number)))
        self.import_button.setEnabled(number > 0)

    def apply_filter(self) -> None:
        wanted = self.filter.currentData() or ALL
        self.model.set_rows(rows_shown(self.plan.rows if self.plan is not None else [], wanted))
        self._show_detail(self.table.currentIndex())

    def _show_detail(self, current) -> None:
        """The chosen row's problems in full, one a line."""
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is None:
            self.detail.setText(self.tr("Pilih baris untuk melihat semua masalahnya."))
            return
        texts = worded_problems(row) or [self.tr("Tidak ada masalah.")]
        name = shown_value(row, "full_name", self.plan.mapping)
        head = arg(self.tr("Baris %1"), row.number) + (f" ({name})" if name else "")
        self.detail.setText(f"<b>{html.escape(head)}</b>: {html.escape(' '.join(texts))}")

    def write_report(self) -> None:
        """The rows again with their problems, saved where the user chooses, for the
        village to correct."""
        source = self.plan.path
        suggested = str(source.with_name(source.stem + "-masalah.xlsx"))
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
            written = write_error_report(self.plan, path, messages.problem_text)
        except Exception as exc:  # a full disk, a pulled stick, a file open in Excel
            dialogs.inform(self, self.tr("Laporan gagal ditulis"), explain(exc), error=True,
                           details=str(exc))  # fmt: skip
            return
        self.report_path = Path(written)
        dialogs.inform(
            self,
            self.tr("Laporan tersimpan"),
            arg(self.tr("Laporan masalah tersimpan di:\n%1\n\nKirimkan ke desa untuk "
                        "diperbaiki."), written),
        )  # fmt: skip
