"""District: conflicts for staff to decide — the registration already in the master list
and the incoming one side by side, field by field, with the choices of the design: keep the
existing one, take the incoming one, combine field by field, or different people (after a
NIK typo is fixed). Every decision goes to the merge log, which can be exported."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from i18n import labels
from i18n.messages import conflict_kind, conflict_reason, explain
from models import conflicts
from models.formatting import arg
from ui import dialogs
from ui.list_model import ListModel, list_view

COMPARED = conflicts.REGISTRATION_FIELDS


class ConflictsPage(QWidget):
    resolved = Signal()  # a decision changed registrations: whatever shows them looks again

    def __init__(self, db: Database, actor: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.model = ListModel(
            [
                (self.tr("Jenis"), lambda c: conflict_kind(c.kind)),
                (self.tr("NIK"), lambda c: c.incoming.get("nik", "")),
                (self.tr("Alasan"), lambda c: conflict_reason(c.reason)),
                (self.tr("Data yang ada"), lambda c: (c.existing or {}).get("full_name", "—")),
                (self.tr("Data baru"), lambda c: c.incoming.get("full_name", "")),
            ],
            self,
        )
        self.list = list_view(self.model, "conflicts_table", stretch_last=False)
        self.compare = QTableWidget(0, 3, objectName="compare_table")
        self.compare.setHorizontalHeaderLabels(
            [self.tr("Data yang ada"), self.tr("Data baru"), self.tr("Ambil yang baru")]
        )
        self.compare.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.compare.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reason = QLabel(objectName="conflict_reason")
        self.reason.setWordWrap(True)
        self.count = QLabel(objectName="conflict_count")

        self.keep_button = QPushButton(self.tr("Pertahankan yang ada"), objectName="keep")
        self.take_button = QPushButton(self.tr("Ambil yang baru"), objectName="take")
        self.combine_button = QPushButton(self.tr("Gabungkan pilihan"), objectName="combine")
        self.different_button = QPushButton(self.tr("Orang berbeda…"), objectName="different")
        self.log_button = QPushButton(self.tr("Ekspor log penggabungan…"), objectName="log")
        choices = QHBoxLayout()
        for button in (self.keep_button, self.take_button, self.combine_button,
                       self.different_button):  # fmt: skip
            choices.addWidget(button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.reason)
        right_layout.addWidget(self.compare, 1)
        right_layout.addLayout(choices)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([480, 860])
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.list.selectionModel().currentRowChanged.connect(lambda *_: self.show_current())
        self.keep_button.clicked.connect(lambda: self.resolve("keep_existing"))
        self.take_button.clicked.connect(lambda: self.resolve("take_incoming"))
        self.combine_button.clicked.connect(lambda: self.resolve("combine"))
        self.different_button.clicked.connect(lambda: self.resolve("different_people"))
        self.log_button.clicked.connect(self.export_log)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(conflicts.list_conflicts(self.db))
        self.count.setText(arg(self.tr("%1 konflik terbuka"), len(self.model.rows)))
        if self.model.rows:
            self.list.selectRow(0)
        self.show_current()

    def current(self):
        index = self.list.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def show_current(self) -> None:
        conflict = self.current()
        for button in (self.keep_button, self.take_button, self.combine_button,
                       self.different_button):  # fmt: skip
            button.setEnabled(conflict is not None)
        self.compare.setRowCount(0)
        if conflict is None:
            self.reason.setText(self.tr("Tidak ada konflik yang perlu diputuskan."))
            return
        self.reason.setText(conflict_reason(conflict.reason))
        names = labels.field_labels()
        existing = conflict.existing or {}
        differing = set(conflict.differing_fields())
        self.compare.setRowCount(len(COMPARED))
        self.compare.setVerticalHeaderLabels([names.get(f, f) for f in COMPARED])
        for row, field in enumerate(COMPARED):
            old = QTableWidgetItem(labels.display_value(field, existing.get(field)))
            new = QTableWidgetItem(labels.display_value(field, conflict.incoming.get(field)))
            pick = QTableWidgetItem()
            pick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            pick.setCheckState(Qt.CheckState.Unchecked)
            if field in differing:
                for item in (old, new):
                    item.setBackground(QBrush(QColor("#fff3cd")))
            self.compare.setItem(row, 0, old)
            self.compare.setItem(row, 1, new)
            self.compare.setItem(row, 2, pick)

    def _combined_fields(self) -> dict[str, str]:
        return {
            field: "incoming"
            if self.compare.item(row, 2).checkState() == Qt.CheckState.Checked
            else "existing"
            for row, field in enumerate(COMPARED)
        }

    def resolve(self, choice: str) -> None:
        conflict = self.current()
        if conflict is None:
            return
        fields = None
        if choice == "combine":
            fields = self._combined_fields()
        elif choice == "different_people" and conflict.kind == "nik":
            typed = dialogs.choose(
                self,
                dialogs.FileRequest(
                    "text",
                    self.tr("Orang berbeda"),
                    self.tr("NIK yang benar untuk data baru:"),
                    conflict.incoming.get("nik", ""),
                ),
            )
            if not typed:
                return
            fields = {"nik": typed[0].strip()}
        try:
            conflicts.resolve_conflict(self.db, conflict.id, choice, self.actor, fields)
        except Exception as exc:
            dialogs.inform(self, self.tr("Tidak bisa diputuskan"), explain(exc), error=True)
            return
        self.refresh()
        self.resolved.emit()

    def export_log(self) -> None:
        chosen = dialogs.choose(
            self,
            dialogs.FileRequest(
                "save", self.tr("Simpan log penggabungan"), "CSV (*.csv)", "log-penggabungan.csv"
            ),
        )
        if not chosen:
            return
        try:
            rows = conflicts.export_merge_log(self.db, chosen[0])
        except Exception as exc:
            dialogs.inform(self, self.tr("Gagal menyimpan"), explain(exc), error=True)
            return
        dialogs.inform(
            self,
            self.tr("Log tersimpan"),
            arg(self.tr("%1 keputusan tersimpan di %2"), rows, chosen[0]),
        )
