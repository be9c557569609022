"""The records list: search, filters by status, kecamatan and desa, sorting, counts, and
printing what is selected or shown. A figure clicked on the dashboard narrows the list
further (`show_dashboard_filter`); a bar above the list says so and clears it."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models import clock
from models.formatting import arg
from models.regions import Regions, default_regions
from models.store import RecordFilter, RegistrationStore
from ui import dialogs
from ui.i18n import labels
from ui.i18n.formats import thousands
from ui.printing.request import FORMS, LIST, RECEIPTS, PrintRequest, blank_form_request, by_ids
from ui.programme.record_actions import ProgrammeActions
from ui.records_model import COLUMNS, RecordsModel
from ui.region_combos import fill_choices, villages_for

#: The columns' first widths (pixels); the user may drag them.
COLUMN_WIDTHS = {
    "nik": 140,
    "full_name": 220,
    "birth_date": 95,
    "sex": 40,
    "village_code": 150,
    "kecamatan": 130,
    "target_group": 170,
    "contribution": 100,
    "status": 120,
    "updated_at": 125,
}


class RecordsPage(ProgrammeActions, QWidget):
    """Lists registrations; asks the main window to open, create or delete them."""

    open_requested = Signal(str)
    new_requested = Signal()
    delete_requested = Signal(str)
    print_requested = Signal(object)  # a PrintRequest
    events_recorded = Signal()  # life events were recorded (the figures changed)

    def __init__(
        self,
        store: RegistrationStore,
        regency_code: str,
        regions: Regions | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.regions = regions or default_regions()
        self.regency_code = regency_code
        self.today = clock.today  # replaced by tests
        self.model = RecordsModel(store, self.regions, parent=self)

        filters = self._build_filters()
        self._build_dashboard_bar()
        self._build_table()
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.dashboard_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._connect()
        self._update_count()

    def _build_filters(self) -> QHBoxLayout:
        """The search box and the status, kecamatan and desa combos above the list."""
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("Cari nama, NIK atau alamat…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(objectName="status_filter")
        self.status.addItem(self.tr("Semua status"), "")
        for code, text in labels.status_labels().items():
            self.status.addItem(text, code)
        self.kecamatan = QComboBox(objectName="kecamatan_filter")
        self.desa = QComboBox(objectName="desa_filter")
        self._fill_kecamatan()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.kecamatan, 1)
        filters.addWidget(self.desa, 1)
        return filters

    def _build_dashboard_bar(self) -> None:
        """The bar that says what a dashboard figure narrowed the list to (hidden until
        then), with the button that clears it."""
        # What a dashboard figure narrows the list to, beyond the search and the combos.
        self.dashboard_filter = RecordFilter()
        self.dashboard_label = QLabel(objectName="dashboard_filter_label")
        self.clear_dashboard_button = QPushButton(
            self.tr("Hapus filter dasbor"), objectName="clear_dashboard_filter"
        )
        self.clear_dashboard_button.clicked.connect(self.clear_dashboard_filter)
        self.dashboard_bar = QWidget(objectName="dashboard_filter_bar")
        self.dashboard_bar.setStyleSheet(
            "#dashboard_filter_bar { background: #fff4d6; border: 1px solid #e0c36a; }"
        )
        banner = QHBoxLayout(self.dashboard_bar)
        banner.setContentsMargins(8, 3, 8, 3)
        banner.addWidget(self.dashboard_label, 1)
        banner.addWidget(self.clear_dashboard_button)
        self.dashboard_bar.hide()

    def _build_table(self) -> None:
        """The list: newest change first, rows selected whole (several for printing)."""
        self.table = QTableView(objectName="records_table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(
            [key for key, _ in COLUMNS].index("updated_at"), Qt.SortOrder.DescendingOrder
        )
        # After the indicator, so that enabling sorting asks for the order already loaded.
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows may be selected (Ctrl/Shift+click) to print them together.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        labels_whole = self._label_widths()
        widths = {**COLUMN_WIDTHS, **labels_whole}
        for column, (key, _) in enumerate(COLUMNS):
            header.resizeSection(column, widths[key])
        self.table.setProperty("least_widths", [labels_whole.get(key, 0) for key, _ in COLUMNS])
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

    def _label_widths(self) -> dict[str, int]:
        """Columns that show a label of the domain's choices are at least as wide as their
        longest label in this language and font, so none is cut ("Usaha mikro dan kecil
        (UMKM)"), whatever the display scaling."""
        metrics = self.table.fontMetrics()
        padding = 3 * metrics.averageCharWidth()
        tables = {"target_group": labels.target_group_labels(), "status": labels.status_labels()}
        return {
            key: max(
                COLUMN_WIDTHS[key],
                *(metrics.horizontalAdvance(t) + padding for t in texts.values()),
            )
            for key, texts in tables.items()
        }

    def _build_buttons(self) -> QHBoxLayout:
        """The count of what is shown, then Cetak (with its menu), new, open and delete."""
        self.count = QLabel(objectName="count")
        self.new_button = QPushButton(self.tr("Pendaftaran baru"), objectName="new_button")
        self.open_button = QPushButton(self.tr("Buka"), objectName="open_button")
        self.delete_button = QPushButton(self.tr("Hapus…"), objectName="delete_button")
        self.print_button = QPushButton(self.tr("Cetak"), objectName="print_button")
        self.print_menu = QMenu(self.print_button)
        for text, action in (
            (self.tr("Formulir pendaftaran terpilih…"), self.print_selected_forms),
            (self.tr("Formulir semua yang tampil…"), self.print_shown_forms),
            (self.tr("Tanda terima terpilih…"), self.print_selected_receipts),
            (self.tr("Daftar nominatif desa/kecamatan yang dipilih…"), self.print_list),
            (self.tr("Formulir kosong…"), self.print_blank),
        ):
            self.print_menu.addAction(text, action)
        self.print_button.setMenu(self.print_menu)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.delete_button)
        return bottom

    def _connect(self) -> None:
        """Filters apply as they change (the search after a pause in typing); the buttons
        and keys act on the current row."""
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.kecamatan.currentIndexChanged.connect(self._kecamatan_changed)
        self.desa.currentIndexChanged.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(lambda: self._open_row(self._current_row()))
        self.delete_button.clicked.connect(self._delete_current)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        # WidgetShortcut: Enter and Delete act on the table only when it has the focus, never
        # from the search box or the filters.
        QShortcut(
            QKeySequence(Qt.Key.Key_Delete),
            self.table,
            activated=self._delete_current,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(
                QKeySequence(key),
                self.table,
                activated=lambda: self._open_row(self._current_row()),
                context=Qt.ShortcutContext.WidgetShortcut,
            )
        self.search.returnPressed.connect(self._search_return)

    # --- filters ---------------------------------------------------------------------

    def set_regency(self, regency_code: str) -> None:
        self.regency_code = regency_code
        self._fill_kecamatan()
        self.apply_filter()

    def _fill_kecamatan(self) -> None:
        self.kecamatan.blockSignals(True)
        fill_choices(
            self.kecamatan, self.tr("Semua kecamatan"), self.regions.kecamatan_of(self.regency_code)
        )
        self.kecamatan.blockSignals(False)
        self._fill_desa()

    def _fill_desa(self) -> None:
        self.desa.blockSignals(True)
        villages = villages_for(self.regions, self.regency_code, self.kecamatan.currentData())
        fill_choices(self.desa, self.tr("Semua desa"), villages)
        self.desa.blockSignals(False)

    def _kecamatan_changed(self) -> None:
        self._fill_desa()
        self.apply_filter()

    def current_filter(self) -> RecordFilter:
        kecamatan = self.kecamatan.currentData() or ""
        village = self.desa.currentData() or ""
        if not kecamatan and not village:
            # The combos say "all": a dashboard place they cannot offer may still narrow.
            kecamatan = self.dashboard_filter.kecamatan_code
            village = self.dashboard_filter.village_code
        return dataclasses.replace(
            self.dashboard_filter,
            text=self.search.text(),
            status=self.status.currentData() or "",
            kecamatan_code=kecamatan,
            village_code=village,
            sort_column=self.model.filter.sort_column,
            descending=self.model.filter.descending,
        )

    def show_dashboard_filter(self, record_filter: RecordFilter) -> None:
        """Show what a dashboard figure counts: its status and region in the combos, the
        rest of its filter in the bar above the list; the search is cleared. A place the
        combos do not offer (a village code the regency does not know, another regency's)
        stays in the dashboard filter and the bar instead: falling back to "all" would
        list everything."""
        for combo in (self.status, self.kecamatan, self.desa):
            combo.blockSignals(True)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._select(self.status, record_filter.status)
        village = record_filter.village_code
        kecamatan = record_filter.kecamatan_code or village[:8]
        offered = self._select(self.kecamatan, kecamatan)
        self._fill_desa()
        self.desa.blockSignals(True)
        offered = self._select(self.desa, village) and offered
        if not offered:
            self._select(self.kecamatan, "")
            self._fill_desa()
            self.desa.blockSignals(True)
        for combo in (self.status, self.kecamatan, self.desa):
            combo.blockSignals(False)
        kept = (kecamatan if not village else "", village) if not offered else ("", "")
        self.dashboard_filter = dataclasses.replace(
            record_filter, text="", status="", kecamatan_code=kept[0], village_code=kept[1]
        )
        self.dashboard_label.setText(
            arg(self.tr("Dari dasbor: %1"), record_filter.label or self.tr("pilihan"))
        )
        self.dashboard_bar.setVisible(self.dashboard_filter.narrowed or not offered)
        self.apply_filter()

    def clear_dashboard_filter(self) -> None:
        self.dashboard_filter = RecordFilter()
        self.dashboard_bar.hide()
        self.apply_filter()

    @staticmethod
    def _select(combo: QComboBox, code: str) -> bool:
        """Select ``code`` ("" = the first choice, "all"); whether the combo offers it."""
        index = combo.findData(code or "") if code else 0
        combo.setCurrentIndex(max(index, 0))
        return index >= 0

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())
        self._update_count()

    def refresh(self) -> None:
        """Re-read after a save or a delete, keeping filters and order."""
        self.model.refresh()
        self._update_count()

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        total = self.store.count()
        if shown == total:
            text = arg(self.tr("%1 pendaftaran"), thousands(total))
        else:
            text = arg(self.tr("%1 dari %2 pendaftaran"), thousands(shown), thousands(total))
        self.count.setText(text)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_return(self) -> None:
        self.apply_filter()
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    # --- actions ---------------------------------------------------------------------

    def _current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _open_row(self, row: int) -> None:
        registration_id = self.model.registration_id(row)
        if registration_id:
            self.open_requested.emit(registration_id)

    def _delete_current(self) -> None:
        registration_id = self.model.registration_id(self._current_row())
        if registration_id:
            self.delete_requested.emit(registration_id)

    def _context_menu(self, position) -> None:
        """Right-click on the list: open, record a life event or a KPJ card handover, print
        what is selected."""
        row = self.table.indexAt(position).row()
        if row < 0:
            return
        if row not in {i.row() for i in self.table.selectionModel().selectedRows()}:
            self.table.selectRow(row)
        menu = QMenu(self)
        menu.addAction(self.tr("Buka"), lambda: self._open_row(row))
        menu.addAction(self.tr("Catat peristiwa (meninggal, pindah, …)…"), self.record_event)
        menu.addAction(self.tr("Kartu KPJ diserahkan…"), self.record_card_handover)
        menu.addAction(self.tr("Penyerahan kartu KPJ per desa…"),
                       lambda: self.record_desa_handover(row))  # fmt: skip
        menu.addSeparator()
        menu.addAction(self.tr("Formulir pendaftaran terpilih…"), self.print_selected_forms)
        menu.addAction(self.tr("Tanda terima terpilih…"), self.print_selected_receipts)
        menu.popup(self.table.viewport().mapToGlobal(position))
        self.context_menu = menu  # tests reach it here

    # --- printing --------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        """Ids of the selected rows, in the list's order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [rid for rid in map(self.model.registration_id, rows) if rid]

    def _selected_or_say(self) -> list[str]:
        ids = self.selected_ids()
        if not ids:
            dialogs.inform(
                self, self.tr("Cetak"),
                self.tr("Pilih dulu pendaftaran di daftar (Ctrl+klik untuk memilih beberapa)."),
            )  # fmt: skip
        return ids

    def print_selected_forms(self) -> None:
        if ids := self._selected_or_say():
            self.print_requested.emit(by_ids(FORMS, self.tr("Formulir pendaftaran"), ids))

    def print_selected_receipts(self) -> None:
        if ids := self._selected_or_say():
            self.print_requested.emit(by_ids(RECEIPTS, self.tr("Tanda terima"), ids))

    def print_shown_forms(self) -> None:
        record_filter = self.current_filter()
        request = PrintRequest(
            FORMS, self.tr("Formulir pendaftaran"),
            lambda db: RegistrationStore(db).registrations_matching(record_filter),
            self.model.rowCount(), "formulir.pdf",
        )  # fmt: skip
        self.print_requested.emit(request)

    def print_list(self) -> None:
        from models.nominatif import count_for_list, registrations_for_list

        desa = self.desa.currentData() or None
        kecamatan = None if desa else (self.kecamatan.currentData() or None)
        name = desa or kecamatan or self.regency_code
        request = PrintRequest(
            LIST, self.tr("Daftar nominatif"),
            lambda db: registrations_for_list(db, desa=desa, kecamatan=kecamatan),
            count_for_list(self.store.db, desa=desa, kecamatan=kecamatan),
            f"daftar-nominatif-{name}.pdf", desa=desa, kecamatan=kecamatan,
        )  # fmt: skip
        self.print_requested.emit(request)

    def print_blank(self) -> None:
        self.print_requested.emit(blank_form_request(self.tr("Formulir kosong")))
