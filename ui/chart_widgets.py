"""The dashboard's clickable chart widgets: they paint with `ui.printing.charts`, the same
functions that draw the printed summary, and turn a click into the key of the figure."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.printing.charts import MUTED, Bar, Hits, paint_hbars, paint_stacked, paint_vbars


class BarChart(QWidget):
    """A clickable bar chart: ``clicked(key)`` when a bar is clicked."""

    clicked = Signal(str)

    def __init__(self, vertical: bool = False, parent: QWidget | None = None, objectName=""):
        super().__init__(parent)
        self.setObjectName(objectName)
        self.vertical = vertical
        self.bars: list[Bar] = []
        self.tooltips: dict[str, str] = {}
        self.label_share = 0.38
        self._hits: Hits = []
        self._hover: str | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: list[Bar], tooltips: dict[str, str] | None = None) -> None:
        self.bars = bars
        self.tooltips = tooltips or {}
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        if self.vertical:
            return QSize(360, 170)
        return QSize(360, max(60, 24 * len(self.bars) + 8))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 120 if self.vertical else max(40, 20 * len(self.bars)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        if not self.bars:
            painter.setPen(MUTED)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("Belum ada data"))
            self._hits = []
        elif self.vertical:
            every = max(1, len(self.bars) // 12 + (1 if len(self.bars) % 12 else 0))
            self._hits = paint_vbars(painter, area, self.bars, self.font(), hover=self._hover,
                                     label_every=every)  # fmt: skip
        else:
            self._hits = paint_hbars(painter, area, self.bars, self.font(), hover=self._hover,
                                     label_share=self.label_share)  # fmt: skip
        painter.end()

    def key_at(self, point: QPointF) -> str | None:
        return next((key for rect, key in self._hits if rect.contains(point)), None)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        key = self.key_at(event.position())
        if key != self._hover:
            self._hover = key
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if key is not None else Qt.CursorShape.ArrowCursor
            )
            self.update()
        if key is not None and key in self.tooltips:
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltips[key], self)

    def leaveEvent(self, event) -> None:
        self._hover = None
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            key = self.key_at(event.position())
            if key is not None:
                self.clicked.emit(key)


class StackedBar(QWidget):
    """Progress towards a whole, by segment; ``clicked(key)`` on a segment."""

    clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None, objectName=""):
        super().__init__(parent)
        self.setObjectName(objectName)
        self.segments: list[Bar] = []
        self.whole = 1
        self._hits: Hits = []
        self.setMinimumHeight(28)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_segments(self, segments: list[Bar], whole: int) -> None:
        self.segments, self.whole = segments, whole
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, 28)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._hits = paint_stacked(painter, QRectF(self.rect()), self.segments, self.whole)
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        key = next((k for rect, k in self._hits if rect.contains(event.position())), None)
        if key is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(key)
