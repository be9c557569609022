"""Installing a newer Jaring over 0.1.0: the database 0.1.0 left in the user's data folder
(tests/fixtures/release_0_1_0/, made by 0.1.0's migrations) opens with the current code,
gains any migrations added since, and keeps every registration, its audit chain and the
settings."""

from __future__ import annotations

import shutil
from contextlib import closing
from pathlib import Path

import pytest

from models.audit import verify_chain
from models.db import open_database
from models.migrations import STEPS
from models.settings import load_settings
from models.sqlite_driver import sqlite
from models.store import RegistrationStore

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "release_0_1_0" / "jaring.db"
RELEASE_0_1_0_STEPS = 13


@pytest.fixture
def old_database(tmp_path) -> Path:
    copy = tmp_path / "jaring.db"
    shutil.copyfile(FIXTURE, copy)
    return copy


def applied_steps(path: Path) -> list[str]:
    with closing(sqlite.connect(path)) as raw:
        return [name for (name,) in raw.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]


def test_the_fixture_is_release_0_1_0s():
    assert applied_steps(FIXTURE) == [step.__name__ for step in STEPS[:RELEASE_0_1_0_STEPS]]


def test_a_0_1_0_database_opens_migrated_with_everything_kept(old_database):
    with closing(open_database(old_database)) as db:
        settings = load_settings(db)
        store = RegistrationStore(db)
        assert store.count() == 25
        chain = verify_chain(db)
        assert chain.ok, chain.reason
        assert settings.configured and settings.officer_name == "Petugas Lama"
        some = db.execute("SELECT id, nik FROM registrations LIMIT 1").fetchone()
        assert store.get(some[0]).nik == some[1]
        assert store.search(some[1][:8])
    assert applied_steps(old_database) == [step.__name__ for step in STEPS]
