"""The records list's table model: lazy, paging rows from SQLite as they are painted.

The model holds the ordered row ids of the matching registrations (8 bytes each) and a
small cache of the rows on screen, fetched a page at a time; it never holds every row.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models.contribution import ContributionTable, default_table
from models.formatting import arg
from models.regions import Regions, default_regions
from models.status_updates import rejection_reason
from models.store import RecordFilter, RegistrationStore
from ui.i18n import labels
from ui.i18n.formats import rupiah, tanggal

PAGE = 200
CACHED_PAGES = 10

# (column key, sort column in the store or None)
COLUMNS = (
    ("nik", "nik"),
    ("full_name", "full_name"),
    ("birth_date", "birth_date"),
    ("sex", "sex"),
    ("village_code", "village_code"),
    ("kecamatan", "kecamatan_code"),
    ("target_group", "target_group"),
    ("contribution", "monthly_income"),
    ("status", "status"),
    ("updated_at", "updated_at"),
)


class RecordsModel(QAbstractTableModel):
    """Registrations matching a `RecordFilter`, one row each."""

    def __init__(
        self,
        store: RegistrationStore,
        regions: Regions | None = None,
        table: ContributionTable | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.store = store
        self.regions = regions or default_regions()
        self.table = table or default_table()
        self.filter = RecordFilter()
        self._rowids = self.store.list_rowids(self.filter)
        self._pages: OrderedDict[int, dict[int, dict]] = OrderedDict()
        self._headers = self._header_texts()
        self._status = labels.status_labels()
        self._groups = labels.target_group_labels()
        self._sexes = labels.sex_letters()

    # --- what the view asks --------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rowids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return section + 1

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.row(index.row())
            return self._display(COLUMNS[index.column()][0], row) if row else None
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()][0] == (
            "contribution"
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            row = self.row(index.row())
            return row["id"] if row else None
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[index.column()][0] == "status":
            row = self.row(index.row())
            if row and row["status"] == "rejected":
                reason = rejection_reason(self.store.db, row["id"])  # only when hovered
                return arg(self.tr("Ditolak: %1"), reason or "—")
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        sort_column = COLUMNS[column][1]
        descending = order == Qt.SortOrder.DescendingOrder
        if (sort_column, descending) != (self.filter.sort_column, self.filter.descending):
            self.set_filter(replace(self.filter, sort_column=sort_column, descending=descending))

    # --- what the page asks --------------------------------------------------------

    def set_filter(self, record_filter: RecordFilter) -> None:
        """Show the registrations matching ``record_filter`` (re-reads the ids)."""
        self.beginResetModel()
        self.filter = record_filter
        self._rowids = self.store.list_rowids(record_filter)
        self._pages.clear()
        self.endResetModel()

    def refresh(self) -> None:
        self.set_filter(self.filter)

    def row(self, number: int) -> dict | None:
        """The list columns of row ``number`` (fetching its page if needed)."""
        if not 0 <= number < len(self._rowids):
            return None
        page_number = number // PAGE
        page = self._pages.get(page_number)
        if page is None:
            start = page_number * PAGE
            page = self.store.rows_by_rowid(list(self._rowids[start : start + PAGE]))
            self._pages[page_number] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        return page.get(self._rowids[number])

    def registration_id(self, number: int) -> str | None:
        row = self.row(number)
        return row["id"] if row else None

    def loaded_row_count(self) -> int:
        """How many rows are in memory now (for tests and benchmarks)."""
        return sum(len(page) for page in self._pages.values())

    # --- formatting ----------------------------------------------------------------

    def _header_texts(self) -> list[str]:
        names = labels.field_labels()
        texts = {
            "nik": names["nik"],
            "full_name": self.tr("Nama"),
            "birth_date": names["birth_date"],
            "sex": self.tr("L/P"),
            "village_code": names["village_code"],
            "kecamatan": names["kecamatan"],
            "target_group": self.tr("Kelompok"),
            "contribution": self.tr("Iuran/bulan"),
            "status": names["status"],
            "updated_at": self.tr("Diubah"),
        }
        return [texts[key] for key, _ in COLUMNS]

    def _display(self, key: str, row: dict) -> str:
        if key == "birth_date":
            return tanggal(date.fromisoformat(row["birth_date"])) if row["birth_date"] else ""
        if key == "village_code":
            village = self.regions.village(row["village_code"]) if row["village_code"] else None
            return village.name if village else row["village_code"]
        if key == "sex":
            return self._sexes.get(row["sex"], row["sex"] or "")
        if key == "kecamatan":
            return self.regions.kecamatan_name(row["kecamatan_code"] or "")
        if key == "target_group":
            return self._groups.get(row["target_group"], row["target_group"])
        if key == "contribution":
            if row["monthly_income"] is None:
                return ""
            monthly = self.table.contribution(
                row["monthly_income"], jht=bool(row["program_jht"])
            ).monthly
            return rupiah(monthly)
        if key == "status":
            return self._status.get(row["status"], row["status"])
        if key == "updated_at":
            stamp = row["updated_at"]
            local = datetime.fromisoformat(stamp).astimezone() if stamp else None
            return f"{tanggal(local.date())} {local:%H:%M}" if local else ""
        return row[key] or ""
