"""The append-only audit log: one row per change, chained by SHA-256.

Each row's hash covers its own content and the previous row's hash, so editing or removing
any row breaks the chain from that row on. `verify_chain` walks the log and names the first
row that does not fit. Triggers refuse UPDATE and DELETE on the table; the chain catches
whoever drops the triggers first.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from models.db import dict_rows
from models.registration import Registration

GENESIS = "0" * 64
#: What a column added by a later migration holds on a row an older version wrote (and so
#: its audit row does not name): the field's default.
_ADDED_LATER = Registration(id="").to_row()
_FIELDS = ("seq", "at", "actor", "action", "registration_id", "version", "before", "after")


def now_iso() -> str:
    """The current UTC time as ISO 8601 with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def row_hash(row: dict, prev_hash: str) -> str:
    """SHA-256 of a row's content and the previous hash."""
    content = json.dumps([row[f] for f in _FIELDS] + [prev_hash], ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def head_hash(db: Database) -> tuple[int, str]:
    """The last row's sequence number and hash (0 and the genesis hash when empty)."""
    row = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, GENESIS)


def audit_rows(
    db: Database, changes: list[tuple[str, str, int, dict | None, dict | None]], actor: str
) -> list[tuple]:
    """Chain new audit rows for ``changes`` (action, registration id, version, before,
    after), ready to insert; call inside the write transaction that makes the changes."""
    seq, prev = head_hash(db)
    at = now_iso()
    rows = []
    for action, registration_id, version, before, after in changes:
        seq += 1
        row = {
            "seq": seq,
            "at": at,
            "actor": actor,
            "action": action,
            "registration_id": registration_id,
            "version": version,
            "before": json.dumps(before, ensure_ascii=False, sort_keys=True) if before else None,
            "after": json.dumps(after, ensure_ascii=False, sort_keys=True) if after else None,
        }
        digest = row_hash(row, prev)
        rows.append((*(row[f] for f in _FIELDS), prev, digest))
        prev = digest
    return rows


def append(db: Database, rows: list[tuple]) -> None:
    db.conn.executemany(
        "INSERT INTO audit_log (seq, at, actor, action, registration_id, version, before,"
        " after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


@dataclass(frozen=True)
class ChainCheck:
    """Result of `verify_chain`: ``first_bad_seq`` is None when the log is intact."""

    rows_checked: int
    first_bad_seq: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.first_bad_seq is None


def verify_chain(db: Database) -> ChainCheck:
    """Walk the whole log in order and name the first row that breaks the chain; then check
    the registrations against the log (``reason`` says what was found)."""
    prev = GENESIS
    expected_seq = 1
    checked = 0
    cursor = db.execute(
        "SELECT seq, at, actor, action, registration_id, version, before, after, prev_hash,"
        " hash FROM audit_log ORDER BY seq"
    )
    for row in dict_rows(cursor):
        seq = row["seq"]
        if seq != expected_seq:
            return ChainCheck(checked, expected_seq, "missing")
        if row["prev_hash"] != prev:
            return ChainCheck(checked, seq, "prev_hash")
        if row_hash(row, prev) != row["hash"]:
            return ChainCheck(checked, seq, "hash")
        prev = row["hash"]
        expected_seq += 1
        checked += 1
    # Every change of a registration wrote one audit row with its new version, so local
    # changes count up by one; a merged batch may bring a registration at any higher version.
    # A removed row whose gap a later save papered over, or a removed tail, shows here.
    gap = _first_version_gap(db, expected_seq)
    if gap is not None:
        return ChainCheck(checked, gap, "missing")
    return _check_registrations_match_log(db, checked)


#: Audit actions that bring a registration from elsewhere (its version may jump).
MERGE_ACTIONS = ("merge_insert", "merge_update")
#: Audit actions about the programme rather than one registration: their
#: ``registration_id`` names what changed ("payment:3", "fiscal_year:2026").
PROGRAMME_ACTIONS = ("payment", "fiscal_year")


def _first_version_gap(db: Database, next_seq: int) -> int | None:
    """Where a registration's audit versions first skip (the row after the gap, or the
    position after the last row when the registration is newer than its log)."""
    last: dict[str, int] = {}
    for seq, registration_id, version, action in db.execute(
        "SELECT seq, registration_id, version, action FROM audit_log"
        " ORDER BY registration_id, version"
    ):
        prev = last.get(registration_id, 0)
        fits = version > prev if action in MERGE_ACTIONS else version == prev + 1
        if not fits:
            return seq
        last[registration_id] = version
    for registration_id, version in db.execute("SELECT id, version FROM registrations"):
        if last.get(registration_id) != version:
            return next_seq
    return None


def _check_registrations_match_log(db: Database, checked: int) -> ChainCheck:
    """Every registration must be exactly what its last audit row says it became, and every
    registration the log speaks of must still exist (tombstones included)."""
    cursor = db.execute(
        "SELECT r.*, a.seq AS _seq, a.after AS _after FROM registrations r"
        " JOIN audit_log a ON a.registration_id = r.id AND a.version = r.version"
    )
    for row in dict_rows(cursor):
        after = json.loads(row.pop("_after") or "{}")
        after = {k: _ADDED_LATER[k] for k in row.keys() - after.keys() if k in _ADDED_LATER} | after
        seq = row.pop("_seq")
        row.pop("kecamatan_code", None)  # generated from village_code, not stored
        if row != after:
            return ChainCheck(checked, seq, "registration_differs")
    orphan = db.execute(
        "SELECT MIN(a.seq) FROM audit_log a"
        " WHERE NOT EXISTS (SELECT 1 FROM registrations r WHERE r.id = a.registration_id)"
        " AND a.action NOT IN (SELECT value FROM json_each(?))",
        [json.dumps(PROGRAMME_ACTIONS)],
    ).fetchone()[0]
    if orphan is not None:
        return ChainCheck(checked, orphan, "registration_missing")
    return ChainCheck(checked)


def _first_missing_seq(db: Database, registration_id: str, next_seq: int) -> int:
    """Where a registration's audit versions first skip: the row after the gap (or the
    position after the last row when the gap is at the end)."""
    expected = 1
    for seq, version in db.execute(
        "SELECT seq, version FROM audit_log WHERE registration_id = ? ORDER BY seq",
        [registration_id],
    ):
        if version != expected:
            return seq
        expected += 1
    return next_seq
