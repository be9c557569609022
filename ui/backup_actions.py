"""*Berkas → Cadangkan…* and *Pulihkan cadangan…*, and the reminder in the status bar.

A backup (`models.backup.write_backup`) is written on a worker thread, on a connection of
its own, into a folder the user chooses (the USB stick), and the user is told where it went.
A restore (`models.backup.restore_backup`) writes a NEW database under a name the user
chooses: an existing file is never overwritten, the user picks another name. The reminder
(`models.backup.backup_due`) is checked at start, after a backup, and every few saves (it
counts the registrations, so not after each one).
"""

from __future__ import annotations

from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QPushButton

from models import clock, keyring
from models.backup import SUFFIX, Backup, BackupError, backup_due, read_backup, restore_backup
from models.db import DatabaseError, database_path, open_database
from models.formatting import arg
from models.settings import load_settings
from models.sqlite_driver import sqlite
from ui import dialogs
from ui.busy import run_busy
from ui.i18n.formats import tanggal, thousands
from ui.i18n.messages import explain

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate

#: The reminder looks again after this many saves.
CHECK_EVERY_SAVES = 10


def back_up(window: MainWindow) -> Backup | None:
    """Ask for a folder and write a backup of the window's database into it."""
    chosen = dialogs.choose(
        window,
        dialogs.FileRequest(
            "folder", translate("Backup", "Pilih folder untuk cadangan (mis. flashdisk)")
        ),
    )
    if not chosen:
        return None
    folder = Path(chosen[0])
    db_path = database_path(window.db)

    def job() -> Backup:
        with closing(open_database(db_path)) as db:  # the worker's own connection
            return write_backup_now(db, folder)

    try:
        done = run_busy(
            window,
            translate("Backup", "Cadangkan"),
            arg(translate("Backup", "Menulis dan memeriksa cadangan di %1…"), folder),
            job,
        )
    except (BackupError, DatabaseError, OSError, sqlite.Error) as exc:
        _failed(window, translate("Backup", "Cadangan gagal"), exc)
        return None
    # The backup's date is a setting: keep the window's copy current, or saving the
    # settings dialog would write the old date back.
    window.settings = load_settings(window.db)
    text = arg(
        translate(
            "Backup",
            "Cadangan tersimpan di:\n%1\n\nIsinya %2 pendaftaran. Cadangan terbuka dengan kata "
            "sandi yang sama; simpan flashdisk di tempat aman.",
        ),
        done.path,
        thousands(done.registrations),
    )
    if not done.encrypted:
        text += "\n\n" + translate(
            "Backup", "Perhatian: cadangan ini TIDAK terenkripsi (basis data tidak terenkripsi)."
        )
    dialogs.inform(window, translate("Backup", "Cadangan tersimpan"), text)
    return done


def write_backup_now(db, folder: Path) -> Backup:
    """`write_backup` at this moment (tests set the clock through `models.clock`)."""
    from models.backup import write_backup

    return write_backup(db, folder, now=clock.now())


def restore(window: MainWindow) -> Backup | None:
    """Ask for a backup file and a new database name, and restore the one as the other."""
    chosen = dialogs.choose(
        window,
        dialogs.FileRequest(
            "open",
            translate("Backup", "Pilih berkas cadangan"),
            arg(translate("Backup", "Cadangan Jaring (*%1)"), SUFFIX),
        ),
    )
    if not chosen:
        return None
    source = Path(chosen[0])
    try:
        found = read_backup(source)
    except BackupError as exc:
        _failed(window, translate("Backup", "Bukan cadangan yang bisa dipakai"), exc)
        return None
    target = _new_database_name(window)
    if target is None:
        return None
    passphrase = None
    if found.encrypted:
        asked = dialogs.choose(
            window,
            dialogs.FileRequest(
                "passphrase",
                translate("Backup", "Kata sandi cadangan"),
                translate("Backup", "Kata sandi yang dipakai saat cadangan ini dibuat:"),
            ),
        )
        if not asked:
            return None
        passphrase = asked[0]
    try:
        done = run_busy(
            window,
            translate("Backup", "Pulihkan cadangan"),
            arg(translate("Backup", "Memeriksa dan memulihkan cadangan ke %1…"), target),
            lambda: restore_backup(source, target, passphrase),
        )
    except (BackupError, DatabaseError, OSError, sqlite.Error) as exc:
        _failed(window, translate("Backup", "Pemulihan gagal"), exc)
        return None
    dialogs.inform(
        window,
        translate("Backup", "Cadangan dipulihkan"),
        arg(
            translate(
                "Backup",
                "Cadangan dari %1 (%2 pendaftaran) dipulihkan sebagai basis data baru:\n%3\n\n"
                "Basis data yang sedang dibuka tidak berubah. Untuk memakai yang dipulihkan, "
                "buka Jaring dengan --db %3.",
            ),
            _when(done.created_at),
            thousands(done.registrations),
            done.path,
        ),
    )
    return done


def _new_database_name(window: MainWindow) -> Path | None:
    """A name for the restored database that no file has yet (None: cancelled)."""
    suggested = str(database_path(window.db).with_name("jaring-pulihan.db"))
    while True:
        chosen = dialogs.choose(
            window,
            dialogs.FileRequest(
                "save",
                translate("Backup", "Pulihkan sebagai basis data baru"),
                translate("Backup", "Basis data Jaring (*.db)"),
                suggested,
            ),
        )
        if not chosen:
            return None
        target = Path(chosen[0])
        if not target.exists() and not keyring.keys_path(target).exists():
            return target
        if not dialogs.confirm(
            window,
            translate("Backup", "Berkas sudah ada"),
            arg(
                translate(
                    "Backup",
                    "%1 sudah ada. Pemulihan tidak pernah menimpa basis data yang ada: pilih "
                    "nama lain.",
                ),
                target,
            ),
            translate("Backup", "Pilih nama lain"),
            translate("Backup", "Batal"),
            default_yes=True,
        ):
            return None
        suggested = str(target)


def _when(stamp: str) -> str:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{tanggal(moment.date())} {moment:%H:%M}"


def _failed(window: MainWindow, title: str, exc: Exception) -> None:
    # BackupError's messages are written for the user already (Indonesian).
    text = str(exc) if isinstance(exc, BackupError) else explain(exc)
    dialogs.inform(window, title, text, error=True, details=getattr(exc, "details", ""))


class BackupReminder(QObject):
    """A button in the status bar, shown while a backup is due: "Belum dicadangkan sejak …:
    Cadangkan sekarang". It never interrupts; clicking it makes the backup."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self._saves = 0
        self.button = QPushButton(objectName="backup_reminder")
        self.button.setFlat(True)
        self.button.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.button.setToolTip(translate("Backup", "Klik untuk mencadangkan ke flashdisk."))
        self.button.clicked.connect(self.back_up)
        self.button.hide()
        window.statusBar().addPermanentWidget(self.button)

    def back_up(self) -> None:
        back_up(self.window)
        self.check()

    def saved(self) -> None:
        """A registration was saved: look again every few saves."""
        self._saves += 1
        if self._saves % CHECK_EVERY_SAVES == 0:
            self.check()

    def check(self) -> str:
        """Show or hide the reminder; why a backup is due ("" when it is not)."""
        settings = self.window.settings
        due = backup_due(
            self.window.db,
            days=settings.backup_reminder_days,
            registrations=settings.backup_reminder_registrations,
            now=clock.now(),
        )
        self.button.setVisible(bool(due))
        if due == "never":
            self.button.setText(translate("Backup", "Belum pernah dicadangkan: Cadangkan sekarang"))
        elif due:
            last = load_settings(self.window.db).last_backup_at
            self.button.setText(
                arg(
                    translate("Backup", "Belum dicadangkan sejak %1: Cadangkan sekarang"),
                    _when(last),
                )
            )
        return due
