"""Typing registrations through the form's widgets, by object name."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit

from models import autosave
from models.store import RegistrationStore

SITI = {
    "nik": "6208014507900001",
    "full_name": "Siti Aminah",
    "birth_place": "Sukamara",
    "mother_name": "Fatimah",
    "address": "Jl. Tjilik Riwut No. 12",
    "rt": "003",
    "rw": "001",
    "phone": "0812-3456-7890",
    "occupation": "Petani karet",
    "monthly_income": "1500000",
    "heir_name": "Ahmad Yani",
}


def field(form, name):
    for kind in (QLineEdit, QComboBox, QCheckBox):
        widget = form.findChild(kind, name)
        if widget is not None:
            return widget
    raise LookupError(name)


def problem_text(form, name) -> str:
    label = form.findChild(QLabel, f"{name}_problem")
    return "" if label.isHidden() else label.text()


def choose(qtbot, form, name, data):
    combo = field(form, name)
    index = combo.findData(data)
    assert index >= 0, (name, data)
    combo.setCurrentIndex(index)


def type_siti(qtbot, form, values=SITI):
    for name, text in values.items():
        edit = field(form, name)
        edit.setFocus()
        qtbot.keyClicks(edit, text)
    choose(qtbot, form, "marital_status", "kawin")
    choose(qtbot, form, "village_code", "62.08.01.2001")
    choose(qtbot, form, "target_group", "petani")
    choose(qtbot, form, "heir_relation", "suami_istri")
    field(form, "consent").setChecked(True)


def test_typed_registration_is_saved_with_ctrl_s(qtbot, window, configured_db):
    form = window.form
    window.tabs.setCurrentWidget(form)
    type_siti(qtbot, form)
    # The NIK filled birth date and sex, and suggested the kecamatan.
    assert field(form, "birth_date").text() == "05-07-1990"
    assert field(form, "sex").currentData() == "P"
    assert field(form, "kecamatan").currentData() == "62.08.01"
    assert "= Rp 22.800 per bulan" in form.findChild(QLabel, "contribution_summary").text()
    qtbot.keyClick(field(form, "heir_name"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    store = RegistrationStore(configured_db)
    assert store.count() == 1
    saved = store.get(window.records.model.registration_id(0))
    assert saved.nik == "6208014507900001"
    assert saved.full_name == "Siti Aminah"
    assert saved.status == "ready"
    assert saved.phone == "081234567890"
    assert saved.monthly_income == 1_500_000
    assert saved.village_code == "62.08.01.2001"
    assert saved.created_by == "Budi Santoso"
    # The form is blank again for the next worker, and nothing is left in autosave.
    assert field(form, "nik").text() == ""
    assert autosave.load(configured_db) is None


def test_contribution_follows_income_and_jht(qtbot, window):
    form = window.form
    qtbot.keyClicks(field(form, "monthly_income"), "1500000")
    assert "Rp 1.600.000" in form.findChild(QLabel, "income_bracket").text()
    summary = form.findChild(QLabel, "contribution_summary")
    assert "Rp 22.800 per bulan" in summary.text()
    field(form, "program_jht").setChecked(True)
    assert "JHT Rp 32.000" in summary.text()
    assert "Rp 54.800 per bulan" in summary.text()
    choose(qtbot, form, "contribution_months", 3)
    assert "Rp 164.400" in summary.text()


def test_bad_nik_shows_its_message(qtbot, window):
    form = window.form
    nik = field(form, "nik")
    qtbot.keyClicks(nik, "9908014507900001")
    assert "provinsi" in problem_text(form, "nik")
    nik.clear()
    qtbot.keyClicks(nik, "6208013507900001")  # day 35: neither a man's nor a woman's date
    assert "bukan tanggal yang sah" in problem_text(form, "nik")
    nik.clear()
    qtbot.keyClicks(nik, "620801450790")
    assert problem_text(form, "nik") == ""  # still typing: length is told when leaving
    form._left("nik")
    assert "16 angka" in problem_text(form, "nik")


def test_save_refuses_errors_but_draft_always_saves(qtbot, window, configured_db):
    form = window.form
    qtbot.keyClicks(field(form, "full_name"), "Joko")
    qtbot.keyClicks(field(form, "phone"), "12345")
    assert form.save() is False
    store = RegistrationStore(configured_db)
    assert store.count() == 0
    assert "wajib diisi" in problem_text(form, "nik")
    assert "seluler" in problem_text(form, "phone")
    qtbot.keyClicks(field(form, "full_name"), " Susilo")
    assert form.save(draft=True) is True
    assert store.count() == 1
    draft = store.get(window.records.model.registration_id(0))
    assert (draft.status, draft.full_name, draft.phone) == ("draft", "Joko Susilo", "12345")


def test_warnings_need_confirmation(qtbot, window, answers, configured_db):
    form = window.form
    type_siti(qtbot, form)
    birth = field(form, "birth_date")
    birth.clear()
    qtbot.keyClicks(birth, "06071990")  # the NIK says 05-07-1990
    assert "05-07-1990" in problem_text(form, "birth_date")
    answers.queue.append("no")
    assert form.save() is False
    assert RegistrationStore(configured_db).count() == 0
    answers.queue.append("yes")
    assert form.save() is True
    saved = RegistrationStore(configured_db).get(window.records.model.registration_id(0))
    assert [c.split("@")[0] for c in saved.warnings_confirmed] == ["nik.birth_date_mismatch"]
    assert "05-07-1990" in answers.asked[0].details
    # Saving it again unchanged does not ask; another wrong date asks again.
    window.open_registration(saved.id)
    assert form.save() is True
    assert len(answers.asked) == 2
    window.open_registration(saved.id)
    birth.setFocus()
    birth.clear()
    qtbot.keyClicks(birth, "07071990")
    answers.queue.append("yes")
    assert form.save() is True
    assert len(answers.asked) == 3


def test_whitespace_is_not_a_name(qtbot, window, configured_db):
    form = window.form
    type_siti(qtbot, form)
    field(form, "full_name").setText("   ")
    assert form.save() is False
    assert RegistrationStore(configured_db).count() == 0
    assert "wajib diisi" in problem_text(form, "full_name")


def test_leaving_a_half_typed_date_shows_its_problem(qtbot, window):
    form = window.form
    window.tabs.setCurrentWidget(form)
    window.activateWindow()
    birth = field(form, "birth_date")
    birth.setFocus()
    qtbot.waitUntil(birth.hasFocus)
    qtbot.keyClicks(birth, "1203")
    assert problem_text(form, "birth_date") == ""
    field(form, "mother_name").setFocus()
    qtbot.waitUntil(lambda: problem_text(form, "birth_date") != "")
    assert "hh-bb-tttt" in problem_text(form, "birth_date")


def test_a_corrected_nik_refreshes_what_the_wrong_one_filled(qtbot, window):
    form = window.form
    nik = field(form, "nik")
    qtbot.keyClicks(nik, "6208014507900001")  # a woman born 05-07-1990
    assert field(form, "birth_date").text() == "05-07-1990"
    nik.clear()
    qtbot.keyClicks(nik, "6208020507900001")  # corrected: a man born 05-07-1990, Jelai
    assert field(form, "sex").currentData() == "L"
    assert field(form, "kecamatan").currentData() == "62.08.02"


def test_duplicate_nik_offers_to_open_the_existing_one(qtbot, window, answers):
    form = window.form
    type_siti(qtbot, form)
    assert form.save()
    first_id = window.records.model.registration_id(0)
    qtbot.keyClicks(field(form, "nik"), SITI["nik"])
    label = form.findChild(QLabel, "nik_problem")
    assert "sudah terdaftar atas nama Siti Aminah" in label.text()
    assert f"open:{first_id}" in label.text()
    answers.queue.append("discard")  # the half-typed duplicate is thrown away
    with qtbot.waitSignal(form.open_requested) as opened:
        label.linkActivated.emit(f"open:{first_id}")
    assert opened.args == [first_id]
    assert field(form, "full_name").text() == "Siti Aminah"
    assert form.title.text() == "Ubah pendaftaran: Siti Aminah"


def test_choosing_a_kecamatan_narrows_the_desa_list(qtbot, window):
    form = window.form
    villages = field(form, "village_code")
    all_count = villages.count()
    choose(qtbot, form, "kecamatan", "62.08.02")
    narrowed = [villages.itemData(i) for i in range(1, villages.count())]
    assert 0 < len(narrowed) < all_count - 1
    assert all(code.startswith("62.08.02.") for code in narrowed)


def test_village_outside_regency_is_refused(window):
    from models.validation import ValidationContext, validate

    reg, _ = window.form.registration()
    problems = validate(reg.copy(village_code="62.01.01.2001"), ValidationContext())
    assert any(p.code == "village.outside_regency" for p in problems)


def test_edit_bumps_version_and_keeps_id(qtbot, window, configured_db):
    form = window.form
    type_siti(qtbot, form)
    assert form.save()
    store = RegistrationStore(configured_db)
    registration_id = window.records.model.registration_id(0)
    window.open_registration(registration_id)
    assert field(form, "full_name").text() == "Siti Aminah"
    field(form, "full_name").setText("Siti Aminah Lestari")
    assert form.save()
    saved = store.get(registration_id)
    assert (saved.full_name, saved.version) == ("Siti Aminah Lestari", 2)


def test_typing_is_autosaved_and_restored(qtbot, window, configured_db, answers):
    form = window.form
    qtbot.keyClicks(field(form, "full_name"), "Rina Wati")
    qtbot.keyClicks(field(form, "birth_date"), "0102")
    form._left("full_name")
    saved = autosave.load(configured_db)
    assert saved["registration"]["full_name"] == "Rina Wati"
    # A new window on the same database (as after a crash) offers it back.
    from models.settings import load_settings
    from ui.main_window import MainWindow

    second = MainWindow(configured_db, load_settings(configured_db))
    answers.queue.append("yes")
    assert second.form.restore_autosave()
    assert field(second.form, "full_name").text() == "Rina Wati"
    assert field(second.form, "birth_date").text().startswith("01-02")
    assert second.form.is_dirty()
    answers.queue.append("discard")
    second.close()


def test_autosave_timer_fires_while_typing(qtbot, window, configured_db):
    qtbot.keyClicks(field(window.form, "address"), "Dusun Sei Tabuk")
    qtbot.waitUntil(lambda: autosave.load(configured_db) is not None, timeout=3000)
    assert autosave.load(configured_db)["registration"]["address"] == "Dusun Sei Tabuk"


def test_enter_moves_to_the_next_field(qtbot, window):
    form = window.form
    window.tabs.setCurrentWidget(form)
    qtbot.waitExposed(window)
    nik = field(form, "nik")
    nik.setFocus()
    qtbot.waitUntil(nik.hasFocus)
    qtbot.keyClick(nik, Qt.Key.Key_Return)
    assert field(form, "kk").hasFocus()
