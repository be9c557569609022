"""A job that must finish before the user goes on (encrypting the database at start, writing
or restoring a backup): run on the thread pool behind a busy indicator, waited for in a
local event loop so the window keeps painting, its result returned or its error raised.

Unlike `ui.worker`, the job opens no database connection of its own (encrypting needs none
open) and cannot be cancelled half-way: each of these jobs either completes or changes
nothing, and stopping one in the middle would only leave a temporary copy to clean up.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


@contextlib.contextmanager
def waiting_cursor() -> Iterator[None]:
    """The wait cursor for a step of well under a second done on the GUI thread (deriving
    a passphrase's key with scrypt), restored whatever happens."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], object]):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # raised again on the GUI thread, which explains it
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class BusyDialog(QProgressDialog):
    """A busy bar without Cancel that Escape and the window's close button leave open."""

    def __init__(self, title: str, text: str, parent: QWidget | None):
        super().__init__(text, "", 0, 0, parent)
        self.setObjectName("busy_dialog")
        self.setWindowTitle(title)
        self.setCancelButton(None)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)

    def reject(self) -> None:  # Escape: the job goes on, so the dialog stays
        pass

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()


def run_busy(parent: QWidget | None, title: str, text: str, fn: Callable[[], T]) -> T:
    """Run ``fn`` on the thread pool while a busy dialog shows ``text``; returns its result
    or raises its exception, on the GUI thread."""
    dialog = BusyDialog(title, text, parent)
    dialog.show()
    job = _Job(fn)
    outcome: dict[str, object] = {}
    loop = QEventLoop()

    def finish(key: str, value: object) -> None:
        outcome[key] = value
        loop.quit()

    job.signals.done.connect(lambda value: finish("done", value))
    job.signals.failed.connect(lambda exc: finish("failed", exc))
    QThreadPool.globalInstance().start(job)
    if not outcome:  # a very short job may have reported already
        loop.exec()
    dialog.hide()
    dialog.deleteLater()
    if "failed" in outcome:
        raise outcome["failed"]
    return outcome["done"]
