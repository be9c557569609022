"""Paper, pages and PDF files: what everything Jaring prints shares.

Every printable kind is a function that paints onto a `QPagedPaintDevice` (a `QPdfWriter`
for a file, a `QPrinter` for a printer or the print preview) and starts each further page
with ``device.newPage()``; so the preview, the printer and the PDF show the same thing.
Lengths are given in millimetres and turned into device units by `Sheet`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from models.files import atomic_file

MARGIN_MM = 12.0
PAPERS = ("A4", "F4")


class PrintCancelled(Exception):
    """The user cancelled a print job; nothing was written."""


#: ``progress(done, total)``: called after each page a job paints.
Progress = Callable[[int, int], None] | None
#: ``cancelled()``: asked between pages; true once the user has cancelled the job.
Cancelled = Callable[[], bool] | None


def page_size(paper: str) -> QPageSize:
    """A4, or F4 (Folio, 215 x 330 mm, common in Indonesian offices)."""
    if paper == "A4":
        return QPageSize(QPageSize.PageSizeId.A4)
    if paper == "F4":
        return QPageSize(
            QSizeF(215, 330), QPageSize.Unit.Millimeter, "F4", QPageSize.SizeMatchPolicy.ExactMatch
        )
    raise ValueError(f"unknown paper {paper!r} (A4 or F4)")


def page_layout(paper: str, landscape: bool = False) -> QPageLayout:
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(page_size(paper), orientation, margins, QPageLayout.Unit.Millimeter)


def write_pdf(
    path: Path | str,
    paint: Callable[[QPagedPaintDevice], int],
    *,
    paper: str = "A4",
    landscape: bool = False,
    title: str = "",
) -> int:
    """Paint into a new PDF at ``path`` and return its page count.

    The PDF is written to a temporary file beside ``path`` and renamed over it only when
    complete, so a cancelled job, a full disk or a pulled USB stick never leaves a half PDF
    (`PrintCancelled` and OSError propagate, nothing is left behind).
    """
    path = Path(path)
    with atomic_file(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setPageLayout(page_layout(paper, landscape))
        writer.setResolution(300)
        writer.setCreator("Jaring")
        writer.setTitle(title)
        pages = paint(writer)
        del writer  # the file is complete only once the writer is gone
        if temporary.stat().st_size == 0:
            raise OSError(f"could not write {path}")
    return pages


class Sheet:
    """The printable area of one device, with millimetre conversions.

    ``Sheet(device)`` measures the page inside its margins; ``mm(x)`` converts a length in
    millimetres to device units; ``area`` is the printable rectangle in device units with
    (0, 0) at its top left (QPainter on a paged device starts inside the margins).
    """

    def __init__(self, device: QPagedPaintDevice):
        self.device = device
        layout = device.pageLayout()
        self.width_mm = layout.paintRect(QPageLayout.Unit.Millimeter).width()
        self.height_mm = layout.paintRect(QPageLayout.Unit.Millimeter).height()
        self._per_mm = device.logicalDpiX() / 25.4

    def mm(self, length: float) -> float:
        return length * self._per_mm

    @property
    def area(self) -> QRectF:
        return QRectF(0, 0, self.mm(self.width_mm), self.mm(self.height_mm))


def begin(device: QPagedPaintDevice) -> QPainter:
    """A painter on ``device`` with antialiasing; raises OSError when the device cannot be
    painted on (an unwritable PDF path)."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot start printing (is the file or printer writable?)")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    return painter
