"""The files BPJS's bulk upload takes: the collective-registration layout of its employer
portal (SIPP "Tambah Massal", form F1A), written from the received registrations.

The columns come from `resources/bpjs_collective_template.json` (`excel.bpjs_template`), so
a branch's real template is matched without code changes; every cell is text, at most
10,000 rows a file, numbered files (``<prefix>-<today>-01.xlsx``, ``-02`` …) when there are
more. The rows are collected into temporary files and the files are published together.
When the exported registrations are to become ``submitted``, the files are recorded in the
database, whole, before they are published, and the marking forgets them: a cancel, a write
error or a failed marking leaves no file and marks nothing, and an export killed after the
recording is finished by the next one (`excel.bpjs_pending`), so that nobody is sent twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from sqlite_utils import Database

from excel import xlsx_rows
from excel.bpjs_pending import Finished, finish_recorded, next_number, remove_leftovers, submit
from excel.bpjs_template import BpjsTemplate, _BpjsRows, load_template
from excel.excel_labels import TEXT, _Names, _text_cell
from excel.export_errors import ExcelExportError
from excel.export_files import (
    CHUNK,
    Cancelled,
    Progress,
    check_cancelled,
    check_folder,
    discard_workbook,
    export_statuses,
    remove_quietly,
    save_to_temp,
    write_failed,
)
from excel.xlsx_rows import FastColumn, FastRows
from models import export_rows, fault_points
from models.contribution import ContributionTable, default_table
from models.files import fsync_folder
from models.regions import Regions, default_regions
from models.registration import Registration, Status
from models.settings import load_settings


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
            return save_to_temp(self.workbook, self.target)
        finally:
            self.discard()

    def discard(self) -> None:
        self.fast.discard()
        discard_workbook(self.workbook)


class _BpjsFiles:
    """The upload files of one export, all or nothing: written to temporary files as the
    rows come (`collect`), recorded in the database when they are to be marked (`record`),
    renamed together (`publish`), or all removed and forgotten (`undo`)."""

    def __init__(self, folder: Path, stem: str, layout: BpjsTemplate, limit: int):
        self.folder = folder
        self.stem = stem
        self.layout = layout
        self.limit = limit
        self.first = next_number(folder, stem)
        self.written: list[tuple[Path, Path]] = []  # (temporary, final)
        self.published: list[Path] = []
        self.counts: list[int] = []
        self.versions: dict[str, int] = {}  # id -> version exported, for the marking
        self.versions_per_file: list[dict[str, int]] = []
        self.recorded = False
        self.current: _BpjsFile | None = None
        self.done = 0
        self.target = folder  # the file being written or published, for an error

    def collect(
        self,
        chunks: Iterator[list[Registration]],
        rows: _BpjsRows,
        total: int,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        """Write the registrations of ``chunks`` into temporary files of at most ``limit``
        rows each; `ExcelExportError` ``nothing_to_export`` when there were none."""
        with contextlib.closing(chunks):
            for chunk in chunks:
                check_cancelled(cancelled)
                for reg in chunk:
                    if self.current is None:
                        self._open_file()
                    self.current.append(rows.row(reg, self.current.rows + 1))
                    self.versions[reg.id] = reg.version
                    self.versions_per_file[-1][reg.id] = reg.version
                    self.done += 1
                    if self.current.rows == self.limit:
                        self._close_current()
                if progress:
                    progress(self.done, max(total, self.done), self.target.name)
        if self.current is not None:
            self._close_current()
        if not self.written:
            raise ExcelExportError(
                "nothing_to_export", "no registration has the status to send to BPJS"
            )

    def _open_file(self) -> None:
        number = self.first + len(self.written)
        self.target = self.folder / f"{self.stem}-{number:02d}.xlsx"
        self.current = _BpjsFile(self.layout, self.target)
        self.versions_per_file.append({})

    def _close_current(self) -> None:
        self.written.append((self.current.save_to_temp(), self.current.target))
        fault_points.reach("bpjs.file_saved")
        self.counts.append(self.current.rows)
        self.current = None

    def record(self, db: Database, actor: str) -> None:
        """Record the complete files, their bytes and who is in them, in one transaction:
        from here on the export is finished by the next one if this one is killed."""
        files = []
        for (temp, final), rows, versions in zip(
            self.written, self.counts, self.versions_per_file, strict=True
        ):
            content = temp.read_bytes()
            files.append(export_rows.FileToPublish(
                final.name, str(self.folder), temp.name, rows,
                hashlib.sha256(content).hexdigest(), content, versions, actor,
            ))  # fmt: skip
        export_rows.record_files_to_publish(db, files)
        self.recorded = True
        fault_points.reach("bpjs.committed")

    def publish(self) -> None:
        """Rename every temporary file to its final name (never over a file that appeared
        meanwhile) and sync the folder, so that the files survive a power cut."""
        for temp, final in self.written:
            self.target = final
            if final.exists():
                raise FileExistsError(f"{final} appeared during the export")
            os.replace(temp, final)
            fault_points.reach("bpjs.file_published")
            self.published.append(final)
        fsync_folder(self.folder)

    def undo(self, db: Database) -> None:
        """Remove every file of an export that did not finish, then forget them (a kill
        before they are forgotten leaves them to the next export, which publishes them)."""
        if self.current is not None:
            self.current.discard()
        for temp, _ in self.written:
            remove_quietly(temp)
        for path in self.published:
            remove_quietly(path)
        if self.recorded:
            export_rows.forget_files_to_publish(db)


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
    failed marking leaves no file and marks nothing. With ``mark_submitted`` an export that
    was killed before it marked its files is finished first: its files are published here
    and marked, and are the first of the result.
    """
    if mark_submitted and not actor.strip():
        raise ValueError("marking registrations submitted needs the actor for the audit log")
    folder = Path(out_dir)
    check_folder(folder)
    layout = load_template(template)
    limit = max_rows_per_file or layout.max_rows_per_file
    if limit < 1:
        raise ValueError("max_rows_per_file must be at least 1")
    wanted = export_statuses(tuple(statuses))
    today = today or date.today()
    finished = _finish_earlier(db, folder) if mark_submitted else None
    remove_leftovers(folder, layout.file_prefix)
    total = export_rows.count_registrations(db, status=wanted)
    if total == 0:
        if finished is not None:
            return _result(layout, finished)
        raise ExcelExportError(
            "nothing_to_export", "no registration has the status to send to BPJS"
        )
    files = _BpjsFiles(folder, f"{layout.file_prefix}-{today.isoformat()}", layout, limit)
    rows = _BpjsRows(
        layout, _Names(regions or default_regions()), contributions or default_table(), today,
        pks_date=load_settings(db).pks_date,
    )  # fmt: skip
    try:
        chunks = export_rows.iter_registrations(db, status=wanted, chunk_size=CHUNK)
        files.collect(chunks, rows, total, progress, cancelled)
        check_cancelled(cancelled)
        if mark_submitted:
            files.record(db, actor)
        files.publish()
        marks = export_rows.SubmittedMarks(0)
        if mark_submitted:
            marks = submit(db, files.versions, actor, "the files were removed")
    except OSError as exc:
        files.undo(db)
        raise write_failed(files.target, exc) from exc
    except BaseException:
        files.undo(db)
        raise
    if progress:
        progress(files.done, files.done, "")
    return _result(layout, finished, files, marks)


def _finish_earlier(db: Database, folder: Path) -> Finished | None:
    """Publish and mark what an export killed before its marking left recorded."""
    try:
        return finish_recorded(db, folder)
    except OSError as exc:
        raise write_failed(folder, exc) from exc


def _result(
    layout: BpjsTemplate,
    finished: Finished | None,
    files: _BpjsFiles | None = None,
    marks: export_rows.SubmittedMarks | None = None,
) -> BpjsExport:
    """The files an earlier export left and this one's, as one export."""
    paths: list[Path] = []
    counts: list[int] = []
    marked, skipped = 0, ()
    for part_paths, part_counts, part_marks in (
        (finished.paths, finished.rows_per_file, finished.marks) if finished else ([], [], None),
        (files.published, files.counts, marks) if files else ([], [], None),
    ):
        paths += part_paths
        counts += part_counts
        if part_marks is not None:
            marked += part_marks.marked
            skipped += part_marks.skipped
    return BpjsExport(paths=paths, rows=sum(counts), rows_per_file=counts, marked=marked,
                      skipped=skipped, template_verified=layout.verified)  # fmt: skip
