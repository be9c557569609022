"""Bantuan > Tentang Jaring: what the app does, and which Jaring this is (its version, the
database schema it writes, Qt and Python), with the database file in use, so that an
officer can read out to whoever helps them exactly what is installed."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QWidget

from models.formatting import arg
from models.version import APP_VERSION, python_version, schema_version
from ui import dialogs

translate = QCoreApplication.translate


def qt_versions() -> tuple[str, str]:
    """The Qt library running (``qVersion``) and the PySide6 binding over it."""
    return qVersion(), PySide6.__version__


def about_text(db_path: Path | None) -> str:
    """The dialog's text; ``db_path`` is the database in use (None: not said)."""
    qt, pyside = qt_versions()
    lines = [
        translate(
            "MainWindow",
            "Jaring mendaftarkan pekerja informal dan rentan ke BPJS Ketenagakerjaan, "
            "juga tanpa internet. Data wilayah: idn-area-data (ODbL 1.0).",
        ),
        "",
        arg(translate("AboutDialog", "Versi Jaring: %1"), APP_VERSION),
        arg(translate("AboutDialog", "Versi skema basis data: %1"), schema_version()),
        arg(translate("AboutDialog", "Qt: %1 (PySide6 %2)"), qt, pyside),
        arg(translate("AboutDialog", "Python: %1"), python_version()),
    ]
    if db_path is not None:
        lines += ["", arg(translate("AboutDialog", "Basis data: %1"), db_path)]
    return "\n".join(lines)


def show_about(parent: QWidget | None, db_path: Path | None) -> None:
    """Show the dialog (through `ui.dialogs`, which tests answer)."""
    dialogs.inform(parent, translate("MainWindow", "Tentang Jaring"), about_text(db_path))
