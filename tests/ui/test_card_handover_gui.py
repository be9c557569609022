"""The KPJ card handover on screen: from the records list (those without a KPJ named by
count and left out) and a desa's ceremony (its participants ticked, one unticked)."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from models.store import RegistrationStore
from tests.factories import person
from ui.programme.card_handover_dialog import CardHandoverDialog
from ui.records_page import RecordsPage

TODAY = date(2026, 3, 20)
NATAI, PUDU = "62.08.01.2001", "62.08.01.2002"


@pytest.fixture
def page(qtbot, configured_db):
    RegistrationStore(configured_db).insert_many(
        [person(1, "Yusuf", NATAI, status="registered", kpj="11111111111"),
         person(2, "Ani", NATAI, status="registered", kpj="22222222222"),
         person(3, "Candra", NATAI, status="received", kpj=""),
         person(4, "Dewi", PUDU, status="registered", kpj="44444444444")],
        "staf",
    )  # fmt: skip
    page = RecordsPage(RegistrationStore(configured_db), "62.08")
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    page.show()
    return page


def _select(page, *ids):
    rows = {page.model.registration_id(r): r for r in range(page.model.rowCount())}
    selection = page.table.selectionModel()
    selection.clearSelection()
    for rid in ids:
        index = page.model.index(rows[rid], 0)
        selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    return rows[ids[0]]


def _handed(page) -> dict[str, str]:
    store = page.store
    return {rid: store.get(rid).kpj_card_handed_on for rid in ("reg-1", "reg-2", "reg-3", "reg-4")}


def _names(dialog) -> list[str]:
    return [dialog.people.item(r).text() for r in range(dialog.people.count())]


def test_the_menu_offers_both_beside_the_life_events(page):
    row = _select(page, "reg-1")
    page._context_menu(page.table.visualRect(page.model.index(row, 0)).center())
    actions = [a.text() for a in page.context_menu.actions()]
    page.context_menu.close()
    event = next(i for i, t in enumerate(actions) if t.startswith("Catat peristiwa"))
    assert actions[event + 1 : event + 3] == [
        "Kartu KPJ diserahkan…", "Penyerahan kartu KPJ per desa…"]  # fmt: skip


def test_selected_registrations_without_a_kpj_are_named_and_left_out(page, answers, monkeypatch):
    _select(page, "reg-1", "reg-3", "reg-4")
    seen = {}

    def save_on_the_14th(dialog):
        seen["names"] = _names(dialog)
        assert dialog.day.date().toPython() == TODAY  # today unless changed
        dialog.day.setDate(dialog.day.date().addDays(-6))
        dialog.save()
        return 1

    monkeypatch.setattr(CardHandoverDialog, "exec", save_on_the_14th)
    answers.queue.append("ok")
    page.record_card_handover()
    [said] = answers.asked
    assert said.text.startswith("1 dari 3 pendaftaran terpilih belum punya nomor KPJ")
    assert "Penyerahan dicatat untuk 2 peserta lainnya." in said.text
    assert sorted(seen["names"]) == ["Dewi — KPJ 44444444444", "Yusuf — KPJ 11111111111"]
    assert _handed(page) == {"reg-1": "2026-03-14", "reg-2": "", "reg-3": "", "reg-4": "2026-03-14"}
    assert page.store.get("reg-1").version == 2


def test_nobody_with_a_kpj_opens_no_dialog(page, answers, monkeypatch):
    _select(page, "reg-3")
    monkeypatch.setattr(CardHandoverDialog, "exec", lambda d: pytest.fail("no dialog"))
    answers.queue.append("ok")
    page.record_card_handover()
    assert answers.asked[0].text.startswith("1 dari 1 pendaftaran terpilih belum punya")
    assert set(_handed(page).values()) == {""}


def test_a_desas_ceremony_ticks_everyone_and_records_the_ticked(page, answers, monkeypatch):
    page.desa.setCurrentIndex(page.desa.findData(NATAI))  # the list filtered by desa
    seen = {}

    def untick_ani(dialog):
        seen["desa"] = dialog.desa.currentData()
        seen["names"] = _names(dialog)
        seen["ticked"] = dialog.ticked()
        dialog.people.item(0).setCheckState(Qt.CheckState.Unchecked)  # Ani did not come
        seen["count"] = dialog.count.text()
        dialog.save()
        return 1

    monkeypatch.setattr(CardHandoverDialog, "exec", untick_ani)
    page.record_desa_handover()
    assert seen["desa"] == NATAI
    assert seen["names"] == ["Ani — KPJ 22222222222", "Yusuf — KPJ 11111111111"]
    assert seen["ticked"] == ["reg-2", "reg-1"]
    assert seen["count"] == "1 dari 2 peserta menerima kartu"
    assert _handed(page) == {"reg-1": "2026-03-20", "reg-2": "", "reg-3": "", "reg-4": ""}


def test_another_desa_and_a_refusal_in_the_dialog(qtbot, page, answers):
    dialog = CardHandoverDialog(page.store.db, "staf", TODAY, regions=page.regions,
                                regency_code="62.08", desa=NATAI)  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.desa.setCurrentIndex(dialog.desa.findData(PUDU))
    assert _names(dialog) == ["Dewi — KPJ 44444444444"]
    dialog.day.setDate(dialog.day.date().addDays(1))  # tomorrow
    answers.queue.append("ok")
    dialog.save()
    assert answers.asked[0].title == "Penyerahan kartu tidak dicatat"
    assert "belum terjadi" in answers.asked[0].text
    assert dialog.recorded == 0 and _handed(page)["reg-4"] == ""
