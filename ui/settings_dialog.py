"""First-run questions and the settings dialog: regency, who uses it, target, ages, language,
and (in the settings) when the window locks itself and when a backup is due.
An officer's laptop (or one not yet set up) is asked for the officer's name and the district's
sync address ("Kirim ke kabupaten"); the district office's database for the office's name and
the staff member using it."""

from __future__ import annotations

import dataclasses
from datetime import date
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from models import keyring
from models.db import database_path
from models.formatting import arg, parse_tanggal, tanggal
from models.identity import identity_as
from models.regions import Regions, default_regions
from models.settings import Settings


def valid_sync_url(url: str) -> bool:
    """Empty (not set) or an http(s) address with a host."""
    if not url:
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in url


def first_run_dialog(db: Database, settings: Settings) -> SettingsDialog:
    """The first-run questions for this database: the district office's (its name and
    region filled in from ``district-init`` or the set-up page) or an officer's."""
    district = identity_as(db, "district")
    if district is not None:
        settings = dataclasses.replace(
            settings,
            office_name=settings.office_name or district.name,
            regency_code=district.regency_code or settings.regency_code,
        )
    # The account chosen before (the first-run passphrase) names the user, and a district
    # office's account (staff, supervisor) gets the office's questions.
    account = keyring.remembered(database_path(db))
    if account is not None and not settings.officer_name:
        settings = dataclasses.replace(settings, officer_name=account.user)
    office = district is not None or (account is not None and account.role != "officer")
    return SettingsDialog(settings, first_run=True, district=office)


def settings_dialog(
    db: Database, settings: Settings, *, regions: Regions | None = None, parent=None
) -> SettingsDialog:
    """*Berkas → Pengaturan* for this database: the district office's questions on its
    database (set up by ``district-init`` or the set-up page), an officer's elsewhere."""
    district = identity_as(db, "district") is not None
    return SettingsDialog(settings, district=district, regions=regions, parent=parent)


class SettingsDialog(QDialog):
    """Asks for the settings; `settings()` gives what was chosen. ``district``: the district
    office's questions (None: when the settings already name an office)."""

    def __init__(
        self,
        settings: Settings,
        *,
        first_run: bool = False,
        district: bool | None = None,
        regions: Regions | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._settings = settings
        self.district = bool(settings.office_name) if district is None else district
        regions = regions or default_regions()
        self.setWindowTitle(
            self.tr("Selamat datang di Jaring") if first_run else self.tr("Pengaturan")
        )
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(self._intro(), objectName="intro")
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self._regency_row(form, regions, settings)
        self._people_rows(form, settings)

        self.target = QSpinBox(objectName="target")
        self.target.setRange(1, 10_000_000)
        self.target.setGroupSeparatorShown(True)
        self.target.setValue(settings.target)
        form.addRow(self.tr("Target jumlah pekerja terdaftar"), self.target)
        self._pks_row(form, settings)

        self.age_min = QSpinBox(objectName="age_min")
        self.age_min.setRange(0, 120)
        self.age_min.setValue(settings.age_min)
        self.age_max = QSpinBox(objectName="age_max")
        self.age_max.setRange(0, 120)
        self.age_max.setValue(settings.age_max)
        form.addRow(self.tr("Umur terendah"), self.age_min)
        form.addRow(self.tr("Umur tertinggi"), self.age_max)

        self.language = QComboBox(objectName="language")
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        form.addRow(self.tr("Bahasa"), self.language)

        self.sync_url = QLineEdit(settings.sync_url, objectName="sync_url")
        self.sync_url.setPlaceholderText("https://kabupaten.example.go.id:8765")
        self.sync_url.setToolTip(
            self.tr(
                'Untuk petugas: alamat server kantor kabupaten, dipakai oleh "Kirim ke '
                'kabupaten". Tanyakan ke kantor kabupaten; kosongkan jika belum ada.'
            )
        )
        if not self.district:  # the district is the server; only officers send to it
            form.addRow(self.tr("Alamat server kabupaten"), self.sync_url)
        self._protection_rows(form, settings, shown=not first_run)
        layout.addLayout(form)

        self.message = QLabel(objectName="message")
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.office if self.district and not settings.office_name else self.officer).setFocus()

    def _regency_row(self, form: QFormLayout, regions: Regions, settings: Settings) -> None:
        self.regency = QComboBox(objectName="regency")
        self.regency.setEditable(True)
        self.regency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, region in sorted(regions.regencies.items()):
            self.regency.addItem(f"{code} — {region.name.title()}", code)
        self.regency.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.regency.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.regency.setCurrentIndex(max(self.regency.findData(settings.regency_code), 0))
        form.addRow(self.tr("Kabupaten/kota"), self.regency)

    def _pks_row(self, form: QFormLayout, settings: Settings) -> None:
        """District: the date of the cooperation agreement (PKS) with BPJS, where coverage
        in the BPJS file starts (`models.export_rows.coverage_start`)."""
        shown = tanggal(date.fromisoformat(settings.pks_date)) if settings.pks_date else ""
        self.pks_date = QLineEdit(shown, objectName="pks_date")
        self.pks_date.setPlaceholderText(self.tr("hh-bb-tttt, boleh kosong"))
        if self.district:
            form.addRow(self.tr("Tanggal PKS dengan BPJS"), self.pks_date)

    def _pks_iso(self) -> str | None:
        """The PKS date typed, as ISO text ("" for none); None when it is not a date."""
        try:
            found = parse_tanggal(self.pks_date.text())
        except ValueError:
            return None
        return found.isoformat() if found else ""

    def _people_rows(self, form: QFormLayout, settings: Settings) -> None:
        """Who uses it: the office and its staff member at the district, else the officer."""
        self.office = QLineEdit(settings.office_name, objectName="office_name")
        self.office.setPlaceholderText(self.tr("mis. Disnakertrans Kabupaten Sukamara"))
        self.officer = QLineEdit(settings.officer_name, objectName="officer_name")
        if self.district:
            form.addRow(self.tr("Nama kantor"), self.office)
            self.officer.setPlaceholderText(self.tr("Nama lengkap staf yang memakai komputer ini"))
            form.addRow(self.tr("Nama staf"), self.officer)
        else:
            self.officer.setPlaceholderText(self.tr("Nama lengkap petugas"))
            form.addRow(self.tr("Nama petugas"), self.officer)

    def _protection_rows(self, form: QFormLayout, settings: Settings, shown: bool) -> None:
        """The idle lock and the backup reminder (not asked at the first start)."""
        self.idle_lock = QSpinBox(objectName="idle_lock_minutes")
        self.idle_lock.setRange(0, 240)
        self.idle_lock.setSpecialValueText(self.tr("tidak pernah"))
        self.idle_lock.setSuffix(self.tr(" menit"))
        self.idle_lock.setValue(settings.idle_lock_minutes)
        self.idle_lock.setToolTip(
            self.tr(
                "Jendela ditutup dan kata sandi diminta lagi setelah sekian menit tidak "
                "dipakai. Isian formulir disimpan dulu dan tetap ada sesudah dibuka."
            )
        )
        self.backup_days = QSpinBox(objectName="backup_reminder_days")
        self.backup_days.setRange(1, 365)
        self.backup_days.setSuffix(self.tr(" hari"))
        self.backup_days.setValue(settings.backup_reminder_days)
        self.backup_days.setToolTip(
            self.tr("Jaring mengingatkan untuk mencadangkan data setelah sekian hari.")
        )
        if shown:
            form.addRow(self.tr("Kunci layar setelah tidak dipakai"), self.idle_lock)
            form.addRow(self.tr("Ingatkan cadangan setiap"), self.backup_days)

    def _intro(self) -> str:
        if self.district:
            return self.tr(
                "Sebelum mulai, periksa nama kantor kabupaten dan kabupaten/kota-nya, isi nama "
                "Anda sebagai staf yang memakai komputer ini, dan target jumlah pekerja yang "
                "didaftarkan. Semua bisa diubah nanti di Pengaturan."
            )
        return self.tr(
            "Sebelum mulai, isi kabupaten tempat Anda bertugas, nama Anda sebagai petugas, "
            "dan target jumlah pekerja yang didaftarkan. Semua bisa diubah nanti di "
            "Pengaturan."
        )

    def _regency_code(self) -> str:
        index = self.regency.findText(self.regency.currentText())
        return self.regency.itemData(index) if index >= 0 else ""

    def _accept(self) -> None:
        if not self._regency_code():
            self.message.setText(self.tr("Pilih kabupaten/kota dari daftar."))
            self.regency.setFocus()
        elif self.district and not self.office.text().strip():
            self.message.setText(self.tr("Nama kantor wajib diisi."))
            self.office.setFocus()
        elif not self.officer.text().strip():
            self.message.setText(
                self.tr("Nama staf wajib diisi.")
                if self.district
                else self.tr("Nama petugas wajib diisi.")
            )
            self.officer.setFocus()
        elif self.age_min.value() > self.age_max.value():
            self.message.setText(self.tr("Umur terendah tidak boleh lebih dari umur tertinggi."))
            self.age_min.setFocus()
        elif self._pks_iso() is None:
            self.message.setText(self.tr("Tulis tanggal PKS sebagai hh-bb-tttt."))
            self.pks_date.setFocus()
        elif not valid_sync_url(self._sync_url()):
            self.message.setText(
                arg(
                    self.tr("Alamat server harus diawali http:// atau https://, misalnya %1."),
                    "https://kabupaten.example.go.id:8765",
                )
            )
            self.sync_url.setFocus()
        else:
            self.accept()

    def _sync_url(self) -> str:
        return self.sync_url.text().strip().rstrip("/")

    def settings(self) -> Settings:
        return dataclasses.replace(
            self._settings,
            regency_code=self._regency_code(),
            officer_name=" ".join(self.officer.text().split()),
            office_name=" ".join(self.office.text().split()) if self.district else "",
            target=self.target.value(),
            age_min=self.age_min.value(),
            age_max=self.age_max.value(),
            language=self.language.currentData(),
            sync_url=self._settings.sync_url if self.district else self._sync_url(),
            idle_lock_minutes=self.idle_lock.value(),
            backup_reminder_days=self.backup_days.value(),
            pks_date=self._pks_iso() if self.district else self._settings.pks_date,
            configured=True,
        )
