"""The rows of a long write-only sheet written straight as SpreadsheetML, for speed.

openpyxl's write-only mode makes a cell object for every value and serialises it through
its XML writer: for the 100,000-row master list (33 columns) that is 3.3 million cells and
about 80 % of the export's time. `FastRows` writes those rows itself, as the same XML that
openpyxl's write-only sheets produce (inline strings, numbers, dates as serial numbers with
their cell styles), into a temporary file, and splices them into the sheet openpyxl wrote
when the sheet is closed. Everything else — the workbook, styles, column widths, frozen
panes, autofilter, page set-up, the other sheets, the ZIP — is still openpyxl's.

Use: make the sheet with openpyxl, append its header rows, then ``FastRows(sheet, columns,
rows_before=<header rows>)``; ``append`` each data row (values in column order; None or ""
leaves a cell empty); ``close()`` before the workbook is saved (``discard()`` when it is abandoned).
Rows may not be appended through openpyxl once `FastRows` has begun.

What Excel cannot hold is not written as is: text goes through `excel.excel_labels._clean`
(characters XML forbids removed; more than 32,767 characters, an Excel cell's limit, cut to
32,767 ending in "…"); dates before 1900-01-01, which have no Excel serial number, are
written as text, dd-mm-yyyy (with the time, HH:MM, in date-and-time columns); a number that
is a bool, NaN or infinite is refused with ValueError.

The only openpyxl internal relied on is the file a write-only sheet streams into
(``sheet._writer.out``); a test writes a sheet both ways and compares the cells.
"""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from excel.excel_labels import _clean

#: How a column's values are written.
STRING, NUMBER, DATE, DATE_TIME = range(4)

_EPOCH = date(1899, 12, 30)  # Excel's day 0 in the 1900 date system, right from 1900-03-01
_EPOCH_ORDINAL = _EPOCH.toordinal()
# Excel counts a 29-02-1900 that never was (serial 60): days before it are one less.
_FAKE_LEAP_DAY_ORDINAL = date(1900, 3, 1).toordinal()
_ROW_END = "</row>"
_SHEET_DATA_END = b"</sheetData>"


@dataclass(frozen=True)
class FastColumn:
    """One column: how its values are written and the number format they show with
    (None: the workbook's default style)."""

    kind: int
    number_format: str | None = None


def _escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:  # XML readers turn a bare CR into LF unless it is a reference
        text = text.replace("\r", "&#13;")
    return text


def excel_serial(value: date | datetime) -> str:
    """A date (or naive date and time) from 1900-01-01 on as Excel's serial day number, as
    text (1900-01-01 is 1, 1900-03-01 is 61: Excel has a 29-02-1900). ValueError before."""
    if value.year < 1900:
        raise ValueError(f"{value} is before 1900-01-01, the first day Excel counts")
    ordinal = value.toordinal()
    days = ordinal - _EPOCH_ORDINAL - (ordinal < _FAKE_LEAP_DAY_ORDINAL)
    if isinstance(value, datetime):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        if seconds or value.microsecond:
            return repr(days + (seconds + value.microsecond / 1e6) / 86400)
    return str(days)


def _date_text(value: date | datetime) -> str:
    """A date Excel cannot count (before 1900) as Indonesian text, dd-mm-yyyy [HH:MM]."""
    text = f"{value.day:02d}-{value.month:02d}-{value.year:04d}"
    if isinstance(value, datetime):
        text += f" {value.hour:02d}:{value.minute:02d}"
    return text


def _number(value) -> object:
    """A NUMBER cell's value, refused if XML's numbers cannot say it (or it is a bool)."""
    if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
        raise ValueError(f"{value!r} is not a number a cell can hold")
    return value


class FastRows:
    """Data rows of a write-only openpyxl sheet, written directly (see the module)."""

    def __init__(self, sheet, columns: list[FastColumn], rows_before: int):
        if sheet.closed:
            raise ValueError("the sheet is already closed")
        sheet._get_writer()  # the sheet's own stream file exists from here on
        self.sheet = sheet
        self.kinds = [column.kind for column in columns]
        self.row = rows_before  # the rows openpyxl wrote (headers)
        styles = [_style_attribute(sheet, column.number_format) for column in columns]
        letters = [get_column_letter(index) for index in range(1, len(columns) + 1)]
        # The start of each cell up to its row number, e.g. '<c s="3" t="inlineStr" r="B'.
        self._string_start = [
            f'<c{s} t="inlineStr" r="{col}' for s, col in zip(styles, letters, strict=True)
        ]
        self._value_start = [f'<c{s} r="{col}' for s, col in zip(styles, letters, strict=True)]
        handle, self.path = tempfile.mkstemp(prefix="jaring-rows-", suffix=".xml")
        self._file = os.fdopen(handle, "w", encoding="utf-8", newline="", buffering=1 << 20)
        self.closed = False

    @property
    def rows_written(self) -> int:
        """The number of the last row in the sheet so far."""
        return self.row

    def append(self, values) -> None:
        self.row += 1
        number = str(self.row)
        parts = [f'<row r="{number}">']
        kinds = self.kinds
        for index, value in enumerate(values):
            if value is None or value == "":
                continue
            kind = kinds[index]
            if kind == NUMBER:
                if value.__class__ is not int:
                    value = _number(value)
                parts.append(f'{self._value_start[index]}{number}"><v>{value}</v></c>')
                continue
            if kind != STRING:
                if value.year >= 1900:
                    parts.append(
                        f'{self._value_start[index]}{number}"><v>{excel_serial(value)}</v></c>'
                    )
                    continue
                value = _date_text(value)
            text = _escape(_clean(value))
            if not text:  # nothing left that a cell can hold
                continue
            space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
            parts.append(f'{self._string_start[index]}{number}"><is><t{space}>{text}</t></is></c>')
        parts.append(_ROW_END)
        self._file.write("".join(parts))

    def close(self) -> None:
        """Close the sheet (openpyxl writes what follows the rows) and put the rows in."""
        if self.closed:
            return
        self._file.close()
        self.sheet.close()
        sheet_file = self.sheet._writer.out
        with open(sheet_file, "rb") as source:
            written = source.read()  # the header rows and the sheet's settings: small
        end = written.rfind(_SHEET_DATA_END)
        if end < 0:
            raise RuntimeError("the sheet has no row data to add rows to")
        with open(sheet_file, "wb") as target, open(self.path, "rb") as rows:
            target.write(written[:end])
            while block := rows.read(1 << 20):
                target.write(block)
            target.write(written[end:])
        self._remove_rows_file()
        self.closed = True

    def discard(self) -> None:
        """Forget the rows (the export was cancelled or failed)."""
        with contextlib.suppress(OSError):
            self._file.close()
        self._remove_rows_file()
        self.closed = True

    def _remove_rows_file(self) -> None:
        with contextlib.suppress(OSError):
            os.unlink(self.path)


def _style_attribute(sheet, number_format: str | None) -> str:
    """`` s="N"`` for cells shown with ``number_format``, registering the style in the
    workbook so that openpyxl writes it to styles.xml; "" for the default style."""
    if number_format is None:
        return ""
    cell = WriteOnlyCell(sheet)
    cell.number_format = number_format
    return f' s="{cell.style_id}"'
