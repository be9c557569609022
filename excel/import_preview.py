"""What the village-list import wizard decides before anything is written, Qt-free: which
columns the user still has to place, what a column holds, the choices to remember, what
each row of an `ImportPlan` will become and how many of them count, which rows the
preview's filter shows, and what a row or a column shows when a cell could not be read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from excel.headers import header_key
from excel.import_plan import (
    ImportPlan,
    ImportRow,
    missing_required,
    unmapped_headers,
)

#: What importing does with a row: written ready to send, written as a draft, refused for
#: its errors, or refused because its NIK is held (in the file, or by a registration).
READY, DRAFT, REJECTED, DUPLICATE = "ready", "draft", "rejected", "duplicate"
OUTCOMES = (READY, DRAFT, REJECTED, DUPLICATE)

#: The preview's filter: every row, then the outcomes that need a look first.
ALL = "all"
FILTER_CHOICES = (ALL, REJECTED, DUPLICATE, DRAFT, READY)

SAMPLE_LENGTH = 40  # characters of a sample value, enough to recognise a column


def outcome_key(row: ImportRow) -> str:
    """What importing would do with ``row``: one of `OUTCOMES`."""
    return DUPLICATE if row.duplicate_of else row.outcome


@dataclass(frozen=True)
class OutcomeCounts:
    """The rows of a plan per outcome (a duplicate counts as such, not as rejected)."""

    ready: int = 0
    draft: int = 0
    rejected: int = 0
    duplicate: int = 0

    def of(self, outcome: str) -> int:
        """The rows of ``outcome`` (`ALL`: every row)."""
        return self.rows if outcome == ALL else getattr(self, outcome)

    @property
    def rows(self) -> int:
        return self.ready + self.draft + self.rejected + self.duplicate

    @property
    def importable(self) -> int:
        """Rows `write_list` writes: the ready ones and the drafts."""
        return self.ready + self.draft

    @property
    def left_out(self) -> int:
        """Rows not imported: rejected or duplicate."""
        return self.rejected + self.duplicate

    def skipped(self, written: int) -> int:
        """Importable rows that were not written after all (``written`` of them were): their
        NIK was registered since the file was read."""
        return max(self.importable - written, 0)


def outcome_counts(rows: Iterable[ImportRow]) -> OutcomeCounts:
    found = dict.fromkeys(OUTCOMES, 0)
    for row in rows:
        found[outcome_key(row)] += 1
    return OutcomeCounts(**found)


def rows_shown(rows: Iterable[ImportRow], wanted: str) -> list[ImportRow]:
    """The rows the preview lists for the filter choice ``wanted`` (`ALL` or an outcome)."""
    return [row for row in rows if wanted == ALL or outcome_key(row) == wanted]


def _one_line(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def shown_value(row: ImportRow, field: str, mapping: Mapping[str, str | None]) -> str:
    """A field of a row as read, or the cell as the village typed it when it could not be
    read (a NIK Excel turned into 6.2E+15), so the village can find the row."""
    value = getattr(row.registration, field, "") if row.registration is not None else ""
    if value:
        return str(value)
    column = next((header for header, f in mapping.items() if f == field), None)
    return _one_line(row.values.get(column)) if column is not None else ""


def column_samples(rows: Iterable[ImportRow], header: str, wanted: int = 3) -> list[str]:
    """The first few different values of a column (each cut to `SAMPLE_LENGTH`), to
    recognise what it holds."""
    found: list[str] = []
    for row in rows:
        text = _one_line(row.values.get(header))[:SAMPLE_LENGTH]
        if text and text not in found:
            found.append(text)
            if len(found) == wanted:
                break
    return found


def columns_to_place(plan: ImportPlan, remembered: Mapping[str, str]) -> list[str]:
    """The columns to ask the user about: the unplaced ones not decided about before
    (``remembered``: `header_key` -> field, "" for "ignore"); all unplaced ones when a
    required field is still missing; none otherwise."""
    unplaced = unmapped_headers(plan)
    undecided = [header for header in unplaced if header_key(header) not in remembered]
    return undecided or (unplaced if missing_required(plan) else [])


def doubled_fields(chosen: Mapping[str, str]) -> list[str]:
    """Fields chosen for more than one column (header -> field, "" = ignore), sorted."""
    fields = [field for field in chosen.values() if field]
    return sorted({field for field in fields if fields.count(field) > 1})


def remembered_mapping(remembered: Mapping[str, str], chosen: Mapping[str, str]) -> dict[str, str]:
    """The choices to keep in the settings: those before, and over them the columns just
    placed (header -> field, "" = ignore), by `header_key` so that the next village's
    "No. NIK" or "NIK " is the same column."""
    return {**remembered, **{header_key(header): field for header, field in chosen.items()}}
