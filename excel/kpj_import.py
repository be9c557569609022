"""BPJS's results back into the list: a KPJ number per NIK, from an Excel workbook.

Each row's NIK is matched among the live registrations; a match that went to BPJS
(``received`` or ``submitted``) gets the KPJ (11 digits, kept as text) and the status
``registered``, with a version step and an audit row, all rows in one transaction. A
registration that never went to BPJS (a draft, ready, exported or rejected one) is reported
and left as it is. Nothing is overwritten silently: a registration that already has another
KPJ, a KPJ given to two NIKs (in the file, or already held by another registration) and a
NIK given two KPJs are *conflicts*, reported and not written; NIKs that no live registration
holds are listed as unknown. A KPJ stored as a number is read when its 11 digits are intact
(with a warning) and refused when leading zeros were lost.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from excel.reader import choose_layout, data_rows, open_workbook
from excel.row_converter import RowConverter
from excel.workbook_file import ImportCancelled
from models.bulk_import import kpj_holders, live_registrations_by_nik, set_registered
from models.db import write_transaction
from models.nik import ASCII_DIGITS, clean_number
from models.problems import Problem, error
from models.registration import Status
from models.validation import DIGITS_11

_PROGRESS_EVERY = 500
_NEEDED = frozenset({"nik", "kpj"})
#: Statuses BPJS's KPJ may register: the registration went to BPJS (``registered`` ones keep
#: their status; one without a KPJ yet gets it).
_SENT_TO_BPJS = frozenset({Status.RECEIVED, Status.SUBMITTED, Status.REGISTERED})


@dataclass(frozen=True)
class RowProblem:
    """A problem found on one row of an imported sheet."""

    row: int
    problem: Problem


@dataclass
class KpjResult:
    """What `import_kpj` did (or, with ``dry_run``, would do).

    ``unknown_niks``: ``{"row", "nik"}``; ``conflicts``: ``{"row", "nik", "kpj", "reason",
    "registration_id", "existing_kpj"}`` with reason ``other_kpj`` (the registration already
    has another KPJ), ``kpj_twice`` (the file gives this KPJ to two NIKs), ``kpj_held``
    (another registration already has this KPJ), ``nik_twice`` (the file gives this NIK two
    KPJs) or ``nik_held_twice`` (two live registrations hold the NIK); ``problems``: rows
    that could not be read; ``unchanged``: registrations that already had this KPJ;
    ``not_submitted``: ``{"row", "nik", "kpj", "registration_id", "status"}`` of rows whose
    registration was never sent to BPJS (draft, ready, exported, rejected), left unchanged.
    """

    rows_read: int = 0
    registered: int = 0
    unknown_niks: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    unchanged: int = 0
    dry_run: bool = False
    not_submitted: list[dict] = field(default_factory=list)

    def as_json(self, message: Callable[[Problem], str]) -> dict:
        return {
            "rows_read": self.rows_read,
            "registered": self.registered,
            "unchanged": self.unchanged,
            "dry_run": self.dry_run,
            "unknown_niks": self.unknown_niks,
            "conflicts": self.conflicts,
            "not_submitted": self.not_submitted,
            "problems": [
                {
                    "row": p.row,
                    "field": p.problem.field,
                    "code": p.problem.code,
                    "severity": p.problem.severity.value,
                    "message": message(p.problem),
                }
                for p in self.problems
            ],
        }


@dataclass
class _Entry:
    row: int
    nik: str
    kpj: str


def _read_entries(path: Path, result: KpjResult, progress, cancelled) -> list[_Entry]:
    entries: list[_Entry] = []
    with open_workbook(path) as workbook:
        layout = choose_layout(workbook, None, needed=_NEEDED)
        columns = [(layout.fields.index(name), name) for name in ("nik", "kpj")]
        converter = RowConverter(columns, None, workbook.epoch)
        for number, cells in data_rows(workbook, layout, [p for p, _n in columns]):
            result.rows_read += 1
            if result.rows_read % _PROGRESS_EVERY == 0:
                if cancelled and cancelled():
                    raise ImportCancelled()
                if progress:
                    total = max(layout.estimated_rows, result.rows_read)
                    progress(result.rows_read, total, layout.sheet)
            reg, problems = converter.convert(cells)
            nik, kpj = clean_number(reg.nik), clean_number(reg.kpj)
            problems += _number_problems(nik, kpj, problems)
            result.problems += [RowProblem(number, p) for p in problems]
            if not any(p.is_error for p in problems):
                entries.append(_Entry(number, nik, kpj))
    return entries


def _number_problems(nik: str, kpj: str, found: list[Problem]) -> list[Problem]:
    """What is wrong with a row's NIK and KPJ beyond what reading its cells ``found``."""
    problems = []
    if not any(p.field == "nik" for p in found):
        if not nik:
            problems.append(error("required", "nik"))
        elif not ASCII_DIGITS.match(nik):
            problems.append(error("nik.digits", "nik"))
        elif len(nik) != 16:
            problems.append(error("nik.length", "nik"))
    if not any(p.is_error and p.field == "kpj" for p in found):
        if not kpj:
            problems.append(error("required", "kpj"))
        elif not DIGITS_11.match(kpj):
            problems.append(error("kpj.format", "kpj"))
    return problems


def _conflict(entry: _Entry, reason: str, registration_id: str = "", existing: str = "") -> dict:
    return {
        "row": entry.row,
        "nik": entry.nik,
        "kpj": entry.kpj,
        "reason": reason,
        "registration_id": registration_id,
        "existing_kpj": existing,
    }


def _not_submitted(entry: _Entry, registration_id: str, status: str) -> dict:
    return {
        "row": entry.row,
        "nik": entry.nik,
        "kpj": entry.kpj,
        "registration_id": registration_id,
        "status": status,
    }


def _conflicts_in_file(entries: list[_Entry], result: KpjResult) -> list[_Entry]:
    """The entries left after those the file contradicts itself on; a repeated identical
    pair counts once."""
    niks_of: dict[str, set[str]] = {}
    kpjs_of: dict[str, set[str]] = {}
    for entry in entries:
        niks_of.setdefault(entry.kpj, set()).add(entry.nik)
        kpjs_of.setdefault(entry.nik, set()).add(entry.kpj)
    left, seen = [], set()
    for entry in entries:
        if len(niks_of[entry.kpj]) > 1:
            result.conflicts.append(_conflict(entry, "kpj_twice"))
        elif len(kpjs_of[entry.nik]) > 1:
            result.conflicts.append(_conflict(entry, "nik_twice"))
        elif (entry.nik, entry.kpj) not in seen:
            seen.add((entry.nik, entry.kpj))
            left.append(entry)
    return left


def import_kpj(
    db: Database,
    path: Path | str,
    actor: str,
    *,
    dry_run: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> KpjResult:
    """Record BPJS's KPJ numbers from the workbook at ``path`` (first sheet with NIK and KPJ
    columns): see the module's description. ``dry_run`` decides everything and writes
    nothing. Raises `ExcelImportError` for a file that cannot be read, `ImportCancelled`."""
    result = KpjResult(dry_run=dry_run)
    entries = _conflicts_in_file(_read_entries(Path(path), result, progress, cancelled), result)
    if cancelled and cancelled():
        raise ImportCancelled()
    with contextlib.nullcontext() if dry_run else write_transaction(db):
        live = live_registrations_by_nik(db, (e.nik for e in entries))
        holders = kpj_holders(db, (e.kpj for e in entries))
        changes = []
        for entry in entries:
            regs = live.get(entry.nik, [])
            if not regs:
                result.unknown_niks.append({"row": entry.row, "nik": entry.nik})
                continue
            if len(regs) > 1:
                result.conflicts.append(_conflict(entry, "nik_held_twice", regs[0].id))
                continue
            reg = regs[0]
            if reg.kpj and reg.kpj != entry.kpj:
                result.conflicts.append(_conflict(entry, "other_kpj", reg.id, reg.kpj))
                continue
            others = [rid for rid, _nik in holders.get(entry.kpj, ()) if rid != reg.id]
            if others:
                result.conflicts.append(_conflict(entry, "kpj_held", others[0]))
                continue
            if reg.kpj == entry.kpj and reg.status == Status.REGISTERED:
                result.unchanged += 1
                continue
            if reg.status not in _SENT_TO_BPJS:
                result.not_submitted.append(_not_submitted(entry, reg.id, reg.status))
                continue
            changes.append((reg.id, reg.version, entry.kpj))
        if changes and not dry_run:
            set_registered(db, changes, actor)
        result.registered = len(changes)
    if progress:
        progress(result.rows_read, result.rows_read, "")
    return result
