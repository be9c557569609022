"""The wizard's first step, always on top: the workbook being imported and its sheet, with
another file or another sheet to choose."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from excel.list_import import ImportPlan
from models.formatting import arg


class FileStep(QWidget):
    """The file's name, the sheet combo (only when the workbook has several) and "Berkas
    lain…"."""

    sheet_chosen = Signal(str)  # the user picked another sheet of the same workbook
    other_file_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.file_label = QLabel(objectName="file_label")
        self.sheet = QComboBox(objectName="sheet")
        self.sheet_label = QLabel(self.tr("Lembar:"))
        self.sheet_label.setBuddy(self.sheet)
        self.other_file = QPushButton(self.tr("Berkas lain…"), objectName="other_file")
        self.other_file.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.file_label, 1)
        layout.addWidget(self.sheet_label)
        layout.addWidget(self.sheet)
        layout.addWidget(self.other_file)
        self.sheet.activated.connect(lambda: self.sheet_chosen.emit(self.sheet.currentText()))
        self.other_file.clicked.connect(self.other_file_requested)

    def show_plan(self, plan: ImportPlan) -> None:
        """The workbook and sheet ``plan`` was read from."""
        name = f"<b>{html.escape(plan.path.name)}</b>"
        self.file_label.setText(arg(self.tr("Berkas: %1"), name))
        self.sheet.clear()
        self.sheet.addItems(list(plan.sheets))
        self.sheet.setCurrentText(plan.sheet)
        for widget in (self.sheet, self.sheet_label):
            widget.setVisible(len(plan.sheets) > 1)
