"""What the dashboard's cards are made of: a titled panel, small click-through tables of
figures, and the way of writing a share in the language on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.dashboard import Click
from models.regions import Regions
from ui.chart_widgets import BarChart as BarChart
from ui.chart_widgets import StackedBar as StackedBar

# A share and a decimal in the language on screen, for every card.
from ui.i18n.formats import decimal as decimal
from ui.i18n.formats import percent as percent

# The chart widgets every card uses, imported in this one place.
from ui.printing.charts import STATUS_COLOURS as STATUS_COLOURS
from ui.printing.charts import Bar as Bar

#: The role of a figure cell's `Click` (None: a cell that leads nowhere).
CLICK = Qt.ItemDataRole.UserRole


def kecamatan_name(regions: Regions, code: str) -> str:
    """A kecamatan's name as the dashboard writes it; its code when the regions do not
    know it, a dash when there is none."""
    return (regions.kecamatan_name(code) or code or "—").title()


class Card(QFrame):
    """A titled panel of the dashboard; a card sets its ``title`` and adds its figures to
    ``body``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#card { background: white; border: 1px solid #d7dce1; border-radius: 6px; }"
        )
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 10, 12, 10)
        self.body.addWidget(self.title)


def note_label(name: str, colour: str = "#555") -> QLabel:
    """The small explaining text under a card's figures."""
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour};")
    return label


def figure_table(headers: list[str], name: str) -> QTableWidget:
    """A small read-only table of figures; a click on a cell is a click-through."""
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(22)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setCursor(Qt.CursorShape.PointingHandCursor)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def cell(
    text: str, click: Click | None = None, *, number: bool = False, bold: bool = False
) -> QTableWidgetItem:
    """A figure's cell: right-aligned when a number, and what a click on it lists."""
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    item.setData(CLICK, click)
    return item


def clicked_cell(table: QTableWidget, row: int, column: int) -> Click | None:
    """The `Click` a cell of ``table`` stands for, if any."""
    item = table.item(row, column)
    return item.data(CLICK) if item is not None else None


def fit_height(table: QTableWidget, rows: int | None = None) -> None:
    """Make a short table exactly as tall as its rows (up to ``rows`` rows, then scroll)."""
    shown = table.rowCount() if rows is None else min(table.rowCount(), rows)
    height = table.horizontalHeader().height() + 4
    height += sum(table.rowHeight(r) for r in range(shown))
    table.setMinimumHeight(height)
    table.setMaximumHeight(height)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
