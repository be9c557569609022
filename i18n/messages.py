"""What the domain's codes mean, in the user's language: one entry point per kind of code.

- `problem_text`: a check's problem (`models.problems`, codes of `models.validation` and of
  the Excel import), context "Problems";
- `conflict_kind`, `conflict_reason`: why the merge set a registration aside
  (`models.conflicts`, `models.duplicates`);
- `rejection_text`: why a batch or a sync request was refused; `receipt_text`: why a
  receipt or status update could not be used (context "Errors");
- `explain`: an exception (the domain's, the operating system's) as a sentence with what to do;
- `sync_failure_text`, `export_error_text`, `import_error_text`, `kpj_conflict_text`: why a
  sync, an Excel export, an Excel import or a row of BPJS's KPJ list did not go through.

The translation contexts are the ones these texts had where they were first written, so
jaring_en.ts keeps their English. The names for codes (statuses, target groups…) are not
messages: they are in `models.vocabulary`, translated by `i18n.labels`.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication

from excel.export_errors import ExcelExportError
from excel.workbook_file import ExcelImportError
from exchange.batch_file import BatchRejected
from exchange.keys import KeyExists, KeyStoreError
from models import vocabulary
from models.formatting import arg, tanggal
from models.identity import IdentityError, TrustError
from models.problems import Problem
from models.store import DuplicateNik

translate = QCoreApplication.translate


def _label(table: dict, code: object, default: str) -> str:
    """The translated name of ``code`` in a `models.vocabulary` table; ``default`` if none."""
    text = table.get(code)
    return translate(vocabulary.CONTEXT, text) if text is not None else default


# --- problems found by the checks --------------------------------------------------------


def problem_text(problem: Problem) -> str:
    """The sentence shown to the user for a problem."""
    p = problem.params
    label = _label(vocabulary.FIELD_LABELS, problem.field, problem.field)
    texts = {
        "required": translate("Problems", "%1 wajib diisi."),
        "consent.required": translate("Problems", "Pekerja harus menyetujui pemrosesan datanya."),
        "nik.digits": translate("Problems", "NIK hanya boleh berisi angka."),
        "nik.length": translate("Problems", "NIK harus 16 angka."),
        "nik.province": translate(
            "Problems", "Dua angka pertama NIK bukan kode provinsi yang dikenal."
        ),
        "nik.date": translate(
            "Problems", "Tanggal lahir di dalam NIK (angka ke-7 s.d. 12) bukan tanggal yang sah."
        ),
        "nik.serial": translate("Problems", "Empat angka terakhir NIK tidak boleh 0000."),
        "nik.region_unknown": translate(
            "Problems", "Kode kecamatan %1 di NIK tidak ada di tabel wilayah. Periksa lagi NIK-nya."
        ),
        "nik.birth_date_mismatch": translate(
            "Problems", "Tanggal lahir menurut NIK adalah %1. Benar tanggal lahirnya berbeda?"
        ),
        "nik.sex_mismatch": translate(
            "Problems", "Menurut NIK jenis kelaminnya %1. Benar berbeda?"
        ),
        "nik.duplicate": translate("Problems", "NIK ini sudah terdaftar atas nama %1."),
        "kk.digits": translate("Problems", "Nomor KK hanya boleh berisi angka."),
        "kk.length": translate("Problems", "Nomor KK harus 16 angka."),
        "kk.date": translate(
            "Problems", "Bagian tanggal Nomor KK (angka ke-7 s.d. 12) bukan tanggal yang sah."
        ),
        "name.characters": translate(
            "Problems", "Nama berisi angka atau tanda yang tidak biasa. Sudah sesuai KTP?"
        ),
        "birth_date.future": translate("Problems", "Tanggal lahir tidak boleh di masa depan."),
        "birth_date.format": translate(
            "Problems", "Tulis tanggal sebagai hh-bb-tttt, misalnya 05-07-1990."
        ),
        "age.range": translate(
            "Problems", "Umur %1 tahun, di luar batas program (%2–%3 tahun). Tetap daftarkan?"
        ),
        "choice.invalid": translate("Problems", "Pilihan untuk %1 tidak dikenal."),
        "rt_rw.format": translate("Problems", "RT/RW harus berupa angka, paling banyak 3 angka."),
        "village.outside_regency": translate(
            "Problems", "Desa harus berada di kabupaten yang dipilih di Pengaturan."
        ),
        "village.unknown": translate("Problems", "Desa tidak ada di tabel wilayah."),
        "postal_code.format": translate(
            "Problems", "Kode pos biasanya 5 angka dan tidak diawali 0. Sudah benar?"
        ),
        "phone.format": translate(
            "Problems", "Nomor HP harus nomor seluler Indonesia, misalnya 0812… atau +62812…"
        ),
        "email.format": translate("Problems", "Alamat email tidak sah."),
        "income.negative": translate("Problems", "Penghasilan tidak boleh negatif."),
        "income.format": translate(
            "Problems", "Tulis penghasilan dengan angka saja, misalnya 1.500.000."
        ),
        "kpj.format": translate("Problems", "Nomor KPJ harus 11 angka."),
        "nik.excel_number": translate(
            "Problems",
            "NIK tersimpan sebagai angka di Excel, sehingga angka terakhirnya bisa hilang"
            " (Excel hanya menyimpan 15 angka). Format kolom NIK sebagai Teks, lalu ketik"
            " ulang NIK dari KTP.",
        ),
        "kk.excel_number": translate(
            "Problems",
            "Nomor KK tersimpan sebagai angka di Excel, sehingga angka terakhirnya bisa hilang."
            " Format kolomnya sebagai Teks, lalu ketik ulang Nomor KK.",
        ),
        "kpj.excel_number": translate(
            "Problems",
            "Nomor KPJ tersimpan sebagai angka di Excel dan angka nol di depannya hilang."
            " Format kolom KPJ sebagai Teks, lalu salin ulang dari data BPJS.",
        ),
        "kpj.number_kept": translate(
            "Problems",
            "Nomor KPJ tersimpan sebagai angka di Excel; dibaca sebagai 11 angka. Sebaiknya"
            " format kolom KPJ sebagai Teks.",
        ),
        "cell.excel_error": translate(
            "Problems",
            "Isian %1 berisi galat rumus Excel (#N/A, #REF! dan sejenisnya). Perbaiki rumusnya"
            " atau ketik isiannya.",
        ),
        "cell.auto_date": translate(
            "Problems",
            "Excel mengubah isian %1 menjadi tanggal. Format kolomnya sebagai Teks, lalu ketik"
            " ulang isiannya.",
        ),
        "village.ambiguous": translate(
            "Problems",
            "Ada beberapa desa dengan nama ini di kabupaten. Isi kolom Kecamatan atau tulis"
            " kode desanya.",
        ),
        "village.not_in_kecamatan": translate(
            "Problems", "Desa ini tidak berada di kecamatan yang ditulis."
        ),
        "kecamatan.unknown": translate(
            "Problems", "Kecamatan tidak ada di kabupaten yang dipilih di Pengaturan."
        ),
        "import.duplicate_in_file": translate(
            "Problems", "NIK ini sudah ada di baris sebelumnya dalam berkas ini."
        ),
    }
    values = {
        "nik.region_unknown": (p.get("kecamatan", ""),),
        "nik.birth_date_mismatch": (tanggal(p.get("nik_date")),),
        "nik.sex_mismatch": (_label(vocabulary.SEX_LABELS, p.get("nik_sex", ""), ""),),
        "nik.duplicate": (p.get("name") or "?",),
        "age.range": (p.get("age"), p.get("min"), p.get("max")),
    }
    text = texts.get(problem.code, translate("Problems", "Isian %1 perlu diperiksa."))
    return arg(text, *values.get(problem.code, (label,)))


# --- conflicts set aside by the merge ----------------------------------------------------


def conflict_kind(kind: str) -> str:
    """The kind of a conflict (`models.conflicts.KINDS`), as the conflicts list names it."""
    texts = {
        "nik": translate("ConflictsPage", "NIK sama"),
        "likely_duplicate": translate("ConflictsPage", "Mungkin ganda"),
    }
    return texts.get(kind, kind)


def conflict_reason(reason: str) -> str:
    """The merge's reasons for a conflict, in the user's language."""
    texts = {
        "same NIK, another id": translate("Labels", "NIK sama, pendaftaran lain"),
        "same name and birth date": translate("Labels", "Nama dan tanggal lahir sama"),
        "similar name, same desa and birth year": translate(
            "Labels", "Nama mirip, desa dan tahun lahir sama"
        ),
    }
    return texts.get(reason, reason)


# --- batches, receipts, sync and other failures -------------------------------------------


def rejection_text(code: str) -> str:
    """Why a batch or a sync request was refused (codes of `exchange.batch_file.REJECTION_CODES`,
    of the merge and of `httpsync.server`; a receipt's codes read as `receipt_text`), and what to
    do."""
    texts = {
        "not_a_batch": translate("Errors", "Bukan berkas batch Jaring."),
        "truncated": translate(
            "Errors", "Berkas batch rusak atau terpotong. Minta petugas menulis ulang batch ini."
        ),
        "too_large": translate("Errors", "Berkas terlalu besar untuk sebuah batch."),
        "bad_members": translate("Errors", "Isi berkas batch tidak sesuai format Jaring."),
        "not_encrypted": translate("Errors", "Batch tidak terenkripsi; ditolak."),
        "bad_manifest": translate("Errors", "Keterangan batch (manifest) rusak."),
        "unknown_device": translate(
            "Errors",
            "Perangkat pengirim tidak terdaftar atau sudah dicabut. Daftarkan perangkatnya dulu.",
        ),
        "bad_signature": translate(
            "Errors", "Tanda tangan batch tidak cocok: berkas diubah setelah dibuat."
        ),
        "payload_changed": translate("Errors", "Isi batch berubah setelah ditandatangani."),
        "wrong_recipient": translate("Errors", "Batch ini dienkripsi untuk kabupaten lain."),
        "cannot_decrypt": translate("Errors", "Batch tidak bisa dibuka dengan kunci kabupaten."),
        "bad_records": translate("Errors", "Data pendaftaran di dalam batch rusak."),
        "seq_reused": translate(
            "Errors", "Nomor batch ini sudah dipakai batch lain dari perangkat yang sama."
        ),
        "unreadable": translate(
            "Errors", "Berkas tidak bisa dibaca. Periksa flashdisk, lalu coba lagi."
        ),
        # What the sync endpoint answers (httpsync.server); the batch is never half merged.
        "batch_id_reused": translate(
            "Errors",
            "Kabupaten sudah menyimpan batch lain dengan kode batch yang sama. Batch "
            "ini tidak digabung; hubungi kantor kabupaten.",
        ),
        "other_device": translate(
            "Errors",
            "Batch atau data itu milik perangkat petugas lain: perangkat hanya "
            "mengirim batch buatannya sendiri dan membaca kabarnya sendiri.",
        ),
        "batch_id_mismatch": translate(
            "Errors",
            "Alamat pengiriman menyebut batch lain daripada isi berkasnya; tidak ada "
            "yang digabung. Kirim lagi; bila terulang, hubungi kantor kabupaten.",
        ),
        "disconnected": translate(
            "Errors",
            "Pengiriman terputus di tengah jalan; tidak ada yang digabung. Batch ini "
            "dikirim lagi lain kali.",
        ),
        "timeout": translate(
            "Errors",
            "Pengiriman terhenti terlalu lama sehingga diputus server; tidak ada yang "
            "digabung. Kirim lagi saat sinyal lebih baik.",
        ),
        "http_error": translate(
            "Errors",
            "Server menjawab dengan galat HTTP, bukan jawaban Jaring (alamat server "
            "salah?). Periksa alamat server kabupaten di Pengaturan.",
        ),
        "unauthenticated": translate(
            "Errors",
            "Permintaan sampai tanpa tanda tangan perangkat. Bila terulang, hubungi "
            "kantor kabupaten.",
        ),
        "bad_request_signature": translate(
            "Errors",
            "Tanda tangan perangkat tidak cocok dengan kunci yang didaftarkan di "
            "kabupaten (perangkat disiapkan ulang?). Hubungi kantor kabupaten untuk "
            "mendaftarkan perangkat ini lagi.",
        ),
        "clock_skew": translate(
            "Errors",
            "Jam laptop berbeda jauh dengan jam server kabupaten. Atur tanggal, jam "
            "dan zona waktu laptop, lalu kirim lagi.",
        ),
        "bad_request": translate(
            "Errors",
            "Server kabupaten tidak memahami permintaan ini. Bila terulang, laporkan "
            "ke kantor kabupaten.",
        ),
        "busy": translate(
            "Errors", "Basis data kabupaten sedang sibuk. Coba lagi beberapa saat lagi."
        ),
        "internal": translate(
            "Errors",
            "Server kabupaten mengalami galat. Coba lagi nanti; bila terulang, "
            "laporkan ke kantor kabupaten.",
        ),
    }
    if code in texts:
        return texts[code]
    if code in _RECEIPT_CODES:
        return receipt_text(code)
    return arg(translate("Errors", "Batch ditolak (%1)."), code)


#: Codes only a receipt or an updates document has (`exchange.receipts`, `exchange.signed_updates`).
_RECEIPT_CODES = frozenset(
    {"other_batch", "not_receipt", "not_updates", "not_officer", "not_district"}
)


def receipt_text(code: str) -> str:
    """Why the district's receipt or status updates could not be used (codes of
    `exchange.receipts.ReceiptError`), and what to do. The batch itself is not in question."""
    texts = {
        "bad_signature": translate(
            "Errors",
            "Tanda terima tidak ditandatangani kantor kabupaten perangkat ini, atau "
            "telah diubah. Tanda terima itu diabaikan.",
        ),
        "other_device": translate("Errors", "Tanda terima itu untuk perangkat petugas lain."),
        "other_batch": translate(
            "Errors",
            "Tanda terima tidak cocok dengan batch yang keluar dari perangkat ini "
            "(nomor atau isinya lain); diabaikan. Batch itu dikirim lagi lain kali; bila "
            "terulang, hubungi kantor kabupaten.",
        ),
        "not_receipt": translate("Errors", "Itu bukan tanda terima Jaring yang utuh; diabaikan."),
        "not_updates": translate(
            "Errors",
            "Kabar dari kabupaten rusak atau bukan kabar Jaring; diabaikan. Minta "
            "kantor kabupaten menulisnya lagi.",
        ),
        "not_officer": translate(
            "Errors", "Hanya perangkat petugas yang membaca tanda terima dan kabar dari kabupaten."
        ),
        "not_district": translate(
            "Errors",
            "Hanya basis data kantor kabupaten yang menandatangani tanda terima dan kabar.",
        ),
        "unknown_device": translate("Errors", "Perangkat itu tidak terdaftar di kabupaten ini."),
        "unreadable": translate(
            "Errors", "Tanda terima tidak bisa dibaca. Periksa flashdisk, lalu coba lagi."
        ),
    }
    return texts.get(code) or arg(
        translate("Errors", "Tanda terima tidak bisa dipakai (%1)."), code
    )


def explain(exc: BaseException) -> str:
    """A sentence for the user about ``exc``: the operating system's errors (a full disk, a
    pulled USB stick) and the domain's exceptions, by their codes."""
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return translate(
                "Errors", "Ruang disk atau flashdisk penuh. Tidak ada yang berubah; kosongkan "
                "ruang lalu coba lagi."
            )  # fmt: skip
        return translate(
            "Errors", "Berkas tidak bisa ditulis atau dibaca (flashdisk dicabut?). Tidak ada "
            "yang berubah; periksa lalu coba lagi."
        )  # fmt: skip
    if isinstance(exc, BatchRejected):
        return rejection_text(exc.code)
    if isinstance(exc, IdentityError):
        if exc.code == "already_initialised":
            return translate(
                "Errors", "Basis data ini sudah disiapkan sebelumnya; penyiapan hanya dilakukan "
                "sekali."
            )  # fmt: skip
        return translate(
            "Errors", "Basis data ini belum disiapkan untuk pengiriman batch (officer-init atau "
            "district-init)."
        )  # fmt: skip
    if isinstance(exc, TrustError):
        texts = {
            "revoked": translate("Errors", "Perangkat ini sudah dicabut."),
            "key_mismatch": translate(
                "Errors", "Perangkat ini sudah terdaftar dengan kunci lain. Periksa berkasnya."
            ),
            "key_in_use": translate("Errors", "Kunci ini sudah dipakai perangkat lain."),
            "unknown_device": translate("Errors", "Perangkat tidak dikenal."),
        }
        return texts.get(exc.code, str(exc))
    if isinstance(exc, KeyExists):
        return translate(
            "Errors", "Folder kunci di samping basis data sudah berisi kunci, padahal basis data "
            "ini belum disiapkan. Tidak ada yang berubah; hubungi admin kabupaten."
        )  # fmt: skip
    if isinstance(exc, KeyStoreError):
        return translate(
            "Errors", "Kunci perangkat tidak ditemukan atau tidak cocok. Hubungi admin kabupaten."
        )
    if isinstance(exc, DuplicateNik):
        return arg(translate("Errors", "NIK %1 sudah dipakai pendaftaran lain."), exc.nik)
    if isinstance(exc, ValueError):
        return arg(translate("Errors", "Berkas atau isian tidak sah: %1"), exc)
    return arg(translate("Errors", "Terjadi kesalahan: %1"), exc)


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
