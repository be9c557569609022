"""*Catat peristiwa*: a participant died, moved away, became a wage earner, stopped working,
or BPJS deactivated or reactivated them — for the registrations selected in the list, on
the district's database or an officer's laptop (`app.programme_year.record_life_events`).
After a death the note for the heirs can be printed at once."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.programme_year import record_life_events
from models.formatting import arg
from models.store import RegistrationStore
from ui import dialogs
from ui.i18n.formats import thousands
from ui.printing.print_jobs import heir_note_request
from ui.programme.widgets import day_edit, day_of, event_labels


class LifeEventDialog(QDialog):
    """One event for the registrations ``ids``; ``recorded`` how many were recorded."""

    print_requested = Signal(object)  # a PrintRequest (the heirs' note)

    def __init__(self, db: Database, ids: list[str], actor: str, today: date,
                 parent: QWidget | None = None):  # fmt: skip
        super().__init__(parent)
        self.db, self.ids, self.actor, self.today = db, ids, actor, today
        self.recorded = 0
        self.setWindowTitle(self.tr("Catat peristiwa peserta"))
        store = RegistrationStore(db)
        names = [reg.full_name for reg in map(store.get, ids[:3]) if reg is not None]
        who = ", ".join(names) + (arg(self.tr(" dan %1 lainnya"), len(ids) - 3)
                                  if len(ids) > 3 else "")  # fmt: skip
        heading = QLabel(arg(self.tr("%1 peserta: %2"), thousands(len(ids)), who),
                         objectName="event_people", wordWrap=True)  # fmt: skip
        self.kind = QComboBox(self, objectName="event_kind")
        for code, text in event_labels().items():
            self.kind.addItem(text, code)
        self.day = day_edit(today, self)
        self.day.setObjectName("event_date")
        self.note = QLineEdit(self, objectName="event_note")
        self.note.setPlaceholderText(self.tr("mis. nomor surat keterangan kematian"))
        form = QFormLayout()
        form.addRow(self.tr("Peristiwa"), self.kind)
        form.addRow(self.tr("Tanggal"), self.day)
        form.addRow(self.tr("Catatan"), self.note)
        explain = QLabel(self.tr(
            "Peserta yang meninggal, pindah, menjadi pekerja penerima upah atau berhenti "
            "bekerja tidak dihitung aktif dan tidak ditagih mulai bulan berikutnya. Peristiwa "
            "ini ikut terkirim ke kabupaten atau ke petugas."
        ), wordWrap=True)  # fmt: skip
        explain.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(buttons)
        self.resize(480, 280)

    def save(self) -> None:
        kind = self.kind.currentData()
        try:
            events = record_life_events(
                self.db, self.ids, kind, day_of(self.day), self.actor, today=self.today,
                note=self.note.text(),
            )  # fmt: skip
        except ValueError as exc:
            dialogs.inform(self, self.tr("Peristiwa tidak dicatat"), str(exc), error=True)
            return
        self.recorded = len(events)
        if kind == "died" and dialogs.confirm(
            self, self.tr("Peristiwa dicatat"),
            self.tr("Cetak keterangan untuk ahli waris (data ahli waris dan dokumen klaim JKM)?"),
            self.tr("Cetak"), self.tr("Nanti"), default_yes=True,
        ):  # fmt: skip
            self.print_requested.emit(
                heir_note_request(self.tr("Keterangan untuk ahli waris"), self.ids)
            )
        self.accept()
