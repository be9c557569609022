"""What both Excel exports share: checking the target folder and the filter, stopping on a
cancel, and writing a workbook whole or not at all.

A workbook is saved to a hidden temporary file beside its target (flushed and fsynced) and
renamed when complete; an abandoned write-only workbook's row streams in the system's
temporary folder are removed. A failed write becomes `ExcelExportError` ``write_failed``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

from openpyxl import Workbook

from excel.export_errors import ExcelExportError, ExportCancelled
from models import export_rows
from models.files import create_exclusively

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

#: Rows between two progress reports (and cancel checks).
CHUNK = 1_000


def check_folder(folder: Path) -> None:
    """`ExcelExportError` unless ``folder`` is an existing folder."""
    if not folder.exists():
        raise ExcelExportError("folder_missing", f"the folder {folder} does not exist")
    if not folder.is_dir():
        raise ExcelExportError("not_a_folder", f"{folder} is not a folder")


def check_cancelled(cancelled: Cancelled | None) -> None:
    """`ExportCancelled` when the user asked to stop."""
    if cancelled is not None and cancelled():
        raise ExportCancelled()


def export_statuses(status: str | Iterable[str] | None) -> tuple[str, ...]:
    """The statuses to export (`models.export_rows.statuses_of`); an unknown one is
    `ExcelExportError` ``bad_filter``."""
    try:
        return export_rows.statuses_of(status)
    except ValueError as exc:
        raise ExcelExportError("bad_filter", str(exc)) from exc


def _temp_path(target: Path) -> Path:
    return target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"


def save_to_temp(workbook: Workbook, target: Path) -> Path:
    """Save ``workbook`` whole (flushed and fsynced) to a hidden temporary file beside
    ``target``; the caller renames it. On failure the temporary file is gone."""
    temp = _temp_path(target)
    try:
        with create_exclusively(temp) as stream:
            workbook.save(stream)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        remove_quietly(temp)
        raise
    return temp


def remove_quietly(path: Path) -> None:
    """Remove ``path`` if it can be removed (cleaning up after a failure must not fail)."""
    with contextlib.suppress(OSError):
        os.unlink(path)


def discard_workbook(workbook: Workbook | None) -> None:
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


def write_failed(target: Path, exc: OSError) -> ExcelExportError:
    """The export error for an OSError while writing or publishing ``target``."""
    reason = exc.strerror or str(exc)
    return ExcelExportError("write_failed", f"could not write {target}: {reason}")
