"""The dashboard's places card: the counted registrations per kecamatan and desa, as a table
(every desa of the regency, and codes the regions do not know) and as bars per kecamatan."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from models.dashboard import Click, Figure, Overview, place_rows
from models.formatting import arg
from models.regions import Regions
from ui.dashboard.widgets import (
    Bar,
    BarChart,
    Card,
    cell,
    clicked_cell,
    figure_table,
    kecamatan_name,
    percent,
)
from ui.i18n.formats import thousands


class PlacesCard(Card):
    """The card "Sebaran per kecamatan dan desa"; a row or a bar lists its registrations."""

    clicked = Signal(object)  # a models.dashboard.Click

    def __init__(self, regions: Regions, parent: QWidget | None = None):
        super().__init__(parent)
        self.regions = regions
        self.title.setText(self.tr("Sebaran per kecamatan dan desa"))
        self.table = figure_table(
            [self.tr("Kecamatan / desa"), self.tr("Terdaftar"), self.tr("Bagian")], "places_table"
        )
        self.table.setMinimumHeight(300)
        self.table.cellClicked.connect(self._cell_clicked)
        self.chart = BarChart(objectName="kecamatan_chart")
        self.chart.clicked.connect(lambda code: self.clicked.emit(Click(Figure.PLACE, code)))
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addWidget(self.chart, 1, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(row)

    def _cell_clicked(self, row: int, column: int) -> None:
        if (click := clicked_cell(self.table, row, column)) is not None:
            self.clicked.emit(click)

    def set_places(self, overview: Overview, regency_code: str) -> None:
        rows = place_rows(overview.by_village, self.regions.villages_of(regency_code))
        counted = max(overview.progress.counted, 1)
        table = self.table
        table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            click = Click(Figure.PLACE, row.kecamatan_code, row.village_code)
            if row.no_village:
                name = self.tr("(tanpa desa)")
            elif row.is_kecamatan:
                name = arg(self.tr("Kec. %1"), kecamatan_name(self.regions, row.kecamatan_code))
            else:
                village = self.regions.village(row.village_code)
                name = "    " + (village.name.title() if village else row.village_code)
            bold = not row.village_code
            table.setItem(index, 0, cell(name, click, bold=bold))
            table.setItem(index, 1, cell(thousands(row.counted), click, number=True, bold=bold))
            table.setItem(index, 2, cell(percent(100 * row.counted / counted), click, number=True))
        bars = [
            Bar(r.kecamatan_code,
                kecamatan_name(self.regions, r.kecamatan_code) if r.is_kecamatan
                else self.tr("(tanpa desa)"), r.counted)
            for r in rows if not r.village_code
        ]  # fmt: skip
        self.chart.set_bars(bars)
        self.chart.setFixedHeight(max(60, 28 * len(bars) + 8))
