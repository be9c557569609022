"""The main window: closing with unsaved typing asks, deleting asks, settings change."""

from PySide6.QtWidgets import QLineEdit

from models.settings import Settings
from models.store import RegistrationStore
from tests.ui.test_registration_form import field, type_siti


def test_closing_with_unsaved_typing_asks(qtbot, window, answers, configured_db):
    qtbot.keyClicks(window.form.findChild(QLineEdit, "full_name"), "Rina")
    answers.queue.append("cancel")
    assert window.close() is False
    assert window.isVisible()
    answers.queue.append("draft")
    assert window.close() is True
    saved = RegistrationStore(configured_db)
    assert saved.count() == 1


def test_closing_with_unsaved_typing_can_discard(qtbot, window, answers, configured_db):
    qtbot.keyClicks(window.form.findChild(QLineEdit, "full_name"), "Rina")
    answers.queue.append("discard")
    assert window.close() is True
    assert RegistrationStore(configured_db).count() == 0


def test_closing_a_clean_form_does_not_ask(window, answers):
    assert window.close() is True
    assert answers.asked == []


def test_delete_asks_and_leaves_a_tombstone(qtbot, window, answers, configured_db):
    type_siti(qtbot, window.form)
    assert window.form.save()
    registration_id = window.records.model.registration_id(0)
    answers.queue.append("no")
    window.delete_registration(registration_id)
    store = RegistrationStore(configured_db)
    assert store.count() == 1
    answers.queue.append("yes")
    window.delete_registration(registration_id)
    assert store.count() == 0
    assert window.records.model.rowCount() == 0
    assert store.get(registration_id).deleted


def test_opening_another_record_with_unsaved_typing_asks(qtbot, window, answers):
    type_siti(qtbot, window.form)
    assert window.form.save()
    registration_id = window.records.model.registration_id(0)
    qtbot.keyClicks(field(window.form, "full_name"), "Setengah")
    answers.queue.append("cancel")
    window.open_registration(registration_id)
    assert field(window.form, "full_name").text() == "Setengah"


def test_settings_change_the_regency_of_the_pickers(window):
    window.settings = Settings(**{**window.settings.__dict__, "regency_code": "62.01"})
    window.form.set_settings(window.settings)
    codes = [
        field(window.form, "kecamatan").itemData(i)
        for i in range(1, field(window.form, "kecamatan").count())
    ]
    assert codes and all(code.startswith("62.01.") for code in codes)


def test_a_delete_can_be_undone(qtbot, window, answers, configured_db):
    type_siti(qtbot, window.form)
    assert window.form.save()
    registration_id = window.records.model.registration_id(0)
    assert not window.undo_delete_action.isEnabled()
    answers.queue.append("yes")
    window.delete_registration(registration_id)
    assert window.records.model.rowCount() == 0
    assert window.undo_delete_action.isEnabled()
    window.undo_delete_action.trigger()
    store = RegistrationStore(configured_db)
    restored = store.get(registration_id)
    assert not restored.deleted
    assert restored.version == 3  # saved, deleted, restored: each a version in history
    assert window.records.model.rowCount() == 1
    assert not window.undo_delete_action.isEnabled()


def test_saving_a_draft_while_reopening_shows_the_saved_version(qtbot, window, answers):
    type_siti(qtbot, window.form)
    assert window.form.save()
    registration_id = window.records.model.registration_id(0)
    window.open_registration(registration_id)
    field(window.form, "address").setText("Jl. Baru 1")
    answers.queue.append("draft")
    window.open_registration(registration_id)
    assert field(window.form, "address").text() == "Jl. Baru 1"
    field(window.form, "address").setText("Jl. Baru 2")
    assert window.form.save(draft=True)
