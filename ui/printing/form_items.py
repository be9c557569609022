"""The items a printed registration form is built of: choices with tick boxes, character
boxes for a NIK, labelled cells and rows of them, section headings, signature blocks and the
letterhead. Each measures itself (``height``) and paints itself (``paint``) like every item of
`ui.printing.drawing`, which lays them out on the page."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter

from ui.printing.drawing import (
    GREY,
    INK,
    RULE,
    Item,
    Style,
    checkbox,
    draw_qr,
    draw_text,
    text_height,
)


class Choices:
    """Options with a checkbox each, in as many equal columns as fit the width."""

    grow_mm = 0.0

    def __init__(self, options: Sequence[str], checked: Collection[int] = (), points: float = 8.0):
        self.options = list(options)
        self.checked = set(checked)
        self.points = points

    def _grid(self, painter: QPainter, width: float, style: Style):
        """(columns, column width, text width, height of each grid row)."""
        font = style.font(self.points)
        painter.setFont(font)
        metrics = QFontMetricsF(font, painter.device())
        box, gap = style.mm(3.2), style.mm(1.5)
        widest = max(metrics.horizontalAdvance(option) for option in self.options)
        # Each column: the box, a gap, the widest option, and a gap before the next column.
        columns = max(1, min(len(self.options), int(width // (box + widest + 2 * gap))))
        column = width / columns
        text_width = column - box - 2 * gap
        rows = []
        for start in range(0, len(self.options), columns):
            line = self.options[start : start + columns]
            tallest = max(text_height(painter, option, font, text_width) for option in line)
            rows.append(max(tallest, box) + style.mm(0.8))
        return columns, column, text_width, rows

    def height(self, painter: QPainter, width: float, style: Style) -> float:
        return sum(self._grid(painter, width, style)[3])

    def paint(self, painter: QPainter, rect: QRectF, style: Style) -> None:
        columns, column, text_width, rows = self._grid(painter, rect.width(), style)
        font = style.font(self.points)
        box, gap = style.mm(3.2), style.mm(1.5)
        line_height = QFontMetricsF(font, painter.device()).lineSpacing()
        y = rect.top()
        for number, option in enumerate(self.options):
            row, col = divmod(number, columns)
            if col == 0 and row:
                y += rows[row - 1]
            x = rect.left() + col * column
            square = QRectF(x, y + max(0.0, (line_height - box) / 2), box, box)
            checkbox(painter, square, number in self.checked, style)
            text_rect = QRectF(x + box + gap, y, text_width, rows[row])
            draw_text(painter, text_rect, option, font)


class Boxes:
    """One box per character (NIK, dates, postal codes), in groups with a separator between.

    ``groups`` (2, 2, 4) with separator "-" is a date; the boxes shrink to fit the width.
    ``text`` fills the boxes one character each (empty boxes are for handwriting).
    """

    grow_mm = 0.0

    def __init__(
        self,
        groups: Sequence[int],
        text: str = "",
        separator: str = "",
        size_mm: float = 5.0,
        points: float = 10.0,
    ):
        self.groups = list(groups)
        self.text = text
        self.separator = separator
        self.size_mm = size_mm
        self.points = points

    def _size(self, width: float, style: Style) -> float:
        count = sum(self.groups)
        separators = (len(self.groups) - 1) * 0.6  # in box widths
        return min(style.mm(self.size_mm), width / (count + separators))

    def height(self, painter: QPainter, width: float, style: Style) -> float:
        return self._size(width, style)

    def paint(self, painter: QPainter, rect: QRectF, style: Style) -> None:
        size = self._size(rect.width(), style)
        font = style.font(self.points)
        characters = iter(self.text)
        x = rect.left()
        centre = Qt.AlignmentFlag.AlignCenter
        for number, count in enumerate(self.groups):
            if number:
                gap = QRectF(x, rect.top(), 0.6 * size, size)
                draw_text(painter, gap, self.separator, font, alignment=centre, color=GREY)
                x += 0.6 * size
            for _ in range(count):
                box = QRectF(x, rect.top(), size, size)
                painter.setPen(style.pen(GREY, 0.25))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(box)
                draw_text(painter, box, next(characters, ""), font, alignment=centre)
                x += size


@dataclass
class Cell:
    """A box with a small label in its top-left corner and content under it."""

    label: str
    content: Item
    weight: float = 1.0  # share of the row's width


class Row:
    """Labelled boxes side by side, as on a paper form; grows by up to ``grow_mm`` when the
    page has room (more room to write in)."""

    PADDING_MM = 1.2
    LABEL_POINTS = 6.5

    def __init__(self, cells: Sequence[Cell], grow_mm: float = 2.0):
        self.cells = list(cells)
        self.grow_mm = grow_mm

    def _widths(self, width: float) -> list[float]:
        total = sum(cell.weight for cell in self.cells)
        return [width * cell.weight / total for cell in self.cells]

    def _label_height(self, painter: QPainter, cell: Cell, width: float, style: Style) -> float:
        return text_height(painter, cell.label, style.font(self.LABEL_POINTS), width)

    def height(self, painter: QPainter, width: float, style: Style) -> float:
        pad = style.mm(self.PADDING_MM)
        tallest = 0.0
        for cell, cell_width in zip(self.cells, self._widths(width), strict=True):
            inner = cell_width - 2 * pad
            tallest = max(
                tallest,
                self._label_height(painter, cell, inner, style)
                + style.mm(0.6)
                + cell.content.height(painter, inner, style),
            )
        return tallest + 2 * pad

    def paint(self, painter: QPainter, rect: QRectF, style: Style) -> None:
        pad = style.mm(self.PADDING_MM)
        x = rect.left()
        for cell, cell_width in zip(self.cells, self._widths(rect.width()), strict=True):
            painter.setPen(style.pen())
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(x, rect.top(), cell_width, rect.height()))
            inner = cell_width - 2 * pad
            label_height = self._label_height(painter, cell, inner, style)
            label = QRectF(x + pad, rect.top() + pad, inner, label_height)
            draw_text(painter, label, cell.label, style.font(self.LABEL_POINTS), color=GREY)
            top = label.bottom() + style.mm(0.6)
            cell.content.paint(
                painter, QRectF(x + pad, top, inner, rect.bottom() - pad - top), style
            )
            x += cell_width


class Heading:
    """A bold section heading with a thin grey rule under it."""

    grow_mm = 0.0

    def __init__(self, text: str, points: float = 9.5, space_above_mm: float = 2.2):
        self.text = text
        self.points = points
        self.space_above_mm = space_above_mm

    def height(self, painter: QPainter, width: float, style: Style) -> float:
        font = style.font(self.points, bold=True)
        return style.mm(self.space_above_mm + 0.8) + text_height(painter, self.text, font, width)

    def paint(self, painter: QPainter, rect: QRectF, style: Style) -> None:
        font = style.font(self.points, bold=True)
        text = QRectF(rect.left(), rect.top() + style.mm(self.space_above_mm), rect.width(), 0)
        text.setHeight(text_height(painter, self.text, font, rect.width()))
        draw_text(painter, text, self.text, font)
        # On the bottom edge, so a row of boxes that follows shares it as its top edge.
        painter.setPen(style.pen(RULE, 0.3))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())


@dataclass
class Signer:
    """One signature box: who signs (caption) and the name printed under the line."""

    caption: str
    name: str = ""


class Signatures:
    """Signature boxes side by side, "<place>, <date>" above them on the right."""

    SIGN_MM = 18.0  # room for the signature itself

    def __init__(
        self,
        place_date: str,
        signers: Sequence[Signer],
        points: float = 8.5,
        grow_mm: float = 15.0,
    ):
        self.place_date = place_date
        self.signers = list(signers)
        self.points = points
        self.grow_mm = grow_mm

    def _parts(self, painter: QPainter, width: float, style: Style):
        font = style.font(self.points)
        gap = style.mm(4)
        box = (width - gap * (len(self.signers) - 1)) / len(self.signers)
        inner = box - style.mm(4)
        heading = text_height(painter, self.place_date, font, width)
        captions = max(text_height(painter, s.caption, font, inner) for s in self.signers)
        names = max(text_height(painter, _bracketed(s.name), font, inner) for s in self.signers)
        return font, gap, box, inner, heading, captions, names

    def height(self, painter: QPainter, width: float, style: Style) -> float:
        _, _, _, _, heading, captions, names = self._parts(painter, width, style)
        return heading + style.mm(1.5) + captions + style.mm(self.SIGN_MM + 3) + names

    def paint(self, painter: QPainter, rect: QRectF, style: Style) -> None:
        font, gap, box, inner, heading, captions, names = self._parts(painter, rect.width(), style)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        place = QRectF(rect.left(), rect.top(), rect.width(), heading)
        draw_text(painter, place, self.place_date, font, alignment=right)
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        top = rect.top() + heading + style.mm(1.5)
        for number, signer in enumerate(self.signers):
            x = rect.left() + number * (box + gap)
            frame = QRectF(x, top, box, rect.bottom() - top)
            painter.setPen(style.pen())
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(frame)
            left = x + style.mm(2)
            caption = QRectF(left, top + style.mm(1), inner, captions)
            draw_text(painter, caption, signer.caption, font, alignment=centre)
            line_y = frame.bottom() - style.mm(1.5) - names
            painter.setPen(style.pen(GREY, 0.25))
            painter.drawLine(QPointF(left, line_y), QPointF(left + inner, line_y))
            name = QRectF(left, line_y + style.mm(0.5), inner, names)
            draw_text(painter, name, _bracketed(signer.name), font, alignment=centre)


class Letterhead:
    """An official page head: the authority (bold), the programme, a double rule, the title
    and a subtitle; a QR code in the top right corner with a one-line caption under it.

    ``qr`` empty draws no code; ``qr_room`` keeps the corner free anyway (a blank form laid
    out like the filled one). The code is not scaled with a crowded page: it must stay easy
    to scan.
    """

    grow_mm = 0.0
    CAPTION_POINTS = 5.5

    def __init__(
        self,
        authority: str,
        programme: str,
        title: str,
        subtitle: str = "",
        *,
        qr: str = "",
        caption: str = "",
        qr_room: bool | None = None,
        qr_mm: float = 24.0,
    ):
        self.lines = [  # (text, points, bold, space above in mm); None: the double rule
            (authority, 12.5, True, 0.0),
            (programme, 8.5, False, 0.5),
            (None, 0.0, False, 2.6),
            (title, 11.0, True, 0.0),
            (subtitle, 9.0, False, 0.5),
        ]
        self.qr = qr
        self.caption = caption
        self.qr_mm = qr_mm if (bool(qr) if qr_room is None else qr_room) else 0.0

    def _layout(self, painter: QPainter, rect: QRectF, style: Style):
        """(the text lines' rects, the QR square, the caption's rect), all inside ``rect``;
        the rects' bottoms give the height."""
        side = self.qr_mm * style.per_mm
        column = rect.width() - (side + style.mm(4) if side else 0.0)
        y = rect.top()
        placed = []
        for text, points, bold, above in self.lines:
            y += style.mm(above)
            height = text_height(painter, text, style.font(points, bold), column) if text else 0.0
            placed.append(QRectF(rect.left(), y, column, height))
            y += height
        qr = QRectF(rect.right() - side, rect.top(), side, side)
        caption = QRectF(qr.bottomRight(), qr.bottomRight())
        if self.caption:
            # One line, right-aligned under the code (a UUID is wider than the code); below
            # the text when a long title reaches down that far.
            font = style.font(self.CAPTION_POINTS)
            metrics = QFontMetricsF(font, painter.device())
            width = min(rect.width(), metrics.horizontalAdvance(self.caption) * 1.05)
            top = qr.bottom() if width <= side + style.mm(4) or y <= qr.bottom() else y
            caption = QRectF(rect.right() - width, top, width, metrics.lineSpacing())
        return placed, qr, caption

    def height(self, painter: QPainter, width: float, style: Style) -> float:
        placed, _, caption = self._layout(painter, QRectF(0, 0, width, 0), style)
        bottom = max(placed[-1].bottom(), caption.bottom() if self.qr else 0.0)
        return bottom + style.mm(1)

    def paint(self, painter: QPainter, rect: QRectF, style: Style) -> None:
        placed, qr, caption = self._layout(painter, rect, style)
        for (text, points, bold, _), where in zip(self.lines, placed, strict=True):
            if text:
                draw_text(painter, where, text, style.font(points, bold))
            elif text is None:
                for offset, width in ((1.5, 0.6), (0.8, 0.2)):  # a thick and a thin rule
                    painter.setPen(style.pen(INK, width))
                    y = where.top() - style.mm(offset)
                    painter.drawLine(QPointF(where.left(), y), QPointF(where.right(), y))
        if self.qr:
            draw_qr(painter, qr, self.qr)
        if self.caption:
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
            font = style.font(self.CAPTION_POINTS)
            draw_text(painter, caption, self.caption, font, alignment=right, color=GREY)


def _bracketed(name: str) -> str:
    """The name under a signature line, in brackets as Indonesian forms print it."""
    return f"( {name} )" if name else "(" + " " * 40 + ")"
