"""Where the data files shipped with the app live (`resources/` beside `main.py`)."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource file, e.g. ``resource_path("regions", "villages.csv")``."""
    return RESOURCES.joinpath(*parts)
