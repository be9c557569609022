"""The idle lock: after the idle time the typing is autosaved, every window is covered, the
menus are off and the title says nothing of the data; the same account's passphrase (or a
supervisor's) opens it again, and the typing is still in the form. A plain database
(--no-encryption) has no lock but a red badge instead."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from models import autosave, keyring
from models.db import database_path
from models.settings import load_settings
from tests.ui.encrypted import (
    OFFICER_PASSPHRASE,
    STAFF_PASSPHRASE,
    SUPERVISOR_PASSPHRASE,
    click,
    district_db,
    fast_scrypt,
    officer_db,
    type_in,
)
from tests.ui.keyboard import type_keys
from ui.main_window import MainWindow
from ui.start_protection import open_at_start

__all__ = ["fast_scrypt", "officer_db"]  # fixtures

TITLE = "Jaring — pendaftaran pekerja rentan ke BPJS Ketenagakerjaan"


def lock_soon(qtbot, window):
    lock = window.protection.screen_lock
    lock.set_interval_ms(30)
    qtbot.waitUntil(lambda: lock.locked, timeout=2000)
    return lock


def test_idle_covers_the_window_and_the_passphrase_brings_the_typing_back(
    qtbot, officer_db, open_window
):
    window = open_window(officer_db)
    name = window.form.findChild(QLineEdit, "full_name")
    window.tabs.setCurrentWidget(window.form)
    name.setFocus()
    name.setText("Rina Wati")
    assert autosave.load_typing(officer_db) is None  # the autosave's own timer not yet run
    lock = lock_soon(qtbot, window)

    assert autosave.load_typing(officer_db).registration.full_name == "Rina Wati"
    covers = [c for c in window.findChildren(QWidget, "lock_cover") if c.isVisible()]
    assert len(covers) == 1 and covers[0].geometry() == window.rect()
    assert covers[0].findChild(QLabel, "lock_text").text() == "Jaring terkunci"
    assert window.windowTitle() == "Jaring — terkunci"
    assert not window.menuBar().isEnabled()
    assert QApplication.activeModalWidget() is lock.prompt
    # Keys go to the prompt, never into the covered form.
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is lock.prompt.windowHandle())
    type_keys("xy")
    assert name.text() == "Rina Wati"
    assert lock.prompt.prompt.passphrase.text() == "xy"

    type_in(lock.prompt, "passphrase", OFFICER_PASSPHRASE)
    click(lock.prompt, "unlock_button")
    assert not lock.locked
    assert not [c for c in window.findChildren(QWidget, "lock_cover") if c.isVisible()]
    assert window.windowTitle() == TITLE
    assert window.menuBar().isEnabled()
    assert name.text() == "Rina Wati"  # the typing is still there
    assert lock.watcher._timer.isActive()  # and the next idle spell locks again
    lock.set_interval_ms(0)


def test_a_wrong_passphrase_keeps_the_lock(qtbot, officer_db, open_window):
    window = open_window(officer_db)
    lock = lock_soon(qtbot, window)
    type_in(lock.prompt, "passphrase", "bukan kata sandinya")
    click(lock.prompt, "unlock_button")
    assert lock.locked and lock.prompt.prompt.waits == [1]
    lock.prompt.reject()  # Escape does not take the lock away
    lock.prompt.close()
    assert lock.locked and lock.prompt.isVisible()
    lock.unlock()
    lock.set_minutes(0)


def test_a_closed_window_does_not_lock(qtbot, officer_db, open_window):
    window = open_window(officer_db)
    window.hide()
    window.protection.screen_lock.lock()
    assert not window.protection.screen_lock.locked


def test_a_supervisor_may_unlock_a_staff_members_window_but_not_the_other_way(
    qtbot, tmp_path, open_window
):
    db = district_db(tmp_path / "district.db", as_user="Andi")
    try:
        window = open_window(db)
        lock = lock_soon(qtbot, window)
        type_in(lock.prompt, "passphrase", SUPERVISOR_PASSPHRASE)
        click(lock.prompt, "unlock_button")
        assert not lock.locked
        assert keyring.remembered(database_path(db)).user == "Andi"  # still Andi at work

        path = database_path(db)
        keyring.remember(path, keyring.unlock(path, SUPERVISOR_PASSPHRASE))
        second = open_window(db)
        lock.set_minutes(0)  # the first window's lock is off: only the second locks
        other = lock_soon(qtbot, second)
        type_in(other.prompt, "passphrase", STAFF_PASSPHRASE)
        click(other.prompt, "unlock_button")
        assert other.locked
        assert other.prompt.prompt.message.text() == (
            "Itu kata sandi akun lain. Ketik kata sandi Sri. Coba lagi dalam 1 detik."
        )
        other.unlock()
        other.set_minutes(0)
    finally:
        db.close()
        keyring.forget(tmp_path / "district.db")


def test_activity_restarts_the_wait_and_zero_minutes_never_locks(qtbot, officer_db, open_window):
    window = open_window(officer_db)
    lock = window.protection.screen_lock
    assert lock.watcher.interval_ms() == 10 * 60_000  # the setting's default, 10 minutes
    lock.set_interval_ms(400)
    qtbot.wait(250)
    QTest.keyClick(window, Qt.Key.Key_Shift)
    assert lock.watcher._timer.remainingTime() > 300
    settings = load_settings(officer_db)
    settings.idle_lock_minutes = 0
    window.protection.settings_changed(settings)
    assert not lock.watcher._timer.isActive()
    qtbot.wait(50)
    assert not lock.locked


def test_a_plain_database_shows_the_red_badge_and_has_no_lock(qtbot, tmp_path, open_window):
    from models.db import open_database
    from models.settings import Settings, save_settings

    path = tmp_path / "demo.db"
    assert open_at_start(path, no_encryption=True)
    db = open_database(path)
    save_settings(db, Settings(officer_name="Demo", configured=True))
    try:
        window = open_window(db)
        badge = window.findChild(QLabel, "unencrypted_badge")
        assert badge is not None and badge.isVisible()
        assert badge.text() == "TIDAK TERENKRIPSI"
        assert window.protection.screen_lock is None
        assert window.findChild(type(window.send_action), "change_passphrase") is None
    finally:
        db.close()


def test_an_encrypted_database_has_no_badge(qtbot, officer_db, open_window):
    window = open_window(officer_db)
    assert window.findChild(QLabel, "unencrypted_badge") is None
    assert isinstance(window, MainWindow)
