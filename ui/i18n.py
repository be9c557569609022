"""Loading the app's translation: Indonesian is the source language, English a .qm file."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from models.resources import resource_path

LANGUAGES = ("id", "en")


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Install Jaring's and Qt's own translators for ``language``; keep the result alive."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Indonesian if language == "id" else QLocale.Language.English)
    )
    for translator in getattr(app, "_jaring_translators", []):
        app.removeTranslator(translator)
    installed = []
    if language != "id":
        ours = QTranslator(app)
        if ours.load(str(resource_path("translations", f"jaring_{language}.qm"))):
            app.installTranslator(ours)
            installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    app._jaring_translators = installed
    return installed
