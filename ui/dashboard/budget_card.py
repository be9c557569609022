"""The dashboard's budget card: what the counted registrations cost per funding source, per
month and per year, beside the full target paid from the APBD."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from models.dashboard import Budget, Click, Figure
from models.formatting import arg
from ui.dashboard.widgets import Card, cell, clicked_cell, figure_table, fit_height, note_label
from ui.i18n import labels
from ui.i18n.formats import rupiah, thousands


class BudgetCard(Card):
    """The card "Anggaran iuran": a row per funding source (click: its registrations), their sum
    (click: every counted one) and the full target."""

    clicked = Signal(object)  # a models.dashboard.Click

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title.setText(self.tr("Anggaran iuran"))
        self.table = figure_table(
            [self.tr("Sumber iuran"), self.tr("Peserta"), self.tr("Per bulan"),
             self.tr("Per tahun")], "budget_table",
        )  # fmt: skip
        self.table.cellClicked.connect(self._cell_clicked)
        self.note = note_label("budget_note")
        self.body.addWidget(self.table)
        self.body.addWidget(self.note)
        self.body.addStretch(1)

    def _cell_clicked(self, row: int, column: int) -> None:
        if (click := clicked_cell(self.table, row, column)) is not None:
            self.clicked.emit(click)

    def set_budget(self, b: Budget) -> None:
        names = labels.funding_labels()
        rows = [
            (names.get(s.funding_source, s.funding_source or "—"), s,
             Click(Figure.FUNDING, s.funding_source), s.funding_source == "apbd")
            for s in b.by_source
        ]  # fmt: skip
        rows.append((self.tr("Jumlah"), b.total, Click(Figure.COUNTED), True))
        table = self.table
        table.setRowCount(len(rows) + 1)
        for row, (name, line, click, bold) in enumerate(rows):
            table.setItem(row, 0, cell(name, click, bold=bold))
            table.setItem(row, 1, cell(thousands(line.workers), click, number=True, bold=bold))
            table.setItem(row, 2, cell(rupiah(line.monthly), click, number=True, bold=bold))
            table.setItem(row, 3, cell(rupiah(line.yearly), click, number=True, bold=bold))
        last = len(rows)  # the full target: a plan, no registrations to list
        table.setItem(last, 0, cell(self.tr("Target penuh dari APBD"), None, bold=True))
        table.setItem(last, 1, cell(thousands(b.target), None, number=True))
        table.setItem(last, 2, cell(rupiah(b.target_monthly), None, number=True))
        table.setItem(last, 3, cell(rupiah(b.target_yearly), None, number=True))
        fit_height(table)
        note = arg(
            self.tr(
                "Iuran per bulan dari tabel golongan penghasilan (JKK, JKM, dan JHT bila "
                "dipilih); setahun = 12 bulan. Target penuh: %1 × %2 (golongan terendah, "
                "tanpa JHT)."
            ),
            thousands(b.target), rupiah(b.target_each),
        )  # fmt: skip
        if b.priced_at_lowest:
            note += " " + arg(
                self.tr("%1 pendaftaran tanpa penghasilan dihitung golongan terendah."),
                thousands(b.priced_at_lowest),
            )
        self.note.setText(note)
