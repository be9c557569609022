"""The dashboard's card of the programme's months: for each of the last twelve months, the
participants active, with one or two unpaid months, lapsed and ended, and what the month
costs and what of it is unpaid (`models.coverage`); under it the participants about to
lapse; and the buttons of the year's work (payments, BPJS's invoice, the renewal list, the
year's target and budget), which the page opens."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from models.coverage import MonthCoverage, ParticipantMonth
from models.coverage_rules import month_number
from models.formatting import arg
from models.regions import Regions
from ui.dashboard.widgets import Card, cell, figure_table, fit_height, note_label
from ui.i18n.formats import rupiah, thousands

#: The longest warning list shown on the card.
WARNINGS_SHOWN = 50
_LAPSE_COLOUR = QColor(176, 0, 32)


def month_label(month: str) -> str:
    """``2026-03`` as "Mar 2026" in the language on screen."""
    from PySide6.QtCore import QDate, QLocale

    number = month_number(month)
    day = QDate(number // 12, number % 12 + 1, 1)
    return QLocale().toString(day, "MMM yyyy")


class CoverageCard(Card):
    """The card "Kepesertaan per bulan"."""

    action_requested = Signal(str)  # "payment", "reconcile", "renewal", "fiscal_year"

    def __init__(self, regions: Regions, parent: QWidget | None = None):
        super().__init__(parent)
        self.regions = regions
        self.title.setText(self.tr("Kepesertaan dan iuran per bulan"))
        self.table = figure_table(
            [self.tr("Bulan"), self.tr("Aktif"), self.tr("Tunggak 1 bln"),
             self.tr("Tunggak 2 bln"), self.tr("Nonaktif"), self.tr("Berhenti"),
             self.tr("Iuran bulan itu"), self.tr("Belum dibayar")], "coverage_table",
        )  # fmt: skip
        self.note = note_label("coverage_note")
        self.note.setText(
            self.tr(
                "Aktif: iuran bulan itu sudah dibayar. Tunggak: belum dibayar 1 atau 2 bulan. "
                "Nonaktif: 3 bulan tidak dibayar, BPJS menonaktifkan (membayar lagi = "
                "pendaftaran baru). Berhenti: meninggal, pindah, menjadi pekerja penerima "
                "upah atau berhenti bekerja."
            )
        )
        self.warning_title = QLabel(objectName="lapse_warning_title")
        self.warning_title.setStyleSheet(f"color: {_LAPSE_COLOUR.name()}; font-weight: bold;")
        self.warnings = figure_table(
            [self.tr("Nama"), self.tr("KPJ"), self.tr("Desa/kelurahan"), self.tr("Tunggakan"),
             self.tr("Dibayar s.d.")], "lapse_warnings",
        )  # fmt: skip
        self.body.addWidget(self.table)
        self.body.addWidget(self.note)
        self.body.addWidget(self.warning_title)
        self.body.addWidget(self.warnings)
        self.body.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (
            ("payment", self.tr("Catat pembayaran…")),
            ("reconcile", self.tr("Cocokkan tagihan BPJS…")),
            ("renewal", self.tr("Daftar perpanjangan…")),
            ("fiscal_year", self.tr("Target dan anggaran…")),
        ):
            button = QPushButton(text, objectName=f"{key}_button")
            button.clicked.connect(lambda _=False, k=key: self.action_requested.emit(k))
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        return row

    def set_months(self, months: list[MonthCoverage]) -> None:
        """The months, the latest first."""
        table = self.table
        shown = list(reversed(months))
        table.setRowCount(len(shown))
        for row, month in enumerate(shown):
            values = [month.active, month.unpaid_1, month.unpaid_2, month.lapsed, month.ended]
            table.setItem(row, 0, cell(month_label(month.month), bold=row == 0))
            for column, value in enumerate(values, start=1):
                table.setItem(row, column, cell(thousands(value), number=True))
            table.setItem(row, 6, cell(rupiah(month.amount_due), number=True))
            table.setItem(row, 7, cell(rupiah(month.amount_unpaid), number=True))
            if month.lapsed:
                table.item(row, 4).setForeground(_LAPSE_COLOUR)
        fit_height(table, 12)

    def set_warnings(self, month: MonthCoverage, people: list[ParticipantMonth]) -> None:
        """Who has unpaid months at the end of ``month`` (two first; the first
        `WARNINGS_SHOWN` of ``people`` are listed)."""
        if month.unpaid_1 or month.unpaid_2:
            self.warning_title.setText(arg(
                self.tr("Hampir nonaktif pada %1: %2 peserta menunggak 2 bulan, %3 menunggak "
                        "1 bulan"),
                month_label(month.month), thousands(month.unpaid_2), thousands(month.unpaid_1),
            ))  # fmt: skip
        else:
            self.warning_title.setText(
                arg(self.tr("Tidak ada peserta yang menunggak pada %1."), month_label(month.month))
            )
        rows = people[:WARNINGS_SHOWN]
        self.warnings.setRowCount(len(rows))
        for row, person in enumerate(rows):
            village = self.regions.village(person.village_code) if person.village_code else None
            months = arg(self.tr("%1 bulan"), person.unpaid_months)
            texts = [person.full_name, person.kpj or "—",
                     village.name.title() if village else (person.village_code or "—"), months,
                     month_label(person.paid_through) if person.paid_through else "—"]  # fmt: skip
            for column, text in enumerate(texts):
                item = cell(text, number=column == 3, bold=person.unpaid_months == 2)
                self.warnings.setItem(row, column, item)
        self.warnings.setVisible(bool(rows))
        fit_height(self.warnings, 10)

    def set_district(self, district: bool) -> None:
        """Payments, invoices, renewals and budgets are the district office's work."""
        for button in self.buttons.values():
            button.setVisible(district)
