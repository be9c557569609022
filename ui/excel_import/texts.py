"""The Excel import's words shared by its steps: why a workbook cannot be read, the fields a
column can hold, and the file filter of the file dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from excel.list_import import FIELDS, ExcelImportError
from i18n import labels

EXCEL_FILTER = "Excel (*.xlsx)"


def import_error_text(exc: ExcelImportError) -> str:
    """Why a workbook cannot be imported, and what to do (codes of `ExcelImportError`)."""
    translate = QCoreApplication.translate
    texts = {
        "not_xlsx": translate(
            "ExcelImport", "Berkas ini bukan buku kerja Excel (.xlsx). Buka di Excel atau "
            "LibreOffice, simpan sebagai .xlsx, lalu impor berkas itu."
        ),
        "old_xls": translate(
            "ExcelImport", "Berkas ini format Excel lama (.xls). Buka di Excel atau LibreOffice, "
            "simpan sebagai .xlsx, lalu impor berkas itu."
        ),
        "encrypted": translate(
            "ExcelImport", "Berkas ini dikunci dengan kata sandi. Buka di Excel, hapus kata "
            "sandinya (Simpan Sebagai tanpa kata sandi), lalu impor salinan itu."
        ),
        "empty": translate("ExcelImport", "Berkas atau lembar ini kosong. Salin ulang berkasnya."),
        "no_sheet": translate("ExcelImport", "Lembar yang dipilih tidak ada di berkas ini."),
        "no_header": translate(
            "ExcelImport", "Baris judul kolom tidak ditemukan di 10 baris pertama. Tulis judul "
            "kolom (NIK, Nama, Tanggal Lahir, …) dalam satu baris di atas data."
        ),
        "too_many_rows": translate(
            "ExcelImport", "Lembar ini terlalu banyak barisnya. Bagi menjadi beberapa berkas lalu "
            "impor satu per satu."
        ),
        "unreadable": translate(
            "ExcelImport", "Berkas rusak atau tidak lengkap (penyalinan terputus?). Salin ulang "
            "atau simpan ulang dari Excel."
        ),
    }  # fmt: skip
    return texts.get(exc.code, str(exc))


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
