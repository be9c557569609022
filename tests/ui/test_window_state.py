"""The main window fits the officers' small screens and remembers its place and its tables'
column widths across restarts (`ui.window_state`)."""

import pytest
from PySide6.QtCore import QRect

from models.settings import load_settings
from ui import window_state
from ui.main_window import MainWindow
from ui.window_state import FRAME_ALLOWANCE, fitted_geometry, place_window

LAPTOP = QRect(0, 0, 1366, 728)  # 1366x768 less a 40-pixel task bar
SMALL = QRect(0, 0, 1280, 680)  # 1280x720 less the task bar
SCALED = QRect(0, 0, 1093, 582)  # 1366x768 at 125 %, less the task bar


def test_a_geometry_too_big_for_the_screen_is_shrunk_and_moved_inside_it():
    assert fitted_geometry(QRect(50, 40, 1280, 800), LAPTOP) == QRect(50, 0, 1280, 728)
    assert fitted_geometry(QRect(0, 0, 1920, 1080), SCALED) == SCALED
    # Remembered on a bigger monitor, far to the right: brought back on screen.
    assert fitted_geometry(QRect(1700, 300, 800, 600), LAPTOP) == QRect(566, 128, 800, 600)
    assert fitted_geometry(QRect(-300, -50, 800, 600), LAPTOP) == QRect(0, 0, 800, 600)


def test_a_geometry_that_fits_stays_where_it_is():
    assert fitted_geometry(QRect(10, 20, 900, 600), LAPTOP) == QRect(10, 20, 900, 600)


@pytest.mark.parametrize("available", [LAPTOP, SMALL, SCALED], ids=["1366", "1280", "125%"])
def test_the_window_opens_inside_the_available_screen(window, ui_state, available):
    place_window(window, ui_state, available)
    # Not only asked for: the window's minimum size lets it be that small.
    assert available.marginsRemoved(FRAME_ALLOWANCE).contains(window.geometry())
    assert window.minimumSizeHint().height() <= available.height() - 40


def test_a_remembered_geometry_from_a_bigger_monitor_comes_back_inside(window, ui_state):
    ui_state.setValue("window/geometry", QRect(1500, 900, 1800, 1000))
    place_window(window, ui_state, LAPTOP)
    assert LAPTOP.contains(window.geometry())


def test_size_position_and_column_widths_come_back_in_the_next_window(
    qtbot, configured_db, open_window, ui_state
):
    first = open_window(configured_db)
    first.setGeometry(QRect(30, 60, 700, 500))  # the offscreen screen is 800x800
    header = first.records.table.horizontalHeader()
    header.resizeSection(0, 211)
    header.resizeSection(2, 97)
    assert first.close()

    second = MainWindow(configured_db, load_settings(configured_db))
    qtbot.addWidget(second)
    assert second.geometry().size() == first.geometry().size()
    assert second.geometry().topLeft() == first.geometry().topLeft()
    header = second.records.table.horizontalHeader()
    assert (header.sectionSize(0), header.sectionSize(2)) == (211, 97)


def test_the_district_tables_keep_the_widths_the_user_dragged(
    qtbot, configured_db, open_window, ui_state
):
    from exchange.enrolment import init_district

    init_district(configured_db, ui_state.fileName() + "-keys", "Disnaker", "62.08", 9863)
    first = open_window(configured_db)
    for view in (first.import_page.table, first.conflicts_page.list):
        view.horizontalHeader().resizeSection(0, 173)
    first.conflicts_page.model.set_rows([])  # new rows do not undo the user's width
    assert first.conflicts_page.list.horizontalHeader().sectionSize(0) == 173
    assert first.close()

    second = MainWindow(configured_db, load_settings(configured_db))
    qtbot.addWidget(second)
    for view in (second.import_page.table, second.conflicts_page.list):
        assert view.horizontalHeader().sectionSize(0) == 173


def test_maximised_is_remembered(qtbot, configured_db, open_window, ui_state):
    first = open_window(configured_db)
    first.showMaximized()
    assert first.close()
    assert window_state._truthy(ui_state.value("window/maximised"))
    second = MainWindow(configured_db, load_settings(configured_db))
    qtbot.addWidget(second)
    assert second.windowState() & second.windowState().WindowMaximized


def test_a_remembered_width_never_cuts_a_label_of_the_records_list(
    qtbot, configured_db, open_window, ui_state
):
    """Widths an older version remembered (Kelompok at 170 px) do not cut "Usaha mikro dan
    kecil (UMKM)": the records list's label columns keep at least their longest label."""
    from ui.records_model import COLUMNS

    group = [key for key, _ in COLUMNS].index("target_group")
    first = open_window(configured_db)
    least = first.records.table.property("least_widths")[group]
    first.records.table.horizontalHeader().resizeSection(group, 170)
    assert first.close()

    second = MainWindow(configured_db, load_settings(configured_db))
    qtbot.addWidget(second)
    assert least > 170
    assert second.records.table.horizontalHeader().sectionSize(group) == least
