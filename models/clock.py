"""Today's date, read in one place for the command line's print jobs, so that a test can
set the day (monkeypatch `today`) instead of reading the wall clock."""

from __future__ import annotations

from datetime import date, datetime


def today() -> date:
    """This computer's date today."""
    return date.today()


def now() -> datetime:
    """This computer's local date and time now (a backup's name and record)."""
    return datetime.now().replace(microsecond=0)
