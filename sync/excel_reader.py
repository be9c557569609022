"""Opening an .xlsx file for import and streaming its rows (openpyxl in read-only mode).

The file is recognised by its content, not its name: an old binary ``.xls`` and a
password-protected ``.xlsx`` are both OLE2 containers (the second holds an
``EncryptedPackage`` stream), a CSV or any other text is not a ZIP at all, and an ``.ods``
is a ZIP without a workbook. Each case gets an `ExcelImportError` with a stable ``code`` and
a message that says what to do.

Formulas: the workbook is opened with ``data_only=True``, so a formula cell gives the value
that Excel or LibreOffice calculated and stored when the file was last saved there. A file
written by a program that never calculated (openpyxl, some web exports) holds no stored
value: such a cell reads as empty and is reported like any other empty cell.

Merged cells: read-only mode gives the value in the first cell of a merged block and None in
the rest. A block merged down a column (one desa written once for ten people) is filled down
from the sheet's own list of merged blocks; a block merged across a row (a heading such as
``DESA PUDU`` over the whole table) is left as it is, and a row that holds nothing else is
skipped.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string, get_column_letter

from sync.excel_headers import match_header

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The first rows searched for the header row.
HEADER_SCAN_ROWS = 10
#: A header row names at least this many different fields.
MIN_HEADER_FIELDS = 2
#: The most of an OLE2 file searched for the name of an encrypted package.
_OLE2_SCAN_BYTES = 64 * 1024 * 1024


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


@contextlib.contextmanager
def open_workbook(path: Path | str) -> Iterator:
    """The workbook at ``path`` in read-only, cached-values mode, closed on leaving."""
    path = Path(path)
    _check_signature(path)
    handle: BinaryIO = path.open("rb")
    try:
        try:
            with zipfile.ZipFile(handle) as archive:
                _check_package(archive, path)
            handle.seek(0)
            # A file object, not a name: openpyxl would refuse a list saved as "data.XLS".
            workbook = load_workbook(handle, read_only=True, data_only=True)
        except ExcelImportError:
            raise
        except zipfile.BadZipFile:
            raise ExcelImportError(
                "unreadable",
                f"{path.name} is damaged or incomplete (was the copy interrupted?). Copy it"
                " again or save it again from Excel.",
            ) from None
        except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
            raise ExcelImportError(
                "unreadable",
                f"{path.name} cannot be read as an Excel workbook ({type(exc).__name__}: {exc})."
                " Open it in Excel or LibreOffice and save it again as .xlsx.",
            ) from None
        try:
            yield workbook
        finally:
            workbook.close()
    finally:
        handle.close()


# --- merged blocks -----------------------------------------------------------------------

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)"')


def merged_blocks(worksheet) -> list[tuple[int, int, int, int]]:
    """The merged blocks of a read-only sheet as (first row, first column, last row, last
    column), read from its XML (read-only mode does not keep them)."""
    archive = getattr(worksheet.parent, "_archive", None)
    member = getattr(worksheet, "_worksheet_path", None)
    if archive is None or member is None:
        return []
    blocks = []
    tail = b""
    with archive.open(member) as source:
        while chunk := source.read(1 << 20):
            data = tail + chunk
            end = 0
            for match in _MERGE.finditer(data):
                c1, r1, c2, r2 = match.groups()
                blocks.append((
                    int(r1), column_index_from_string(c1.decode()),
                    int(r2), column_index_from_string(c2.decode()),
                ))  # fmt: skip
                end = match.end()
            tail = data[max(end, len(data) - 200) :]
    return blocks


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


def find_layout(worksheet, needed: frozenset[str] = frozenset()) -> Layout | None:
    """The header row among the first rows of ``worksheet`` (the one naming the most
    fields, the earlier one on a tie), or None when no row names enough fields (or the
    ``needed`` ones)."""
    estimated = worksheet.max_row or 0
    worksheet.reset_dimensions()  # some writers store a wrong size; read what is there
    merges = merged_blocks(worksheet)
    rows = list(worksheet.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS, values_only=True))
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
    return Layout(worksheet.title, number, headers, fields, max(0, estimated - number), merges)


def sheet_is_empty(worksheet) -> bool:
    """Whether the first rows of ``worksheet`` hold nothing but blanks."""
    for cells in worksheet.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS, values_only=True):
        if any(v is not None and str(v).strip() for v in cells):
            return False
    return True


def choose_layout(workbook, sheet: str | None, needed: frozenset[str] = frozenset()) -> Layout:
    """The table to import: on ``sheet`` when given, else on the first sheet with a
    recognisable header row. Raises ExcelImportError (``no_sheet``, ``empty``,
    ``no_header``)."""
    names = list(workbook.sheetnames)
    if sheet is not None and sheet not in names:
        raise ExcelImportError(
            "no_sheet", f"The workbook has no sheet named {sheet!r} (it has: {', '.join(names)})."
        )
    candidates = [sheet] if sheet is not None else names
    empty = 0
    for name in candidates:
        worksheet = workbook[name]
        if not hasattr(worksheet, "iter_rows"):  # a chart sheet
            empty += 1
            continue
        layout = find_layout(worksheet, needed)
        if layout is not None:
            return layout
        empty += sheet_is_empty(worksheet)
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


def data_rows(workbook, layout: Layout, used: list[int]) -> Iterator[tuple[int, tuple]]:
    """(row number, cells) for each row under the header that has a value in one of the
    ``used`` column positions; merged blocks filled down, heading rows skipped."""
    worksheet = workbook[layout.sheet]
    worksheet.reset_dimensions()
    fill = _MergeFill(layout.merges)
    width = len(layout.headers)
    first = layout.header_row + 1
    for number, cells in enumerate(
        worksheet.iter_rows(min_row=first, values_only=True), start=first
    ):
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
