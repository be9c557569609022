"""The plan of a village list's import, and writing it: into the master list, or back to
the user as an error report.

`excel.list_import.read_list` reads and checks the sheet into an `ImportPlan` (one
`ImportRow` a data row, each ready, draft or rejected); nothing is written until the user
has seen it. A row is rejected only for a wrong value (a bad NIK, a NIK stored as a number,
an unknown desa, a duplicate …) or when it does not say who the worker is (`IDENTITY`); a
row that lacks only what the officer fills in on the visit (mother's name, consent, heir,
income, target group …) is a draft to complete, its missing fields listed. Then
`write_list` writes the plan's ready and draft rows in one transaction, each with its audit
row (a NIK taken since the plan was read is skipped, not written twice), and
`write_error_report` gives the user the sheet back with a ``Masalah`` column to fix.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from sqlite_utils import Database

from excel.excel_labels import _clean
from models.bulk_import import insert_new
from models.files import atomic_file
from models.private_temp import private_temp
from models.problems import Problem
from models.registration import Registration, Status
from models.settings import load_settings
from models.validation import MISSING_CODES, REQUIRED

READY, DRAFT, REJECTED = "ready", "draft", "rejected"
#: Fields a row needs to be ready: validation's required fields, the worker's consent and
#: the declaration of working now.
REQUIRED_FIELDS = (*REQUIRED, "consent", "working_now")
#: Who the worker is: a row without one of these cannot be a draft (the birth date may come
#: from the NIK, so no column needs to hold it).
IDENTITY = ("nik", "full_name", "birth_date", "village_code")
#: The identity fields a column must hold.
IDENTITY_COLUMNS = ("nik", "full_name", "village_code")
#: What a readable NIK gives when no column does.
FROM_NIK = ("birth_date", "sex")


def to_complete(problem: Problem) -> bool:
    """Whether ``problem`` only says a field is still empty that the officer fills in on
    the visit (a draft may lack it)."""
    return problem.code in MISSING_CODES and problem.field not in IDENTITY


def outcome_of(problems: list[Problem]) -> str:
    """Rejected for a wrong value or a missing identity, a draft while anything else is
    missing or a warning waits for confirmation, otherwise ready."""
    if any(p.is_error and not to_complete(p) for p in problems):
        return REJECTED
    return DRAFT if problems else READY


@dataclass
class ImportRow:
    """One data row of the sheet: ``number`` as Excel shows it, ``values`` the raw cells by
    column name, the registration made of them, its problems and what the import will do
    with it. ``duplicate_of`` names the earlier row (``baris 12``) or the id of the live
    registration that holds the same NIK."""

    number: int
    values: Mapping[str, object]
    registration: Registration | None
    problems: list[Problem]
    outcome: str  # "ready" | "draft" | "rejected"
    duplicate_of: str = ""

    @property
    def missing(self) -> list[str]:
        """The fields the row leaves empty that a ready registration needs."""
        return [p.field for p in self.problems if p.code in MISSING_CODES]

    @property
    def rejected_for(self) -> list[str]:
        """The codes of the problems that keep the row out (none for a draft or ready row)."""
        return [p.code for p in self.problems if p.is_error and not to_complete(p)]


@dataclass
class ImportPlan:
    """What `read_list` found; ``mapping`` is column name -> field (None: not imported).

    Counts: ``rows_read`` = ``rows_ready`` + ``rows_draft`` + ``rows_rejected``; duplicates
    are rejected rows too (``duplicates`` counts them on their own as well).
    """

    path: Path
    sheet: str
    sheets: list[str]
    headers: list[str]
    mapping: dict[str, str | None]
    rows: list[ImportRow]
    header_row: int = 1

    @property
    def rows_read(self) -> int:
        return len(self.rows)

    @property
    def rows_ready(self) -> int:
        return sum(1 for row in self.rows if row.outcome == READY)

    @property
    def rows_draft(self) -> int:
        return sum(1 for row in self.rows if row.outcome == DRAFT)

    @property
    def rows_rejected(self) -> int:
        return sum(1 for row in self.rows if row.outcome == REJECTED)

    @property
    def duplicates(self) -> int:
        return sum(1 for row in self.rows if row.duplicate_of)

    def as_json(self, message: Callable[[Problem], str]) -> dict:
        """The counts and every row's problems, as ``excel-import --json`` prints them."""
        return {
            "sheet": self.sheet,
            "rows_read": self.rows_read,
            "rows_ready": self.rows_ready,
            "rows_draft": self.rows_draft,
            "rows_rejected": self.rows_rejected,
            "duplicates": self.duplicates,
            "to_complete": [
                {"row": row.number, "missing": row.missing}
                for row in self.rows
                if row.outcome == DRAFT and row.missing
            ],
            "problems": [
                {
                    "row": row.number,
                    "field": problem.field,
                    "code": problem.code,
                    "severity": problem.severity.value,
                    "message": message(problem),
                }
                for row in self.rows
                for problem in row.problems
            ],
        }


@dataclass(frozen=True)
class ImportResult:
    """What `write_list` wrote: ``ready`` and ``draft`` rows; ``rejected`` rows of the plan
    were not written, ``duplicates`` of them because their NIK was held (in the file, in the
    database when reading, or since); ``ids`` of the new registrations."""

    ready: int
    draft: int
    rejected: int
    duplicates: int
    ids: list[str] = field(default_factory=list)

    @property
    def written(self) -> int:
        return self.ready + self.draft

    def as_json(self) -> dict:
        return {
            "rows_written": self.written,
            "rows_ready": self.ready,
            "rows_draft": self.draft,
            "rows_rejected": self.rejected,
            "duplicates": self.duplicates,
        }


def unmapped_headers(plan: ImportPlan) -> list[str]:
    """Column names that no field is taken from."""
    return [header for header in plan.headers if plan.mapping.get(header) is None]


def missing_required(plan: ImportPlan) -> list[str]:
    """The identity fields no column maps to: every row will lack them and be rejected."""
    mapped = {f for f in plan.mapping.values() if f}
    return [name for name in IDENTITY_COLUMNS if name not in mapped]


def missing_to_complete(plan: ImportPlan) -> list[str]:
    """Fields a ready registration needs that no column maps to: every row comes in as a
    draft lacking them, for the officer to complete on the visit."""
    mapped = {f for f in plan.mapping.values() if f}
    return [
        name
        for name in REQUIRED_FIELDS
        if name not in IDENTITY
        and name not in FROM_NIK
        and name not in mapped
        and not mapped.intersection(_COVERED_BY.get(name, ()))
    ]


#: Columns that can stand in for a required field.
_COVERED_BY = {
    "birth_place": ("birth_place_date",),
    "birth_date": ("birth_place_date",),
    "rt": ("rt_rw",),
    "rw": ("rt_rw",),
}


def write_list(db: Database, plan: ImportPlan, actor: str) -> ImportResult:
    """Write the plan's ready rows as ``ready`` and its warning-only rows as ``draft``, in
    one transaction with an audit row each; rejected rows and duplicates are not written,
    and a NIK that a live registration took since `read_list` is skipped too."""
    device_id = load_settings(db).device_id
    wanted = [row for row in plan.rows if row.outcome in (READY, DRAFT) and not row.duplicate_of]
    registrations = [
        row.registration.copy(
            status=Status.READY.value if row.outcome == READY else Status.DRAFT.value,
            created_by=actor,
            device_id=row.registration.device_id or device_id,
        )
        for row in wanted
    ]
    inserted = insert_new(db, registrations, actor)
    written = set(inserted.ids)
    ready = sum(1 for r in registrations if r.id in written and r.status == Status.READY)
    draft = len(written) - ready
    return ImportResult(
        ready=ready,
        draft=draft,
        rejected=plan.rows_read - len(written),
        duplicates=plan.duplicates + len(inserted.held),
        ids=inserted.ids,
    )


#: Columns whose cells the report formats as text, so that what the user types there
#: (a NIK typed again) stays text.
_TEXT_FIELDS = frozenset({"nik", "kk", "kpj", "phone", "heir_phone", "rt", "rw", "rt_rw"})


def _cell(value: object) -> object:
    if isinstance(value, str):
        return _clean(value)
    return value


@private_temp()  # openpyxl streams the rows through files: in the app's private folder
def write_error_report(
    plan: ImportPlan, path: Path | str, message: Callable[[Problem], str]
) -> Path:
    """The sheet's rows again, as read, with a ``Masalah`` column (the problems of the
    row, ``message`` turning each into a sentence) and ``Baris`` (its row in the original
    sheet). Written to a temporary file, synced and renamed, so no half file is left."""
    path = Path(path)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=(plan.sheet or "Masalah")[:31])
    sheet.append([*plan.headers, "Masalah", "Baris"])
    as_text = {
        position
        for position, header in enumerate(plan.headers)
        if plan.mapping.get(header) in _TEXT_FIELDS
    }
    for row in plan.rows:
        cells: list[object] = []
        for position, header in enumerate(plan.headers):
            value = _cell(row.values.get(header))
            if position in as_text:
                value = WriteOnlyCell(sheet, value=value)
                value.number_format = "@"
            cells.append(value)
        sheet.append([*cells, "; ".join(problem_texts(row, message)), row.number])
    with atomic_file(path) as temporary:
        workbook.save(temporary)
    return path


def problem_texts(row: ImportRow, message: Callable[[Problem], str]) -> list[str]:
    """A row's problems in words (``message`` words one); a NIK repeated in the file names
    its first row, as the error report and the preview show it."""
    texts = []
    for problem in row.problems:
        text = message(problem)
        if problem.code == "import.duplicate_in_file" and row.duplicate_of:
            text = f"{text} ({row.duplicate_of})"
        texts.append(text)
    return texts
