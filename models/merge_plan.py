"""What one verified batch does to the district's master list, record by record.

`MergePlan` decides, in file order, for each received row (`models.incoming_record`):
stale (sent by another device, not newer than what that officer sent before, or deleted
by staff), a NIK conflict for staff, an update, or an insert that may be a likely
duplicate; then writes all of it in a few statements. `models.merge.merge_batch` wraps it
in the batch's one transaction. The rules are in `models.merge`'s docstring.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlite_utils import Database

from models import audit
from models.db import dict_rows
from models.duplicates import LikelyDuplicates
from models.registration import Status
from models.store import insert_rows

#: District statuses an officer's later edit does not undo. A rejected registration the
#: officer corrected comes back as received, to be checked and sent to BPJS again.
DISTRICT_STATUSES = (Status.SUBMITTED, Status.REGISTERED)


@dataclass
class MergeResult:
    """What merging one batch did: how many records went which way, and every decision
    (registration id, decision, detail) for the merge log."""

    batch_id: str
    skipped: bool = False
    inserted: int = 0
    updated: int = 0
    stale: int = 0
    conflicts: int = 0
    likely_duplicates: int = 0
    decisions: list[tuple[str, str, str]] = field(default_factory=list)  # id, decision, detail


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


class MergePlan:
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
                # A card handed over at the district stays when the officer names no day.
                "kpj_card_handed_on": row["kpj_card_handed_on"] or old["kpj_card_handed_on"],
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
