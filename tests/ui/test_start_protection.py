"""Before anything is shown: the first start makes an encrypted database with the
passphrase chosen (the district office's with a recovery code shown once), a plain database
of an earlier version is encrypted once the user chose a passphrase, and a plain database is
opened as it is only with --no-encryption."""

from contextlib import closing

from PySide6.QtWidgets import QLabel, QRadioButton

from models import keyring
from models.db import is_encrypted, is_plain_database, open_database
from models.settings import Settings, load_settings, save_settings
from models.store import RegistrationStore
from tests.factories import siti
from tests.ui.encrypted import OFFICER_PASSPHRASE, click, fast_scrypt, modals, ok, type_in
from ui.settings_dialog import first_run_dialog
from ui.start_protection import open_at_start

__all__ = ["fast_scrypt", "modals"]  # fixtures


def choose_passphrase(dialog, passphrase=OFFICER_PASSPHRASE, again=None, name=None):
    if name is not None:
        type_in(dialog, "user_name", name)
    type_in(dialog, "new_passphrase", passphrase)
    type_in(dialog, "new_passphrase_again", passphrase if again is None else again)
    ok(dialog)


def test_the_first_start_makes_an_encrypted_database(qtbot, tmp_path, modals):
    path = tmp_path / "jaring.db"
    refused = []

    def first_run(dialog):
        assert "hanya kantor kabupaten yang bisa membuka laptop ini lagi" in (
            dialog.findChild(QLabel, "rules").text()
        )
        choose_passphrase(dialog, "pendek", name="Budi Santoso")
        refused.append(dialog.findChild(QLabel, "message").text())
        choose_passphrase(dialog, OFFICER_PASSPHRASE, again="padi kuning di sukamar")
        refused.append(dialog.findChild(QLabel, "message").text())
        choose_passphrase(dialog)

    modals.then("first_run_passphrase", first_run)
    assert open_at_start(path)
    assert refused == [
        "Kata sandi minimal 10 karakter.",
        "Kedua kata sandi tidak sama. Ketik ulang.",
    ]
    assert is_encrypted(path) and not is_plain_database(path)
    assert keyring.accounts(path) == [keyring.Account("Budi Santoso", "officer")]
    keyring.forget(path)
    assert keyring.unlock(path, OFFICER_PASSPHRASE).role == "officer"


def test_a_district_office_gets_a_supervisor_and_a_recovery_code_shown_once(
    qtbot, tmp_path, modals, answers
):
    path = tmp_path / "jaring.db"
    shown = []

    def first_run(dialog):
        dialog.findChild(QRadioButton, "kind_district").setChecked(True)
        assert "kode pemulihan" in dialog.findChild(QLabel, "rules").text()
        choose_passphrase(dialog, "sawit tumbuh di natai", name="Sri Wahyuni")

    def recovery(dialog):
        shown.append(dialog.findChild(QLabel, "recovery_code").text())
        dialog.reject()  # Escape asks first, and "Belum" keeps the code on screen
        assert dialog.isVisible()
        click(dialog, "code_noted")

    modals.then("first_run_passphrase", first_run).then("recovery_code_dialog", recovery)
    answers.queue += ["no", "yes"]
    assert open_at_start(path)
    assert [q.title for q in answers.asked] == ["Kode pemulihan", "Kode pemulihan"]
    assert keyring.accounts(path) == [keyring.Account("Sri Wahyuni", "supervisor")]
    code = shown[0].replace("\n", "-")
    assert len(code.split("-")) == 8
    keyring.forget(path)
    assert keyring.unlock(path, code).role == "supervisor"  # the code opens it
    keyring.remember(path, keyring.unlock(path, "sawit tumbuh di natai"))
    with closing(open_database(path)) as db:
        questions = first_run_dialog(db, load_settings(db))
        assert questions.district  # the office's questions follow
        assert questions.officer.text() == "Sri Wahyuni"
    keyring.forget(path)


def test_a_plain_database_is_encrypted_at_the_first_start_of_this_version(
    qtbot, tmp_path, modals, answers
):
    path = tmp_path / "jaring.db"
    with closing(open_database(path)) as db:
        save_settings(db, Settings(officer_name="Budi Santoso", configured=True))
        RegistrationStore(db).save(siti(), actor="Budi Santoso")
    seen = []

    def protect(dialog):
        seen.append(dialog.findChild(QLabel, "intro").text())
        assert dialog.findChild(type(dialog.name), "user_name").text() == "Budi Santoso"
        choose_passphrase(dialog)

    modals.then("protect_dialog", protect)
    answers.queue.append("ok")
    assert open_at_start(path)
    assert "Versi Jaring ini menyimpan data terenkripsi" in seen[0]
    assert answers.asked[0].title == "Data terenkripsi"
    assert is_encrypted(path) and b"Siti Aminah" not in path.read_bytes()
    assert keyring.accounts(path) == [keyring.Account("Budi Santoso", "officer")]
    with closing(open_database(path)) as db:
        assert RegistrationStore(db).get("reg-siti").full_name == "Siti Aminah"
    keyring.forget(path)


def test_leaving_the_encryption_changes_nothing(qtbot, tmp_path, modals):
    path = tmp_path / "jaring.db"
    open_database(path).close()
    before = path.read_bytes()
    modals.then("protect_dialog", lambda dialog: dialog.reject())
    assert not open_at_start(path)
    assert is_plain_database(path) and path.read_bytes() == before
    assert not keyring.keys_path(path).exists()


def test_no_encryption_opens_a_plain_database_as_it_is(qtbot, tmp_path):
    plain = tmp_path / "plain.db"
    open_database(plain).close()
    assert open_at_start(plain, no_encryption=True)
    assert is_plain_database(plain)
    new = tmp_path / "new.db"
    assert open_at_start(new, no_encryption=True)  # made plain by open_database afterwards
    assert not new.exists() and not keyring.keys_path(new).exists()


def test_the_app_does_not_start_when_the_user_leaves(qtbot, tmp_path, modals):
    from ui.app import run_app

    path = tmp_path / "jaring.db"
    open_database(path).close()
    modals.then("protect_dialog", lambda dialog: dialog.reject())
    assert run_app(path) == 0  # asked before anything else, and left
    assert is_plain_database(path)


def test_an_officers_laptop_encrypted_at_start_can_still_be_opened_by_its_district(
    qtbot, tmp_path, modals, answers
):
    from exchange.enrolment import init_district, init_officer, own_age_identity

    with closing(open_database(tmp_path / "district.db")) as district:
        profile = init_district(district, tmp_path / "district-keys", "Disnaker", "62.08", 9863)
        age = own_age_identity(district)
    path = tmp_path / "jaring.db"
    with closing(open_database(path)) as db:
        init_officer(db, tmp_path / "officer-keys", profile, "Budi Santoso")
    modals.then("protect_dialog", choose_passphrase)
    answers.queue.append("ok")
    assert open_at_start(path)
    assert keyring.has_district_slot(path)  # the district can give it a new passphrase
    assert keyring.unlock_with_district(path, age) == keyring.remembered(path).data_key
    keyring.forget(path)
