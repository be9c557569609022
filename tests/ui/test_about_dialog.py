"""Bantuan > Tentang Jaring says which Jaring this is: its version, the database schema, Qt
and Python, and the database file in use, in Indonesian and in English."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMenu

from models.db import database_path
from models.migrations import STEPS
from models.version import APP_VERSION
from ui.i18n.translators import install_translators


def about_action(window):
    [help_menu] = [
        action.menu()
        for action in window.menuBar().actions()
        if isinstance(action.menu(), QMenu) and action.text() in ("Ban&tuan", "&Help")
    ]
    [about] = help_menu.actions()
    return about


def test_about_says_versions_and_the_database(window, answers):
    answers.queue.append("ok")
    about_action(window).trigger()
    [message] = answers.asked
    assert message.title == "Tentang Jaring"
    lines = message.text.splitlines()
    assert lines[0].startswith("Jaring mendaftarkan pekerja informal")
    assert lines[2:6] == [
        f"Versi Jaring: {APP_VERSION}",
        f"Versi skema basis data: {len(STEPS)}",
        f"Qt: {qVersion()} (PySide6 {PySide6.__version__})",
        f"Python: {platform.python_version()}",
    ]
    assert lines[-1] == f"Basis data: {database_path(window.db)}"


def test_about_in_english(qapp, window, answers):
    install_translators(qapp, "en")
    try:
        answers.queue.append("ok")
        about_action(window).trigger()
    finally:
        install_translators(qapp, "id")
    [message] = answers.asked
    assert message.title == "About Jaring"
    assert f"Jaring version: {APP_VERSION}" in message.text
    assert f"Database schema version: {len(STEPS)}" in message.text
    assert f"Database: {database_path(window.db)}" in message.text
