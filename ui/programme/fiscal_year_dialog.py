"""*Target dan anggaran*: the target and the contributions budget of a fiscal year, set at
the start of the year and raised in the revised budget (APBD-P); a year not set takes the
target of the settings (`models.fiscal_year`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.programme_year import set_fiscal_year, year_plan
from models.fiscal_year import fiscal_years
from models.formatting import arg
from ui import dialogs
from ui.dashboard.widgets import cell, figure_table, fit_height
from ui.i18n.formats import rupiah, tanggal, thousands
from ui.programme.widgets import close_button, rupiah_edit, rupiah_value


class FiscalYearDialog(QDialog):
    """Set or raise one year's figures; ``changed`` once something was saved."""

    def __init__(self, db: Database, actor: str, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.changed = False
        self.setWindowTitle(self.tr("Target dan anggaran per tahun"))
        self.year = QSpinBox(self, objectName="fiscal_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(self.load_year)
        self.target = QSpinBox(self, objectName="fiscal_target")
        self.target.setRange(0, 10_000_000)
        self.target.setGroupSeparatorShown(True)
        self.budget = rupiah_edit("fiscal_budget", self)
        self.note = QLineEdit(self, objectName="fiscal_note")
        self.note.setPlaceholderText(self.tr("mis. APBD-P 2026"))
        self.state = QLabel(objectName="fiscal_state", wordWrap=True)
        self.state.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.addRow(self.tr("Tahun anggaran"), self.year)
        form.addRow(self.tr("Target peserta"), self.target)
        form.addRow(self.tr("Anggaran iuran (Rp)"), self.budget)
        form.addRow(self.tr("Catatan"), self.note)
        self.save_button = QPushButton(self.tr("Simpan"), objectName="save_fiscal_year")
        self.save_button.clicked.connect(self.save)
        self.years = figure_table(
            [self.tr("Tahun"), self.tr("Target"), self.tr("Anggaran"), self.tr("Diubah (APBD-P)")],
            "fiscal_years",
        )
        close = close_button(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addWidget(self.save_button)
        layout.addWidget(self.years, 1)
        layout.addWidget(close)
        self.resize(560, 440)
        self.load_year()
        self.show_years()

    def load_year(self) -> None:
        plan = year_plan(self.db, self.year.value())
        self.target.setValue(plan.target)
        self.budget.setText(str(plan.budget) if plan.budget else "")
        self.note.setText(plan.note)
        if plan.from_settings:
            self.state.setText(self.tr("Belum ditetapkan: target dari pengaturan."))
        elif plan.raised_at:
            self.state.setText(arg(self.tr("Diubah di tengah tahun pada %1."),
                                   tanggal(date.fromisoformat(plan.raised_at[:10]))))  # fmt: skip
        else:
            self.state.setText(self.tr("Ditetapkan; mengubahnya dicatat sebagai APBD-P."))

    def save(self) -> None:
        try:
            set_fiscal_year(
                self.db, self.year.value(), target=self.target.value(),
                budget=rupiah_value(self.budget.text()) or 0, actor=self.actor,
                note=self.note.text(),
            )  # fmt: skip
        except ValueError as exc:
            dialogs.inform(self, self.tr("Tidak tersimpan"), str(exc), error=True)
            return
        self.changed = True
        self.load_year()
        self.show_years()

    def show_years(self) -> None:
        found = fiscal_years(self.db)
        self.years.setRowCount(len(found))
        for row, plan in enumerate(found):
            raised = tanggal(date.fromisoformat(plan.raised_at[:10])) if plan.raised_at else "—"
            self.years.setItem(row, 0, cell(str(plan.year)))
            self.years.setItem(row, 1, cell(thousands(plan.target), number=True))
            self.years.setItem(row, 2, cell(rupiah(plan.budget), number=True))
            self.years.setItem(row, 3, cell(raised))
        fit_height(self.years, 6)
