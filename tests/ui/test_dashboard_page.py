"""The dashboard as the first screen: its figures, and every kind of figure clicked through
to the records list filtered to it (and cleared again)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from tests.models.test_dashboard import TODAY, fill_sample


@pytest.fixture
def page(qtbot, window):
    fill_sample(window.db)
    dashboard = window.dashboard
    dashboard.today = lambda: TODAY
    dashboard.utc_offset_hours = 7
    with qtbot.waitSignal(dashboard.details_loaded, timeout=10_000):
        dashboard.refresh()
    return dashboard


def cell_texts(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def click_bar(qtbot, chart, key: str) -> None:
    scroll = chart.window().findChild(QScrollArea, "dashboard_scroll")
    scroll.ensureWidgetVisible(chart)
    chart.repaint()  # the bars' places are known once painted
    rect = next(r for r, k in chart._hits if k == key)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


def test_the_dashboard_is_the_first_screen(window):
    assert window.tabs.widget(0) is window.dashboard
    assert window.tabs.currentWidget() is window.dashboard
    assert window.tabs.tabText(0) == "Dasbor"


def test_the_figures(page):
    assert page.headline.text() == "5 dari 9.863 pekerja terdata (0,1 %)"
    assert page.registered_line.text() == "1 sudah terdaftar di BPJS (punya KPJ): 0,0 % dari target"
    assert page.status_buttons["draft"].text() == "Draf: 1"
    assert page.status_buttons["registered"].text() == "Terdaftar: 1"
    budget = page.budget_table
    assert cell_texts(budget, 0) == ["APBD kabupaten", "3", "Rp 76.400", "Rp 916.800"]
    assert cell_texts(budget, 3) == ["Jumlah", "5", "Rp 129.500", "Rp 1.554.000"]
    assert cell_texts(budget, 4) == [
        "Target penuh dari APBD", "9.863", "Rp 165.698.400", "Rp 1.988.380.800",
    ]  # fmt: skip
    places = page.places_table
    rows = {places.item(r, 0).text().strip(): places.item(r, 1).text()
            for r in range(places.rowCount())}  # fmt: skip
    assert rows["Kec. Sukamara"] == "3" and rows["Natai Sedawak"] == "3"
    assert rows["Kec. Jelai"] == "2" and rows["Kuala Jelai"] == "2"
    assert (page.groups_chart.bars[0].key, page.groups_chart.bars[0].value) == ("petani", 2)
    assert {b.key: b.value for b in page.sex_chart.bars} == {"L": 3, "P": 2}
    assert [b.value for b in page.age_chart.bars] == [1, 1, 1, 0, 2]
    assert [b.value for b in page.timeline_chart.bars] == [1, 0, 1, 3]
    officers = page.officers_table
    assert cell_texts(officers, 0)[:5] == ["Siti", "4", "1", "1", "50,0 %"]
    assert officers.rowCount() == 3


def test_clicking_the_headline_lists_the_counted_registrations(qtbot, window, page):
    qtbot.mouseClick(page.headline, Qt.MouseButton.LeftButton)
    records = window.records
    assert window.tabs.currentWidget() is records
    assert records.model.rowCount() == 5
    assert records.dashboard_bar.isVisibleTo(records)
    assert "terhitung" in records.dashboard_label.text()
    qtbot.mouseClick(records.clear_dashboard_button, Qt.MouseButton.LeftButton)
    assert records.model.rowCount() == 7  # every live registration
    assert not records.dashboard_bar.isVisibleTo(records)


def test_a_status_sets_the_status_filter_of_the_list(qtbot, window, page):
    qtbot.mouseClick(page.status_buttons["draft"], Qt.MouseButton.LeftButton)
    records = window.records
    assert records.status.currentData() == "draft"
    assert records.model.rowCount() == 1
    assert not records.dashboard_bar.isVisibleTo(records)  # the combo says it all


def test_a_kecamatan_and_a_desa_set_the_region_filters(qtbot, window, page):
    places = page.places_table
    row = next(r for r in range(places.rowCount()) if places.item(r, 0).text() == "Kec. Jelai")
    page._place_clicked(row, 1)
    records = window.records
    assert records.kecamatan.currentData() == "62.08.02"
    assert records.model.rowCount() == 2
    click_bar(qtbot, page.kecamatan_chart, "62.08.01")
    assert records.kecamatan.currentData() == "62.08.01"
    assert records.model.rowCount() == 3
    desa = next(r for r in range(places.rowCount())
                if places.item(r, 0).text().strip() == "Natai Sedawak")  # fmt: skip
    page._place_clicked(desa, 0)
    assert records.desa.currentData() == "62.08.01.2001" and records.model.rowCount() == 3


def test_charts_click_through(qtbot, window, page):
    records = window.records
    for chart, key, expected in (
        (page.groups_chart, "petani", 2),
        (page.sex_chart, "L", 3),
        (page.age_chart, "55+", 2),
        (page.timeline_chart, "2026-11-09", 3),
    ):
        window.tabs.setCurrentWidget(page)
        click_bar(qtbot, chart, key)
        assert window.tabs.currentWidget() is records
        assert records.model.rowCount() == expected, key
        assert records.dashboard_bar.isVisibleTo(records)


def test_budget_and_officer_figures_click_through(qtbot, window, page):
    records = window.records
    page._budget_clicked(0, 2)  # APBD
    assert records.model.rowCount() == 3 and "APBD" in records.dashboard_label.text()
    officers = page.officers_table
    page._officer_clicked(0, 1)  # Siti's registrations
    assert records.model.rowCount() == 4
    page._officer_clicked(0, 4)  # her drafts and warnings
    assert records.model.rowCount() == 2
    page._officer_clicked(0, 2)  # her drafts
    assert records.status.currentData() == "draft" and records.model.rowCount() == 1
    page._officer_clicked(0, 5)  # the conflicts her records raised
    assert records.model.rowCount() == 1
    assert officers.item(0, 0).text() == "Siti"


def test_a_save_refreshes_the_dashboard_when_it_is_shown(qtbot, window, page):
    window.tabs.setCurrentWidget(window.records)
    window.store.delete("reg-1", actor="test")
    window._registrations_changed()  # the dashboard is hidden: it only notes the change
    assert page.headline.text().startswith("5 dari")
    with qtbot.waitSignal(page.details_loaded, timeout=10_000):
        window.tabs.setCurrentWidget(page)
    assert page.headline.text().startswith("4 dari")
    window.store.restore("reg-1", actor="test")
    with qtbot.waitSignal(page.details_loaded, timeout=10_000):
        window._registrations_changed()  # shown: read again at once
    assert page.headline.text().startswith("5 dari")


def test_the_summary_is_saved_as_pdf_from_the_page(qtbot, page, chooser, answers, tmp_path):
    out = tmp_path / "ringkasan.pdf"
    chooser.append([str(out)])
    answers.queue.append("ok")
    page.save_summary_pdf()
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert chooser.requests[0].kind == "save"


def test_the_registered_line_lists_what_bpjs_registered(qtbot, window, page):
    qtbot.mouseClick(page.registered_line, Qt.MouseButton.LeftButton)
    records = window.records
    assert records.status.currentData() == "registered" and records.model.rowCount() == 1


def _number(text: str) -> int:
    return int(text.split()[0].replace(".", ""))


def test_every_officer_column_lists_as_many_as_it_says(qtbot, window, page):
    """Click every cell of the officers table: the list holds the registrations the figure
    counts. A count column lists that count; the share of drafts/warnings lists the drafts
    and warnings it is the share of; a rate or a date lists the officer's registrations.
    Except "Konflik" (by design): it counts the conflicts, the list shows the registrations
    in them (an incoming record of a NIK conflict was never inserted)."""
    records = window.records
    officers = page.officers_table
    headers = [officers.horizontalHeaderItem(c).text() for c in range(officers.columnCount())]
    by_name = {o.officer: o for o in page.details.officers}
    for row in range(officers.rowCount()):
        stats = by_name[officers.item(row, 0).text()]
        expected = {
            "Pendaftaran": _number(officers.item(row, 1).text()),
            "Draf": _number(officers.item(row, 2).text()),
            "Peringatan": _number(officers.item(row, 3).text()),
            "Draf/peringatan": stats.flagged,
        }
        assert expected["Pendaftaran"] == stats.registrations
        for column, header in enumerate(headers):
            if header == "Konflik":
                continue
            page._officer_clicked(row, column)
            wanted = expected.get(header, stats.registrations)
            assert records.model.rowCount() == wanted, (stats.officer, header)
    # Siti: 1 draft, 1 with a confirmed warning, 2 drafts or warnings.
    siti = next(r for r in range(officers.rowCount()) if officers.item(r, 0).text() == "Siti")
    page._officer_clicked(siti, headers.index("Peringatan"))
    assert records.model.rowCount() == 1 and "peringatan" in records.dashboard_label.text()
    page._officer_clicked(siti, headers.index("Konflik"))
    assert records.model.rowCount() == 1  # A, the registration her record collided with


def _refill(page, qtbot, extra):
    from models.store import RegistrationStore

    RegistrationStore(page.db).insert_many(extra, actor="test")
    with qtbot.waitSignal(page.details_loaded, timeout=10_000):
        page.refresh()


def test_places_outside_the_regency_list_exactly_their_figure(qtbot, window, page):
    from tests.factories import person

    outside = [person(9, "I", "62.08.99.2001", "ready"), person(10, "J", "", "ready"),
               person(11, "K", "", "submitted")]  # fmt: skip
    _refill(page, qtbot, outside)
    places = page.places_table
    texts = [places.item(r, 0).text().strip() for r in range(places.rowCount())]
    assert texts.count("(tanpa desa)") == 1 and "Kec. —" not in texts
    records = window.records
    for label in ("Kec. 62.08.99", "62.08.99.2001", "(tanpa desa)", "Kec. Jelai"):
        row = texts.index(label)
        window.tabs.setCurrentWidget(page)
        page._place_clicked(row, 1)
        assert records.model.rowCount() == _number(places.item(row, 1).text()), label
        assert records.model.rowCount() < 5
    assert records.kecamatan.currentData() == "62.08.02"  # Jelai: the combo says it
    page._place_clicked(texts.index("(tanpa desa)"), 0)
    assert records.dashboard_bar.isVisibleTo(records) and records.model.rowCount() == 2
    assert records.kecamatan.currentData() == "" and records.desa.currentData() == ""
    qtbot.mouseClick(records.clear_dashboard_button, Qt.MouseButton.LeftButton)
    assert records.model.rowCount() == 10


def test_a_wrong_clock_does_not_stretch_the_time_line(qtbot, window, page):
    from tests.factories import person

    _refill(page, qtbot, [person(9, "I", "62.08.01.2001", "ready",
                                 created_at="2031-03-04T03:00:00.000+00:00")])  # fmt: skip
    assert [b.value for b in page.timeline_chart.bars] == [1, 0, 1, 3]
    assert page.future_note.isVisibleTo(page)
    assert page.future_note.text().startswith("1 pendaftaran bertanggal setelah minggu ini")
    page.future_note.linkActivated.emit("future")
    assert window.records.model.rowCount() == 1


def test_the_summary_reuses_the_figures_shown(qtbot, page, chooser, answers, tmp_path, monkeypatch):
    from models import dashboard as figures

    def no_reading(*args, **kwargs):
        raise AssertionError("read again although the figures are shown")

    for name in ("dashboard", "overview", "details"):
        monkeypatch.setattr(figures, name, no_reading)
    out = tmp_path / "ringkasan.pdf"
    chooser.append([str(out)])
    answers.queue.append("ok")
    page.save_summary_pdf()
    assert out.exists() and out.read_bytes().startswith(b"%PDF")


def test_the_summary_reads_on_a_worker_when_the_details_are_not_in(
    qtbot, page, chooser, answers, tmp_path, monkeypatch
):
    import threading

    from models import dashboard as figures

    real = figures.dashboard
    threads = []

    def reading(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(figures, "dashboard", reading)
    page.details = None  # as if the worker had not reported yet
    out = tmp_path / "ringkasan.pdf"
    chooser.append([str(out)])
    answers.queue.append("ok")
    page.save_summary_pdf()
    qtbot.waitUntil(lambda: not answers.queue, timeout=10_000)
    assert out.exists() and threads and threads[0] is not threading.main_thread()
