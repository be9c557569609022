"""The district office's use cases besides importing batches (`app.batch_import`): set the
office up, trust (enrol) and revoke officer devices, write the officers' status updates files,
reject registrations BPJS refused."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from app.folders import require_folder
from app.hand_over import write_hand_over
from exchange.enrolment import init_district, own_age_identity
from exchange.keys import check_enrolment, key_folder_for, read_enrolment
from exchange.signed_updates import write_update_files
from models import keyring
from models.db import connect, database_path
from models.identity import (
    Device,
    enrol_device,
    require_role,
    require_supervisor,
    revoke_device,
)
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
    defaults to the settings') and write the district profile to hand to officers. Raises
    `app.hand_over.HandOverNotWritten` when only the writing failed (the set-up stands)."""
    target = target or load_settings(db).target
    profile = init_district(db, key_folder_for(database_path(db)), name, regency_code, target)
    return DistrictSetUp(write_hand_over(profile_out, profile), profile["fingerprint"])


def enrol(db: Database, enrolment: Path | str | dict, actor: str) -> Device:
    """Trust the officer device of ``enrolment``: its file, or the enrolment as read from
    it already (the one whose fingerprint staff compared, so a file changed since cannot
    slip in). Raises ValueError for what is no enrolment, `models.identity.TrustError` for
    what the trust store refuses (see `models.identity.enrol_device`)."""
    require_role(db, "district", "only a district database enrols devices; run district-init first")
    require_supervisor(db, "mendaftarkan perangkat")
    if isinstance(enrolment, dict):
        enrolment = check_enrolment(enrolment)
    else:
        enrolment = read_enrolment(enrolment)
    return enrol_device(db, enrolment, actor)


def revoke(db: Database, device_id: str, actor: str) -> Device:
    """Stop trusting the device ``device_id`` (lost, stolen): its batches are refused from
    now on. Raises `models.identity.TrustError` for a device that is not enrolled."""
    require_supervisor(db, "mencabut perangkat")
    return revoke_device(db, device_id, actor)


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
    require_supervisor(db, "menolak pendaftaran")
    try:
        return reject_registrations(db, dict.fromkeys(registration_ids, reason), actor=actor)
    except KeyError as exc:
        raise ValueError(f"no live registration with id {exc.args[0]}") from None


def recover_officer_database(
    db: Database, officer_db: Path | str, new_passphrase: str
) -> keyring.Account:
    """Give an officer's laptop database whose passphrase was forgotten a new one: the
    district's own age key opens the laptop's district slot (nobody else's can), and the
    laptop's one account is re-wrapped under ``new_passphrase``. The data is untouched."""
    require_role(db, "district", "only the district database can recover a laptop's database")
    require_supervisor(db, "memulihkan basis data petugas")
    officer_db = Path(officer_db)
    if not officer_db.exists():
        raise ValueError(f"basis data petugas {officer_db} tidak ada")
    try:
        data_key = keyring.unlock_with_district(officer_db, own_age_identity(db))
        connect(officer_db, data_key).close()  # the key must open the file it sits beside
        (account,) = keyring.accounts(officer_db)
        unlocked = keyring.Unlocked(data_key, account.user, account.role, "")
        keyring.change_passphrase(officer_db, unlocked, account.user, new_passphrase)
    except keyring.KeyringError as exc:
        raise ValueError(str(exc)) from None
    return account
