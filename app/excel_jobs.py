"""Excel use cases: the master list and BPJS's collective upload files out; a village's list
of workers and BPJS's KPJ numbers in. The command line and the GUI's Excel dialogs call these;
the work itself is `excel/`'s.

A village's list comes in two steps, so that the user sees what would happen first:
`read_village_list` (a plan; nothing written), then `write_village_list`. The command line
does both at once with `import_village_list` (or only the first, with ``dry_run``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from excel.export import BpjsExport, MasterExport, export_bpjs, export_master
from excel.kpj_import import KpjResult, import_kpj
from excel.list_import import ImportPlan, ImportResult, read_list, write_list
from models.regions import Regions
from models.registration import Status

Progress = Callable[[int, int, str], None] | None
Cancelled = Callable[[], bool] | None


def export_master_list(
    db: Database,
    path: Path | str,
    *,
    status: str | None = None,
    kecamatan: str | None = None,
    desa: str | None = None,
    regions: Regions | None = None,
    today: date | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> MasterExport:
    """The master workbook of live registrations (filtered by status, kecamatan, desa) at
    ``path``. Raises `excel.export.ExcelExportError` or `ExportCancelled`, leaving no file."""
    return export_master(
        db, path, status=status, kecamatan=kecamatan, desa=desa, regions=regions, today=today,
        progress=progress, cancelled=cancelled,
    )  # fmt: skip


def export_bpjs_files(
    db: Database,
    out_dir: Path | str,
    *,
    statuses: Iterable[str] = (Status.RECEIVED.value,),
    mark_submitted: bool = False,
    actor: str = "",
    regions: Regions | None = None,
    today: date | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> BpjsExport:
    """BPJS's collective upload files for the registrations of ``statuses`` in ``out_dir``;
    with ``mark_submitted`` they then become ``submitted`` (by ``actor``). Raises
    `excel.export.ExcelExportError` or `ExportCancelled`, leaving no file, marking nothing."""
    return export_bpjs(
        db, out_dir, statuses=statuses, mark_submitted=mark_submitted, actor=actor,
        regions=regions, today=today, progress=progress, cancelled=cancelled,
    )  # fmt: skip


def read_village_list(
    db: Database,
    path: Path | str,
    *,
    sheet: str | None = None,
    mapping: dict[str, str | None] | None = None,
    remembered: dict[str, str] | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> ImportPlan:
    """Read and check a village's list of workers (`excel.list_import.read_list`): what
    would be written, rejected or skipped as a duplicate. Writes nothing."""
    return read_list(
        db, path, sheet=sheet, mapping=mapping, remembered=remembered, progress=progress,
        cancelled=cancelled,
    )  # fmt: skip


def write_village_list(db: Database, plan: ImportPlan, actor: str) -> ImportResult:
    """Write a plan's ready rows (``ready``) and warning-only rows (``draft``), in one
    transaction."""
    return write_list(db, plan, actor)


@dataclass(frozen=True)
class VillageListImport:
    """A village's list read (``plan``) and, unless it was a dry run, written."""

    plan: ImportPlan
    written: ImportResult | None


def import_village_list(
    db: Database,
    path: Path | str,
    actor: str,
    *,
    sheet: str | None = None,
    dry_run: bool = False,
) -> VillageListImport:
    """Read a village's list and, unless ``dry_run``, write what it holds."""
    plan = read_village_list(db, path, sheet=sheet)
    return VillageListImport(plan, None if dry_run else write_village_list(db, plan, actor))


def import_kpj_numbers(
    db: Database,
    path: Path | str,
    actor: str,
    *,
    dry_run: bool = False,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> KpjResult:
    """Record BPJS's KPJ numbers from its results workbook (``dry_run``: decide, write
    nothing)."""
    return import_kpj(db, path, actor, dry_run=dry_run, progress=progress, cancelled=cancelled)
