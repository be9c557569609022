"""What went wrong, in the user's language, with what to do about it.

Domain errors carry stable codes; this module turns them (and the operating system's errors:
a full disk, a pulled USB stick) into translated sentences.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication

from exchange.batch_file import BatchRejected
from exchange.keys import KeyExists, KeyStoreError
from models.identity import IdentityError, TrustError
from models.store import DuplicateNik

translate = QCoreApplication.translate


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
    return translate("Errors", "Batch ditolak (%1).").replace("%1", code)


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
    return texts.get(
        code, translate("Errors", "Tanda terima tidak bisa dipakai (%1).").replace("%1", code)
    )


def explain(exc: BaseException) -> str:
    """A sentence for the user about ``exc``."""
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
        return translate("Errors", "NIK %1 sudah dipakai pendaftaran lain.").replace("%1", exc.nik)
    if isinstance(exc, ValueError):
        return translate("Errors", "Berkas atau isian tidak sah: %1").replace("%1", str(exc))
    return translate("Errors", "Terjadi kesalahan: %1").replace("%1", str(exc))
