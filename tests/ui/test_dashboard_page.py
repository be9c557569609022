"""The dashboard as the first screen: its figures, and every kind of figure clicked through
to the records list filtered to it (and cleared again). The cards are found by their
widgets' object names and clicked as a user clicks them."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QTableWidget, QWidget

from tests.models.test_dashboard import TODAY, fill_sample
from ui.chart_widgets import BarChart


@pytest.fixture
def page(qtbot, window):
    fill_sample(window.db)
    dashboard = window.dashboard
    dashboard.today = lambda: TODAY
    dashboard.utc_offset_hours = 7
    with qtbot.waitSignal(dashboard.details_loaded, timeout=10_000):
        dashboard.refresh()
    return dashboard


def child(page, kind, name: str):
    """The page's widget called ``name``."""
    found = page.findChild(kind, name)
    assert isinstance(found, kind), name
    return found


def table(page, name: str) -> QTableWidget:
    return child(page, QTableWidget, name)


def chart(page, name: str) -> BarChart:
    return child(page, BarChart, name)


def cell_texts(figures: QTableWidget, row: int) -> list[str]:
    return [figures.item(row, c).text() for c in range(figures.columnCount())]


def row_of(figures: QTableWidget, text: str) -> int:
    """The row whose first cell reads ``text`` (indentation aside)."""
    names = [figures.item(r, 0).text().strip() for r in range(figures.rowCount())]
    return names.index(text)


def into_view(page, widget: QWidget) -> None:
    """The dashboard shown and scrolled to ``widget``, as the user sees it before a click."""
    page.window().tabs.setCurrentWidget(page)
    page.findChild(QScrollArea, "dashboard_scroll").ensureWidgetVisible(widget)


def click(qtbot, page, name: str) -> None:
    button = child(page, QPushButton, name)
    into_view(page, button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_cell(qtbot, page, figures: QTableWidget, row: int, column: int) -> None:
    into_view(page, figures)
    item = figures.item(row, column)
    figures.scrollToItem(item)
    spot = figures.visualItemRect(item).center()
    qtbot.mouseClick(figures.viewport(), Qt.MouseButton.LeftButton, pos=spot)


def click_bar(qtbot, page, bars: BarChart, key: str) -> None:
    into_view(page, bars)
    bars.repaint()  # the bars' places are known once painted
    rect = next(r for r, k in bars._hits if k == key)
    qtbot.mouseClick(bars, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


def test_the_dashboard_is_the_first_screen(window):
    assert window.tabs.widget(0) is window.dashboard
    assert window.tabs.currentWidget() is window.dashboard
    assert window.tabs.tabText(0) == "Dasbor"


def test_the_figures(page):
    assert child(page, QLabel, "dashboard_heading").text() == (
        "Capaian kepesertaan — Kabupaten Sukamara"
    )
    assert child(page, QLabel, "as_of").text() == "Per 27-11-2026, dari basis data di komputer ini"
    assert child(page, QPushButton, "headline").text() == "5 dari 9.863 pekerja terdata (0,1 %)"
    assert child(page, QPushButton, "registered_line").text() == (
        "1 sudah terdaftar di BPJS (punya KPJ): 0,0 % dari target"
    )
    assert child(page, QPushButton, "status_draft").text() == "Draf: 1"
    assert child(page, QPushButton, "status_registered").text() == "Terdaftar: 1"
    assert child(page, QLabel, "progress_explain").text().endswith("Target 9.863 dari pengaturan.")
    budget = table(page, "budget_table")
    assert cell_texts(budget, 0) == ["APBD kabupaten", "3", "Rp 76.400", "Rp 916.800"]
    # CSR and mandiri under PP 50/2025's discount in November 2026 (tests/models/test_dashboard)
    assert cell_texts(budget, 3) == ["Jumlah", "5", "Rp 102.950", "Rp 1.235.400"]
    assert cell_texts(budget, 4) == [
        "Target penuh dari APBD", "9.863", "Rp 165.698.400", "Rp 1.988.380.800",
    ]  # fmt: skip
    assert child(page, QLabel, "budget_note").text() == (
        "Iuran per bulan dari tabel golongan penghasilan (JKK, JKM, dan JHT bila dipilih);"
        " setahun = 12 bulan. Target penuh: 9.863 × Rp 16.800 (golongan terendah, tanpa JHT)."
        " 1 pendaftaran tanpa penghasilan dihitung golongan terendah."
    )
    places = table(page, "places_table")
    rows = {places.item(r, 0).text().strip(): cell_texts(places, r)[1:]
            for r in range(places.rowCount())}  # fmt: skip
    assert rows["Kec. Sukamara"] == ["3", "60,0 %"] and rows["Natai Sedawak"] == ["3", "60,0 %"]
    assert rows["Kec. Jelai"] == ["2", "40,0 %"] and rows["Kuala Jelai"] == ["2", "40,0 %"]
    assert [(b.label, b.value) for b in chart(page, "kecamatan_chart").bars] == [
        ("Sukamara", 3), ("Jelai", 2), ("Balai Riam", 0), ("Pantai Lunci", 0),
        ("Permata Kecubung", 0),
    ]  # fmt: skip
    assert [(b.key, b.value) for b in chart(page, "groups_chart").bars] == [
        ("petani", 2), ("atlet", 1), ("nelayan", 1), ("umkm", 1),
    ]  # fmt: skip
    assert [(b.label, b.value) for b in chart(page, "sex_chart").bars] == [
        ("Laki-laki", 3), ("Perempuan", 2),
    ]  # fmt: skip
    ages = chart(page, "age_chart").bars
    assert [(b.label, b.value) for b in ages] == [
        ("< 25", 1), ("25-34", 1), ("35-44", 1), ("45-54", 0), ("55 +", 2),
    ]  # fmt: skip
    weeks = chart(page, "timeline_chart").bars
    assert [(b.label, b.value) for b in weeks] == [
        ("19/10", 1), ("26/10", 0), ("02/11", 1), ("09/11", 3),
    ]  # fmt: skip
    assert not child(page, QLabel, "future_note").isVisibleTo(page)
    officers = table(page, "officers_table")
    assert officers.rowCount() == 3
    assert cell_texts(officers, 0) == [
        "Siti", "4", "1", "1", "50,0 %", "1 (1 terbuka)", "2,0", "4,0", "2", "11-11-2026",
    ]  # fmt: skip
    assert [officers.item(r, 0).text() for r in range(3)] == ["Siti", "Budi", "Ahmad"]


def test_clicking_the_headline_lists_the_counted_registrations(qtbot, window, page):
    click(qtbot, page, "headline")
    records = window.records
    assert window.tabs.currentWidget() is records
    assert records.model.rowCount() == 5
    assert records.dashboard_bar.isVisibleTo(records)
    assert records.dashboard_label.text() == "Dari dasbor: terhitung dalam capaian"
    qtbot.mouseClick(records.clear_dashboard_button, Qt.MouseButton.LeftButton)
    assert records.model.rowCount() == 7  # every live registration
    assert not records.dashboard_bar.isVisibleTo(records)


def test_a_status_sets_the_status_filter_of_the_list(qtbot, window, page):
    click(qtbot, page, "status_draft")
    records = window.records
    assert records.status.currentData() == "draft"
    assert records.model.rowCount() == 1
    assert not records.dashboard_bar.isVisibleTo(records)  # the combo says it all


def test_a_kecamatan_and_a_desa_set_the_region_filters(qtbot, window, page):
    places = table(page, "places_table")
    records = window.records
    click_cell(qtbot, page, places, row_of(places, "Kec. Jelai"), 1)
    assert records.kecamatan.currentData() == "62.08.02"
    assert records.model.rowCount() == 2
    assert records.dashboard_label.text() == "Dari dasbor: kecamatan Jelai"
    click_bar(qtbot, page, chart(page, "kecamatan_chart"), "62.08.01")
    assert records.kecamatan.currentData() == "62.08.01"
    assert records.model.rowCount() == 3
    click_cell(qtbot, page, places, row_of(places, "Natai Sedawak"), 0)
    assert records.desa.currentData() == "62.08.01.2001" and records.model.rowCount() == 3
    assert records.dashboard_label.text() == "Dari dasbor: desa Natai Sedawak"


def test_charts_click_through(qtbot, window, page):
    records = window.records
    for name, key, expected, label in (
        ("groups_chart", "petani", 2, "Petani / pekebun"),
        ("sex_chart", "L", 3, "laki-laki"),
        ("age_chart", "55+", 2, "umur 55 +"),
        ("timeline_chart", "2026-11-09", 3, "minggu mulai 09-11-2026"),
    ):
        click_bar(qtbot, page, chart(page, name), key)
        assert window.tabs.currentWidget() is records
        assert records.model.rowCount() == expected, key
        assert records.dashboard_bar.isVisibleTo(records)
        assert records.dashboard_label.text() == f"Dari dasbor: {label}"


def test_a_progress_bar_segment_lists_its_status(qtbot, window, page):
    import dataclasses

    from models.settings import load_settings, save_settings

    # A target of 10, so that one registration is a tenth of the bar, not a sliver.
    save_settings(page.db, dataclasses.replace(load_settings(page.db), target=10))
    _refill(qtbot, page, [])
    click_bar(qtbot, page, child(page, QWidget, "progress_bar"), "received")
    records = window.records
    assert records.status.currentData() == "received" and records.model.rowCount() == 1


def test_budget_and_officer_figures_click_through(qtbot, window, page):
    records = window.records
    budget = table(page, "budget_table")
    click_cell(qtbot, page, budget, 0, 2)  # APBD
    assert records.model.rowCount() == 3
    assert records.dashboard_label.text() == "Dari dasbor: sumber iuran APBD kabupaten"
    click_cell(qtbot, page, budget, 3, 1)  # the sum: every counted registration
    assert records.model.rowCount() == 5
    assert records.dashboard_label.text() == "Dari dasbor: terhitung dalam capaian"
    window.tabs.setCurrentWidget(page)
    click_cell(qtbot, page, budget, 4, 1)  # the full target is a plan: nothing to list
    assert window.tabs.currentWidget() is page
    officers = table(page, "officers_table")
    for column, count, label in (
        (1, 4, "petugas Siti"),
        (4, 2, "draf/peringatan petugas Siti"),
        (2, 1, "draf petugas Siti"),
        (5, 1, "konflik dari data petugas Siti"),
    ):
        click_cell(qtbot, page, officers, 0, column)
        assert records.model.rowCount() == count, label
        assert records.dashboard_label.text() == f"Dari dasbor: {label}"
    assert records.status.currentData() == ""  # the drafts' status went with the next click


def test_a_save_refreshes_the_dashboard_when_it_is_shown(qtbot, window, page, answers):
    headline = child(page, QPushButton, "headline")
    window.tabs.setCurrentWidget(window.records)
    answers.queue.append("yes")
    window.delete_registration("reg-1")  # the dashboard is hidden: it only notes the change
    assert headline.text() == "5 dari 9.863 pekerja terdata (0,1 %)"
    with qtbot.waitSignal(page.details_loaded, timeout=10_000):
        window.tabs.setCurrentWidget(page)
    assert headline.text() == "4 dari 9.863 pekerja terdata (0,0 %)"
    with qtbot.waitSignal(page.details_loaded, timeout=10_000):
        window.undo_delete_action.trigger()  # shown: read again at once
    assert headline.text() == "5 dari 9.863 pekerja terdata (0,1 %)"


def save_summary(page) -> None:
    """The summary button's menu: "Simpan PDF…"."""
    menu = child(page, QPushButton, "summary_button").menu()
    action = next(a for a in menu.actions() if a.text() == "Simpan PDF…")
    action.trigger()


def test_the_summary_is_saved_as_pdf_from_the_page(qtbot, page, chooser, answers, tmp_path):
    out = tmp_path / "ringkasan.pdf"
    chooser.append([str(out)])
    answers.queue.append("ok")
    save_summary(page)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert chooser.requests[0].kind == "save"
    assert Path(chooser.requests[0].suggested).name == "ringkasan-capaian-2026-11-27.pdf"
    assert (answers.asked[0].title, answers.asked[0].text) == ("Ringkasan tersimpan", str(out))


def test_the_registered_line_lists_what_bpjs_registered(qtbot, window, page):
    click(qtbot, page, "registered_line")
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
    officers = table(page, "officers_table")
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
            click_cell(qtbot, page, officers, row, column)
            wanted = expected.get(header, stats.registrations)
            assert records.model.rowCount() == wanted, (stats.officer, header)
    # Siti: 1 draft, 1 with a confirmed warning, 2 drafts or warnings.
    siti = row_of(officers, "Siti")
    click_cell(qtbot, page, officers, siti, headers.index("Peringatan"))
    assert records.model.rowCount() == 1
    assert records.dashboard_label.text() == "Dari dasbor: peringatan petugas Siti"
    click_cell(qtbot, page, officers, siti, headers.index("Konflik"))
    assert records.model.rowCount() == 1  # A, the registration her record collided with


def _refill(qtbot, page, extra):
    from models.store import RegistrationStore

    RegistrationStore(page.db).insert_many(extra, actor="test")
    with qtbot.waitSignal(page.details_loaded, timeout=10_000):
        click(qtbot, page, "refresh_button")


def test_places_outside_the_regency_list_exactly_their_figure(qtbot, window, page):
    from tests.factories import person

    outside = [person(9, "I", "62.08.99.2001", "ready"), person(10, "J", "", "ready"),
               person(11, "K", "", "submitted")]  # fmt: skip
    _refill(qtbot, page, outside)
    places = table(page, "places_table")
    texts = [places.item(r, 0).text().strip() for r in range(places.rowCount())]
    assert texts.count("(tanpa desa)") == 1 and "Kec. —" not in texts
    records = window.records
    for label, count in (("Kec. 62.08.99", 1), ("62.08.99.2001", 1), ("(tanpa desa)", 2),
                         ("Kec. Jelai", 2)):  # fmt: skip
        row = texts.index(label)
        assert _number(places.item(row, 1).text()) == count, label
        click_cell(qtbot, page, places, row, 1)
        assert records.model.rowCount() == count, label
    assert records.kecamatan.currentData() == "62.08.02"  # Jelai: the combo says it
    click_cell(qtbot, page, places, texts.index("(tanpa desa)"), 0)
    assert records.dashboard_bar.isVisibleTo(records) and records.model.rowCount() == 2
    assert records.dashboard_label.text() == "Dari dasbor: tanpa desa"
    assert records.kecamatan.currentData() == "" and records.desa.currentData() == ""
    qtbot.mouseClick(records.clear_dashboard_button, Qt.MouseButton.LeftButton)
    assert records.model.rowCount() == 10


def test_a_wrong_clock_does_not_stretch_the_time_line(qtbot, window, page):
    from tests.factories import person

    _refill(qtbot, page, [person(9, "I", "62.08.01.2001", "ready",
                                 created_at="2031-03-04T03:00:00.000+00:00")])  # fmt: skip
    assert [b.value for b in chart(page, "timeline_chart").bars] == [1, 0, 1, 3]
    note = child(page, QLabel, "future_note")
    assert note.isVisibleTo(page)
    assert note.text() == (
        "1 pendaftaran bertanggal setelah minggu ini (jam laptop salah?) tidak masuk grafik."
        ' <a href="future">Lihat</a>'
    )
    note.linkActivated.emit("future")  # what the label does when its link is clicked
    assert window.records.model.rowCount() == 1
    assert window.records.dashboard_label.text() == "Dari dasbor: bertanggal setelah minggu ini"


def test_the_summary_reuses_the_figures_shown(qtbot, page, chooser, answers, tmp_path, monkeypatch):
    from models import dashboard as figures

    def no_reading(*args, **kwargs):
        raise AssertionError("read again although the figures are shown")

    for name in ("dashboard", "overview", "details"):
        monkeypatch.setattr(figures, name, no_reading)
    out = tmp_path / "ringkasan.pdf"
    chooser.append([str(out)])
    answers.queue.append("ok")
    save_summary(page)
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
    save_summary(page)
    qtbot.waitUntil(lambda: not answers.queue, timeout=10_000)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
