"""An exception (the domain's, the operating system's) as a sentence that says what to do."""

from __future__ import annotations

import errno

from PySide6.QtCore import QCoreApplication

from exchange.batch_file import BatchRejected
from exchange.keys import KeyExists, KeyStoreError
from models.formatting import arg
from models.identity import IdentityError, TrustError
from models.store import DuplicateNik
from ui.i18n.messages.refusals import rejection_text

translate = QCoreApplication.translate


def explain(exc: BaseException) -> str:
    """A sentence for the user about ``exc``: the operating system's errors (a full disk, a
    pulled USB stick) and the domain's exceptions, by their codes."""
    if isinstance(exc, OSError):
        return _os_error_text(exc)
    if isinstance(exc, BatchRejected):
        return rejection_text(exc.code)
    if isinstance(exc, IdentityError):
        return _identity_error_text(exc.code)
    if isinstance(exc, TrustError):
        return _trust_error_text(exc)
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


def _os_error_text(exc: OSError) -> str:
    """A full disk or stick, or any other failure to read or write a file."""
    texts = {
        errno.ENOSPC: translate(
            "Errors", "Ruang disk atau flashdisk penuh. Tidak ada yang berubah; kosongkan "
            "ruang lalu coba lagi."
        ),
    }  # fmt: skip
    return texts.get(exc.errno) or translate(
        "Errors", "Berkas tidak bisa ditulis atau dibaca (flashdisk dicabut?). Tidak ada "
        "yang berubah; periksa lalu coba lagi."
    )  # fmt: skip


def _identity_error_text(code: str) -> str:
    """A set-up done twice, or a database not set up for exchanging batches."""
    if code == "already_initialised":
        return translate(
            "Errors", "Basis data ini sudah disiapkan sebelumnya; penyiapan hanya dilakukan "
            "sekali."
        )  # fmt: skip
    return translate(
        "Errors", "Basis data ini belum disiapkan untuk pengiriman batch (officer-init atau "
        "district-init)."
    )  # fmt: skip


def _trust_error_text(exc: TrustError) -> str:
    """What the district's trust store refused, by its code."""
    texts = {
        "revoked": translate("Errors", "Perangkat ini sudah dicabut."),
        "key_mismatch": translate(
            "Errors", "Perangkat ini sudah terdaftar dengan kunci lain. Periksa berkasnya."
        ),
        "key_in_use": translate("Errors", "Kunci ini sudah dipakai perangkat lain."),
        "unknown_device": translate("Errors", "Perangkat tidak dikenal."),
    }
    return texts.get(exc.code, str(exc))
