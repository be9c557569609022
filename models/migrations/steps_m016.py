"""Migration m016: the programme's year — who is covered since when, what the regency paid,
life events, and the target and budget of each fiscal year. Registered at the end of
`models.migrations.STEPS`; never edit it once shipped."""

from __future__ import annotations

from sqlite_utils import Database

#: The day a registration became ``registered``: the UTC day of the change that made it so
#: (``updated_at``; ``created_at`` when that is empty).
_DAY = "COALESCE(NULLIF(substr(new.updated_at, 1, 10), ''), substr(new.created_at, 1, 10))"
#: A participant's life events as `models.coverage` reads them: "kind@YYYY-MM-DD,…" in
#: date order.
_EVENTS = (
    "COALESCE((SELECT group_concat(e.kind || '@' || e.event_date, ','"
    " ORDER BY e.event_date, e.recorded_at, e.id)"
    " FROM life_events e WHERE e.registration_id = new.id), '')"
)
_COPIED = (
    "funding_source = excluded.funding_source, program_jht = excluded.program_jht,"
    " monthly_income = excluded.monthly_income, transport_worker = excluded.transport_worker,"
    " kecamatan_code = excluded.kecamatan_code"
)


def m016_programme_year(db: Database) -> None:
    """Coverage, payments, life events and fiscal years (`models.coverage`,
    `models.payments`, `models.life_events`, `models.fiscal_year`).

    ``coverage_participants`` holds one row per registration that has ever been
    ``registered``: the day it became so, whether it still is (``live``: registered and
    not deleted), its payment history (``history``: a row of ``payment_histories``, 0 for
    none), its life events, and copies of what its contribution depends on. Triggers keep
    it in step with ``registrations`` whatever code changes a status, so the coverage
    report reads one covering index (``coverage_groups``) instead of joining 500,000
    registrations to their audit log. The copies live here, not as columns of
    ``registrations``, because the audit chain's row check compares a registration with
    its last audit row field by field.

    ``payments``: each payment the regency made (months, day paid, which participants it
    chose, the amount), ``payment_shares`` its amount per kecamatan and funding source.
    ``life_events``: died, moved, … with the id that is the same on every side, and on an
    officer's laptop the batch that carried it (``sent_seq``). ``fiscal_years``: the target
    and budget of a year, raised mid-year (APBD-P); a year without a row takes the target
    of the settings.
    """
    db.executescript(
        """
        CREATE TABLE life_events (
          id TEXT PRIMARY KEY NOT NULL,
          registration_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          event_date TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          recorded_at TEXT NOT NULL,
          recorded_by TEXT NOT NULL,
          origin TEXT NOT NULL DEFAULT '',
          sent_seq INTEGER
        );
        CREATE INDEX life_events_registration ON life_events(registration_id, event_date);
        CREATE INDEX life_events_unsent ON life_events(origin) WHERE sent_seq IS NULL;
        CREATE TABLE payments (
          id INTEGER PRIMARY KEY,
          first_month TEXT NOT NULL,
          last_month TEXT NOT NULL,
          paid_on TEXT NOT NULL,
          funding_source TEXT NOT NULL DEFAULT '',
          kecamatan_code TEXT NOT NULL DEFAULT '',
          participants INTEGER NOT NULL,
          amount INTEGER NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          recorded_at TEXT NOT NULL,
          recorded_by TEXT NOT NULL
        );
        CREATE TABLE payment_shares (
          payment_id INTEGER NOT NULL REFERENCES payments(id),
          kecamatan_code TEXT NOT NULL,
          funding_source TEXT NOT NULL,
          participants INTEGER NOT NULL,
          amount INTEGER NOT NULL,
          PRIMARY KEY (payment_id, kecamatan_code, funding_source)
        );
        CREATE TABLE payment_histories (
          id INTEGER PRIMARY KEY,
          payments TEXT NOT NULL UNIQUE
        );
        CREATE TABLE fiscal_years (
          year INTEGER PRIMARY KEY,
          target INTEGER NOT NULL,
          budget INTEGER NOT NULL,
          raised_at TEXT NOT NULL DEFAULT '',
          set_at TEXT NOT NULL,
          set_by TEXT NOT NULL,
          note TEXT NOT NULL DEFAULT '',
          version INTEGER NOT NULL
        );
        CREATE TABLE coverage_participants (
          id INTEGER PRIMARY KEY,
          registration_id TEXT NOT NULL UNIQUE,
          registered_on TEXT NOT NULL,
          registered_month TEXT NOT NULL,
          live INTEGER NOT NULL,
          history INTEGER NOT NULL DEFAULT 0,
          events TEXT NOT NULL DEFAULT '',
          funding_source TEXT NOT NULL,
          program_jht INTEGER NOT NULL,
          monthly_income INTEGER,
          transport_worker INTEGER NOT NULL DEFAULT 0,
          kecamatan_code TEXT NOT NULL
        );
        CREATE INDEX coverage_groups ON coverage_participants(
          registered_month, history, events, funding_source, program_jht, monthly_income,
          transport_worker, kecamatan_code) WHERE live = 1;
        """
    )
    values = (
        f"new.id, {_DAY}, substr({_DAY}, 1, 7), new.status = 'registered' AND new.deleted = 0,"
        f" {_EVENTS}, new.funding_source, new.program_jht, new.monthly_income,"
        " new.transport_worker, substr(new.village_code, 1, 8)"
    )
    columns = (
        "registration_id, registered_on, registered_month, live, events, funding_source,"
        " program_jht, monthly_income, transport_worker, kecamatan_code"
    )
    db.executescript(
        f"""
        CREATE TRIGGER coverage_participant_insert AFTER INSERT ON registrations
        WHEN new.status = 'registered' BEGIN
          INSERT INTO coverage_participants ({columns}) VALUES ({values})
          ON CONFLICT(registration_id) DO UPDATE SET
            registered_on = excluded.registered_on,
            registered_month = excluded.registered_month, live = excluded.live, {_COPIED};
        END;
        CREATE TRIGGER coverage_participant_update AFTER UPDATE ON registrations
        WHEN new.status = 'registered' OR old.status = 'registered' BEGIN
          INSERT INTO coverage_participants ({columns}) VALUES ({values})
          ON CONFLICT(registration_id) DO UPDATE SET
            registered_on = CASE WHEN old.status != 'registered'
              THEN excluded.registered_on ELSE registered_on END,
            registered_month = CASE WHEN old.status != 'registered'
              THEN excluded.registered_month ELSE registered_month END,
            live = excluded.live, {_COPIED};
        END;
        """
    )
    # Registrations already registered: the day of the audited change that made them so
    # (the last one, if they became registered twice), else their last change.
    db.execute(
        f"""
        INSERT INTO coverage_participants ({columns})
        SELECT id, day, substr(day, 1, 7), deleted = 0, '', funding_source, program_jht,
               monthly_income, transport_worker, substr(village_code, 1, 8)
        FROM (
          SELECT r.*, COALESCE((
            SELECT substr(a.at, 1, 10) FROM audit_log a
            WHERE a.registration_id = r.id
              AND json_extract(a.after, '$.status') = 'registered'
              AND COALESCE(json_extract(a.before, '$.status'), '') != 'registered'
            ORDER BY a.version DESC LIMIT 1), substr(r.updated_at, 1, 10)) AS day
          FROM registrations r WHERE r.status = 'registered')
        """
    )
