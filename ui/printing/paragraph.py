"""Text laid out once to a width, for the documents that place their text themselves (the
village list, the receipt slip) rather than stacking `ui.printing.drawing` items: its height
and the width its words really take are known before anything is painted."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QPagedPaintDevice, QPainter, QTextLayout, QTextOption


class Paragraph:
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
        """Paint the paragraph with its top left corner at (``x``, ``y``)."""
        self.layout.draw(painter, QPointF(x, y))


def text_width(text: str, font: QFont, device: QPagedPaintDevice) -> float:
    """The width ``text`` takes on one line."""
    return Paragraph(text, font, 1e7, device).natural_width
