"""Why a job the user started did not go through: a sync, an Excel export or import, a row of
BPJS's KPJ list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from excel.export_errors import ExcelExportError
from excel.workbook_file import ExcelImportError
from models.formatting import arg
from ui.i18n.messages.refusals import rejection_text

translate = QCoreApplication.translate


# --- jobs the user started: sync, Excel --------------------------------------------------


def sync_failure_text(code: str, server_code: str = "") -> str:
    """Why a sync with the district stopped (codes of `httpsync.client.SyncError`), and what
    to do; ``server_code`` is the district's own refusal code, when it gave one."""
    texts = {
        "cancelled": translate(
            "BatchesPage",
            "Pengiriman dibatalkan. Batch yang sudah diterima kabupaten tetap tercatat; "
            "sisanya dikirim lain kali.",
        ),
        "unreachable": translate(
            "BatchesPage",
            "Server kabupaten tidak bisa dihubungi. Periksa sinyal dan alamat server, lalu "
            "coba lagi. Batch yang belum terkirim tetap tersimpan.",
        ),
        "device_refused": translate(
            "BatchesPage",
            "Server kabupaten tidak mengenal perangkat ini: perangkat belum didaftarkan di "
            "kabupaten atau sudah dicabut. Hubungi kantor kabupaten dan cocokkan sidik jari "
            "perangkat ini. Batch yang belum terkirim tetap tersimpan.",
        ),
        "clock_skew": translate(
            "BatchesPage",
            "Tanggal atau jam laptop ini berbeda jauh dengan server kabupaten. Atur "
            "tanggal, jam dan zona waktu laptop, lalu kirim lagi. Batch yang belum "
            "terkirim tetap tersimpan.",
        ),
        "server_refused": arg(
            translate(
                "BatchesPage",
                "Server kabupaten menolak permintaan perangkat ini: %1 Batch yang belum "
                "terkirim tetap tersimpan.",
            ),
            rejection_text(server_code or "http_error"),
        ),
        "bad_answer": translate(
            "BatchesPage",
            "Jawaban server kabupaten tidak bisa dipakai (alamat server salah, atau server "
            "lain yang menjawab?). Periksa alamat server di Berkas → Pengaturan. Batch yang "
            "belum terkirim tetap tersimpan.",
        ),
    }
    unusable = translate("BatchesPage", "Jawaban server kabupaten tidak bisa dipakai.")
    return texts.get(code, unusable)


def export_error_text(exc: ExcelExportError) -> str:
    """Why an export could not be made (codes of `ExcelExportError`), and what to do."""
    texts = {
        "nothing_to_export": translate(
            "ExcelExport", "Tidak ada pendaftaran yang cocok dengan pilihan ini. Tidak ada "
            "berkas yang ditulis."
        ),
        "folder_missing": translate(
            "ExcelExport", "Folder tujuan tidak ada (flashdisk dicabut?). Pilih folder lain."
        ),
        "not_a_folder": translate("ExcelExport", "Tujuan yang dipilih bukan folder."),
        "not_a_file": translate(
            "ExcelExport", "Nama berkas yang dipilih adalah sebuah folder. Tulis nama berkas."
        ),
        "template_invalid": translate(
            "ExcelExport", "Format berkas BPJS (templat) rusak. Hubungi admin kabupaten."
        ),
        "write_failed": translate(
            "ExcelExport", "Berkas tidak bisa ditulis (flashdisk penuh atau berkas sedang "
            "dibuka di Excel?). Tidak ada berkas yang tertinggal; periksa lalu coba lagi."
        ),
        "mark_failed": translate(
            "ExcelExport", "Status pendaftaran tidak bisa diubah menjadi diajukan, jadi berkas "
            "BPJS dihapus lagi. Tidak ada yang berubah; coba lagi."
        ),
    }  # fmt: skip
    return texts.get(exc.code, exc.message)


def import_error_text(exc: ExcelImportError) -> str:
    """Why a workbook cannot be imported, and what to do (codes of `ExcelImportError`)."""
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


def kpj_conflict_text(reason: str, existing_kpj: str = "") -> str:
    """Why a row of BPJS's KPJ list was not applied (reasons of `excel.kpj_import`)."""
    texts = {
        "other_kpj": translate("KpjImport", "pendaftaran ini sudah punya KPJ lain (%1)"),
        "kpj_twice": translate("KpjImport", "KPJ yang sama diberikan ke dua NIK di berkas"),
        "kpj_held": translate("KpjImport", "KPJ ini sudah dipakai pendaftaran lain"),
        "nik_twice": translate("KpjImport", "NIK ini mendapat dua KPJ berbeda di berkas"),
        "nik_held_twice": translate(
            "KpjImport", "NIK ini dipakai dua pendaftaran; selesaikan dulu"
        ),
    }
    return arg(texts.get(reason, reason), existing_kpj)
