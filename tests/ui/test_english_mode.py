"""English mode is English: numbers, shares and dates written the English way on the
dashboard, in the records list and on the printed summary; M/F for sex; headers that fit
their columns; one shortcut letter per item in every menu, in both languages."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QStyle, QTableWidget

from models import dashboard as figures
from models.settings import load_settings
from tests.models.test_dashboard import TODAY, fill_sample
from tests.ui.printed import needs_poppler, text
from tests.ui.test_i18n import TS, messages
from ui.i18n.translators import LANGUAGES, install_translators
from ui.main_window import MainWindow
from ui.printing.context import print_context
from ui.printing.paper import write_pdf
from ui.printing.summary import paint_summary

ACCELERATOR = re.compile(r"&(.)")


@pytest.fixture
def speaking(qapp, configured_db, answers):
    """A main window in a language (``speaking("en")``), closed and Indonesian again after."""
    made = []

    def open_window(language: str) -> MainWindow:
        install_translators(qapp, language)
        window = MainWindow(configured_db, load_settings(configured_db))
        made.append(window)
        return window

    yield open_window
    answers.otherwise = "discard"
    for window in made:
        window.close()
        window.deleteLater()
    install_translators(qapp, "id")


def accelerators(texts: list[str]) -> list[str]:
    """The shortcut letters (``&B``) of menu item texts, a literal ``&&`` aside."""
    letters = []
    for item in texts:
        found = ACCELERATOR.findall(item.replace("&&", ""))
        letters += [letter.lower() for letter in found]
    return letters


def test_accelerators_reads_the_letters():
    assert accelerators(["&Berkas", "Kel&uar", "Save && quit", "Plain"]) == ["b", "u"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_two_items_of_one_menu_share_a_shortcut_letter(speaking, language):
    window = speaking(language)
    menus = [("menu bar", [a.text() for a in window.menuBar().actions()])]
    menus += [
        (menu.title(), [a.text() for a in menu.actions() if not a.isSeparator()])
        for menu in window.findChildren(QMenu)
    ]
    assert len(menus) >= 5  # the bar, Berkas, Cetak, Excel, Ubah, Bantuan
    for title, texts in menus:
        letters = accelerators(texts)
        assert len(letters) == len(set(letters)), (language, title, texts)


def test_the_records_list_in_english(speaking):
    window = speaking("en")
    fill_sample(window.db)
    window.records.refresh()
    model = window.records.model
    columns = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    sexes = {model.data(model.index(row, columns.index("Sex"))) for row in range(model.rowCount())}
    assert sexes == {"M", "F"}
    births = [model.data(model.index(row, 2)) for row in range(model.rowCount())]
    assert all(re.fullmatch(r"\d\d [A-Z][a-z]{2} \d{4}", birth) for birth in births), births
    contributions = [model.data(model.index(row, 7)) for row in range(model.rowCount())]
    assert "Rp 16,800" in contributions
    window.records.store.count = lambda: 12345  # as if the database held that many
    window.records.refresh()
    assert "12,345" in window.records.count.text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_records_header_fits_its_column(speaking, language):
    window = speaking(language)
    window.show()
    header = window.records.table.horizontalHeader()
    model = window.records.model
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    for column in range(model.columnCount()):
        text = model.headerData(column, Qt.Orientation.Horizontal)
        needed = header.fontMetrics().horizontalAdvance(text) + 2 * margin
        if column == header.sortIndicatorSection():  # its arrow takes room too
            needed = header.sectionSizeFromContents(column).width()
        assert needed <= header.sectionSize(column), (language, text, header.sectionSize(column))


def test_the_dashboard_in_english(qtbot, speaking):
    window = speaking("en")
    fill_sample(window.db)
    page = window.dashboard
    page.today = lambda: TODAY
    page.utc_offset_hours = 7
    with qtbot.waitSignal(page.details_loaded, timeout=10_000):
        page.refresh()
    assert page.findChild(QLabel, "as_of").text().startswith("As of 27 Nov 2026")
    headline = page.findChild(QPushButton, "headline").text()
    assert "9,863" in headline and "(0.1 %)" in headline
    assert "0.0 %" in page.findChild(QPushButton, "registered_line").text()
    budget = page.findChild(QTableWidget, "budget_table")
    assert [budget.item(4, c).text() for c in (1, 2, 3)] == [
        "9,863", "Rp 165,698,400", "Rp 1,988,380,800",
    ]  # fmt: skip
    places = page.findChild(QTableWidget, "places_table")
    shares = {places.item(r, 2).text() for r in range(places.rowCount())}
    assert {"60.0 %", "40.0 %"} <= shares
    officers = page.findChild(QTableWidget, "officers_table")
    siti = [officers.item(0, c).text() for c in range(officers.columnCount())]
    assert siti[4] == "50.0 %" and siti[6:8] == ["2.0", "4.0"] and siti[-1] == "11 Nov 2026"


def test_kabupaten_is_regency_throughout_the_english_translation():
    """Kecamatan is the district; kabupaten is always the regency (its office the regency
    office), never "district" as well. ``district-init`` is a command's name."""
    said_district = [
        source
        for (_, source), translation in messages(TS).items()
        if "kabupaten" in source.lower()
        and "kecamatan" not in source.lower()
        and re.search(r"\bdistrict\b(?!-init)", (translation.text or "").lower())
    ]
    assert said_district == []
    office = messages(TS)[("SetupPage", "Kantor kabupaten")].text
    assert office == "Regency office"


@needs_poppler
def test_the_printed_summary_in_english(qapp, configured_db, tmp_path):
    sample = fill_sample(configured_db)
    install_translators(qapp, "en")
    try:
        data = figures.dashboard(sample, today=TODAY, utc_offset_hours=7)
        pdf = tmp_path / "summary.pdf"
        write_pdf(
            pdf, lambda device: paint_summary(device, data, print_context(sample, today=TODAY))
        )
        seen = " ".join(text(pdf).split())
    finally:
        install_translators(qapp, "id")
    assert "9,863" in seen and "(0.1 %)" in seen and "50.0 %" in seen
    assert "Rp 1,988,380,800" in seen and "27 Nov 2026" in seen
    assert "9.863" not in seen and ",0 %" not in seen
