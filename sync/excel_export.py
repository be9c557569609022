"""Excel files for the district: the master list, and the files BPJS's bulk upload takes.

`export_master` writes every live registration matching a filter to one workbook: sheet
"Pendaftaran" with a row per registration (Indonesian headers and labels; NIK, KK, KPJ,
phones and postal codes as text, dates as dates, money as numbers in rupiah), and sheet
"Rekap" with the registrations and monthly contributions per kecamatan and desa.

`export_bpjs` writes the collective-registration layout of BPJS's employer portal (SIPP
"Tambah Massal", form F1A): the columns come from `resources/bpjs_collective_template.json`
so a branch's real template is matched without code changes; every cell is text, at most
10,000 rows a file, numbered files when there are more. Optionally the exported
registrations become ``submitted`` once every file is written.

Both stream the rows (openpyxl's write-only mode, the database read in chunks), report
``progress(done, total, text)`` every 1,000 rows and stop with `ExportCancelled` when
``cancelled()`` says so. Files are written whole or not at all: a temporary file in the
target folder, renamed when complete; a cancel or an error (full disk, pulled USB stick)
leaves no file and marks nothing, and the BPJS files are all or nothing together.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlite_utils import Database

from models import export_rows
from models.contribution import ContributionTable, default_table
from models.export_rows import ExportTotals, RegionTotals
from models.files import atomic_file, fsync_folder
from models.regions import Regions, default_regions
from models.registration import Registration, Status
from models.resources import resource_path

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

#: Excel number formats: text, Indonesian dates, whole rupiah. The thousands separator
#: follows the reader's locale: "Rp 16.800" in Indonesian, "Rp 16,800" in English.
TEXT = "@"
DATE = "DD-MM-YYYY"
DATE_TIME = "DD-MM-YYYY HH:MM"
RUPIAH = '"Rp" #,##0'
COUNT = "#,##0"

#: What BPJS's bulk upload accepts in one file.
BPJS_MAX_ROWS = 10_000
#: Rows between two progress reports (and cancel checks).
CHUNK = 1_000

MASTER_SHEET = "Pendaftaran"
SUMMARY_SHEET = "Rekap"
DEFAULT_TEMPLATE = "bpjs_collective_template.json"


class ExcelExportError(Exception):
    """An export that cannot be made: ``code`` is stable (``folder_missing``,
    ``not_a_folder``, ``nothing_to_export``, ``bad_filter``, ``template_invalid``,
    ``write_failed``, ``mark_failed``), ``message`` a short English sentence."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"ExcelExportError({self.code!r}, {self.message!r})"


class ExportCancelled(Exception):
    """The user cancelled the export: no file was left behind and nothing was marked."""


# --- Indonesian labels (the ones ui/labels.py shows, without Qt) ----------------------------

MARITAL_LABELS = {
    "belum_kawin": "Belum kawin",
    "kawin": "Kawin",
    "cerai_hidup": "Cerai hidup",
    "cerai_mati": "Cerai mati",
}
TARGET_GROUP_LABELS = {
    "petani": "Petani / pekebun",
    "nelayan": "Nelayan",
    "peternak": "Peternak",
    "umkm": "Usaha mikro dan kecil (UMKM)",
    "atlet": "Atlet / olahragawan",
    "non_asn": "Pegawai non-ASN",
    "miskin_rentan": "Warga miskin / rentan",
    "informal_lain": "Pekerja informal lainnya",
}
FUNDING_LABELS = {
    "apbd": "APBD kabupaten",
    "csr": "CSR perusahaan",
    "mandiri": "Mandiri (bayar sendiri)",
}
HEIR_RELATION_LABELS = {
    "suami_istri": "Suami/istri",
    "anak": "Anak",
    "orang_tua": "Orang tua",
    "saudara": "Saudara kandung",
    "lainnya": "Lainnya",
}
STATUS_LABELS = {
    "draft": "Draf",
    "ready": "Siap kirim",
    "exported": "Sudah diekspor",
    "received": "Diterima kabupaten",
    "submitted": "Diajukan ke BPJS",
    "registered": "Terdaftar",
    "rejected": "Ditolak",
}


def period_label(months: int | None) -> str:
    """``3`` -> ``3 bulan``."""
    return f"{months} bulan" if months else ""


# --- results ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MasterExport:
    """A master workbook as written: its path, how many registrations it lists, its sheets
    and the totals of its Rekap sheet."""

    path: Path
    rows: int
    sheets: tuple[str, ...]
    totals: ExportTotals


@dataclass(frozen=True)
class BpjsExport:
    """The BPJS upload files as written (in order), the registrations in them, how many
    each file holds, and what marking them ``submitted`` did (0 and () when not asked)."""

    paths: list[Path]
    rows: int
    rows_per_file: list[int]
    marked: int = 0
    skipped: tuple[str, ...] = ()
    template_verified: bool = False


# --- shared helpers ---------------------------------------------------------------------


def _clean(text: str) -> str:
    """Text an .xlsx can hold: control characters (other than tab and newlines) removed."""
    return ILLEGAL_CHARACTERS_RE.sub("", text) if ILLEGAL_CHARACTERS_RE.search(text) else text


def _check_folder(folder: Path) -> None:
    if not folder.exists():
        raise ExcelExportError("folder_missing", f"the folder {folder} does not exist")
    if not folder.is_dir():
        raise ExcelExportError("not_a_folder", f"{folder} is not a folder")


def _check_cancelled(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled()


def _statuses(status: str | Iterable[str] | None) -> tuple[str, ...]:
    try:
        return export_rows.statuses_of(status)
    except ValueError as exc:
        raise ExcelExportError("bad_filter", str(exc)) from exc


def _temp_path(target: Path) -> Path:
    return target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"


def _save_to_temp(workbook: Workbook, target: Path) -> Path:
    """Save ``workbook`` whole (flushed and fsynced) to a hidden temporary file beside
    ``target``; the caller renames it. On failure the temporary file is gone."""
    temp = _temp_path(target)
    try:
        with open(temp, "xb") as stream:
            workbook.save(stream)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        _remove(temp)
        raise
    return temp


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _discard(workbook: Workbook | None) -> None:
    """Remove the sheet files a write-only workbook streams its rows into (in the system's
    temporary folder) when it is abandoned before being saved."""
    if workbook is None:
        return
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        if not sheet.closed:
            with contextlib.suppress(Exception):
                sheet.close()  # ends its row stream and closes the file
        with contextlib.suppress(OSError):
            os.unlink(writer.out)


def _write_failed(target: Path, exc: OSError) -> ExcelExportError:
    reason = exc.strerror or str(exc)
    return ExcelExportError("write_failed", f"could not write {target}: {reason}")


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


# --- the master workbook ----------------------------------------------------------------

# Kinds of master column: how a value is written.
_PLAIN, _TEXT, _NUMBER, _DATE, _DATE_TIME, _MONEY = range(6)
_FORMATS = {_TEXT: TEXT, _DATE: DATE, _DATE_TIME: DATE_TIME, _MONEY: RUPIAH}

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
    ("Kelompok sasaran", 24, _PLAIN),
    ("Penghasilan per bulan", 16, _MONEY),
    ("Program", 14, _PLAIN),
    ("Iuran per bulan", 14, _MONEY),
    ("Periode bayar", 11, _PLAIN),
    ("Sumber iuran", 20, _PLAIN),
    ("Perusahaan CSR", 22, _PLAIN),
    ("Ahli waris", 24, _PLAIN),
    ("Hubungan", 14, _PLAIN),
    ("No. HP ahli waris", 15, _TEXT),
    ("Persetujuan", 12, _PLAIN),  # the worker's consent: read back by the list import
    ("Status", 18, _PLAIN),
    ("No. KPJ", 13, _TEXT),
    ("Petugas", 18, _PLAIN),
    ("Diperbarui", 17, _DATE_TIME),
)

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", start_color="DDEBF7")
_HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=True)


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
        self.cells = [_styled_cell(self.sheet, _FORMATS.get(kind)) for kind in self.kinds]
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
            TARGET_GROUP_LABELS.get(reg.target_group, reg.target_group),
            reg.monthly_income,
            ", ".join(reg.programs),
            monthly,
            period_label(reg.contribution_months),
            FUNDING_LABELS.get(reg.funding_source, reg.funding_source),
            reg.csr_company,
            reg.heir_name,
            HEIR_RELATION_LABELS.get(reg.heir_relation, reg.heir_relation),
            reg.heir_phone,
            "Ya" if reg.consent else "Tidak",
            STATUS_LABELS.get(reg.status, reg.status),
            reg.kpj,
            reg.created_by,
            _local_time(reg.updated_at),
        )

    def append(self, reg: Registration, monthly: int | None) -> None:
        self.rows += 1
        row: list = []
        for value, kind, cell in zip(
            self.values(self.rows, reg, monthly), self.kinds, self.cells, strict=True
        ):
            if value is None or value == "":
                row.append(None)
            elif kind == _PLAIN:
                text = _clean(value)
                # "=…" would be a formula and "#N/A" an error value: keep them text.
                if text[:1] in ("=", "#"):
                    row.append(_text_cell(self.sheet, text, None))
                else:
                    row.append(text or None)
            elif kind == _NUMBER:
                row.append(value)
            elif kind == _TEXT:
                text = _clean(str(value))
                row.append(_set_text(cell, text) if text else None)
            else:
                cell.value = value
                row.append(cell)
        self.sheet.append(row)

    def finish(self) -> None:
        last = get_column_letter(len(MASTER_COLUMNS))
        self.sheet.auto_filter.ref = f"A1:{last}{self.rows + 1}"


def _styled_cell(sheet, number_format: str | None) -> WriteOnlyCell | None:
    """One styled cell for a whole column, given a new value for each row.

    A write-only sheet writes a row out when it is appended, so one cell object per column
    can carry every row's value; making and styling a new cell for every value took a fifth
    of the export's time.
    """
    if number_format is None:
        return None
    cell = WriteOnlyCell(sheet)
    cell.number_format = number_format
    return cell


def _set_text(cell: WriteOnlyCell, text: str) -> WriteOnlyCell:
    """``cell`` holding ``text`` as a string, even one that looks like a formula."""
    cell.value = text
    cell.data_type = "s"
    return cell


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


def export_master(
    db: Database,
    path: Path | str,
    *,
    status: str | None = None,
    kecamatan: str | None = None,
    desa: str | None = None,
    regions: Regions | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    contributions: ContributionTable | None = None,
) -> MasterExport:
    """Write the master workbook of live registrations to ``path`` (replaced if it exists).

    Filters: ``status`` (a `Status` value), ``kecamatan`` (``62.08.01``), ``desa``
    (``62.08.01.2001``); all given ones apply. Contributions follow the rules in force on
    ``today`` (the day of the export by default), which the Rekap sheet states too.
    Raises `ExcelExportError` (nothing to export, missing folder, bad filter, write failed)
    or `ExportCancelled`; in every such case no file is left behind.
    """
    target = Path(path)
    _check_folder(target.parent)
    if target.is_dir():
        raise ExcelExportError("not_a_file", f"{target} is a folder, not a file name")
    statuses = _statuses(status)
    today = today or date.today()
    names = _Names(regions or default_regions())
    table = contributions or default_table()
    total = export_rows.count_registrations(db, status=statuses, kecamatan=kecamatan, desa=desa)
    if total == 0:
        raise ExcelExportError("nothing_to_export", "no registration matches the filter")

    totals = ExportTotals()
    workbook = Workbook(write_only=True)
    try:
        master = _MasterSheet(workbook, names)
        summary = workbook.create_sheet(SUMMARY_SHEET)
        chunks = export_rows.iter_registrations(
            db, status=statuses, kecamatan=kecamatan, desa=desa, chunk_size=CHUNK
        )
        with contextlib.closing(chunks):
            for chunk in chunks:
                _check_cancelled(cancelled)
                for reg in chunk:
                    monthly = export_rows.monthly_contribution(reg, table, today)
                    totals.add(reg, monthly)
                    master.append(reg, monthly)
                if progress:
                    progress(master.rows, max(total, master.rows), MASTER_SHEET)
        if master.rows == 0:  # deleted since they were counted
            raise ExcelExportError("nothing_to_export", "no registration matches the filter")
        master.finish()
        _write_summary(
            summary, totals, names, today, _filter_text(statuses, kecamatan, desa, names)
        )
        _check_cancelled(cancelled)
        if progress:
            progress(master.rows, master.rows, target.name)  # zipping takes a few seconds
        with atomic_file(target) as temp:
            with open(temp, "wb") as stream:
                workbook.save(stream)
            _check_cancelled(cancelled)
    except OSError as exc:
        raise _write_failed(target, exc) from exc
    finally:
        _discard(workbook)
    if progress:
        progress(master.rows, master.rows, "")
    return MasterExport(target, master.rows, (MASTER_SHEET, SUMMARY_SHEET), totals)


# --- the BPJS collective-registration files ---------------------------------------------


@dataclass(frozen=True)
class BpjsColumn:
    """One column of the BPJS layout: its header, where its value comes from (a
    registration field or one of `DERIVED_VALUES`) or a constant, and an optional map from
    the value as written by default to the text the template wants."""

    header: str
    value: str = ""
    constant: str | None = None
    map: Mapping[str, str] = field(default_factory=dict)
    upper: bool = False


@dataclass(frozen=True)
class BpjsTemplate:
    """The layout of BPJS's upload file, read from a template JSON file."""

    columns: tuple[BpjsColumn, ...]
    name: str = ""
    verified: bool = False
    note: str = ""
    sheet_title: str = "Sheet1"
    max_rows_per_file: int = BPJS_MAX_ROWS
    file_prefix: str = "bpjs-kolektif"


#: Values a template column may name besides the registration's own fields.
DERIVED_VALUES = (
    "village_name", "kecamatan_name", "regency_name", "province_name", "kecamatan_code",
    "regency_code", "province_code", "program_jkk", "program_jkm", "programs", "start_date",
    "monthly_contribution", "row_number",
)  # fmt: skip
_REGISTRATION_FIELDS = frozenset(Registration.__dataclass_fields__) - {"warnings_confirmed"}
_FILE_PREFIX = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,60}")


def _template_error(message: str) -> ExcelExportError:
    return ExcelExportError("template_invalid", f"BPJS template: {message}")


def load_template(source: Path | str | Mapping | None = None) -> BpjsTemplate:
    """The BPJS layout from a JSON file (the shipped one by default) or an already parsed
    mapping; `ExcelExportError` ``template_invalid`` says what is wrong with it."""
    if isinstance(source, Mapping):
        data = source
    else:
        path = Path(source) if source is not None else resource_path(DEFAULT_TEMPLATE)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise _template_error(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, Mapping) or not isinstance(data.get("columns"), list):
        raise _template_error("it needs a list of columns")
    if not data["columns"]:
        raise _template_error("it has no columns")
    columns = []
    known = _REGISTRATION_FIELDS | set(DERIVED_VALUES)
    for number, spec in enumerate(data["columns"], 1):
        if not isinstance(spec, Mapping) or not isinstance(spec.get("header"), str):
            raise _template_error(f"column {number} needs a header")
        value, constant = spec.get("value", ""), spec.get("constant")
        if constant is not None and not isinstance(constant, str):
            raise _template_error(f"column {number}: a constant is text")
        if constant is None and value not in known:
            raise _template_error(f"column {number} ({spec['header']}): unknown value {value!r}")
        mapping = spec.get("map", {})
        if not isinstance(mapping, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()
        ):
            raise _template_error(f"column {number}: 'map' maps text to text")
        columns.append(
            BpjsColumn(spec["header"], value, constant, dict(mapping), bool(spec.get("upper")))
        )
    limit = data.get("max_rows_per_file", BPJS_MAX_ROWS)
    if not isinstance(limit, int) or not 1 <= limit <= BPJS_MAX_ROWS:
        raise _template_error(f"max_rows_per_file must be 1 to {BPJS_MAX_ROWS:,}")
    prefix = data.get("file_prefix", "bpjs-kolektif")
    if not isinstance(prefix, str) or not _FILE_PREFIX.fullmatch(prefix):
        raise _template_error("file_prefix must be a plain file name")
    return BpjsTemplate(
        columns=tuple(columns),
        name=str(data.get("name", "")),
        verified=data.get("verified") is True,
        note=str(data.get("note", "")),
        sheet_title=str(data.get("sheet_title") or "Sheet1")[:31],
        max_rows_per_file=limit,
        file_prefix=prefix,
    )


def bpjs_text(value) -> str:
    """A value as BPJS's all-text upload takes it: dates dd-mm-yyyy, amounts as digits,
    yes/no as Y/T, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Y" if value else "T"
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return _clean(str(value))


class _BpjsRows:
    """Turns registrations into rows of text after a template."""

    def __init__(
        self, template: BpjsTemplate, names: _Names, table: ContributionTable, today: date
    ):
        self.template = template
        self.names = names
        self.table = table
        self.today = today
        self.getters = [self._getter(column) for column in template.columns]

    def _getter(self, column: BpjsColumn) -> Callable[[Registration, int], str]:
        if column.constant is not None:
            constant = column.constant
            return lambda reg, number: constant
        source = self._source(column.value)
        mapping, upper = column.map, column.upper

        def text(reg: Registration, number: int) -> str:
            value = bpjs_text(source(reg, number))
            value = mapping.get(value, value)
            return value.upper() if upper else value

        return text

    def _source(self, name: str) -> Callable[[Registration, int], object]:
        names = self.names
        derived: dict[str, Callable[[Registration, int], object]] = {
            "village_name": lambda reg, n: names.village(reg.village_code),
            "kecamatan_name": lambda reg, n: names.kecamatan(reg.kecamatan_code),
            "regency_name": lambda reg, n: names.regency(reg.village_code),
            "province_name": lambda reg, n: names.province(reg.village_code),
            "kecamatan_code": lambda reg, n: reg.kecamatan_code,
            "regency_code": lambda reg, n: reg.village_code[:5],
            "province_code": lambda reg, n: reg.village_code[:2],
            "program_jkk": lambda reg, n: True,
            "program_jkm": lambda reg, n: True,
            "programs": lambda reg, n: ", ".join(reg.programs),
            "start_date": lambda reg, n: self.today,
            "monthly_contribution": lambda reg, n: export_rows.monthly_contribution(
                reg, self.table, self.today
            ),
            "row_number": lambda reg, n: n,
        }
        if name in derived:
            return derived[name]
        return lambda reg, n: getattr(reg, name)

    def row(self, reg: Registration, number: int) -> list[str]:
        return [getter(reg, number) for getter in self.getters]


#: Column widths (characters) of values that need more than their header.
_BPJS_WIDTHS = {
    "nik": 19, "kk": 19, "full_name": 28, "birth_place": 16, "mother_name": 24,
    "address": 34, "village_name": 20, "kecamatan_name": 16, "regency_name": 24,
    "province_name": 20, "phone": 15, "email": 26, "occupation": 20, "heir_name": 24,
}  # fmt: skip


class _BpjsFile:
    """One upload file being written: a write-only workbook, every cell text."""

    def __init__(self, template: BpjsTemplate, target: Path):
        self.target = target
        self.workbook = Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet(template.sheet_title)
        for index, column in enumerate(template.columns, 1):
            width = max(len(column.header) + 2, _BPJS_WIDTHS.get(column.value, 10))
            self.sheet.column_dimensions[get_column_letter(index)].width = min(width, 40)
        self.sheet.append([_text_cell(self.sheet, c.header, TEXT) for c in template.columns])
        self.cells = [_styled_cell(self.sheet, TEXT) for _ in template.columns]
        self.rows = 0

    def append(self, texts: list[str]) -> None:
        self.rows += 1
        self.sheet.append(
            [
                _set_text(cell, text) if text else None
                for cell, text in zip(self.cells, texts, strict=True)
            ]
        )

    def save_to_temp(self) -> Path:
        try:
            return _save_to_temp(self.workbook, self.target)
        finally:
            self.discard()

    def discard(self) -> None:
        _discard(self.workbook)


def _next_number(folder: Path, stem: str) -> int:
    """The number after the highest ``<stem>-NN.xlsx`` already in ``folder`` (1 if none):
    a second export on one day continues the day's numbering instead of replacing files
    that may already be uploaded."""
    pattern = re.compile(re.escape(stem) + r"-(\d{2,})\.xlsx")
    numbers = [int(m.group(1)) for p in folder.iterdir() if (m := pattern.fullmatch(p.name))]
    return max(numbers, default=0) + 1


def export_bpjs(
    db: Database,
    out_dir: Path | str,
    *,
    statuses: Iterable[str] = (Status.RECEIVED.value,),
    mark_submitted: bool = False,
    actor: str = "",
    template: Path | str | Mapping | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: date | None = None,
    regions: Regions | None = None,
    max_rows_per_file: int | None = None,
    contributions: ContributionTable | None = None,
) -> BpjsExport:
    """Write the live registrations of ``statuses`` into BPJS upload files in ``out_dir``,
    ``<prefix>-<today>-01.xlsx``, ``-02`` … (at most ``max_rows_per_file``, by default the
    template's 10,000, a file).

    Files appear only when all of them are written; with ``mark_submitted`` the exported
    registrations then become ``submitted`` in one transaction (those saved since they
    were read are left as they are and listed in ``skipped``). A cancel, a write error or a
    failed marking leaves no file and marks nothing.
    """
    if mark_submitted and not actor.strip():
        raise ValueError("marking registrations submitted needs the actor for the audit log")
    folder = Path(out_dir)
    _check_folder(folder)
    layout = load_template(template)
    limit = max_rows_per_file or layout.max_rows_per_file
    if limit < 1:
        raise ValueError("max_rows_per_file must be at least 1")
    wanted = _statuses(tuple(statuses))
    today = today or date.today()
    total = export_rows.count_registrations(db, status=wanted)
    if total == 0:
        raise ExcelExportError(
            "nothing_to_export", "no registration has the status to send to BPJS"
        )
    stem = f"{layout.file_prefix}-{today.isoformat()}"
    first = _next_number(folder, stem)
    rows = _BpjsRows(
        layout, _Names(regions or default_regions()), contributions or default_table(), today
    )

    written: list[tuple[Path, Path]] = []  # (temporary, final)
    published: list[Path] = []
    counts: list[int] = []
    versions: dict[str, int] = {}
    current: _BpjsFile | None = None
    done = 0
    target = folder
    try:
        chunks = export_rows.iter_registrations(db, status=wanted, chunk_size=CHUNK)
        with contextlib.closing(chunks):
            for chunk in chunks:
                _check_cancelled(cancelled)
                for reg in chunk:
                    if current is None:
                        target = folder / f"{stem}-{first + len(written):02d}.xlsx"
                        current = _BpjsFile(layout, target)
                    current.append(rows.row(reg, current.rows + 1))
                    versions[reg.id] = reg.version
                    done += 1
                    if current.rows == limit:
                        written.append((current.save_to_temp(), current.target))
                        counts.append(current.rows)
                        current = None
                if progress:
                    progress(done, max(total, done), target.name)
        if current is not None:
            written.append((current.save_to_temp(), current.target))
            counts.append(current.rows)
            current = None
        if not written:
            raise ExcelExportError(
                "nothing_to_export", "no registration has the status to send to BPJS"
            )
        _check_cancelled(cancelled)
        for temp, final in written:
            target = final
            if final.exists():
                raise FileExistsError(f"{final} appeared during the export")
            os.replace(temp, final)
            published.append(final)
        fsync_folder(folder)
        marks = export_rows.SubmittedMarks(0)
        if mark_submitted:
            try:
                marks = export_rows.mark_submitted(db, list(versions), actor, versions=versions)
            except Exception as exc:
                raise ExcelExportError(
                    "mark_failed", f"the files were removed: marking them sent failed: {exc}"
                ) from exc
    except OSError as exc:
        _undo(current, written, published)
        raise _write_failed(target, exc) from exc
    except BaseException:
        _undo(current, written, published)
        raise
    if progress:
        progress(done, done, "")
    return BpjsExport(
        paths=published,
        rows=done,
        rows_per_file=counts,
        marked=marks.marked,
        skipped=marks.skipped,
        template_verified=layout.verified,
    )


def _undo(
    current: _BpjsFile | None, written: list[tuple[Path, Path]], published: list[Path]
) -> None:
    """All or nothing: remove every file of an export that did not finish."""
    if current is not None:
        current.discard()
    for temp, _ in written:
        _remove(temp)
    for path in published:
        _remove(path)
