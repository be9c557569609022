"""What went wrong, in the user's language, with what to do about it.

Domain errors carry stable codes; this module turns them (and the operating system's errors:
a full disk, a pulled USB stick) into translated sentences.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication

from models.identity import IdentityError, TrustError
from models.store import DuplicateNik
from sync.batch_file import BatchRejected
from sync.keys import KeyExists, KeyStoreError

translate = QCoreApplication.translate


def rejection_text(code: str) -> str:
    """Why a batch file was refused (codes of `sync.batch_file.REJECTION_CODES` and of the
    merge), and what to do."""
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
    }
    return texts.get(code, translate("Errors", "Batch ditolak (%1).").replace("%1", code))


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
