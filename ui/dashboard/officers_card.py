"""The dashboard's officers card ("Kinerja petugas"): per officer, their registrations,
drafts, warnings, conflicts and pace; every cell lists the registrations behind it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from models.dashboard import Click, Figure, OfficerFigure, OfficerStats
from ui.dashboard.widgets import (
    Card,
    cell,
    clicked_cell,
    decimal,
    figure_table,
    fit_height,
    note_label,
    percent,
)
from ui.i18n.formats import tanggal, thousands

#: Rows shown before the table scrolls.
ROWS_SHOWN = 12


class OfficersCard(Card):
    """A row per officer, most registrations first; ``note`` says what the columns count
    (or why they could not be read)."""

    clicked = Signal(object)  # a models.dashboard.Click

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title.setText(self.tr("Kinerja petugas"))
        self.table = figure_table(
            [self.tr("Petugas"), self.tr("Pendaftaran"), self.tr("Draf"),
             self.tr("Peringatan"), self.tr("Draf/peringatan"), self.tr("Konflik"),
             self.tr("Per hari aktif"), self.tr("Per minggu aktif"), self.tr("Hari aktif"),
             self.tr("Terakhir")], "officers_table",
        )  # fmt: skip
        self.table.setMinimumHeight(160)
        self.table.cellClicked.connect(self._cell_clicked)
        self.note = note_label("officers_note")
        self.body.addWidget(self.table)
        self.body.addWidget(self.note)
        self.body.addStretch(1)

    def _cell_clicked(self, row: int, column: int) -> None:
        if (click := clicked_cell(self.table, row, column)) is not None:
            self.clicked.emit(click)

    def set_officers(self, officers: list[OfficerStats]) -> None:
        table = self.table
        table.setRowCount(len(officers))
        every, open_ = OfficerFigure.ALL, self.tr("terbuka")
        for row, o in enumerate(officers):
            values = [
                (o.officer or self.tr("(tanpa nama)"), every),
                (thousands(o.registrations), every),
                (thousands(o.drafts), OfficerFigure.DRAFTS),
                (thousands(o.with_warnings), OfficerFigure.WARNED),
                (percent(100 * o.flagged_share), OfficerFigure.FLAGGED),
                (f"{thousands(o.conflicts)} ({thousands(o.open_conflicts)} {open_})",
                 OfficerFigure.CONFLICTS),
                (decimal(o.per_day), every), (decimal(o.per_week), every),
                (thousands(o.days_active), every), (tanggal(o.last_day), every),
            ]  # fmt: skip
            for column, (text, part) in enumerate(values):
                click = Click(Figure.OFFICER, o.officer, part)
                table.setItem(row, column, cell(text, click, number=column > 0))
        fit_height(table, rows=ROWS_SHOWN)
        self.note.setText(
            self.tr(
                "Semua pendaftaran yang belum dihapus, draf termasuk, menurut petugas yang "
                "membuatnya. Peringatan: pendaftaran yang membawa peringatan yang dikonfirmasi. "
                "Draf/peringatan: bagian yang masih draf atau membawa peringatan. Konflik: "
                "antrean konflik kabupaten dari data petugas itu (klik: pendaftaran yang "
                "terlibat)."
            )
        )
