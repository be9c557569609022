"""The conflicts page: each side says which officer sent it and when; whole 16-digit NIK and
KK numbers; "Gabungkan pilihan" and "Orang berbeda…" ask first and say what they did."""

import pytest
from PySide6.QtCore import Qt

from app.batch_import import import_batches
from exchange.outgoing import export_batch
from models.registration import Registration
from models.store import RegistrationStore

NIK = "6208035203950001"
KK = "6208035203950002"


@pytest.fixture
def page(sites, open_window):
    """Budi's and Ani's laptops both registered NIK `NIK`: one open NIK conflict."""
    district, officers, usb = sites
    for name, db in officers.items():
        RegistrationStore(db).save(
            Registration(nik=NIK, kk=KK, full_name=f"Siti Aminah {name}", status="ready"), name
        )
        export_batch(db, usb)
    import_batches(district, [usb], "staf")
    window = open_window(district)
    window.resize(1093, 582)  # 1366x768 at 125 %, less the task bar
    window.tabs.setCurrentWidget(window.conflicts_page)
    assert window.conflicts_page.model.rowCount() == 1
    return window.conflicts_page


def test_each_side_says_which_officer_sent_it_and_when(page):
    existing, incoming = page.existing_source.text(), page.incoming_source.text()
    # The batches are imported in file-name order, which follows the random device ids.
    first, second = ("Budi", "Ani") if "Budi" in existing else ("Ani", "Budi")
    assert first in existing and "diimpor" in existing and second not in existing
    assert second in incoming and "diimpor" in incoming


def room(view, column: int) -> int:
    """The width a cell of ``column`` has for its text: the column less the item
    delegate's text margins (the style's focus-frame margin + 1, on each side)."""
    from PySide6.QtWidgets import QStyle

    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return view.columnWidth(column) - 2 * margin


def test_nik_and_kk_show_all_16_digits(qtbot, page):
    qtbot.waitExposed(page)
    metrics = page.compare.fontMetrics()
    for row in (0, 1):  # NIK, Nomor KK
        for column in (0, 1):
            text = page.compare.item(row, column).text()
            assert len(text) == 16
            assert metrics.horizontalAdvance(text) <= room(page.compare, column)
    nik_column = 1
    assert page.list.fontMetrics().horizontalAdvance(NIK) <= room(page.list, nik_column)


def test_combining_asks_first_and_a_no_changes_nothing(page, answers):
    page.compare.item(2, 2).setCheckState(Qt.CheckState.Checked)  # the name
    answers.queue.append("no")
    page.resolve("combine")
    assert "Nama lengkap" in answers.asked[-1].text
    assert page.model.rowCount() == 1 and page.outcome.text() == ""


def test_combining_says_what_it_did(page, answers):
    page.compare.item(2, 2).setCheckState(Qt.CheckState.Checked)
    answers.queue.append("yes")
    page.resolve("combine")
    assert page.model.rowCount() == 0
    assert "digabungkan" in page.outcome.text()


def test_different_people_asks_for_the_nik_then_confirms(page, answers, chooser):
    chooser.append(["6208035203950009"])
    answers.queue.append("no")
    page.resolve("different_people")
    assert "6208035203950009" in answers.asked[-1].text
    assert page.model.rowCount() == 1
    chooser.append(["6208035203950009"])
    answers.queue.append("yes")
    page.resolve("different_people")
    assert page.model.rowCount() == 0
    assert "orang berbeda" in page.outcome.text() and "6208035203950009" in page.outcome.text()
