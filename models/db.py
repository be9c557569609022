"""Opening the Jaring database: one SQLite file, WAL mode, migrations applied; rows as dicts.

Every thread (GUI, each worker) opens its own connection with `open_database`. A database
with a key file beside it is encrypted with SQLCipher (`models.keyring`): it opens once its
key was unlocked in this process (`keyring.remember`), and only then. Without a key file it
is a plain SQLite file (demos and tests, on purpose: `--no-encryption`).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from platformdirs import user_data_dir
from sqlite_utils import Database

from models import keyring
from models.migrations import STEPS, migrations
from models.sqlite_driver import sqlite

#: The first 16 bytes of every plain SQLite file; an encrypted one starts with random bytes.
_PLAIN_HEADER = b"SQLite format 3\x00"


class DatabaseError(Exception):
    """The database file cannot be opened or used; the message says why. ``code`` is
    stable: ``missing_folder``, ``not_database``, ``locked`` (encrypted, no key unlocked),
    ``no_keys`` (encrypted, its key file is missing), ``wrong_key`` (the key file is not
    this database's), ``newer_schema``, ``unreadable``."""

    def __init__(self, message: str, code: str = "unreadable"):
        super().__init__(message)
        self.code = code


def default_db_path() -> Path:
    """``jaring.db`` in the user's data folder (created if missing, owner-only)."""
    folder = Path(user_data_dir("Jaring", appauthor=False))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        folder.chmod(0o700)  # made by an earlier version under the umask (0755)
    return folder / "jaring.db"


def is_plain_database(path: Path | str) -> bool:
    """Whether ``path`` is an existing, unencrypted SQLite file."""
    try:
        with open(path, "rb") as file:
            return file.read(16) == _PLAIN_HEADER
    except OSError:
        return False


def is_encrypted(path: Path | str) -> bool:
    """Whether ``path`` has a key file, or is a non-empty file that is not plain SQLite."""
    path = Path(path)
    if keyring.keys_path(path).exists() and not is_plain_database(path):
        return True
    return path.exists() and path.stat().st_size > 0 and not is_plain_database(path)


def open_database(
    path: Path | str,
    *,
    synchronous: str = "FULL",
    autocheckpoint: bool = True,
    key: bytes | None = None,
) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    ``key`` is the data key of an encrypted database; without it, the key unlocked for
    ``path`` in this process is used. A new database is encrypted when a key is given.
    ``synchronous=FULL`` makes every committed save survive a power cut, which matters more
    on a village laptop with a tired battery than the millisecond it costs.
    ``autocheckpoint=False`` leaves copying the write-ahead log into the file to a
    `Checkpointer`, so that no save pays for it (the GUI does this).
    """
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise DatabaseError(f"folder does not exist: {path.parent}", "missing_folder")
    key = key or data_key_for(path)
    try:
        db = Database(connect(path, key, timeout=10))
        with db.ensure_autocommit_on():
            db.execute("PRAGMA journal_mode=WAL")
        db.execute(f"PRAGMA synchronous={synchronous}")
        db.execute("PRAGMA foreign_keys=ON")
        if not autocheckpoint:
            db.execute("PRAGMA wal_autocheckpoint=0")
        _refuse_newer_schema(db, path)
        migrations.apply(db)
        _record_version(db)
    except sqlite.DatabaseError as exc:
        raise DatabaseError(f"{path}: {exc}") from exc
    restrict_database_files(path)
    return db


def data_key_for(path: Path | str) -> bytes | None:
    """The key to open ``path`` with: None for a plain database; `DatabaseError` when it is
    encrypted and not unlocked in this process."""
    path = Path(path)
    if path.exists() and path.stat().st_size == 0:
        raise DatabaseError(f"{path} is an empty file, not a Jaring database", "not_database")
    if not is_encrypted(path):
        return None
    unlocked = keyring.remembered(path)
    if unlocked is not None:
        return unlocked.data_key
    if not keyring.keys_path(path).exists():
        raise DatabaseError(
            f"{path} is not a readable database: it is encrypted and its key file"
            f" {keyring.keys_path(path).name} is missing, or it is not a database at all",
            "no_keys",
        )
    raise DatabaseError(f"{path} is encrypted: unlock it with its passphrase first", "locked")


def connect(path: Path | str, key: bytes | None, *, timeout: float = 10) -> sqlite.Connection:
    """A bare connection to ``path``, keyed when ``key`` is given, checked to open: a key
    that is not this database's is `DatabaseError` ``wrong_key``."""
    conn = sqlite.connect(str(path), timeout=timeout, check_same_thread=True)
    try:
        # SQLCipher would log a failed page check to stderr; the caller says it better.
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            # A raw key (x'…'): SQLCipher skips its own PBKDF2, the passphrase was already
            # stretched once by the key file's scrypt.
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite.DatabaseError as exc:
        conn.close()
        if key is not None:
            raise DatabaseError(
                f"{path}: the key does not open this database (encrypted by another"
                " installation, or damaged)",
                "wrong_key",
            ) from exc
        raise DatabaseError(f"{path} is not a Jaring database ({exc})", "not_database") from exc
    return conn


def restrict_database_files(path: Path) -> None:
    """The database, its log and its key file readable by their owner only (POSIX)."""
    if os.name == "posix":
        for suffix in ("", "-wal", "-shm", ".keys"):
            with contextlib.suppress(OSError):
                os.chmod(f"{path}{suffix}", 0o600)


def schema_steps() -> int:
    """How many migrations this version knows (the schema version it writes)."""
    return len(STEPS)


#: The settings key naming the version that last wrote this schema, so that an older
#: version refusing the file can say which one to install.
WRITTEN_BY = "written_by_version"


def _record_version(db: Database) -> None:
    from models.version import APP_VERSION

    value = json.dumps(APP_VERSION)
    row = db.execute("SELECT value FROM settings WHERE key = ?", [WRITTEN_BY]).fetchone()
    if row is None or row[0] != value:
        with write_transaction(db):
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [WRITTEN_BY, value],
            )


def _refuse_newer_schema(db: Database, path: Path) -> None:
    if "_sqlite_migrations" not in db.table_names():
        return
    known = {step.__name__ for step in STEPS}
    applied = [
        name
        for (name,) in db.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migrations.name]
        )
    ]
    unknown = [name for name in applied if name not in known]
    if unknown:
        row = db.execute("SELECT value FROM settings WHERE key = ?", [WRITTEN_BY]).fetchone()
        version = json.loads(row[0]) if row else "yang lebih baru"
        raise DatabaseError(
            f"{path} dibuat dengan Jaring versi {version} (skema {len(applied)}; versi ini"
            f" mengenal {len(known)}): pasang versi itu atau yang lebih baru",
            "newer_schema",
        )


def database_path(db: Database) -> Path:
    """The file behind a connection (workers open their own connection to it)."""
    return Path(db.execute("PRAGMA database_list").fetchone()[2])


def data_version(db: Database) -> int:
    """SQLite's ``PRAGMA data_version``: it changes when *another* connection (another
    program, another thread) commits, never for this connection's own commits; a cache kept
    beside a connection compares it to know whether to load afresh."""
    (version,) = db.execute("PRAGMA data_version").fetchone()
    return version


def dict_rows(cursor: sqlite.Cursor) -> Iterator[dict]:
    """The rows ``cursor`` has left, each as a dict keyed by the names the SELECT gives its
    columns (``*`` spelt out, ``AS`` aliases kept), read as the caller goes.

    Not sqlite-utils' ``Database.query``: that wraps every SELECT in a savepoint (two more
    statements each time, felt in the loops that read one registration at a time).
    """
    names = [column[0] for column in cursor.description]
    return (dict(zip(names, values, strict=True)) for values in cursor)


def select_rows(db: Database, sql: str, params: Sequence = ()) -> list[dict]:
    """Every row of one SELECT, as dicts (`dict_rows`)."""
    return list(dict_rows(db.execute(sql, params)))


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One write transaction, taking the write lock up front (``BEGIN IMMEDIATE``) so two
    connections never both read the audit chain's head and then both append to it."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        # Inside the try: a COMMIT that fails (disk full, I/O error) must not leave the
        # connection in an open transaction that every later save would silently join.
        db.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


@contextlib.contextmanager
def page_cache(db: Database, kib: int) -> Iterator[None]:
    """SQLite's page cache at ``kib`` KiB for the duration of a bulk job, then as before."""
    (before,) = db.execute("PRAGMA cache_size").fetchone()
    db.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(before)}")


class Checkpointer:
    """Copies the write-ahead log into the database file every few seconds, on a thread and
    a connection of its own.

    SQLite's automatic checkpoint runs inside whichever commit crosses the threshold, which
    made one save in thirty take 10-20 ms at 500,000 registrations; here the saves never
    wait for it. A PASSIVE checkpoint never blocks a writer and skips a round when busy.
    """

    def __init__(self, path: Path | str, interval: float = 3.0):
        self.path = str(path)
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)

    def start(self) -> Checkpointer:
        self._thread.start()
        return self

    def _run(self) -> None:
        conn = connect(self.path, data_key_for(self.path), timeout=1)
        try:
            while not self._stop.wait(self.interval):
                with contextlib.suppress(sqlite.Error):
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()

    def stop(self) -> None:
        """Stop the thread and fold the whole log into the file (at exit)."""
        self._stop.set()
        self._thread.join()
        conn = connect(self.path, data_key_for(self.path), timeout=5)
        try:
            with contextlib.suppress(sqlite.Error):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
