"""District: the trust store — enrol officer devices from their enrolment files after
comparing fingerprints, see who is trusted, revoke a lost or stolen device (`app.district`,
as ``enrol`` and ``revoke`` on the command line). Supervisors only (`ui.roles`)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.district import enrol, revoke
from exchange.keys import read_enrolment
from models.formatting import arg
from models.identity import list_devices, load_identity
from ui import dialogs
from ui.batches_page import local_time
from ui.i18n.messages import explain
from ui.list_model import ListModel, list_view
from ui.roles import limit_to_supervisors


class TrustPage(QWidget):
    def __init__(self, db: Database, actor: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.model = ListModel(
            [
                (self.tr("Petugas"), lambda d: d.officer),
                (self.tr("Sidik jari"), lambda d: d.fingerprint),
                (self.tr("Perangkat"), lambda d: d.device_id),
                (self.tr("Didaftarkan"), lambda d: local_time(d.enrolled_at)),
                (
                    self.tr("Status"),
                    lambda d: (
                        arg(self.tr("dicabut %1"), local_time(d.revoked_at))
                        if d.revoked
                        else self.tr("dipercaya")
                    ),
                ),
            ],
            self,
        )
        identity = load_identity(db)
        own = QLabel(
            arg(self.tr("Sidik jari kabupaten ini: %1"), identity.fingerprint if identity else "—"),
            objectName="own_fingerprint",
        )
        self.table = list_view(self.model, "devices_table")
        self.enrol_button = QPushButton(self.tr("Daftarkan perangkat…"), objectName="enrol_button")
        self.revoke_button = QPushButton(self.tr("Cabut…"), objectName="revoke_button")
        buttons = QHBoxLayout()
        buttons.addWidget(own, 1)
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.enrol_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.enrol_button.clicked.connect(self.enrol)
        self.revoke_button.clicked.connect(self.revoke)
        limit_to_supervisors(db, self.enrol_button, self.revoke_button)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(list_devices(self.db))

    def enrol(self) -> None:
        chosen = dialogs.choose(
            self,
            dialogs.FileRequest(
                "open", self.tr("Pilih berkas pendaftaran perangkat"), "Jaring (*.json)"
            ),
        )
        if not chosen:
            return
        try:
            enrolment = read_enrolment(chosen[0])
        except (OSError, ValueError) as exc:
            dialogs.inform(self, self.tr("Berkas tidak sah"), explain(exc), error=True)
            return
        if not dialogs.confirm(
            self,
            self.tr("Bandingkan sidik jari"),
            arg(
                self.tr(
                    "Petugas: %1\nSidik jari: %2\n\nMinta petugas membacakan sidik jari yang "
                    "tampil di laptopnya. Sama persis?"
                ),
                enrolment["officer"],
                enrolment["fingerprint"],
            ),
            self.tr("Sama, daftarkan"),
            self.tr("Tidak sama"),
        ):
            return
        try:
            enrol(self.db, enrolment, actor=self.actor)  # the one whose fingerprint was compared
        except Exception as exc:
            dialogs.inform(self, self.tr("Gagal mendaftarkan"), explain(exc), error=True)
            return
        self.refresh()

    def revoke(self) -> None:
        index = self.table.currentIndex()
        device = self.model.row_at(index.row()) if index.isValid() else None
        if device is None or device.revoked:
            return
        if not dialogs.confirm(
            self,
            self.tr("Cabut perangkat?"),
            arg(
                self.tr(
                    "Batch dari perangkat %1 (%2) tidak akan diterima lagi. Pencabutan tidak "
                    "bisa dibatalkan."
                ),
                device.officer,
                device.fingerprint,
            ),
            self.tr("Cabut"),
            self.tr("Batal"),
        ):
            return
        try:
            revoke(self.db, device.device_id, actor=self.actor)
        except Exception as exc:
            dialogs.inform(self, self.tr("Gagal mencabut"), explain(exc), error=True)
            return
        self.refresh()
