"""The sheets of the master workbook: "Pendaftaran" (a row per registration) and "Rekap".

`_MasterSheet` writes the registrations after `MASTER_COLUMNS` (NIK, KK, phones and postal
codes as text, dates as dates, money as rupiah); `_write_summary` writes the registrations
and monthly contributions per kecamatan and desa. `excel.export.export_master` drives
them and writes the file.
"""

from __future__ import annotations

from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from excel import xlsx_rows
from excel.excel_labels import (
    _HEADER_FONT,
    COUNT,
    DATE,
    DATE_TIME,
    RUPIAH,
    TEXT,
    _clean,
    _header_cell,
    _Names,
    _text_cell,
)
from excel.xlsx_rows import FastColumn, FastRows
from models import export_rows
from models.export_rows import ExportTotals, RegionTotals
from models.registration import Registration
from models.vocabulary import (
    FUNDING_LABELS,
    HEIR_RELATION_LABELS,
    MARITAL_LABELS,
    STATUS_LABELS,
    TARGET_GROUP_LABELS,
    period_label,
    yes_no,
)

MASTER_SHEET = "Pendaftaran"
SUMMARY_SHEET = "Rekap"

# Kinds of master column: how a value is written.
_PLAIN, _TEXT, _NUMBER, _DATE, _DATE_TIME, _MONEY = range(6)
_FORMATS = {_TEXT: TEXT, _DATE: DATE, _DATE_TIME: DATE_TIME, _MONEY: RUPIAH}
_FAST_KINDS = {
    _PLAIN: xlsx_rows.STRING,
    _TEXT: xlsx_rows.STRING,
    _NUMBER: xlsx_rows.NUMBER,
    _DATE: xlsx_rows.DATE,
    _DATE_TIME: xlsx_rows.DATE_TIME,
    _MONEY: xlsx_rows.NUMBER,
}
_STRINGS = (_PLAIN, _TEXT)

#: (header, width, kind) of sheet "Pendaftaran", in order; `_MasterSheet.values` follows it.
MASTER_COLUMNS: tuple[tuple[str, float, int], ...] = (
    ("No.", 7, _NUMBER),
    ("NIK", 19, _TEXT),
    ("No. KK", 19, _TEXT),
    ("Nama lengkap", 28, _PLAIN),
    ("Tempat lahir", 16, _PLAIN),
    ("Tanggal lahir", 13, _DATE),
    ("L/P", 5, _PLAIN),
    ("Status perkawinan", 14, _PLAIN),
    ("Nama ibu kandung", 24, _PLAIN),
    ("Alamat", 34, _PLAIN),
    ("RT", 6, _TEXT),
    ("RW", 6, _TEXT),
    ("Desa/Kelurahan", 20, _PLAIN),
    ("Kecamatan", 16, _PLAIN),
    ("Kode pos", 9, _TEXT),
    ("No. HP", 15, _TEXT),
    ("Email", 26, _PLAIN),
    ("Pekerjaan", 20, _PLAIN),
    ("Pekerja transportasi", 13, _PLAIN),
    ("Saat ini bekerja", 11, _PLAIN),  # the worker's declaration, as on the form
    ("Kelompok sasaran", 24, _PLAIN),
    ("Penghasilan per bulan", 16, _MONEY),
    ("Program", 14, _PLAIN),
    ("Iuran per bulan", 14, _MONEY),
    ("Periode bayar", 11, _PLAIN),
    ("Sumber iuran", 20, _PLAIN),
    ("Kode segmen", 10, _PLAIN),  # BPJS's code for who pays: unverified (models.segments)
    ("Perusahaan CSR", 22, _PLAIN),
    ("Ahli waris", 24, _PLAIN),
    ("Hubungan", 14, _PLAIN),
    ("No. HP ahli waris", 15, _TEXT),
    ("Persetujuan", 12, _PLAIN),  # the worker's consent: read back by the list import
    ("Status", 18, _PLAIN),
    ("No. KPJ", 13, _TEXT),
    ("Kartu KPJ diserahkan", 13, _DATE),  # the day the worker got the card (models.card_handover)
    ("Pernah jadi peserta", 11, _PLAIN),
    ("No. KPJ lama", 13, _TEXT),
    ("Petugas", 18, _PLAIN),
    ("Diperbarui", 17, _DATE_TIME),
)


def _local_time(stamp: str) -> datetime | None:
    """An ISO time with offset (as stored) as a naive local time (Excel has no zones)."""
    if not stamp:
        return None
    try:
        return datetime.fromisoformat(stamp).astimezone().replace(tzinfo=None)
    except ValueError:
        return None


class _MasterSheet:
    """Writes sheet "Pendaftaran": header, one row per registration, filter and panes."""

    def __init__(self, workbook: Workbook, names: _Names):
        self.sheet = workbook.create_sheet(MASTER_SHEET)
        self.names = names
        self.kinds = [kind for _, _, kind in MASTER_COLUMNS]
        for index, (_, width, _) in enumerate(MASTER_COLUMNS, 1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.sheet.freeze_panes = "C2"  # header and the NIK stay in sight
        self.sheet.print_title_rows = "1:1"
        self.sheet.page_setup.orientation = "landscape"
        self.sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        self.sheet.row_dimensions[1].height = 30
        self.sheet.append([_header_cell(self.sheet, header) for header, _, _ in MASTER_COLUMNS])
        self.fast = FastRows(
            self.sheet,
            [FastColumn(_FAST_KINDS[kind], _FORMATS.get(kind)) for kind in self.kinds],
            rows_before=1,
        )
        self.rows = 0

    def values(self, number: int, reg: Registration, monthly: int | None) -> tuple:
        """The row of one registration, in `MASTER_COLUMNS` order."""
        return (
            number,
            reg.nik,
            reg.kk,
            reg.full_name,
            reg.birth_place,
            reg.birth_date,
            reg.sex,
            MARITAL_LABELS.get(reg.marital_status, reg.marital_status),
            reg.mother_name,
            reg.address,
            reg.rt,
            reg.rw,
            self.names.village(reg.village_code),
            self.names.kecamatan(reg.kecamatan_code),
            reg.postal_code,
            reg.phone,
            reg.email,
            reg.occupation,
            yes_no(reg.transport_worker),
            yes_no(reg.working_now),
            TARGET_GROUP_LABELS.get(reg.target_group, reg.target_group),
            reg.monthly_income,
            ", ".join(reg.programs),
            monthly,
            period_label(reg.contribution_months),
            FUNDING_LABELS.get(reg.funding_source, reg.funding_source),
            export_rows.segment_code(reg),
            reg.csr_company,
            reg.heir_name,
            HEIR_RELATION_LABELS.get(reg.heir_relation, reg.heir_relation),
            reg.heir_phone,
            yes_no(reg.consent),
            STATUS_LABELS.get(reg.status, reg.status),
            reg.kpj,
            date.fromisoformat(reg.kpj_card_handed_on) if reg.kpj_card_handed_on else None,
            yes_no(reg.previous_participant),
            reg.previous_kpj,
            reg.created_by,
            _local_time(reg.updated_at),
        )

    def append(self, reg: Registration, monthly: int | None) -> None:
        self.rows += 1
        row = [
            str(value)  # FastRows cleans the text
            if kind in _STRINGS and value is not None and not isinstance(value, str)
            else value
            for value, kind in zip(self.values(self.rows, reg, monthly), self.kinds, strict=True)
        ]
        self.fast.append(row)

    def finish(self) -> None:
        last = get_column_letter(len(MASTER_COLUMNS))
        self.sheet.auto_filter.ref = f"A1:{last}{self.rows + 1}"
        self.fast.close()

    def discard(self) -> None:
        self.fast.discard()


def _filter_text(statuses: tuple[str, ...], kecamatan: str | None, desa: str | None, names) -> str:
    parts = []
    if statuses:
        parts.append("Status: " + ", ".join(STATUS_LABELS.get(s, s) for s in statuses))
    if kecamatan:
        parts.append(f"Kecamatan: {names.kecamatan(kecamatan)} ({kecamatan})")
    if desa:
        parts.append(f"Desa/Kelurahan: {names.village(desa)} ({desa})")
    return "; ".join(parts) if parts else "Semua pendaftaran (yang tidak dihapus)"


#: Columns of sheet "Rekap": (header, width).
SUMMARY_COLUMNS = (
    ("Kecamatan", 22),
    ("Desa/Kelurahan", 24),
    ("Kode wilayah", 15),
    ("Pendaftaran", 13),
    ("Iuran per bulan", 18),
    ("Tanpa data penghasilan", 24),
)
SUMMARY_BY_KECAMATAN = "Per kecamatan"
SUMMARY_BY_DESA = "Per desa/kelurahan"
SUMMARY_TOTAL = "Jumlah seluruhnya"


def _write_summary(
    sheet, totals: ExportTotals, names: _Names, today: date, filter_text: str
) -> None:
    """Sheet "Rekap": what was exported, then registrations and monthly contributions per
    kecamatan and per desa, each table closed by the grand total."""
    for index, (_, width) in enumerate(SUMMARY_COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    def bold(text: str) -> WriteOnlyCell:
        cell = _text_cell(sheet, text, None)
        cell.font = _HEADER_FONT
        return cell

    def numbers(region: RegionTotals, strong: bool = False) -> list:
        cells = []
        for value, number_format in (
            (region.registrations, COUNT),
            (region.monthly_contribution, RUPIAH),
            (region.without_contribution, COUNT),
        ):
            cell = WriteOnlyCell(sheet, value)
            cell.number_format = number_format
            if strong:
                cell.font = _HEADER_FONT
            cells.append(cell)
        return cells

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    title = bold("Rekap pendaftaran BPJS Ketenagakerjaan")
    title.font = Font(bold=True, size=13)
    made = WriteOnlyCell(sheet, today)
    made.number_format = DATE
    made.alignment = Alignment(horizontal="left")
    sheet.append([title])
    sheet.append(["Tanggal", made])
    sheet.append(["Saringan", _clean(filter_text)])
    sheet.append(["Catatan", "Iuran per bulan menurut aturan iuran yang berlaku pada tanggal itu."])
    sheet.append([None, "Pendaftaran tanpa data penghasilan tidak ikut dijumlah dalam iuran."])
    sheet.append([])
    sheet.append([bold(SUMMARY_BY_KECAMATAN)])
    sheet.append([_header_cell(sheet, text) for text, _ in SUMMARY_COLUMNS])
    for code in sorted(totals.by_kecamatan):
        name = names.kecamatan(code) if code else "(tanpa kecamatan)"
        sheet.append([_clean(name), None, code or None, *numbers(totals.by_kecamatan[code])])
    sheet.append([bold(SUMMARY_TOTAL), None, None, *numbers(totals.total, strong=True)])

    sheet.append([])
    sheet.append([bold(SUMMARY_BY_DESA)])
    sheet.append([_header_cell(sheet, text) for text, _ in SUMMARY_COLUMNS])
    for code in sorted(totals.by_desa):
        kecamatan = code[:8]
        row = [
            _clean(names.kecamatan(kecamatan)) if kecamatan else "(tanpa kecamatan)",
            _clean(names.village(code)) if code else "(tanpa desa)",
            code or None,
            *numbers(totals.by_desa[code]),
        ]
        sheet.append(row)
    sheet.append([bold(SUMMARY_TOTAL), None, None, *numbers(totals.total, strong=True)])
