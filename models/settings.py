"""Settings of this installation, kept in the database's `settings` table.

The regency, its target and the officer's name are settings, never constants, so every
regency running the programme can use Jaring unchanged.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from dataclasses import dataclass, field

from sqlite_utils import Database

from models.db import write_transaction

DEFAULT_REGENCY = "62.08"  # Kabupaten Sukamara
DEFAULT_TARGET = 9863


@dataclass
class Settings:
    regency_code: str = DEFAULT_REGENCY
    # Who uses this installation (the audit log's actor): the field officer on an officer's
    # laptop, the staff member at the district office.
    officer_name: str = ""
    # The district office's database: the office's name, e.g. "Disnakertrans Kabupaten
    # Sukamara" ("" elsewhere; a district database shows the district's settings once set).
    office_name: str = ""
    target: int = DEFAULT_TARGET
    age_min: int = 15
    age_max: int = 65
    language: str = "id"
    device_id: str = ""
    configured: bool = False  # first-run questions answered
    # Excel column headers (normalised) the user placed by hand once -> registration field
    # ("" = ignore that column), offered again for the next village's list.
    excel_mapping: dict[str, str] = field(default_factory=dict)
    # Officer: the district's sync endpoint, e.g. "https://disnaker.example:8765" ("" = not
    # set; "Kirim ke kabupaten" asks for it).
    sync_url: str = ""
    # The window is covered and the passphrase asked again after this many idle minutes.
    idle_lock_minutes: int = 10
    # Remind of a backup when the last is this many days old, or this many registrations
    # were added since.
    backup_reminder_days: int = 7
    backup_reminder_registrations: int = 50
    # The last backup: when (ISO, local time) and how many registrations it held.
    last_backup_at: str = ""
    last_backup_registrations: int = 0
    # District: the day the regency's cooperation agreement (PKS) with BPJS took effect, ISO
    # (``2026-01-01``; "" = not set). Coverage in the BPJS collective file starts then, or on
    # the day of the export when the agreement is older (`models.export_rows.coverage_start`).
    pks_date: str = ""


def load_settings(db: Database) -> Settings:
    stored = {
        key: json.loads(value) for key, value in db.execute("SELECT key, value FROM settings")
    }
    names = {f.name for f in dataclasses.fields(Settings)}
    return Settings(**{k: v for k, v in stored.items() if k in names})


def save_settings(db: Database, settings: Settings) -> Settings:
    """Store every setting in one transaction; gives the device an id on first save."""
    if not settings.device_id:
        settings = dataclasses.replace(settings, device_id=str(uuid.uuid4()))
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [(k, json.dumps(v)) for k, v in dataclasses.asdict(settings).items()],
        )
    return settings
