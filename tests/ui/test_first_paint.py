"""``JARING_EXIT_AFTER_PAINT=FILE``: the app writes when its main window was first painted
and quits, so the bundle's benchmark and smoke test can open it and know it closed."""

from __future__ import annotations

import json

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from ui.app import run_app
from ui.first_paint import VARIABLE, exit_after_first_paint
from ui.main_window import MainWindow


def test_unset_nothing_is_armed(qapp, monkeypatch, qtbot):
    monkeypatch.delenv(VARIABLE, raising=False)
    window = QMainWindow()
    qtbot.addWidget(window)
    assert exit_after_first_paint(qapp, window) is None


def test_the_first_paint_of_the_window_is_written_then_the_app_quits(
    qapp, qtbot, monkeypatch, tmp_path
):
    report = tmp_path / "painted.json"
    monkeypatch.setenv(VARIABLE, str(report))
    quits = []
    monkeypatch.setattr(qapp, "quit", lambda: quits.append(True))
    other = QLabel("another window")
    window = QMainWindow()
    window.setCentralWidget(QLabel("Dasbor"))
    qtbot.addWidget(other)
    qtbot.addWidget(window)
    assert exit_after_first_paint(qapp, window) is not None
    other.show()
    qtbot.wait(50)
    assert not report.exists()  # another window's paint is not the main window's
    window.show()
    qtbot.waitUntil(report.exists, timeout=5000)
    painted = json.loads(report.read_text())
    assert painted["window"] == "QMainWindow" and painted["painted_at"] > 0
    assert quits == [True]


def test_the_app_opens_its_main_window_and_closes(
    qapp, qtbot, configured_db, tmp_path, monkeypatch
):
    report = tmp_path / "painted.json"
    monkeypatch.setenv(VARIABLE, str(report))
    path = tmp_path / "jaring.db"  # configured_db's file
    configured_db.close()
    # Were the app not to quit by itself, this ends the test's wait instead of a hang.
    guard = QTimer(singleShot=True, interval=20_000)
    guard.timeout.connect(qapp.quit)
    guard.start()
    try:
        assert run_app(path, no_encryption=True) == 0  # a plain database on purpose
    finally:
        guard.stop()
        # The app's process would end here; this one goes on, and a main window left
        # behind keeps the next tests' windows from being activated.
        for widget in qapp.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.deleteLater()
        qtbot.wait(50)
    assert json.loads(report.read_text())["window"] == "MainWindow"
