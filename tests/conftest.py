"""Test set-up: headless Qt, and a fresh database for every test."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest

from models.db import open_database
from models.settings import Settings, save_settings


@pytest.fixture
def db(tmp_path):
    """A new, migrated database in the test's own folder."""
    database = open_database(tmp_path / "jaring.db")
    yield database
    database.close()


@pytest.fixture
def configured_db(db):
    """A database whose first-run questions are answered (Sukamara, officer Budi)."""
    save_settings(db, Settings(officer_name="Budi Santoso", configured=True))
    return db
