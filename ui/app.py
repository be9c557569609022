"""Starting the GUI: the application, its translation, first-run questions, the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from i18n.translators import install_translators
from models.db import Checkpointer, DatabaseError, open_database
from models.formatting import arg
from models.settings import load_settings, save_settings
from ui import dialogs
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog


def run_app(db_path: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Jaring")
    app.setOrganizationName("Jaring")
    try:
        db = open_database(db_path, autocheckpoint=False)
    except DatabaseError as exc:
        dialogs.inform(
            None,
            "Jaring",
            arg(
                app.translate(
                    "App",
                    "Basis data tidak bisa dibuka:\n%1\n\nPeriksa berkasnya atau pilih berkas "
                    "lain dengan --db.",
                ),
                exc,
            ),
        )
        return 2
    settings = load_settings(db)
    install_translators(app, settings.language)
    if not settings.configured:
        dialog = SettingsDialog(settings, first_run=True)
        if not dialog.exec():
            return 0
        settings = save_settings(db, dialog.settings())
        install_translators(app, settings.language)
    checkpointer = Checkpointer(db_path).start()
    window = MainWindow(db, settings)
    window.show()
    if window.form.restore_autosave():
        window.tabs.setCurrentWidget(window.form)
    try:
        return app.exec()
    finally:
        db.close()
        checkpointer.stop()
