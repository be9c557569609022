"""GUI fixtures: the main window on a fresh database, and scripted answers to questions."""

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from models.settings import load_settings
from ui import dialogs
from ui.main_window import MainWindow


class Answers:
    """Answers questions in order and remembers what was asked."""

    def __init__(self):
        self.queue: list[str] = []
        self.asked: list[dialogs.Question] = []
        self.otherwise: str | None = None  # answer when the queue is empty

    def __call__(self, parent, question: dialogs.Question) -> str:
        self.asked.append(question)
        if not self.queue:
            if self.otherwise:
                return self.otherwise
            raise AssertionError(f"unexpected question: {question.title}: {question.text}")
        return self.queue.pop(0)


class Chooser:
    """Answers file and folder requests in order (``append`` a list of paths; an empty
    list is Cancel) and remembers them."""

    def __init__(self):
        self.queue: list[list[str]] = []
        self.requests: list[dialogs.FileRequest] = []

    def append(self, paths: list[str]) -> None:
        self.queue.append(paths)

    def __call__(self, parent, request: dialogs.FileRequest) -> list[str]:
        self.requests.append(request)
        if not self.queue:
            raise AssertionError(f"unexpected file request: {request.title}")
        return self.queue.pop(0)


@pytest.fixture(autouse=True)
def ui_state(tmp_path):
    """Each test keeps the window's geometry and column widths (QSettings) in its own
    folder, never in the user's."""
    QCoreApplication.setOrganizationName("Jaring")
    QCoreApplication.setApplicationName("Jaring")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qt"))
    yield QSettings()


@pytest.fixture
def chooser():
    scripted = Chooser()
    dialogs.set_chooser(scripted)
    yield scripted
    dialogs.set_chooser(None)


@pytest.fixture
def answers():
    scripted = Answers()
    dialogs.set_asker(scripted)
    yield scripted
    dialogs.set_asker(None)


@pytest.fixture
def open_window(qtbot, answers):
    """Open the main window on any database (shown); every window opened is closed when
    the test ends."""
    opened = []

    def open_on(db):
        main = MainWindow(db, load_settings(db))
        main.show()
        opened.append(main)
        return main

    yield open_on
    # Closed here rather than by qtbot, which closes widgets before fixtures end: unsaved
    # typing left by a test is thrown away without an unexpected question.
    answers.otherwise = "discard"
    for main in opened:
        main.close()
        main.deleteLater()


@pytest.fixture
def window(configured_db, open_window):
    return open_window(configured_db)
