"""Writing files so that a full disk or a pulled USB stick never leaves half a file."""

from __future__ import annotations

import errno
import os
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
