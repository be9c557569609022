"""Writing files so that a full disk or a pulled USB stick never leaves half a file."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator
from pathlib import Path


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
def atomic_file(path: Path | str, mode: int = 0o666, *, replace: bool = True) -> Iterator[Path]:
    """Yield a new, empty hidden temporary file beside ``path`` for the caller to write.

    On normal exit the file is fsynced, moved to ``path`` and the move made durable; on any
    exception it is removed and the exception propagates, so ``path`` is either the old file
    (or nothing) or the whole new one. The temporary file is created exclusively with
    ``mode`` (less the umask); the default is what ``open()`` would give, 0o600 keeps a key
    file owner-only from its first byte.

    ``replace=False`` never replaces a file: when ``path`` exists by the time the new one is
    moved there (even one that appeared while the caller wrote), FileExistsError is raised
    and the existing file is left alone.
    """
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
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
    path: Path | str, data: bytes, mode: int = 0o666, *, replace: bool = True
) -> Path:
    """Write ``data`` to ``path`` through `atomic_file` (same ``mode`` and ``replace``)."""
    with atomic_file(path, mode, replace=replace) as temporary:
        temporary.write_bytes(data)
    return Path(path)


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
