"""The main window's place on the screen and each table's column widths, kept across
restarts in QSettings (organisation and application "Jaring", set by `ui.app`).

Officers' laptops have small screens (1366x768, 1280x720, often at 125 %): the window
never opens larger than the screen's available area, and a remembered geometry from a
bigger monitor is brought back inside it (`fitted_geometry`, a pure function).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMainWindow, QWidget

#: The size the window would like when nothing is remembered (the screen permitting).
PREFERRED_SIZE = QSize(1280, 800)

_GEOMETRY = "window/geometry"
_MAXIMISED = "window/maximised"


def fitted_geometry(wanted: QRect, available: QRect) -> QRect:
    """``wanted`` moved and, if need be, shrunk so that it lies wholly inside ``available``
    (the screen's area without task bars)."""
    width = min(wanted.width(), available.width())
    height = min(wanted.height(), available.height())
    left = min(max(wanted.x(), available.left()), available.left() + available.width() - width)
    top = min(max(wanted.y(), available.top()), available.top() + available.height() - height)
    return QRect(left, top, width, height)


def centred(size: QSize, available: QRect) -> QRect:
    """A rectangle of ``size`` (shrunk to fit) in the middle of ``available``."""
    wanted = QRect(0, 0, size.width(), size.height())
    wanted.moveCenter(available.center())
    return fitted_geometry(wanted, available)


#: Room for the window manager's frame (title bar, borders) while Qt cannot know it yet:
#: the geometry set is the client area's, and the title bar must stay on the screen too.
FRAME_ALLOWANCE = QMargins(8, 32, 8, 8)


def available_area(near: QRect | None = None) -> QRect:
    """The available geometry of the screen holding ``near``'s centre (else the primary)."""
    screen = QGuiApplication.screenAt(near.center()) if near is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def place_window(window: QMainWindow, settings: QSettings, available: QRect | None = None) -> None:
    """Give ``window`` its remembered geometry (or the preferred size, centred) inside
    ``available`` (default: its screen's available area); maximise it again if it was."""
    stored = settings.value(_GEOMETRY)
    remembered = stored if isinstance(stored, QRect) and stored.isValid() else None
    area = (available or available_area(remembered)).marginsRemoved(FRAME_ALLOWANCE)
    if remembered is not None:
        window.setGeometry(fitted_geometry(remembered, area))
    else:
        window.setGeometry(centred(PREFERRED_SIZE, area))
    if _truthy(settings.value(_MAXIMISED)):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def remember_window(window: QMainWindow, settings: QSettings) -> None:
    """Keep the window's normal (unmaximised) geometry and whether it is maximised."""
    maximised = window.isMaximized()
    settings.setValue(_MAXIMISED, maximised)
    geometry = window.normalGeometry() if maximised else window.geometry()
    if geometry.isValid():
        settings.setValue(_GEOMETRY, geometry)


def _truthy(value: object) -> bool:
    # QSettings' INI files give booleans back as the strings "true" and "false".
    return value is True or str(value).lower() == "true"


# --- column widths ---------------------------------------------------------------------


def _key(view: QAbstractItemView) -> str:
    return f"columns/{view.objectName()}"


def restore_columns(view: QAbstractItemView, settings: QSettings) -> bool:
    """Give ``view`` the column widths remembered under its object name; False when none
    are (or they were for another number of columns)."""
    widths = settings.value(_key(view))
    header: QHeaderView = view.horizontalHeader()
    if isinstance(widths, str):  # one value comes back as a bare string
        widths = [widths]
    if not isinstance(widths, list) or len(widths) != header.count():
        return False
    try:
        sizes = [int(width) for width in widths]
    except ValueError:
        return False
    last = header.count() - 1
    # A table may name the least width of each column (the records list: its longest label),
    # so a width remembered by an older version does not cut a label.
    least = view.property("least_widths") or [0] * header.count()
    for column, width in enumerate(sizes):
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
            continue
        if column == last and header.stretchLastSection():
            continue  # the stretched last column fills what is left
        header.resizeSection(column, max(width, int(least[column]), header.minimumSectionSize()))
    return True


def remember_columns(view: QAbstractItemView, settings: QSettings) -> None:
    header: QHeaderView = view.horizontalHeader()
    if header.count():
        settings.setValue(_key(view), [header.sectionSize(c) for c in range(header.count())])


def remembered_tables(root: QWidget) -> list[QAbstractItemView]:
    """The tables under ``root`` whose widths are kept: those with an object name whose
    columns the user may drag."""
    return [
        view
        for view in root.findChildren(QAbstractItemView)
        if view.objectName()
        and hasattr(view, "horizontalHeader")
        and view.horizontalHeader().count()
        and any(
            view.horizontalHeader().sectionResizeMode(c) == QHeaderView.ResizeMode.Interactive
            for c in range(view.horizontalHeader().count())
        )
    ]
