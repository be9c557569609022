"""The passphrase asked before anything is shown: the right one opens, a wrong one is
answered with a wait that doubles each time (at most 30 s), the button counting down."""

from PySide6.QtWidgets import QDialog

from models import keyring
from models.db import open_database
from models.encryption import create_encrypted
from tests.ui.encrypted import OFFICER_PASSPHRASE, click, fast_scrypt, modals, type_in
from ui.start_protection import open_at_start
from ui.unlock_dialog import RetryDelay, UnlockDialog

__all__ = ["fast_scrypt", "modals"]  # fixtures


def locked_database(tmp_path):
    path = tmp_path / "jaring.db"
    create_encrypted(path, OFFICER_PASSPHRASE, "Budi Santoso", "officer")
    keyring.forget(path)  # as at a new start: nothing unlocked in this process yet
    return path


def test_the_wait_doubles_with_each_wrong_try_up_to_thirty_seconds():
    delay = RetryDelay()
    assert [delay.wrong_try() for _ in range(7)] == [1, 2, 4, 8, 16, 30, 30]
    delay.reset()
    assert delay.wrong_try() == 1


def test_the_right_passphrase_opens(qtbot, tmp_path):
    path = locked_database(tmp_path)
    dialog = UnlockDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    type_in(dialog, "passphrase", OFFICER_PASSPHRASE)
    click(dialog, "unlock_button")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.unlocked.user, dialog.unlocked.role) == ("Budi Santoso", "officer")
    assert dialog.prompt.passphrase.text() == ""  # not left in the widget


def test_wrong_passphrases_wait_longer_each_time(qtbot, tmp_path):
    path = locked_database(tmp_path)
    dialog = UnlockDialog(path, tick_ms=5)  # one "second" of the wait is 5 ms here
    qtbot.addWidget(dialog)
    dialog.show()
    prompt = dialog.prompt
    for expected in ([1], [1, 2], [1, 2, 4]):
        type_in(dialog, "passphrase", "bukan kata sandinya")
        click(dialog, "unlock_button")
        assert prompt.waits == expected
        assert not prompt.button.isEnabled()
        assert prompt.button.text() == f"Tunggu {expected[-1]} detik"
        assert prompt.message.text() == (f"Kata sandi salah. Coba lagi dalam {expected[-1]} detik.")
        # Enter while waiting tries nothing (and counts no wrong try).
        type_in(dialog, "passphrase", OFFICER_PASSPHRASE)
        prompt.try_unlock()
        assert prompt.waits == expected and dialog.unlocked is None
        qtbot.waitUntil(prompt.button.isEnabled, timeout=2000)
        assert prompt.button.text() == "Buka"
        assert prompt.message.text() == "Kata sandi salah. Silakan coba lagi."
    type_in(dialog, "passphrase", OFFICER_PASSPHRASE)
    click(dialog, "unlock_button")
    assert dialog.unlocked is not None


def test_the_start_unlocks_an_encrypted_database(qtbot, tmp_path, modals):
    path = locked_database(tmp_path)

    def unlock(dialog):
        type_in(dialog, "passphrase", OFFICER_PASSPHRASE)
        click(dialog, "unlock_button")

    modals.then("unlock_dialog", unlock)
    assert open_at_start(path)
    assert keyring.remembered(path).user == "Budi Santoso"
    open_database(path).close()  # every later connection finds the key
    keyring.forget(path)


def test_leaving_the_unlock_dialog_opens_nothing(qtbot, tmp_path, modals):
    path = locked_database(tmp_path)
    modals.then("unlock_dialog", lambda dialog: click(dialog, "quit_button"))
    assert not open_at_start(path)
    assert keyring.remembered(path) is None
