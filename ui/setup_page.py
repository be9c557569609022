"""Set this installation up, once, as an officer device or as the district office — what
``officer-init`` and ``district-init`` do on the command line, without a terminal.

Shown while the database has no identity. The set-up is the command line's
(`app.officer.set_up_officer`, `app.district.set_up_district`): this page asks for what it
needs, compares fingerprints with the user and, when the document to hand over (an enrolment
or the district profile) could not be written, offers to write it elsewhere
(`app.hand_over`). `configured` tells the main window to show the role's own pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.district import set_up_district
from app.hand_over import HandOverNotWritten, write_hand_over_again
from app.officer import set_up_officer
from exchange.keys import KeyStoreError, read_district_profile
from models.formatting import arg
from models.identity import IdentityError
from models.regions import Regions, default_regions
from models.settings import Settings
from ui import dialogs
from ui.i18n.messages import explain

_REGENCY_CODE = re.compile(r"[0-9]{2}\.[0-9]{2}")
_MAX_NAME = 200  # what `exchange.keys` accepts in a profile or an enrolment
_JSON = "Jaring (*.json)"


def _file_stem(name: str) -> str:
    """``name`` as a safe part of a file name: "Budi Santoso" -> "budi-santoso"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "petugas"


class SetupPage(QWidget):
    """Two one-time set-ups: officer device (from the district's profile) or district office."""

    configured = Signal()

    def __init__(
        self,
        db: Database,
        settings: Settings,
        regions: Regions | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.regions = regions or default_regions()
        intro = QLabel(
            self.tr(
                "Laptop ini belum disiapkan untuk bertukar data. Perangkat petugas mengirim "
                "pendaftaran dalam batch ke kantor kabupaten; kantor kabupaten menerima dan "
                "menggabungkan batch dari semua petugas. Pilih salah satu — penyiapan hanya "
                "dilakukan sekali."
            ),
            objectName="setup_intro",
        )
        intro.setWordWrap(True)

        # Officer device.
        officer_box = QGroupBox(self.tr("Perangkat petugas"), objectName="officer_box")
        officer_text = QLabel(
            self.tr(
                "Untuk laptop petugas lapangan. Perlu berkas profil kabupaten dari kantor "
                "kabupaten; laptop ini lalu membuat berkas pendaftaran untuk diserahkan kembali."
            )
        )
        officer_text.setWordWrap(True)
        self.officer_name = QLineEdit(settings.officer_name, objectName="setup_officer_name")
        self.officer_name.setMaxLength(_MAX_NAME)
        self.officer_name.setPlaceholderText(self.tr("Nama lengkap petugas"))
        officer_form = QFormLayout()
        officer_form.addRow(self.tr("Nama petugas"), self.officer_name)
        self.officer_message = _message_label("officer_message")
        self.officer_button = QPushButton(
            self.tr("Siapkan sebagai perangkat petugas…"), objectName="setup_officer"
        )
        _lay_out_box(officer_box, officer_text, officer_form, self.officer_message,
                     self.officer_button)  # fmt: skip

        # District office.
        district_box = QGroupBox(self.tr("Kantor kabupaten"), objectName="district_box")
        district_text = QLabel(
            self.tr(
                "Hanya untuk satu komputer di kantor kabupaten, yang menerima batch dari semua "
                "petugas. Berkas profil kabupaten yang dibuat di sini dibagikan ke setiap petugas."
            )
        )
        district_text.setWordWrap(True)
        self.district_name = QLineEdit(objectName="setup_district_name")
        self.district_name.setMaxLength(_MAX_NAME)
        self.district_name.setPlaceholderText(self.tr("mis. Disnakertrans Kabupaten Sukamara"))
        self.regency = QLineEdit(settings.regency_code, objectName="setup_regency")
        self.regency.setMaxLength(5)
        self.regency.setPlaceholderText("62.08")
        self.regency.setMaximumWidth(self.regency.fontMetrics().horizontalAdvance("00.000") + 24)
        self.regency_name = QLabel(objectName="setup_regency_name")
        regency_row = QHBoxLayout()
        regency_row.addWidget(self.regency)
        regency_row.addWidget(self.regency_name, 1)
        self.target = QSpinBox(objectName="setup_target")
        self.target.setRange(1, 10_000_000)
        self.target.setGroupSeparatorShown(True)
        self.target.setValue(settings.target)
        self.target.setMaximumWidth(self.target.sizeHint().width())
        district_form = QFormLayout()
        district_form.addRow(self.tr("Nama kantor"), self.district_name)
        district_form.addRow(self.tr("Kode kabupaten/kota"), regency_row)
        district_form.addRow(self.tr("Target pekerja terdaftar"), self.target)
        self.district_message = _message_label("district_message")
        self.district_button = QPushButton(
            self.tr("Siapkan sebagai kantor kabupaten…"), objectName="setup_district"
        )
        _lay_out_box(district_box, district_text, district_form, self.district_message,
                     self.district_button)  # fmt: skip

        boxes = QHBoxLayout()
        boxes.addWidget(officer_box, 1)
        boxes.addWidget(district_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(boxes)
        layout.addStretch(1)

        self.regency.textChanged.connect(self._show_regency_name)
        self.officer_button.clicked.connect(self.set_up_officer)
        self.district_button.clicked.connect(self.set_up_district)
        self._show_regency_name()

    def _show_regency_name(self) -> None:
        code = self.regency.text().strip()
        name = self.regions.regency_name(code) if _REGENCY_CODE.fullmatch(code) else ""
        self.regency_name.setText(name.title())

    def _save_path(self, title: str, suggested: str) -> Path | None:
        chosen = dialogs.choose(
            self, dialogs.FileRequest("save", title, _JSON, str(Path.home() / suggested))
        )
        return Path(chosen[0]) if chosen else None

    # --- officer device --------------------------------------------------------------

    def set_up_officer(self) -> None:
        """Profile file -> fingerprint compared -> where to save -> keys, identity, enrolment."""
        self.officer_message.clear()
        officer = self.officer_name.text().strip()
        if not officer:
            self._refuse(self.officer_message, self.officer_name, self.tr("Isi nama petugas."))
            return
        chosen = dialogs.choose(
            self, dialogs.FileRequest("open", self.tr("Pilih berkas profil kabupaten"), _JSON)
        )
        if not chosen:
            return
        try:
            profile = read_district_profile(chosen[0])
        except (OSError, ValueError) as exc:
            dialogs.inform(
                self,
                self.tr("Bukan profil kabupaten"),
                self.tr(
                    "Berkas ini bukan profil kabupaten Jaring yang sah, atau rusak. Tidak ada "
                    "yang berubah; minta berkas profil kabupaten dari kantor kabupaten."
                ),
                error=True,
                details=str(exc),
            )
            return
        regency = self.regions.regency_name(profile["regency_code"]).title()
        if not dialogs.confirm(
            self,
            self.tr("Bandingkan sidik jari"),
            arg(
                self.tr(
                    "Kantor: %1\nWilayah: %2 %3\nSidik jari kabupaten: %4\n\nSidik jari ini "
                    "harus sama persis dengan yang tampil di komputer kantor kabupaten. Sama?"
                ),
                profile["name"],
                profile["regency_code"],
                regency,
                profile["fingerprint"],
            ),
            self.tr("Sama, lanjutkan"),
            self.tr("Tidak sama"),
        ):
            return
        suggested = f"pendaftaran-{_file_stem(officer)}.json"
        path = self._save_path(self.tr("Simpan berkas pendaftaran perangkat"), suggested)
        if path is None:
            return

        def set_up() -> tuple[Path, str]:
            done = set_up_officer(self.db, profile, officer, path)
            return done.enrolment_path, done.fingerprint

        self._set_up(
            set_up,
            self.tr("Perangkat petugas siap"),
            self.tr(
                "Sidik jari perangkat ini: %1\n\nSerahkan berkas %2 ke kantor kabupaten dan "
                "bacakan sidik jari ini kepada staf yang mendaftarkan perangkat. Batch dari "
                "laptop ini diterima setelah perangkat didaftarkan."
            ),
        )

    # --- district office -------------------------------------------------------------

    def set_up_district(self) -> None:
        """Checked fields -> where to save -> keys, identity, district profile."""
        self.district_message.clear()
        name = self.district_name.text().strip()
        code = self.regency.text().strip()
        if not name:
            self._refuse(
                self.district_message, self.district_name, self.tr("Isi nama kantor kabupaten.")
            )
            return
        if not _REGENCY_CODE.fullmatch(code):
            self._refuse(
                self.district_message,
                self.regency,
                self.tr("Kode kabupaten/kota ditulis seperti 62.08."),
            )
            return
        if not self.regions.regency_name(code):
            self._refuse(
                self.district_message,
                self.regency,
                arg(self.tr("Kode kabupaten/kota %1 tidak dikenal."), code),
            )
            return
        path = self._save_path(self.tr("Simpan profil kabupaten"), "profil-kabupaten.json")
        if path is None:
            return
        target = self.target.value()

        def set_up() -> tuple[Path, str]:
            done = set_up_district(self.db, name, code, path, target)
            return done.profile_path, done.fingerprint

        self._set_up(
            set_up,
            self.tr("Kantor kabupaten siap"),
            self.tr(
                "Sidik jari kabupaten: %1\n\nBagikan berkas %2 ke setiap petugas. Saat "
                "menyiapkan laptopnya, petugas membandingkan sidik jari ini dengan yang "
                "tampil di sini (tab Perangkat petugas)."
            ),
        )

    # --- shared ----------------------------------------------------------------------

    def _set_up(
        self, set_up: Callable[[], tuple[Path, str]], done_title: str, done_text: str
    ) -> None:
        """Make the keys and the identity and write the document to hand over (``set_up``
        returns where it was written and the fingerprint), then say what to do with it (%1
        fingerprint, %2 path). The set-up counts as done even when only the writing failed."""
        try:
            written, fingerprint = set_up()
        except HandOverNotWritten as exc:
            written, fingerprint = self._write_again(exc), exc.fingerprint
        except (IdentityError, KeyStoreError, ValueError, OSError) as exc:
            self._setup_failed(exc)
            return
        if written is not None:
            dialogs.inform(self, done_title, arg(done_text, fingerprint, written))
        self.configured.emit()

    def _refuse(self, message: QLabel, field: QWidget, text: str) -> None:
        message.setText(text)
        field.setFocus()

    def _setup_failed(self, exc: Exception) -> None:
        dialogs.inform(self, self.tr("Penyiapan gagal"), explain(exc), error=True, details=str(exc))

    def _write_again(self, failure: HandOverNotWritten) -> Path | None:
        """The set-up is done but its document was not written: offer to write it (remade
        from the identity) somewhere else until that works. The path written, or None when
        the user gave up."""
        path, details = failure.path, str(failure)
        while True:
            answer = dialogs.ask(
                self,
                dialogs.Question(
                    self.tr("Berkas belum tersimpan"),
                    arg(
                        self.tr(
                            "Laptop ini sudah disiapkan, tetapi berkas %1 tidak bisa ditulis "
                            "(flashdisk dicabut atau penuh?).\n\nTanpa berkas itu "
                            "pertukaran data belum bisa dimulai. Simpan lagi, misalnya ke "
                            "folder lain?"
                        ),
                        path,
                    ),
                    [
                        ("retry", self.tr("Simpan lagi…")),
                        ("later", self.tr("Nanti")),
                    ],
                    default="retry",
                    escape="later",
                    icon=QMessageBox.Icon.Warning,
                    details=details,
                ),
            )
            if answer != "retry":
                return None
            path = self._save_path(self.tr("Simpan berkas"), path.name)
            if path is None:
                return None
            try:
                return write_hand_over_again(self.db, path)
            except OSError as exc:
                details = str(exc)


def _message_label(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    return label


def _lay_out_box(box: QGroupBox, text: QLabel, form: QFormLayout, message: QLabel, button) -> None:
    """One role's box: what it is for, its fields, its message, its button bottom right."""
    layout = QVBoxLayout(box)
    layout.addWidget(text)
    layout.addLayout(form)
    layout.addWidget(message)
    layout.addStretch(1)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
