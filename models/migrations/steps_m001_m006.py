"""Migrations m001-m006: the registrations and their search, the audit log, settings and
autosave, identity and the trust store, batches and the merge's tables. Registered in order
by `models.migrations`; never edit one that has shipped."""

from __future__ import annotations

from sqlite_utils import Database

_TEXT = "TEXT NOT NULL DEFAULT ''"


def m001_registrations(db: Database) -> None:
    text_columns = [
        "nik", "kk", "full_name", "birth_place", "sex", "marital_status", "mother_name",
        "address", "rt", "rw", "village_code", "postal_code", "phone", "email", "occupation",
        "target_group", "csr_company", "heir_name", "heir_relation", "heir_phone", "kpj",
        "warnings_confirmed", "created_by", "device_id", "created_at", "updated_at",
    ]  # fmt: skip
    columns = ",\n".join(f"  {name} {_TEXT}" for name in text_columns)
    db.execute(
        f"""
        CREATE TABLE registrations (
          id TEXT PRIMARY KEY NOT NULL,
          {columns},
          birth_date TEXT,
          monthly_income INTEGER,
          program_jht INTEGER NOT NULL DEFAULT 0,
          funding_source TEXT NOT NULL DEFAULT 'apbd',
          contribution_months INTEGER NOT NULL DEFAULT 1,
          consent INTEGER NOT NULL DEFAULT 0,
          status TEXT NOT NULL DEFAULT 'draft',
          version INTEGER NOT NULL DEFAULT 1,
          deleted INTEGER NOT NULL DEFAULT 0,
          kecamatan_code TEXT GENERATED ALWAYS AS (substr(village_code, 1, 8)) VIRTUAL
        )
        """
    )
    # One live, non-draft registration per NIK. Drafts may collide (they are saved whatever
    # was typed); validation reports the collision as an error before a draft becomes ready.
    db.execute(
        "CREATE UNIQUE INDEX registrations_live_nik ON registrations(nik) "
        "WHERE deleted = 0 AND status != 'draft' AND nik != ''"
    )
    db.execute("CREATE INDEX registrations_nik ON registrations(nik)")
    for column in ("full_name", "status", "village_code", "kecamatan_code", "updated_at"):
        db.execute(f"CREATE INDEX registrations_{column} ON registrations(deleted, {column})")


def m002_search(db: Database) -> None:
    # Prefix indexes for 1 to 6 characters let "s", "dusun" or "rahma" return their first
    # hits at once (< 0.5 ms at 500,000 rows); without them FTS5 merges every matching term
    # first (5-30 ms). They double the index, about 90 MB at 500,000 registrations.
    db.execute(
        """
        CREATE VIRTUAL TABLE registrations_fts USING fts5(
          full_name, nik, address,
          content='registrations', content_rowid='rowid',
          tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6'
        )
        """
    )
    db.executescript(
        """
        CREATE TRIGGER registrations_fts_insert AFTER INSERT ON registrations BEGIN
          INSERT INTO registrations_fts(rowid, full_name, nik, address)
          VALUES (new.rowid, new.full_name, new.nik, new.address);
        END;
        CREATE TRIGGER registrations_fts_delete AFTER DELETE ON registrations BEGIN
          INSERT INTO registrations_fts(registrations_fts, rowid, full_name, nik, address)
          VALUES ('delete', old.rowid, old.full_name, old.nik, old.address);
        END;
        CREATE TRIGGER registrations_fts_update AFTER UPDATE OF full_name, nik, address
        ON registrations BEGIN
          INSERT INTO registrations_fts(registrations_fts, rowid, full_name, nik, address)
          VALUES ('delete', old.rowid, old.full_name, old.nik, old.address);
          INSERT INTO registrations_fts(rowid, full_name, nik, address)
          VALUES (new.rowid, new.full_name, new.nik, new.address);
        END;
        """
    )


def m003_audit_log(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE audit_log (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          registration_id TEXT NOT NULL,
          version INTEGER NOT NULL,
          before TEXT,
          after TEXT,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL
        );
        CREATE INDEX audit_log_registration ON audit_log(registration_id, version);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
          SELECT RAISE(ABORT, 'audit_log is append-only');
        END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
          SELECT RAISE(ABORT, 'audit_log is append-only');
        END;
        """
    )


def m004_settings_and_autosave(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        CREATE TABLE autosave (
          slot TEXT PRIMARY KEY NOT NULL,
          saved_at TEXT NOT NULL,
          data TEXT NOT NULL
        );
        """
    )


def m005_identity_and_trust(db: Database) -> None:
    """This installation's identity (officer device or district office) and, at the
    district, the trust store of enrolled officer devices. Private keys never live here:
    they are files with owner-only permissions beside the database."""
    db.executescript(
        """
        CREATE TABLE identity (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          role TEXT NOT NULL CHECK (role IN ('officer', 'district')),
          device_id TEXT NOT NULL,
          name TEXT NOT NULL,
          regency_code TEXT NOT NULL,
          signing_public_pem TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          age_recipient TEXT NOT NULL DEFAULT '',
          district_profile TEXT NOT NULL DEFAULT '',
          key_dir TEXT NOT NULL,
          created_at TEXT NOT NULL
        );
        CREATE TABLE devices (
          device_id TEXT PRIMARY KEY NOT NULL,
          officer TEXT NOT NULL,
          public_key_pem TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          enrolled_at TEXT NOT NULL,
          enrolled_by TEXT NOT NULL,
          revoked_at TEXT,
          revoked_by TEXT
        );
        """
    )


def m006_batches_and_merge(db: Database) -> None:
    """What left an officer's device in batches, and at the district what came in: the
    batches imported, the audit rows they carried, conflicts for staff, and every decision."""
    db.executescript(
        """
        CREATE TABLE batches (
          seq INTEGER PRIMARY KEY,
          batch_id TEXT NOT NULL UNIQUE,
          file_name TEXT NOT NULL,
          created_at TEXT NOT NULL,
          records INTEGER NOT NULL,
          manifest_sha256 TEXT NOT NULL,
          file_sha256 TEXT NOT NULL,
          content BLOB NOT NULL,
          acknowledged_at TEXT
        );
        CREATE TABLE batch_items (
          seq INTEGER NOT NULL REFERENCES batches(seq),
          registration_id TEXT NOT NULL,
          version INTEGER NOT NULL,
          PRIMARY KEY (registration_id, version)
        );
        CREATE TABLE imported_batches (
          batch_id TEXT PRIMARY KEY NOT NULL,
          device_id TEXT NOT NULL,
          seq INTEGER NOT NULL,
          prev TEXT NOT NULL,
          manifest_sha256 TEXT NOT NULL,
          file_sha256 TEXT NOT NULL,
          file_name TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          imported_by TEXT NOT NULL,
          records INTEGER NOT NULL,
          inserted INTEGER NOT NULL,
          updated INTEGER NOT NULL,
          stale INTEGER NOT NULL,
          conflicts INTEGER NOT NULL,
          UNIQUE (device_id, seq)
        );
        CREATE TABLE received_audit (
          batch_id TEXT NOT NULL,
          line INTEGER NOT NULL,
          data TEXT NOT NULL,
          PRIMARY KEY (batch_id, line)
        );
        CREATE TABLE conflicts (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('nik', 'likely_duplicate')),
          batch_id TEXT NOT NULL,
          registration_id TEXT NOT NULL,
          incoming_id TEXT NOT NULL,
          incoming TEXT NOT NULL,
          reason TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
          resolution TEXT,
          resolved_by TEXT,
          resolved_at TEXT,
          created_at TEXT NOT NULL
        );
        CREATE INDEX conflicts_open ON conflicts(status, kind);
        CREATE TABLE merge_log (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          batch_id TEXT,
          registration_id TEXT,
          decision TEXT NOT NULL,
          detail TEXT NOT NULL DEFAULT ''
        );
        """
    )
