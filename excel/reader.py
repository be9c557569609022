"""Opening an .xlsx file for import and reading its rows (python-calamine).

The file is recognised by its content, not its name, before any library sees it: an old
binary ``.xls`` and a password-protected ``.xlsx`` are both OLE2 containers (the second holds
an ``EncryptedPackage`` stream), a CSV or any other text is not a ZIP at all, and an ``.ods``
is a ZIP without a workbook. Each case gets an `ExcelImportError` with a stable ``code`` and
a message that says what to do.

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
  (plus the header rows) is refused with ``too_many_rows`` *before* calamine loads it.

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
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

from openpyxl.utils import column_index_from_string, get_column_letter
from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook, SheetTypeEnum

from excel.headers import match_header

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The first rows searched for the header row.
HEADER_SCAN_ROWS = 10
#: A header row names at least this many different fields.
MIN_HEADER_FIELDS = 2
#: The most of an OLE2 file searched for the name of an encrypted package.
_OLE2_SCAN_BYTES = 64 * 1024 * 1024
#: The most data rows a sheet may have (split larger lists into several files).
MAX_ROWS = 200_000
#: Day 0 of the serial numbers of the 1900 and the 1904 date systems.
EPOCH_1900 = datetime(1899, 12, 30)
EPOCH_1904 = datetime(1904, 1, 1)


class ExcelImportError(Exception):
    """A file that cannot be imported; ``code`` is stable (``not_xlsx``, ``old_xls``,
    ``encrypted``, ``empty``, ``no_sheet``, ``no_header``, ``too_many_rows``,
    ``unreadable``), the message says what to do."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class ImportCancelled(Exception):
    """The user stopped the import; nothing was written."""


def _check_signature(path: Path) -> None:
    """Raise ExcelImportError for a file that is not an xlsx by its first bytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise ExcelImportError("unreadable", f"{path.name}: the file does not exist.") from None
    except OSError as exc:
        raise ExcelImportError(
            "unreadable", f"{path.name}: cannot read the file ({exc.strerror or exc})."
        ) from None
    if not head:
        raise ExcelImportError("empty", f"{path.name} is empty (0 bytes). Copy it again.")
    if head == OLE2_MAGIC:
        if _ole2_encrypted(path):
            raise ExcelImportError(
                "encrypted",
                f"{path.name} is protected with a password. Open it in Excel or LibreOffice,"
                " remove the password (File > Info > Protect Workbook, or Save As without a"
                " password) and import that copy.",
            )
        raise ExcelImportError(
            "old_xls",
            f"{path.name} is an old Excel 97-2003 file (.xls). Open it in Excel or"
            " LibreOffice and save it as an Excel workbook (.xlsx), then import that file.",
        )
    if not head.startswith(b"PK"):
        raise ExcelImportError(
            "not_xlsx",
            f"{path.name} is not an Excel workbook (.xlsx). If it is a CSV or text file,"
            " open it in Excel or LibreOffice and save it as .xlsx.",
        )


def _ole2_encrypted(path: Path) -> bool:
    """Whether an OLE2 container holds an encrypted OOXML package: its directory names the
    stream ``EncryptedPackage`` (directory names are UTF-16LE)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(_OLE2_SCAN_BYTES)
    except OSError:
        return False
    return "EncryptedPackage".encode("utf-16-le") in data


def _check_package(archive: zipfile.ZipFile, path: Path) -> None:
    names = set(archive.namelist())
    if "xl/workbook.xml" in names or any(n.endswith("/workbook.xml") for n in names):
        return
    if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
        raise ExcelImportError(
            "not_xlsx",
            f"{path.name} is an OpenDocument file (.ods). Open it in LibreOffice and save it"
            " as an Excel workbook (.xlsx).",
        )
    raise ExcelImportError(
        "not_xlsx",
        f"{path.name} is a ZIP file but not an Excel workbook (.xlsx). Save the list from"
        " Excel or LibreOffice as .xlsx.",
    )


def _unreadable(path: Path, exc: Exception) -> ExcelImportError:
    return ExcelImportError(
        "unreadable",
        f"{path.name} cannot be read as an Excel workbook ({type(exc).__name__}: {exc})."
        " Open it in Excel or LibreOffice and save it again as .xlsx.",
    )


def _damaged(path: Path) -> ExcelImportError:
    return ExcelImportError(
        "unreadable",
        f"{path.name} is damaged or incomplete (was the copy interrupted?). Copy it"
        " again or save it again from Excel.",
    )


def _too_many_rows(sheet: str, max_rows: int) -> ExcelImportError:
    return ExcelImportError(
        "too_many_rows",
        f"The sheet {sheet!r} has more than {max_rows:,} rows. Split it into files of at"
        f" most {max_rows:,} rows and import them one by one.",
    )


# --- the package: where each sheet's XML is, the date system --------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship id -> target member of ``part`` (``xl/workbook.xml``)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    try:
        root = ElementTree.fromstring(archive.read(rels))
    except KeyError:
        return {}
    targets = {}
    for element in root:
        target = element.get("Target", "")
        if element.get("TargetMode") == "External" or not target:
            continue
        if target.startswith("/"):
            member = target.lstrip("/")
        else:
            member = posixpath.normpath(posixpath.join(folder, target))
        targets[element.get("Id", "")] = member
    return targets


def _package_parts(archive: zipfile.ZipFile) -> tuple[dict[str, str], bool]:
    """(sheet name -> its XML member, whether dates count from 1904)."""
    workbook = "xl/workbook.xml"
    with contextlib.suppress(KeyError):
        for element in ElementTree.fromstring(archive.read("_rels/.rels")):
            if element.get("Type", "").endswith("/officeDocument"):
                workbook = element.get("Target", workbook).lstrip("/")
    root = ElementTree.fromstring(archive.read(workbook))
    targets = _relations(archive, workbook)
    members: dict[str, str] = {}
    date1904 = False
    for element in root.iter():
        tag = _local(element.tag)
        if tag == "workbookPr":
            date1904 = element.get("date1904", "").lower() in ("1", "true")
        elif tag == "sheet":
            rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            if rid in targets:
                members[element.get("name", "")] = targets[rid]
    return members, date1904


# --- what calamine does not give: error cells; the size before loading ----------------------

#: Bytes of a sheet's XML scanned at a time.
_CHUNK = 1 << 20
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_ERROR_CELL = re.compile(
    rb"""<(?:\w+:)?c\s([^>]*?)\bt=["']e["']([^>/]*)>(.*?)</(?:\w+:)?c>""", re.DOTALL
)
_REFERENCE = re.compile(rb"""\br=["']([A-Z]+)([0-9]+)["']""")
#: A value with content: ``<v>`` (numbers, shared strings, errors, formula results) or the
#: ``<t>`` of an inline string. An empty cell that only carries a style or a border
#: (``<c r="A25" s="1"/>``) has neither.
_HAS_VALUE = re.compile(rb"<(?:\w+:)?[vt](?:\s[^>]*)?>[^<]")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</")


class _TooBig(Exception):
    """A sheet holds more rows than the import takes."""


def scan_sheet_xml(archive: zipfile.ZipFile, member: str, limit: int) -> dict[int, list]:
    """One pass over a sheet's XML, without parsing it: the error cells (``#N/A``) by row,
    as {row: [(column, text)]}. Raises `_TooBig` as soon as more than ``limit`` rows hold
    a value (a row of empty cells with only a border or a fill, as templates have far below
    their data, is not counted). An error cell without its reference (``r``, optional in
    the format and written by no spreadsheet program) stays empty."""
    errors: dict[int, list] = {}
    rows = 0
    tail = b""
    with archive.open(member) as source:
        while True:
            chunk = source.read(_CHUNK)
            data = tail + chunk
            cut = len(data)
            if chunk:  # keep the unfinished last row for the next chunk
                last = data.rfind(b"row>")
                cut = last + 4 if last >= 0 else 0
            part, tail = data[:cut], data[cut:]
            start = 0
            for end in _ROW_END.finditer(part):
                if _HAS_VALUE.search(part, start, end.start()):
                    rows += 1
                start = end.end()
            if rows > limit:
                raise _TooBig()
            if b't="e"' in part or b"t='e'" in part:
                for match in _ERROR_CELL.finditer(part):
                    reference = _REFERENCE.search(match.group(1) + b" " + match.group(2))
                    value = _VALUE.search(match.group(3))
                    if reference and value:
                        column = column_index_from_string(reference.group(1).decode())
                        text = value.group(1).decode("utf-8", "replace")
                        errors.setdefault(int(reference.group(2)), []).append((column, text))
            if not chunk:
                return errors


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


class Sheet:
    """One loaded sheet: its rows (1-based numbers, cells from column A), merged blocks
    and error cells."""

    def __init__(self, name: str, data: CalamineSheet, errors: dict[int, list]):
        self.name = name
        self._data = data
        self.errors = errors
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
        return [self._fix(n, _cells(r, ())) for n, r in enumerate(rows, start=1)]

    def rows(self, first: int = 1) -> Iterator[tuple[int, tuple]]:
        """(row number, cells) from row ``first`` on, every row, empty ones too."""
        if not self.last_row:
            return
        # calamine's iter_rows starts at row 1 (the empty rows above the data as empty
        # lists) and at the data's first column
        lead, errors, fix = self._lead, self.errors, self._fix
        for number, raw in enumerate(self._data.iter_rows(), start=1):
            if number < first:
                continue
            cells = _cells(raw, lead)
            yield number, fix(number, cells) if errors else tuple(cells)


class SourceWorkbook:
    """An .xlsx opened for import: its sheet names, date system and sheets, each loaded by
    calamine when first asked for (the last one kept)."""

    def __init__(self, path: Path, data: bytes, max_rows: int):
        self.path = path
        self.max_rows = max_rows
        self._archive = zipfile.ZipFile(io.BytesIO(data))
        _check_package(self._archive, path)
        self._members, date1904 = _package_parts(self._archive)
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
        except _TooBig:
            raise _too_many_rows(name, self.max_rows) from None
        except zipfile.BadZipFile:
            raise _damaged(self.path) from None
        except (CalamineError, OSError, ValueError, EOFError) as exc:
            raise _unreadable(self.path, exc) from None
        self._loaded = Sheet(name, data, errors)
        return self._loaded

    def close(self) -> None:
        self._loaded = None
        self._book.close()
        self._archive.close()


@contextlib.contextmanager
def open_workbook(path: Path | str, max_rows: int = MAX_ROWS) -> Iterator[SourceWorkbook]:
    """The workbook at ``path``, ready to read sheets from, closed on leaving. A sheet of
    more than ``max_rows`` rows is refused (``too_many_rows``) before it is loaded."""
    path = Path(path)
    _check_signature(path)
    try:
        # Bytes, not a name: calamine would go by the name and refuse "data.XLS".
        data = path.read_bytes()
        workbook = SourceWorkbook(path, data, max_rows)
    except ExcelImportError:
        raise
    except zipfile.BadZipFile:
        raise _damaged(path) from None
    except Exception as exc:  # calamine and ElementTree raise many kinds for a damaged file
        raise _unreadable(path, exc) from None
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
