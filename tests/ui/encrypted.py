"""What the GUI tests of encryption share: a cheap scrypt, encrypted databases (an
officer's, a district office's with a supervisor and a staff member), and a script that
answers the app's own modal dialogs (the unlock and passphrase dialogs are widgets of their
own, not `ui.dialogs` questions) as they open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

from models import keyring
from models.db import open_database
from models.encryption import create_encrypted
from models.settings import Settings, save_settings

OFFICER_PASSPHRASE = "padi kuning di sukamara"
SUPERVISOR_PASSPHRASE = "sawit tumbuh di natai"
STAFF_PASSPHRASE = "sungai jelai mengalir"


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch):
    """scrypt at a cost tests can afford (the cost is stored in each key file)."""
    monkeypatch.setattr(keyring, "SCRYPT_N", 2**10)


@pytest.fixture
def officer_db(tmp_path):
    """An officer's encrypted, configured database (Budi Santoso), unlocked in this
    process; closed and forgotten at the end."""
    path = tmp_path / "jaring.db"
    create_encrypted(path, OFFICER_PASSPHRASE, "Budi Santoso", "officer")
    db = open_database(path)
    save_settings(db, Settings(officer_name="Budi Santoso", configured=True))
    yield db
    db.close()
    keyring.forget(path)


def district_db(path: Path, as_user: str = "Sri"):
    """A district office's encrypted database with supervisor Sri and staff Andi, set up as
    the district and unlocked as ``as_user``."""
    from exchange.enrolment import init_district

    unlocked, _ = create_encrypted(
        path, SUPERVISOR_PASSPHRASE, "Sri", "supervisor", with_recovery=True
    )
    keyring.add_account(path, unlocked, STAFF_PASSPHRASE, "Andi", "staff")
    db = open_database(path)
    init_district(db, path.with_name("district-keys"), "Disnaker Sukamara", "62.08", 9863)
    save_settings(
        db, Settings(office_name="Disnaker Sukamara", officer_name=as_user, configured=True)
    )
    secret = SUPERVISOR_PASSPHRASE if as_user == "Sri" else STAFF_PASSPHRASE
    keyring.remember(path, keyring.unlock(path, secret))
    return db


class ModalScript:
    """Handles the app's modal dialogs in order: each step names the dialog (its object
    name) and what to do with it, and runs once that dialog is the active modal one."""

    def __init__(self):
        self.steps: list[tuple[str, Callable[[QWidget], None]]] = []
        self.handled: list[str] = []
        self._timer = QTimer(interval=10)
        self._timer.timeout.connect(self._poll)
        self._seen: set[int] = set()

    def then(self, name: str, handle: Callable[[QWidget], None]) -> ModalScript:
        self.steps.append((name, handle))
        self._timer.start()
        return self

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not self.steps:
            self._timer.stop()
            return
        if dialog is None or id(dialog) in self._seen:
            return
        name, handle = self.steps[0]
        if dialog.objectName() != name:
            return
        self._seen.add(id(dialog))
        self.steps.pop(0)
        self.handled.append(name)
        handle(dialog)


@pytest.fixture
def modals():
    script = ModalScript()
    yield script
    script._timer.stop()
    assert not script.steps, f"dialogs never shown: {[name for name, _ in script.steps]}"


def type_in(dialog: QWidget, name: str, text: str) -> None:
    """Put ``text`` into the line edit ``name`` of ``dialog``."""
    line = dialog.findChild(QLineEdit, name)
    assert line is not None, name
    line.setText(text)


def click(dialog: QWidget, name: str) -> None:
    button = dialog.findChild(QPushButton, name)
    assert button is not None, name
    button.click()


def ok(dialog: QWidget) -> None:
    """Click the OK button of ``dialog``'s button box (whatever it says)."""
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()
