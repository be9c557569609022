"""*Cocokkan tagihan BPJS*: BPJS's invoice for a month, typed in as a total or per
kecamatan, against Jaring's amount due, with the difference per kecamatan
(`models.reconciliation`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.programme_year import reconcile
from models.formatting import arg
from models.reconciliation import Reconciliation
from models.regions import Regions
from ui.dashboard.coverage_card import month_label
from ui.i18n.formats import rupiah, thousands
from ui.programme.widgets import MonthEdit, close_button, rupiah_edit, rupiah_value

INVOICE_COLUMN = 3
_DIFFERENT = QColor(176, 0, 32)


def _number(text: str, *, editable: bool = False, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


class ReconciliationDialog(QDialog):
    """One month's invoice against Jaring's figures; the invoice column is typed in."""

    def __init__(self, db: Database, regions: Regions, today: date,
                 parent: QWidget | None = None):  # fmt: skip
        super().__init__(parent)
        self.db, self.regions = db, regions
        self.result: Reconciliation | None = None
        self._filling = False
        self.setWindowTitle(self.tr("Cocokkan tagihan BPJS"))
        self.month = MonthEdit(today, self)
        self.month.setObjectName("reconcile_month")
        self.month.dateChanged.connect(self.recompute)
        self.total = rupiah_edit("invoice_total", self)
        self.total.setPlaceholderText(self.tr("jumlah tagihan seluruh kabupaten (bila ada)"))
        self.total.editingFinished.connect(self.recompute)
        form = QFormLayout()
        form.addRow(self.tr("Bulan tagihan"), self.month)
        form.addRow(self.tr("Total tagihan BPJS"), self.total)
        self.table = QTableWidget(0, 5, objectName="reconciliation_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("Kecamatan"), self.tr("Peserta"), self.tr("Menurut Jaring"),
            self.tr("Tagihan BPJS"), self.tr("Selisih"),
        ])  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._invoice_typed)
        self.summary = QLabel(objectName="reconciliation_summary", wordWrap=True)
        note = QLabel(self.tr(
            "Ketik tagihan BPJS per kecamatan di kolom \u201cTagihan BPJS\u201d. Selisih = "
            "tagihan BPJS dikurangi hitungan Jaring: positif berarti BPJS menagih lebih "
            "(mis. peserta yang sudah meninggal atau nonaktif masih ditagih)."
        ), wordWrap=True)  # fmt: skip
        note.setStyleSheet("color: #555;")
        buttons = close_button(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(760, 460)
        self.recompute()

    def typed_invoices(self) -> dict[str, int]:
        typed = {}
        for row in range(self.table.rowCount()):
            code = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            item = self.table.item(row, INVOICE_COLUMN)
            if code is None or item is None:
                continue
            amount = rupiah_value(item.text())
            if amount is not None:
                typed[code] = amount
        return typed

    def _invoice_typed(self, item: QTableWidgetItem) -> None:
        if not self._filling and item.column() == INVOICE_COLUMN:
            self.recompute()

    def recompute(self) -> None:
        self.result = reconcile(
            self.db, self.month.month(), invoiced_total=rupiah_value(self.total.text()),
            invoiced_by_kecamatan=self.typed_invoices(), regions=self.regions,
        )  # fmt: skip
        self._show(self.result)

    def _show(self, found: Reconciliation) -> None:
        self._filling = True
        table = self.table
        table.setRowCount(len(found.rows) + 1)
        for row, line in enumerate(found.rows):
            name = self.regions.kecamatan_name(line.kecamatan_code).title()
            first = QTableWidgetItem(name or line.kecamatan_code or self.tr("(tanpa desa)"))
            first.setFlags(first.flags() & ~Qt.ItemFlag.ItemIsEditable)
            first.setData(Qt.ItemDataRole.UserRole, line.kecamatan_code)
            table.setItem(row, 0, first)
            table.setItem(row, 1, _number(thousands(line.participants)))
            table.setItem(row, 2, _number(rupiah(line.computed)))
            invoiced = "" if line.invoiced is None else rupiah(line.invoiced)
            table.setItem(row, 3, _number(invoiced, editable=True))
            table.setItem(row, 4, self._difference(line.difference))
        last = len(found.rows)
        total = QTableWidgetItem(self.tr("Jumlah"))
        total.setFlags(total.flags() & ~Qt.ItemFlag.ItemIsEditable)
        table.setItem(last, 0, total)
        table.setItem(last, 1, _number(thousands(found.coverage.billed), bold=True))
        table.setItem(last, 2, _number(rupiah(found.computed), bold=True))
        invoiced = "" if found.invoiced is None else rupiah(found.invoiced)
        table.setItem(last, 3, _number(invoiced, bold=True))
        table.setItem(last, 4, self._difference(found.difference, bold=True))
        self._filling = False
        self.summary.setText(self._summary(found))

    def _difference(self, value: int | None, bold: bool = False) -> QTableWidgetItem:
        item = _number("—" if value is None else rupiah(value), bold=bold)
        if value:
            item.setForeground(_DIFFERENT)
        return item

    def _summary(self, found: Reconciliation) -> str:
        month = month_label(found.month)
        if found.invoiced is None and found.typed_difference is not None:
            return arg(self.tr("Selisih pada kecamatan yang sudah diketik: %1. Ketik semua "
                               "kecamatan (atau totalnya) untuk selisih seluruhnya."),
                       rupiah(found.typed_difference))  # fmt: skip
        if found.invoiced is None:
            return arg(self.tr("Menurut Jaring, iuran %1: %2 untuk %3 peserta. Ketik tagihan "
                               "BPJS untuk mencocokkan."),
                       month, rupiah(found.computed), thousands(found.coverage.billed))  # fmt: skip
        if found.difference == 0:
            return arg(self.tr("Tagihan BPJS %1 sama dengan hitungan Jaring."), month)
        more = (self.tr("BPJS menagih lebih %1") if found.difference > 0
                else self.tr("BPJS menagih kurang %1"))  # fmt: skip
        return arg(self.tr("Tagihan %1: %2 dari hitungan Jaring."), month,
                   arg(more, rupiah(abs(found.difference))))  # fmt: skip
