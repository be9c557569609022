"""The command line's side of encryption: unlocking the database before a command runs
(`open_for`), and the commands that manage keys, accounts and backups.

Passphrases come from files only (``--passphrase-file F`` or ``JARING_PASSPHRASE_FILE``),
never from the command line, where every local user could read them in the process list.
A plain database is opened only on purpose (``--no-encryption``), or by ``protect``.
"""

from __future__ import annotations

import getpass
import os
import sys
import time
from pathlib import Path

from sqlite_utils import Database

from models import clock, keyring
from models.db import is_encrypted, open_database

#: Sub-commands that may start a new database (encrypted unless --no-encryption).
CREATING = ("demo", "district-init", "officer-init")
#: Sub-commands that open no database of their own before running.
WITHOUT_DATABASE = ("restore",)
#: A wrong passphrase waits this long before the command answers, so guessing by script is
#: slow on top of scrypt's own cost.
WRONG_PASSPHRASE_DELAY = 2.0


def read_passphrase_file(path: Path | str | None, what: str = "--passphrase-file") -> str:
    """The passphrase in the file ``path``: its first line, without the line end."""
    if path is None:
        raise ValueError(
            f"basis data ini terenkripsi: beri {what} FILE (atau JARING_PASSPHRASE_FILE)"
        )
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"berkas kata sandi {path} tidak ada") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"berkas kata sandi {path} tidak bisa dibaca: {exc}") from None
    lines = text.splitlines()
    return lines[0] if lines else ""


def passphrase_file(args) -> Path | None:
    """``--passphrase-file``, else the environment's ``JARING_PASSPHRASE_FILE``."""
    given = getattr(args, "passphrase_file", None)
    from_env = os.environ.get("JARING_PASSPHRASE_FILE")
    return given or (Path(from_env) if from_env else None)


def open_for(args, path: Path) -> Database:
    """The database for ``args.command``: unlocked, created encrypted, or plain on purpose."""
    if path.exists() and path.stat().st_size > 0 and is_encrypted(path):
        unlock(path, passphrase_file(args))
        return open_database(path)
    if path.exists():
        if not (args.no_encryption or args.command == "protect"):
            raise ValueError(
                f"{path} belum terenkripsi: jalankan 'protect --new-passphrase-file F' untuk"
                " mengenkripsinya (atau --no-encryption untuk data demo)"
            )
        return open_database(path)
    if args.no_encryption:
        return open_database(path)
    from models.encryption import create_encrypted

    passphrase = read_passphrase_file(passphrase_file(args))
    user, role = _first_account(args)
    _, code = create_encrypted(
        path, passphrase, user, role, with_recovery=args.command == "district-init"
    )
    args.recovery_code = code
    return open_database(path)


def unlock(path: Path, passphrase_path: Path | None) -> keyring.Unlocked:
    """Unlock ``path`` with the passphrase in ``passphrase_path`` for this process."""
    passphrase = read_passphrase_file(passphrase_path)
    try:
        unlocked = keyring.unlock(path, passphrase)
    except keyring.KeyringError as exc:
        if exc.code == "wrong_passphrase":
            time.sleep(WRONG_PASSPHRASE_DELAY)
            raise ValueError(f"kata sandi salah untuk {path}") from None
        raise ValueError(str(exc)) from None
    keyring.remember(path, unlocked)
    return unlocked


def _first_account(args) -> tuple[str, str]:
    if args.command == "officer-init":
        return args.officer, "officer"
    if args.command == "district-init":
        return args.user or getpass.getuser(), "supervisor"
    return "demo", "officer"


# --- the commands --------------------------------------------------------------------------


def run_protect(db, args) -> dict:
    from app.protection import protect_installation
    from models.db import database_path

    path = database_path(db)
    passphrase = read_passphrase_file(args.new_passphrase_file, "--new-passphrase-file")
    db.close()
    done = protect_installation(path, passphrase, args.user or getpass.getuser())
    result = {"protected": str(path), "user": done.unlocked.user, "role": done.unlocked.role}
    if done.recovery_code:
        print(f"KODE PEMULIHAN (simpan di tempat aman, hanya ditampilkan sekali):"
              f" {done.recovery_code}", file=sys.stderr)  # fmt: skip
        result["recovery_code"] = done.recovery_code
    return result


def run_change_passphrase(db, args) -> dict:
    from models.db import database_path

    path = database_path(db)
    unlocked = _unlocked(path)
    user = args.user or unlocked.user
    if user != unlocked.user:
        _require_supervisor(unlocked, "mengganti kata sandi akun lain")
    passphrase = read_passphrase_file(args.new_passphrase_file, "--new-passphrase-file")
    _keyring_call(keyring.change_passphrase, path, unlocked, user, passphrase)
    return {"user": user, "changed": True}


def run_add_user(db, args) -> dict:
    from models.db import database_path

    path = database_path(db)
    unlocked = _unlocked(path)
    _require_supervisor(unlocked, "menambah akun")
    passphrase = read_passphrase_file(args.new_passphrase_file, "--new-passphrase-file")
    account = _keyring_call(keyring.add_account, path, unlocked, passphrase, args.name, args.role)
    return {"user": account.user, "role": account.role}


def run_backup(db, args) -> dict:
    from models.backup import BackupError, write_backup

    try:
        done = write_backup(db, args.out, now=clock.now())
    except BackupError as exc:
        raise ValueError(str(exc)) from None
    print(done.path)
    return {"backup": str(done.path), "registrations": done.registrations,
            "encrypted": done.encrypted}  # fmt: skip


def run_restore(args, new_db: Path) -> dict:
    from models.backup import BackupError, read_backup, restore_backup

    try:
        encrypted = read_backup(args.file).encrypted
        passphrase = read_passphrase_file(passphrase_file(args)) if encrypted else None
        done = restore_backup(args.file, new_db, passphrase)
    except BackupError as exc:
        raise ValueError(str(exc)) from None
    return {"restored": str(done.path), "registrations": done.registrations,
            "created_at": done.created_at}  # fmt: skip


def run_recover(db, args) -> dict:
    from app.district import recover_officer_database

    passphrase = read_passphrase_file(args.new_passphrase_file, "--new-passphrase-file")
    account = recover_officer_database(db, args.officer_db, passphrase)
    return {"officer_db": str(args.officer_db), "user": account.user, "recovered": True}


COMMANDS = {
    "protect": run_protect,
    "change-passphrase": run_change_passphrase,
    "add-user": run_add_user,
    "backup": run_backup,
    "recover": run_recover,
}


def _unlocked(path: Path) -> keyring.Unlocked:
    unlocked = keyring.remembered(path)
    if unlocked is None:
        raise ValueError(f"{path} belum terenkripsi: jalankan 'protect' dulu")
    return unlocked


def _require_supervisor(unlocked: keyring.Unlocked, what: str) -> None:
    if unlocked.role not in ("supervisor", "officer"):
        raise ValueError(f"hanya supervisor yang boleh {what}")


def _keyring_call(function, *arguments):
    try:
        return function(*arguments)
    except keyring.KeyringError as exc:
        raise ValueError(str(exc)) from None
