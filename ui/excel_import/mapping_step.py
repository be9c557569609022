"""The wizard's step for the columns Jaring could not place: a combo of Jaring's fields for
each, with what the column holds. The choices are remembered for the next village (the
dialog saves them)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from excel.headers import header_key
from excel.import_preview import column_samples
from excel.list_import import ImportPlan, missing_required
from models.formatting import arg
from ui.excel_import.texts import field_labels, field_list

IGNORE = ""  # the step's "Abaikan": the column is not read


class MappingStep(QWidget):
    """A row per column to place: its header, the field combo, samples of its cells."""

    next_requested = Signal()  # "Lanjut": read the workbook again with these choices
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mapping_page")
        self.combos: dict[str, QComboBox] = {}
        intro = QLabel(
            self.tr(
                "Beberapa judul kolom tidak dikenali. Pilih isian Jaring untuk setiap kolom, "
                "atau \u201cAbaikan\u201d bila kolom itu tidak perlu dibaca. Pilihan ini "
                "diingat untuk berkas berikutnya."
            )
        )
        intro.setWordWrap(True)
        self.missing_label = QLabel(objectName="missing_label")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color: #b3261e;")
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        self.grid.setHorizontalSpacing(12)
        grid_box = QWidget()
        outer = QVBoxLayout(grid_box)
        outer.addLayout(self.grid)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_box)
        self.next_button = QPushButton(self.tr("Lanjut"), objectName="mapping_next")
        self.next_button.setDefault(True)
        close = QPushButton(self.tr("Tutup"))
        close.setAutoDefault(False)
        close.clicked.connect(self.close_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.missing_label)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.next_button.clicked.connect(self.next_requested)

    def show_columns(
        self, plan: ImportPlan, headers: list[str], remembered: Mapping[str, str]
    ) -> None:
        """A combo for each of ``headers`` (columns of ``plan``), set to the field chosen
        before (``remembered``: `header_key` -> field) or to "Abaikan"."""
        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        self.combos = {}
        placed = {field for field in plan.mapping.values() if field}
        self.grid.addWidget(QLabel(self.tr("<b>Kolom di berkas</b>")), 0, 0)
        self.grid.addWidget(QLabel(self.tr("<b>Isian Jaring</b>")), 0, 1)
        self.grid.addWidget(QLabel(self.tr("<b>Contoh isi</b>")), 0, 2)
        fields = field_labels()
        for number, header in enumerate(headers, start=1):
            combo = QComboBox(objectName=f"mapping_{number}")
            combo.addItem(self.tr("Abaikan"), IGNORE)
            for field, label in fields.items():
                suffix = self.tr(" (sudah dari kolom lain)") if field in placed else ""
                combo.addItem(label + suffix, field)
            wanted = remembered.get(header_key(header), IGNORE)
            combo.setCurrentIndex(max(combo.findData(wanted), 0))
            combo.setMinimumContentsLength(28)
            name = QLabel(header or self.tr("(tanpa judul)"))
            name.setBuddy(combo)
            self.grid.addWidget(name, number, 0)
            self.grid.addWidget(combo, number, 1)
            samples = " · ".join(column_samples(plan.rows, header)) or self.tr("(kosong)")
            sample = QLabel(samples, objectName=f"sample_{number}")
            sample.setStyleSheet("color: palette(placeholder-text);")
            self.grid.addWidget(sample, number, 2)
            self.combos[header] = combo
        missing = missing_required(plan)
        self.missing_label.setVisible(bool(missing))
        self.missing_label.setText(
            arg(self.tr("Kolom wajib yang belum ditemukan: %1. Tanpa kolom itu setiap baris "
                        "akan ditolak."), field_list(missing))
        )  # fmt: skip

    def chosen_mapping(self) -> dict[str, str]:
        """Header -> field chosen ("" = ignore)."""
        return {header: combo.currentData() for header, combo in self.combos.items()}
