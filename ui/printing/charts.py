"""Bar charts painted with QPainter: for the dashboard's widgets (`ui.chart_widgets`) and its
printed summary alike.

The painting functions take a painter, a rectangle and the fonts, so the same chart is drawn
on a screen widget and on a PDF page (`ui.printing.summary`). Each returns the rectangles of
its bars with their keys, which the widgets use to turn a click into a figure's key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from ui.i18n.formats import thousands

#: Colours for bars (a calm blue first) and for the statuses of the progress bar.
BAR = QColor(46, 109, 164)
BAR_HOVER = QColor(24, 76, 122)
TRACK = QColor(232, 236, 240)
TEXT = QColor(33, 37, 41)
MUTED = QColor(100, 106, 112)
STATUS_COLOURS = {
    "registered": QColor(30, 132, 73),
    "submitted": QColor(72, 166, 102),
    "received": QColor(46, 109, 164),
    "exported": QColor(96, 152, 204),
    "ready": QColor(150, 190, 226),
    "draft": QColor(200, 200, 200),
    "rejected": QColor(192, 57, 43),
}


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    value: int
    colour: QColor | None = None  # None: the usual blue


Hits = list[tuple[QRectF, str]]


def _elide(painter: QPainter, text: str, width: float) -> str:
    return painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(int(width), 0))


def paint_hbars(
    painter: QPainter,
    rect: QRectF,
    bars: Sequence[Bar],
    font: QFont,
    *,
    hover: str | None = None,
    value_text: Callable[[int], str] = thousands,
    label_share: float = 0.38,
) -> Hits:
    """Horizontal bars, one row each: label, bar scaled to the largest value, the value."""
    hits: Hits = []
    if not bars:
        return hits
    painter.save()
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    row = rect.height() / len(bars)
    label_width = rect.width() * label_share
    widest_value = max(metrics.horizontalAdvance(value_text(b.value)) for b in bars)
    gap = metrics.averageCharWidth()
    bar_left = rect.left() + label_width + gap
    bar_room = max(rect.right() - bar_left - widest_value - gap, 1.0)
    top_value = max(max(b.value for b in bars), 1)
    thickness = min(row * 0.62, metrics.height() * 1.1)
    for index, bar in enumerate(bars):
        y = rect.top() + index * row
        middle = y + row / 2
        painter.setPen(TEXT)
        label_rect = QRectF(rect.left(), y, label_width, row)
        painter.drawText(
            label_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            _elide(painter, bar.label, label_width),
        )
        painter.fillRect(QRectF(bar_left, middle - thickness / 2, bar_room, thickness), TRACK)
        length = bar_room * bar.value / top_value
        colour = BAR_HOVER if bar.key == hover else (bar.colour or BAR)
        painter.fillRect(QRectF(bar_left, middle - thickness / 2, length, thickness), colour)
        painter.setPen(TEXT)
        painter.drawText(
            QRectF(bar_left + length + gap / 2, y, widest_value + gap, row),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            value_text(bar.value),
        )
        hits.append((QRectF(rect.left(), y, rect.width(), row), bar.key))
    painter.restore()
    return hits


def paint_vbars(
    painter: QPainter,
    rect: QRectF,
    bars: Sequence[Bar],
    font: QFont,
    *,
    hover: str | None = None,
    label_every: int = 1,
    values: bool = True,
) -> Hits:
    """Columns with their label below (every ``label_every``-th) and value above."""
    hits: Hits = []
    if not bars:
        return hits
    painter.save()
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    line = metrics.height()
    widest = max(metrics.horizontalAdvance(thousands(b.value)) for b in bars)
    values = values and widest <= rect.width() / len(bars)  # only where they fit
    plot = QRectF(rect.left(), rect.top() + (line if values else 0), rect.width(),
                  rect.height() - line * (2.2 if values else 1.2))  # fmt: skip
    slot = rect.width() / len(bars)
    width = min(slot * 0.7, rect.width() / 8)  # one or two bars stay bars, not walls
    top_value = max(max(b.value for b in bars), 1)
    painter.setPen(MUTED)
    painter.drawLine(QPointF(rect.left(), plot.bottom()), QPointF(rect.right(), plot.bottom()))
    for index, bar in enumerate(bars):
        x = rect.left() + index * slot + (slot - width) / 2
        height = plot.height() * bar.value / top_value
        colour = BAR_HOVER if bar.key == hover else (bar.colour or BAR)
        painter.fillRect(QRectF(x, plot.bottom() - height, width, height), colour)
        painter.setPen(TEXT)
        if values and bar.value:
            painter.drawText(
                QRectF(x - slot, plot.bottom() - height - line, width + 2 * slot, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                thousands(bar.value),
            )
        if index % max(label_every, 1) == 0:
            # As wide as the label, centred under its bar but kept inside the chart: a
            # rectangle of the bar's slot would clip "05/01" to ")5/01" on a long time line.
            painter.setPen(MUTED)
            label_width = metrics.horizontalAdvance(bar.label) + 2
            left = x + width / 2 - label_width / 2
            left = max(rect.left(), min(left, rect.right() - label_width))
            painter.drawText(
                QRectF(left, plot.bottom() + line * 0.1, label_width, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                bar.label,
            )
        hits.append((QRectF(rect.left() + index * slot, rect.top(), slot, rect.height()), bar.key))
    painter.restore()
    return hits


def paint_stacked(
    painter: QPainter, rect: QRectF, segments: Sequence[Bar], whole: int, *, hover: str = ""
) -> Hits:
    """One bar of ``whole`` units filled left to right by ``segments`` (capped at the
    whole), over a light track: progress towards a target by status."""
    hits: Hits = []
    painter.save()
    painter.fillRect(rect, TRACK)
    x = rect.left()
    whole = max(whole, 1)
    for segment in segments:
        width = min(rect.width() * segment.value / whole, rect.right() - x)
        if width <= 0:
            continue
        colour = BAR_HOVER if segment.key == hover else (segment.colour or BAR)
        painter.fillRect(QRectF(x, rect.top(), width, rect.height()), colour)
        hits.append((QRectF(x, rect.top(), width, rect.height()), segment.key))
        x += width
    painter.restore()
    return hits
