"""*Daftar perpanjangan*: the participants to renew for next year and what they cost at next
year's rates, against next year's target and budget; saved as Excel or printed as a daftar
nominatif (`app.programme_year.renewal_list`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.programme_year import renewal_list
from excel.export_errors import ExcelExportError
from excel.renewal_list import write_renewal
from models.formatting import arg
from models.regions import Regions
from models.renewal import Renewal
from ui import dialogs
from ui.dashboard.coverage_card import month_label
from ui.dashboard.widgets import cell, figure_table, fit_height
from ui.i18n.formats import rupiah, thousands
from ui.printing.print_jobs import renewal_request, renewal_variant
from ui.programme.widgets import close_button


class RenewalDialog(QDialog):
    """The list for the year after the one chosen."""

    print_requested = Signal(object)  # a PrintRequest

    def __init__(self, db: Database, regions: Regions, today: date,
                 parent: QWidget | None = None):  # fmt: skip
        super().__init__(parent)
        self.db, self.regions, self.today = db, regions, today
        self.renewal: Renewal | None = None
        self.setWindowTitle(self.tr("Daftar perpanjangan tahun depan"))
        self.year = QSpinBox(self, objectName="renewal_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(self.recompute)
        form = QFormLayout()
        form.addRow(self.tr("Tahun yang berakhir"), self.year)
        self.figures = QLabel(objectName="renewal_figures", wordWrap=True)
        self.table = figure_table(
            [self.tr("Kecamatan"), self.tr("Peserta"), self.tr("Iuran setahun")],
            "renewal_kecamatan",
        )
        self.excel_button = QPushButton(self.tr("Simpan Excel…"), objectName="renewal_excel")
        self.excel_button.clicked.connect(self.save_excel)
        self.print_button = QPushButton(
            self.tr("Cetak daftar nominatif…"), objectName="renewal_print"
        )
        self.print_button.clicked.connect(self.print_list)
        actions = QHBoxLayout()
        actions.addWidget(self.excel_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        close = close_button(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.figures)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        layout.addStretch(1)
        layout.addWidget(close)
        self.resize(620, 360)
        self.recompute()

    def recompute(self) -> None:
        found = self.renewal = renewal_list(self.db, self.year.value(), today=self.today)
        plan = found.plan
        budget = rupiah(plan.budget) if plan.budget else self.tr("belum ditetapkan")
        text = arg(
            self.tr("Tahun %1: %2 peserta yang masih aktif per %3, iuran setahun %4. Target "
                    "%1: %5 orang; anggaran: %6."),
            found.year, thousands(len(found.lines)), month_label(found.as_of),
            rupiah(found.yearly), thousands(plan.target), budget,
        )  # fmt: skip
        if found.budget_left is not None:
            left = found.budget_left
            text += " " + (
                arg(self.tr("Sisa anggaran %1."), rupiah(left)) if left >= 0
                else arg(self.tr("Anggaran kurang %1."), rupiah(-left))
            )  # fmt: skip
        self.figures.setText(text)
        rows = sorted(found.by_kecamatan.items())
        self.table.setRowCount(len(rows))
        for row, (code, total) in enumerate(rows):
            name = self.regions.kecamatan_name(code).title() or code or "—"
            self.table.setItem(row, 0, cell(name))
            self.table.setItem(row, 1, cell(thousands(total.participants), number=True))
            self.table.setItem(row, 2, cell(rupiah(total.yearly), number=True))
        fit_height(self.table, 8)
        for button in (self.excel_button, self.print_button):
            button.setEnabled(bool(found.lines))

    def save_excel(self) -> None:
        found = self.renewal
        chosen = dialogs.choose(self, dialogs.FileRequest(
            "save", self.tr("Simpan daftar perpanjangan"), "Excel (*.xlsx)",
            f"daftar-perpanjangan-{found.year}.xlsx",
        ))  # fmt: skip
        if not chosen:
            return
        path = Path(chosen[0])
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            written = write_renewal(found, path, regions=self.regions)
        except ExcelExportError as exc:
            dialogs.inform(self, self.tr("Excel tidak tersimpan"), str(exc), error=True)
            return
        dialogs.inform(
            self,
            self.tr("Excel tersimpan"),
            arg(self.tr("%1 peserta tersimpan di:\n%2"), thousands(written.rows), written.path),
        )

    def print_list(self) -> None:
        found = self.renewal
        self.print_requested.emit(
            renewal_request(found, self.tr("Daftar perpanjangan"), renewal_variant(found))
        )
