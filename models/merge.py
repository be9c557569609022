"""The district's side: merging a verified batch into the master list.

One batch, one transaction, all or nothing. The rules (ARCHITECTURE.md, "Merge at the district"):
a batch already imported changes nothing; a new id is inserted unless its NIK is held by
another live registration, which makes a conflict for staff; the same id with a higher
version updates, lower or equal is stale; likely duplicates with different NIKs are listed
for review, never merged. Every decision goes to `merge_log`.

"Higher" is judged against the officer's own counter: `officer_versions` keeps, per
registration, the device that sent it and the highest version merged from it. The
district's copy has a version of its own, bumped by its own changes (rejected, submitted,
KPJ), so comparing an officer's version with it would call a correction stale whenever the
district had changed the record meanwhile. The officer owns the fields typed on the form;
the district owns the status (submitted and registered stay; anything else becomes
received) and a KPJ it recorded. A registration another device sent is never overwritten
(stale, "sent by another device"), and one that staff deleted (a duplicate resolved) is not
brought back by a later correction (stale, "deleted at the district"); the officer's own
deletion, though, the officer may undo.
"""

from __future__ import annotations

import dataclasses
import json
import zlib
from dataclasses import dataclass, field
from datetime import date

from sqlite_utils import Database

from models import audit
from models.db import dict_rows, select_rows, write_transaction
from models.duplicates import LikelyDuplicates
from models.registration import Registration, Status
from models.store import insert_rows

#: District statuses an officer's later edit does not undo. A rejected registration the
#: officer corrected comes back as received, to be checked and sent to BPJS again.
DISTRICT_STATUSES = (Status.SUBMITTED, Status.REGISTERED)
SIMILAR_NAME = 0.88


class MalformedRecord(ValueError):
    """A record in the batch cannot be a registration (wrong types, missing id/version)."""


class SeqReused(ValueError):
    """The device sent a different batch under a sequence number already imported."""


@dataclass
class MergeResult:
    batch_id: str
    skipped: bool = False
    inserted: int = 0
    updated: int = 0
    stale: int = 0
    conflicts: int = 0
    likely_duplicates: int = 0
    decisions: list[tuple[str, str, str]] = field(default_factory=list)  # id, decision, detail


def already_imported(db: Database, batch_id: str) -> bool:
    return (
        db.execute("SELECT 1 FROM imported_batches WHERE batch_id = ?", [batch_id]).fetchone()
        is not None
    )


def merge_batch(
    db: Database,
    *,
    manifest: dict,
    manifest_sha256: str,
    file_sha256: str,
    file_name: str,
    records: list[dict],
    audit_rows: list,
    actor: str,
    duplicates: LikelyDuplicates | None = None,
) -> MergeResult:
    """Merge one verified batch; raises `MalformedRecord` or `SeqReused` (nothing changes).

    ``audit_rows`` are the officer's audit rows as they travelled (kept as received);
    ``duplicates`` is the likely-duplicate index an import of many batches shares.
    """
    batch_id = manifest["batch_id"]
    duplicates = duplicates if duplicates is not None else LikelyDuplicates()
    try:
        with write_transaction(db):
            if already_imported(db, batch_id):
                return MergeResult(batch_id, skipped=True)
            other = db.execute(
                "SELECT batch_id FROM imported_batches WHERE device_id = ? AND seq = ?",
                [manifest["device_id"], manifest["seq"]],
            ).fetchone()
            if other:
                raise SeqReused(
                    f"device {manifest['device_id']} already sent batch {manifest['seq']}"
                    f" as {other[0]}"
                )
            rows = [incoming_row(record) for record in records]
            duplicates.ensure_loaded(db)
            result = MergeResult(batch_id)
            try:
                _Plan(db, rows, result, duplicates, manifest["device_id"]).write(db, actor)
            except (UnicodeEncodeError, OverflowError) as exc:
                # A text that is not Unicode (a lone surrogate) or a number too large for
                # SQLite: the record cannot be stored; the whole batch is refused.
                raise MalformedRecord(f"a value cannot be stored ({exc})") from exc
            _record_import(db, manifest, manifest_sha256, file_sha256, file_name, actor, result,
                           len(records), audit_rows)  # fmt: skip
            return result
    except BaseException:
        duplicates.reset()  # it followed changes that were rolled back
        raise


def _record_import(db, manifest, manifest_sha256, file_sha256, file_name, actor, result,
                   records, audit_rows) -> None:  # fmt: skip
    batch_id = result.batch_id
    now = audit.now_iso()
    db.execute(
        "INSERT INTO imported_batches (batch_id, device_id, seq, prev, manifest_sha256,"
        " file_sha256, file_name, imported_at, imported_by, records, inserted, updated,"
        " stale, conflicts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [batch_id, manifest["device_id"], manifest["seq"], manifest.get("prev", ""),
         manifest_sha256, file_sha256, file_name, now, actor, records,
         result.inserted, result.updated, result.stale, result.conflicts],
    )  # fmt: skip
    lines = [
        row if isinstance(row, str) else json.dumps(row, ensure_ascii=False, sort_keys=True)
        for row in audit_rows
    ]
    db.execute(
        "INSERT INTO received_audit_lines (batch_id, lines, jsonl_zlib) VALUES (?, ?, ?)",
        [batch_id, len(lines), zlib.compress("\n".join(lines).encode("utf-8"), 1)],
    )
    db.conn.executemany(
        "INSERT INTO merge_log (at, actor, batch_id, registration_id, decision, detail)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(now, actor, batch_id, rid, decision, detail)
         for rid, decision, detail in result.decisions],
    )  # fmt: skip


def _defaults() -> dict:
    defaults = {}
    for f in dataclasses.fields(Registration):
        if f.default is not dataclasses.MISSING:
            defaults[f.name] = f.default
    defaults.update(id="", warnings_confirmed="", birth_date=None)
    return defaults


_DEFAULTS = _defaults()
_TEXT = tuple(f.name for f in dataclasses.fields(Registration) if f.type == "str")
_WHOLE = ("version", "contribution_months")
_FLAGS = ("program_jht", "consent", "deleted")
_SMALLEST, _LARGEST = -(2**63), 2**63 - 1  # what an SQLite integer holds


def incoming_row(record: dict) -> dict:
    """The `registrations` row a received record becomes (what ``Registration.from_row(r)
    .to_row()`` makes, checked field by field and several times faster); unknown keys are
    ignored, missing ones take their defaults. Raises `MalformedRecord`."""
    if not isinstance(record, dict):
        raise MalformedRecord("a record that is not an object")
    rid = record.get("id")
    if not isinstance(rid, str) or not rid:
        raise MalformedRecord("record without an id")
    row = {**_DEFAULTS, **record}
    if len(row) != len(_DEFAULTS):  # unknown keys (a newer version's fields) are ignored
        row = {k: row[k] for k in _DEFAULTS}
    for name in _TEXT:
        value = row[name]
        if value is None:
            row[name] = ""
        elif type(value) is not str:
            raise MalformedRecord(f"record {rid}: {name} is not text")
    for name in _WHOLE:
        if type(row[name]) is not int or not _SMALLEST <= row[name] <= _LARGEST:
            raise MalformedRecord(f"record {rid}: {name} is not a whole number")
    if row["version"] < 1:
        raise MalformedRecord(f"record {rid} without a valid version")
    income = row["monthly_income"]
    if income is not None and (type(income) is not int or not _SMALLEST <= income <= _LARGEST):
        raise MalformedRecord(f"record {rid}: monthly_income is not a whole number")
    for name in _FLAGS:
        if type(row[name]) not in (bool, int):
            raise MalformedRecord(f"record {rid}: {name} is not true or false")
        row[name] = int(bool(row[name]))
    birth = row["birth_date"]
    if birth:
        try:
            row["birth_date"] = date.fromisoformat(birth).isoformat()
        except (TypeError, ValueError) as exc:
            raise MalformedRecord(f"record {rid}: birth_date {birth!r} is not a date") from exc
    else:
        row["birth_date"] = None
    confirmed = row["warnings_confirmed"] = row["warnings_confirmed"] or ""
    if type(confirmed) is not str:
        raise MalformedRecord(f"record {rid}: warnings_confirmed is not text")
    if confirmed:
        row["warnings_confirmed"] = ",".join(sorted({c for c in confirmed.split(",") if c}))
    return row


def _existing(db: Database, ids: list[str]) -> dict[str, dict]:
    """The stored rows of these ids (one query)."""
    cursor = db.execute(
        "SELECT * FROM registrations WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(ids)],
    )
    found = {}
    for row in dict_rows(cursor):
        row.pop("kecamatan_code", None)  # generated from village_code
        found[row["id"]] = row
    return found


def _officer_versions(db: Database, ids: list[str]) -> dict[str, tuple[str, int, bool]]:
    """The device that sent each of these registrations, the highest version of it merged
    so far and whether that version was a tombstone (one query)."""
    return {
        rid: (device_id, version, bool(deleted))
        for rid, device_id, version, deleted in db.execute(
            "SELECT registration_id, device_id, version, deleted FROM officer_versions"
            " WHERE registration_id IN (SELECT value FROM json_each(?))",
            [json.dumps(ids)],
        )
    }


def remember_officer_versions(
    db: Database, device_id: str, versions: dict[str, tuple[int, bool]]
) -> None:
    """Record that ``device_id`` sent these registrations (id -> (version, tombstone)), as
    the merge does and as staff's "different people" does for the record it adds."""
    db.conn.executemany(
        "INSERT INTO officer_versions (registration_id, device_id, version, deleted)"
        " VALUES (?, ?, ?, ?) ON CONFLICT(registration_id) DO UPDATE SET"
        " device_id = excluded.device_id, version = excluded.version,"
        " deleted = excluded.deleted",
        [(rid, device_id, version, int(deleted)) for rid, (version, deleted) in versions.items()],
    )


def _nik_holders(db: Database, niks: list[str]) -> dict[str, list[str]]:
    """Live registrations holding each of these NIKs (one query)."""
    holders: dict[str, list[str]] = {}
    for nik, rid in db.execute(
        "SELECT nik, id FROM registrations WHERE nik IN (SELECT value FROM json_each(?))"
        " AND +deleted = 0 ORDER BY id",
        [json.dumps(niks)],
    ):
        holders.setdefault(nik, []).append(rid)
    return holders


class _Plan:
    """What one batch does to the master list, decided record by record in file order and
    written afterwards in a few statements."""

    def __init__(
        self,
        db: Database,
        rows: list[dict],
        result: MergeResult,
        dup: LikelyDuplicates,
        device_id: str,
    ):
        self.batch_id = result.batch_id
        self.device_id = device_id
        self.result = result
        self.duplicates = dup
        ids = [row["id"] for row in rows]
        self.existing = _existing(db, ids)
        self.officer = _officer_versions(db, ids)
        self.sent: dict[str, tuple[int, bool]] = {}  # id -> (officer's version, tombstone)
        self.holders = _nik_holders(db, sorted({row["nik"] for row in rows if row["nik"]}))
        self.inserts: list[dict] = []
        self.pending: dict[str, int] = {}  # id -> its row in `inserts`
        self.updates: list[dict] = []
        self.conflicts: list[tuple] = []
        self.changes: list[tuple] = []
        for row in rows:
            self._decide(row)

    def _holder(self, row: dict) -> str | None:
        """Another live registration holding this record's NIK (None for a tombstone)."""
        if not row["nik"] or row["deleted"]:
            return None
        return next((h for h in self.holders.get(row["nik"], ()) if h != row["id"]), None)

    def _hold(self, before: dict | None, after: dict) -> None:
        if before and before["nik"] in self.holders:
            self.holders[before["nik"]] = [
                h for h in self.holders[before["nik"]] if h != before["id"]
            ]
        if after["nik"] and not after["deleted"]:
            self.holders.setdefault(after["nik"], []).append(after["id"])
        self.existing[after["id"]] = after
        self.duplicates.track(after)

    def _conflict(self, kind: str, registration_id: str, row: dict, reason: str) -> None:
        self.conflicts.append((
            kind, self.batch_id, registration_id, row["id"],
            json.dumps(row, ensure_ascii=False, sort_keys=True), reason,
        ))  # fmt: skip

    def _decide(self, row: dict) -> None:
        rid, version = row["id"], row["version"]
        old = self.existing.get(rid)
        if old is not None:
            owner, known, tombstone = self.officer.get(rid, (self.device_id, old["version"], False))
            if owner != self.device_id:
                self.result.stale += 1
                self.decide(rid, "stale", f"sent by another device ({owner})")
                return
            if version <= known:
                self.result.stale += 1
                self.decide(rid, "stale", f"v{version} <= v{known}")
                return
            if old["deleted"] and not row["deleted"] and not tombstone:
                # Staff deleted it (a duplicate resolved): a correction does not bring it
                # back. Only the officer's own deletion is undone by the officer.
                self.result.stale += 1
                self.decide(rid, "stale", f"v{version}: deleted at the district")
                return
        holder = self._holder(row)
        if holder:
            # A new registration, or the officer's new version of one, takes a NIK another
            # registration holds (perhaps one district staff corrected): staff decide.
            self._conflict("nik", holder, row, "same NIK, another id")
            self.result.conflicts += 1
            self.decide(rid, "conflict", f"NIK held by {holder}")
            return
        if old is not None:
            status = old["status"] if old["status"] in DISTRICT_STATUSES else Status.RECEIVED
            new = {
                **row,
                "status": str(status),
                "kpj": old["kpj"] or row["kpj"],
                # The district's copy only moves forward, whoever changed it last.
                "version": max(version, old["version"] + 1),
            }
            if rid in self.pending:  # inserted by this very batch: insert the newer version
                self.inserts[self.pending[rid]] = new
            else:
                self.updates.append(new)
            self.changes.append(("merge_update", rid, new["version"], old, new))
            self._hold(old, new)
            self._sent(rid, version, bool(row["deleted"]))
            self.result.updated += 1
            self.decide(rid, "updated", f"v{known} -> v{version}")
            return
        new = {**row, "status": Status.RECEIVED.value}
        self._sent(rid, version, bool(row["deleted"]))
        self.pending[rid] = len(self.inserts)
        self.inserts.append(new)
        self.changes.append(("merge_insert", rid, version, None, new))
        self.result.inserted += 1
        self.decide(rid, "inserted", f"v{version}")
        if not new["deleted"]:
            for other_id, reason in self.duplicates.find(new):
                self._conflict("likely_duplicate", other_id, row, reason)
                self.result.likely_duplicates += 1
                self.decide(rid, "likely_duplicate", f"{reason}: {other_id}")
        self._hold(None, new)

    def _sent(self, rid: str, version: int, tombstone: bool) -> None:
        self.officer[rid] = (self.device_id, version, tombstone)
        self.sent[rid] = (version, tombstone)

    def decide(self, rid: str, decision: str, detail: str) -> None:
        self.result.decisions.append((rid, decision, detail))

    def write(self, db: Database, actor: str) -> None:
        # Updates first, in the order decided: an update may give up a NIK that a new
        # registration of the same batch takes; inserts never give one up.
        if self.updates:
            names = [k for k in self.updates[0] if k != "id"]
            db.conn.executemany(
                f"UPDATE registrations SET {', '.join(f'{k} = ?' for k in names)} WHERE id = ?",
                [[row[k] for k in names] + [row["id"]] for row in self.updates],
            )
        insert_rows(db, self.inserts)
        remember_officer_versions(db, self.device_id, self.sent)
        now = audit.now_iso()
        db.conn.executemany(
            "INSERT INTO conflicts (kind, batch_id, registration_id, incoming_id, incoming,"
            " reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(*conflict, now) for conflict in self.conflicts],
        )
        audit.append(db, audit.audit_rows(db, self.changes, actor))


def received_audit(db: Database, batch_id: str) -> list[str]:
    """The officer's audit rows that came with a batch, each line as it travelled."""
    row = db.execute(
        "SELECT lines, jsonl_zlib FROM received_audit_lines WHERE batch_id = ?", [batch_id]
    ).fetchone()
    if row is None or row[0] == 0:
        return []
    return zlib.decompress(row[1]).decode("utf-8").split("\n")


def imported_from(db: Database, device_id: str) -> list[dict]:
    """The batches imported from one device, in order (what a receipt tells it)."""
    return select_rows(
        db,
        "SELECT seq, batch_id, manifest_sha256, imported_at FROM imported_batches"
        " WHERE device_id = ? ORDER BY seq",
        [device_id],
    )


def gaps(db: Database) -> list[tuple[str, int]]:
    """(device, missing seq) for every batch number not yet received below the highest."""
    missing = []
    for device_id, top in db.execute(
        "SELECT device_id, MAX(seq) FROM imported_batches GROUP BY device_id ORDER BY device_id"
    ).fetchall():
        have = {
            s for (s,) in db.execute(
                "SELECT seq FROM imported_batches WHERE device_id = ?", [device_id]
            )
        }  # fmt: skip
        missing += [(device_id, seq) for seq in range(1, top + 1) if seq not in have]
    return missing


def broken_chains(db: Database) -> list[tuple[str, int]]:
    """(device, seq) of batches whose ``prev`` is not the manifest hash of the batch before."""
    rows = db.execute(
        "SELECT b.device_id, b.seq FROM imported_batches b JOIN imported_batches p"
        " ON p.device_id = b.device_id AND p.seq = b.seq - 1"
        " WHERE b.prev != p.manifest_sha256 ORDER BY b.device_id, b.seq"
    ).fetchall()
    return [(device, seq) for device, seq in rows]
