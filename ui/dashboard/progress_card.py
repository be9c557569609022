"""The dashboard's first card: progress towards the target. The counted registrations
against the target, those BPJS registered, and every status, each of them clickable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from models.dashboard import COUNTED_STATUSES, Click, Figure, Progress
from models.formatting import arg
from ui.dashboard.widgets import STATUS_COLOURS, Bar, Card, StackedBar, note_label, percent
from ui.i18n import labels
from ui.i18n.formats import thousands


def _link_button(name: str, scale: float, style: str) -> QPushButton:
    """A flat, bold button that reads like a line of text (a figure to click through)."""
    button = QPushButton(objectName=name)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet(style)
    font = button.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    button.setFont(font)
    return button


class ProgressCard(Card):
    """The card "Capaian terhadap target": the headline, the registered line, the status bar and a
    button per status."""

    clicked = Signal(object)  # a models.dashboard.Click

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title.setText(self.tr("Capaian terhadap target"))
        self.headline = _link_button("headline", 1.6, "text-align: left; padding: 0;")
        self.headline.clicked.connect(lambda: self.clicked.emit(Click(Figure.COUNTED)))
        colour = STATUS_COLOURS["registered"].darker(130).name()
        self.registered_line = _link_button(
            "registered_line", 1.25, f"text-align: left; padding: 0; color: {colour};"
        )
        self.registered_line.clicked.connect(lambda: self._status_clicked("registered"))
        self.progress_bar = StackedBar(objectName="progress_bar")
        self.progress_bar.clicked.connect(self._status_clicked)
        self.explain = note_label("progress_explain")
        status_row = QHBoxLayout()
        self.status_buttons: dict[str, QPushButton] = {}
        for status, text in labels.status_labels().items():
            button = QPushButton(objectName=f"status_{status}")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            colour = STATUS_COLOURS[status].name()
            button.setStyleSheet(
                f"QPushButton {{ border: none; border-left: 10px solid {colour};"
                " padding: 2px 8px; text-align: left; }"
                " QPushButton:hover { text-decoration: underline; }"
            )
            button.setProperty("label", text)
            button.clicked.connect(lambda _=False, s=status: self._status_clicked(s))
            self.status_buttons[status] = button
            status_row.addWidget(button)
        status_row.addStretch(1)
        self.body.addWidget(self.headline)
        self.body.addWidget(self.registered_line)
        self.body.addWidget(self.progress_bar)
        self.body.addLayout(status_row)
        self.body.addWidget(self.explain)

    def _status_clicked(self, status: str) -> None:
        self.clicked.emit(Click(Figure.STATUS, status))

    def set_progress(self, p: Progress) -> None:
        self.headline.setText(
            arg(self.tr("%1 dari %2 pekerja terdata (%3)"),
                thousands(p.counted), thousands(p.target), percent(p.percent))
        )  # fmt: skip
        self.registered_line.setText(
            arg(self.tr("%1 sudah terdaftar di BPJS (punya KPJ): %2 dari target"),
                thousands(p.registered), percent(p.registered_percent))
        )  # fmt: skip
        segments = [
            Bar(s, labels.status_labels()[s], p.by_status.get(s, 0), STATUS_COLOURS[s])
            for s in reversed(COUNTED_STATUSES)
        ]
        self.progress_bar.set_segments(segments, max(p.target, p.counted))
        for status, button in self.status_buttons.items():
            button.setText(f"{button.property('label')}: {thousands(p.by_status.get(status, 0))}")
        self.explain.setText(
            arg(
                self.tr(
                    "Terdata: pendaftaran yang belum dihapus, bukan draf dan tidak ditolak BPJS "
                    "(siap kirim, diekspor, diterima, diajukan, terdaftar). Terlindungi baru "
                    "yang sudah terdaftar di BPJS. Target %1 dari pengaturan."
                ),
                thousands(p.target),
            )
        )
