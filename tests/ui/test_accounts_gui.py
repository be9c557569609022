"""Accounts in the window: a staff member of the district office sees enrolling, revoking
and the accounts disabled ("Hanya supervisor"); a supervisor adds, resets and removes
accounts (never the last supervisor); anyone changes their own passphrase."""

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel

from models import keyring
from models.db import database_path
from tests.ui.encrypted import (
    OFFICER_PASSPHRASE,
    STAFF_PASSPHRASE,
    SUPERVISOR_PASSPHRASE,
    district_db,
    fast_scrypt,
    officer_db,
    ok,
    type_in,
)
from ui.accounts_dialog import AccountsDialog, AddAccountDialog
from ui.passphrase_dialogs import ChangePassphraseDialog

__all__ = ["fast_scrypt", "officer_db"]  # fixtures


@pytest.fixture
def district(tmp_path):
    opened = []

    def open_as(user):
        db = district_db(tmp_path / "district.db", as_user=user)
        opened.append(db)
        return db

    yield open_as
    for db in opened:
        db.close()
    keyring.forget(tmp_path / "district.db")


def test_staff_cannot_enrol_revoke_or_manage_accounts(qtbot, district, open_window):
    window = open_window(district("Andi"))
    page = window.trust_page
    for button in (page.enrol_button, page.revoke_button):
        assert not button.isEnabled()
        assert button.toolTip() == "Hanya supervisor"
    accounts = window.findChild(QAction, "accounts_action")
    assert accounts.isVisible() and not accounts.isEnabled()
    assert accounts.toolTip() == "Hanya supervisor"
    assert window.findChild(QAction, "change_passphrase").isVisible()


def test_a_supervisor_may(qtbot, district, open_window):
    window = open_window(district("Sri"))
    assert window.trust_page.enrol_button.isEnabled()
    assert window.trust_page.revoke_button.isEnabled()
    assert window.findChild(QAction, "accounts_action").isEnabled()


def test_an_officer_has_no_accounts_to_manage(qtbot, officer_db, open_window):
    window = open_window(officer_db)
    assert not window.findChild(QAction, "accounts_action").isVisible()


def test_a_supervisor_adds_resets_and_removes_accounts(qtbot, district, answers):
    db = district("Sri")
    path = database_path(db)
    dialog = AccountsDialog(path, keyring.remembered(path))
    qtbot.addWidget(dialog)
    assert [(a.user, a.role) for a in dialog.model.rows] == [
        ("Sri", "supervisor"),
        ("Andi", "staff"),
    ]
    assert dialog.model.data(dialog.model.index(1, 1)) == "staf"

    add = AddAccountDialog(path, keyring.remembered(path), dialog)
    qtbot.addWidget(add)
    type_in(add, "account_name", "Dewi")
    type_in(add, "new_passphrase", STAFF_PASSPHRASE)  # Andi's: refused
    type_in(add, "new_passphrase_again", STAFF_PASSPHRASE)
    ok(add)
    assert add.findChild(QLabel, "message").text() == (
        "Kata sandi ini sudah dipakai akun lain; pilih yang lain."
    )
    type_in(add, "new_passphrase", "kebun karet di balai riam")
    type_in(add, "new_passphrase_again", "kebun karet di balai riam")
    role = add.findChild(QComboBox, "account_role")
    assert role.currentData() == "staff"  # the usual new account
    ok(add)
    assert add.result() == add.DialogCode.Accepted
    dialog.refresh()
    assert keyring.unlock(path, "kebun karet di balai riam").user == "Dewi"

    dialog.table.selectRow(2)
    answers.queue.append("yes")
    dialog.remove()
    assert [a.user for a in keyring.accounts(path)] == ["Sri", "Andi"]
    dialog.table.selectRow(0)  # Sri, the last supervisor
    answers.queue += ["yes", "ok"]
    dialog.remove()
    assert answers.asked[-1].title == "Akun tidak dihapus"
    assert answers.asked[-1].text == (
        "Supervisor terakhir tidak bisa dihapus: harus ada yang bisa mengelola akun."
    )
    assert [a.user for a in keyring.accounts(path)] == ["Sri", "Andi"]


def test_a_passphrase_is_changed_after_the_old_one_is_checked(qtbot, officer_db):
    path = database_path(officer_db)
    dialog = ChangePassphraseDialog(path, keyring.remembered(path))
    qtbot.addWidget(dialog)
    new = "ikan patin di sungai lamandau"
    type_in(dialog, "old_passphrase", "bukan kata sandinya")
    type_in(dialog, "new_passphrase", new)
    type_in(dialog, "new_passphrase_again", new)
    ok(dialog)
    assert dialog.findChild(QLabel, "message").text() == "Kata sandi sekarang salah."
    assert keyring.unlock(path, OFFICER_PASSPHRASE).user == "Budi Santoso"
    type_in(dialog, "old_passphrase", OFFICER_PASSPHRASE)
    ok(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert keyring.unlock(path, new).user == "Budi Santoso"
    with pytest.raises(keyring.KeyringError):
        keyring.unlock(path, OFFICER_PASSPHRASE)


def test_another_accounts_passphrase_is_not_the_old_one(qtbot, district):
    db = district("Andi")
    path = database_path(db)
    dialog = ChangePassphraseDialog(path, keyring.remembered(path))
    qtbot.addWidget(dialog)
    type_in(dialog, "old_passphrase", SUPERVISOR_PASSPHRASE)
    type_in(dialog, "new_passphrase", "ikan patin di sungai lamandau")
    type_in(dialog, "new_passphrase_again", "ikan patin di sungai lamandau")
    ok(dialog)
    assert dialog.findChild(QLabel, "message").text() == "Kata sandi sekarang salah."
    assert keyring.unlock(path, SUPERVISOR_PASSPHRASE).user == "Sri"
