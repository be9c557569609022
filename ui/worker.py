"""Long jobs off the GUI thread: a `QThreadPool` worker with progress, cancel and a result.

A job is a plain function of the domain (`models/`, `exchange/`, `excel/`…) called as
``fn(db, progress, cancelled)``: ``db`` is a connection of the worker's own (SQLite
connections stay in their thread), ``progress(done, total, text)`` reports, ``cancelled()``
says whether the user pressed Cancel. `run_with_progress` shows a progress dialog and calls
back on the GUI thread with the result or the error.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from models.db import open_database

Job = Callable[[object, Callable[[int, int, str], None], Callable[[], bool]], object]


class WorkerSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)  # the exception


class Worker(QRunnable):
    """Runs one job on the thread pool with its own database connection."""

    def __init__(self, db_path: Path | str, job: Job):
        super().__init__()
        self.db_path = str(db_path)
        self.job = job
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            db = open_database(self.db_path, autocheckpoint=False)
            try:
                result = self.job(db, self.signals.progress.emit, self._cancel.is_set)
            finally:
                db.close()
        except Exception as exc:  # reported to the GUI, which says what to do
            exc.details = traceback.format_exc()
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def run_with_progress(
    parent: QWidget,
    db_path: Path | str,
    title: str,
    job: Job,
    on_finished: Callable[[object], None],
    on_failed: Callable[[Exception], None],
    cancel_text: str,
) -> Worker:
    """Start ``job`` on the thread pool behind a modal progress dialog with Cancel."""
    dialog = QProgressDialog(title, cancel_text, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker = Worker(db_path, job)

    def progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        if text:
            dialog.setLabelText(f"{title}\n{text}")

    def finish(callback, value) -> None:
        dialog.close()
        dialog.deleteLater()
        callback(value)

    worker.signals.progress.connect(progress)
    worker.signals.finished.connect(lambda value: finish(on_finished, value))
    worker.signals.failed.connect(lambda exc: finish(on_failed, exc))
    dialog.canceled.connect(worker.cancel)
    parent._jaring_worker = worker  # keep it alive until it reports
    QThreadPool.globalInstance().start(worker)
    return worker
