"""What goes into the desktop bundle besides the code PyInstaller finds by following imports:
the resources/ folder, a few modules imported by name at run time, and what is left out
(Qt modules the app does not use, Qt's translations into languages it does not speak).

Plain functions over the checkout, so tests check the list without running PyInstaller.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The bundle's folder and main executable (``Jaring.exe`` on Windows), as in the README.
NAME = "Jaring"
#: Windows only: a console executable beside the windowed one, so that the command line
#: (``jaring-cli.exe demo ...``) prints; on Linux ``Jaring`` itself is both.
CLI_NAME = "jaring-cli"

#: resources/ files the app reads (models/resources.py finds them beside the packages, which
#: in the bundle is its _internal folder). Tools for developers stay behind.
RESOURCE_PATTERNS = ("*.json", "*.csv", "regions/*.csv", "regions/*.md", "translations/*.qm",
                     "icons/*")  # fmt: skip

#: Imported by name at run time, which PyInstaller's import graph does not see. SQLCipher is
#: the database's encryption.
HIDDEN_IMPORTS = ("sqlcipher3", "sqlcipher3.dbapi2")

#: Never bundled: Qt modules the app does not use (only QtCore, QtGui, QtWidgets,
#: QtNetwork and QtPrintSupport are), and Python's own GUI and test kits.
EXCLUDED_MODULES = (
    *(
        f"PySide6.{module}"
        for module in (
            "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
            "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDesigner",
            "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation",
            "QtMultimedia", "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtOpenGL",
            "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick",
            "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
            "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
            "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest", "QtTextToSpeech",
            "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
            "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml", "QtAsyncio",
        )
    ),
    "tkinter", "unittest", "pytest", "hypothesis", "pydoc_data",
)  # fmt: skip

#: Qt plugins PyInstaller's hooks collect that the app never loads, by folder (all of it)
#: or by file name (without "lib" and the extension). They pull in QML and Quick (the
#: virtual keyboard), Qt PDF (PDF as an image format) and the display servers of devices
#: without a desktop (eglfs, linuxfb, vnc...). Kept: the desktops' own platforms (xcb and
#: Wayland on Linux, windows) and offscreen, which printing without a display and the
#: smoke test use; printing (CUPS), TLS, image formats, input methods, themes.
UNUSED_PLUGIN_FOLDERS = ("egldeviceintegrations", "generic")
UNUSED_PLUGINS = ("qtvirtualkeyboardplugin", "qpdf")
KEPT_PLATFORMS = ("qxcb", "qwayland", "qoffscreen", "qwindows", "qcocoa")

#: Qt libraries only those plugins need (``Qt6Quick`` also stands for ``libQt6Quick.so.6``
#: and ``Qt6Quick.dll``, and for every library whose name goes on from it).
UNUSED_QT_LIBRARIES = (
    "Qt6Quick", "Qt6Qml", "Qt6Pdf", "Qt6VirtualKeyboard", "Qt6EglFSDeviceIntegration",
    "Qt6EglFsKmsSupport",
)  # fmt: skip

#: Qt's own translations kept: those of the languages the app speaks (ui.i18n.translators
#: loads qtbase_<language>; Qt ships none for Indonesian).
QT_TRANSLATION_LANGUAGES = ("en",)


def resource_files(root: Path = ROOT) -> list[Path]:
    """Every file of resources/ that the bundle carries."""
    folder = root / "resources"
    return sorted({path for pattern in RESOURCE_PATTERNS for path in folder.glob(pattern)})


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """PyInstaller's ``datas``: (source file, folder inside the bundle) for each resource,
    at the same place relative to the packages as in the checkout."""
    return [(str(path), path.parent.relative_to(root).as_posix()) for path in resource_files(root)]


def keep_data(destination: str) -> bool:
    """Whether a data file PyInstaller's hooks collected stays in the bundle: Qt's
    translations only for the languages the app speaks."""
    parts = Path(destination).parts
    if parts[:1] == ("PySide6",) and "translations" in parts and destination.endswith(".qm"):
        language = Path(destination).stem.split("_", 1)[-1]
        return language in QT_TRANSLATION_LANGUAGES
    return True


def executables(platform: str = sys.platform) -> list[tuple[str, bool]]:
    """(name, console) of each executable built from main.py: a windowed ``Jaring`` (no
    console window on Windows) and, on Windows, the console ``jaring-cli``."""
    if platform == "win32":
        return [(NAME, False), (CLI_NAME, True)]
    return [(NAME, True)]


def icon_file(platform: str = sys.platform, root: Path = ROOT) -> Path:
    """The app's icon: the .ico for Windows (the executable, the installer), the PNG for
    Linux's .desktop entry."""
    return root / "resources" / "icons" / ("jaring.ico" if platform == "win32" else "jaring.png")


def _plain_name(file_name: str) -> str:
    """``libqxcb.so`` -> ``qxcb``, ``Qt6Core.dll`` -> ``Qt6Core``, ``libQt6Qml.so.6`` ->
    ``Qt6Qml``."""
    name = file_name.removeprefix("lib")
    return name.split(".", 1)[0]


def keep_binary(destination: str) -> bool:
    """Whether a library PyInstaller collected stays in the bundle (see `UNUSED_PLUGINS`
    and `UNUSED_QT_LIBRARIES`)."""
    parts = Path(destination).parts
    name = _plain_name(parts[-1])
    if name.startswith(UNUSED_QT_LIBRARIES):
        return False
    if "plugins" not in parts:
        return True
    folder = parts[parts.index("plugins") + 1] if len(parts) > parts.index("plugins") + 2 else ""
    if folder in UNUSED_PLUGIN_FOLDERS or name in UNUSED_PLUGINS:
        return False
    return folder != "platforms" or name in KEPT_PLATFORMS
