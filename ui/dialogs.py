"""Every question the app asks the user goes through `ask`, so tests can answer it.

Tests call `set_asker(fn)` with a function that receives a `Question` and returns the key of
the chosen answer; the app uses a `QMessageBox`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


@dataclass
class Question:
    title: str
    text: str
    answers: list[tuple[str, str]] = field(default_factory=list)  # (key, label)
    default: str = ""
    escape: str = ""
    icon: QMessageBox.Icon = QMessageBox.Icon.Question
    details: str = ""


def _message_box(parent: QWidget | None, question: Question) -> str:
    box = QMessageBox(question.icon, question.title, question.text, parent=parent)
    if question.details:
        box.setInformativeText(question.details)
    buttons = {}
    for key, label in question.answers:
        role = (
            QMessageBox.ButtonRole.RejectRole
            if key == question.escape
            else (QMessageBox.ButtonRole.AcceptRole)
        )
        button = box.addButton(label, role)
        buttons[button] = key
        if key == question.default:
            box.setDefaultButton(button)
        if key == question.escape:
            box.setEscapeButton(button)
    box.exec()
    answer = buttons.get(box.clickedButton(), question.escape)
    box.deleteLater()
    return answer


_asker: Callable[[QWidget | None, Question], str] = _message_box


def set_asker(asker: Callable[[QWidget | None, Question], str] | None) -> None:
    """Replace how questions are answered (None restores the message box)."""
    global _asker
    _asker = asker or _message_box


def ask(parent: QWidget | None, question: Question) -> str:
    """Ask ``question`` and return the key of the answer."""
    return _asker(parent, question)


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    yes: str,
    no: str,
    details: str = "",
    default_yes: bool = False,
) -> bool:
    """A yes/no question; Escape means no. Enter means no too unless ``default_yes`` (for
    the answer that loses nothing, such as restoring typing)."""
    default = "yes" if default_yes else "no"
    question = Question(title, text, [("yes", yes), ("no", no)], default, "no", details=details)
    return ask(parent, question) == "yes"


def inform(
    parent: QWidget | None,
    title: str,
    text: str,
    ok: str = "",
    error: bool = False,
    details: str = "",
) -> None:
    ok = ok or QCoreApplication.translate("Dialogs", "Tutup")
    icon = QMessageBox.Icon.Critical if error else QMessageBox.Icon.Information
    ask(parent, Question(title, text, [("ok", ok)], "ok", "ok", icon, details))


@dataclass
class FileRequest:
    """A request for paths: ``kind`` is "folder", "open" (one or more files), "save",
    "text" (a line of text, e.g. a corrected NIK) or "passphrase" (a line typed masked)."""

    kind: str
    title: str
    filter: str = ""
    suggested: str = ""


def _file_dialog(parent: QWidget | None, request: FileRequest) -> list[str]:
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    if request.kind == "folder":
        chosen = QFileDialog.getExistingDirectory(parent, request.title, request.suggested)
        return [chosen] if chosen else []
    if request.kind == "open":
        chosen, _ = QFileDialog.getOpenFileNames(
            parent, request.title, request.suggested, request.filter
        )
        return list(chosen)
    if request.kind == "save":
        chosen, _ = QFileDialog.getSaveFileName(
            parent, request.title, request.suggested, request.filter
        )
        return [chosen] if chosen else []
    from PySide6.QtWidgets import QLineEdit

    masked = request.kind == "passphrase"
    echo = QLineEdit.EchoMode.Password if masked else QLineEdit.EchoMode.Normal
    text, ok = QInputDialog.getText(
        parent, request.title, request.filter, echo=echo, text=request.suggested
    )
    return [text] if ok else []


_chooser: Callable[[QWidget | None, FileRequest], list[str]] = _file_dialog


def set_chooser(chooser: Callable[[QWidget | None, FileRequest], list[str]] | None) -> None:
    """Replace how paths and text are asked for (None restores the real dialogs)."""
    global _chooser
    _chooser = chooser or _file_dialog


def choose(parent: QWidget | None, request: FileRequest) -> list[str]:
    """Ask for paths or a line of text; an empty list means the user cancelled.

    A file to save suggested by name alone, or a folder asked for without a suggestion,
    starts in the folder the user saved into last (else their Documents folder): never
    in the program's own folder, where Qt would otherwise start."""
    if request.kind in ("save", "folder") and not os.path.dirname(request.suggested):
        start = last_folder()
        suggested = os.path.join(start, request.suggested) if request.suggested else start
        request = dataclasses.replace(request, suggested=suggested)
    chosen = _chooser(parent, request)
    if chosen and request.kind in ("save", "folder"):
        remember_folder(chosen[0] if request.kind == "folder" else os.path.dirname(chosen[0]))
    return chosen


_LAST_FOLDER = "dialogs/last_folder"


def last_folder() -> str:
    """The folder files were last saved into, if it still exists; else Documents."""
    from PySide6.QtCore import QSettings, QStandardPaths

    folder = QSettings().value(_LAST_FOLDER)
    if isinstance(folder, str) and folder and os.path.isdir(folder):
        return folder
    documents = QStandardPaths.StandardLocation.DocumentsLocation
    return QStandardPaths.writableLocation(documents) or os.path.expanduser("~")


def remember_folder(folder: str) -> None:
    if folder:
        from PySide6.QtCore import QSettings

        QSettings().setValue(_LAST_FOLDER, os.path.abspath(folder))
