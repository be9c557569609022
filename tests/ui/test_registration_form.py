"""Typing registrations through the form's widgets, by object name."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit

from models import autosave
from models.entry_fields import FIELDS
from models.store import RegistrationStore

SITI = {
    "nik": "6208014507900001",
    "full_name": "Siti Aminah",
    "birth_place": "Sukamara",
    "mother_name": "Fatimah",
    "address": "Jl. Tjilik Riwut No. 12",
    "rt": "003",
    "rw": "001",
    "postal_code": "74172",
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


def focus(qtbot, window, widget):
    """Put the keyboard focus in ``widget`` of the active main window, as a click would."""
    window.tabs.setCurrentWidget(window.form)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def tab_out(qtbot, form):
    """Press Tab in the focused field: the focus moves on and the field counts as left."""
    widget = form.focusWidget()
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not widget.hasFocus())


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
    field(form, "working_now").setChecked(True)
    field(form, "consent").setChecked(True)


def test_typed_registration_is_saved_with_ctrl_s(qtbot, window, configured_db):
    form = window.form
    window.tabs.setCurrentWidget(form)
    type_siti(qtbot, form)
    # The NIK filled birth date and sex, and suggested the kecamatan.
    assert field(form, "birth_date").text() == "05-07-1990"
    assert field(form, "sex").currentData() == "P"
    assert field(form, "kecamatan").currentData() == "62.08.01"
    assert form.findChild(QLabel, "contribution_summary").text() == (
        "JKK Rp 16.000 + JKM Rp 6.800 = Rp 22.800 per bulan"
    )
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
    bracket = form.findChild(QLabel, "income_bracket")
    summary = form.findChild(QLabel, "contribution_summary")
    assert (bracket.text(), summary.text()) == ("Isi penghasilan untuk melihat iuran.", "—")
    qtbot.keyClicks(field(form, "monthly_income"), "1500000")
    assert bracket.text() == "Upah dasar iuran: Rp 1.600.000"
    assert summary.text() == "JKK Rp 16.000 + JKM Rp 6.800 = Rp 22.800 per bulan"
    field(form, "program_jht").setChecked(True)
    assert summary.text() == "JKK Rp 16.000 + JKM Rp 6.800 + JHT Rp 32.000 = Rp 54.800 per bulan"
    choose(qtbot, form, "contribution_months", 3)
    assert summary.text() == (
        "JKK Rp 16.000 + JKM Rp 6.800 + JHT Rp 32.000 = Rp 54.800 per bulan\n"
        "Dibayar per 3 bulan: Rp 164.400"
    )


def test_bad_nik_shows_its_message(qtbot, window):
    form = window.form
    nik = field(form, "nik")
    focus(qtbot, window, nik)
    qtbot.keyClicks(nik, "9908014507900001")
    assert problem_text(form, "nik") == "Dua angka pertama NIK bukan kode provinsi yang dikenal."
    nik.clear()
    qtbot.keyClicks(nik, "6208013507900001")  # day 35: neither a man's nor a woman's date
    assert problem_text(form, "nik") == (
        "Tanggal lahir di dalam NIK (angka ke-7 s.d. 12) bukan tanggal yang sah."
    )
    nik.clear()
    qtbot.keyClicks(nik, "620801450790")
    assert problem_text(form, "nik") == ""  # still typing: length is told when leaving
    tab_out(qtbot, form)
    assert field(form, "kk").hasFocus()
    assert problem_text(form, "nik") == "NIK harus 16 angka."


def test_save_refuses_errors_but_draft_always_saves(qtbot, window, configured_db):
    form = window.form
    qtbot.keyClicks(field(form, "full_name"), "Joko")
    qtbot.keyClicks(field(form, "phone"), "12345")
    assert form.save() is False
    store = RegistrationStore(configured_db)
    assert store.count() == 0
    assert problem_text(form, "nik") == "NIK wajib diisi."
    assert problem_text(form, "phone") == (
        "Nomor HP harus nomor seluler Indonesia, misalnya 0812… atau +62812…"
    )
    assert form.findChild(QLabel, "problem_summary").text() == "17 kesalahan, 0 peringatan"
    assert form.focusWidget() is field(form, "nik")  # the first error
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
    assert problem_text(form, "birth_date") == (
        "Tanggal lahir menurut NIK adalah 05-07-1990. Benar tanggal lahirnya berbeda?"
    )
    answers.queue.append("no")
    assert form.save() is False
    assert RegistrationStore(configured_db).count() == 0
    answers.queue.append("yes")
    assert form.save() is True
    saved = RegistrationStore(configured_db).get(window.records.model.registration_id(0))
    assert [c.split("@")[0] for c in saved.warnings_confirmed] == ["nik.birth_date_mismatch"]
    assert answers.asked[0].details == (
        "• Tanggal lahir menurut NIK adalah 05-07-1990. Benar tanggal lahirnya berbeda?"
    )
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
    assert problem_text(form, "full_name") == "Nama lengkap (sesuai KTP) wajib diisi."


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
    assert problem_text(form, "birth_date") == (
        "Tulis tanggal sebagai hh-bb-tttt, misalnya 05-07-1990."
    )


def test_a_corrected_nik_refreshes_what_the_wrong_one_filled(qtbot, window):
    form = window.form
    nik = field(form, "nik")
    qtbot.keyClicks(nik, "6208014507900001")  # a woman born 05-07-1990
    assert field(form, "birth_date").text() == "05-07-1990"
    nik.clear()
    qtbot.keyClicks(nik, "6208020608910001")  # corrected: a man born 06-08-1991, Jelai
    assert field(form, "birth_date").text() == "06-08-1991"
    assert field(form, "sex").currentData() == "L"
    assert field(form, "kecamatan").currentData() == "62.08.02"


def test_duplicate_nik_offers_to_open_the_existing_one(qtbot, window, answers):
    form = window.form
    type_siti(qtbot, form)
    assert form.save()
    first_id = window.records.model.registration_id(0)
    qtbot.keyClicks(field(form, "nik"), SITI["nik"])
    label = form.findChild(QLabel, "nik_problem")
    assert label.text() == (
        "NIK ini sudah terdaftar atas nama Siti Aminah."
        f' <a href="open:{first_id}">Buka data itu</a>'
    )
    answers.queue.append("discard")  # the half-typed duplicate is thrown away
    with qtbot.waitSignal(form.open_requested) as opened:
        label.linkActivated.emit(f"open:{first_id}")
    assert opened.args == [first_id]
    assert field(form, "full_name").text() == "Siti Aminah"
    assert form.title.text() == "Ubah pendaftaran: Siti Aminah"


def test_choosing_a_kecamatan_narrows_the_desa_list(qtbot, window):
    form = window.form
    villages = field(form, "village_code")
    assert villages.count() == 33  # the regency's 32 desa, and none chosen
    assert villages.itemText(1).endswith(")")  # with its kecamatan in brackets
    choose(qtbot, form, "kecamatan", "62.08.02")
    narrowed = [villages.itemData(i) for i in range(villages.count())]
    assert narrowed == [
        "", "62.08.02.1001", "62.08.02.2002", "62.08.02.2003", "62.08.02.2004", "62.08.02.2005"
    ]  # fmt: skip


def test_choosing_a_desa_of_the_whole_regency_chooses_its_kecamatan(qtbot, window):
    form = window.form
    choose(qtbot, form, "village_code", "62.08.03.2005")
    assert field(form, "kecamatan").currentData() == "62.08.03"
    assert field(form, "village_code").currentData() == "62.08.03.2005"
    choose(qtbot, form, "kecamatan", "62.08.01")  # another kecamatan: the desa goes
    assert field(form, "village_code").currentData() == ""


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
    focus(qtbot, window, field(form, "full_name"))
    qtbot.keyClicks(field(form, "full_name"), "Rina Wati")
    tab_out(qtbot, form)  # leaving a field stores at once, without waiting for the timer
    saved = autosave.load(configured_db)
    assert saved["registration"]["full_name"] == "Rina Wati"
    focus(qtbot, window, field(form, "birth_date"))
    qtbot.keyClicks(field(form, "birth_date"), "0102")
    tab_out(qtbot, form)
    assert autosave.load(configured_db)["raw"] == {"birth_date": "01-02-", "monthly_income": ""}
    # A new window on the same database (as after a crash) offers it back.
    from models.settings import load_settings
    from ui.main_window import MainWindow

    second = MainWindow(configured_db, load_settings(configured_db))
    answers.queue.append("yes")
    assert second.form.restore_autosave()
    assert field(second.form, "full_name").text() == "Rina Wati"
    assert field(second.form, "birth_date").text() == "01-02-"
    assert answers.asked[0].text == (
        "Ada isian formulir yang belum disimpan dari sesi sebelumnya: Rina Wati. Pulihkan?"
    )
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


def test_tab_walks_the_fields_in_form_order(qtbot, window):
    form = window.form
    focus(qtbot, window, field(form, "nik"))
    visited = [form.focusWidget().objectName()]
    while visited[-1] != "save_button" and len(visited) < 40:
        tab_out(qtbot, form)
        visited.append(form.focusWidget().objectName())
    # The company is asked for only when a company's CSR pays, the old KPJ only of a former
    # participant: their fields are skipped.
    skipped = ("csr_company", "previous_kpj")
    assert visited == [s.name for s in FIELDS if s.name not in skipped] + ["save_button"]


def test_the_contribution_line_does_not_squeeze_the_left_column(qtbot, window):
    """At 1366x768 with 125 % scaling (1093 logical pixels) the long contribution line once
    shrank the identity column until the KK's placeholder was cut."""
    window.resize(1093, 574)
    form = window.form
    window.tabs.setCurrentWidget(form)
    qtbot.waitExposed(window)
    nik = field(form, "nik")
    before = nik.width()
    qtbot.keyClicks(field(form, "monthly_income"), "3500000")
    field(form, "program_jht").setChecked(True)
    choose(qtbot, form, "contribution_months", 3)
    qtbot.wait(50)  # the layout settles
    assert abs(nik.width() - before) <= 2, (before, nik.width())
