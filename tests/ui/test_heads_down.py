"""Heads-down entry: an officer types a registration with the keyboard only, fast, and
nothing lands in the wrong field. Every key goes where Qt sends a real key (`keyboard`):
into an open suggestion list or combo box list while one is shown."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from models.entry_fields import FIELDS, Kind
from models.store import RegistrationStore
from tests.ui.keyboard import press, type_keys
from tests.ui.test_registration_form import field, focus

#: A whole registration typed from the NIK on, field after field with Enter; the NIK fills
#: the birth date, sex and kecamatan, so Enter just passes them.
SITI_KEYS = [
    ("nik", "6208014507900001\n"),
    ("kk", "\n"),
    ("full_name", "Siti Aminah\n"),
    ("birth_place", "Sukamara\n"),
    ("birth_date", "\n"),
    ("sex", "\n"),
    ("marital_status", "kawin\n"),
    ("mother_name", "Fatimah\n"),
    ("address", "Jl. Tjilik Riwut No. 12\n"),
    ("rt", "003\n"),
    ("rw", "001\n"),
    ("kecamatan", "\n"),
    ("village_code", "natai s\n"),
    ("postal_code", "74172\n"),
    ("phone", "0812-3456-7890\n"),
    ("email", "\n"),
    ("occupation", "Petani karet\n"),
    ("target_group", "petani\n"),
    ("monthly_income", "1500000\n"),
    ("transport_worker", "\n"),
    ("program_jht", "\n"),
    ("funding_source", "\n"),
    ("contribution_months", "\n"),
    ("previous_participant", "\n"),  # not a former participant: the old KPJ is passed
    ("heir_name", "Ahmad Yani\n"),
    ("heir_relation", "suami\n"),
    ("heir_phone", "\n"),
    ("working_now", " \n"),
    ("consent", " "),
]


#: Keys that meet neither an open suggestion list nor a desa name with a space, for the tests
#: of what comes after the typing.
PLAIN_KEYS = {"village_code": "n\n", "occupation": "Penyadap karet\n"}


def type_siti_heads_down(form, **instead: str) -> None:
    """Type `SITI_KEYS` (or ``instead`` for the fields it names), checking that each field
    has the focus when its keys start."""
    for name, keys in SITI_KEYS:
        assert QApplication.focusWidget() is field(form, name), (name, QApplication.focusWidget())
        type_keys(instead.get(name, keys))


def shown_problems(form) -> dict[str, str]:
    return {
        label.objectName(): label.text()
        for label in form.findChildren(QLabel)
        if label.objectName().endswith("_problem") and not label.isHidden()
    }


def in_view(form, widget) -> bool:
    """Whether ``widget`` is wholly inside the form's scrolled viewport."""
    viewport = form.sheet.scroll.viewport()
    where = QRect(widget.mapTo(viewport, widget.rect().topLeft()), widget.size())
    return viewport.rect().contains(where)


@pytest.fixture
def small_window(window, qtbot):
    """The main window on the form, as small as on a 1280x720 laptop: the form scrolls."""
    window.resize(1280, 600)
    window.tabs.setCurrentWidget(window.form)
    qtbot.waitExposed(window)
    focus(qtbot, window, field(window.form, "nik"))
    scroll = window.form.sheet.scroll
    assert scroll.widget().height() > scroll.viewport().height()
    return window


# --- the occupation's suggestions --------------------------------------------------------


def test_enter_in_the_occupation_suggestions_keeps_the_text_and_moves_on(qtbot, window):
    form = window.form
    focus(qtbot, window, field(form, "occupation"))
    type_keys("Petani")
    popup = field(form, "occupation").completer().popup()
    assert popup.isVisible()  # the suggestions are shown, as for a person
    type_keys("\npetani\n1500000\n")
    assert field(form, "occupation").text() == "Petani"
    assert field(form, "target_group").currentData() == "petani"
    assert field(form, "monthly_income").text() == "1.500.000"
    assert QApplication.focusWidget() is field(form, "transport_worker")
    assert not popup.isVisible()


def test_enter_takes_the_highlighted_suggestion_and_moves_on(qtbot, window):
    form = window.form
    focus(qtbot, window, field(form, "occupation"))
    type_keys("sawit")
    assert field(form, "occupation").completer().popup().isVisible()
    press(Qt.Key.Key_Down)  # highlights the one suggestion, "Petani sawit"
    type_keys("\n")
    assert field(form, "occupation").text() == "Petani sawit"
    assert QApplication.focusWidget() is field(form, "target_group")


def test_tab_in_the_suggestions_moves_on_too(qtbot, window):
    form = window.form
    focus(qtbot, window, field(form, "occupation"))
    type_keys("Nelayan\t")
    assert field(form, "occupation").text() == "Nelayan"
    assert QApplication.focusWidget() is field(form, "target_group")
    assert not field(form, "occupation").completer().popup().isVisible()


def test_keys_that_reach_the_closed_suggestions_go_to_the_next_field(qtbot, window):
    """On X11 the list lets the keyboard go only when the window system says so: keys typed
    fast after Enter may still reach it, closed."""
    form = window.form
    focus(qtbot, window, field(form, "occupation"))
    type_keys("Petani")
    popup = field(form, "occupation").completer().popup()
    type_keys("\n")
    assert not popup.isVisible()
    QTest.keyClicks(popup, "nelayan")  # where X11 may still send them
    assert field(form, "occupation").text() == "Petani"
    assert field(form, "target_group").currentData() == "nelayan"


def test_enter_that_reaches_the_line_before_its_open_list_closes_the_list(qtbot, window):
    """On X11 a key typed fast may reach the line before the list that just opened has the
    keyboard."""
    form = window.form
    occupation = field(form, "occupation")
    focus(qtbot, window, occupation)
    type_keys("Petani")
    assert occupation.completer().popup().isVisible()
    QTest.keyClick(occupation, Qt.Key.Key_Return)
    assert not occupation.completer().popup().isVisible()
    assert QApplication.focusWidget() is field(form, "target_group")


# --- type-ahead in the lists -------------------------------------------------------------


def test_a_desa_name_with_a_space_is_chosen_by_typing_it(qtbot, window, configured_db):
    form = window.form
    focus(qtbot, window, field(form, "village_code"))  # no kecamatan: the whole regency
    type_keys("sungai r\n74173\n0812-3456-7890\n")
    assert field(form, "village_code").currentData() == "62.08.02.2005"  # Sungai Raja
    assert field(form, "kecamatan").currentData() == "62.08.02"
    assert field(form, "postal_code").text() == "74173"
    assert field(form, "phone").text() == "0812-3456-7890"
    assert QApplication.focusWidget() is field(form, "email")


def test_typing_is_case_insensitive_and_backspace_takes_a_letter_back(qtbot, window):
    form = window.form
    focus(qtbot, window, field(form, "village_code"))
    type_keys("SUNGAI C")
    assert field(form, "village_code").currentData() == "62.08.04.2003"  # Sungai Cabang Barat
    type_keys("\bP")
    assert field(form, "village_code").currentData() == "62.08.04.2004"  # Sungai Pasir
    assert QApplication.activePopupWidget() is None  # the space did not open the list


def combo_items() -> list[tuple[str, int]]:
    return [(spec.name, index) for spec in FIELDS if spec.kind is Kind.CHOICE for index in (1, -1)]


@pytest.mark.parametrize(("name", "index"), combo_items())
def test_every_list_chooses_the_item_its_typed_text_starts(qtbot, window, name, index):
    """The first and the last item of every list, typed in small letters, then Enter."""
    form = window.form
    combo: QComboBox = field(form, name)
    index = index % combo.count()
    wanted = combo.itemData(index)
    text = combo.itemText(index)
    focus(qtbot, window, combo)
    typed = text.split(" — ")[0]  # "L — Laki-laki": the keyboard types the code, "L"
    type_keys(typed.lower() + "\n")
    assert combo.currentData() == wanted, text
    assert QApplication.focusWidget() is not combo
    assert QApplication.activePopupWidget() is None


def test_enter_in_an_open_list_chooses_and_moves_on(qtbot, window):
    form = window.form
    focus(qtbot, window, field(form, "marital_status"))
    press(Qt.Key.Key_F4)  # opens the list
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    press(Qt.Key.Key_Down)  # from the empty first item to "Belum kawin"
    type_keys("\n")
    assert field(form, "marital_status").currentData() == "belum_kawin"
    assert QApplication.focusWidget() is field(form, "mother_name")
    assert QApplication.activePopupWidget() is None


# --- a whole registration ----------------------------------------------------------------


def test_a_registration_typed_heads_down_is_stored_as_typed(qtbot, small_window, configured_db):
    form = small_window.form
    type_siti_heads_down(form)
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    store = RegistrationStore(configured_db)
    assert store.count() == 1
    saved = store.get(small_window.records.model.registration_id(0))
    typed = {
        name: getattr(saved, name)
        for name in ("nik", "full_name", "birth_place", "marital_status", "mother_name",
                     "rt", "rw", "village_code", "postal_code", "phone", "occupation",
                     "target_group", "monthly_income", "heir_name", "heir_relation", "status")
    }  # fmt: skip
    assert typed == {
        "nik": "6208014507900001", "full_name": "Siti Aminah", "birth_place": "Sukamara",
        "marital_status": "kawin", "mother_name": "Fatimah", "rt": "003", "rw": "001",
        "village_code": "62.08.01.2001", "postal_code": "74172", "phone": "081234567890",
        "occupation": "Petani karet", "target_group": "petani", "monthly_income": 1_500_000,
        "heir_name": "Ahmad Yani", "heir_relation": "suami_istri", "status": "ready",
    }  # fmt: skip


# --- after saving: the next NIK in view, on a clean form ---------------------------------


def test_after_ctrl_s_the_nik_has_the_focus_and_is_in_view(qtbot, small_window):
    form = small_window.form
    type_siti_heads_down(form, **PLAIN_KEYS)
    assert not in_view(form, field(form, "nik"))  # the consent is at the bottom
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert field(form, "nik").text() == ""
    assert QApplication.focusWidget() is field(form, "nik")
    assert in_view(form, field(form, "nik"))


def test_after_ctrl_n_the_nik_is_in_view(qtbot, small_window):
    form = small_window.form
    type_keys("\n" * 26)  # Enter down to the heir's phone, typing nothing
    assert QApplication.focusWidget() is field(form, "heir_phone")
    assert not in_view(form, field(form, "nik"))
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is field(form, "nik")
    assert in_view(form, field(form, "nik"))


def test_a_refused_save_shows_the_field_it_puts_the_focus_in(qtbot, small_window):
    form = small_window.form
    type_keys("\n" * 28 + " ")  # Enter down to the consent, and tick it
    assert not in_view(form, field(form, "nik"))
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # no NIK: refused
    assert QApplication.focusWidget() is field(form, "nik")
    assert in_view(form, field(form, "nik"))


def test_every_field_the_focus_comes_to_is_in_view(qtbot, small_window):
    form = small_window.form
    # (the company and the old KPJ are asked only when they apply: disabled meanwhile)
    names = [spec.name for spec in FIELDS if spec.name not in ("csr_company", "previous_kpj")]
    for name in names:
        widget = field(form, name)
        widget.setFocus()  # as a click on its label, or the form after a refused save
        qtbot.waitUntil(widget.hasFocus)
        assert in_view(form, widget), name


@pytest.mark.parametrize("last", ["consent", "occupation"])
def test_the_next_form_starts_without_the_last_ones_problems(qtbot, small_window, last):
    form = small_window.form
    blank_summary = form.findChild(QLabel, "problem_summary").text()  # a blank form's own
    type_siti_heads_down(form, **PLAIN_KEYS)
    focus(qtbot, small_window, field(form, last))  # Ctrl+S is pressed wherever the focus is
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert field(form, "full_name").text() == ""  # saved: a new form
    assert shown_problems(form) == {}
    assert form.findChild(QLabel, "problem_summary").text() == blank_summary
