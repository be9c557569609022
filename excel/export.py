"""Excel files for the district: the master list, and the files BPJS's bulk upload takes.

`export_master` (here) writes every live registration matching a filter to one workbook:
sheet "Pendaftaran" with a row per registration (Indonesian headers and labels; NIK, KK,
KPJ, phones and postal codes as text, dates as dates, money as numbers in rupiah), and sheet
"Rekap" with the registrations and monthly contributions per kecamatan and desa.

`export_bpjs` (`excel.bpjs_export`, passed on from here) writes the collective-registration
layout of BPJS's employer portal (SIPP "Tambah Massal", form F1A): the columns come from
`resources/bpjs_collective_template.json` so a branch's real template is matched without
code changes; every cell is text, at most 10,000 rows a file, numbered files when there are
more. Optionally the exported registrations become ``submitted`` once every file is written.

Both stream the rows (openpyxl's write-only mode, the data rows through `excel.xlsx_rows`
for speed; the database read in chunks) through temporary files in the app's owner-only
folder beside the database (`models.private_temp`), never the system's, report
``progress(done, total, text)`` every 1,000 rows and stop with `ExportCancelled` when
``cancelled()`` says so. Files are written whole or not at all: a temporary file in the
target folder, renamed when complete; a cancel or an error (full disk, pulled USB stick)
leaves no file and marks nothing, and the BPJS files are all or nothing together.

The work is split: `excel.excel_labels` (formats, cells), `excel.master_sheet` (the
master sheets), `excel.bpjs_template` (the BPJS layout and its rows), `excel.bpjs_export`
(the BPJS files), `excel.export_files` (what both share) and `excel.export_errors`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from sqlite_utils import Database

from excel import bpjs_export
from excel.bpjs_export import BpjsExport
from excel.excel_labels import _Names
from excel.export_errors import ExcelExportError, ExportCancelled
from excel.export_files import (
    CHUNK,
    Cancelled,
    Progress,
    check_cancelled,
    check_folder,
    discard_workbook,
    export_statuses,
    write_failed,
)
from excel.master_sheet import (
    MASTER_SHEET,
    SUMMARY_SHEET,
    _filter_text,
    _MasterSheet,
    _write_summary,
)
from models import export_rows, fault_points
from models.contribution import ContributionTable, default_table
from models.export_rows import ExportTotals
from models.files import atomic_file
from models.private_temp import private_temp_job
from models.regions import Regions, default_regions

__all__ = [
    "BpjsExport",
    "ExcelExportError",
    "ExportCancelled",
    "MasterExport",
    "export_bpjs",
    "export_master",
]


@dataclass(frozen=True)
class MasterExport:
    """A master workbook as written: its path, how many registrations it lists, its sheets
    and the totals of its Rekap sheet."""

    path: Path
    rows: int
    sheets: tuple[str, ...]
    totals: ExportTotals


#: `excel.bpjs_export.export_bpjs`, its rows streamed through the app's private folder.
export_bpjs = private_temp_job(bpjs_export.export_bpjs)


@private_temp_job
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
    check_folder(target.parent)
    if target.is_dir():
        raise ExcelExportError("not_a_file", f"{target} is a folder, not a file name")
    statuses = export_statuses(status)
    today = today or date.today()
    names = _Names(regions or default_regions())
    table = contributions or default_table()
    total = export_rows.count_registrations(db, status=statuses, kecamatan=kecamatan, desa=desa)
    if total == 0:
        raise ExcelExportError("nothing_to_export", "no registration matches the filter")

    totals = ExportTotals()
    workbook = Workbook(write_only=True)
    master: _MasterSheet | None = None
    try:
        master = _MasterSheet(workbook, names)
        summary = workbook.create_sheet(SUMMARY_SHEET)
        chunks = export_rows.iter_registrations(
            db, status=statuses, kecamatan=kecamatan, desa=desa, chunk_size=CHUNK
        )
        with contextlib.closing(chunks):
            for chunk in chunks:
                check_cancelled(cancelled)
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
        check_cancelled(cancelled)
        if progress:
            progress(master.rows, master.rows, target.name)  # zipping takes a few seconds
        with atomic_file(target) as temp:
            with open(temp, "wb") as stream:
                workbook.save(stream)
            check_cancelled(cancelled)
            fault_points.reach("excel.master_saved")
    except OSError as exc:
        raise write_failed(target, exc) from exc
    finally:
        if master is not None:
            master.discard()
        discard_workbook(workbook)
    if progress:
        progress(master.rows, master.rows, "")
    return MasterExport(target, master.rows, (MASTER_SHEET, SUMMARY_SHEET), totals)
