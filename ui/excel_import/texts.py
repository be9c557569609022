"""The Excel import's words shared by its steps: the fields a column can hold, and the file
filter of the file dialogs (why a workbook cannot be read: `ui.i18n.messages`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from excel.list_import import FIELDS
from ui.i18n import labels

EXCEL_FILTER = "Excel (*.xlsx)"


def field_labels() -> dict[str, str]:
    """The fields a column can hold, in `FIELDS`' order, in the user's language."""
    translate = QCoreApplication.translate
    translated = {
        **labels.field_labels(),
        "birth_place_date": translate("ExcelImport", "Tempat, tanggal lahir"),
        "rt_rw": translate("ExcelImport", "RT/RW"),
    }
    return {field: translated.get(field, label) for field, label in FIELDS.items()}


def field_list(fields: list[str]) -> str:
    """Fields by their labels, comma-separated (a field without a label by its name)."""
    names = field_labels()
    return ", ".join(names.get(field, field) for field in fields)
