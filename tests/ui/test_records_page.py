"""The records list: 100,000 rows shown without loading them all; search, filters, sort."""

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView

from models.db import open_database
from models.settings import Settings, save_settings
from models.store import RegistrationStore
from ui.records_page import RecordsPage

ROWS = 100_000
SOME = 10_000  # enough for searching and filtering, a tenth of the set-up time
KECAMATAN = ["62.08.01", "62.08.02", "62.08.03", "62.08.04", "62.08.05"]


def _bare_registrations(path, count: int):
    """``count`` bare registrations written straight into the table (fast, no audit rows):
    every 1,000th is "Siti Istimewa", every 4th a draft, the kecamatan in turn."""
    db = open_database(path)
    save_settings(db, Settings(officer_name="Budi Santoso", configured=True))
    rows = [
        (
            f"id-{n:06d}",
            f"6208{n % 5 + 1:02d}{n:010d}",
            f"Pekerja {n:06d}" if n % 1000 else f"Siti Istimewa {n:06d}",
            "ready" if n % 4 else "draft",
            f"{KECAMATAN[n % 5]}.2001",
            f"2026-11-{1 + n % 27:02d}T08:00:00.000+00:00",
        )
        for n in range(count)
    ]
    with db.conn:
        db.conn.executemany(
            "INSERT INTO registrations (id, nik, full_name, status, village_code, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def _copy(made, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copyfile(made, copy)
    return open_database(copy)


@pytest.fixture(scope="module")
def many_file(tmp_path_factory):
    """100,000 registrations, made once for this module (about 5 s)."""
    return _bare_registrations(tmp_path_factory.mktemp("many") / "jaring.db", ROWS)


@pytest.fixture(scope="module")
def some_file(tmp_path_factory):
    """10,000 registrations, made once for this module."""
    return _bare_registrations(tmp_path_factory.mktemp("some") / "jaring.db", SOME)


@pytest.fixture
def many(many_file, tmp_path):
    db = _copy(many_file, tmp_path)
    yield db
    db.close()


@pytest.fixture
def some(some_file, tmp_path):
    db = _copy(some_file, tmp_path)
    yield db
    db.close()


@pytest.mark.slow
def test_the_list_shows_100000_rows_without_loading_them_all(qtbot, many):
    page = RecordsPage(RegistrationStore(many), "62.08")
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    model = page.model
    qtbot.waitUntil(lambda: model.loaded_row_count() > 0)
    assert model.rowCount() == ROWS
    assert "100.000 pendaftaran" in page.count.text()
    assert 0 < model.loaded_row_count() <= 400  # what was painted, a page or two
    page.table.scrollToBottom()
    qtbot.wait(50)
    # Newest first: the last row is the oldest (1 November), the first of them inserted.
    assert model.data(model.index(ROWS - 1, 1)) == "Siti Istimewa 000000"
    assert model.loaded_row_count() <= 2000
    # Sorting by name ascending puts "Pekerja 000001" first.
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 1)) == "Pekerja 000001"
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 1)) == "Siti Istimewa 099000"


def test_search_and_filters_narrow_the_list(qtbot, some):
    page = RecordsPage(RegistrationStore(some), "62.08")
    qtbot.addWidget(page)
    page.search.setText("istimewa")
    page.apply_filter()
    assert page.model.rowCount() == SOME // 1000
    assert "10 dari 10.000" in page.count.text()
    page.search.setText("")
    page.status.setCurrentIndex(page.status.findData("draft"))
    assert page.model.rowCount() == SOME // 4
    page.kecamatan.setCurrentIndex(page.kecamatan.findData("62.08.02"))
    assert page.model.rowCount() == SOME // 4 // 5
    assert all(page.desa.itemData(i).startswith("62.08.02.") for i in range(1, page.desa.count()))
    page.desa.setCurrentIndex(page.desa.findData("62.08.02.2001"))
    assert page.model.rowCount() == SOME // 4 // 5


def test_search_by_nik_prefix(qtbot, some):
    page = RecordsPage(RegistrationStore(some), "62.08")
    qtbot.addWidget(page)
    page.search.setText("6208 02")
    page.apply_filter()
    assert page.model.rowCount() == SOME // 5
    row = page.model.row(0)
    assert row["nik"].startswith("620802")


def test_typing_the_last_four_digits_of_a_nik_shows_its_holder(qtbot, some):
    """What the receipt slip shows (``•••• •••• •••• 1234``) finds the person: every NIK
    here starts with 6208, and only one ends with 1234."""
    page = RecordsPage(RegistrationStore(some), "62.08")
    qtbot.addWidget(page)
    page.show()
    search = page.findChild(QLineEdit, "search")
    qtbot.keyClicks(search, "1234")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    row = page.model.row(0)
    assert row["full_name"] == "Pekerja 001234"
    assert row["nik"].endswith("1234")
    assert "1 dari 10.000" in page.count.text()


def test_opening_a_row_asks_for_its_registration(qtbot, configured_db, window, answers):
    from tests.ui.test_registration_form import type_siti

    type_siti(qtbot, window.form)
    assert window.form.save()
    page = window.records
    window.tabs.setCurrentWidget(page)
    page.table.setFocus()
    page.table.selectRow(0)
    cell = page.table.visualRect(page.model.index(0, 1)).center()
    with qtbot.waitSignal(page.open_requested) as opened:
        # A click on the row, then the double click (without the first, QTest's double click
        # alone does not reach the view's doubleClicked).
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened.args == [page.model.registration_id(0)]


def test_enter_and_delete_act_on_the_table_only(qtbot, window, answers):
    from tests.ui.test_registration_form import type_siti

    type_siti(qtbot, window.form)
    assert window.form.save()
    page = window.records
    window.tabs.setCurrentWidget(page)
    window.activateWindow()
    page.table.selectRow(0)
    opened = []
    page.open_requested.connect(opened.append)
    page.search.setFocus()
    qtbot.waitUntil(page.search.hasFocus)
    qtbot.keyClicks(page.search, "zzzz")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert opened == []  # Enter in the search box searches
    assert page.model.rowCount() == 0
    page.search.clear()
    page.apply_filter()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [page.model.registration_id(0)]
    window.tabs.setCurrentWidget(page)  # opening switched to the form
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    answers.queue.append("no")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert answers.asked[-1].title == "Hapus pendaftaran?"


def test_deleting_the_registration_open_in_the_form_clears_the_form(qtbot, window, answers):
    from tests.ui.test_registration_form import type_siti

    type_siti(qtbot, window.form)
    assert window.form.save()
    registration_id = window.records.model.registration_id(0)
    window.open_registration(registration_id)
    assert window.form.registration_id() == registration_id
    answers.queue.append("yes")
    window.delete_registration(registration_id)
    assert window.form.registration_id() == ""
    assert window.form.nik.text() == ""


def test_no_target_group_or_status_label_is_cut_in_its_column(qtbot, configured_db):
    """The Kelompok column showed "Usaha mikro dan kecil (U…" at its old 170 px."""
    from ui.i18n import labels
    from ui.records_model import COLUMNS

    page = RecordsPage(RegistrationStore(configured_db), "62.08")
    qtbot.addWidget(page)
    table = page.findChild(QTableView)
    metrics = table.fontMetrics()
    keys = [key for key, _ in COLUMNS]
    for key, texts in (("target_group", labels.target_group_labels()),
                       ("status", labels.status_labels())):  # fmt: skip
        width = table.horizontalHeader().sectionSize(keys.index(key))
        assert width > max(metrics.horizontalAdvance(text) for text in texts.values()), key
