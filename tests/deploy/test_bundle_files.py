"""The desktop bundle's file list (deploy/bundle_files.py, read by deploy/jaring.spec), checked
without running PyInstaller: every resource the app reads goes in, at the place
models/resources.py looks for it; the Qt modules the app imports are never left out."""

from __future__ import annotations

import ast
import types
from pathlib import Path

import pytest

from deploy import bundle_files
from deploy.bundle_files import (
    EXCLUDED_MODULES,
    HIDDEN_IMPORTS,
    UNUSED_QT_LIBRARIES,
    data_files,
    executables,
    keep_binary,
    keep_data,
    resource_files,
)
from models import resources

ROOT = Path(__file__).resolve().parent.parent.parent
#: In resources/ for developers, not read by the app.
DEVELOPER_FILES = {"translations/update.sh", "translations/jaring_en.ts"}
PACKAGES = ("models", "exchange", "excel", "httpsync", "app", "cli", "demo", "ui")


def test_every_resource_the_app_reads_is_bundled():
    shipped = {
        path.relative_to(ROOT / "resources").as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    bundled = {path.relative_to(ROOT / "resources").as_posix() for path in resource_files()}
    assert bundled == shipped - DEVELOPER_FILES
    assert {"regions/villages.csv", "translations/jaring_en.qm", "contribution_rates.json",
            "bpjs_collective_template.json", "regions/LICENSE.md"} <= bundled  # fmt: skip


def test_resources_land_where_models_resources_looks_for_them():
    # In the bundle the packages' modules say they are in the bundle's top folder, so
    # resources/ must sit at the same place relative to them as in the checkout.
    looked_for = resources.RESOURCES.relative_to(Path(resources.__file__).resolve().parent.parent)
    for source, folder in data_files():
        assert Path(folder).parts[0] == looked_for.as_posix()
        assert (ROOT / folder / Path(source).name).resolve() == Path(source).resolve()


class _Recorded:
    """Stand-ins for PyInstaller's spec classes, recording what the spec hands them."""

    def __init__(self):
        self.calls: dict[str, list] = {}

    def maker(self, kind: str):
        def make(*args, **kwargs):
            made = types.SimpleNamespace(args=args, kwargs=kwargs)
            if kind == "Analysis":
                # What PyInstaller's hooks would add: Qt's translations and plugins.
                # PyInstaller turns (source, folder) into (name in the bundle, source, kind).
                given = [(f"{folder}/{Path(source).name}", source, "DATA")
                         for source, folder in kwargs["datas"]]  # fmt: skip
                made.datas = [*given,
                              ("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
                              ("PySide6/Qt/translations/qtbase_en.qm", "x", "DATA")]  # fmt: skip
                made.binaries = [("PySide6/Qt/plugins/platforms/libqxcb.so", "x", "BINARY"),
                                 ("PySide6/Qt/plugins/platforms/libqvnc.so", "x", "BINARY"),
                                 ("PySide6/Qt/lib/libQt6Quick.so.6", "x", "BINARY")]  # fmt: skip
                made.pure, made.scripts = ["pure"], ["scripts"]
            self.calls.setdefault(kind, []).append(made)
            return made

        return make


def test_the_spec_builds_from_the_file_list():
    recorded = _Recorded()
    spec = ROOT / "deploy" / "jaring.spec"
    names = {kind: recorded.maker(kind) for kind in ("Analysis", "PYZ", "EXE", "COLLECT")}
    exec(compile(spec.read_text(), str(spec), "exec"), {"SPECPATH": str(spec.parent), **names})
    [analysis] = recorded.calls["Analysis"]
    assert analysis.args == ([str(ROOT / "main.py")],)
    assert analysis.kwargs["datas"] == data_files(ROOT)
    assert set(analysis.kwargs["hiddenimports"]) == set(HIDDEN_IMPORTS)
    assert set(analysis.kwargs["excludes"]) == set(EXCLUDED_MODULES)
    assert [entry[0] for entry in analysis.datas] == [
        *(destination + "/" + Path(source).name for source, destination in data_files(ROOT)),
        "PySide6/Qt/translations/qtbase_en.qm",
    ]
    assert [entry[0] for entry in analysis.binaries] == ["PySide6/Qt/plugins/platforms/libqxcb.so"]
    [collect] = recorded.calls["COLLECT"]
    assert collect.kwargs["name"] == "Jaring"
    assert analysis.binaries in collect.args and analysis.datas in collect.args
    assert [exe.kwargs["name"] for exe in recorded.calls["EXE"]] == [
        name for name, _ in executables()
    ]
    for exe in recorded.calls["EXE"]:
        assert ("X utf8_mode=1", None, "OPTION") in exe.args[2]


def qt_modules_imported() -> set[str]:
    """``QtCore``, ``QtGui``... : every PySide6 module the app's code imports."""
    found = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
                elif isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                else:
                    continue
                found |= {n.split(".")[1] for n in names if n.startswith("PySide6.Qt")}
    return found


def test_no_qt_module_the_app_imports_is_left_out():
    used = qt_modules_imported()
    assert {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtNetwork"} <= used
    assert not {f"PySide6.{module}" for module in used} & set(EXCLUDED_MODULES)
    assert not [m for m in used if f"Qt6{m.removeprefix('Qt')}".startswith(UNUSED_QT_LIBRARIES)]


@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/platforms/qoffscreen.dll", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/plugins/platforms/qdirect2d.dll", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-x11-integration.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6QmlModels.so.6", False),
        ("PySide6/Qt6Pdf.dll", False),
        ("PySide6/Qt/lib/libQt6Gui.so.6", True),
        ("PySide6/Qt/lib/libQt6PrintSupport.so.6", True),
        ("PySide6/Qt6Widgets.dll", True),
        ("libpython3.11.so.1.0", True),
        ("sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so", True),
    ],
)
def test_which_libraries_stay(destination, kept):
    assert keep_binary(destination) is kept


@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/translations/qt_fr.qm", False),
        ("resources/translations/jaring_en.qm", True),
        ("resources/regions/villages.csv", True),
        ("certifi/cacert.pem", True),
    ],
)
def test_which_data_files_stay(destination, kept):
    assert keep_data(destination) is kept


def test_windows_gets_a_console_executable_beside_the_windowed_one():
    assert executables("win32") == [("Jaring", False), ("jaring-cli", True)]
    assert executables("linux") == [("Jaring", True)]
    for platform in ("win32", "linux"):
        assert bundle_files.icon_file(platform).is_file()
