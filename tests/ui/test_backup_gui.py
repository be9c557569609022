"""Berkas → Cadangkan… writes a backup into the chosen folder and says where; Pulihkan
cadangan… restores one as a NEW database, never over an existing file; the status bar
reminds when a backup is due."""

from contextlib import closing
from datetime import datetime

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from models import clock, keyring
from models.backup import read_backup
from models.db import is_encrypted, open_database
from models.settings import load_settings
from models.store import RegistrationStore
from tests.factories import siti
from tests.ui.encrypted import OFFICER_PASSPHRASE, fast_scrypt, officer_db

__all__ = ["fast_scrypt", "officer_db"]  # fixtures

NOW = datetime(2026, 11, 23, 10, 30)


@pytest.fixture
def moment(monkeypatch):
    """The clock the backups and the reminder read, set by the test."""
    now = {"value": NOW}
    monkeypatch.setattr(clock, "now", lambda: now["value"])
    return now


def trigger(window, name: str) -> None:
    action = window.findChild(QAction, name)
    assert action is not None and action.isVisible() and action.isEnabled(), name
    action.trigger()


def test_a_backup_goes_to_the_chosen_folder(
    qtbot, officer_db, open_window, chooser, answers, moment, tmp_path
):
    RegistrationStore(officer_db).save(siti(), actor="Budi Santoso")
    window = open_window(officer_db)
    usb = tmp_path / "usb"
    usb.mkdir()
    chooser.append([str(usb)])
    answers.queue.append("ok")
    trigger(window, "backup_action")
    [written] = list(usb.iterdir())
    assert written.name == "jaring-cadangan-20261123-103000.jaringbak"
    assert read_backup(written).encrypted
    assert b"Siti Aminah" not in written.read_bytes()
    [told] = answers.asked
    assert told.title == "Cadangan tersimpan"
    assert str(written) in told.text and "Isinya 1 pendaftaran" in told.text
    # The window's settings know the backup, so saving the settings keeps its date.
    assert window.settings.last_backup_at == "2026-11-23T10:30:00"


def test_a_backup_that_fails_says_why_and_records_nothing(
    qtbot, officer_db, open_window, chooser, answers, moment, tmp_path
):
    window = open_window(officer_db)
    chooser.append([str(tmp_path / "no-stick")])
    answers.queue.append("ok")
    trigger(window, "backup_action")
    [told] = answers.asked
    assert told.title == "Cadangan gagal"
    assert "tidak ada (cek flashdisk)" in told.text
    assert load_settings(officer_db).last_backup_at == ""


def test_the_reminder_shows_until_a_backup_is_made(
    qtbot, officer_db, open_window, chooser, answers, moment, tmp_path
):
    RegistrationStore(officer_db).save(siti(), actor="Budi Santoso")
    window = open_window(officer_db)
    reminder = window.findChild(QPushButton, "backup_reminder")
    assert reminder.isVisible()
    assert reminder.text() == "Belum pernah dicadangkan: Cadangkan sekarang"
    usb = tmp_path / "usb"
    usb.mkdir()
    chooser.append([str(usb)])
    answers.queue.append("ok")
    reminder.click()
    assert not reminder.isVisible()
    moment["value"] = datetime(2026, 12, 1, 9, 0)  # 8 days on; the reminder says after 7
    for _ in range(9):  # it looks again every tenth save
        window.form.saved.emit("reg-siti", "draft")
    assert not reminder.isVisible()
    window.form.saved.emit("reg-siti", "draft")
    assert reminder.isVisible()
    assert reminder.text() == "Belum dicadangkan sejak 23-11-2026 10:30: Cadangkan sekarang"


def backup_of(db, folder, moment):
    from ui.backup_actions import write_backup_now

    folder.mkdir(exist_ok=True)
    return write_backup_now(db, folder).path


def test_a_restore_writes_a_new_database_and_never_over_a_file(
    qtbot, officer_db, open_window, chooser, answers, moment, tmp_path
):
    RegistrationStore(officer_db).save(siti(), actor="Budi Santoso")
    backup = backup_of(officer_db, tmp_path / "usb", moment)
    window = open_window(officer_db)
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"someone's file")
    target = tmp_path / "restored" / "jaring.db"
    target.parent.mkdir()
    chooser.append([str(backup)])
    chooser.append([str(taken)])  # exists: refused, another name is asked for
    chooser.append([str(target)])
    chooser.append([OFFICER_PASSPHRASE])
    answers.queue += ["yes", "ok"]
    trigger(window, "restore_action")
    assert taken.read_bytes() == b"someone's file"
    assert [q.title for q in answers.asked] == ["Berkas sudah ada", "Cadangan dipulihkan"]
    assert [r.kind for r in chooser.requests] == ["open", "save", "save", "passphrase"]
    assert str(target) in answers.asked[1].text
    assert is_encrypted(target)
    with closing(open_database(target)) as restored:
        assert RegistrationStore(restored).get("reg-siti").full_name == "Siti Aminah"
    keyring.forget(target)


def test_a_restore_cancelled_at_an_existing_name_writes_nothing(
    qtbot, officer_db, open_window, chooser, answers, moment, tmp_path
):
    backup = backup_of(officer_db, tmp_path / "usb", moment)
    window = open_window(officer_db)
    files = lambda: sorted(p.name for p in tmp_path.iterdir() if p.name != "qt")  # noqa: E731
    before = files()
    chooser.append([str(backup)])
    chooser.append([str(tmp_path / "jaring.db")])  # the open database itself
    answers.queue.append("no")
    trigger(window, "restore_action")
    assert files() == before
    assert [q.title for q in answers.asked] == ["Berkas sudah ada"]


def test_a_wrong_passphrase_or_a_file_that_is_no_backup_restores_nothing(
    qtbot, officer_db, open_window, chooser, answers, moment, tmp_path
):
    backup = backup_of(officer_db, tmp_path / "usb", moment)
    window = open_window(officer_db)
    target = tmp_path / "new.db"
    chooser.append([str(backup)])
    chooser.append([str(target)])
    chooser.append(["bukan kata sandinya"])
    answers.queue.append("ok")
    trigger(window, "restore_action")
    assert answers.asked[-1].title == "Pemulihan gagal"
    assert "kata sandi tidak membuka cadangan ini" in answers.asked[-1].text
    assert not target.exists() and not keyring.keys_path(target).exists()
    junk = tmp_path / "junk.jaringbak"
    junk.write_bytes(b"PK\x03\x04 not really")
    chooser.append([str(junk)])
    answers.queue.append("ok")
    trigger(window, "restore_action")
    assert answers.asked[-1].title == "Bukan cadangan yang bisa dipakai"
