"""Importing a list of workers from an Excel workbook (.xlsx): reading and checking it.

Three steps, so that the user sees what will happen before anything is written:

1. `read_list` (here) reads the sheet, maps its columns to fields (`match_header`, or the
   user's ``mapping``), turns every row into a `Registration` and validates it exactly as a
   typed one (`models.validation.readiness`, with the regency and age range from the
   settings). A row with a wrong value (a bad NIK, a NIK stored as a number, an unknown
   desa …) or without a NIK, name or desa is *rejected* (never written); a row whose
   identity holds but which lacks what the officer fills in on the visit, or has warnings
   to confirm, becomes a *draft* to complete; a complete row is *ready*. An empty birth
   date or sex is read from the NIK, as the form fills them. A NIK seen earlier in the file
   or held by a live registration makes the row a duplicate: reported, never written. The
   result is an `ImportPlan`; the database is only read.
2. `write_list` writes the plan's ready and draft rows in one transaction, each with its
   audit row. A NIK taken since the plan was read is skipped, not written twice.
3. `write_error_report` gives the user the sheet back with a ``Masalah`` column to fix.

The plan and steps 2 and 3 are `excel.import_plan`; `import_kpj` (`excel.kpj_import`) reads
BPJS's results, NIK and KPJ per row. This module is the import's one way in for the rest
of the app and passes those names on.

Every Excel trap is a problem on its row (`excel.row_converter`); a file that cannot be read at
all raises `ExcelImportError` (`excel.workbook_file`). Long reads call ``progress(done, total,
text)`` every 500 rows and stop with `ImportCancelled` when ``cancelled()`` says so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from sqlite_utils import Database

from excel.headers import FIELDS, header_key, match_header
from excel.import_plan import (
    ImportPlan,
    ImportResult,
    ImportRow,
    missing_required,
    missing_to_complete,
    outcome_of,
    unmapped_headers,
    write_error_report,
    write_list,
)
from excel.kpj_import import KpjResult, RowProblem, import_kpj
from excel.reader import (
    MAX_ROWS,
    Layout,
    SourceWorkbook,
    choose_layout,
    data_rows,
    open_workbook,
)
from excel.row_converter import RowConverter
from excel.villages import VillageFinder
from excel.workbook_file import SIZE_LIMITS, ExcelImportError, ImportCancelled, SizeLimits
from models.bulk_import import nik_holders_by_nik
from models.nik import NikError, parse_nik
from models.problems import Problem, error
from models.registration import Registration
from models.settings import load_settings
from models.validation import ValidationContext, normalized, readiness

__all__ = [
    "FIELDS",
    "ExcelImportError",
    "ImportCancelled",
    "ImportPlan",
    "ImportResult",
    "ImportRow",
    "KpjResult",
    "RowProblem",
    "RowValues",
    "import_kpj",
    "match_header",
    "missing_required",
    "missing_to_complete",
    "read_list",
    "unmapped_headers",
    "write_error_report",
    "write_list",
]

#: Rows between two progress reports (and cancellation checks).
PROGRESS_EVERY = 500

#: Different texts of one column shared as one string object each; a column with more
#: (names, NIKs) is free text and left alone.
SHARED_TEXTS = 1_000


class RowValues(Mapping[str, object]):
    """A row's raw cells by column name, read-only: the cells in one tuple and one index of
    the columns for every row of the sheet (a dict per row would cost 1 kB more, 200 MB on
    the largest sheet)."""

    __slots__ = ("_cells", "_index")

    def __init__(self, index: dict[str, int], cells: tuple):
        self._index = index
        self._cells = cells

    def __getitem__(self, name: str) -> object:
        return self._cells[self._index[name]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return f"RowValues({dict(self)!r})"


class _SharedTexts:
    """The same string object for the cells of a column that hold the same text, as the
    shared-strings table gave with openpyxl: calamine makes a new string for every cell,
    and the desa, kecamatan, Ya/Tidak … repeated on 200,000 rows would hold 100 MB more."""

    def __init__(self, width: int):
        self.known: list[dict[str, str] | None] = [{} for _ in range(width)]

    def share(self, cells: tuple) -> tuple:
        shared = list(cells)
        known = self.known
        for position, value in enumerate(cells):
            texts = known[position]
            if texts is None or value.__class__ is not str:
                continue
            shared[position] = texts.setdefault(value, value)
            if len(texts) > SHARED_TEXTS:
                known[position] = None
        return tuple(shared)


def _mapping(layout: Layout, chosen: dict[str, str | None] | None) -> dict[str, str | None]:
    """Column -> field: the user's choices first, then the recognised headers; each field
    from one column only (the first)."""
    chosen = chosen or {}
    unknown = {f for f in chosen.values() if f is not None and f not in FIELDS}
    if unknown:
        raise ValueError(f"not an importable field: {', '.join(sorted(unknown))}")
    result: dict[str, str | None] = dict.fromkeys(layout.headers)
    taken: set[str] = set()
    for header in layout.headers:
        name = chosen.get(header)
        if header in chosen and name is not None and name not in taken:
            result[header] = name
            taken.add(name)
    for header, automatic in zip(layout.headers, layout.fields, strict=True):
        if header not in chosen and automatic is not None and automatic not in taken:
            result[header] = automatic
            taken.add(automatic)
    return result


def _remembered(layout: Layout, remembered: dict[str, str] | None) -> dict[str, str | None]:
    """The sheet's columns the user placed by hand before (by `header_key`); columns once
    ignored need nothing: an unplaced column is not read anyway."""
    wanted = {key: name for key, name in (remembered or {}).items() if name in FIELDS}
    return {h: wanted[header_key(h)] for h in layout.headers if header_key(h) in wanted}


def _context(db: Database, context: ValidationContext | None) -> ValidationContext:
    if context is not None:
        return context
    settings = load_settings(db)
    return ValidationContext(
        regency_code=settings.regency_code, age_min=settings.age_min, age_max=settings.age_max
    )


class _Checker:
    """Validates rows chunk by chunk: NIKs held in the database are looked up once per
    chunk, NIKs seen earlier in the file are remembered."""

    def __init__(self, db: Database, context: ValidationContext):
        self.db = db
        self.context = context
        self.first_row_of: dict[str, int] = {}

    def check(self, chunk: list[tuple[int, dict, Registration, list[Problem]]]) -> list[ImportRow]:
        regs = [self._from_nik(normalized(reg)) for _n, _v, reg, _p in chunk]
        held = nik_holders_by_nik(self.db, (reg.nik for reg in regs))
        context = dataclasses.replace(
            self.context,
            nik_holders=lambda nik, own_id: [h for h in held.get(nik, ()) if h.id != own_id],
        )
        rows = []
        for (number, values, _raw, problems), reg in zip(chunk, regs, strict=True):
            unreadable = {p.field for p in problems if p.is_error}
            check = readiness(reg, context)
            problems = problems + [p for p in check.problems if p.field not in unreadable]
            duplicate_of = ""
            for problem in problems:
                if problem.code == "nik.duplicate":
                    duplicate_of = duplicate_of or str(problem.params.get("id", ""))
            if reg.nik:
                first = self.first_row_of.setdefault(reg.nik, number)
                if first != number and not duplicate_of:
                    problems.append(error("import.duplicate_in_file", "nik", row=first))
                    duplicate_of = f"baris {first}"
            rows.append(
                ImportRow(number, values, reg, problems, outcome_of(problems), duplicate_of)
            )
        return rows

    def _from_nik(self, reg: Registration) -> Registration:
        """An empty birth date and sex read from a readable NIK, as the form fills them."""
        if reg.birth_date is not None and reg.sex:
            return reg
        try:
            info = parse_nik(reg.nik, self.context.today)
        except NikError:
            return reg
        return reg.copy(birth_date=reg.birth_date or info.birth_date, sex=reg.sex or info.sex)


def read_list(
    db: Database,
    path: Path | str,
    *,
    sheet: str | None = None,
    mapping: dict[str, str | None] | None = None,
    remembered: dict[str, str] | None = None,
    context: ValidationContext | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    max_rows: int = MAX_ROWS,
    size_limits: SizeLimits = SIZE_LIMITS,
) -> ImportPlan:
    """Read and check the list in ``path``; writes nothing.

    ``sheet`` picks the sheet (default: the first with a recognisable header row, searched
    in its first 10 rows); ``mapping`` (column name -> field or None) overrides the
    recognised headers, column by column; ``remembered`` (`header_key` -> field, as the
    settings keep the user's earlier choices) places the columns it knows, below
    ``mapping``. ``context`` defaults to the settings' regency and
    age range; NIKs held in ``db`` are looked up whatever the context says. ``progress``
    gets (rows done, estimated rows, sheet name); the estimate is the number of sheet rows
    under the header. Raises `ExcelImportError` for a file that cannot be read or holds more
    than ``max_rows`` data rows (a sheet far larger is refused before it is loaded), or
    more than ``size_limits`` allow (``too_large``: the unpacked size before anything is
    loaded, then a cell's length), `ImportCancelled` when ``cancelled()``: between chunks
    of rows, not while calamine loads the sheet (`excel.reader`).

    The sheet's cells are read first and the workbook closed, so that calamine's copy of
    the sheet is gone before the plan grows; the plan's `RowValues` are those cells.
    """
    path = Path(path)
    checker = _Checker(db, _context(db, context))
    with open_workbook(path, max_rows, size_limits=size_limits) as workbook:
        layout = choose_layout(workbook, sheet)
        chosen = _mapping(layout, {**_remembered(layout, remembered), **(mapping or {})})
        columns = [
            (position, chosen[header])
            for position, header in enumerate(layout.headers)
            if chosen[header] is not None
        ]
        table = _table(workbook, layout, [p for p, _f in columns], max_rows, cancelled)
        sheets, epoch = list(workbook.sheetnames), workbook.epoch
    converter = RowConverter(
        columns, VillageFinder(checker.context.regions, checker.context.regency_code), epoch
    )
    headers = layout.headers
    index = {header: position for position, header in enumerate(headers)}
    rows: list[ImportRow] = []
    chunk: list = []
    total = layout.estimated_rows
    for number, cells in table:
        registration, problems = converter.convert(cells)
        chunk.append((number, RowValues(index, cells), registration, problems))
        if len(chunk) == PROGRESS_EVERY:
            rows += checker.check(chunk)
            chunk = []
            _report(progress, cancelled, len(rows), total, layout.sheet)
    del table
    rows += checker.check(chunk)
    if progress:
        progress(len(rows), max(total, len(rows)), layout.sheet)
    return ImportPlan(path, layout.sheet, sheets, headers, chosen, rows, layout.header_row)


def _table(
    workbook: SourceWorkbook,
    layout: Layout,
    used: list[int],
    max_rows: int,
    cancelled: Callable[[], bool] | None,
) -> list[tuple[int, tuple]]:
    """(row number, cells as wide as the header row) of every data row of the sheet, the
    same texts of a column shared; `ExcelImportError` past ``max_rows`` rows."""
    width = len(layout.headers)
    texts = _SharedTexts(width)
    table: list[tuple[int, tuple]] = []
    for number, cells in data_rows(workbook, layout, used):
        if len(table) >= max_rows:
            raise ExcelImportError(
                "too_many_rows",
                f"The sheet {layout.sheet!r} has more than {max_rows:,} rows. Split it"
                f" into files of at most {max_rows:,} rows and import them one by one.",
            )
        if len(cells) < width:
            cells = (*cells, *(None,) * (width - len(cells)))
        table.append((number, texts.share(cells)))
        if len(table) % PROGRESS_EVERY == 0 and cancelled and cancelled():
            raise ImportCancelled()
    return table


def _report(progress, cancelled, done: int, total: int, text: str) -> None:
    if cancelled and cancelled():
        raise ImportCancelled()
    if progress:
        progress(done, max(total, done), text)
