"""What the programme's dialogs share: a month field, amounts in Rupiah typed as digits,
the choices of funding source and kecamatan, and the words of life events."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QLineEdit, QWidget

from models.coverage_rules import month_number, month_text
from models.regions import Regions
from ui.i18n import labels

translate = QCoreApplication.translate


class MonthEdit(QDateEdit):
    """A month and year (the day is not shown)."""

    def __init__(self, month: str | date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDisplayFormat("MM / yyyy")
        self.set_month(month)

    def set_month(self, month: str | date) -> None:
        number = month_number(month)
        self.setDate(QDate(number // 12, number % 12 + 1, 1))

    def month(self) -> str:
        day = self.date()
        return month_text(day.year() * 12 + day.month() - 1)


def day_edit(day: date, parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setCalendarPopup(True)
    return edit


def day_of(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


def rupiah_edit(name: str, parent: QWidget | None = None) -> QLineEdit:
    """A field for an amount in Rupiah: digits only (dots and commas are typed away)."""
    edit = QLineEdit(parent, objectName=name)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9.,]{0,16}"), edit))
    edit.setPlaceholderText("0")
    return edit


def rupiah_value(text: str) -> int | None:
    """The amount typed (None when nothing is)."""
    digits = "".join(c for c in text if c.isdigit())
    return int(digits) if digits else None


def funding_combo(name: str, parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent, objectName=name)
    combo.addItem(translate("Programme", "Semua sumber iuran"), "")
    for code, text in labels.funding_labels().items():
        combo.addItem(text, code)
    return combo


def kecamatan_combo(
    regions: Regions, regency_code: str, name: str, parent: QWidget | None = None
) -> QComboBox:
    combo = QComboBox(parent, objectName=name)
    combo.addItem(translate("Programme", "Semua kecamatan"), "")
    for region in regions.kecamatan_of(regency_code):
        combo.addItem(region.name.title(), region.code)
    return combo


def event_labels() -> dict[str, str]:
    """The life events, as the screens name them."""
    return {
        "died": translate("Programme", "Meninggal dunia"),
        "moved": translate("Programme", "Pindah domisili"),
        "wage_earner": translate("Programme", "Menjadi pekerja penerima upah"),
        "not_working": translate("Programme", "Berhenti bekerja"),
        "deactivated": translate("Programme", "Dinonaktifkan BPJS"),
        "reactivated": translate("Programme", "Diaktifkan kembali"),
    }


def close_button(dialog: QDialog) -> QDialogButtonBox:
    """The dialog's "Tutup" (Qt's own word would stay English without Qt's translations)."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    box.button(QDialogButtonBox.StandardButton.Close).setText(translate("Programme", "Tutup"))
    box.rejected.connect(dialog.reject)
    return box
