"""The folder a use case writes into (a USB stick, a shared folder) must be there."""

from __future__ import annotations

from pathlib import Path


class NotAFolder(ValueError):
    """The folder to write into is missing or is not a folder."""


def require_folder(path: Path | str) -> Path:
    """``path`` as a Path when it is an existing folder; `NotAFolder` otherwise."""
    folder = Path(path)
    if not folder.is_dir():
        raise NotAFolder(f"{folder} is not a folder (is the USB stick plugged in?)")
    return folder
