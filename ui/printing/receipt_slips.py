"""The receipt slip a worker keeps: "TANDA TERIMA PENDAFTARAN", two to a page with a line to
cut along.

A slip names the worker, the desa, the day of registration, the officer, the monthly
contribution and, once recorded, the day the KPJ card was handed over; it says what happens
next, and has room for the officer to sign. It shows the NIK masked to its last four digits
(`models.nik.masked_nik`) because the worker may lose it; the small QR code in its top right
corner holds the registration's id (not the NIK), so district staff can scan a slip to find
the record.

`paint_receipts` paints onto any `QPagedPaintDevice` (a PDF writer or a printer, see
`ui.printing.paper`). Lengths are millimetres turned into device units by `Sheet.mm`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt
from PySide6.QtGui import QPagedPaintDevice, QPainter, QPen

from models.formatting import arg
from models.nik import masked_nik
from models.registration import Registration
from ui.i18n import labels
from ui.i18n.formats import rupiah, tanggal
from ui.printing.context import PrintContext
from ui.printing.drawing import GRID, INK, MUTED, draw_qr, sans
from ui.printing.facts import kecamatan_name, monthly_contribution, qr_text, village_title
from ui.printing.paper import Cancelled, PrintCancelled, Progress, Sheet, begin
from ui.printing.paragraph import Paragraph, text_width

translate = QCoreApplication.translate

#: The side of the QR code, its quiet zone included (millimetres).
QR_MM = 22.0


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
        self.regency = sans(12, bold=True)
        self.programme = sans(9)
        self.title = sans(15, bold=True)
        self.body = sans(10.5)
        self.bold = sans(10.5, bold=True)
        self.small = sans(9)
        self.small_bold = sans(9, bold=True)


def _slip_lines(reg: Registration, context: PrintContext) -> list[tuple[str, str]]:
    fields = labels.field_labels()
    village = reg.village_code
    place = "—"
    if village:
        kecamatan = arg(translate("Printing", "Kecamatan %1"), kecamatan_name(village[:8], context))
        place = f"{village_title(village, context)}, {kecamatan}"
    monthly = monthly_contribution(reg, context)
    funding = labels.funding_labels().get(reg.funding_source, reg.funding_source)
    paid = arg(
        translate("Printing", "%1 per bulan (%2), sumber iuran: %3"),
        rupiah(monthly) if monthly is not None else "—",
        ", ".join(reg.programs),
        funding,
    )
    lines = [
        (translate("Printing", "Nama lengkap"), reg.full_name),
        (fields["nik"], masked_nik(reg.nik)),
        (fields["village_code"], place),
        (translate("Printing", "Tanggal pendaftaran"), tanggal(_registered_on(reg)) or "—"),
        (translate("Printing", "Petugas pendaftar"), reg.created_by or context.officer),
        (translate("Printing", "Iuran"), paid),
    ]
    if reg.kpj_card_handed_on:
        handed = tanggal(date.fromisoformat(reg.kpj_card_handed_on))
        lines.append((translate("Printing", "Kartu KPJ diserahkan"), handed))
    return lines


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


def _put(painter: QPainter | None, text: Paragraph, x: float, y: float) -> float:
    """Draw ``text`` at (x, y) unless only measuring; its height."""
    if painter is not None:
        text.draw(painter, x, y)
    return text.height


def _rule(painter: QPainter | None, s: _SlipStyle, width_mm: float, line: QLineF) -> None:
    """A line of ``width_mm`` in ink (nothing when only measuring)."""
    if painter is not None:
        pen = QPen(INK)
        pen.setWidthF(s.mm(width_mm))
        painter.setPen(pen)
        painter.drawLine(line)
        painter.setPen(INK)


def _slip(
    painter: QPainter | None,
    s: _SlipStyle,
    reg: Registration,
    context: PrintContext,
    box: QRectF,
) -> float:
    """Paint one slip framed by ``box`` (or, without a painter, only measure it); returns
    the height its content needs."""
    pad = s.mm(6)
    x = box.x() + pad
    width = box.width() - 2 * pad
    y = _letterhead(painter, s, reg, context, x, box.y() + pad, width)
    y = _facts(painter, s, _slip_lines(reg, context), x, y, width) + s.mm(3)
    # What happens next, on the left; the officer signs on the right.
    steps_width = width * 0.62
    steps_end = _next_steps_text(painter, s, x, y, steps_width)
    sign_x = x + steps_width + s.mm(6)
    sign_end = _signature(painter, s, context, sign_x, y, x + width - sign_x)
    height = max(steps_end, sign_end) + pad - box.y()
    if painter is not None:
        frame = QPen(GRID)
        frame.setWidthF(s.mm(0.3))
        painter.setPen(frame)
        painter.drawRect(QRectF(box.x(), box.y(), box.width(), max(height, box.height())))
    return height


def _letterhead(
    painter: QPainter | None,
    s: _SlipStyle,
    reg: Registration,
    context: PrintContext,
    x: float,
    y: float,
    width: float,
) -> float:
    """The regency and the programme over a rule, the QR code in the top right corner, the
    title and the registration's number; where the facts begin."""
    device = s.device
    center = Qt.AlignmentFlag.AlignHCenter
    # The letterhead keeps clear of the QR code in the top right corner.
    qr = QRectF(x + width - s.mm(QR_MM), y, s.mm(QR_MM), s.mm(QR_MM))
    head_width = qr.left() - s.mm(4) - x
    if painter is not None:
        draw_qr(painter, qr, qr_text(reg, with_nik=False))
        painter.setPen(INK)
    y += _put(painter, Paragraph(context.regency_name.upper(), s.regency, head_width, device), x, y)
    y += _put(painter, Paragraph(context.programme, s.programme, head_width, device), x, y)
    y += s.mm(1.5)
    _rule(painter, s, 0.5, QLineF(x, y, x + head_width, y))
    y += s.mm(4)
    title = translate("Printing", "TANDA TERIMA PENDAFTARAN")
    y += _put(painter, Paragraph(title, s.title, width, device, center), x, y)
    number = arg(translate("Printing", "Nomor pendaftaran: %1"), reg.id)
    y += _put(painter, Paragraph(number, s.small, width, device, center), x, y)
    return max(y, qr.bottom()) + s.mm(4)


def _facts(
    painter: QPainter | None,
    s: _SlipStyle,
    lines: list[tuple[str, str]],
    x: float,
    y: float,
    width: float,
) -> float:
    """Label, colon and value a line each, the first two values (name, NIK) in bold; where
    they end."""
    device = s.device
    label_width = max(text_width(label, s.body, device) for label, _ in lines) + s.mm(3)
    colon = text_width(": ", s.body, device)
    for index, (label, value) in enumerate(lines):
        value_text = Paragraph(value, s.bold if index < 2 else s.body, width - label_width, device)
        _put(painter, Paragraph(label, s.body, label_width, device), x, y)
        _put(painter, Paragraph(":", s.body, colon, device), x + label_width, y)
        y += _put(painter, value_text, x + label_width + colon, y) + s.mm(1)
    return y


def _next_steps_text(
    painter: QPainter | None, s: _SlipStyle, x: float, y: float, width: float
) -> float:
    """The heading "Apa selanjutnya?", the numbered steps and the advice to keep the slip;
    where they end."""
    device = s.device
    next_title = translate("Printing", "Apa selanjutnya?")
    y += _put(painter, Paragraph(next_title, s.small_bold, width, device), x, y)
    indent = text_width("9. ", s.small, device)
    for number, step in enumerate(_next_steps(), start=1):
        _put(painter, Paragraph(f"{number}.", s.small, indent, device), x, y)
        y += _put(painter, Paragraph(step, s.small, width - indent, device), x + indent, y)
    keep = translate(
        "Printing", "Simpan tanda terima ini dan tunjukkan bila Anda menanyakan pendaftaran Anda."
    )
    y += s.mm(1.5)
    return y + _put(painter, Paragraph(keep, s.small_bold, width, device), x, y)


def _signature(
    painter: QPainter | None,
    s: _SlipStyle,
    context: PrintContext,
    x: float,
    y: float,
    width: float,
) -> float:
    """Place and day, "Petugas,", room to sign, and the officer's name over a line; where
    it ends."""
    device = s.device
    center = Qt.AlignmentFlag.AlignHCenter
    dated = f"{context.place}, {tanggal(context.today)}"
    y += _put(painter, Paragraph(dated, s.small, width, device, center), x, y)
    officer_word = translate("Printing", "Petugas,")
    y += _put(painter, Paragraph(officer_word, s.small, width, device, center), x, y)
    y += s.mm(14)
    name = Paragraph(context.officer or " ", s.small_bold, width, device, center)
    y += _put(painter, name, x, y)
    line = max(name.natural_width, width * 0.7)
    middle = x + width / 2
    if painter is not None:
        pen = QPen(INK)
        pen.setWidthF(s.mm(0.25))
        painter.setPen(pen)
        painter.drawLine(QLineF(middle - line / 2, y, middle + line / 2, y))
    return y


def _paint_cut_line(painter: QPainter, s: _SlipStyle, y: float, width: float) -> None:
    pen = QPen(MUTED)
    pen.setWidthF(s.mm(0.3))
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    scissors = Paragraph("✂", s.body, s.mm(6), s.device)
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

    ``progress(done, total)`` follows each page; `PrintCancelled` is raised between pages
    once ``cancelled()`` is true.
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
