"""The dashboard: progress towards the year's target, the participants' months (active,
unpaid, lapsed, ended) and the year's work on them (payments, BPJS's invoice, renewal, the
year's target and budget), where and who the registered workers are, what they cost the
budget, the officers' work and the weekly time line, from the local database.

The page lays out the cards (`ui.dashboard`) and reads their figures. The progress, places
and budget (`models.dashboard.overview`) are read on the GUI thread when the page is shown;
the people, officers and time line (`models.dashboard.details`) on a worker thread right
after, with the coverage of the last twelve months (`app.programme_year.dashboard_months`;
not on an officer's laptop, which holds no payments), so the page appears at once even
with 500,000 registrations. Every figure is
clickable: a card says what was clicked (a `models.dashboard.Click`), the page emits
``filter_requested`` with its `RecordFilter` (`models.dashboard.click_filter`; its ``label``
says what was clicked) and the main window shows the records list filtered to it. The page
re-reads only when shown after a change (`mark_stale`). The summary for the Bupati is the
`SummaryButton`'s.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.programme_year import DashboardMonths, dashboard_months, year_plan
from models import dashboard as figures
from models.dashboard import Click, Figure, OfficerFigure
from models.db import database_path
from models.formatting import arg
from models.identity import actor_name, load_identity
from models.regions import Regions, default_regions
from models.settings import load_settings
from ui.dashboard.budget_card import BudgetCard
from ui.dashboard.coverage_card import CoverageCard
from ui.dashboard.officers_card import OfficersCard
from ui.dashboard.people_cards import GroupsCard, SexAgeCard
from ui.dashboard.places_card import PlacesCard
from ui.dashboard.progress_card import ProgressCard
from ui.dashboard.summary_button import SummaryButton
from ui.dashboard.timeline_card import TimelineCard
from ui.dashboard.widgets import kecamatan_name
from ui.i18n import labels
from ui.i18n.formats import tanggal
from ui.worker import Worker


class DashboardPage(QWidget):
    """The first screen: the programme's figures at a glance."""

    filter_requested = Signal(object)  # a RecordFilter with its label
    details_loaded = Signal()
    print_requested = Signal(object)  # a PrintRequest (the renewal list)

    def __init__(self, db, regions: Regions | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.regions = regions or default_regions()
        self.today = date.today  # replaced by tests
        self.utc_offset_hours = figures.local_utc_offset()
        self.regency_code = ""
        self.overview: figures.Overview | None = None
        self.details: figures.Details | None = None
        self.months: DashboardMonths | None = None
        self._read_on: date | None = None  # the "today" of the figures shown
        self._stale = True
        self._generation = 0
        self._worker: Worker | None = None
        self._build()

    def _build(self) -> None:
        self.heading = QLabel(objectName="dashboard_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.as_of = QLabel(objectName="as_of")
        self.refresh_button = QPushButton(self.tr("Muat ulang"), objectName="refresh_button")
        self.refresh_button.clicked.connect(self.refresh)
        self.summary_button = SummaryButton(self)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.as_of)
        top.addLayout(titles, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.summary_button)

        self.progress_card = ProgressCard()
        self.coverage_card = CoverageCard(self.regions)
        self.coverage_card.action_requested.connect(self.open_action)
        self.budget_card = BudgetCard()
        self.groups_card = GroupsCard()
        self.places_card = PlacesCard(self.regions)
        self.sex_age_card = SexAgeCard()
        self.timeline_card = TimelineCard()
        self.officers_card = OfficersCard()
        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self.progress_card, 0, 0, 1, 2)
        grid.addWidget(self.coverage_card, 1, 0, 1, 2)
        grid.addWidget(self.budget_card, 2, 0)
        grid.addWidget(self.groups_card, 2, 1)
        grid.addWidget(self.places_card, 3, 0, 1, 2)
        grid.addWidget(self.sex_age_card, 4, 0)
        grid.addWidget(self.timeline_card, 4, 1)
        grid.addWidget(self.officers_card, 5, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        for card in (self.progress_card, self.budget_card, self.groups_card, self.places_card,
                     self.sex_age_card, self.timeline_card, self.officers_card):  # fmt: skip
            card.clicked.connect(self.open_figure)

        content = QWidget(objectName="dashboard_content")
        content.setStyleSheet("#dashboard_content { background: #f3f5f7; }")
        inner = QVBoxLayout(content)
        inner.addLayout(top)
        inner.addLayout(grid)
        inner.addStretch(1)
        scroll = QScrollArea(objectName="dashboard_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # --- reading ---------------------------------------------------------------------------

    def mark_stale(self) -> None:
        """Registrations changed: read again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the overview now and the details on a worker thread."""
        self._stale = False
        self._generation += 1
        today = self.today()
        settings = load_settings(self.db)
        # The target of this fiscal year (the settings' when the year is not set).
        target = year_plan(self.db, today.year).target
        self.overview = figures.overview(self.db, today=today, target=target)
        self.details = None  # until the worker brings the ones of this read
        self.months = None
        self._role = getattr(load_identity(self.db), "role", "")
        self.coverage_card.setVisible(self._role != "officer")
        self.coverage_card.set_district(self._role == "district")
        self._read_on = today
        self.regency_code = settings.regency_code
        self._show_overview(today)
        self._start_details(self._generation, today)

    def _start_details(self, generation: int, today: date) -> None:
        offset = self.utc_offset_hours
        months = self._role != "officer"
        worker = Worker(
            database_path(self.db),
            lambda db, progress, cancelled: (
                figures.details(db, today=today, utc_offset_hours=offset),
                dashboard_months(db, today) if months else None,
            ),
        )
        relay = _Relay(self, generation)
        worker.signals.finished.connect(relay.finished)
        worker.signals.failed.connect(relay.failed)
        self._worker, self._relay = worker, relay  # keep both alive until they report
        QThreadPool.globalInstance().start(worker)

    def _details_arrived(self, generation: int, found: tuple) -> None:
        if generation != self._generation:
            return  # an older read finished after a newer one started
        details, self.months = found
        if self.months is not None and self.months.months:
            self.coverage_card.set_months(self.months.months)
            self.coverage_card.set_warnings(self.months.months[-1], self.months.warnings)
        self.details = details
        self.groups_card.set_people(details.people)
        self.sex_age_card.set_people(details.people)
        self.timeline_card.set_weeks(details.weeks, details.future)
        self.officers_card.set_officers(details.officers)
        self.details_loaded.emit()

    def _details_failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.officers_card.note.setText(arg(self.tr("Rincian tidak bisa dibaca: %1"), exc))

    def _show_overview(self, today: date) -> None:
        regency = self.regions.regency_name(self.regency_code).title() or self.regency_code
        self.heading.setText(arg(self.tr("Capaian kepesertaan — %1"), regency))
        self.as_of.setText(arg(self.tr("Per %1, dari basis data di komputer ini"), tanggal(today)))
        self.progress_card.set_progress(self.overview.progress)
        self.budget_card.set_budget(self.overview.budget)
        self.places_card.set_places(self.overview, self.regency_code)

    # --- the programme's year ------------------------------------------------------------

    def open_action(self, action: str) -> None:
        """A button of the coverage card: payments, the invoice, renewal, the year's plan."""
        from ui.programme.fiscal_year_dialog import FiscalYearDialog
        from ui.programme.payment_dialog import PaymentDialog
        from ui.programme.reconciliation_dialog import ReconciliationDialog
        from ui.programme.renewal_dialog import RenewalDialog

        today = self.today()
        actor = actor_name(self.db)
        if action == "payment":
            dialog = PaymentDialog(self.db, actor, self.regions, self.regency_code, today, self)
        elif action == "reconcile":
            dialog = ReconciliationDialog(self.db, self.regions, today, self)
        elif action == "renewal":
            dialog = RenewalDialog(self.db, self.regions, today, self)
            dialog.print_requested.connect(self.print_requested)
        else:
            dialog = FiscalYearDialog(self.db, actor, today, self)
        self.dialog = dialog  # tests reach the open dialog here
        dialog.exec()
        self.dialog = None
        if getattr(dialog, "recorded", 0) or getattr(dialog, "changed", False):
            self.mark_stale()

    def shown_figures(self) -> figures.Dashboard | None:
        """The figures on screen, when both parts are in and nothing changed since."""
        if self._stale or self.overview is None or self.details is None:
            return None
        return figures.Dashboard(
            self.overview, self.details, self._read_on or self.today(), self.utc_offset_hours
        )

    # --- click-through ---------------------------------------------------------------------

    def open_figure(self, click: Click) -> None:
        """Ask for the records list filtered to the clicked figure, under its name. The
        figures are those read on ``_read_on``: an age band or "this week" means that day's."""
        record_filter = figures.click_filter(
            click, today=self._read_on or self.today(), utc_offset_hours=self.utc_offset_hours
        )
        self.filter_requested.emit(figures.with_label(record_filter, self.figure_name(click)))

    def figure_name(self, click: Click) -> str:
        """What the records list calls the clicked figure (shown above the list)."""
        key = click.key
        match click.figure:
            case Figure.COUNTED:
                return self.tr("terhitung dalam capaian")
            case Figure.FUTURE:
                return self.tr("bertanggal setelah minggu ini")
            case Figure.STATUS:
                return labels.status_labels().get(key, key)
            case Figure.FUNDING:
                return arg(self.tr("sumber iuran %1"), labels.funding_labels().get(key, key))
            case Figure.PLACE:
                return self._place_name(key, click.part)
            case Figure.GROUP:
                return labels.target_group_labels().get(key, key or self.tr("tanpa kelompok"))
            case Figure.SEX:
                return {"L": self.tr("laki-laki"), "P": self.tr("perempuan")}.get(key, key)
            case Figure.AGE:
                return arg(self.tr("umur %1"), self.sex_age_card.age_label(key))
            case Figure.WEEK:
                return arg(self.tr("minggu mulai %1"), tanggal(date.fromisoformat(key)))
        return self._officer_figure_name(key, click.part)

    def _place_name(self, kecamatan: str, village: str) -> str:
        if not kecamatan and not village:
            return self.tr("tanpa desa")
        if village:
            found = self.regions.village(village)
            return arg(self.tr("desa %1"), found.name.title() if found else village)
        return arg(self.tr("kecamatan %1"), kecamatan_name(self.regions, kecamatan))

    def _officer_figure_name(self, officer: str, part: str) -> str:
        texts = {
            OfficerFigure.DRAFTS: self.tr("draf petugas %1"),
            OfficerFigure.WARNED: self.tr("peringatan petugas %1"),
            OfficerFigure.FLAGGED: self.tr("draf/peringatan petugas %1"),
            OfficerFigure.CONFLICTS: self.tr("konflik dari data petugas %1"),
        }
        return arg(texts.get(part, self.tr("petugas %1")), officer or self.tr("(tanpa nama)"))


class _Relay(QObject):
    """Hands a worker's result to the page on the GUI thread, with the read's number."""

    def __init__(self, page: DashboardPage, generation: int):
        super().__init__(page)
        self.page, self.generation = page, generation

    def finished(self, details) -> None:
        self.page._details_arrived(self.generation, details)

    def failed(self, exc) -> None:
        self.page._details_failed(self.generation, exc)
