"""Loading the app's translation (Indonesian is the source language, English a .qm file),
and a window-less Qt application for work without the GUI: painting PDFs and translated
problem texts on the command line.

No widgets, so that `app/` and the command line use it as well as `ui/`.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from models.resources import resource_path

LANGUAGES = ("id", "en")
_made: list[QCoreApplication] = []  # the application made here lives as long as the process
_current = ["id"]  # the language last installed: numbers and dates on screen follow it


def current_language() -> str:
    """The language of the installed translation (``id`` until another is installed)."""
    return _current[0]


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Jaring's and Qt's own translators for ``language``; keep the result alive."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Indonesian if language == "id" else QLocale.Language.English)
    )
    _current[0] = language if language in LANGUAGES else "id"
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


def application_for(language: str) -> QCoreApplication:
    """The running Qt application, or a new window-less one (it works without a display)
    speaking ``language``. An application that was already running (the GUI, whose print
    jobs run on a worker thread) keeps the language it has."""
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(["jaring"])
    install_translators(app, language)
    _made.append(app)
    return app
