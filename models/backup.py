"""Backups: a consistent, encrypted, verified copy of the database in one file, and the
restore that checks it before anything is written under the new name.

A backup file (``jaring-cadangan-<when>.jaringbak``) is a ZIP archive, stored without
compression, of three members:
- ``manifest.json``: the format, when, how many registrations, the schema, and the SHA-256
  of the two other members;
- ``database.sqlite``: a copy made with SQLite's online backup API while the app runs, so
  it is consistent; encrypted with the same data key as the database;
- ``keys.json``: the database's key file (`models.keyring`): the same passphrases and, on
  an officer's laptop, the district's wrapping open it. A lost backup stick reveals nothing
  that a lost laptop would not;
- ``keyfiles/<name>``: the installation's private key files (sealed under the data key),
  without which a restored officer's laptop could not sign its next batch. A restore puts
  them in ``<new db stem>-keys/`` and records that folder in the restored identity.

The copy is checked (``integrity_check``, the audit chain, the row counts) in a private
folder beside the database before it goes to the stick, and read back from the stick after.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from models import keyring
from models.db import connect, data_key_for, database_path
from models.encryption import check_copy, table_counts
from models.files import atomic_file, fsync_folder
from models.identity import load_identity, save_identity
from models.migrations import STEPS
from models.settings import load_settings, save_settings

FORMAT = "jaring-backup/1"
SUFFIX = ".jaringbak"
_MEMBERS = ("manifest.json", "database.sqlite", "keys.json")
_KEY_FILES = "keyfiles/"


class BackupError(Exception):
    """A backup cannot be written or restored; the message says why and what to do."""


@dataclass(frozen=True)
class Backup:
    """A backup written (or read): its file, when, how many registrations, encrypted?"""

    path: Path
    created_at: str
    registrations: int
    encrypted: bool


def write_backup(db: Database, out_dir: Path | str, *, now: datetime) -> Backup:
    """Copy ``db`` into a new backup file in ``out_dir`` (see the module's docstring) and
    record when, for the reminder (`backup_due`)."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise BackupError(f"folder tujuan {out_dir} tidak ada (cek flashdisk)")
    source = database_path(db)
    key = data_key_for(source)
    work = _private_folder(source)
    copy = work / "database.sqlite"
    try:
        target = connect(copy, key)
        try:
            db.conn.backup(target)
        finally:
            target.close()
        counts = table_counts(db)
        check = check_copy(copy, key, counts)
        if not check.ok:
            raise BackupError("salinan gagal diperiksa: " + "; ".join(check.problems))
        registrations = counts.get("registrations", 0)
        key_files = _key_files(db)
        path = _write_archive(out_dir, source, copy, key is not None, registrations, now, key_files)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    read_backup(path)  # what reached the stick, read back
    settings = load_settings(db)
    settings.last_backup_at = now.isoformat(timespec="seconds")
    settings.last_backup_registrations = registrations
    save_settings(db, settings)
    return Backup(path, settings.last_backup_at, registrations, key is not None)


def read_backup(path: Path | str) -> Backup:
    """Check a backup file's archive, manifest and checksums; `BackupError` says what is
    wrong (not a backup, truncated, damaged)."""
    manifest, _ = _open_archive(Path(path))
    return Backup(Path(path), manifest["created_at"], manifest["registrations"],
                  manifest["encrypted"])  # fmt: skip


def restore_backup(path: Path | str, new_db: Path | str, passphrase: str | None) -> Backup:
    """Write the backup at ``path`` as a new database ``new_db`` (never over an existing
    file), after checking its checksums, its key (``passphrase`` opens it), its integrity
    and its audit chain. The restored database opens with the same passphrases."""
    path, new_db = Path(path), Path(new_db)
    key_folder = new_db.with_name(f"{new_db.stem}-keys")
    for existing in (new_db, keyring.keys_path(new_db), key_folder):
        if existing.exists():
            raise BackupError(
                f"{existing} sudah ada; pemulihan tidak pernah menimpa berkas. Pilih nama lain."
            )
    if not new_db.parent.is_dir():
        raise BackupError(f"folder {new_db.parent} tidak ada")
    manifest, archive = _open_archive(path)
    work = _private_folder(new_db)
    try:
        with archive:
            copy, keys_document, unlocked = _unpack(archive, manifest, work, passphrase)
            has_key_files = _unpack_key_files(archive, work / "keys")
        key = unlocked.data_key if unlocked else None
        if has_key_files:
            _point_identity_at(copy, key, key_folder)
        check = check_copy(copy, key, None)
        if not check.ok:
            raise BackupError("cadangan rusak: " + "; ".join(check.problems))
        if has_key_files:
            os.replace(work / "keys", key_folder)
        if keys_document is not None:
            keyring.write_document(keyring.keys_path(new_db), keys_document)
        os.replace(copy, new_db)
        fsync_folder(new_db.parent)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if unlocked is not None:
        keyring.remember(new_db, unlocked)
    return Backup(new_db, manifest["created_at"], manifest["registrations"], unlocked is not None)


def _unpack(
    archive: zipfile.ZipFile, manifest: dict, work: Path, passphrase: str | None
) -> tuple[Path, dict | None, keyring.Unlocked | None]:
    copy = work / "database.sqlite"
    with archive.open("database.sqlite") as source, open(copy, "wb") as out:
        shutil.copyfileobj(source, out)
    if not manifest["encrypted"]:
        return copy, None, None
    keys_document = json.loads(archive.read("keys.json"))
    if passphrase is None:
        raise BackupError("cadangan ini terenkripsi: beri kata sandinya")
    try:
        unlocked = keyring.unlock_document(keys_document, passphrase)
    except keyring.KeyringError as exc:
        raise BackupError(f"kata sandi tidak membuka cadangan ini ({exc})") from exc
    return copy, keys_document, unlocked


def backup_due(db: Database, *, days: int, registrations: int, now: datetime) -> str:
    """Why a backup is due ("" when it is not): none yet, the last one older than ``days``,
    or ``registrations`` or more registrations added since."""
    settings = load_settings(db)
    (count,) = db.execute("SELECT count(*) FROM registrations").fetchone()
    if not settings.last_backup_at:
        return "never" if count else ""
    last = datetime.fromisoformat(settings.last_backup_at)
    if (now - last).days >= days:
        return "old"
    if count - settings.last_backup_registrations >= registrations:
        return "registrations"
    return ""


def _key_files(db: Database) -> dict[str, bytes]:
    identity = load_identity(db)
    folder = Path(identity.key_dir) if identity and identity.key_dir else None
    if folder is None or not folder.is_dir():
        return {}
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def _write_archive(
    out_dir: Path,
    source: Path,
    copy: Path,
    encrypted: bool,
    registrations: int,
    now: datetime,
    key_files: dict[str, bytes],
) -> Path:
    keys = keyring.keys_path(source).read_bytes() if encrypted else b"{}"
    checksums = {"database.sqlite": _sha256_file(copy), "keys.json": _sha256(keys)}
    checksums |= {_KEY_FILES + name: _sha256(data) for name, data in key_files.items()}
    manifest = {
        "format": FORMAT,
        "created_at": now.isoformat(timespec="seconds"),
        "registrations": registrations,
        "schema": len(STEPS),
        "encrypted": encrypted,
        "sha256": checksums,
    }
    path = _free_name(out_dir, f"jaring-cadangan-{now:%Y%m%d-%H%M%S}")
    with (
        atomic_file(path, 0o600, replace=False) as temporary,
        zipfile.ZipFile(temporary, "w", zipfile.ZIP_STORED) as archive,
    ):
        archive.writestr("manifest.json", json.dumps(manifest, indent=1))
        archive.write(copy, "database.sqlite")
        archive.writestr("keys.json", keys)
        for name, data in key_files.items():
            archive.writestr(_KEY_FILES + name, data)
    return path


def _unpack_key_files(archive: zipfile.ZipFile, folder: Path) -> bool:
    names = [n for n in archive.namelist() if n.startswith(_KEY_FILES)]
    if not names:
        return False
    folder.mkdir(mode=0o700)
    for name in names:
        base = name[len(_KEY_FILES) :]
        if not base or base.startswith(".") or "/" in base or "\\" in base:
            raise BackupError("cadangan berisi nama berkas kunci yang tidak sah")
        with atomic_file(folder / base, 0o600, replace=False) as temporary:
            temporary.write_bytes(archive.read(name))
    return True


def _point_identity_at(copy: Path, key: bytes | None, key_folder: Path) -> None:
    from models.db import open_database

    db = open_database(copy, key=key)
    try:
        identity = load_identity(db)
        if identity is not None:
            save_identity(db, dataclasses.replace(identity, key_dir=str(key_folder.resolve())))
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def _open_archive(path: Path) -> tuple[dict, zipfile.ZipFile]:
    not_backup = f"{path.name} bukan berkas cadangan Jaring, atau terpotong/rusak"
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise BackupError(f"berkas {path} tidak ada") from exc
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(not_backup) from exc
    try:
        names = archive.namelist()
        if sorted(n for n in names if not n.startswith(_KEY_FILES)) != sorted(_MEMBERS):
            raise BackupError(not_backup)
        manifest = json.loads(archive.read("manifest.json"))
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise BackupError(not_backup)
        if sorted(manifest["sha256"]) != sorted(n for n in names if n != "manifest.json"):
            raise BackupError(f"{path.name} rusak: daftar isinya tidak cocok dengan catatannya")
        for member in manifest["sha256"]:
            digest = hashlib.sha256()
            with archive.open(member) as data:
                for chunk in iter(lambda data=data: data.read(1 << 20), b""):
                    digest.update(chunk)
            if digest.hexdigest() != manifest["sha256"][member]:
                raise BackupError(f"{path.name} rusak: isi {member} tidak cocok dengan catatannya")
    except BackupError:
        archive.close()
        raise
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, TypeError) as exc:
        archive.close()
        raise BackupError(not_backup) from exc
    return manifest, archive


def _private_folder(beside: Path) -> Path:
    folder = beside.with_name(f".{beside.name}.backup-work")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(mode=0o700)
    return folder


def _free_name(folder: Path, stem: str) -> Path:
    path = folder / f"{stem}{SUFFIX}"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{SUFFIX}"
        number += 1
    return path


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        for chunk in iter(lambda: data.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
