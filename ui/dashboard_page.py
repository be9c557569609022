"""The dashboard: progress towards the target, where and who the registered workers are, what
they cost the budget, the officers' work and the weekly time line, from the local database.

The progress, places and budget (`models.dashboard.overview`) are read on the GUI thread
when the page is shown; the people, officers and time line (`models.dashboard.details`)
on a worker thread right after, so the page appears at once even with 500,000
registrations. Every figure is clickable: the page emits ``filter_requested`` with a
`RecordFilter` (its ``label`` says what was clicked) and the main window shows the records
list filtered to it. The page re-reads only when shown after a change (`mark_stale`).

The summary for the Bupati (PDF or printer) uses the figures on screen when both parts are
in; otherwise it reads them on a worker thread behind a progress dialog (several seconds at
500,000 registrations).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import dashboard as figures
from models.db import database_path
from models.formatting import rupiah, tanggal, thousands
from models.regions import Regions, default_regions
from models.settings import load_settings
from models.store import RecordFilter
from printing.charts import STATUS_COLOURS, Bar
from ui import dialogs, labels
from ui.charts import BarChart, StackedBar
from ui.worker import Worker, run_with_progress

KEY = Qt.ItemDataRole.UserRole


def percent(value: float) -> str:
    """``12.345`` -> ``12,3 %`` (Indonesian decimal comma)."""
    return f"{value:.1f} %".replace(".", ",")


class Card(QFrame):
    """A titled panel of the dashboard."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#card { background: white; border: 1px solid #d7dce1; border-radius: 6px; }"
        )
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 10, 12, 10)
        self.body.addWidget(self.title)


def figure_table(headers: list[str], name: str) -> QTableWidget:
    """A small read-only table of figures; a click on a cell is a click-through."""
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(22)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setCursor(Qt.CursorShape.PointingHandCursor)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def cell(text: str, key: object = None, *, number: bool = False, bold: bool = False):
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    item.setData(KEY, key)
    return item


class DashboardPage(QWidget):
    """The first screen: the programme's figures at a glance."""

    filter_requested = Signal(object)  # a RecordFilter with its label
    details_loaded = Signal()

    def __init__(self, db, regions: Regions | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.regions = regions or default_regions()
        self.today = date.today  # replaced by tests
        self.utc_offset_hours = figures.local_utc_offset()
        self.overview: figures.Overview | None = None
        self.details: figures.Details | None = None
        self._read_on: date | None = None  # the "today" of the figures shown
        self._stale = True
        self._generation = 0
        self._worker: Worker | None = None
        self._build()

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(objectName="dashboard_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.as_of = QLabel(objectName="as_of")
        self.refresh_button = QPushButton(self.tr("Muat ulang"), objectName="refresh_button")
        self.refresh_button.clicked.connect(self.refresh)
        self.print_button = QPushButton(
            self.tr("Ringkasan untuk Bupati"), objectName="summary_button"
        )
        menu = QMenu(self.print_button)
        menu.addAction(self.tr("Simpan PDF…"), self.save_summary_pdf)
        menu.addAction(self.tr("Cetak…"), self.print_summary)
        self.print_button.setMenu(menu)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.as_of)
        top.addLayout(titles, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.print_button)

        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self._progress_card(), 0, 0, 1, 2)
        grid.addWidget(self._budget_card(), 1, 0)
        grid.addWidget(self._groups_card(), 1, 1)
        grid.addWidget(self._places_card(), 2, 0, 1, 2)
        grid.addWidget(self._sex_age_card(), 3, 0)
        grid.addWidget(self._timeline_card(), 3, 1)
        grid.addWidget(self._officers_card(), 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

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

    def _progress_card(self) -> Card:
        card = Card(self.tr("Capaian terhadap target"))
        self.headline = QPushButton(objectName="headline")
        self.headline.setFlat(True)
        self.headline.setCursor(Qt.CursorShape.PointingHandCursor)
        self.headline.setStyleSheet("text-align: left; padding: 0;")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.clicked.connect(self._counted_clicked)
        self.registered_line = QPushButton(objectName="registered_line")
        self.registered_line.setFlat(True)
        self.registered_line.setCursor(Qt.CursorShape.PointingHandCursor)
        colour = STATUS_COLOURS["registered"].darker(130).name()
        self.registered_line.setStyleSheet(f"text-align: left; padding: 0; color: {colour};")
        font = self.registered_line.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.registered_line.setFont(font)
        self.registered_line.clicked.connect(lambda: self._status_clicked("registered"))
        self.progress_bar = StackedBar(objectName="progress_bar")
        self.progress_bar.clicked.connect(self._status_clicked)
        self.explain = QLabel(objectName="progress_explain")
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("color: #555;")
        self.status_row = QHBoxLayout()
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
            self.status_row.addWidget(button)
        self.status_row.addStretch(1)
        card.body.addWidget(self.headline)
        card.body.addWidget(self.registered_line)
        card.body.addWidget(self.progress_bar)
        card.body.addLayout(self.status_row)
        card.body.addWidget(self.explain)
        return card

    def _budget_card(self) -> Card:
        card = Card(self.tr("Anggaran iuran"))
        self.budget_table = figure_table(
            [self.tr("Sumber iuran"), self.tr("Peserta"), self.tr("Per bulan"),
             self.tr("Per tahun")], "budget_table",
        )  # fmt: skip
        self.budget_table.cellClicked.connect(self._budget_clicked)
        self.budget_note = QLabel(objectName="budget_note")
        self.budget_note.setWordWrap(True)
        self.budget_note.setStyleSheet("color: #555;")
        card.body.addWidget(self.budget_table)
        card.body.addWidget(self.budget_note)
        card.body.addStretch(1)
        return card

    def _groups_card(self) -> Card:
        card = Card(self.tr("Kelompok sasaran"))
        self.groups_chart = BarChart(objectName="groups_chart")
        self.groups_chart.clicked.connect(self._group_clicked)
        card.body.addWidget(self.groups_chart, 1)
        return card

    def _places_card(self) -> Card:
        card = Card(self.tr("Sebaran per kecamatan dan desa"))
        row = QHBoxLayout()
        self.places_table = figure_table(
            [self.tr("Kecamatan / desa"), self.tr("Terdaftar"), self.tr("Bagian")], "places_table"
        )
        self.places_table.setMinimumHeight(300)
        self.places_table.cellClicked.connect(self._place_clicked)
        self.kecamatan_chart = BarChart(objectName="kecamatan_chart")
        self.kecamatan_chart.clicked.connect(lambda code: self._place(code, ""))
        row.addWidget(self.places_table, 1)
        row.addWidget(self.kecamatan_chart, 1, Qt.AlignmentFlag.AlignTop)
        card.body.addLayout(row)
        return card

    def _sex_age_card(self) -> Card:
        card = Card(self.tr("Jenis kelamin dan umur"))
        self.sex_chart = BarChart(objectName="sex_chart")
        self.sex_chart.label_share = 0.3
        self.sex_chart.clicked.connect(self._sex_clicked)
        self.sex_chart.setMaximumHeight(70)
        self.age_chart = BarChart(vertical=True, objectName="age_chart")
        self.age_chart.clicked.connect(self._age_clicked)
        card.body.addWidget(self.sex_chart)
        card.body.addWidget(self.age_chart, 1)
        return card

    def _timeline_card(self) -> Card:
        card = Card(self.tr("Pendaftaran per minggu"))
        self.timeline_chart = BarChart(vertical=True, objectName="timeline_chart")
        self.timeline_chart.clicked.connect(self._week_clicked)
        self.future_note = QLabel(objectName="future_note")
        self.future_note.setWordWrap(True)
        self.future_note.setStyleSheet("color: #8a5a00;")
        self.future_note.linkActivated.connect(self._future_clicked)
        self.future_note.hide()
        card.body.addWidget(self.timeline_chart, 1)
        card.body.addWidget(self.future_note)
        return card

    def _officers_card(self) -> Card:
        card = Card(self.tr("Kinerja petugas"))
        self.officers_table = figure_table(
            [self.tr("Petugas"), self.tr("Pendaftaran"), self.tr("Draf"),
             self.tr("Peringatan"), self.tr("Draf/peringatan"), self.tr("Konflik"),
             self.tr("Per hari aktif"), self.tr("Per minggu aktif"), self.tr("Hari aktif"),
             self.tr("Terakhir")], "officers_table",
        )  # fmt: skip
        self.officers_table.setMinimumHeight(160)
        self.officers_table.cellClicked.connect(self._officer_clicked)
        self.officers_note = QLabel(objectName="officers_note")
        self.officers_note.setWordWrap(True)
        self.officers_note.setStyleSheet("color: #555;")
        card.body.addWidget(self.officers_table)
        card.body.addWidget(self.officers_note)
        card.body.addStretch(1)
        return card

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
        self.overview = figures.overview(self.db, today=today, target=settings.target)
        self.details = None  # until the worker brings the ones of this read
        self._read_on = today
        self.regency_code = settings.regency_code
        self._show_overview(today)
        self._start_details(self._generation, today)

    def _start_details(self, generation: int, today: date) -> None:
        offset = self.utc_offset_hours
        worker = Worker(
            database_path(self.db),
            lambda db, progress, cancelled: figures.details(
                db, today=today, utc_offset_hours=offset
            ),
        )
        relay = _Relay(self, generation)
        worker.signals.finished.connect(relay.finished)
        worker.signals.failed.connect(relay.failed)
        self._worker, self._relay = worker, relay  # keep both alive until they report
        QThreadPool.globalInstance().start(worker)

    def _details_arrived(self, generation: int, details: figures.Details) -> None:
        if generation != self._generation:
            return  # an older read finished after a newer one started
        self.details = details
        self._show_details()
        self.details_loaded.emit()

    def _details_failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self.officers_note.setText(
                self.tr("Rincian tidak bisa dibaca: %1").replace("%1", str(exc))
            )

    # --- showing ---------------------------------------------------------------------------

    def _show_overview(self, today: date) -> None:
        o = self.overview
        regency = self.regions.regency_name(self.regency_code).title() or self.regency_code
        self.heading.setText(self.tr("Capaian kepesertaan — %1").replace("%1", regency))
        self.as_of.setText(
            self.tr("Per %1, dari basis data di komputer ini").replace("%1", tanggal(today))
        )
        p = o.progress
        self.headline.setText(
            self.tr("%1 dari %2 pekerja terdata (%3)")
            .replace("%1", thousands(p.counted))
            .replace("%2", thousands(p.target))
            .replace("%3", percent(p.percent))
        )
        self.registered_line.setText(
            self.tr("%1 sudah terdaftar di BPJS (punya KPJ): %2 dari target")
            .replace("%1", thousands(p.registered))
            .replace("%2", percent(p.registered_percent))
        )
        segments = [
            Bar(s, labels.status_labels()[s], p.by_status.get(s, 0), STATUS_COLOURS[s])
            for s in reversed(figures.COUNTED_STATUSES)
        ]
        self.progress_bar.set_segments(segments, max(p.target, p.counted))
        for status, button in self.status_buttons.items():
            button.setText(f"{button.property('label')}: {thousands(p.by_status.get(status, 0))}")
        self.explain.setText(
            self.tr(
                "Terdata: pendaftaran yang belum dihapus, bukan draf dan tidak ditolak BPJS "
                "(siap kirim, diekspor, diterima, diajukan, terdaftar). Terlindungi baru yang "
                "sudah terdaftar di BPJS. Target %1 dari pengaturan."
            ).replace("%1", thousands(p.target))
        )
        self._show_budget()
        self._show_places()

    def _show_budget(self) -> None:
        b = self.overview.budget
        names = labels.funding_labels()
        rows = [(names.get(s.funding_source, s.funding_source or "—"), s, s.funding_source)
                for s in b.by_source]  # fmt: skip
        rows.append((self.tr("Jumlah"), b.total, "*"))
        table = self.budget_table
        table.setRowCount(len(rows) + 1)
        for row, (name, line, key) in enumerate(rows):
            bold = key in ("*", "apbd")
            table.setItem(row, 0, cell(name, key, bold=bold))
            table.setItem(row, 1, cell(thousands(line.workers), key, number=True, bold=bold))
            table.setItem(row, 2, cell(rupiah(line.monthly), key, number=True, bold=bold))
            table.setItem(row, 3, cell(rupiah(line.yearly), key, number=True, bold=bold))
        last = len(rows)
        table.setItem(last, 0, cell(self.tr("Target penuh dari APBD"), None, bold=True))
        table.setItem(last, 1, cell(thousands(b.target), None, number=True))
        table.setItem(last, 2, cell(rupiah(b.target_monthly), None, number=True))
        table.setItem(last, 3, cell(rupiah(b.target_yearly), None, number=True))
        _fit_height(table)
        note = self.tr(
            "Iuran per bulan dari tabel golongan penghasilan (JKK, JKM, dan JHT bila dipilih); "
            "setahun = 12 bulan. Target penuh: %1 × %2 (golongan terendah, tanpa JHT)."
        )
        note = note.replace("%1", thousands(b.target)).replace("%2", rupiah(b.target_each))
        if b.priced_at_lowest:
            note += " " + self.tr(
                "%1 pendaftaran tanpa penghasilan dihitung golongan terendah."
            ).replace("%1", thousands(b.priced_at_lowest))
        self.budget_note.setText(note)

    def _show_places(self) -> None:
        o = self.overview
        rows = figures.place_rows(o.by_village, self.regions.villages_of(self.regency_code))
        counted = max(o.progress.counted, 1)
        table = self.places_table
        table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            key = (row.kecamatan_code, row.village_code)
            if row.no_village:
                name = self.tr("(tanpa desa)")
            elif row.is_kecamatan:
                name = self.tr("Kec. %1").replace("%1", self._kecamatan_name(row.kecamatan_code))
            else:
                village = self.regions.village(row.village_code)
                name = "    " + (village.name.title() if village else row.village_code)
            bold = not row.village_code
            table.setItem(index, 0, cell(name, key, bold=bold))
            table.setItem(index, 1, cell(thousands(row.counted), key, number=True, bold=bold))
            table.setItem(index, 2, cell(percent(100 * row.counted / counted), key, number=True))
        bars = [Bar(r.kecamatan_code, self._kecamatan_name(r.kecamatan_code)
                    if r.is_kecamatan else self.tr("(tanpa desa)"), r.counted)
                for r in rows if not r.village_code]  # fmt: skip
        self.kecamatan_chart.set_bars(bars)
        self.kecamatan_chart.setFixedHeight(max(60, 28 * len(bars) + 8))

    def _kecamatan_name(self, code: str) -> str:
        return (self.regions.kecamatan_name(code) or code or "—").title()

    def _show_details(self) -> None:
        d = self.details
        groups = labels.target_group_labels()
        self.groups_chart.set_bars(
            [
                Bar(k, groups.get(k, k or self.tr("Tidak diisi")), n)
                for k, n in d.people.by_group.items()
            ]
        )
        sexes = {"L": self.tr("Laki-laki"), "P": self.tr("Perempuan")}
        self.sex_chart.set_bars(
            [
                Bar(k, sexes.get(k, k or self.tr("Tidak diisi")), n)
                for k, n in d.people.by_sex.items()
            ]
        )
        self.age_chart.set_bars([Bar(k, self._age_label(k), n) for k, n in d.people.by_age.items()])
        weeks = [Bar(w.start.isoformat(), w.start.strftime("%d/%m"), w.counted) for w in d.weeks]
        tips = {
            w.start.isoformat(): self.tr("Minggu %1 – %2: %3 pendaftaran")
            .replace("%1", tanggal(w.start))
            .replace("%2", tanggal(w.end))
            .replace("%3", thousands(w.counted))
            for w in d.weeks
        }
        self.timeline_chart.set_bars(weeks[-52:], tips)
        if d.future:
            self.future_note.setText(
                self.tr(
                    "%1 pendaftaran bertanggal setelah minggu ini (jam laptop salah?) tidak "
                    'masuk grafik. <a href="future">Lihat</a>'
                ).replace("%1", thousands(d.future))
            )
        self.future_note.setVisible(bool(d.future))
        self._show_officers()

    def _age_label(self, key: str) -> str:
        return {"<25": self.tr("< 25"), "55+": self.tr("55 +"), "": self.tr("?")}.get(key, key)

    def _show_officers(self) -> None:
        table = self.officers_table
        officers = self.details.officers
        table.setRowCount(len(officers))
        for row, o in enumerate(officers):
            name = o.officer or self.tr("(tanpa nama)")
            values = [
                (name, "all"), (thousands(o.registrations), "all"), (thousands(o.drafts), "draft"),
                (thousands(o.with_warnings), "warned"),
                (percent(100 * o.flagged_share), "flagged"),
                (f"{thousands(o.conflicts)} ({thousands(o.open_conflicts)} {self.tr('terbuka')})",
                 "conflicts"),
                (f"{o.per_day:.1f}".replace(".", ","), "all"),
                (f"{o.per_week:.1f}".replace(".", ","), "all"),
                (thousands(o.days_active), "all"), (tanggal(o.last_day), "all"),
            ]  # fmt: skip
            for column, (text, what) in enumerate(values):
                table.setItem(row, column, cell(text, (o.officer, what), number=column > 0))
        _fit_height(table, rows=12)
        self.officers_note.setText(
            self.tr(
                "Semua pendaftaran yang belum dihapus, draf termasuk, menurut petugas yang "
                "membuatnya. Peringatan: pendaftaran yang membawa peringatan yang dikonfirmasi. "
                "Draf/peringatan: bagian yang masih draf atau membawa peringatan. Konflik: "
                "antrean konflik kabupaten dari data petugas itu (klik: pendaftaran yang "
                "terlibat)."
            )
        )

    # --- click-through ---------------------------------------------------------------------

    def _emit(self, record_filter: RecordFilter, label: str) -> None:
        self.filter_requested.emit(figures.with_label(record_filter, label))

    def _counted_clicked(self) -> None:
        self._emit(RecordFilter(counted=True), self.tr("terhitung dalam capaian"))

    def _future_clicked(self, _link: str = "") -> None:
        self._emit(
            figures.future_filter(self._read_on or self.today(), self.utc_offset_hours),
            self.tr("bertanggal setelah minggu ini"),
        )

    def _status_clicked(self, status: str) -> None:
        self._emit(figures.status_filter(status), labels.status_labels().get(status, status))

    def _budget_clicked(self, row: int, column: int) -> None:
        key = self.budget_table.item(row, 0).data(KEY)
        if key == "*":
            self._counted_clicked()
        elif key is not None:
            name = labels.funding_labels().get(key, key)
            self._emit(figures.funding_filter(key), self.tr("sumber iuran %1").replace("%1", name))

    def _place_clicked(self, row: int, column: int) -> None:
        kecamatan, village = self.places_table.item(row, 0).data(KEY)
        self._place(kecamatan, village)

    def _place(self, kecamatan: str, village: str) -> None:
        if not kecamatan and not village:
            name = self.tr("tanpa desa")
        elif village:
            found = self.regions.village(village)
            name = self.tr("desa %1").replace("%1", found.name.title() if found else village)
        else:
            name = self.tr("kecamatan %1").replace("%1", self._kecamatan_name(kecamatan))
        self._emit(figures.place_filter(kecamatan, village), name)

    def _group_clicked(self, key: str) -> None:
        name = labels.target_group_labels().get(key, key or self.tr("tanpa kelompok"))
        self._emit(figures.group_filter(key), name)

    def _sex_clicked(self, key: str) -> None:
        name = {"L": self.tr("laki-laki"), "P": self.tr("perempuan")}.get(key, key)
        self._emit(figures.sex_filter(key), name)

    def _age_clicked(self, key: str) -> None:
        label = self.tr("umur %1").replace("%1", self._age_label(key))
        self._emit(figures.age_filter(key, self.today()), label)

    def _week_clicked(self, key: str) -> None:
        start = date.fromisoformat(key)
        label = self.tr("minggu mulai %1").replace("%1", tanggal(start))
        self._emit(figures.week_filter(start, self.utc_offset_hours), label)

    def _officer_clicked(self, row: int, column: int) -> None:
        officer, what = self.officers_table.item(row, column).data(KEY)
        name = officer or self.tr("(tanpa nama)")
        if what == "draft":
            f = RecordFilter(status="draft", created_by=officer)
            label = self.tr("draf petugas %1")
        elif what == "warned":
            f = figures.officer_filter(officer, warned=True)
            label = self.tr("peringatan petugas %1")
        elif what == "flagged":
            f = figures.officer_filter(officer, flagged=True)
            label = self.tr("draf/peringatan petugas %1")
        elif what == "conflicts":
            f = figures.officer_conflicts_filter(officer)
            label = self.tr("konflik dari data petugas %1")
        else:
            f = figures.officer_filter(officer)
            label = self.tr("petugas %1")
        self._emit(f, label.replace("%1", name))

    # --- the summary for the Bupati ----------------------------------------------------------

    def save_summary_pdf(self) -> None:
        paths = dialogs.choose(
            self,
            dialogs.FileRequest(
                "save", self.tr("Simpan ringkasan"), self.tr("PDF (*.pdf)"),
                f"ringkasan-capaian-{self.today().isoformat()}.pdf",
            ),
        )  # fmt: skip
        if not paths:
            return
        path = Path(paths[0])
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        self._with_whole(lambda data: self._write_summary(path, data))

    def _write_summary(self, path: Path, data: figures.Dashboard) -> None:
        from printing.context import print_context
        from printing.paper import write_pdf
        from printing.summary import paint_summary

        context = print_context(self.db, today=data.today, regions=self.regions)
        try:
            write_pdf(path, lambda device: paint_summary(device, data, context),
                      title=self.tr("Ringkasan capaian"))  # fmt: skip
        except OSError as exc:
            dialogs.inform(self, self.tr("Gagal menyimpan"),
                           self.tr("PDF tidak bisa ditulis: %1").replace("%1", str(exc)),
                           error=True)  # fmt: skip
            return
        dialogs.inform(self, self.tr("Ringkasan tersimpan"), str(path))

    def print_summary(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from printing.context import print_context
        from printing.paper import page_layout
        from printing.summary import paint_summary

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout("A4"))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return

        def paint(data: figures.Dashboard) -> None:
            context = print_context(self.db, today=data.today, regions=self.regions)
            paint_summary(printer, data, context)

        self._with_whole(paint)

    def shown_figures(self) -> figures.Dashboard | None:
        """The figures on screen, when both parts are in and nothing changed since."""
        if self._stale or self.overview is None or self.details is None:
            return None
        return figures.Dashboard(
            self.overview, self.details, self._read_on or self.today(), self.utc_offset_hours
        )

    def _with_whole(self, then) -> None:
        """Call ``then`` with every figure for the summary: those shown, or (details not in
        yet, or registrations changed since) read afresh on a worker thread behind a
        progress dialog, never on the GUI thread."""
        shown = self.shown_figures()
        if shown is not None:
            then(shown)
            return
        today, offset = self.today(), self.utc_offset_hours

        def failed(exc: Exception) -> None:
            dialogs.inform(self, self.tr("Ringkasan"),
                           self.tr("Angka tidak bisa dibaca: %1").replace("%1", str(exc)),
                           error=True)  # fmt: skip

        def read(db, progress, cancelled) -> figures.Dashboard | None:
            data = figures.dashboard(db, today=today, utc_offset_hours=offset)
            return None if cancelled() else data  # cancelled: nothing is written

        run_with_progress(
            self, database_path(self.db), self.tr("Membaca angka untuk ringkasan…"), read,
            lambda data: then(data) if data is not None else None, failed, self.tr("Batal"),
        )  # fmt: skip


class _Relay(QObject):
    """Hands a worker's result to the page on the GUI thread, with the read's number."""

    def __init__(self, page: DashboardPage, generation: int):
        super().__init__(page)
        self.page, self.generation = page, generation

    def finished(self, details) -> None:
        self.page._details_arrived(self.generation, details)

    def failed(self, exc) -> None:
        self.page._details_failed(self.generation, exc)


def _fit_height(table: QTableWidget, rows: int | None = None) -> None:
    """Make a short table exactly as tall as its rows (up to ``rows`` rows, then scroll)."""
    shown = table.rowCount() if rows is None else min(table.rowCount(), rows)
    height = table.horizontalHeader().height() + 4
    height += sum(table.rowHeight(r) for r in range(shown))
    table.setMinimumHeight(height)
    table.setMaximumHeight(height)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
