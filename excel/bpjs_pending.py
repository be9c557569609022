"""Finishing a BPJS export that a crash cut short, so that nobody goes to BPJS twice or is
marked ``submitted`` without a file.

An export with ``--mark-submitted`` records its files, whole, in the database before they
get their names (`models.export_rows.record_files_to_publish`) and forgets them in the
transaction that marks the registrations in them. When it is killed in between (a power
cut, ``kill -9``), the next such export starts here: each recorded file is published into
its folder — kept when a file with the same bytes already stands there under one of the
day's names (the kill came after the rename), written again from the recorded bytes
otherwise, under the next free number when another file took its name — and then the
registrations in them are marked, in one transaction with forgetting the files.

Also here: the numbering of the day's files, and removing the hidden temporary files a
killed export left beside them (they hold personal data).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from excel.export_errors import ExcelExportError
from excel.export_files import remove_quietly
from models import export_rows, fault_points
from models.files import write_atomically


@dataclass(frozen=True)
class Finished:
    """What finishing an earlier export did: the files it published and the marking."""

    paths: list[Path]
    rows_per_file: list[int]
    marks: export_rows.SubmittedMarks


def _numbered(stem: str) -> re.Pattern:
    return re.compile(re.escape(stem) + r"-(\d{2,})\.xlsx")


def next_number(folder: Path, stem: str) -> int:
    """The number after the highest ``<stem>-NN.xlsx`` already in ``folder`` (1 if none):
    a second export on one day continues the day's numbering instead of replacing files
    that may already be uploaded."""
    pattern = _numbered(stem)
    numbers = [int(m.group(1)) for p in folder.iterdir() if (m := pattern.fullmatch(p.name))]
    return max(numbers, default=0) + 1


def remove_leftovers(folder: Path, prefix: str) -> None:
    """Remove the hidden temporary files (``.<prefix>-<day>-NN.xlsx.<hex>.tmp``) that an
    export killed before publishing left in ``folder``."""
    leftover = re.compile(r"\." + re.escape(prefix) + r"-.+-\d{2,}\.xlsx\.[0-9a-f]+\.tmp")
    for path in folder.iterdir():
        if leftover.fullmatch(path.name):
            remove_quietly(path)


def submit(
    db: Database, versions: dict[str, int], actor: str, undone: str
) -> export_rows.SubmittedMarks:
    """Mark the registrations of published files ``submitted`` and forget the files
    (`models.export_rows.submit_published`); any failure is `ExcelExportError`
    ``mark_failed``, whose message says ``undone`` (what became of the files)."""
    try:
        return export_rows.submit_published(db, versions, actor)
    except Exception as exc:
        raise ExcelExportError("mark_failed", f"{undone}: marking them sent failed: {exc}") from exc


def finish_recorded(db: Database, folder: Path) -> Finished | None:
    """Publish into ``folder`` and mark what an earlier export recorded and did not finish;
    None when there was nothing. Raises OSError when a file cannot be written (it stays
    recorded for the next export), `ExcelExportError` ``mark_failed``."""
    recorded = export_rows.files_to_publish(db)
    if not recorded:
        return None
    paths = []
    versions: dict[str, int] = {}
    for file in recorded:
        paths.append(_publish(folder, file))
        versions.update(file.versions)
        fault_points.reach("bpjs.republished")
    marks = submit(db, versions, recorded[0].actor, "the files of an earlier export were published")
    return Finished(paths, [file.rows for file in recorded], marks)


def _publish(folder: Path, file: export_rows.FileToPublish) -> Path:
    stem = file.file_name[: file.file_name.rindex("-")]
    path = _published_already(folder, stem, file)
    if path is None:
        path = folder / file.file_name
        if path.exists():  # another export took the name meanwhile
            path = folder / f"{stem}-{next_number(folder, stem):02d}.xlsx"
        write_atomically(path, file.content, replace=False)
    remove_quietly(Path(file.folder) / file.temporary_name)
    return path


def _published_already(folder: Path, stem: str, file: export_rows.FileToPublish) -> Path | None:
    """The file of the day in ``folder`` with exactly ``file``'s bytes, if there is one."""
    pattern = _numbered(stem)
    for path in sorted(folder.iterdir()):
        if (
            pattern.fullmatch(path.name)
            and path.stat().st_size == len(file.content)
            and hashlib.sha256(path.read_bytes()).hexdigest() == file.sha256
        ):
            return path
    return None
