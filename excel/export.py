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

Both stream the rows (openpyxl's write-only mode, the master's data rows through
`excel.xlsx_rows` for speed; the database read in chunks), report
``progress(done, total, text)`` every 1,000 rows and stop with `ExportCancelled` when
``cancelled()`` says so. Files are written whole or not at all: a temporary file in the
target folder, renamed when complete; a cancel or an error (full disk, pulled USB stick)
leaves no file and marks nothing, and the BPJS files are all or nothing together.

The work is split: `excel.excel_labels` (formats, cells), `excel.master_sheet` (the
master sheets), `excel.bpjs_template` (the BPJS layout and its rows) and `excel.export_errors`;
this module reads the registrations and publishes the files.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from sqlite_utils import Database

from excel import xlsx_rows
from excel.bpjs_template import (
    BpjsTemplate,
    _BpjsRows,
    load_template,
)
from excel.excel_labels import TEXT, _Names, _text_cell
from excel.export_errors import ExcelExportError, ExportCancelled
from excel.master_sheet import (
    MASTER_SHEET,
    SUMMARY_SHEET,
    _filter_text,
    _MasterSheet,
    _write_summary,
)
from excel.xlsx_rows import FastColumn, FastRows
from models import export_rows
from models.contribution import ContributionTable, default_table
from models.export_rows import ExportTotals
from models.files import atomic_file, fsync_folder
from models.regions import Regions, default_regions
from models.registration import Status

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

#: Rows between two progress reports (and cancel checks).
CHUNK = 1_000


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


# --- the master workbook ----------------------------------------------------------------


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
    master: _MasterSheet | None = None
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
        if master is not None:
            master.discard()
        _discard(workbook)
    if progress:
        progress(master.rows, master.rows, "")
    return MasterExport(target, master.rows, (MASTER_SHEET, SUMMARY_SHEET), totals)


# --- the BPJS collective-registration files ---------------------------------------------


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
        text = FastColumn(xlsx_rows.STRING, TEXT)
        self.fast = FastRows(self.sheet, [text] * len(template.columns), rows_before=1)
        self.rows = 0

    def append(self, texts: list[str]) -> None:
        self.rows += 1
        self.fast.append(texts)

    def save_to_temp(self) -> Path:
        try:
            self.fast.close()
            return _save_to_temp(self.workbook, self.target)
        finally:
            self.discard()

    def discard(self) -> None:
        self.fast.discard()
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
