"""Typing into the application as an officer does: key by key, into the window that has the
keyboard focus, as the window system delivers a key.

Qt then sends each key where a real one goes (QWidgetWindow::handleKeyEvent): to an open
popup (a completer's suggestions, an open combo box list) while one is shown, otherwise to
the focused widget, after the shortcuts (Ctrl+S) had their turn. A key sent straight to the
focused widget would skip an open popup, so the traps of heads-down entry would not show.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtTest import QTest

#: Characters of `type_keys` that stand for a key rather than for a character.
KEYS = {"\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab, "\b": Qt.Key.Key_Backspace}


def focus_window() -> QWindow:
    """The window the next key pressed goes to."""
    window = QGuiApplication.focusWindow()
    assert window is not None, "no window has the keyboard focus"
    return window


def press(key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press and release one key (with ``modifier``, e.g. Ctrl+S)."""
    QTest.keyClick(focus_window(), key, modifier)


def type_keys(keys: str) -> None:
    """Type ``keys``: ASCII characters, with "\\n" for Enter, "\\t" for Tab and "\\b" for
    Backspace."""
    for key in keys:
        if key in KEYS:
            press(KEYS[key])
        else:
            QTest.keyClick(focus_window(), ord(key))  # the character, as typed
