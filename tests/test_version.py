"""``jaring --version`` (and ``python main.py --version``): the app's version, the database
schema it writes (its number of migration steps), Qt and Python, one a line, exit 0."""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import qVersion

from models.migrations import STEPS
from models.version import APP_VERSION, schema_version
from tests.cli import run_cli

ROOT = Path(__file__).resolve().parent.parent


def test_version_says_app_schema_qt_and_python(capsys):
    with pytest.raises(SystemExit) as stopped:
        run_cli(capsys, "--version")
    assert stopped.value.code == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Jaring {APP_VERSION}",
        f"database schema {len(STEPS)}",
        f"Qt {qVersion()} (PySide6 {PySide6.__version__})",
        f"Python {platform.python_version()}",
    ]


def test_the_schema_version_counts_the_migration_steps():
    assert schema_version() == len(STEPS) >= 13


def test_version_without_qt_still_says_the_rest(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "ui.about_dialog", None)  # importing it fails
    with pytest.raises(SystemExit):
        run_cli(capsys, "--version")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Jaring {APP_VERSION}"
    assert lines[2].startswith("Qt: not available")


def test_main_py_version_from_another_folder(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--version"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Jaring {APP_VERSION}\ndatabase schema {len(STEPS)}\n")
