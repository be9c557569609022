"""The layer rules of ARCHITECTURE.md: what each package may import (Qt only in ui/, the
use cases free of it), and all SQL in models/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = {"PySide6", "shiboken6"}
SQL = re.compile(
    r"\bSELECT\s.+\bFROM\b|\bSELECT\s+(?:\*|COUNT|rowid)|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b"
    r"|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b|\bCREATE\s+(?:TABLE|INDEX|TRIGGER|VIEW)\b"
    r"|\bDROP\s+(?:TABLE|INDEX|TRIGGER)\b|\bALTER\s+TABLE\b|\bPRAGMA\s+\w+",
    re.DOTALL,
)


def python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def qt_imports(source: str) -> list[str]:
    """The Qt modules a piece of Python source imports (any form of import)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", ""))
            in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        else:
            continue
        found += [name for name in names if name.split(".")[0] in QT_MODULES]
    return found


def sql_strings(source: str) -> list[str]:
    """String literals that look like SQL statements; an f-string is read whole, with
    ``{}`` for each replacement field."""
    texts = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            texts.append(
                "".join(
                    part.value if isinstance(part, ast.Constant) else "{}" for part in node.values
                )
            )
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            texts.append(node.value)
    return [text for text in texts if SQL.search(text)]


# --- the checkers themselves --------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6",
        "import PySide6.QtCore as qc",
        "from PySide6.QtWidgets import QWidget",
        "from PySide6 import QtCore",
        "import shiboken6",
        "import os, shiboken6",
        "def f():\n    from PySide6.QtGui import QIcon\n",
        "import importlib\nimportlib.import_module('PySide6.QtCore')",
    ],
)
def test_qt_import_checker_sees_qt(source):
    assert qt_imports(source)


@pytest.mark.parametrize(
    "source",
    ["import os", "from models.store import RegistrationStore", "x = 'PySide6'", "import pyside"],
)
def test_qt_import_checker_ignores_the_rest(source):
    assert qt_imports(source) == []


@pytest.mark.parametrize(
    "source",
    [
        "q = 'SELECT id FROM registrations'",
        "q = f'SELECT {cols} FROM registrations WHERE id = ?'",
        "q = 'SELECT COUNT(*)'",
        "q = 'INSERT INTO registrations (id) VALUES (?)'",
        "q = 'INSERT OR REPLACE INTO settings VALUES (?, ?)'",
        "q = 'UPDATE registrations SET status = ?'",
        "q = '''UPDATE registrations\n SET status = ?'''",
        "q = 'DELETE FROM autosave'",
        "q = 'CREATE TABLE x (a)'",
        "q = 'PRAGMA journal_mode'",
    ],
)
def test_sql_checker_sees_sql(source):
    assert sql_strings(source)


@pytest.mark.parametrize(
    "source",
    [
        "label = 'Pilih desa'",
        "label = 'Select a village from the list'",
        "label = 'Update the form and save'",
        "label = 'Perbarui data'",
        "tip = 'Insert the USB stick into the laptop'",
        "SELECT = 1",
    ],
)
def test_sql_checker_ignores_ui_text(source):
    assert sql_strings(source) == []


# --- the rules ----------------------------------------------------------------------------


#: Our packages, and what each may not import: the layers of ARCHITECTURE.md. ``"Qt"`` is
#: PySide6 and shiboken6 as a whole, ``"QtWidgets"`` only the widgets.
PACKAGES = ("models", "exchange", "excel", "httpsync", "app", "demo", "cli", "ui")
OURS_ABOVE_MODELS = {"exchange", "excel", "httpsync", "app", "demo", "cli", "ui"}
FORBIDDEN = {
    "models": {"Qt", *OURS_ABOVE_MODELS},
    "exchange": {"Qt", *OURS_ABOVE_MODELS - {"exchange"}},
    "excel": {"Qt", *OURS_ABOVE_MODELS - {"excel"}},
    # app/ imports the sync client, so the endpoint shares its merge through exchange/.
    "httpsync": {"Qt", "excel", "app", "demo", "cli", "ui"},
    "app": {"Qt", "cli", "ui"},
    "demo": {"Qt", *OURS_ABOVE_MODELS - {"demo"}},
    # The command line reaches Qt only through ui/ (printing, translated texts, the GUI).
    "cli": {"Qt"},
}
QT_FREE = tuple(name for name, banned in FORBIDDEN.items() if "Qt" in banned)


def imported_modules(source: str) -> list[str]:
    """Every module a piece of Python source imports, by its full dotted name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def broken_rules(package: str, source: str) -> list[str]:
    """The imports of ``source`` that the rules of ``package`` forbid."""
    banned = FORBIDDEN.get(package, set())
    broken = [name for name in qt_imports(source) if "Qt" in banned]
    for qt_module in {"QtWidgets", "QtGui"} & banned:
        broken += [name for name in imported_modules(source) if qt_module in name.split(".")]
    broken += [
        name for name in imported_modules(source)
        if name.split(".")[0] in banned and name.split(".")[0] in PACKAGES
    ]  # fmt: skip
    return sorted(set(broken))


@pytest.mark.parametrize(
    ("package", "source", "broken"),
    [
        ("models", "from ui.labels import x", ["ui.labels", "ui.labels.x"]),
        ("excel", "def f():\n    import exchange.keys\n", ["exchange.keys"]),
        ("app", "from PySide6.QtWidgets import QWidget", ["PySide6.QtWidgets"]),
        ("app", "from PySide6.QtGui import QPainter", ["PySide6.QtGui"]),
        ("app", "from PySide6 import QtWidgets", ["PySide6"]),
        ("app", "from ui.printing.forms import paint_forms", ["ui.printing.forms",
                                                             "ui.printing.forms.paint_forms"]),
        ("ui", "from app import exchange", []),
        ("cli", "from ui.printing.print_jobs import print_forms", []),
    ],
)  # fmt: skip
def test_the_rule_checker(package, source, broken):
    assert broken_rules(package, source) == broken


def test_the_packages_are_found():
    names = {p.relative_to(ROOT).as_posix() for p in python_files(*PACKAGES)}
    assert {f"{package}/__init__.py" for package in PACKAGES} <= names
    assert {"models/store.py", "exchange/batch_file.py", "excel/export.py"} <= names


def test_each_package_imports_only_what_its_layer_allows():
    offenders = {
        path.relative_to(ROOT).as_posix(): found
        for package in FORBIDDEN
        for path in python_files(package)
        if (found := broken_rules(package, path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_no_sql_outside_models():
    """String literals that are SQL statements stand only in models/."""
    others = [p for p in python_files(*PACKAGES) if p.parts[len(ROOT.parts)] != "models"]
    offenders = {
        path.relative_to(ROOT).as_posix(): found
        for path in [*others, ROOT / "main.py", *python_files("cli")]
        if (found := sql_strings(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_sql_lives_in_models():
    """The checker does find SQL where it belongs, so an empty result elsewhere means
    something."""
    assert sql_strings((ROOT / "models" / "store.py").read_text(encoding="utf-8"))


def _imports_stdlib_sqlite(source: str) -> bool:
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        if any(name == "sqlite3" or name.startswith("sqlite3.") for name in names):
            return True
    return False


def test_one_sqlite_library_in_the_process():
    """Only models/sqlite_driver.py's sqlcipher3: the standard library's sqlite3 beside it
    would be a second SQLite in the process, blind to the first one's file locks."""
    files = [*python_files(*PACKAGES, "cli", "tests", "bench", "deploy"), ROOT / "main.py"]
    offenders = [
        path.relative_to(ROOT).as_posix()
        for path in files
        if _imports_stdlib_sqlite(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert _imports_stdlib_sqlite("import sqlite3") and _imports_stdlib_sqlite(
        "from sqlite3 import dbapi2"
    )
