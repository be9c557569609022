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
def atomic_file(path: Path | str, mode: int = 0o666) -> Iterator[Path]:
    """Yield a new, empty hidden temporary file beside ``path`` for the caller to write.

    On normal exit the file is fsynced, renamed over ``path`` and the rename made durable;
    on any exception it is removed and the exception propagates, so ``path`` is either the
    old file or the whole new one. The temporary file is created exclusively with ``mode``
    (less the umask); the default is what ``open()`` would give.
    """
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
    try:
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    fsync_folder(path.parent)
