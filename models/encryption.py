"""Making a database encrypted: a new one, or a plain one converted (`protect`), and the
checks a copy must pass before it replaces anything (`check_copy`).

The conversion writes an encrypted copy beside the plain file with SQLCipher's
``sqlcipher_export``, checks it (``integrity_check``, the audit chain, the row count of
every table against the original), writes the key file, and only then moves the copy over
the plain file. A kill at any step leaves either the plain database, which opens as before
(a key file left beside a plain file is ignored and replaced by the next `protect`), or the
encrypted one with its key file. The old plain pages may survive on an SSD (the README
says so): the conversion cannot reach blocks the drive has remapped.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from models import keyring
from models.audit import verify_chain
from models.db import DatabaseError, connect, is_plain_database, open_database
from models.files import fsync_folder
from models.sqlite_driver import sqlite


@dataclass(frozen=True)
class CopyCheck:
    """What `check_copy` found: ``problems`` is empty when the copy is sound."""

    tables: dict[str, int]
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def create_encrypted(
    path: Path | str, passphrase: str, user: str, role: str, *, with_recovery: bool = False
) -> tuple[keyring.Unlocked, str | None]:
    """A new, empty encrypted database at ``path`` (migrated), its key file beside it, and
    its keys remembered for this process; returns them and the recovery code, if asked."""
    path = Path(path)
    if path.exists() or keyring.keys_path(path).exists():
        raise DatabaseError(f"{path} already exists; it is never overwritten", "exists")
    unlocked, code = keyring.create(path, passphrase, user, role, with_recovery=with_recovery)
    keyring.remember(path, unlocked)
    open_database(path, key=unlocked.data_key).close()
    return unlocked, code


def protect(path: Path | str, passphrase: str, user: str, role: str) -> keyring.Unlocked:
    """Encrypt the plain database at ``path`` in place (see the module's docstring); returns
    the keys, remembered for this process. No connection to ``path`` may be open."""
    path = Path(path)
    if not is_plain_database(path):
        raise DatabaseError(f"{path} is not a plain Jaring database", "not_database")
    keyring.check_passphrase(passphrase)
    copy = path.with_name(f".{path.name}.encrypting")
    _remove_database_files(copy)
    plain = open_database(path)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = table_counts(plain)
        data_key = os.urandom(keyring.DATA_KEY_BYTES)
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{data_key.hex()}'\"", [str(copy)])
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    check = check_copy(copy, data_key, before)
    if not check.ok:
        _remove_database_files(copy)
        raise DatabaseError(f"the encrypted copy failed its check: {'; '.join(check.problems)}")
    with contextlib.suppress(FileNotFoundError):
        keyring.keys_path(path).unlink()  # left by a conversion killed before its last step
    unlocked, _ = keyring.create(path, passphrase, user, role, data_key=data_key)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")
    os.replace(copy, path)
    fsync_folder(path.parent)
    keyring.remember(path, unlocked)
    return unlocked


def check_copy(path: Path | str, key: bytes | None, expected: dict[str, int] | None) -> CopyCheck:
    """Open the copy at ``path`` with ``key`` and check it: SQLite's ``integrity_check``,
    the audit chain, and (when ``expected`` is given) the row count of every table."""
    problems: list[str] = []
    try:
        conn = connect(path, key)
    except DatabaseError as exc:
        return CopyCheck({}, (str(exc),))
    try:
        from sqlite_utils import Database

        db = Database(conn)
        (integrity,) = conn.execute("PRAGMA integrity_check").fetchone()
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        tables = table_counts(db)
        if "audit_log" in tables:
            chain = verify_chain(db)
            if not chain.ok:
                problems.append(f"audit chain broken at row {chain.first_bad_seq} ({chain.reason})")
        if expected is not None and tables != expected:
            differ = sorted(
                t for t in set(tables) | set(expected) if tables.get(t) != expected.get(t)
            )
            problems.append(f"row counts differ in {', '.join(differ)}")
    except sqlite.DatabaseError as exc:
        problems.append(str(exc))
        tables = {}
    finally:
        conn.close()
    return CopyCheck(tables, tuple(problems))


def table_counts(db) -> dict[str, int]:
    """The row count of every ordinary table (FTS shadow tables left out)."""
    names = [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        )
        if not name.startswith("registrations_fts")
    ]
    return {name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")
