"""The form's questions of issue 15: the transport sector (from the occupation, or asked),
working now, a former participant's old KPJ, and BPJS's segment code shown as unverified."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from models.store import RegistrationStore
from tests.ui.test_registration_form import choose, field, problem_text, tab_out, type_siti


def test_a_transport_occupation_ticks_the_transport_box_and_the_discount_follows(qtbot, window):
    form = window.form
    window.tabs.setCurrentWidget(form)
    form.session.today = date(2026, 2, 10)  # PP 50/2025: transport workers only, until April
    box = field(form, "transport_worker")
    qtbot.keyClicks(field(form, "monthly_income"), "1000000")
    choose(qtbot, form, "funding_source", "mandiri")
    summary = form.findChild(QLabel, "contribution_summary")
    assert "16.800 per bulan" in summary.text()
    qtbot.keyClicks(field(form, "occupation"), "Ojek online")
    assert box.isChecked() and not box.isEnabled()
    assert "8.400 per bulan" in summary.text()
    assert "(belum dipastikan)" in summary.text()  # the discount is not confirmed yet
    field(form, "occupation").setText("Petani")
    assert not box.isChecked() and box.isEnabled()
    assert "16.800 per bulan" in summary.text()
    box.setChecked(True)  # a farmer who also drives: asked, ticked by hand
    assert "8.400 per bulan" in summary.text()
    choose(qtbot, form, "funding_source", "apbd")
    assert "16.800 per bulan" in summary.text()  # APBD: never discounted


def test_the_old_kpj_is_asked_only_of_a_former_participant(qtbot, window, configured_db):
    form = window.form
    window.tabs.setCurrentWidget(form)
    type_siti(qtbot, form)
    old_kpj = field(form, "previous_kpj")
    assert not old_kpj.isEnabled()
    field(form, "previous_participant").setChecked(True)
    assert old_kpj.isEnabled()
    assert form.save() is False  # a former participant without the old KPJ
    assert problem_text(form, "previous_kpj") == "Nomor KPJ lama wajib diisi."
    qtbot.keyClicks(old_kpj, "1234 5678 901")
    assert form.save() is True
    saved = RegistrationStore(configured_db).get(window.records.model.registration_id(0))
    assert (saved.previous_participant, saved.previous_kpj) == (True, "12345678901")


def test_unticking_former_participant_clears_the_old_kpj(qtbot, window):
    form = window.form
    window.tabs.setCurrentWidget(form)
    field(form, "previous_participant").setChecked(True)
    qtbot.keyClicks(field(form, "previous_kpj"), "12345678901")
    field(form, "previous_participant").setChecked(False)
    assert field(form, "previous_kpj").text() == "" and not field(form, "previous_kpj").isEnabled()


def test_ready_needs_the_working_now_declaration(qtbot, window, configured_db):
    form = window.form
    window.tabs.setCurrentWidget(form)
    type_siti(qtbot, form)
    field(form, "working_now").setChecked(False)
    assert form.save() is False
    assert problem_text(form, "working_now").startswith("Pekerja harus menyatakan saat ini")
    field(form, "working_now").setChecked(True)
    assert form.save() is True
    saved = RegistrationStore(configured_db).get(window.records.model.registration_id(0))
    assert saved.working_now


def test_the_segment_code_follows_the_funding_and_says_it_is_unconfirmed(qtbot, window):
    form = window.form
    segment = form.findChild(QLabel, "segment_code")
    assert segment.text() == ("SA — Pekerja Rentan Desa APBD (belum dipastikan kantor cabang BPJS)")
    choose(qtbot, form, "funding_source", "apbdes")
    assert segment.text().startswith("SD — Pekerja Rentan Desa APBDes")
    choose(qtbot, form, "funding_source", "csr")
    assert segment.text().startswith("SC — ")


def test_tab_passes_the_transport_box_a_transport_occupation_ticked(qtbot, window):
    form = window.form
    window.tabs.setCurrentWidget(form)
    field(form, "occupation").setText("Sopir truk")
    field(form, "monthly_income").setFocus()
    qtbot.waitUntil(field(form, "monthly_income").hasFocus)
    tab_out(qtbot, form)
    assert form.focusWidget() is field(form, "program_jht")
