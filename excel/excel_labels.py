"""Cell formatting for the Excel exports, without Qt.

The Excel number formats, the text cleaning every written value goes through, region names
looked up once per code, and the small helpers that make write-only cells (text that stays
text, bold headers). The Indonesian labels of the codes are `models.vocabulary`'s, the same
the screens show untranslated.
"""

from __future__ import annotations

import re

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from models.regions import Regions

#: Excel number formats: text, Indonesian dates, whole rupiah. The thousands separator
#: follows the reader's locale: "Rp 16.800" in Indonesian, "Rp 16,800" in English.
TEXT = "@"
DATE = "DD-MM-YYYY"
DATE_TIME = "DD-MM-YYYY HH:MM"
RUPIAH = '"Rp" #,##0'
COUNT = "#,##0"
#: The most characters an Excel cell holds.
CELL_MAX_CHARS = 32_767

#: Characters XML 1.0 does not allow (its ``Char`` production): the C0 controls other than
#: tab and the line ends, lone surrogates, U+FFFE and U+FFFF. openpyxl's own pattern misses
#: the last three, and a single one makes the whole workbook unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    """Text an .xlsx can hold: characters XML 1.0 forbids (control characters other than
    tab and newlines, lone surrogates, U+FFFE, U+FFFF) removed, and text longer than an
    Excel cell holds (`CELL_MAX_CHARS`) cut to that length, its last character "…"."""
    if _NOT_XML.search(text):
        text = _NOT_XML.sub("", text)
    if len(text) > CELL_MAX_CHARS:
        text = text[: CELL_MAX_CHARS - 1] + "…"
    return text


class _Names:
    """Names of desa, kecamatan, regencies and provinces, looked up once per code."""

    def __init__(self, regions: Regions):
        self.regions = regions
        self._villages: dict[str, str] = {}
        self._kecamatan: dict[str, str] = {}

    def village(self, code: str) -> str:
        name = self._villages.get(code)
        if name is None:
            found = self.regions.village(code) if code else None
            name = self._villages[code] = found.name if found else code
        return name

    def kecamatan(self, code: str) -> str:
        name = self._kecamatan.get(code)
        if name is None:
            found = self.regions.kecamatan_name(code) if code else ""
            name = self._kecamatan[code] = found or code
        return name

    def regency(self, code: str) -> str:
        region = self.regions.regencies.get(code[:5])
        return region.name if region else ""

    def province(self, code: str) -> str:
        region = self.regions.provinces.get(code[:2])
        return region.name if region else ""


# --- cells -------------------------------------------------------------------------------

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", start_color="DDEBF7")
_HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=True)


def _text_cell(sheet, text: str, number_format: str | None) -> WriteOnlyCell:
    """A cell that holds ``text`` as a string whatever it looks like."""
    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"
    if number_format:
        cell.number_format = number_format
    return cell


def _header_cell(sheet, text: str) -> WriteOnlyCell:
    cell = _text_cell(sheet, text, None)
    cell.font = _HEADER_FONT
    cell.fill = _HEADER_FILL
    cell.alignment = _HEADER_ALIGNMENT
    return cell
