"""Opening the Jaring database: one SQLite file, WAL mode, migrations applied; rows as dicts.

Every thread (GUI, each worker) opens its own connection with `open_database`.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from platformdirs import user_data_dir
from sqlite_utils import Database

from models.migrations import migrations


class DatabaseError(Exception):
    """The database file cannot be opened or used; the message says why."""


def default_db_path() -> Path:
    """``jaring.db`` in the user's data folder (created if missing)."""
    folder = Path(user_data_dir("Jaring", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "jaring.db"


def open_database(
    path: Path | str, *, synchronous: str = "FULL", autocheckpoint: bool = True
) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    ``synchronous=FULL`` makes every committed save survive a power cut, which matters more
    on a village laptop with a tired battery than the millisecond it costs.
    ``autocheckpoint=False`` leaves copying the write-ahead log into the file to a
    `Checkpointer`, so that no save pays for it (the GUI does this).
    """
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise DatabaseError(f"folder does not exist: {path.parent}")
    try:
        conn = sqlite3.connect(str(path), timeout=10)
        db = Database(conn)
        with db.ensure_autocommit_on():
            db.execute("PRAGMA journal_mode=WAL")
        db.execute(f"PRAGMA synchronous={synchronous}")
        db.execute("PRAGMA foreign_keys=ON")
        if not autocheckpoint:
            db.execute("PRAGMA wal_autocheckpoint=0")
        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: {exc}") from exc
    return db


def database_path(db: Database) -> Path:
    """The file behind a connection (workers open their own connection to it)."""
    return Path(db.execute("PRAGMA database_list").fetchone()[2])


def data_version(db: Database) -> int:
    """SQLite's ``PRAGMA data_version``: it changes when *another* connection (another
    program, another thread) commits, never for this connection's own commits; a cache kept
    beside a connection compares it to know whether to load afresh."""
    (version,) = db.execute("PRAGMA data_version").fetchone()
    return version


def dict_rows(cursor: sqlite3.Cursor) -> Iterator[dict]:
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
        conn = sqlite3.connect(self.path, timeout=1)
        try:
            while not self._stop.wait(self.interval):
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()

    def stop(self) -> None:
        """Stop the thread and fold the whole log into the file (at exit)."""
        self._stop.set()
        self._thread.join()
        conn = sqlite3.connect(self.path, timeout=5)
        try:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
