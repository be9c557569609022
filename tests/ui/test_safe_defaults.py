"""Safe defaults of the form: restoring typing is the default answer, typing that was deleted
again is not offered back, and the duplicate-NIK link is reachable by keyboard."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from models import autosave
from models.settings import load_settings
from tests.ui.test_registration_form import SITI, field, focus, tab_out, type_siti
from ui.main_window import MainWindow


def reopen(db, answers, answer="yes"):
    """A new window on the same database, as after a crash, answering the restore question."""
    second = MainWindow(db, load_settings(db))
    answers.queue.append(answer)
    return second, second.form.restore_autosave()


def close(window, answers):
    answers.otherwise = "discard"
    window.close()
    window.deleteLater()


def test_restore_question_defaults_to_restore(qtbot, window, configured_db, answers):
    focus(qtbot, window, field(window.form, "full_name"))
    qtbot.keyClicks(field(window.form, "full_name"), "Rina Wati")
    tab_out(qtbot, window.form)
    second, restored = reopen(configured_db, answers)
    assert restored
    question = answers.asked[-1]
    assert question.title == "Pulihkan isian?"
    assert question.default == "yes"  # Enter restores: discarding must be chosen
    assert dict(question.answers)[question.default] == "Pulihkan"
    assert question.escape == "no"
    close(second, answers)


def test_the_kecamatan_from_the_nik_is_restored(qtbot, window, configured_db, answers):
    form = window.form
    focus(qtbot, window, field(form, "nik"))
    qtbot.keyClicks(field(form, "nik"), SITI["nik"])
    assert field(form, "kecamatan").currentData() == "62.08.01"  # suggested, no desa yet
    tab_out(qtbot, form)
    second, restored = reopen(configured_db, answers)
    assert restored
    assert field(second.form, "nik").text() == SITI["nik"]
    assert field(second.form, "kecamatan").currentData() == "62.08.01"
    villages = field(second.form, "village_code")
    assert all(villages.itemData(i).startswith("62.08.01.") for i in range(1, villages.count()))
    close(second, answers)


def test_a_chosen_desa_is_restored_with_its_kecamatan(qtbot, window, configured_db, answers):
    type_siti(qtbot, window.form)
    window.form.autosave_now()
    second, _ = reopen(configured_db, answers)
    assert field(second.form, "village_code").currentData() == "62.08.01.2001"
    assert field(second.form, "kecamatan").currentData() == "62.08.01"
    close(second, answers)


def test_typing_deleted_again_is_not_offered_back(qtbot, window, configured_db):
    form = window.form
    nik = field(form, "nik")
    focus(qtbot, window, nik)
    qtbot.keyClicks(nik, "6208")
    tab_out(qtbot, form)
    assert autosave.load(configured_db) is not None
    focus(qtbot, window, nik)
    for _ in range(4):
        qtbot.keyClick(nik, Qt.Key.Key_Backspace)
    assert nik.text() == ""
    tab_out(qtbot, form)
    assert autosave.load(configured_db) is None


def test_the_timer_also_empties_the_slot(qtbot, window, configured_db):
    nik = field(window.form, "nik")
    qtbot.keyClicks(nik, "62")
    qtbot.waitUntil(lambda: autosave.load(configured_db) is not None, timeout=3000)
    nik.clear()
    qtbot.waitUntil(lambda: autosave.load(configured_db) is None, timeout=3000)


def test_closing_right_after_deleting_leaves_nothing_to_offer(qtbot, open_window, configured_db):
    window = open_window(configured_db)
    nik = field(window.form, "nik")
    qtbot.keyClicks(nik, "6208")
    window.form.autosave_now()
    nik.clear()  # and the window is closed before the timer fires
    assert window.close()
    assert autosave.load(configured_db) is None


def test_a_restored_form_emptied_again_is_forgotten(qtbot, window, configured_db, answers):
    qtbot.keyClicks(field(window.form, "full_name"), "Rina")
    window.form.autosave_now()
    second, _ = reopen(configured_db, answers)
    field(second.form, "full_name").clear()
    second.form.autosave_now()
    assert autosave.load(configured_db) is None
    close(second, answers)


def test_kosongkan_clears_the_slot(qtbot, window, configured_db, answers):
    qtbot.keyClicks(field(window.form, "full_name"), "Rina")
    window.form.autosave_now()
    answers.queue.append("yes")
    qtbot.mouseClick(window.form.clear_button, Qt.MouseButton.LeftButton)
    assert autosave.load(configured_db) is None


def duplicate_nik(qtbot, window, answers):
    """Save Siti, then type her NIK again: the NIK's problem links to her registration."""
    form = window.form
    window.tabs.setCurrentWidget(form)
    type_siti(qtbot, form)
    assert form.save()
    first_id = window.records.model.registration_id(0)
    focus(qtbot, window, field(form, "nik"))
    qtbot.keyClicks(field(form, "nik"), SITI["nik"])
    label = form.findChild(QLabel, "nik_problem")
    assert "Buka data itu" in label.text()
    return first_id, label


def test_tab_reaches_the_link_and_enter_opens_the_other_record(qtbot, window, answers):
    first_id, label = duplicate_nik(qtbot, window, answers)
    qtbot.keyClick(field(window.form, "nik"), Qt.Key.Key_Tab)
    qtbot.waitUntil(label.hasFocus)
    answers.queue.append("discard")  # the half-typed duplicate is thrown away
    with qtbot.waitSignal(window.form.open_requested) as opened:
        qtbot.keyClick(label, Qt.Key.Key_Return)
    assert opened.args == [first_id]
    assert window.form.title.text() == "Ubah pendaftaran: Siti Aminah"


def test_enter_in_the_nik_skips_the_link(qtbot, window, answers):
    _, label = duplicate_nik(qtbot, window, answers)
    qtbot.keyClick(field(window.form, "nik"), Qt.Key.Key_Return)
    qtbot.waitUntil(field(window.form, "kk").hasFocus)
    assert not label.hasFocus()
