"""The dashboard's time line: counted registrations per week (the last 52 at most), and a
note when some are dated after this week (a laptop with a wrong clock)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from models.dashboard import Click, Figure, Week
from models.formatting import arg
from ui.dashboard.widgets import Bar, BarChart, Card, note_label
from ui.i18n.formats import tanggal, thousands

#: The weeks the chart shows: a year's worth, the latest.
WEEKS_SHOWN = 52


class TimelineCard(Card):
    """The card "Pendaftaran per minggu"; a week's column, or the note's link, lists its
    registrations."""

    clicked = Signal(object)  # a models.dashboard.Click

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title.setText(self.tr("Pendaftaran per minggu"))
        self.chart = BarChart(vertical=True, objectName="timeline_chart")
        self.chart.clicked.connect(lambda key: self.clicked.emit(Click(Figure.WEEK, key)))
        self.future_note = note_label("future_note", "#8a5a00")
        self.future_note.linkActivated.connect(
            lambda _link: self.clicked.emit(Click(Figure.FUTURE))
        )
        self.future_note.hide()
        self.body.addWidget(self.chart, 1)
        self.body.addWidget(self.future_note)

    def set_weeks(self, weeks: list[Week], future: int) -> None:
        """``weeks`` up to this week; ``future``: counted registrations dated after it."""
        bars = [Bar(w.start.isoformat(), w.start.strftime("%d/%m"), w.counted) for w in weeks]
        tips = {
            w.start.isoformat(): arg(self.tr("Minggu %1 – %2: %3 pendaftaran"),
                                     tanggal(w.start), tanggal(w.end), thousands(w.counted))
            for w in weeks
        }  # fmt: skip
        self.chart.set_bars(bars[-WEEKS_SHOWN:], tips)
        if future:
            self.future_note.setText(
                arg(
                    self.tr(
                        "%1 pendaftaran bertanggal setelah minggu ini (jam laptop salah?) tidak "
                        'masuk grafik. <a href="future">Lihat</a>'
                    ),
                    thousands(future),
                )
            )
        self.future_note.setVisible(bool(future))
