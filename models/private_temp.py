"""The app's own folder for temporary files: beside the database, owner-only, and emptied of
what a killed process left there at the next start.

An Excel export streams its rows (NIKs, names, addresses) through temporary files
(`excel.xlsx_rows`, openpyxl's write-only sheets) and a print paints its PDF into one before
it is put in place. In the system's temporary folder, or as a hidden file beside the output,
a job killed half-way left them readable by every local user. Instead each job works in
`private_temp`: a folder inside ``<database>-tmp/`` beside the database (``jaring.db-tmp``,
next to SQLite's ``jaring.db-wal``; both 0700),
which is also `tempfile`'s folder while the job runs, so openpyxl's files go there too.

Several processes may use one database at once (the GUI, a command, the sync server), so a
process that works there holds an OS lock on ``<job>.lock`` for as long as its folder
``<job>/`` exists. `remove_leftovers` (called at start, `start`) removes only the folders
whose lock nobody holds: the processes that made them are gone. It touches nothing there
but those names (16 hex digits), in case someone keeps a folder of their own under that name.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import secrets
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlite_utils import Database

from models.db import database_path
from models.files import OWNER_ONLY, PRIVATE_FOLDER, private_folder, restrict_to_owner

_LOCK = ".lock"
#: The names of a job's folder and of its lock file.
_JOB_NAME = re.compile(r"[0-9a-f]{16}(\.lock)?")
_ATTEMPTS = 20

#: The database whose folder serves jobs that name none (the one the process started on).
_default_database: Path | None = None


@dataclass
class _Job:
    """The folder this process works in, and how many of its jobs are using it."""

    root: Path
    folder: Path
    lock: int  # the open lock file, locked for as long as the folder exists
    users: int
    saved_tempdir: str | None


_guard = threading.Lock()
_active: _Job | None = None


def temp_root(db_path: Path | str) -> Path:
    """The app's folder for temporary files of the database at ``db_path``:
    ``<folder>/<name>-tmp`` (``jaring.db`` -> ``jaring.db-tmp``)."""
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.name}-tmp")


def start(db_path: Path | str) -> int:
    """At the start of the app or of a command: remove what killed processes left in the
    folder of ``db_path`` (`remove_leftovers`; a failure never stops the start), and make
    it the folder of the jobs that name no database. The number of leftovers removed."""
    global _default_database
    _default_database = Path(db_path)
    try:
        return remove_leftovers(db_path)
    except OSError:
        return 0


@contextlib.contextmanager
def private_temp(db_path: Path | str | None = None) -> Iterator[Path]:
    """An owner-only folder for the temporary files of one job, and `tempfile`'s folder
    until the job ends, when the folder is removed with what is left in it.

    The folder is beside the database at ``db_path``, or the one given to `start`; without
    either (an in-memory database, a library call) it is a new folder of the system's
    temporary folder, 0700 too. Jobs of one process running at the same time share one
    folder, which stays until the last of them ends.
    """
    job = _join(db_path)
    try:
        yield job.folder
    finally:
        _leave(job)


Job = TypeVar("Job", bound=Callable)


def private_temp_job(job: Job) -> Job:
    """Decorate a job ``job(db, …)`` so that it runs in the `private_temp` folder of its
    database ``db`` (a `Database`), with its temporary files and openpyxl's in there."""

    @functools.wraps(job)
    def in_private_temp(db: Database, *args, **kwargs):
        with private_temp(database_path(db)):
            return job(db, *args, **kwargs)

    return in_private_temp  # type: ignore[return-value]


def remove_leftovers(db_path: Path | str) -> int:
    """Remove what processes that ended without cleaning up (killed, crashed) left in the
    temporary folder of ``db_path``, leaving alone the folders of running processes; the
    number of folders and files removed."""
    root = temp_root(db_path)
    try:
        entries = list(os.scandir(root))
    except (FileNotFoundError, NotADirectoryError):
        return 0
    removed = 0
    handled = set()
    for entry in entries:
        if _JOB_NAME.fullmatch(entry.name) and entry.name.endswith(_LOCK):
            name = entry.name.removesuffix(_LOCK)
            handled.add(name)
            removed += _remove_if_abandoned(root, name)
    for entry in entries:
        if entry.name in handled or not _JOB_NAME.fullmatch(entry.name):
            continue
        if entry.is_dir(follow_symlinks=False) and not (root / f"{entry.name}{_LOCK}").exists():
            # A job makes its lock before its folder and removes it after: a folder whose
            # lock is not there (now, not when listed) belongs to nobody.
            shutil.rmtree(entry.path, ignore_errors=True)
            removed += 1
    with contextlib.suppress(OSError):
        root.rmdir()  # when nothing is left (a job starting meanwhile makes it again)
    return removed


def _join(db_path: Path | str | None) -> _Job:
    global _active
    with _guard:
        if _active is None:
            root = _root_for(db_path)
            folder, lock = _open_job_folder(root)
            _active = _Job(root, folder, lock, 0, tempfile.tempdir)
            tempfile.tempdir = str(folder)
        _active.users += 1
        return _active


def _leave(job: _Job) -> None:
    global _active
    with _guard:
        job.users -= 1
        if job.users:
            return
        _active = None
        tempfile.tempdir = job.saved_tempdir
        shutil.rmtree(job.folder, ignore_errors=True)
        os.close(job.lock)
        with contextlib.suppress(OSError):
            os.unlink(job.folder.with_name(job.folder.name + _LOCK))
        with contextlib.suppress(OSError):
            job.root.rmdir()  # only when no other process has a job there


def _root_for(db_path: Path | str | None) -> Path:
    if db_path is None or not Path(db_path).name or str(db_path) == ":memory:":
        db_path = _default_database
    if db_path is None:
        return Path(tempfile.mkdtemp(prefix="jaring-"))  # 0700, removed when empty
    return temp_root(db_path)


def _open_job_folder(root: Path) -> tuple[Path, int]:
    """A new folder in ``root`` and its lock file, locked."""
    for _ in range(_ATTEMPTS):
        private_folder(root)
        name = secrets.token_hex(8)
        lock_path = root / f"{name}{_LOCK}"
        try:
            lock = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
        except FileNotFoundError:
            continue  # the folder was removed meanwhile: another process's last job ended
        # A start elsewhere may have taken the lock file for a dead one's and removed it
        # before it was locked here: then try another name.
        if _try_lock(lock) and _still_there(lock, lock_path):
            folder = root / name
            try:
                os.mkdir(folder, PRIVATE_FOLDER)
                restrict_to_owner(folder)
            except OSError:
                os.close(lock)
                raise
            return folder, lock
        os.close(lock)
    raise OSError(f"cannot make a temporary folder in {root}")


def _remove_if_abandoned(root: Path, name: str) -> int:
    lock_path = root / f"{name}{_LOCK}"
    try:
        lock = os.open(lock_path, os.O_RDWR)
    except OSError:
        return 0
    try:
        if not _try_lock(lock):
            return 0  # its process is running
        shutil.rmtree(root / name, ignore_errors=True)
    finally:
        os.close(lock)  # before unlinking: Windows cannot remove an open file
    with contextlib.suppress(OSError):
        os.unlink(lock_path)
    return 1


def _try_lock(fd: int) -> bool:
    """Lock the file without waiting; False when another open file (of any process) holds
    it. The OS releases the lock when its process ends, however it ends."""
    try:
        if os.name == "posix":
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _still_there(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except FileNotFoundError:
        return False
