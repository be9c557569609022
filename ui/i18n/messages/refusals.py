"""Why a batch, a sync request, a receipt or a status update was refused (context "Errors")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.formatting import arg

translate = QCoreApplication.translate


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
