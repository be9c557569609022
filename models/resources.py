"""Where the data files shipped with the app live: the resources/ folder beside the packages.

It is found from this module's own location, never from the working directory, and it is
at the same place relative to the packages however Jaring runs: in a checkout
(resources/ beside main.py), installed with pip or pipx (pyproject.toml installs resources/
into site-packages next to models/), and in the desktop bundle (PyInstaller puts it in the
bundle's _internal/ folder, where the packages' modules say they are:
deploy/bundle_files.py).
"""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_folder() -> Path:
    """The resources/ folder this installation reads."""
    return RESOURCES


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource file, e.g. ``resource_path("regions", "villages.csv")``."""
    return RESOURCES.joinpath(*parts)
