"""Opening an .xlsx file for import and reading its rows (python-calamine).

The file is checked first by `excel.workbook_file` (what kind of file it is, error cells and
the number of rows, which calamine does not give).

Reading: calamine (Rust, through python-calamine; pandas' ``engine="calamine"``) reads a
sheet of 10,000 rows in 0.2 s where openpyxl's read-only mode took 1.2-2.5 s, a quarter to
a half of the 5-second budget for the whole import (bench/bench_excel_import.py). openpyxl
still writes the error report and the exports. What calamine gives, and what this module
makes of it so that the rest of the import sees the cells openpyxl gave:

- numbers are floats: a whole one becomes an int (``123``, a NIK typed as a number);
- an empty cell is ``""``: it becomes None (a cell of spaces only reads as empty too);
- dates are ``date``, ``datetime``, ``time`` or ``timedelta`` by the cell's format (the
  converters accept all four); a number in a General cell stays a number (an Excel serial);
- formulas give the value Excel or LibreOffice calculated and stored when the file was last
  saved there. A file written by a program that never calculated (openpyxl, some web exports)
  holds no stored value: such a cell reads as empty and is reported like any other empty
  cell;
- an error value (``#N/A``, ``#REF!``) reads as empty in calamine, so the sheet's XML is
  scanned for error cells (``t="e"``) and their text put back, to be reported as such;
- the sheet's ``<dimension>`` is not trusted (some writers store a wrong one, others none):
  the same scan counts the rows that hold a value (not the empty bordered cells a template
  has far below its data), and a sheet with more than ``max_rows``
  (plus the header rows) is refused with ``too_many_rows`` *before* calamine loads it;
- a ZIP packs repeated text a thousandfold, so a workbook whose parts unpack to more than
  `SizeLimits` allows is refused (``too_large``) before calamine opens it, and a row with a
  cell longer than they allow as it is read.

Merged cells: only the first cell of a merged block holds the value. A block merged down a
column (one desa written once for ten people) is filled down from the sheet's list of merged
blocks (calamine's ``merged_cell_ranges``); a block merged across a row (a heading such as
``DESA PUDU`` over the whole table) is left as it is, and a row that holds nothing else is
skipped.

Loading: calamine parses a whole sheet at once, in Rust, and that cannot be interrupted; the
rows are then handed over one by one (``iter_rows``, never a list of them all), so the import
can be cancelled while it converts and checks them. Loading the largest sheet allowed
(200,000 rows of 27 columns) takes about 4 s, 1 s of it the XML scan, and peaks at 450 MB on
two cores; 10,000 rows about 0.3 s (bench/bench_excel_import.py). calamine's copy of the
sheet (some 300 MB then) lives until the workbook is closed: `excel.list_import.read_list`
takes the cells of the data rows first and closes the workbook before it builds the plan.
So the whole `read_list` of that sheet (reading, converting, checking 200,000 rows and the
plan that holds them) peaks at about 810 MB (570 MB while the sheet is still loaded) and
takes 30-36 s, as before; it peaked at 1,455 MB while the sheet stayed loaded until the last
row was checked and every row kept its cells in a dict (openpyxl's reader: 878 MB).
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from openpyxl.utils import get_column_letter
from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook, SheetTypeEnum

from excel.headers import match_header
from excel.workbook_file import (
    SIZE_LIMITS,
    ExcelImportError,
    SheetTooBig,
    SizeLimits,
    cell_too_long,
    check_package,
    check_signature,
    check_unpacked_size,
    damaged,
    package_parts,
    scan_sheet_xml,
    too_many_rows,
    unreadable,
)

#: The first rows searched for the header row.
HEADER_SCAN_ROWS = 10
#: A header row names at least this many different fields.
MIN_HEADER_FIELDS = 2
#: The most data rows a sheet may have (split larger lists into several files).
MAX_ROWS = 200_000
#: Day 0 of the serial numbers of the 1900 and the 1904 date systems.
EPOCH_1900 = datetime(1899, 12, 30)
EPOCH_1904 = datetime(1904, 1, 1)


# --- the workbook and its sheets --------------------------------------------------------------


def _cells(raw: list, lead: tuple) -> list:
    """A calamine row as openpyxl gave it: None for an empty cell, whole numbers as int,
    ``lead`` (Nones for the empty columns left of the sheet's data) in front."""
    cells = [
        None if value == "" else
        int(value) if value.__class__ is float and value.is_integer() else
        value
        for value in raw
    ]  # fmt: skip
    return [*lead, *cells] if lead else cells


def _longest_text(raw: list) -> int:
    return max((len(value) for value in raw if value.__class__ is str), default=0)


class Sheet:
    """One loaded sheet: its rows (1-based numbers, cells from column A), merged blocks
    and error cells. A row with a text longer than ``cell_chars`` is refused as it is
    read (`ExcelImportError` ``too_large``)."""

    def __init__(self, name: str, data: CalamineSheet, errors: dict[int, list], cell_chars: int):
        self.name = name
        self._data = data
        self.errors = errors
        self.cell_chars = cell_chars
        start = data.start  # None for a sheet without cells
        self.last_row = data.end[0] + 1 if start is not None else 0
        self._lead = (None,) * start[1] if start is not None else ()
        self.merges: list[tuple[int, int, int, int]] = [
            (r1 + 1, c1 + 1, r2 + 1, c2 + 1) for (r1, c1), (r2, c2) in data.merged_cell_ranges or ()
        ]

    def _fix(self, number: int, cells: list) -> tuple:
        for column, text in self.errors.get(number, ()):
            if len(cells) < column:
                cells.extend([None] * (column - len(cells)))
            if cells[column - 1] is None:
                cells[column - 1] = text
        return tuple(cells)

    def head(self, count: int) -> list[tuple]:
        """The first ``count`` rows (fewer when the sheet is shorter)."""
        if not self.last_row:
            return []
        rows = self._data.to_python(skip_empty_area=False, nrows=count)
        for number, raw in enumerate(rows, start=1):
            if _longest_text(raw) > self.cell_chars:
                raise cell_too_long(self.name, number, self.cell_chars)
        return [self._fix(n, _cells(r, ())) for n, r in enumerate(rows, start=1)]

    def rows(self, first: int = 1) -> Iterator[tuple[int, tuple]]:
        """(row number, cells) from row ``first`` on, every row, empty ones too."""
        if not self.last_row:
            return
        # calamine's iter_rows starts at row 1 (the empty rows above the data as empty
        # lists) and at the data's first column
        lead, errors, fix, limit = self._lead, self.errors, self._fix, self.cell_chars
        for number, raw in enumerate(self._data.iter_rows(), start=1):
            if number < first:
                continue
            if _longest_text(raw) > limit:
                raise cell_too_long(self.name, number, limit)
            cells = _cells(raw, lead)
            yield number, fix(number, cells) if errors else tuple(cells)


class SourceWorkbook:
    """An .xlsx opened for import: its sheet names, date system and sheets, each loaded by
    calamine when first asked for (the last one kept)."""

    def __init__(
        self, path: Path, data: bytes, max_rows: int, size_limits: SizeLimits = SIZE_LIMITS
    ):
        self.path = path
        self.max_rows = max_rows
        self.size_limits = size_limits
        self._archive = zipfile.ZipFile(io.BytesIO(data))
        check_unpacked_size(self._archive, path, size_limits.unpacked_bytes)
        check_package(self._archive, path)
        self._members, date1904 = package_parts(self._archive)
        self.epoch = EPOCH_1904 if date1904 else EPOCH_1900
        self._book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        self.sheetnames: list[str] = list(self._book.sheet_names)
        self._kinds = {m.name: m.typ for m in self._book.sheets_metadata}
        self._loaded: Sheet | None = None

    def is_worksheet(self, name: str) -> bool:
        """False for a chart sheet (and the other kinds that hold no cells)."""
        return self._kinds.get(name, SheetTypeEnum.WorkSheet) == SheetTypeEnum.WorkSheet

    def sheet(self, name: str) -> Sheet:
        """The sheet ``name``, loaded; `ExcelImportError` ``too_many_rows`` before loading
        a sheet with more rows than the import takes."""
        if self._loaded is not None and self._loaded.name == name:
            return self._loaded
        self._loaded = None
        errors: dict[int, list] = {}
        member = self._members.get(name)
        try:
            if member is not None:
                errors = scan_sheet_xml(self._archive, member, self.max_rows + HEADER_SCAN_ROWS)
            data = self._book.get_sheet_by_name(name)
        except SheetTooBig:
            raise too_many_rows(name, self.max_rows) from None
        except zipfile.BadZipFile:
            raise damaged(self.path) from None
        except (CalamineError, OSError, ValueError, EOFError) as exc:
            raise unreadable(self.path, exc) from None
        self._loaded = Sheet(name, data, errors, self.size_limits.cell_chars)
        return self._loaded

    def close(self) -> None:
        self._loaded = None
        self._book.close()
        self._archive.close()


@contextlib.contextmanager
def open_workbook(
    path: Path | str, max_rows: int = MAX_ROWS, *, size_limits: SizeLimits = SIZE_LIMITS
) -> Iterator[SourceWorkbook]:
    """The workbook at ``path``, ready to read sheets from, closed on leaving. A sheet of
    more than ``max_rows`` rows is refused (``too_many_rows``) before it is loaded, a
    workbook that unpacks to more than ``size_limits`` allows (``too_large``) before
    anything is loaded, a cell longer than they allow as its row is read."""
    path = Path(path)
    check_signature(path)
    try:
        # Bytes, not a name: calamine would go by the name and refuse "data.XLS".
        data = path.read_bytes()
        workbook = SourceWorkbook(path, data, max_rows, size_limits)
    except ExcelImportError:
        raise
    except zipfile.BadZipFile:
        raise damaged(path) from None
    except Exception as exc:  # calamine and ElementTree raise many kinds for a damaged file
        raise unreadable(path, exc) from None
    try:
        yield workbook
    finally:
        workbook.close()


# --- merged blocks -----------------------------------------------------------------------


class _MergeFill:
    """Fills the cells under the first cell of a block merged down a column."""

    def __init__(self, blocks: list[tuple[int, int, int, int]]):
        self.starts: dict[int, list[tuple[int, int]]] = {}
        self.headings: dict[int, int] = {}
        for r1, c1, r2, c2 in blocks:
            if r2 > r1:
                self.starts.setdefault(r1, []).append((c1, r2))
            if c2 - c1 >= 2:
                self.headings[r1] = c1
        self.active: list[tuple[int, int, object]] = []  # (column, last row, value)

    def apply(self, number: int, cells: tuple) -> tuple:
        """Row ``number``'s cells with the value of each block merged down over it."""
        if not self.starts and not self.active:
            return cells
        self.active = [a for a in self.active if a[1] >= number]
        if self.active:
            cells = list(cells)
            for column, _last, value in self.active:
                if len(cells) < column:
                    cells.extend([None] * (column - len(cells)))
                if cells[column - 1] is None:
                    cells[column - 1] = value
            cells = tuple(cells)
        for column, last in self.starts.get(number, ()):
            value = cells[column - 1] if column <= len(cells) else None
            if value is not None:
                self.active.append((column, last, value))
        return cells

    def is_heading(self, number: int, cells: tuple) -> bool:
        """Whether the row holds only the first cell of a block merged across columns."""
        column = self.headings.get(number)
        if column is None:
            return False
        return all(v is None for i, v in enumerate(cells) if i != column - 1)


# --- sheets and header rows ---------------------------------------------------------------


@dataclass
class Layout:
    """Where a sheet's table is: its header row, column names and the field each names."""

    sheet: str
    header_row: int
    headers: list[str]
    fields: list[str | None]
    estimated_rows: int = 0
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


def column_names(cells: tuple) -> list[str]:
    """Header cells as unique column names: blank ones are ``Kolom C``, a repeated one is
    ``Nama (F)``."""
    names: list[str] = []
    seen: set[str] = set()
    for index, value in enumerate(cells, start=1):
        text = " ".join(str(value).split()) if value is not None else ""
        letter = get_column_letter(index)
        name = text or f"Kolom {letter}"
        if name in seen:
            name = f"{name} ({letter})"
        seen.add(name)
        names.append(name)
    return names


def _matched_fields(cells: tuple) -> set[str]:
    found = {match_header(v) for v in cells if isinstance(v, str)}
    found.discard(None)
    return found


def _header_cells(rows: list[tuple], number: int, merges) -> tuple:
    """Row ``number`` (1-based, among ``rows``) read as a header row of a two-level
    header: a cell left empty by a block merged down from above takes that block's text
    (``NIK`` written once over both header rows), and a cell under a block merged across
    in the row above takes the group's name when together they name a field (``Nama``
    under ``Ahli Waris`` is ``Nama Ahli Waris``)."""
    cells = list(rows[number - 1])
    for r1, c1, r2, c2 in merges:
        if r1 >= number or r2 < number - 1 or r1 > len(rows):
            continue
        above = rows[r1 - 1]
        group = above[c1 - 1] if c1 <= len(above) else None
        if not isinstance(group, str):
            continue
        if len(cells) < c2:
            cells.extend([None] * (c2 - len(cells)))
        if r2 >= number and cells[c1 - 1] is None:
            cells[c1 - 1] = group
        elif r2 == number - 1 and c2 > c1:
            for column in range(c1, c2 + 1):
                sub = cells[column - 1]
                if isinstance(sub, str) and match_header(f"{sub} {group}"):
                    cells[column - 1] = f"{sub} {group}"
    return tuple(cells)


def find_layout(sheet: Sheet, needed: frozenset[str] = frozenset()) -> Layout | None:
    """The header row among the first rows of ``sheet`` (the one naming the most fields,
    the earlier one on a tie), or None when no row names enough fields (or the ``needed``
    ones)."""
    merges = sheet.merges
    rows = sheet.head(HEADER_SCAN_ROWS)
    best: tuple[int, int, tuple] | None = None
    for number in range(1, len(rows) + 1):
        cells = _header_cells(rows, number, merges) if merges else rows[number - 1]
        found = _matched_fields(cells)
        enough = len(found) >= MIN_HEADER_FIELDS and needed <= found
        if enough and (best is None or len(found) > best[0]):
            best = (len(found), number, cells)
    if best is None:
        return None
    _count, number, cells = best
    while cells and cells[-1] is None:
        cells = cells[:-1]
    headers = column_names(cells)
    fields = [match_header(v) if isinstance(v, str) else None for v in cells]
    return Layout(sheet.name, number, headers, fields, max(0, sheet.last_row - number), merges)


def sheet_is_empty(sheet: Sheet) -> bool:
    """Whether the first rows of ``sheet`` hold nothing but blanks."""
    for cells in sheet.head(HEADER_SCAN_ROWS):
        if any(v is not None and str(v).strip() for v in cells):
            return False
    return True


def choose_layout(
    workbook: SourceWorkbook, sheet: str | None, needed: frozenset[str] = frozenset()
) -> Layout:
    """The table to import: on ``sheet`` when given, else on the first sheet with a
    recognisable header row. Raises ExcelImportError (``no_sheet``, ``empty``,
    ``no_header``, ``too_many_rows``)."""
    names = list(workbook.sheetnames)
    if sheet is not None and sheet not in names:
        raise ExcelImportError(
            "no_sheet", f"The workbook has no sheet named {sheet!r} (it has: {', '.join(names)})."
        )
    candidates = [sheet] if sheet is not None else names
    empty = 0
    for name in candidates:
        if not workbook.is_worksheet(name):  # a chart sheet
            empty += 1
            continue
        loaded = workbook.sheet(name)
        layout = find_layout(loaded, needed)
        if layout is not None:
            return layout
        empty += sheet_is_empty(loaded)
    if empty == len(candidates):
        where = f"The sheet {sheet!r}" if sheet is not None else "The workbook"
        raise ExcelImportError("empty", f"{where} holds no data.")
    wanted = ", ".join(sorted(needed)) if needed else "NIK, Nama, Tanggal Lahir, …"
    raise ExcelImportError(
        "no_header",
        f"No header row found in the first {HEADER_SCAN_ROWS} rows"
        + (f" of sheet {sheet!r}" if sheet is not None else " of any sheet")
        + f". Put the column names ({wanted}) in one row above the data.",
    )


def data_rows(
    workbook: SourceWorkbook, layout: Layout, used: list[int]
) -> Iterator[tuple[int, tuple]]:
    """(row number, cells) for each row under the header that has a value in one of the
    ``used`` column positions; merged blocks filled down, heading rows skipped."""
    fill = _MergeFill(layout.merges)
    width = len(layout.headers)
    for number, cells in workbook.sheet(layout.sheet).rows(layout.header_row + 1):
        if not cells:
            continue
        cells = fill.apply(number, cells)
        if fill.headings and fill.is_heading(number, cells):
            continue
        if not any(
            (value := cells[i] if i < len(cells) else None) is not None
            and (not isinstance(value, str) or value.strip())
            for i in used
        ):
            continue
        if len(cells) > width:
            cells = cells[:width]
        yield number, cells
