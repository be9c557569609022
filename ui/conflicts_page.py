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

from models import conflicts
from models.conflict_queue import Source, conflict_sources
from models.formatting import arg
from ui import dialogs
from ui.batches_page import local_time
from ui.i18n import labels
from ui.i18n.messages import conflict_kind, conflict_reason, explain
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
        self._size_compare_columns()
        self.compare.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reason = QLabel(objectName="conflict_reason")
        self.reason.setWordWrap(True)
        self.existing_source = QLabel(objectName="existing_source")
        self.incoming_source = QLabel(objectName="incoming_source")
        for label in (self.existing_source, self.incoming_source):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count = QLabel(objectName="conflict_count")
        self.outcome = QLabel(objectName="conflict_outcome")
        self.outcome.setWordWrap(True)

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
        right_layout.addWidget(self.existing_source)
        right_layout.addWidget(self.incoming_source)
        right_layout.addWidget(self.compare, 1)
        right_layout.addLayout(choices)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([380, 860])
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.outcome, 1)
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

    def _size_compare_columns(self) -> None:
        """Both sides wide enough for a whole NIK or KK number (16 digits), the rest for
        names; the check column as wide as its title."""
        header = self.compare.horizontalHeader()
        digits = self.compare.fontMetrics().horizontalAdvance("0" * 16) + 24
        header.setMinimumSectionSize(digits)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

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
            self.existing_source.clear()
            self.incoming_source.clear()
            return
        self.reason.setText(conflict_reason(conflict.reason))
        existing, incoming = conflict_sources(self.db, conflict)
        self.existing_source.setText(arg(self.tr("Data yang ada: %1"), self._source_text(existing)))
        self.incoming_source.setText(arg(self.tr("Data baru: %1"), self._source_text(incoming)))
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

    def _source_text(self, source: Source | None) -> str:
        """ "dari Budi Santoso (perangkat 5ed32110), diubah …, diimpor …"."""
        if source is None:
            return self.tr("sudah tidak ada")
        who = source.officer or self.tr("petugas tidak diketahui")
        if source.device_id:
            who = arg(self.tr("%1 (perangkat %2)"), who, source.device_id[:8])
        parts = [arg(self.tr("dari %1"), who)]
        if source.changed_at:
            parts.append(arg(self.tr("diubah %1"), local_time(source.changed_at)))
        if source.imported_at:
            parts.append(arg(self.tr("diimpor %1"), local_time(source.imported_at)))
        else:
            parts.append(self.tr("diketik di kabupaten"))
        return ", ".join(parts)

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
            if not self._confirm_combine(conflict, fields):
                return
        elif choice == "different_people":
            fields = self._different_people_fields(conflict)
            if fields is None:
                return
        try:
            conflicts.resolve_conflict(self.db, conflict.id, choice, self.actor, fields)
        except Exception as exc:
            dialogs.inform(self, self.tr("Tidak bisa diputuskan"), explain(exc), error=True)
            return
        self.outcome.setText(self._outcome_text(conflict, choice, fields))
        self.refresh()
        self.resolved.emit()

    def _confirm_combine(self, conflict, fields: dict[str, str]) -> bool:
        names = labels.field_labels()
        taken = [names.get(f, f) for f, side in fields.items() if side == "incoming"]
        text = (
            arg(self.tr("Data yang ada mengambil dari data baru: %1."), ", ".join(taken))
            if taken
            else self.tr("Tidak ada isian yang dicentang: data yang ada tetap seperti sekarang.")
        )
        if conflict.kind == "likely_duplicate":
            text += "\n" + self.tr("Data baru lalu dihapus sebagai duplikat.")
        return dialogs.confirm(
            self, self.tr("Gabungkan pilihan?"), text, self.tr("Gabungkan"), self.tr("Batal")
        )

    def _different_people_fields(self, conflict) -> dict | None:
        """Ask for the corrected NIK (a NIK conflict), then confirm; None when cancelled."""
        if conflict.kind != "nik":
            text = self.tr("Tandai keduanya sebagai orang berbeda? Keduanya tetap di daftar induk.")
            confirmed = dialogs.confirm(self, self.tr("Orang berbeda?"), text,
                                        self.tr("Orang berbeda"), self.tr("Batal"))  # fmt: skip
            return {} if confirmed else None
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
            return None
        nik = typed[0].strip()
        text = arg(
            self.tr("Data baru (%1) masuk daftar induk sebagai orang lain dengan NIK %2. "
                    "Data yang ada tidak berubah."),
            conflict.incoming.get("full_name", ""), nik,
        )  # fmt: skip
        confirmed = dialogs.confirm(self, self.tr("Orang berbeda?"), text,
                                    self.tr("Orang berbeda"), self.tr("Batal"))  # fmt: skip
        return {"nik": nik} if confirmed else None

    def _outcome_text(self, conflict, choice: str, fields: dict | None) -> str:
        name = conflict.incoming.get("full_name", "") or conflict.incoming.get("nik", "")
        texts = {
            "keep_existing": self.tr("Diputuskan: data yang ada dipertahankan (%1)."),
            "take_incoming": self.tr("Diputuskan: data baru diambil (%1)."),
            "combine": self.tr("Diputuskan: pilihan digabungkan ke data yang ada (%1)."),
            "different_people": self.tr("Diputuskan: %1 dicatat sebagai orang berbeda."),
        }
        text = arg(texts[choice], name)
        if choice == "different_people" and fields and fields.get("nik"):
            text += " " + arg(self.tr("NIK barunya %1."), fields["nik"])
        return text

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
