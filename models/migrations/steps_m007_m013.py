"""Migrations m007-m013: duplicate look-ups, the bulk merge, sync, the dashboard's indexes,
the officers' versions, and search by NIK end and id. Registered in order by
`models.migrations`; never edit one that has shipped."""

from __future__ import annotations

import zlib

from sqlite_utils import Database


def m007_duplicate_lookups(db: Database) -> None:
    """Indexes for the merge's likely-duplicate look-ups (same name and birth date; same desa
    and birth year): without them each merged record scanned the whole master list."""
    db.executescript(
        """
        CREATE INDEX registrations_name_birth
          ON registrations(full_name COLLATE NOCASE, birth_date);
        CREATE INDEX registrations_village_birth ON registrations(village_code, birth_date);
        """
    )


def m008_bulk_merge(db: Database) -> None:
    """Let a bulk insert fill the search index once per batch instead of once per row;
    drop m007's indexes (the merge now finds likely duplicates in memory,
    `models.duplicates`, and every index slows each insert); keep the officers' audit rows
    one compressed row per batch instead of one row per line (a third of what an import
    wrote to disk).

    FTS5 writes its pending terms to disk at every statement a trigger runs in, so a batch
    of 2,000 registrations inserted row by row made 2,000 tiny index segments to merge (8 of
    the 15 s a raw ingest of 100,000 rows took). While a row is in `search_index_paused`,
    inserts leave the index alone; `store.insert_rows` adds the new rows to it in one
    statement before the same transaction commits, so no reader ever sees the gap.
    """
    db.executescript(
        """
        DROP INDEX registrations_name_birth;
        DROP INDEX registrations_village_birth;
        CREATE TABLE search_index_paused (id INTEGER PRIMARY KEY CHECK (id = 1));
        DROP TRIGGER registrations_fts_insert;
        CREATE TRIGGER registrations_fts_insert AFTER INSERT ON registrations
        WHEN NOT EXISTS (SELECT 1 FROM search_index_paused) BEGIN
          INSERT INTO registrations_fts(rowid, full_name, nik, address)
          VALUES (new.rowid, new.full_name, new.nik, new.address);
        END;
        """
    )
    db.execute(
        "CREATE TABLE received_audit_lines ("
        " batch_id TEXT PRIMARY KEY NOT NULL,"
        " lines INTEGER NOT NULL,"
        " jsonl_zlib BLOB NOT NULL)"  # the lines as they travelled, newline-separated
    )
    batches = [b for (b,) in db.execute("SELECT DISTINCT batch_id FROM received_audit")]
    for batch_id in batches:
        lines = [
            line
            for (line,) in db.execute(
                "SELECT data FROM received_audit WHERE batch_id = ? ORDER BY line", [batch_id]
            )
        ]
        db.execute(
            "INSERT INTO received_audit_lines (batch_id, lines, jsonl_zlib) VALUES (?, ?, ?)",
            [batch_id, len(lines), zlib.compress("\n".join(lines).encode("utf-8"))],
        )
    db.execute("DROP TABLE received_audit")


def m009_sync(db: Database) -> None:
    """HTTP sync and status updates (`models.status_updates`).

    Both sides: ``rejections``, why a registration was rejected (the status itself changes
    on the registration, audited; the reason lives here because a column the
    `Registration` fields do not have would break the audit chain's row check). District:
    an index to find which device sent a registration (the updates each device pulls).
    Officer: the district's signed receipts as they arrived, and how far the status
    updates have been read (the district's audit-log position).
    """
    db.executescript(
        """
        CREATE TABLE rejections (
          registration_id TEXT PRIMARY KEY NOT NULL,
          reason TEXT NOT NULL,
          rejected_at TEXT NOT NULL,
          rejected_by TEXT NOT NULL
        );
        CREATE INDEX merge_log_registration ON merge_log(registration_id);
        CREATE TABLE sync_receipts (
          batch_id TEXT PRIMARY KEY NOT NULL,
          seq INTEGER NOT NULL,
          document TEXT NOT NULL,
          stored_at TEXT NOT NULL
        );
        CREATE TABLE sync_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          updates_cursor INTEGER NOT NULL DEFAULT 0,
          last_sync_at TEXT
        );
        """
    )


def m010_dashboard(db: Database) -> None:
    """Indexes the dashboard (`models.dashboard`) walks in their own order, so that each of
    its figures reads one small index instead of the table (at 500,000 registrations a
    table scan takes 250-500 ms, an index walk 35-65 ms). The counted registrations' indexes
    are partial, under the very condition `models.dashboard.COUNTED` spells out, so no list
    query (whose status filters are bound parameters) is drawn to them."""
    db.executescript(
        """
        CREATE INDEX registrations_dashboard_places ON registrations(village_code)
          WHERE deleted = 0 AND status NOT IN ('draft', 'rejected');
        CREATE INDEX registrations_dashboard_people ON registrations(target_group, sex, birth_date)
          WHERE deleted = 0 AND status NOT IN ('draft', 'rejected');
        CREATE INDEX registrations_dashboard_money
          ON registrations(funding_source, program_jht, monthly_income)
          WHERE deleted = 0 AND status NOT IN ('draft', 'rejected');
        CREATE INDEX registrations_dashboard_officers
          ON registrations(created_by, status, warnings_confirmed, substr(created_at, 1, 13))
          WHERE deleted = 0;
        """
    )


def m011_officer_versions(db: Database) -> None:
    """District: the device that sent each registration, the highest version of it merged
    and whether that version was a tombstone (models.merge judges stale records by it, not
    by the district's own version, and keeps a registration the district deleted deleted).
    Filled for what was merged before: the merge's audit rows carry the officer's version
    (the district's copy took it then), the device is the one of the last insert or update.
    Changed in place before any release (it gained ``deleted`` and this back-fill)."""
    db.executescript(
        """
        CREATE TABLE officer_versions (
          registration_id TEXT PRIMARY KEY,
          device_id TEXT NOT NULL,
          version INTEGER NOT NULL,
          deleted INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        INSERT INTO officer_versions (registration_id, device_id, version, deleted)
          SELECT m.registration_id, b.device_id, a.version,
                 COALESCE(json_extract(a.after, '$.deleted'), 0) != 0
          FROM merge_log m
          JOIN imported_batches b ON b.batch_id = m.batch_id
          JOIN audit_log a ON a.seq = (
            SELECT a2.seq FROM audit_log a2 WHERE a2.registration_id = m.registration_id
              AND a2.action IN ('merge_insert', 'merge_update')
            ORDER BY a2.version DESC, a2.seq DESC LIMIT 1)
          WHERE m.id = (
            SELECT MAX(m2.id) FROM merge_log m2 WHERE m2.registration_id = m.registration_id
              AND m2.decision IN ('inserted', 'updated'));
        """
    )


def m012_dashboard_days(db: Database) -> None:
    """The dashboard's officers and weeks (`models.dashboard.officers_and_weeks`) group by
    officer and *local day* in SQL now: one index, covering, in officer and time order,
    replaces m010's per-officer/status/warning/UTC-hour index (which gave one group per
    registration on data spread over two years). ``deleted`` is a column too although the
    index holds only live rows: SQLite (3.40) reads the table for a partial index's WHERE
    column that the index itself lacks, which costs ten times the index walk."""
    db.executescript(
        """
        DROP INDEX IF EXISTS registrations_dashboard_officers;
        CREATE INDEX registrations_dashboard_days
          ON registrations(created_by, created_at, status, warnings_confirmed, deleted)
          WHERE deleted = 0;
        """
    )


def m013_nik_and_id_search(db: Database) -> None:
    """Search by what officers read off a receipt slip or a list (`models.record_search`):
    a NIK by its last 4-6 digits, or by any 8 or more digits of it; a registration by the
    start of its id (the primary key's own index serves that).

    ``registrations_nik_end`` indexes the NIK's last six characters reversed, so that "ends
    with 0031" is the range of keys starting "1300".

    ``nik_tails`` holds the tails of a NIK that start at every fourth character (the 5th,
    the 9th, …, while at least five characters are left), each with the three characters
    before it (``lead``). Eight digits or more found anywhere cover such a start, or the
    NIK's first character (the NIK index serves that), at most three digits in: "holds
    14507900" is the tails that start with "14507900" (no lead), or "4507900" after a lead
    ending in "1", "507900" after "14", "07900" after "145". A start at every character
    would need four times the rows (95 MB instead of 26 at 500,000 registrations) and
    four times the writes of every insert; the widest of those ranges reads about 2,000
    index entries (0.2 ms). Like the search index the table refers to a registration by
    rowid, and triggers keep it in step; an update that leaves the NIK alone costs nothing.
    Tails start at most at the 33rd character: a NIK has 16 (the form takes 20).
    """
    starts = ", ".join(f"({n})" for n in range(4, 33, 4))
    tails = f"(VALUES {starts}) s"
    db.executescript(
        f"""
        CREATE INDEX registrations_nik_end ON registrations(
          substr(nik, -1, 1) || substr(nik, -2, 1) || substr(nik, -3, 1)
          || substr(nik, -4, 1) || substr(nik, -5, 1) || substr(nik, -6, 1));
        CREATE TABLE nik_tails (
          tail TEXT NOT NULL,
          registration INTEGER NOT NULL,
          lead TEXT NOT NULL,
          PRIMARY KEY (tail, registration)
        ) WITHOUT ROWID;
        INSERT INTO nik_tails (tail, registration, lead)
          SELECT substr(r.nik, s.column1 + 1), r.rowid, substr(r.nik, s.column1 - 2, 3)
          FROM registrations r, {tails}
          WHERE s.column1 <= length(r.nik) - 5
          ORDER BY 1, 2;
        CREATE TRIGGER registrations_nik_tails_insert AFTER INSERT ON registrations BEGIN
          INSERT INTO nik_tails (tail, registration, lead)
            SELECT substr(new.nik, s.column1 + 1), new.rowid, substr(new.nik, s.column1 - 2, 3)
            FROM {tails} WHERE s.column1 <= length(new.nik) - 5;
        END;
        CREATE TRIGGER registrations_nik_tails_delete AFTER DELETE ON registrations BEGIN
          DELETE FROM nik_tails WHERE registration = old.rowid AND tail IN (
            SELECT substr(old.nik, s.column1 + 1) FROM {tails}
            WHERE s.column1 <= length(old.nik) - 5);
        END;
        CREATE TRIGGER registrations_nik_tails_update AFTER UPDATE OF nik ON registrations
        WHEN old.nik IS NOT new.nik BEGIN
          DELETE FROM nik_tails WHERE registration = old.rowid AND tail IN (
            SELECT substr(old.nik, s.column1 + 1) FROM {tails}
            WHERE s.column1 <= length(old.nik) - 5);
          INSERT INTO nik_tails (tail, registration, lead)
            SELECT substr(new.nik, s.column1 + 1), new.rowid, substr(new.nik, s.column1 - 2, 3)
            FROM {tails} WHERE s.column1 <= length(new.nik) - 5;
        END;
        """
    )
