"""Starting the GUI: the application, unlocking (or encrypting) the database, its translation,
first-run questions, the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from models import private_temp
from models.db import Checkpointer, DatabaseError, open_database
from models.formatting import arg
from models.settings import load_settings, save_settings
from ui import dialogs
from ui.first_paint import exit_after_first_paint
from ui.i18n.translators import install_translators
from ui.main_window import MainWindow
from ui.settings_dialog import first_run_dialog
from ui.single_instance import SingleInstance
from ui.start_protection import open_at_start

translate = QCoreApplication.translate


def unusable_database_text(db_path: Path) -> str:
    """Why the database at ``db_path`` cannot be opened, in words. Said before the
    installation's language can be read (it is stored in that database), so always in
    Indonesian, the default: SQLite's own English reason is left out, not mixed in."""
    path = Path(db_path)
    if path.is_dir():
        reason = translate("App", "Itu sebuah folder, bukan berkas basis data.")
    elif not path.parent.is_dir():
        reason = translate("App", "Folder tempat berkas itu tidak ada.")
    elif path.exists():
        reason = translate("App", "Berkas itu bukan basis data Jaring, atau rusak.")
    else:
        reason = translate("App", "Berkas itu tidak bisa dibuat di sana (periksa izin folder).")
    return arg(
        translate(
            "App",
            "Basis data tidak bisa dibuka:\n%1\n\n%2\n\nPeriksa berkasnya atau pilih berkas "
            "lain dengan --db.",
        ),
        path,
        reason,
    )


def already_open_text(db_path: Path) -> str:
    """Why a second start on the same database stops. Said before the installation's
    language can be read, so always in Indonesian."""
    return arg(
        translate(
            "App",
            "Jaring sudah terbuka untuk basis data ini:\n%1\n\nJendela yang sudah terbuka "
            "dibawa ke depan; lanjutkan pekerjaan di sana. Dua jendela pada satu basis data "
            "bisa saling menimpa isian yang belum disimpan.",
        ),
        Path(db_path),
    )


#: Keyboard focus must show on combo boxes and check boxes, which the Windows styles mark
#: faintly (a dotted line, often hidden) and Fusion hardly at all: a blue frame on focus.
#: The check box keeps a transparent frame when not focused so that it does not move when
#: focus arrives. A problem's link under a field ("Buka data itu"), which Tab reaches, is
#: framed the same way. Nothing else is restyled.
FOCUS_STYLE = """
QComboBox:focus { border: 2px solid #1565c0; border-radius: 3px; padding: 1px 4px; }
QCheckBox { border: 1px solid transparent; border-radius: 3px; padding: 1px; }
QCheckBox:focus { border-color: #1565c0; background-color: #e3eefc; }
QLabel[problem="true"]:focus { border: 1px solid #1565c0; background-color: #e3eefc; }
"""


def start_application() -> QApplication:
    """The application with its names (which QSettings files go by) and focus style."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Jaring")
    app.setOrganizationName("Jaring")
    app.setStyleSheet(app.styleSheet() + FOCUS_STYLE)
    return app


def run_app(db_path: Path, *, no_encryption: bool = False) -> int:
    """The GUI on ``db_path``: unlocked, created encrypted or converted first
    (`ui.start_protection`); a plain database only with ``no_encryption``."""
    app = start_application()
    instance = SingleInstance(db_path)
    if not instance.acquire():
        instance.ask_first_to_show()
        dialogs.inform(None, "Jaring", already_open_text(db_path), error=True)
        return 3
    try:
        return _run_window(app, db_path, instance, no_encryption)
    finally:
        instance.release()


def _run_window(
    app: QApplication, db_path: Path, instance: SingleInstance, no_encryption: bool
) -> int:
    private_temp.start(db_path)  # what a killed job left in the private temporary folder
    if not open_at_start(db_path, no_encryption=no_encryption):
        return 0
    try:
        db = open_database(db_path, autocheckpoint=False)
    except DatabaseError:
        dialogs.inform(None, "Jaring", unusable_database_text(db_path), error=True)
        return 2
    settings = load_settings(db)
    install_translators(app, settings.language)
    if not settings.configured:
        dialog = first_run_dialog(db, settings)
        if not dialog.exec():
            return 0
        settings = save_settings(db, dialog.settings())
        install_translators(app, settings.language)
    checkpointer = Checkpointer(db_path).start()
    window = MainWindow(db, settings)
    window.show()
    exit_after_first_paint(app, window)  # bench/bench_bundle.py and deploy/smoke_test.py
    instance.listen(window.bring_forward)
    if window.form.restore_autosave():
        window.tabs.setCurrentWidget(window.form)
    try:
        return app.exec()
    finally:
        db.close()
        checkpointer.stop()
