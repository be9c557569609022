"""First-run questions and the settings dialog: regency, officer, target, ages, language, and
the district's sync address (officers' "Kirim ke kabupaten")."""

from __future__ import annotations

import dataclasses
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

from models.formatting import arg
from models.regions import Regions, default_regions
from models.settings import Settings


def valid_sync_url(url: str) -> bool:
    """Empty (not set) or an http(s) address with a host."""
    if not url:
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in url


class SettingsDialog(QDialog):
    """Asks for the settings; `settings()` gives what was chosen."""

    def __init__(
        self,
        settings: Settings,
        *,
        first_run: bool = False,
        regions: Regions | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._settings = settings
        regions = regions or default_regions()
        self.setWindowTitle(
            self.tr("Selamat datang di Jaring") if first_run else self.tr("Pengaturan")
        )
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(
                self.tr(
                    "Sebelum mulai, isi kabupaten tempat Anda bertugas, nama Anda sebagai petugas, "
                    "dan target jumlah pekerja yang didaftarkan. Semua bisa diubah nanti di "
                    "Pengaturan."
                )
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.regency = QComboBox(objectName="regency")
        self.regency.setEditable(True)
        self.regency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, region in sorted(regions.regencies.items()):
            self.regency.addItem(f"{code} — {region.name.title()}", code)
        self.regency.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.regency.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.regency.setCurrentIndex(max(self.regency.findData(settings.regency_code), 0))
        form.addRow(self.tr("Kabupaten/kota"), self.regency)

        self.officer = QLineEdit(settings.officer_name, objectName="officer_name")
        self.officer.setPlaceholderText(self.tr("Nama lengkap petugas"))
        form.addRow(self.tr("Nama petugas"), self.officer)

        self.target = QSpinBox(objectName="target")
        self.target.setRange(1, 10_000_000)
        self.target.setGroupSeparatorShown(True)
        self.target.setValue(settings.target)
        form.addRow(self.tr("Target jumlah pekerja terdaftar"), self.target)

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
        form.addRow(self.tr("Alamat server kabupaten"), self.sync_url)
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
        self.officer.setFocus()

    def _regency_code(self) -> str:
        index = self.regency.findText(self.regency.currentText())
        return self.regency.itemData(index) if index >= 0 else ""

    def _accept(self) -> None:
        if not self._regency_code():
            self.message.setText(self.tr("Pilih kabupaten/kota dari daftar."))
            self.regency.setFocus()
        elif not self.officer.text().strip():
            self.message.setText(self.tr("Nama petugas wajib diisi."))
            self.officer.setFocus()
        elif self.age_min.value() > self.age_max.value():
            self.message.setText(self.tr("Umur terendah tidak boleh lebih dari umur tertinggi."))
            self.age_min.setFocus()
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
            target=self.target.value(),
            age_min=self.age_min.value(),
            age_max=self.age_max.value(),
            language=self.language.currentData(),
            sync_url=self._sync_url(),
            configured=True,
        )
