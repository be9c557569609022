"""Drawing helpers shared by the printed documents: fonts and colours, wrapped text,
checkboxes, QR codes, and a vertical stack that fits one page (the form's own items, from
tick-box choices to the letterhead, are in `ui.printing.form_items`).

Everything printable here is an *item*: ``height(painter, width, style)`` measures it for a
given width and ``paint(painter, rect, style)`` draws it into a rectangle at least that tall.
Measuring and painting use the same painter, so what was measured is what gets drawn. A
`Style` carries the device's units per millimetre and a scale: a page that is too full is
laid out again at a smaller scale (see `fit`) rather than spilling onto a second page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Protocol

import segno
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QTextOption

FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]
INK = QColor(0, 0, 0)
GREY = QColor(85, 85, 85)  # labels, captions
RULE = QColor(150, 150, 150)  # box edges, section rules
GRID = QColor(70, 70, 70)  # table lines of a list, the frame of a slip
MUTED = QColor(90, 90, 90)  # page footers, column numbers, dotted lines, the cut line
QR_MASK = 2
_BIG = 1e7  # "unlimited" height for measuring wrapped text


@dataclass(frozen=True)
class Style:
    """Device units per millimetre, and the scale a crowded page is drawn at (1.0 = normal)."""

    per_mm: float
    scale: float = 1.0

    def mm(self, length: float) -> float:
        """A scaled length in millimetres, in device units."""
        return length * self.per_mm * self.scale

    def font(self, points: float, bold: bool = False) -> QFont:
        return sans(round(points * self.scale, 2), bold)

    def pen(self, color: QColor = RULE, width_mm: float = 0.2) -> QPen:
        """A pen whose width does not shrink with the scale (thin lines stay visible)."""
        pen = QPen(color)
        pen.setWidthF(width_mm * self.per_mm)
        return pen


@cache
def sans(points: float, bold: bool = False) -> QFont:
    """A clean sans-serif font (DejaVu Sans where installed, else the next one found)."""
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


@cache
def _option(alignment: Qt.AlignmentFlag) -> QTextOption:
    option = QTextOption(alignment)
    # Words wrap at spaces; a word wider than its box (an email address) breaks anywhere.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


def text_height(painter: QPainter, text: str, font: QFont, width: float) -> float:
    """The height ``text`` takes wrapped to ``width`` (one line's height when empty)."""
    painter.setFont(font)
    line = QFontMetricsF(font, painter.device()).lineSpacing()
    if not text:
        return line
    bounds = painter.boundingRect(QRectF(0, 0, max(width, 1.0), _BIG), text, _option(_LEFT))
    return max(line, bounds.height())


def draw_text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    font: QFont,
    *,
    alignment: Qt.AlignmentFlag | None = None,
    color: QColor = INK,
) -> None:
    """``text`` wrapped inside ``rect`` (left and top aligned unless told otherwise)."""
    painter.setFont(font)
    painter.setPen(color)
    painter.drawText(rect, text, _option(_LEFT if alignment is None else alignment))


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class Item(Protocol):
    """Something printable that knows its height for a width, and how much taller it may
    become when the page has room (``grow_mm``)."""

    grow_mm: float

    def height(self, painter: QPainter, width: float, style: Style) -> float: ...

    def paint(self, painter: QPainter, rect: QRectF, style: Style) -> None: ...


class Text:
    """Wrapped text; ``minimum_mm`` keeps room for handwriting when the text is short."""

    grow_mm = 0.0

    def __init__(
        self,
        text: str,
        points: float = 10.0,
        *,
        bold: bool = False,
        alignment: Qt.AlignmentFlag | None = None,
        color: QColor = INK,
        minimum_mm: float = 0.0,
    ):
        self.text = text
        self.points = points
        self.bold = bold
        self.alignment = alignment
        self.color = color
        self.minimum_mm = minimum_mm

    def height(self, painter: QPainter, width: float, style: Style) -> float:
        font = style.font(self.points, self.bold)
        return max(text_height(painter, self.text, font, width), style.mm(self.minimum_mm))

    def paint(self, painter: QPainter, rect: QRectF, style: Style) -> None:
        font = style.font(self.points, self.bold)
        draw_text(painter, rect, self.text, font, alignment=self.alignment, color=self.color)


class Space:
    """Empty room: writing space in a box, or a gap between blocks."""

    grow_mm = 0.0

    def __init__(self, mm: float, grow_mm: float = 0.0):
        self.mm = mm
        self.grow_mm = grow_mm

    def height(self, painter: QPainter, width: float, style: Style) -> float:
        return style.mm(self.mm)

    def paint(self, painter: QPainter, rect: QRectF, style: Style) -> None:
        pass


class Filler(Space):
    """Takes whatever height the page has left, pushing what follows to the bottom."""

    def __init__(self, mm: float = 0.0):
        super().__init__(mm, grow_mm=math.inf)


def checkbox(painter: QPainter, square: QRectF, checked: bool, style: Style) -> None:
    """A square to tick; ``checked`` draws the tick."""
    painter.setPen(style.pen(INK, 0.25))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(square)
    if checked:
        side = square.width()
        tick = QPainterPath(QPointF(square.left() + 0.2 * side, square.top() + 0.52 * side))
        tick.lineTo(square.left() + 0.42 * side, square.top() + 0.76 * side)
        tick.lineTo(square.left() + 0.82 * side, square.top() + 0.22 * side)
        painter.setPen(style.pen(INK, 0.5))
        painter.drawPath(tick)


def draw_qr(painter: QPainter, rect: QRectF, data: str, *, border: int = 4) -> float:
    """``data`` as a QR code (error correction M) in the top of ``rect``, centred across it,
    with a quiet zone of ``border`` modules; returns the side of the square drawn.

    The modules are one filled path, so no seam shows between neighbouring modules.
    """
    # A fixed mask: letting segno score all eight took most of the time of a whole form, and
    # any mask scans as well for codes this small.
    code = segno.make_qr(data, error="m", mask=QR_MASK)
    modules = code.symbol_size(border=0)[0]
    side = min(rect.width(), rect.height())
    module = side / (modules + 2 * border)
    left = rect.left() + (rect.width() - side) / 2 + border * module
    top = rect.top() + border * module
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for y, row in enumerate(code.matrix):
        x = 0
        while x < modules:
            if row[x]:
                start = x
                while x < modules and row[x]:
                    x += 1
                path.addRect(
                    QRectF(left + start * module, top + y * module, (x - start) * module, module)
                )
            else:
                x += 1
    painter.fillPath(path, INK)
    return side


def layout(
    painter: QPainter, items: Sequence[Item], rect: QRectF, style: Style
) -> tuple[list[QRectF], bool]:
    """The rectangles stacking ``items`` from the top of ``rect``, and whether they fit.

    Spare height is shared out among the items that can grow (each up to its ``grow_mm``);
    a `Filler` takes what is left.
    """
    width = rect.width()
    heights = [item.height(painter, width, style) for item in items]
    spare = rect.height() - sum(heights)
    if spare > 0:
        growing = sorted(
            (i for i, item in enumerate(items) if item.grow_mm > 0),
            key=lambda i: items[i].grow_mm,
        )
        for position, index in enumerate(growing):
            share = spare / (len(growing) - position)
            extra = min(share, style.mm(items[index].grow_mm))
            heights[index] += extra
            spare -= extra
    rects = []
    y = rect.top()
    for height in heights:
        rects.append(QRectF(rect.left(), y, width, height))
        y += height
    return rects, y <= rect.bottom() + 0.5


def fit(
    painter: QPainter,
    items: Sequence[Item],
    rect: QRectF,
    style: Style,
    *,
    floor: float = 0.6,
    step: float = 0.95,
) -> tuple[Style, list[QRectF], bool]:
    """Lay ``items`` out in ``rect``, shrinking the scale step by step (down to ``floor``)
    until they fit; returns the style used, the rectangles and whether they fit."""
    scale = style.scale
    while True:
        current = replace(style, scale=scale)
        rects, fits = layout(painter, items, rect, current)
        if fits or scale <= floor:
            return current, rects, fits
        scale = max(floor, scale * step)


def paint_stack(
    painter: QPainter, items: Sequence[Item], rects: Sequence[QRectF], style: Style
) -> None:
    for item, rect in zip(items, rects, strict=True):
        item.paint(painter, rect, style)
