"""The district office's use cases besides importing batches (`app.batch_import`): set the
office up, write the officers' status updates files, reject registrations BPJS refused."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from app.folders import require_folder
from exchange.enrolment import init_district
from exchange.keys import key_folder_for, write_json_atomic
from exchange.signed_updates import write_update_files
from models.db import database_path
from models.identity import require_role
from models.settings import load_settings
from models.status_updates import reject_registrations


@dataclass(frozen=True)
class DistrictSetUp:
    """This database, set up as the district office, and its profile written for officers."""

    profile_path: Path
    fingerprint: str


def set_up_district(
    db: Database,
    name: str,
    regency_code: str,
    profile_out: Path | str,
    target: int | None = None,
) -> DistrictSetUp:
    """Make this database the district office (keys beside the database; ``target``
    defaults to the settings') and write the district profile to hand to officers."""
    target = target or load_settings(db).target
    profile = init_district(db, key_folder_for(database_path(db)), name, regency_code, target)
    return DistrictSetUp(write_json_atomic(profile_out, profile), profile["fingerprint"])


def write_updates(
    db: Database, folder: Path | str, device_ids: list[str] | None = None
) -> list[Path]:
    """Write ``<device>.updates.json`` into ``folder`` for each device (default: every
    device a batch came from). Raises `NotAFolder`, `exchange.receipts.ReceiptError`
    (nothing written) for a device that is not enrolled."""
    return write_update_files(db, require_folder(folder), device_ids)


def reject(db: Database, registration_ids: list[str], reason: str, actor: str) -> int:
    """Mark these registrations rejected with ``reason`` (their officers see it); how many
    changed. Raises ValueError naming an id that is no live registration (nothing changes)."""
    require_role(db, "district", "only the district database rejects registrations")
    try:
        return reject_registrations(db, dict.fromkeys(registration_ids, reason), actor=actor)
    except KeyError as exc:
        raise ValueError(f"no live registration with id {exc.args[0]}") from None
