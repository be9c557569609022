"""The first-run questions fit the database: the district office's database asks for the
office's name and the staff member using it, never for an officer or a server address; an
officer's laptop (or one not yet set up) asks for the officer and the server."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from exchange.enrolment import init_district
from models.db import open_database
from models.settings import Settings, load_settings, save_settings
from ui.settings_dialog import SettingsDialog, first_run_dialog, settings_dialog


def row_labels(dialog) -> list[str]:
    form = dialog.findChild(QFormLayout)
    rows = [form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(form.rowCount())]
    return [item.widget().text() for item in rows if item is not None]


def press_save(qtbot, dialog) -> None:
    """Click the dialog's Simpan button, as the user does."""
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def district_db(tmp_path):
    db = open_database(tmp_path / "district.db")
    init_district(db, tmp_path / "keys", "Disnakertrans Sukamara", "62.08", 9863)
    return db


def test_the_district_first_run_asks_for_the_office_and_its_staff(qtbot, tmp_path):
    db = district_db(tmp_path)
    dialog = first_run_dialog(db, load_settings(db))
    labels = row_labels(dialog)
    assert "Nama kantor" in labels and "Nama staf" in labels
    assert "Nama petugas" not in labels and "Alamat server kabupaten" not in labels
    assert "petugas" not in dialog.findChild(QLabel, "intro").text()
    office = dialog.findChild(QLineEdit, "office_name")
    assert office.text() == "Disnakertrans Sukamara"  # from district-init, to check
    dialog.findChild(QLineEdit, "officer_name").setText("  Rina   Wati ")
    press_save(qtbot, dialog)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    chosen = save_settings(db, dialog.settings())
    assert (chosen.office_name, chosen.officer_name, chosen.sync_url) == (
        "Disnakertrans Sukamara", "Rina Wati", "",
    )  # fmt: skip
    # Later, the settings of the district's database are the district's again.
    assert "Nama staf" in row_labels(SettingsDialog(load_settings(db)))


def test_the_district_must_name_its_office_and_staff(qtbot, tmp_path):
    db = district_db(tmp_path)
    dialog = first_run_dialog(db, load_settings(db))
    dialog.findChild(QLineEdit, "office_name").setText(" ")
    press_save(qtbot, dialog)
    assert dialog.findChild(QLabel, "message").text() == "Nama kantor wajib diisi."
    dialog.findChild(QLineEdit, "office_name").setText("Disnaker")
    press_save(qtbot, dialog)
    assert dialog.findChild(QLabel, "message").text() == "Nama staf wajib diisi."
    assert dialog.result() != SettingsDialog.DialogCode.Accepted


def test_a_database_not_set_up_asks_for_the_officer(qtbot, db):
    dialog = first_run_dialog(db, load_settings(db))
    labels = row_labels(dialog)
    assert "Nama petugas" in labels and "Alamat server kabupaten" in labels
    assert "Nama kantor" not in labels and "Nama staf" not in labels
    dialog.findChild(QLineEdit, "officer_name").setText("Budi")
    press_save(qtbot, dialog)
    assert dialog.settings().office_name == ""


def test_the_settings_of_a_district_set_up_in_the_app_are_the_districts(qapp, tmp_path):
    """A district set up on the set-up page has no office name in its settings yet: the
    settings dialog still asks the district's questions, by what the database is."""
    db = district_db(tmp_path)
    assert load_settings(db).office_name == ""
    labels = row_labels(settings_dialog(db, load_settings(db)))
    assert "Nama kantor" in labels and "Nama staf" in labels
    assert "Alamat server kabupaten" not in labels


def test_the_district_sets_the_date_of_its_agreement_with_bpjs(qtbot, tmp_path):
    db = district_db(tmp_path)
    save_settings(db, Settings(officer_name="Rina", office_name="Disnaker", configured=True))
    dialog = settings_dialog(db, load_settings(db))
    assert "Tanggal PKS dengan BPJS" in row_labels(dialog)
    pks = dialog.findChild(QLineEdit, "pks_date")
    pks.setText("31-02-2026")
    press_save(qtbot, dialog)
    assert dialog.findChild(QLabel, "message").text() == "Tulis tanggal PKS sebagai hh-bb-tttt."
    pks.setText("01-01-2027")
    press_save(qtbot, dialog)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert save_settings(db, dialog.settings()).pks_date == "2027-01-01"
    assert settings_dialog(db, load_settings(db)).findChild(QLineEdit, "pks_date").text() == (
        "01-01-2027"
    )


def test_an_officer_is_not_asked_for_the_agreement(qtbot, db):
    assert "Tanggal PKS dengan BPJS" not in row_labels(settings_dialog(db, load_settings(db)))
