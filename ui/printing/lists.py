"""The village list ("daftar nominatif") and the worker's receipt slip.

`paint_village_list` paints the list a village head signs: a title block, a table whose
header repeats on every page, the sum of each page and of the whole list, and the signature
blocks. The pages are planned before anything is painted, so every page can say "Halaman X
dari Y". `paint_receipts` paints the slip a worker keeps, two to a page with a cut line.

Both paint onto any `QPagedPaintDevice` (a PDF writer or a printer, see `ui.printing.paper`).
Lengths are millimetres turned into device units by `Sheet.mm`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

from models.formatting import rupiah, tanggal
from models.registration import Registration
from ui import labels
from ui.printing.context import PrintContext
from ui.printing.paper import PrintCancelled, Sheet, begin

translate = QCoreApplication.translate

FONT_FAMILY = "DejaVu Sans"
INK = QColor(0, 0, 0)
GRID = QColor(70, 70, 70)
MUTED = QColor(90, 90, 90)
HEADER_FILL = QColor(222, 222, 222)
SUM_FILL = QColor(238, 238, 238)
GROUP_FILL = QColor(246, 246, 246)

#: Rows are at least this tall so that there is room to sign (millimetres).
ROW_MIN_MM = 9.0
#: Padding inside a table cell (millimetres).
CELL_PAD_MM = 1.3

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None


def masked_nik(nik: str) -> str:
    """A NIK as a slip may show it: only its last four digits, in groups of four
    (``6208014507900001`` -> ``•••• •••• •••• 0001``).

    A number too short to hide anything by showing four digits (under 8 characters) is
    masked whole; an empty one stays empty.
    """
    digits = "".join(nik.split())
    if not digits:
        return ""
    shown = 4 if len(digits) >= 8 else 0
    masked = "•" * (len(digits) - shown) + digits[len(digits) - shown :]
    groups = []
    while masked:
        groups.insert(0, masked[-4:])
        masked = masked[:-4]
    return " ".join(groups)


def monthly_contribution(reg: Registration, context: PrintContext) -> int | None:
    """What a registration costs per month on the context's day (the calls the registration
    form makes); None when its income is unknown."""
    if reg.monthly_income is None:
        return None
    return context.contributions.contribution(
        reg.monthly_income,
        jht=reg.program_jht,
        months=reg.contribution_months or 1,
        funding_source=reg.funding_source or "apbd",
        on=context.today,
    ).monthly


# --- text ----------------------------------------------------------------------------------


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class _Text:
    """A paragraph laid out to a width: it wraps between words, and inside a word only when
    the word alone is wider than the width, so nothing is ever clipped."""

    def __init__(
        self,
        text: str,
        font: QFont,
        width: float,
        device: QPagedPaintDevice,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ):
        self.layout = QTextLayout(text, font, device)
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.layout.setTextOption(option)
        self.layout.beginLayout()
        height = 0.0
        natural = 0.0
        while (line := self.layout.createLine()).isValid():
            line.setLineWidth(max(width, 1.0))
            line.setPosition(QPointF(0, height))
            height += line.height()
            natural = max(natural, line.naturalTextWidth())
        self.layout.endLayout()
        self.height = height
        self.natural_width = natural

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        self.layout.draw(painter, QPointF(x, y))


def _text_width(text: str, font: QFont, device: QPagedPaintDevice) -> float:
    return _Text(text, font, 1e7, device).natural_width


def _village_kind(code: str) -> str:
    """ "kelurahan" for Kemendagri village codes 1xxx, "desa" for 2xxx."""
    return "kelurahan" if code[9:10] == "1" else "desa"


def _village_name(code: str, context: PrintContext) -> str:
    village = context.regions.village(code) if code else None
    return village.name if village else (code or "—")


def _kecamatan_name(code: str, context: PrintContext) -> str:
    return context.regions.kecamatan_name(code) or code or "—"


def _village_title(code: str, context: PrintContext) -> str:
    """ "Desa Natai Sedawak" or "Kelurahan Mendawai"."""
    if _village_kind(code) == "kelurahan":
        return translate("Printing", "Kelurahan %1").replace("%1", _village_name(code, context))
    return translate("Printing", "Desa %1").replace("%1", _village_name(code, context))


def _village_head(code: str, context: PrintContext) -> str:
    """Who signs a list of one village: "Kepala Desa X", or "Lurah X" for a kelurahan."""
    if _village_kind(code) == "kelurahan":
        return translate("Printing", "Lurah %1").replace("%1", _village_name(code, context))
    return translate("Printing", "Kepala Desa %1").replace("%1", _village_name(code, context))


# --- the village list: geometry ------------------------------------------------------------


@dataclass
class _Column:
    title: str
    width: float
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    x: float = 0.0


@dataclass
class _Row:
    """One table row: a person, or the heading of a desa in a list of several."""

    height: float
    cells: list[_Text | None] = field(default_factory=list)
    number: int = 0  # 1, 2, 3 … for a person; 0 for a heading
    monthly: int | None = None
    village_code: str = ""
    heading: _Text | None = None


class _ListGeometry:
    """Fonts, columns and the heights of everything on a list page, for one device."""

    def __init__(self, device: QPagedPaintDevice, people: int, largest_amount: int):
        self.device = device
        self.sheet = sheet = Sheet(device)
        self.mm = sheet.mm
        self.area = sheet.area
        wide = sheet.width_mm >= 240
        body = 8.5 if wide else 7.5
        self.body = _font(body)
        self.bold = _font(body, bold=True)
        self.small = _font(body - 1.5)
        self.title = _font(12.5 if wide else 11.5, bold=True)
        self.subtitle = _font(body + 1)
        self.subtitle_bold = _font(body + 1.5, bold=True)
        self.pad = self.mm(CELL_PAD_MM)
        self.row_min = self.mm(ROW_MIN_MM)
        self.columns = self._columns(
            wide, str(max(people, 9999)), rupiah(max(largest_amount, 999_999))
        )
        self.header = [
            _Text(c.title, self.bold, c.width - 2 * self.pad, device, Qt.AlignmentFlag.AlignCenter)
            for c in self.columns
        ]
        self.header_height = max(t.height for t in self.header) + 2 * self.pad
        self.numbers_height = _Text("1", self.small, 1e6, device).height + self.pad
        self.line_height = _Text("Ag", self.body, 1e6, device).height
        self.sum_height = self.line_height + 2.5 * self.pad
        self.footer_height = _Text("Ag", self.small, 1e6, device).height + self.mm(2)

    def _columns(self, wide: bool, widest_number: str, widest_amount: str) -> list[_Column]:
        left, center, right = (
            Qt.AlignmentFlag.AlignLeft,
            Qt.AlignmentFlag.AlignHCenter,
            Qt.AlignmentFlag.AlignRight,
        )

        def fit(*samples: str, font: QFont | None = None) -> float:
            widest = max(_text_width(s, font or self.body, self.device) for s in samples)
            return widest + 2 * self.pad + self.mm(0.6)

        total = self.area.width()
        fields = labels.field_labels()
        titles = {
            "number": translate("Printing", "No."),
            "nik": fields["nik"],
            "name": translate("Printing", "Nama lengkap"),
            "sex": translate("Printing", "L/P"),
            "birth_date": fields["birth_date"],
            "occupation": fields["occupation"],
            "program": translate("Printing", "Program"),
            "monthly": translate("Printing", "Iuran per bulan"),
            "signature": translate("Printing", "Tanda tangan"),
        }
        # A header may wrap between its words, never inside one.
        words = {
            key: max(title.split(), key=lambda w: _text_width(w, self.bold, self.device))
            for key, title in titles.items()
        }
        fixed = {
            "number": fit(widest_number, words["number"]),
            "nik": fit("6208014507900001", words["nik"]),
            "sex": fit(words["sex"], font=self.bold),
            "birth_date": fit("30-12-2000", words["birth_date"]),
            "monthly": fit(widest_amount, words["monthly"], font=self.bold),
        }
        rest = total - sum(fixed.values())
        signature = max(self.mm(30), rest * (0.25 if wide else 0.24))
        program = max(
            fit("JKK, JKM, JHT" if wide else "JKK, JKM,"), fit(words["program"], font=self.bold)
        )
        flexible = rest - signature - program
        name = flexible * (0.58 if wide else 0.62)
        occupation = flexible - name
        columns = [
            _Column(titles["number"], fixed["number"], right),
            _Column(titles["nik"], fixed["nik"], left),
            _Column(titles["name"], name, left),
            _Column(titles["sex"], fixed["sex"], center),
            _Column(titles["birth_date"], fixed["birth_date"], center),
            _Column(titles["occupation"], occupation, left),
            _Column(titles["program"], program, left),
            _Column(titles["monthly"], fixed["monthly"], right),
            _Column(titles["signature"], signature, left),
        ]
        x = 0.0
        for column in columns:
            column.x = x
            x += column.width
        return columns

    @property
    def table_width(self) -> float:
        last = self.columns[-1]
        return last.x + last.width

    def person_row(self, number: int, reg: Registration, monthly: int | None) -> _Row:
        values = [
            str(number),
            reg.nik,
            reg.full_name,
            reg.sex,
            tanggal(reg.birth_date),
            reg.occupation,
            ", ".join(reg.programs),
            rupiah(monthly) if monthly is not None else "—",
        ]
        cells: list[_Text | None] = [
            _Text(value, self.body, column.width - 2 * self.pad, self.device, column.align)
            for value, column in zip(values, self.columns, strict=False)
        ]
        cells.append(None)  # the signature: painted, not written
        height = max(self.row_min, max(c.height for c in cells if c) + 2 * self.pad)
        return _Row(height, cells, number, monthly, reg.village_code)

    def heading_row(self, village_code: str, context: PrintContext, continued: bool) -> _Row:
        text = translate("Printing", "Kecamatan %1 — %2").replace(
            "%1", _kecamatan_name(village_code[:8], context)
        )
        text = text.replace("%2", _village_title(village_code, context))
        if continued:
            text += " " + translate("Printing", "(lanjutan)")
        heading = _Text(text, self.bold, self.table_width - 2 * self.pad, self.device)
        return _Row(heading.height + 2 * self.pad, village_code=village_code, heading=heading)


# --- the village list: pages ---------------------------------------------------------------


def _paginate(
    rows: list[_Row],
    capacity: Callable[[int], float],
    closing: float,
    continuation: Callable[[_Row], _Row | None],
) -> list[list[_Row]]:
    """Share the rows out over pages of ``capacity(page_index)`` height.

    A desa's heading never ends a page (it moves on with its first person), a page that
    starts inside a desa begins with a "(lanjutan)" heading, and the last page keeps room
    for ``closing`` (the grand total and the signatures): its last person moves to a new
    page rather than leaving the signatures alone on one.
    """
    pages: list[list[_Row]] = [[]]
    used = 0.0
    last = len(rows) - 1
    for index, row in enumerate(rows):
        need = row.height
        if row.heading is not None and index < last:
            need += rows[index + 1].height + (closing if index + 1 == last else 0.0)
        elif index == last:
            need += closing
        if pages[-1] and used + need > capacity(len(pages) - 1):
            pages.append([])
            used = 0.0
            if row.heading is None and (heading := continuation(row)) is not None:
                pages[-1].append(heading)
                used += heading.height
        pages[-1].append(row)
        used += row.height
    if used + closing > capacity(len(pages) - 1) and pages[-1]:
        pages.append([])  # only a row taller than a page gets here
    return pages


@dataclass
class _ListPlan:
    geometry: _ListGeometry
    rows: list[_Row]
    pages: list[list[_Row]]
    title: list[_Text]
    info: list[tuple[str, str]]
    title_height: float
    as_of: str
    footer: str


def _list_info(
    context: PrintContext, desa: str | None, kecamatan: str | None
) -> tuple[list[tuple[str, str]], str]:
    """The "label : value" lines under the title, and the list's short name for footers."""
    fields = labels.field_labels()
    if desa:
        kind = (
            translate("Printing", "Kelurahan")
            if _village_kind(desa) == "kelurahan"
            else translate("Printing", "Desa")
        )
        return [
            (fields["kecamatan"], _kecamatan_name(desa[:8], context)),
            (kind, _village_name(desa, context)),
        ], _village_title(desa, context)
    if kecamatan:
        name = _kecamatan_name(kecamatan, context)
        return [(fields["kecamatan"], name)], translate("Printing", "Kecamatan %1").replace(
            "%1", name
        )
    everywhere = translate("Printing", "Seluruh %1").replace("%1", context.regency_name)
    return [(translate("Printing", "Wilayah"), everywhere)], context.regency_name


def _plan_list(
    device: QPagedPaintDevice,
    registrations: list[Registration],
    context: PrintContext,
    desa: str | None,
    kecamatan: str | None,
) -> _ListPlan:
    monthly = [monthly_contribution(reg, context) for reg in registrations]
    g = _ListGeometry(device, len(registrations), sum(amount or 0 for amount in monthly))
    width = g.area.width()
    center = Qt.AlignmentFlag.AlignHCenter
    title = [
        _Text(
            translate("Printing", "DAFTAR NOMINATIF CALON PESERTA BPJS KETENAGAKERJAAN"),
            g.title, width, device, center,
        ),
        _Text(context.programme, g.subtitle, width, device, center),
        _Text(context.regency_name.upper(), g.subtitle_bold, width, device, center),
    ]  # fmt: skip
    info, short_name = _list_info(context, desa, kecamatan)
    as_of = translate("Printing", "Keadaan per %1").replace("%1", tanggal(context.today))
    title_height = (
        sum(t.height for t in title) + g.mm(3) + len(info) * g.line_height * 1.15 + g.mm(3)
    )

    grouped = not desa
    rows: list[_Row] = []
    village = None
    for number, (reg, amount) in enumerate(zip(registrations, monthly, strict=True), start=1):
        if grouped and reg.village_code != village:
            village = reg.village_code
            rows.append(g.heading_row(village, context, continued=False))
        rows.append(g.person_row(number, reg, amount))
    if not rows:
        note = _Text(
            translate("Printing", "Belum ada pendaftaran untuk daftar ini."),
            g.body, g.table_width - 2 * g.pad, device, center,
        )  # fmt: skip
        rows.append(_Row(note.height + 2 * g.pad, heading=note))

    closing = g.sum_height + g.mm(6) + _signature_height(g)
    table_top = g.header_height + g.numbers_height + g.sum_height
    body = g.area.height() - g.footer_height - table_top

    def capacity(page: int) -> float:
        return body - (title_height if page == 0 else 0.0)

    def continuation(row: _Row) -> _Row | None:
        return g.heading_row(row.village_code, context, continued=True) if grouped else None

    pages = _paginate(rows, capacity, closing, continuation)
    footer = " · ".join(
        [translate("Printing", "Daftar nominatif"), short_name, context.programme, as_of]
    )
    return _ListPlan(g, rows, pages, title, info, title_height, as_of, footer)


def paint_village_list(
    device: QPagedPaintDevice,
    registrations: list[Registration],
    context: PrintContext,
    *,
    desa: str | None = None,
    kecamatan: str | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> int:
    """Paint the daftar nominatif of ``registrations`` (in the order given, as
    `models.nominatif.registrations_for_list` returns them) and return the page count.

    ``desa`` (a village code) makes it the list of one desa, signed by its head; otherwise
    it is the list of ``kecamatan`` or of the whole regency, grouped by desa and signed by
    the head of the district office. ``progress(done, total)`` follows each page;
    `PrintCancelled` is raised between pages once ``cancelled()`` is true.
    """
    painter = begin(device)
    try:
        plan = _plan_list(device, registrations, context, desa, kecamatan)
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
    painter: QPainter, plan: _ListPlan, page: list[_Row], index: int, total: int
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
    label = translate("Printing", "Jumlah halaman ini: %1 orang").replace("%1", str(len(people)))
    _paint_sum_row(painter, g, y, label, sum(row.monthly or 0 for row in people))
    _paint_footer(painter, g, plan.footer, index, total)
    return y + g.sum_height


def _paint_title(painter: QPainter, plan: _ListPlan) -> float:
    """The title block of the first page; returns its planned height."""
    g = plan.geometry
    painter.setPen(INK)
    y = 0.0
    for text in plan.title:
        text.draw(painter, 0, y)
        y += text.height
    y += g.mm(3)
    label_width = max(_text_width(label, g.body, g.device) for label, _ in plan.info)
    step = g.line_height * 1.15
    as_of = _Text(plan.as_of, g.bold, g.area.width(), g.device, Qt.AlignmentFlag.AlignRight)
    as_of.draw(painter, 0, y)
    for label, value in plan.info:
        _Text(label, g.body, label_width, g.device).draw(painter, 0, y)
        _Text(": " + value, g.bold, g.area.width() / 2, g.device).draw(
            painter, label_width + g.mm(2), y
        )
        y += step
    return plan.title_height


def _grid_pen(g: _ListGeometry, width_mm: float = 0.2) -> QPen:
    pen = QPen(GRID)
    pen.setWidthF(g.mm(width_mm))
    return pen


def _paint_table_header(painter: QPainter, g: _ListGeometry, y: float) -> float:
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


def _paint_row(painter: QPainter, g: _ListGeometry, row: _Row, y: float) -> None:
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
    painter: QPainter, g: _ListGeometry, column: _Column, row: _Row, y: float
) -> None:
    """The attendance-list way: odd numbers sign on the left half, even on the right, so
    neighbours' signatures do not run into each other."""
    half = column.width / 2
    left = column.x + (0 if row.number % 2 else half) + g.pad
    right = column.x + (half if row.number % 2 else column.width) - g.pad
    number = _Text(f"{row.number}.", g.small, half, g.device)
    baseline = y + row.height - g.pad - number.height
    painter.setPen(INK)
    number.draw(painter, left, baseline)
    dots = QPen(MUTED)
    dots.setWidthF(g.mm(0.25))
    dots.setStyle(Qt.PenStyle.DotLine)
    painter.setPen(dots)
    line_y = baseline + number.height * 0.8
    painter.drawLine(QLineF(left + number.natural_width + g.mm(1), line_y, right, line_y))


def _paint_sum_row(painter: QPainter, g: _ListGeometry, y: float, label: str, amount: int) -> None:
    money = g.columns[-2]
    width = g.table_width
    painter.fillRect(QRectF(0, y, width, g.sum_height), SUM_FILL)
    painter.setPen(INK)
    label_text = _Text(label, g.bold, money.x - 2 * g.pad, g.device, Qt.AlignmentFlag.AlignRight)
    label_text.draw(painter, g.pad, y + (g.sum_height - label_text.height) / 2)
    value = _Text(
        rupiah(amount), g.bold, money.width - 2 * g.pad, g.device, Qt.AlignmentFlag.AlignRight
    )
    value.draw(painter, money.x + g.pad, y + (g.sum_height - value.height) / 2)
    painter.setPen(_grid_pen(g))
    painter.drawRect(QRectF(0, y, width, g.sum_height))
    for x in (money.x, g.columns[-1].x):
        painter.drawLine(QLineF(x, y, x, y + g.sum_height))


def _paint_footer(painter: QPainter, g: _ListGeometry, text: str, index: int, total: int) -> None:
    y = g.area.height() - g.footer_height + g.mm(2)
    page = (
        translate("Printing", "Halaman %1 dari %2")
        .replace("%1", str(index + 1))
        .replace("%2", str(total))
    )
    page_text = _Text(page, g.bold, g.area.width(), g.device, Qt.AlignmentFlag.AlignRight)
    room = g.area.width() - page_text.natural_width - g.mm(6)
    painter.setPen(MUTED)
    painter.setFont(g.small)
    elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(room))
    note = _Text(elided, g.small, room, g.device)
    note.draw(painter, 0, y)
    painter.setPen(INK)
    page_text.draw(painter, 0, y + (note.height - page_text.height) / 2)


# --- the village list: the end -------------------------------------------------------------


def _signature_height(g: _ListGeometry) -> float:
    """Room for `_paint_signature_block` with up to three lines above the space to sign and
    the name and NIP lines below it."""
    return g.line_height * 6 + g.mm(20)


def _paint_closing(
    painter: QPainter,
    plan: _ListPlan,
    y: float,
    people: int,
    grand: int,
    context: PrintContext,
    desa: str | None,
) -> None:
    """The grand total under the last page's sum (which ends at ``y``), then the
    signatures."""
    g = plan.geometry
    label = translate("Printing", "Jumlah seluruhnya: %1 orang").replace("%1", str(people))
    _paint_sum_row(painter, g, y, label, grand)
    y += g.sum_height + g.mm(6)
    block = min(g.mm(95), g.area.width() / 2 - g.mm(5))
    date_line = f"{context.place}, {tanggal(context.today)}"
    if desa:
        head = [date_line, _village_head(desa, context) + ","]
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
    g: _ListGeometry,
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
        text = _Text(line, g.body, width, g.device, center)
        text.draw(painter, x, y)
        y += max(text.height, g.line_height)
    y += g.mm(18)
    if name:
        signed = _Text(name, g.bold, width, g.device, center)
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
        nip_text = _Text(translate("Printing", "NIP."), g.body, width * 0.75, g.device)
        nip_text.draw(painter, x + width * 0.125, y + g.mm(1))


# --- receipt slips -------------------------------------------------------------------------


def _registered_on(reg: Registration) -> date | None:
    """The local day a registration was first saved (``created_at`` is UTC)."""
    if not reg.created_at:
        return None
    try:
        moment = datetime.fromisoformat(reg.created_at)
    except ValueError:
        return None
    return moment.astimezone().date() if moment.tzinfo else moment.date()


class _SlipStyle:
    """Fonts and lengths of a receipt slip on one device."""

    def __init__(self, device: QPagedPaintDevice):
        self.device = device
        self.sheet = Sheet(device)
        self.mm = self.sheet.mm
        self.regency = _font(12, bold=True)
        self.programme = _font(9)
        self.title = _font(15, bold=True)
        self.body = _font(10.5)
        self.bold = _font(10.5, bold=True)
        self.small = _font(9)
        self.small_bold = _font(9, bold=True)


def _slip_lines(reg: Registration, context: PrintContext) -> list[tuple[str, str]]:
    fields = labels.field_labels()
    village = reg.village_code
    place = "—"
    if village:
        kecamatan = translate("Printing", "Kecamatan %1").replace(
            "%1", _kecamatan_name(village[:8], context)
        )
        place = f"{_village_title(village, context)}, {kecamatan}"
    monthly = monthly_contribution(reg, context)
    funding = labels.funding_labels().get(reg.funding_source, reg.funding_source)
    paid = (
        translate("Printing", "%1 per bulan (%2), sumber iuran: %3")
        .replace("%1", rupiah(monthly) if monthly is not None else "—")
        .replace("%2", ", ".join(reg.programs))
        .replace("%3", funding)
    )
    return [
        (translate("Printing", "Nama lengkap"), reg.full_name),
        (fields["nik"], masked_nik(reg.nik)),
        (fields["village_code"], place),
        (translate("Printing", "Tanggal pendaftaran"), tanggal(_registered_on(reg)) or "—"),
        (translate("Printing", "Petugas pendaftar"), reg.created_by or context.officer),
        (translate("Printing", "Iuran"), paid),
    ]


def _next_steps() -> list[str]:
    return [
        translate(
            "Printing",
            "Data pendaftaran Anda dikirim ke kantor kabupaten (dinas pengelola program).",
        ),
        translate(
            "Printing", "Kantor kabupaten meneruskannya ke BPJS Ketenagakerjaan untuk didaftarkan."
        ),
        translate(
            "Printing",
            "Nomor peserta (KPJ) dan kartu BPJS Ketenagakerjaan Anda menyusul melalui petugas "
            "atau kantor desa.",
        ),
    ]


def _slip(
    painter: QPainter | None,
    s: _SlipStyle,
    reg: Registration,
    context: PrintContext,
    box: QRectF,
) -> float:
    """Paint one slip framed by ``box`` (or, without a painter, only measure it); returns
    the height its content needs."""
    device = s.device
    pad = s.mm(6)
    x = box.x() + pad
    width = box.width() - 2 * pad
    y = box.y() + pad
    center = Qt.AlignmentFlag.AlignHCenter

    def put(text: _Text, at_x: float, at_y: float) -> float:
        if painter is not None:
            text.draw(painter, at_x, at_y)
        return text.height

    def rule(at_y: float, width_mm: float) -> None:
        if painter is not None:
            pen = QPen(INK)
            pen.setWidthF(s.mm(width_mm))
            painter.setPen(pen)
            painter.drawLine(QLineF(x, at_y, x + width, at_y))
            painter.setPen(INK)

    if painter is not None:
        painter.setPen(INK)
    y += put(_Text(context.regency_name.upper(), s.regency, width, device), x, y)
    y += put(_Text(context.programme, s.programme, width, device), x, y)
    y += s.mm(1.5)
    rule(y, 0.5)
    y += s.mm(4)
    title = translate("Printing", "TANDA TERIMA PENDAFTARAN")
    y += put(_Text(title, s.title, width, device, center), x, y)
    number = translate("Printing", "Nomor pendaftaran: %1").replace("%1", reg.id)
    y += put(_Text(number, s.small, width, device, center), x, y) + s.mm(4)

    lines = _slip_lines(reg, context)
    label_width = max(_text_width(label, s.body, device) for label, _ in lines) + s.mm(3)
    colon = _text_width(": ", s.body, device)
    for index, (label, value) in enumerate(lines):
        value_text = _Text(value, s.bold if index < 2 else s.body, width - label_width, device)
        put(_Text(label, s.body, label_width, device), x, y)
        put(_Text(":", s.body, colon, device), x + label_width, y)
        y += put(value_text, x + label_width + colon, y) + s.mm(1)
    y += s.mm(3)

    # What happens next, on the left; the officer signs on the right.
    steps_width = width * 0.62
    top = y
    y += put(_Text(translate("Printing", "Apa selanjutnya?"), s.small_bold, width, device), x, y)
    indent = _text_width("9. ", s.small, device)
    for number, step in enumerate(_next_steps(), start=1):
        put(_Text(f"{number}.", s.small, indent, device), x, y)
        y += put(_Text(step, s.small, steps_width - indent, device), x + indent, y)
    keep = translate(
        "Printing", "Simpan tanda terima ini dan tunjukkan bila Anda menanyakan pendaftaran Anda."
    )
    y += s.mm(1.5)
    y += put(_Text(keep, s.small_bold, steps_width, device), x, y)

    sign_x = x + steps_width + s.mm(6)
    sign_width = x + width - sign_x
    sy = top
    sy += put(_Text(f"{context.place}, {tanggal(context.today)}", s.small, sign_width, device,
                    center), sign_x, sy)  # fmt: skip
    sy += put(_Text(translate("Printing", "Petugas,"), s.small, sign_width, device, center),
              sign_x, sy)  # fmt: skip
    sy += s.mm(14)
    name = _Text(context.officer or " ", s.small_bold, sign_width, device, center)
    sy += put(name, sign_x, sy)
    if painter is not None:
        pen = QPen(INK)
        pen.setWidthF(s.mm(0.25))
        painter.setPen(pen)
        line = max(name.natural_width, sign_width * 0.7)
        middle = sign_x + sign_width / 2
        painter.drawLine(QLineF(middle - line / 2, sy, middle + line / 2, sy))
    height = max(y, sy) + pad - box.y()
    if painter is not None:
        frame = QPen(GRID)
        frame.setWidthF(s.mm(0.3))
        painter.setPen(frame)
        painter.drawRect(QRectF(box.x(), box.y(), box.width(), max(height, box.height())))
    return height


def _paint_cut_line(painter: QPainter, s: _SlipStyle, y: float, width: float) -> None:
    pen = QPen(MUTED)
    pen.setWidthF(s.mm(0.3))
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    scissors = _Text("✂", s.body, s.mm(6), s.device)
    painter.drawLine(QLineF(scissors.natural_width + s.mm(1.5), y, width, y))
    painter.setPen(MUTED)
    scissors.draw(painter, 0, y - scissors.height / 2)


def paint_receipts(
    device: QPagedPaintDevice,
    registrations: Iterable[Registration],
    context: PrintContext,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> int:
    """Paint one "TANDA TERIMA PENDAFTARAN" slip per registration, two to a page (top and
    bottom, with a dashed line to cut along) when they fit, and return the page count.

    The slip shows the NIK masked to its last four digits (`masked_nik`): the worker may
    lose it. ``progress(done, total)`` follows each page; `PrintCancelled` is raised between
    pages once ``cancelled()`` is true.
    """
    registrations = list(registrations)
    painter = begin(device)
    try:
        s = _SlipStyle(device)
        area = s.sheet.area
        gap = s.mm(6)
        half = QRectF(0, 0, area.width(), (area.height() - gap) / 2)
        tallest = max((_slip(None, s, reg, context, half) for reg in registrations), default=0)
        per_page = 2 if tallest <= half.height() else 1
        pages = [
            registrations[start : start + per_page]
            for start in range(0, len(registrations), per_page)
        ] or [[]]
        for index, slips in enumerate(pages):
            if cancelled and cancelled():
                raise PrintCancelled
            if index:
                device.newPage()
            for position, reg in enumerate(slips):
                top = position * (half.height() + gap)
                height = half.height() if per_page == 2 else 0.0
                _slip(painter, s, reg, context, QRectF(0, top, area.width(), height))
            if len(slips) == 2:
                _paint_cut_line(painter, s, half.height() + gap / 2, area.width())
            if progress:
                progress(index + 1, len(pages))
    finally:
        painter.end()
    return len(pages)
