"""Reading the store: one registration, the NIK's holders, and the records list's filter,
search and order.

`RecordFilter` is what the records list (and a click on a dashboard figure) asks for (what
its search text finds, and through which index, is `models.record_search`);
`RegistrationQueries` answers it on one database connection, and `models.store`'s
`RegistrationStore` adds the writes on top. `live_where` is the WHERE clause of live
registrations the exports and lists of other modules (`export_rows`, `nominatif`) share.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from models.db import dict_rows
from models.nik import clean_number
from models.record_search import first_hits_sql, lookups, search_where
from models.registration import Registration
from models.validation import NikHolder

LIST_COLUMNS = (
    "rowid", "id", "nik", "full_name", "birth_date", "sex", "village_code",
    "kecamatan_code", "target_group", "monthly_income", "program_jht", "status",
    "updated_at", "version",
)  # fmt: skip

SORTABLE = {
    "full_name", "nik", "birth_date", "sex", "village_code", "kecamatan_code",
    "target_group", "monthly_income", "status", "updated_at",
}  # fmt: skip

#: NIKs asked about per query, well under SQLite's limit on bound parameters.
_IN_CHUNK = 500


@dataclass
class RecordFilter:
    """What the records list shows: search text, filters and order.

    The fields after ``descending`` narrow the list to one figure of the dashboard
    (`models.dashboard`); None means "any", "" means "not filled in".
    """

    text: str = ""
    status: str = ""
    kecamatan_code: str = ""
    village_code: str = ""
    sort_column: str = "updated_at"
    descending: bool = True
    counted: bool = False  # only registrations that count towards the target
    target_group: str | None = None
    sex: str | None = None
    funding_source: str | None = None
    created_by: str | None = None  # the officer
    born_after: str | None = None  # ISO date, exclusive
    born_until: str | None = None  # ISO date, inclusive
    birth_unknown: bool = False
    created_from: str | None = None  # UTC timestamp prefix, inclusive
    created_before: str | None = None  # UTC timestamp prefix, exclusive
    flagged: bool = False  # drafts, or carrying confirmed warnings
    warned: bool = False  # carrying confirmed warnings
    no_village: bool = False  # without a village code
    conflict_officer: str | None = None  # in a conflict raised by this officer's records
    label: str = ""  # what the dashboard called this selection (shown above the list)

    @property
    def narrowed(self) -> bool:
        """Whether a dashboard figure narrows the list beyond search, status and region."""
        return self.narrowing() != RecordFilter().narrowing()

    def narrowing(self) -> tuple:
        return (
            self.counted, self.target_group, self.sex, self.funding_source, self.created_by,
            self.born_after, self.born_until, self.birth_unknown, self.created_from,
            self.created_before, self.flagged, self.conflict_officer, self.warned,
            self.no_village,
        )  # fmt: skip


def live_where(
    *,
    desa: str | None = None,
    kecamatan: str | None = None,
    status_clause: str = "",
    status_params: Iterable[str] = (),
) -> tuple[str, list]:
    """A WHERE clause and its parameters for live (not deleted) registrations, optionally
    matching ``status_clause`` and of one desa and/or one kecamatan (each given one applies).

    It leads with ``deleted = 0`` so that SQLite can use its (deleted, village_code) or
    (deleted, kecamatan_code) index.
    """
    clauses, params = ["deleted = 0"], []
    if status_clause:
        clauses.append(status_clause)
        params += status_params
    if desa:
        clauses.append("village_code = ?")
        params.append(desa)
    if kecamatan:
        clauses.append("kecamatan_code = ?")
        params.append(kecamatan)
    return " AND ".join(clauses), params


def _narrow(f: RecordFilter, clauses: list[str], params: list) -> None:
    """The dashboard's narrowing of a `RecordFilter` as WHERE clauses (see its fields)."""
    if f.counted:
        clauses.append("status NOT IN ('draft', 'rejected')")
    for column, value in (
        ("target_group", f.target_group), ("sex", f.sex), ("funding_source", f.funding_source),
        ("created_by", f.created_by),
    ):  # fmt: skip
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    for condition, value in (
        ("birth_date > ?", f.born_after), ("birth_date <= ?", f.born_until),
        ("created_at >= ?", f.created_from), ("created_at < ?", f.created_before),
    ):  # fmt: skip
        if value is not None:
            clauses.append(condition)
            params.append(value)
    if f.birth_unknown:
        clauses.append("birth_date IS NULL")
    if f.flagged:
        clauses.append("(status = 'draft' OR warnings_confirmed != '')")
    if f.warned:
        clauses.append("warnings_confirmed != ''")
    if f.no_village:
        clauses.append("village_code = ''")
    if f.conflict_officer is not None:
        clauses.append(
            "id IN (SELECT registration_id FROM conflicts"
            " WHERE coalesce(json_extract(incoming, '$.created_by'), '') = ?"
            " UNION SELECT incoming_id FROM conflicts"
            " WHERE coalesce(json_extract(incoming, '$.created_by'), '') = ?)"
        )
        params += [f.conflict_officer, f.conflict_officer]


def filter_where(record_filter: RecordFilter) -> tuple[str, list]:
    """The WHERE clause and parameters of the live registrations ``record_filter`` shows."""
    clauses, params = ["deleted = 0"], []
    if record_filter.status:
        clauses.append("status = ?")
        params.append(record_filter.status)
    if record_filter.village_code:
        clauses.append("village_code = ?")
        params.append(record_filter.village_code)
    elif record_filter.kecamatan_code:
        clauses.append("kecamatan_code = ?")
        params.append(record_filter.kecamatan_code)
    _narrow(record_filter, clauses, params)
    search, search_params = search_where(record_filter.text)
    if search:
        clauses.append(search)
        params += search_params
    return " AND ".join(clauses), params


class RegistrationQueries:
    """The reads of the registrations in one database connection."""

    def __init__(self, db: Database):
        self.db = db

    def get(self, registration_id: str) -> Registration | None:
        cursor = self.db.execute("SELECT * FROM registrations WHERE id = ?", [registration_id])
        row = next(dict_rows(cursor), None)
        return Registration.from_row(row) if row else None

    def nik_holders(self, nik: str, own_id: str = "") -> list[NikHolder]:
        """Live registrations other than ``own_id`` that hold ``nik`` (drafts included)."""
        rows = self.db.execute(
            "SELECT id, full_name, status FROM registrations"
            # "+deleted" keeps the planner on the NIK index: without statistics it would
            # otherwise walk a (deleted, …) index over every registration.
            " WHERE nik = ? AND +deleted = 0 AND id != ?",
            [clean_number(nik), own_id],
        ).fetchall()
        return [NikHolder(*row) for row in rows]

    def live_niks_among(self, niks: list[str]) -> set[str]:
        """Which of ``niks`` a live registration (draft or not) already holds."""
        held: set[str] = set()
        for start in range(0, len(niks), _IN_CHUNK):
            chunk = niks[start : start + _IN_CHUNK]
            # "+deleted" keeps SQLite on the nik index: without statistics it prefers an
            # index on (deleted, ...) and reads every live row for each chunk.
            rows = self.db.execute(
                f"SELECT nik FROM registrations WHERE nik IN ({','.join('?' * len(chunk))})"
                " AND +deleted = 0",
                chunk,
            )
            held.update(row[0] for row in rows)
        return held

    def count(self, record_filter: RecordFilter | None = None) -> int:
        where, params = filter_where(record_filter or RecordFilter())
        return self.db.execute(
            f"SELECT COUNT(*) FROM registrations WHERE {where}", params
        ).fetchone()[0]

    def list_rowids(self, record_filter: RecordFilter) -> array:
        """Row ids of the matching registrations, in the requested order.

        The list keeps only these (8 bytes a row) and fetches the rows it paints by id.
        """
        where, params = filter_where(record_filter)
        column = (
            record_filter.sort_column if record_filter.sort_column in SORTABLE else "updated_at"
        )
        direction = "DESC" if record_filter.descending else "ASC"
        # One string of ids from SQLite parses faster than 100,000 one-value rows.
        joined = self.db.execute(
            f"SELECT group_concat(rowid) FROM (SELECT rowid FROM registrations WHERE {where}"
            f" ORDER BY {column} {direction}, rowid {direction})",
            params,
        ).fetchone()[0]
        return array("q", map(int, joined.split(","))) if joined else array("q")

    def rows_by_rowid(self, rowids: list[int]) -> dict[int, dict]:
        """List columns of the given rows, keyed by rowid."""
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        cursor = self.db.execute(
            f"SELECT {', '.join(LIST_COLUMNS)} FROM registrations WHERE rowid IN ({marks})",
            rowids,
        )
        return {row["rowid"]: row for row in dict_rows(cursor)}

    def registrations_matching(self, record_filter: RecordFilter) -> list[Registration]:
        """Every registration the list shows under ``record_filter``, whole and in the
        list's order (to print what the user filtered)."""
        rowids = self.list_rowids(record_filter)
        found: list[Registration] = []
        for start in range(0, len(rowids), 500):
            chunk = list(rowids[start : start + 500])
            cursor = self.db.execute(
                "SELECT rowid AS _rowid, * FROM registrations"
                f" WHERE rowid IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            rows = {row["_rowid"]: row for row in dict_rows(cursor)}
            found += [Registration.from_row(rows[r]) for r in chunk if r in rows]
        return found

    def search(self, text: str, limit: int = 50) -> list[dict]:
        """The first ``limit`` live registrations ``text`` finds (`models.record_search`):
        by name or address; by NIK (its start, its end, any 8 or more digits of it) or by
        the start of the id. The hits of the most specific look-up come first: the id's
        start, then the NIK's end, then its start, then its inside; each in its index's
        order, and a registration only once."""
        columns = ", ".join("r." + c for c in LIST_COLUMNS)
        hits: dict[int, dict] = {}
        for lookup in lookups(text):
            if len(hits) >= limit:
                break
            cursor = self.db.execute(first_hits_sql(lookup, columns), [*lookup.params, limit])
            for row in dict_rows(cursor):
                hits.setdefault(row["rowid"], row)
        return list(hits.values())[:limit]
