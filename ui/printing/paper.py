"""Paper, pages and PDF files: what everything Jaring prints shares.

Every printable kind is a function that paints onto a `QPagedPaintDevice` (a `QPdfWriter`
for a file, a `QPrinter` for a printer or the print preview) and starts each further page
with ``device.newPage()``; so the preview, the printer and the PDF show the same thing.
Lengths are given in millimetres and turned into device units by `Sheet`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from models.files import atomic_file, create_exclusively, fsync_folder
from models.private_temp import private_temp
from ui.printing.pdf_check import pdf_problem

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


class PdfWriteError(OSError):
    """A PDF was not written whole (most likely a full disk, which Qt's PDF writer does not
    report), or could not be copied into place; no file was left. Its errno says why (ENOSPC
    when the written file was found broken), so the GUI says the disk is full."""

    def __init__(self, message: str, code: int = errno.ENOSPC):
        super().__init__(code, message)

    def __str__(self) -> str:
        return self.strerror


def write_pdf(
    path: Path | str,
    paint: Callable[[QPagedPaintDevice], int],
    *,
    paper: str = "A4",
    landscape: bool = False,
    title: str = "",
    db_path: Path | None = None,
) -> int:
    """Paint into a new PDF at ``path`` and return its page count.

    The pages are painted into a file of the app's owner-only temporary folder (beside the
    database at ``db_path``, see `models.private_temp`), which is read back to know it is
    whole (`ui.printing.pdf_check`: Qt does not report a full disk) and only then moved to
    ``path`` (renamed, or on another file system copied through a temporary file beside it,
    `models.files.atomic_file`; 0600 either way). So a killed job leaves no PDF readable by
    others and no half PDF under its name, and a cancelled job, a full disk or a pulled USB
    stick leaves nothing behind (`PrintCancelled` and `PdfWriteError` propagate).
    """
    path = Path(path)
    with private_temp(db_path) as folder:
        painted = folder / f"print-{secrets.token_hex(4)}.pdf"
        create_exclusively(painted).close()  # owner-only before Qt writes a byte
        try:
            pages = _paint_into(painted, paint, paper, landscape, title)
            problem = pdf_problem(painted, pages)
            if problem is not None:
                raise PdfWriteError(
                    f"PDF tidak tertulis utuh ({problem}); disk penuh? Tidak ada file yang"
                    " disimpan."
                )
            _put_in_place(painted, path)
        finally:
            with contextlib.suppress(OSError):
                painted.unlink()
    return pages


def _paint_into(file: Path, paint, paper: str, landscape: bool, title: str) -> int:
    writer = QPdfWriter(str(file))
    writer.setPageLayout(page_layout(paper, landscape))
    writer.setResolution(300)
    writer.setCreator("Jaring")
    writer.setTitle(title)
    pages = paint(writer)
    del writer  # the file is complete only once the writer is gone
    return pages


def _put_in_place(painted: Path, path: Path) -> None:
    """Move the checked PDF to ``path``: renamed when both are on one file system, so a kill
    leaves it whole or only in the private folder; else (a USB stick) copied whole through
    a temporary file beside ``path`` (owner-only; Python, unlike Qt, reports a failed
    write)."""
    try:
        try:
            with open(painted, "rb") as file:
                os.fsync(file.fileno())
            os.replace(painted, path)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            _copy_whole(painted, path)
        else:
            fsync_folder(path.parent)
    except OSError as exc:
        raise PdfWriteError(
            f"PDF tidak bisa disimpan di {path}: {exc.strerror or exc}; tidak ada file yang"
            " disimpan.", exc.errno or errno.EIO,
        ) from exc  # fmt: skip


def _copy_whole(painted: Path, path: Path) -> None:
    with atomic_file(path) as temporary:
        shutil.copyfile(painted, temporary)
        if temporary.stat().st_size != painted.stat().st_size:
            raise OSError(errno.EIO, "salinannya tidak utuh")


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
