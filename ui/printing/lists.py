"""The village list ("daftar nominatif"): the list of registrations a village head signs.

`paint_village_list` paints a title block, a table whose header repeats on every page, the
sum of each page and of the whole list, and the signature blocks, onto any
`QPagedPaintDevice` (a PDF writer or a printer, see `ui.printing.paper`). What goes on which
page is planned first (`ui.printing.list_plan`), so every page can say "Halaman X dari Y".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPainter, QPen

from models.formatting import arg
from models.registration import Registration
from ui.i18n.formats import rupiah, tanggal
from ui.printing.context import PrintContext
from ui.printing.drawing import GRID, INK, MUTED
from ui.printing.facts import village_head
from ui.printing.list_plan import (
    ListColumn,
    ListGeometry,
    ListPlan,
    ListRow,
    ListVariant,
    plan_list,
)
from ui.printing.paper import Cancelled, PrintCancelled, Progress, begin
from ui.printing.paragraph import Paragraph, text_width

translate = QCoreApplication.translate

HEADER_FILL = QColor(222, 222, 222)
SUM_FILL = QColor(238, 238, 238)
GROUP_FILL = QColor(246, 246, 246)


def paint_village_list(
    device: QPagedPaintDevice,
    registrations: list[Registration],
    context: PrintContext,
    *,
    desa: str | None = None,
    kecamatan: str | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
    variant: ListVariant | None = None,
) -> int:
    """Paint the daftar nominatif of ``registrations`` (in the order given, as
    `models.nominatif.registrations_for_list` returns them) and return the page count.
    ``variant`` makes it another list of the same form (`ListVariant`: the renewal list).

    ``desa`` (a village code) makes it the list of one desa, signed by its head; otherwise
    it is the list of ``kecamatan`` or of the whole regency, grouped by desa and signed by
    the head of the district office. ``progress(done, total)`` follows each page;
    `PrintCancelled` is raised between pages once ``cancelled()`` is true.
    """
    painter = begin(device)
    try:
        plan = plan_list(device, registrations, context, desa, kecamatan, variant)
        total = len(plan.pages)
        people = sum(1 for row in plan.rows if row.number)
        grand = sum(row.monthly or 0 for row in plan.rows if row.number)
        for index, page in enumerate(plan.pages):
            if cancelled and cancelled():
                raise PrintCancelled
            if index:
                device.newPage()
            bottom = _paint_list_page(painter, plan, page, index, total)
            if index == total - 1:
                _paint_closing(painter, plan, bottom, people, grand, context, desa)
            if progress:
                progress(index + 1, total)
    finally:
        painter.end()
    return total


def _paint_list_page(
    painter: QPainter, plan: ListPlan, page: list[ListRow], index: int, total: int
) -> float:
    """One page of the table with its page sum and footer; returns where the table ends."""
    g = plan.geometry
    y = 0.0
    if index == 0:
        y = _paint_title(painter, plan)
    y = _paint_table_header(painter, g, y)
    for row in page:
        _paint_row(painter, g, row, y)
        y += row.height
    people = [row for row in page if row.number]
    label = arg(translate("Printing", "Jumlah halaman ini: %1 orang"), len(people))
    _paint_sum_row(painter, g, y, label, sum(row.monthly or 0 for row in people))
    _paint_footer(painter, g, plan.footer, index, total)
    return y + g.sum_height


def _paint_title(painter: QPainter, plan: ListPlan) -> float:
    """The title block of the first page; returns its planned height."""
    g = plan.geometry
    painter.setPen(INK)
    y = 0.0
    for text in plan.title:
        text.draw(painter, 0, y)
        y += text.height
    y += g.mm(3)
    label_width = max(text_width(label, g.body, g.device) for label, _ in plan.info)
    step = g.line_height * 1.15
    as_of = Paragraph(plan.as_of, g.bold, g.area.width(), g.device, Qt.AlignmentFlag.AlignRight)
    as_of.draw(painter, 0, y)
    for label, value in plan.info:
        Paragraph(label, g.body, label_width, g.device).draw(painter, 0, y)
        Paragraph(": " + value, g.bold, g.area.width() / 2, g.device).draw(
            painter, label_width + g.mm(2), y
        )
        y += step
    return plan.title_height


def _grid_pen(g: ListGeometry, width_mm: float = 0.2) -> QPen:
    pen = QPen(GRID)
    pen.setWidthF(g.mm(width_mm))
    return pen


def _paint_table_header(painter: QPainter, g: ListGeometry, y: float) -> float:
    width = g.table_width
    painter.fillRect(QRectF(0, y, width, g.header_height + g.numbers_height), HEADER_FILL)
    painter.setPen(INK)
    for column, text in zip(g.columns, g.header, strict=True):
        text.draw(painter, column.x + g.pad, y + (g.header_height - text.height) / 2)
    numbers_y = y + g.header_height
    painter.setPen(MUTED)
    for number, column in enumerate(g.columns, start=1):
        cell = QRectF(column.x, numbers_y, column.width, g.numbers_height)
        painter.setFont(g.small)
        painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(number))
    bottom = numbers_y + g.numbers_height
    painter.setPen(_grid_pen(g))
    painter.drawRect(QRectF(0, y, width, bottom - y))
    painter.drawLine(QLineF(0, numbers_y, width, numbers_y))
    for column in g.columns[1:]:
        painter.drawLine(QLineF(column.x, y, column.x, bottom))
    return bottom


def _paint_row(painter: QPainter, g: ListGeometry, row: ListRow, y: float) -> None:
    width = g.table_width
    if row.heading is not None:
        if row.village_code:
            painter.fillRect(QRectF(0, y, width, row.height), GROUP_FILL)
        painter.setPen(INK)
        row.heading.draw(painter, g.pad, y + (row.height - row.heading.height) / 2)
        painter.setPen(_grid_pen(g))
        painter.drawRect(QRectF(0, y, width, row.height))
        return
    painter.setPen(INK)
    for column, cell in zip(g.columns, row.cells, strict=True):
        if cell is not None:
            cell.draw(painter, column.x + g.pad, y + (row.height - cell.height) / 2)
    _paint_signature_cell(painter, g, g.columns[-1], row, y)
    painter.setPen(_grid_pen(g))
    painter.drawRect(QRectF(0, y, width, row.height))
    for column in g.columns[1:]:
        painter.drawLine(QLineF(column.x, y, column.x, y + row.height))


def _paint_signature_cell(
    painter: QPainter, g: ListGeometry, column: ListColumn, row: ListRow, y: float
) -> None:
    """The attendance-list way: odd numbers sign on the left half, even on the right, so
    neighbours' signatures do not run into each other."""
    half = column.width / 2
    left = column.x + (0 if row.number % 2 else half) + g.pad
    right = column.x + (half if row.number % 2 else column.width) - g.pad
    number = Paragraph(f"{row.number}.", g.small, half, g.device)
    baseline = y + row.height - g.pad - number.height
    painter.setPen(INK)
    number.draw(painter, left, baseline)
    dots = QPen(MUTED)
    dots.setWidthF(g.mm(0.25))
    dots.setStyle(Qt.PenStyle.DotLine)
    painter.setPen(dots)
    line_y = baseline + number.height * 0.8
    painter.drawLine(QLineF(left + number.natural_width + g.mm(1), line_y, right, line_y))


def _paint_sum_row(painter: QPainter, g: ListGeometry, y: float, label: str, amount: int) -> None:
    money = g.columns[-2]
    width = g.table_width
    painter.fillRect(QRectF(0, y, width, g.sum_height), SUM_FILL)
    painter.setPen(INK)
    label_text = Paragraph(
        label, g.bold, money.x - 2 * g.pad, g.device, Qt.AlignmentFlag.AlignRight
    )
    label_text.draw(painter, g.pad, y + (g.sum_height - label_text.height) / 2)
    value = Paragraph(
        rupiah(amount), g.bold, money.width - 2 * g.pad, g.device, Qt.AlignmentFlag.AlignRight
    )
    value.draw(painter, money.x + g.pad, y + (g.sum_height - value.height) / 2)
    painter.setPen(_grid_pen(g))
    painter.drawRect(QRectF(0, y, width, g.sum_height))
    for x in (money.x, g.columns[-1].x):
        painter.drawLine(QLineF(x, y, x, y + g.sum_height))


def _paint_footer(painter: QPainter, g: ListGeometry, text: str, index: int, total: int) -> None:
    y = g.area.height() - g.footer_height + g.mm(2)
    page = arg(translate("Printing", "Halaman %1 dari %2"), index + 1, total)
    page_text = Paragraph(page, g.bold, g.area.width(), g.device, Qt.AlignmentFlag.AlignRight)
    room = g.area.width() - page_text.natural_width - g.mm(6)
    painter.setPen(MUTED)
    painter.setFont(g.small)
    elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(room))
    note = Paragraph(elided, g.small, room, g.device)
    note.draw(painter, 0, y)
    painter.setPen(INK)
    page_text.draw(painter, 0, y + (note.height - page_text.height) / 2)


# --- the end ---------------------------------------------------------------------------------


def _paint_closing(
    painter: QPainter,
    plan: ListPlan,
    y: float,
    people: int,
    grand: int,
    context: PrintContext,
    desa: str | None,
) -> None:
    """The grand total under the last page's sum (which ends at ``y``), then the
    signatures."""
    g = plan.geometry
    label = arg(translate("Printing", "Jumlah seluruhnya: %1 orang"), people)
    _paint_sum_row(painter, g, y, label, grand)
    y += g.sum_height + g.mm(6)
    block = min(g.mm(95), g.area.width() / 2 - g.mm(5))
    date_line = f"{context.place}, {tanggal(context.today)}"
    if desa:
        head = [date_line, village_head(desa, context) + ","]
        nip = False
    else:
        head = [
            date_line,
            translate("Printing", "Kepala Dinas ……………………………………,"),
            context.regency_name,
        ]
        nip = True
    officer = ["", translate("Printing", "Yang membuat daftar,")]
    while len(officer) < len(head):
        officer.append("")
    _paint_signature_block(painter, g, g.mm(8), y, block, officer, context.officer, False)
    _paint_signature_block(painter, g, g.area.width() - block, y, block, head, "", nip)


def _paint_signature_block(
    painter: QPainter,
    g: ListGeometry,
    x: float,
    y: float,
    width: float,
    lines: list[str],
    name: str,
    nip: bool,
) -> None:
    """Lines centred over a space to sign, then the name (or an empty line to write it on)
    and, for civil servants, "NIP."."""
    center = Qt.AlignmentFlag.AlignHCenter
    painter.setPen(INK)
    for line in lines:
        text = Paragraph(line, g.body, width, g.device, center)
        text.draw(painter, x, y)
        y += max(text.height, g.line_height)
    y += g.mm(18)
    if name:
        signed = Paragraph(name, g.bold, width, g.device, center)
        signed.draw(painter, x, y)
        y += signed.height
        underline = signed.natural_width
    else:
        y += g.line_height
        underline = width * 0.75
    pen = QPen(INK)
    pen.setWidthF(g.mm(0.25))
    painter.setPen(pen)
    painter.drawLine(QLineF(x + (width - underline) / 2, y, x + (width + underline) / 2, y))
    if nip:
        painter.setPen(INK)
        nip_text = Paragraph(translate("Printing", "NIP."), g.body, width * 0.75, g.device)
        nip_text.draw(painter, x + width * 0.125, y + g.mm(1))
