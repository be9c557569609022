"""A table model over a short list of plain records (batch history, devices, reports).

For lists that stay small by nature (tens or hundreds of rows); the registrations list has
its own lazy model (`ui.records_model`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class ListModel(QAbstractTableModel):
    """Rows are any objects; each column is (header, function of the row -> text)."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[object], object]]], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][0]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self.columns[index.column()][1](self.rows[index.row()])
        return "" if value is None else str(value)

    def row_at(self, number: int):
        return self.rows[number] if 0 <= number < len(self.rows) else None


def list_view(model: ListModel, object_name: str, stretch_last: bool = True):
    """A read-only table for a `ListModel`: whole rows selected one at a time, columns sized
    to their contents each time the rows change, until the user drags one (or widths the
    user chose are restored: `ui.window_state`), which then stay."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

    view = QTableView(objectName=object_name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_last)
    sizing = []  # non-empty while the widths are set here, not by the user

    def fit_contents() -> None:
        if view.property("widths_chosen"):
            return
        sizing.append(True)
        view.resizeColumnsToContents()
        sizing.pop()

    def dragged(column: int, *_) -> None:
        # The stretched last column follows the window's width, not the user's hand.
        stretched = stretch_last and column == header.count() - 1
        if not sizing and not stretched:
            view.setProperty("widths_chosen", True)

    model.modelReset.connect(fit_contents)
    header.sectionResized.connect(dragged)
    fit_contents()
    return view
