"""The dashboard's cards of who the counted workers are: their target groups, and their sexes
and age bands. Each bar lists its registrations."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from models.dashboard import Click, Figure, People
from ui.dashboard.widgets import Bar, BarChart, Card
from ui.i18n import labels


class GroupsCard(Card):
    """The card "Kelompok sasaran": a bar per target group, the largest first."""

    clicked = Signal(object)  # a models.dashboard.Click

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title.setText(self.tr("Kelompok sasaran"))
        self.chart = BarChart(objectName="groups_chart")
        # "Usaha mikro dan kecil (UMKM)" whole on a 1366x768 screen at 125 %.
        self.chart.label_share = 0.46
        self.chart.clicked.connect(lambda key: self.clicked.emit(Click(Figure.GROUP, key)))
        self.body.addWidget(self.chart, 1)

    def set_people(self, people: People) -> None:
        groups = labels.target_group_labels()
        self.chart.set_bars(
            [
                Bar(k, groups.get(k, k or self.tr("Tidak diisi")), n)
                for k, n in people.by_group.items()
            ]
        )


class SexAgeCard(Card):
    """The card "Jenis kelamin dan umur": a bar per sex, a column per age band."""

    clicked = Signal(object)  # a models.dashboard.Click

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title.setText(self.tr("Jenis kelamin dan umur"))
        self.sex_chart = BarChart(objectName="sex_chart")
        self.sex_chart.label_share = 0.3
        self.sex_chart.clicked.connect(lambda key: self.clicked.emit(Click(Figure.SEX, key)))
        self.sex_chart.setMaximumHeight(70)
        self.age_chart = BarChart(vertical=True, objectName="age_chart")
        self.age_chart.clicked.connect(lambda key: self.clicked.emit(Click(Figure.AGE, key)))
        self.body.addWidget(self.sex_chart)
        self.body.addWidget(self.age_chart, 1)

    def age_label(self, key: str) -> str:
        """An age band's name (`models.dashboard.AGE_BANDS` keys; "" for unknown)."""
        return {"<25": self.tr("< 25"), "55+": self.tr("55 +"), "": self.tr("?")}.get(key, key)

    def set_people(self, people: People) -> None:
        sexes = {"L": self.tr("Laki-laki"), "P": self.tr("Perempuan")}
        self.sex_chart.set_bars(
            [Bar(k, sexes.get(k, k or self.tr("Tidak diisi")), n) for k, n in people.by_sex.items()]
        )
        self.age_chart.set_bars([Bar(k, self.age_label(k), n) for k, n in people.by_age.items()])
