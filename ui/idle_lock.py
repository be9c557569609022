"""The idle lock: after a few minutes without keyboard or mouse (the setting
``idle_lock_minutes``; 0 = never) the form's typing is autosaved, every window of the app
is covered so that nothing of the data shows, its title says only that Jaring is locked,
the menus are off, and the passphrase is asked again.

The same account's passphrase opens it again, or a supervisor's (who may stand in at the
district office); the account working in the window does not change. The covers and the
prompt only hide the data: the database stays open underneath, so the typing in the form
is there again after unlocking, exactly as it was. The prompt is application-modal, so no
key or shortcut reaches a covered window, including a question that was open when the lock
came.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QVBoxLayout, QWidget
from shiboken6 import isValid

from models import keyring
from models.formatting import arg
from ui.unlock_dialog import PassphrasePrompt

#: Events that show someone is at the keyboard or mouse.
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


class IdleWatcher(QObject):
    """An application-wide event filter: keyboard and mouse activity restarts a timer,
    whose running out is `idle`. An interval of 0 never runs out."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.idle)
        self._paused = False
        QApplication.instance().installEventFilter(self)
        self.set_interval_ms(interval_ms)

    def set_interval_ms(self, interval_ms: int) -> None:
        self._timer.setInterval(max(interval_ms, 0))
        self._restart()

    def interval_ms(self) -> int:
        return self._timer.interval()

    def pause(self) -> None:
        self._paused = True
        self._timer.stop()

    def resume(self) -> None:
        self._paused = False
        self._restart()

    def _restart(self) -> None:
        if self._paused or self._timer.interval() <= 0:
            self._timer.stop()
        else:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self._paused and self._timer.interval() > 0:
            self._timer.start()
        return False


class Cover(QWidget):
    """An opaque sheet over the whole of one window (menus and status bar included) that
    follows its size."""

    def __init__(self, window: QWidget, text: str = ""):
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Dark))
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.Light))
        self.setPalette(palette)
        if text:
            label = QLabel(text, objectName="lock_text")
            # Above the prompt, which sits in the middle of the window.
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setWordWrap(True)
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            label.setFont(font)
            layout = QVBoxLayout(self)
            layout.setContentsMargins(24, 48, 24, 24)
            layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
            self.raise_()
        return False

    def remove(self) -> None:
        if not isValid(self):  # its window was closed meanwhile (a finished job's)
            return
        self.parentWidget().removeEventFilter(self)
        self.hide()
        self.deleteLater()


class LockPrompt(QDialog):
    """The passphrase asked on the lock screen; it stays until the right one is typed."""

    def __init__(
        self,
        db_path: Path,
        accepts: Callable[[keyring.Unlocked], str],
        user: str,
        parent: QWidget | None,
    ):
        super().__init__(parent)
        self.setObjectName("lock_prompt")
        self.setWindowTitle(self.tr("Jaring terkunci"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(460)
        text = (
            arg(self.tr("Jaring dikunci karena tidak dipakai. Ketik kata sandi %1."), user)
            if user
            else self.tr("Jaring dikunci karena tidak dipakai. Ketik kata sandi supervisor.")
        )
        intro = QLabel(text, objectName="lock_intro")
        intro.setWordWrap(True)
        self.prompt = PassphrasePrompt(db_path, self.tr("Buka kunci"), accepts=accepts)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.prompt)
        self.prompt.setFocus()

    def reject(self) -> None:  # Escape: the lock stays
        pass

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()

    def finish(self) -> None:
        super().accept()


class ScreenLock(QObject):
    """Locks ``window`` (and every other window of the app) after ``minutes`` idle;
    ``before_lock`` runs first (the form's autosave). `locked_changed` tells when it
    locks and unlocks."""

    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        db_path: Path,
        account: keyring.Unlocked,
        minutes: float,
        before_lock: Callable[[], None],
    ):
        super().__init__(window)
        self.window = window
        self.db_path = Path(db_path)
        self.account = account
        self.before_lock = before_lock
        self.prompt: LockPrompt | None = None
        self._covers: list[Cover] = []
        self._titles: list[tuple[QWidget, str]] = []
        self._focus: QWidget | None = None
        self.watcher = IdleWatcher(_minutes_ms(minutes), self)
        self.watcher.idle.connect(self.lock)

    @property
    def locked(self) -> bool:
        return self.prompt is not None

    def set_minutes(self, minutes: float) -> None:
        """The setting changed (0: never lock)."""
        self.set_interval_ms(_minutes_ms(minutes))

    def set_interval_ms(self, interval_ms: int) -> None:
        """How long idle before locking, in milliseconds (tests use a few)."""
        self.watcher.set_interval_ms(interval_ms)

    def lock(self) -> None:
        if self.locked or not self.window.isVisible():  # a closed window has nothing to hide
            return
        self.watcher.pause()
        self.before_lock()
        self._focus = QApplication.focusWidget()
        while QApplication.activePopupWidget() is not None:  # an open menu or list
            QApplication.activePopupWidget().close()
        for shown in _app_windows():
            text = self.tr("Jaring terkunci") if shown is self.window else ""
            self._covers.append(Cover(shown, text))
            self._titles.append((shown, shown.windowTitle()))
            shown.setWindowTitle(self.tr("Jaring — terkunci"))
        self.window.menuBar().setEnabled(False)
        self.prompt = LockPrompt(self.db_path, self._accepts, self.account.user, self.window)
        self.prompt.prompt.unlocked.connect(self.unlock)
        self.prompt.show()
        self.prompt.raise_()
        self.prompt.activateWindow()
        self.locked_changed.emit(True)

    def _accepts(self, unlocked: keyring.Unlocked) -> str:
        if unlocked.role == "supervisor" or unlocked.user == self.account.user:
            return ""
        return arg(self.tr("Itu kata sandi akun lain. Ketik kata sandi %1."), self.account.user)

    def unlock(self, _unlocked: keyring.Unlocked | None = None) -> None:
        """Take the covers away (the passphrase was right), and watch again."""
        if self.prompt is None:
            return
        self.prompt.finish()
        self.prompt.deleteLater()
        self.prompt = None
        for cover in self._covers:
            cover.remove()
        for shown, title in self._titles:
            if isValid(shown):
                shown.setWindowTitle(title)
        self._covers, self._titles = [], []
        self.window.menuBar().setEnabled(True)
        if self._focus is not None and isValid(self._focus):
            self._focus.setFocus()
            self._focus = None
        self.watcher.resume()
        self.locked_changed.emit(False)


def _minutes_ms(minutes: float) -> int:
    return int(minutes * 60_000)


def _app_windows() -> list[QWidget]:
    """The app's windows on screen (the main window, dialogs), not menus or tooltips."""
    kinds = (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet)
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if widget.isVisible() and widget.windowType() in kinds
    ]
