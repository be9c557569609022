"""Writing files so that a full disk or a pulled USB stick never leaves half a file, and
so that nobody but the owner can read what the app writes.

Every file the app writes holds personal data (NIKs, names, addresses) or keys, so the
atomic writers make it owner-only (0600) by default, whatever the umask; the app's own
folders are 0700 (`private_folder`). On Windows the modes are left to the folder's ACLs.
On a USB stick the stick's own filesystem decides (FAT has no modes).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

#: The mode of every file the app writes unless a caller asks otherwise: the owner's only.
OWNER_ONLY = 0o600
#: The mode of the app's own folders (data, keys, temporary files).
PRIVATE_FOLDER = 0o700


def restrict_to_owner(path: Path | str) -> None:
    """Make ``path`` the owner's only: a file 0600, a folder 0700 (on POSIX; Windows
    decides by the folder's ACLs). Nothing happens when it does not exist."""
    if os.name == "posix":
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path, PRIVATE_FOLDER if os.path.isdir(path) else OWNER_ONLY)


def private_folder(folder: Path | str) -> Path:
    """``folder``, made with its parents if missing, and owner-only (0700) even when it
    existed before or the umask says otherwise."""
    folder = Path(folder)
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    restrict_to_owner(folder)
    return folder


def fsync_folder(folder: Path) -> None:
    """Make a rename durable; Windows cannot open a folder, and some file systems do not
    sync folders, which is fine there."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EACCES):
            raise
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_file(
    path: Path | str, mode: int = OWNER_ONLY, *, replace: bool = True
) -> Iterator[Path]:
    """Yield a new, empty hidden temporary file beside ``path`` for the caller to write.

    On normal exit the file is fsynced, moved to ``path`` and the move made durable; on any
    exception it is removed and the exception propagates, so ``path`` is either the old file
    (or nothing) or the whole new one. The temporary file is created exclusively with
    exactly ``mode`` (on POSIX, whatever the umask), so it is owner-only from its first byte
    by default.

    ``replace=False`` never replaces a file: when ``path`` exists by the time the new one is
    moved there (even one that appeared while the caller wrote), FileExistsError is raised
    and the existing file is left alone.
    """
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    create_exclusively(temporary, mode).close()
    try:
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            _move_without_replacing(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    fsync_folder(path.parent)


def write_atomically(
    path: Path | str, data: bytes, mode: int = OWNER_ONLY, *, replace: bool = True
) -> Path:
    """Write ``data`` to ``path`` through `atomic_file` (same ``mode`` and ``replace``)."""
    with atomic_file(path, mode, replace=replace) as temporary:
        temporary.write_bytes(data)
    return Path(path)


def create_exclusively(path: Path | str, mode: int = OWNER_ONLY) -> BinaryIO:
    """A new file at ``path`` (FileExistsError if there is one), open for writing bytes,
    with exactly ``mode`` (on POSIX) whatever the umask: the umask can only take bits away,
    and one of 0o277 would leave even the owner unable to write it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        if os.name == "posix":
            os.fchmod(fd, mode)
        return os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


def _move_without_replacing(temporary: Path, path: Path) -> None:
    try:
        # A hard link, unlike a rename, fails when the target exists, with no window between
        # looking and moving.
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (FAT sticks, some network shares): look, then rename (which on
        # Windows refuses an existing target by itself).
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "a file already has this name", str(path)) from None
        os.rename(temporary, path)
    else:
        temporary.unlink()
