"""*Kartu KPJ diserahkan*: the day the KPJ cards were handed to the workers
(`app.card_handover`), for the registrations selected in the records list, or — the
ceremony in a desa — for the desa's participants that have a KPJ, each with a tick box
(all ticked: untick whoever did not come)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.card_handover import record_card_handover
from models.card_handover import CardHolder, desa_card_holders
from models.formatting import arg
from models.regions import Regions
from models.store import RegistrationStore
from ui import dialogs
from ui.i18n.formats import tanggal, thousands
from ui.programme.widgets import day_edit, day_of


class CardHandoverDialog(QDialog):
    """The day and who got a card: ``ids`` (chosen in the list, all with a KPJ), or a desa
    picked in the dialog when ``regions`` is given; ``recorded`` how many changed."""

    def __init__(
        self,
        db: Database,
        actor: str,
        today: date,
        *,
        ids: list[str] | None = None,
        regions: Regions | None = None,
        regency_code: str = "",
        desa: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today
        self.recorded = 0
        self.setWindowTitle(self.tr("Kartu KPJ diserahkan"))
        self.desa = QComboBox(self, objectName="handover_desa")
        self.people = QListWidget(self, objectName="handover_people")
        self.people.itemChanged.connect(self._count)
        self.day = day_edit(today, self)
        self.day.setObjectName("handover_date")
        self.count = QLabel(self, objectName="handover_count")
        form = QFormLayout()
        if regions is not None:
            for village in regions.villages_of(regency_code):
                self.desa.addItem(village.name.title(), village.code)
            self.desa.currentIndexChanged.connect(self._fill_desa)
            form.addRow(self.tr("Desa/Kelurahan"), self.desa)
        else:
            self.desa.hide()
        form.addRow(self.tr("Tanggal diserahkan"), self.day)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(520, 460)
        if regions is not None:
            found = self.desa.findData(desa)
            if found > 0:
                self.desa.setCurrentIndex(found)  # fills the list
            else:
                self._fill_desa()
        else:
            self._fill(_holders(db, ids or []))

    def _fill_desa(self) -> None:
        code = self.desa.currentData()
        self._fill(desa_card_holders(self.db, code) if code else [])

    def _fill(self, holders: list[CardHolder]) -> None:
        self.people.blockSignals(True)
        self.people.clear()
        for holder in holders:
            text = f"{holder.full_name} — KPJ {holder.kpj}"
            if holder.handed_on:
                handed = tanggal(date.fromisoformat(holder.handed_on))
                text += arg(self.tr(" (kartu diserahkan %1)"), handed)
            item = QListWidgetItem(text, self.people)
            item.setData(Qt.ItemDataRole.UserRole, holder.registration_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.people.blockSignals(False)
        self._count()

    def _count(self) -> None:
        self.count.setText(arg(self.tr("%1 dari %2 peserta menerima kartu"),
                               thousands(len(self.ticked())),
                               thousands(self.people.count())))  # fmt: skip

    def ticked(self) -> list[str]:
        """The ids of the participants ticked, in the list's order."""
        items = (self.people.item(row) for row in range(self.people.count()))
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        try:
            done = record_card_handover(self.db, self.ticked(), day_of(self.day), self.actor,
                                        today=self.today)  # fmt: skip
        except ValueError as exc:
            dialogs.inform(self, self.tr("Penyerahan kartu tidak dicatat"), str(exc), error=True)
            return
        self.recorded = done.changed
        self.accept()


def _holders(db: Database, ids: list[str]) -> list[CardHolder]:
    store = RegistrationStore(db)
    return [
        CardHolder(reg.id, reg.full_name, reg.nik, reg.kpj, reg.kpj_card_handed_on)
        for reg in map(store.get, ids)
        if reg is not None
    ]
