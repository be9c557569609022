"""Before anything of the data is shown: the database made openable.

- encrypted: its passphrase (`ui.unlock_dialog.UnlockDialog`), then its keys are remembered
  for this process, so every connection the app opens later finds them;
- none yet: the first-run passphrase (`ui.passphrase_dialogs.FirstRunPassphraseDialog`)
  and a new encrypted database; the district office's first account is its supervisor,
  whose recovery code is shown once (`ui.recovery_code_dialog`);
- plain, from an earlier version: why it is encrypted now, a new passphrase, and the
  conversion (`models.encryption.protect`) on a worker thread behind a busy indicator;
- plain on purpose (``--no-encryption``, demos and tests): opened as it is, and the window
  says so in red for as long as it is open.

Each step's Keluar leaves the app with nothing changed.
"""

from __future__ import annotations

import getpass
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models import keyring
from models.db import DatabaseError, is_encrypted, is_plain_database, open_database
from models.formatting import arg
from models.identity import identity_as
from models.settings import load_settings
from models.sqlite_driver import sqlite
from ui import dialogs
from ui.busy import run_busy, waiting_cursor
from ui.passphrase_dialogs import FirstRunPassphraseDialog, ProtectDialog
from ui.recovery_code_dialog import RecoveryCodeDialog
from ui.unlock_dialog import UnlockDialog, keyring_error_text

translate = QCoreApplication.translate


def open_at_start(db_path: Path | str, *, no_encryption: bool = False) -> bool:
    """Make the database at ``db_path`` openable (see the module's docstring); False when
    the user chose to leave. A path that is no database is left to `open_database`, whose
    refusal the caller explains."""
    path = Path(db_path)
    if path.is_dir() or not path.parent.is_dir():
        return True
    if path.exists() and path.stat().st_size > 0:
        if keyring.keys_path(path).exists() and is_encrypted(path):
            return unlock(path)
        if is_plain_database(path) and not no_encryption:
            return protect_plain(path)
        return True
    if no_encryption or path.exists():
        return True
    return first_run(path)


def unlock(path: Path) -> bool:
    """Ask the passphrase of the encrypted database at ``path`` and remember its keys."""
    dialog = UnlockDialog(path)
    accepted = dialog.exec() and dialog.unlocked is not None
    if accepted:
        keyring.remember(path, dialog.unlocked)
    dialog.deleteLater()
    return bool(accepted)


def first_run(path: Path) -> bool:
    """A new encrypted database at ``path``, with the passphrase the user chose."""
    dialog = FirstRunPassphraseDialog()
    if not dialog.exec():
        dialog.deleteLater()
        return False
    user, role, passphrase = dialog.user(), dialog.role(), dialog.passphrase()
    dialog.deleteLater()
    from models.encryption import create_encrypted

    try:
        with waiting_cursor():
            _, code = create_encrypted(
                path, passphrase, user, role, with_recovery=role == "supervisor"
            )
    except (keyring.KeyringError, DatabaseError, OSError, sqlite.Error) as exc:
        return _failed(translate("Start", "Basis data baru tidak bisa dibuat."), exc)
    if code:
        shown = RecoveryCodeDialog(code)
        shown.exec()
        shown.deleteLater()
    return True


def protect_plain(path: Path) -> bool:
    """Encrypt the plain database at ``path`` in place, once the user chose a passphrase."""
    try:
        name, district = _plain_database_facts(path)
    except (DatabaseError, sqlite.Error):
        return True  # not a readable database after all: the caller explains
    dialog = ProtectDialog(path, name, district)
    if not dialog.exec():
        dialog.deleteLater()
        return False
    user, role, passphrase = dialog.user(), dialog.role(), dialog.passphrase()
    dialog.deleteLater()
    try:
        code = run_busy(
            None,
            translate("Start", "Mengenkripsi data"),
            translate("Start", "Mengenkripsi data… Jangan matikan komputer."),
            lambda: _protect(path, passphrase, user, role),
        )
    except (keyring.KeyringError, DatabaseError, OSError, sqlite.Error) as exc:
        return _failed(translate("Start", "Data tidak bisa dienkripsi."), exc)
    dialogs.inform(
        None,
        translate("Start", "Data terenkripsi"),
        translate(
            "Start",
            "Data sekarang terenkripsi. Mulai sekarang Jaring meminta kata sandi ini setiap "
            "kali dibuka. Di SSD, sisa data lama yang belum terenkripsi bisa tertinggal di "
            "bagian disk yang tidak terjangkau.",
        ),
    )
    if code:
        shown = RecoveryCodeDialog(code)
        shown.exec()
        shown.deleteLater()
    return True


def _protect(path: Path, passphrase: str, user: str, role: str) -> str | None:
    """`app.protection.protect_installation`: the key files sealed, an officer's laptop
    given the district's slot, a district its recovery code (returned, to show once)."""
    from app.protection import protect_installation

    return protect_installation(path, passphrase, user, role).recovery_code


def _plain_database_facts(path: Path) -> tuple[str, bool]:
    """Who uses the plain database at ``path`` (the account's name) and whether it is the
    district office's; the connection is closed again (`protect` needs none open)."""
    with closing(open_database(path)) as db:
        district = identity_as(db, "district") is not None
        name = load_settings(db).officer_name
    return name or getpass.getuser(), district


def _failed(what: str, exc: Exception) -> bool:
    detail = keyring_error_text(exc) if isinstance(exc, keyring.KeyringError) else str(exc)
    dialogs.inform(
        None,
        "Jaring",
        arg(translate("Start", "%1 Tidak ada yang berubah.\n\n%2"), what, detail),
        error=True,
    )
    return False
