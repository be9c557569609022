"""Heads-down entry: the keys of the form's fields, so an officer typing fast with the keyboard
only never puts anything in the wrong field.

- `EnterMovesOn`: Enter in a field moves to the next one, as Tab does.
- `ListTypeAhead`: typing in a list chooses the first item whose text starts with what was
  typed since the list got the focus, spaces included and in any case ("sungai r" is Sungai
  Raja); the space never opens the list. In a list opened with F4 or the mouse the same
  typing moves the highlight, and Enter or Tab chooses the highlighted item and moves on.
- `SuggestionKeys`: Enter or Tab in a line's open suggestion list keeps the text, or takes
  the highlighted suggestion, closes the list and moves on (Qt's completer would swallow it).

On X11 a list gets and lets go of the keyboard only when the window system says so, a little
later: keys typed fast around Enter are sent on to the field the officer is in now
(`close_suggestions`, `pass_on_stray_key`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QWidget,
)

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: Keys that leave a field: Enter and Tab forwards, Shift+Tab back.
MOVES_ON = (*ENTER, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
#: Modifiers of shortcuts, whose keys are no typing.
SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
#: Focus lost without the officer leaving the field: another window (or a list) came up.
NOT_LEAVING = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)


def _is_key(event: QEvent, keys: tuple[Qt.Key, ...]) -> bool:
    return (
        event.type() == QEvent.Type.KeyPress
        and event.key() in keys
        and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
    )


def move_on(widget: QWidget, event: QKeyEvent) -> None:
    """Move the focus from ``widget`` to the field after it (before it for Shift+Tab)."""
    if event.key() == Qt.Key.Key_Backtab:
        widget.focusPreviousChild()
    else:
        widget.focusNextChild()


def typed_text(event: QKeyEvent) -> str:
    """The character a key press types; "" for a key that types none (or a shortcut)."""
    if event.modifiers() & SHORTCUT_MODIFIERS:
        return ""
    text = event.text()
    return text if text.isprintable() else ""


class EnterMovesOn(QObject):
    """Enter in a field moves to the next one, as Tab does; an empty date field starts typing
    at its first digit wherever it was clicked; leaving a field for another one tells
    ``on_leave`` (not editingFinished: a masked date field that is half typed never sends it,
    and a line sends it when just the window loses the focus)."""

    def __init__(self, parent: QObject, on_leave: Callable[[QObject], None]):
        super().__init__(parent)
        self._on_leave = on_leave

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if _is_key(event, MOVES_ON):
            close_suggestions(watched)
        if _is_key(event, ENTER):
            watched.focusNextChild()
            # Enter moves to the next field, never onto a problem's link (Tab reaches it):
            # a second Enter would open another registration in the middle of typing.
            link = watched.window().focusWidget()
            if isinstance(link, QLabel):
                link.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no stop for this move
                watched.focusNextChild()
                link.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return True
        if (
            event.type() in (QEvent.Type.FocusIn, QEvent.Type.KeyPress)
            and isinstance(watched, QLineEdit)
            and watched.inputMask()
            and not watched.text().strip("-")
        ):
            watched.setCursorPosition(0)
        if event.type() == QEvent.Type.FocusOut and event.reason() not in NOT_LEAVING:
            self._on_leave(watched)
        return False


def close_suggestions(widget: QObject) -> None:
    """Close the suggestion list of a line left while it is open: on X11 a key typed fast
    may reach the line itself before the list has the keyboard."""
    completer = widget.completer() if isinstance(widget, QLineEdit) else None
    if completer is not None and completer.popup().isVisible():
        completer.popup().hide()


def pass_on_stray_key(closed_list: QWidget, event: QEvent, field: QWidget) -> bool:
    """Send a key that reaches a list already closed to the field that has the focus now
    (in ``field``'s window); True when it did. On X11 a list gets the keyboard, and lets it
    go, only after the window system has said so: keys typed fast meanwhile still come to
    the list, though the officer has moved on."""
    if closed_list.isVisible() or event.type() not in (
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
    ):
        return False
    focused = field.window().focusWidget()
    if focused is not None:
        copy = QKeyEvent(
            event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat()
        )
        QCoreApplication.sendEvent(focused, copy)
    return True


def first_starting(combo: QComboBox, typed: str) -> int:
    """The row of the first item of ``combo`` whose text starts with ``typed`` (any case);
    -1 when none does."""
    wanted = typed.casefold()
    for row in range(combo.count()):
        if combo.itemText(row).casefold().startswith(wanted):
            return row
    return -1


class ListTypeAhead(QObject):
    """Type-ahead by prefix in the lists it is `watch`-ing (see the module's docstring)."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._typed = ""  # since the list got the focus: one list has it at a time
        self._combo_of_view: dict[QAbstractItemView, QComboBox] = {}

    def watch(self, combo: QComboBox) -> None:
        combo.installEventFilter(self)
        view = combo.view()
        self._combo_of_view[view] = combo
        view.installEventFilter(self)  # before the list's own filter: it runs first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QComboBox):
            self._typed = ""
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        combo = self._combo_of_view.get(watched)
        if combo is not None:
            if pass_on_stray_key(watched, event, combo):
                return True
            return self._key_in_open_list(combo, watched, event)
        if isinstance(watched, QComboBox):
            return self._key_in_list(watched, event)
        return False

    def _key_in_list(self, combo: QComboBox, event: QKeyEvent) -> bool:
        row = self._row_after(combo, event)
        if row is None:
            return False
        if row >= 0:
            combo.setCurrentIndex(row)
        return True  # a space opens no list, nor does Qt's own search jump elsewhere

    def _key_in_open_list(
        self, combo: QComboBox, view: QAbstractItemView, event: QKeyEvent
    ) -> bool:
        if _is_key(event, MOVES_ON):
            current = view.currentIndex()
            if current.isValid():
                combo.setCurrentIndex(current.row())
            combo.hidePopup()
            move_on(combo, event)
            return True
        row = self._row_after(combo, event)
        if row is None:
            return False
        if row >= 0:
            view.setCurrentIndex(combo.model().index(row, combo.modelColumn()))
        return True

    def _row_after(self, combo: QComboBox, event: QKeyEvent) -> int | None:
        """The row ``event`` chooses (-1: none, the key is dropped); None when the key is no
        typing (Enter, arrows, shortcuts), for the list to handle as usual."""
        if event.key() == Qt.Key.Key_Backspace and not event.modifiers():
            self._typed = self._typed[:-1]
            return first_starting(combo, self._typed) if self._typed else -1
        text = typed_text(event)
        if not text:
            return None
        typed = self._typed + text
        row = first_starting(combo, typed)
        if row < 0:  # nothing starts so: a new start with this key
            typed = text
            row = first_starting(combo, typed)
        if row >= 0:
            self._typed = typed
        return row


class SuggestionKeys(QObject):
    """Enter and Tab in the open suggestion list of ``edit`` (see the module's docstring)."""

    def __init__(self, edit: QLineEdit, completer: QCompleter):
        super().__init__(edit)
        self._edit = edit
        popup = completer.popup()
        popup.installEventFilter(self)  # after the completer's own filter: runs first
        # On X11 the window system says the list was activated only after it opened, and
        # after a fast officer has already left it and the field: through the proxy that
        # late activation would put the focus back into this field.
        popup.setFocusProxy(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if pass_on_stray_key(watched, event, self._edit):
            return True
        if not _is_key(event, MOVES_ON):
            return False
        highlighted = watched.currentIndex()
        if highlighted.isValid():
            self._edit.setText(str(highlighted.data(Qt.ItemDataRole.EditRole)))
        watched.hide()
        move_on(self._edit, event)
        return True
