"""What the main window adds for the data's protection: the red "TIDAK TERENKRIPSI" badge
on a plain database (``--no-encryption``: demos and tests), the idle lock
(`ui.idle_lock`) on an encrypted one, the backup reminder (`ui.backup_actions`), and the
actions of *Berkas* that change passphrases and accounts.

Whether the database is encrypted is read from the keys unlocked in this process
(`models.keyring.remembered`), never passed in: the badge cannot be missing from a window
whose data is in fact plain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from models import keyring
from models.db import database_path
from models.settings import Settings
from ui import dialogs
from ui.backup_actions import BackupReminder, back_up, restore
from ui.idle_lock import ScreenLock

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class WindowProtection(QObject):
    """Attached to ``window`` once its menus and status bar exist."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.db_path = database_path(window.db)
        self.account = keyring.remembered(self.db_path)
        self.badge: QLabel | None = None
        self.screen_lock: ScreenLock | None = None
        if self.account is None:
            self.badge = QLabel(self.tr("TIDAK TERENKRIPSI"), objectName="unencrypted_badge")
            self.badge.setStyleSheet(
                "background: #c62828; color: white; font-weight: bold; padding: 1px 8px;"
                " border-radius: 3px;"
            )
            self.badge.setToolTip(
                self.tr(
                    "Data di komputer ini tidak terenkripsi (--no-encryption): hanya untuk "
                    "demo dan uji coba, jangan untuk data warga sungguhan."
                )
            )
            window.statusBar().addPermanentWidget(self.badge)
        else:
            self.screen_lock = ScreenLock(
                window,
                self.db_path,
                self.account,
                window.settings.idle_lock_minutes,
                window.form.autosave_now,
            )
        self.reminder = BackupReminder(window)
        window.form.saved.connect(self.reminder.saved)
        self.reminder.check()

    def settings_changed(self, settings: Settings) -> None:
        """The settings dialog saved: the lock's minutes and the reminder's days."""
        if self.screen_lock is not None:
            self.screen_lock.set_minutes(settings.idle_lock_minutes)
        self.reminder.check()

    # --- Berkas --------------------------------------------------------------------------

    def back_up(self) -> None:
        back_up(self.window)
        self.reminder.check()

    def restore(self) -> None:
        restore(self.window)

    def change_passphrase(self) -> None:
        from ui.passphrase_dialogs import ChangePassphraseDialog

        if self.account is None or not self.account.user:
            return
        dialog = ChangePassphraseDialog(self.db_path, self.account, self.window)
        if dialog.exec():
            dialogs.inform(
                self.window,
                self.tr("Kata sandi diganti"),
                self.tr("Mulai sekarang Jaring dibuka dengan kata sandi yang baru."),
            )
        dialog.deleteLater()

    def manage_accounts(self) -> None:
        from ui.accounts_dialog import AccountsDialog

        if self.account is None or self.account.role != "supervisor":
            return
        dialog = AccountsDialog(self.db_path, self.account, self.window)
        dialog.exec()
        dialog.deleteLater()
