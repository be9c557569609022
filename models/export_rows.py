"""The registrations an Excel export reads, their totals, and marking them sent to BPJS.

`iter_registrations` streams live (not deleted) registrations in chunks, in the order a
district reads a list in (kecamatan, desa, full name), from one query, so a 100,000-row
export never holds more than a chunk and reads one consistent snapshot. `ExportTotals` adds
up registrations and monthly contributions per kecamatan and desa while the rows stream past
(the contribution is computed in Python by `models.contribution`, with the same dated rules
the form shows). `mark_submitted` turns the registrations of a BPJS upload ``submitted``: a
change like any other, with its version and audit row, all in one transaction.

A BPJS export that marks what it sent records its files here, whole, before they get their
names (`record_files_to_publish`), and forgets them in the transaction that marks the
registrations in them (`submit_published`): a crash between the two leaves files the next
export publishes and marks, rather than files beside registrations still to send.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from sqlite_utils import Database

from models import fault_points
from models.contribution import ContributionTable, default_table
from models.db import dict_rows, write_transaction
from models.registration import Registration, Status
from models.segments import SegmentCodes, default_segment_codes
from models.store import change_rows
from models.store_queries import live_where

#: Statuses a registration may not be marked ``submitted`` from: it is there already, or
#: BPJS gave it a KPJ (going back would hide that).
_NOT_RESUBMITTED = (Status.SUBMITTED.value, Status.REGISTERED.value)
_CHUNK_IDS = 500  # ids per ``IN (...)`` look-up, well under SQLite's variable limit


def statuses_of(status: str | Iterable[str] | None) -> tuple[str, ...]:
    """One status, several, or None (every status) as a tuple of known status values;
    ValueError for a value that is not a `Status`."""
    if status is None:
        return ()
    values = (status,) if isinstance(status, str) else tuple(status)
    known = {s.value for s in Status}
    unknown = [v for v in values if v not in known]
    if unknown:
        raise ValueError(f"unknown status: {', '.join(map(str, unknown))}")
    return tuple(dict.fromkeys(values))


def _where(
    status: str | Iterable[str] | None, kecamatan: str | None, desa: str | None
) -> tuple[str, list]:
    """The filter: live registrations, of the given statuses, kecamatan and desa.

    Leading with ``deleted = 0`` lets SQLite use its (deleted, …) indexes.
    """
    wanted = statuses_of(status)
    return live_where(
        desa=desa,
        kecamatan=kecamatan,
        status_clause=f"status IN ({', '.join('?' * len(wanted))})" if wanted else "",
        status_params=wanted,
    )


def count_registrations(
    db: Database,
    *,
    status: str | Iterable[str] | None = None,
    kecamatan: str | None = None,
    desa: str | None = None,
) -> int:
    """How many registrations `iter_registrations` yields with the same filters."""
    where, params = _where(status, kecamatan, desa)
    return db.execute(f"SELECT COUNT(*) FROM registrations WHERE {where}", params).fetchone()[0]


def iter_registrations(
    db: Database,
    *,
    status: str | Iterable[str] | None = None,
    kecamatan: str | None = None,
    desa: str | None = None,
    chunk_size: int = 1000,
) -> Iterator[list[Registration]]:
    """Live registrations in chunks of ``chunk_size``, ordered by kecamatan, desa, full name
    (then NIK and id, so the order is total).

    ``status`` is one status, several, or None for all; ``kecamatan`` a kecamatan code
    (``62.08.01``), ``desa`` a village code (``62.08.01.2001``); given filters all apply.
    One query read as it goes: the rows come from one snapshot of the database even when
    another connection saves meanwhile.
    """
    where, params = _where(status, kecamatan, desa)
    # "+" keeps the (deleted, kecamatan_code) index out of the ORDER BY: walking it would
    # still need a sort by name, and costs a random table look-up per row besides.
    cursor = db.execute(
        f"SELECT * FROM registrations WHERE {where}"
        " ORDER BY +kecamatan_code, +village_code, full_name COLLATE NOCASE, nik, id",
        params,
    )
    registrations = (Registration.from_row(row) for row in dict_rows(cursor))
    try:
        while chunk := list(islice(registrations, max(1, chunk_size))):
            yield chunk
    finally:
        cursor.close()


def monthly_contribution(
    reg: Registration, table: ContributionTable | None = None, on: date | None = None
) -> int | None:
    """What a registration costs in the month of ``on`` (today by default), as the form
    shows it; None while its income is unknown or when no contribution rule covers the
    month."""
    try:
        found = (table or default_table()).for_registration(reg, on or date.today())
    except LookupError:
        return None
    return found.monthly if found is not None else None


def base_income(reg: Registration, table: ContributionTable | None = None) -> int | None:
    """The official base income (upah dasar) of a registration's bracket, which BPJS
    computes the contribution from; None while its income is unknown."""
    if reg.monthly_income is None:
        return None
    return (table or default_table()).bracket(reg.monthly_income).base_income


def coverage_start(pks_date: str, day: date) -> date:
    """When coverage starts for a registration sent to BPJS on ``day``: the date of the
    regency's cooperation agreement (PKS, ISO text; "" or unreadable: not set), but never
    before ``day`` (BPJS does not cover an accident that happened before it was told)."""
    try:
        agreed = date.fromisoformat(pks_date) if pks_date else None
    except ValueError:
        agreed = None
    return max(agreed, day) if agreed else day


def segment_code(reg: Registration, codes: SegmentCodes | None = None) -> str:
    """BPJS's segment code for who pays a registration (`models.segments`, unverified)."""
    return (codes or default_segment_codes()).code_for(reg.funding_source)


@dataclass
class RegionTotals:
    """Registrations of one region and what they cost per month (whole rupiah);
    ``without_contribution`` counts those whose contribution is unknown (no income yet)."""

    registrations: int = 0
    monthly_contribution: int = 0
    without_contribution: int = 0

    def add(self, monthly: int | None) -> None:
        self.registrations += 1
        if monthly is None:
            self.without_contribution += 1
        else:
            self.monthly_contribution += monthly


@dataclass
class ExportTotals:
    """Totals per kecamatan code, per village code and overall, added up row by row."""

    by_kecamatan: dict[str, RegionTotals] = field(default_factory=dict)
    by_desa: dict[str, RegionTotals] = field(default_factory=dict)
    total: RegionTotals = field(default_factory=RegionTotals)

    def add(self, reg: Registration, monthly: int | None) -> None:
        for totals, code in (
            (self.by_kecamatan, reg.kecamatan_code),
            (self.by_desa, reg.village_code),
        ):
            region = totals.get(code)
            if region is None:
                region = totals[code] = RegionTotals()
            region.add(monthly)
        self.total.add(monthly)


@dataclass(frozen=True)
class SubmittedMarks:
    """What `mark_submitted` did: how many registrations it marked, and the ids it left
    alone (unknown, deleted, already submitted or registered, or changed since the export
    read them)."""

    marked: int
    skipped: tuple[str, ...] = ()


def mark_submitted(
    db: Database,
    ids: Iterable[str],
    actor: str,
    *,
    versions: Mapping[str, int] | None = None,
) -> SubmittedMarks:
    """Set status ``submitted`` on the registrations ``ids`` in one transaction, bumping
    each one's version and ``updated_at`` and appending its audit row.

    With ``versions`` (id -> the version that was exported), a registration saved since
    then is skipped rather than marked: what BPJS got is not what it holds now, and staff
    must look at it. Deleted registrations and those already submitted or registered are
    skipped too.
    """
    wanted = list(dict.fromkeys(ids))
    skipped: list[str] = []
    changes = []
    with write_transaction(db):
        for start in range(0, len(wanted), _CHUNK_IDS):
            chunk = wanted[start : start + _CHUNK_IDS]
            cursor = db.execute(
                f"SELECT * FROM registrations WHERE id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            rows = {row["id"]: row for row in dict_rows(cursor)}
            for registration_id in chunk:
                row = rows.get(registration_id)
                if (
                    row is None
                    or row["deleted"]
                    or row["status"] in _NOT_RESUBMITTED
                    or (versions is not None and versions.get(registration_id) != row["version"])
                ):
                    skipped.append(registration_id)
                    continue
                row.pop("kecamatan_code", None)  # generated from village_code, not stored
                changes.append((row, {"status": Status.SUBMITTED.value}))
        change_rows(db, changes, "submit", actor)
    return SubmittedMarks(len(changes), tuple(skipped))


@dataclass(frozen=True)
class FileToPublish:
    """A BPJS upload file complete under its temporary name (``temporary_name`` beside
    ``file_name`` in ``folder``), with its bytes and the registrations in it (id ->
    version written), to be marked ``submitted`` by ``actor`` once it is published."""

    file_name: str
    folder: str
    temporary_name: str
    rows: int
    sha256: str
    content: bytes
    versions: dict[str, int]
    actor: str


def record_files_to_publish(db: Database, files: list[FileToPublish]) -> None:
    """Record the files of one export, in their order, in one transaction."""
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO bpjs_files_to_publish (file_name, folder, temporary_name, rows,"
            " sha256, content, versions, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(f.file_name, f.folder, f.temporary_name, f.rows, f.sha256, f.content,
              json.dumps(f.versions), f.actor) for f in files],
        )  # fmt: skip
        fault_points.reach("bpjs.recorded")


def files_to_publish(db: Database) -> list[FileToPublish]:
    """The files an export recorded and did not finish publishing and marking, in order."""
    rows = db.execute(
        "SELECT file_name, folder, temporary_name, rows, sha256, content, versions, actor"
        " FROM bpjs_files_to_publish ORDER BY position"
    ).fetchall()
    return [
        FileToPublish(name, folder, temporary, count, sha, bytes(content), json.loads(found), who)
        for name, folder, temporary, count, sha, content, found, who in rows
    ]


def forget_files_to_publish(db: Database) -> None:
    """An export undone: its files are not to be published."""
    with write_transaction(db):
        db.execute("DELETE FROM bpjs_files_to_publish")


def submit_published(db: Database, versions: Mapping[str, int], actor: str) -> SubmittedMarks:
    """The files are published: mark the registrations in them ``submitted``
    (`mark_submitted` with ``versions``) and forget the files, in one transaction."""
    with write_transaction(db):
        marks = mark_submitted(db, list(versions), actor, versions=versions)
        db.execute("DELETE FROM bpjs_files_to_publish")
        fault_points.reach("bpjs.marked")
    return marks
