"""Measuring a start: with ``JARING_EXIT_AFTER_PAINT=FILE`` in the environment, the app
writes the moment its main window has first been painted to FILE and quits.

The desktop bundle's start-up benchmark (bench/bench_bundle.py) and its smoke test
(deploy/smoke_test.py) use it: they cannot click the window shut, and a benchmark must stop
its clock on the paint, not on a timer. Unset, nothing changes.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from models.files import write_atomically

VARIABLE = "JARING_EXIT_AFTER_PAINT"


class FirstPaint(QObject):
    """Waits for the first paint inside ``window``, then writes ``report`` and quits."""

    def __init__(self, app: QApplication, window: QWidget, report: Path):
        super().__init__(window)
        self._app, self._window, self._report = app, window, report
        self._seen = False
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._seen = True
            # The rest of the window paints in the same pass: finish once it is done.
            QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        self._app.removeEventFilter(self)
        painted = {"painted_at": time.time(), "window": type(self._window).__name__}
        write_atomically(self._report, json.dumps(painted).encode())
        self._app.quit()


def exit_after_first_paint(app: QApplication, window: QWidget) -> FirstPaint | None:
    """Arm `FirstPaint` when the environment asks for it (see the module's docstring)."""
    report = os.environ.get(VARIABLE)
    return FirstPaint(app, window, Path(report)) if report else None
