"""Test set-up: headless Qt, and a fresh database for every test."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest

from exchange.enrolment import enrol, init_district, init_officer
from exchange.keys import write_json_atomic
from models.db import open_database
from models.settings import Settings, save_settings


@pytest.fixture(autouse=True)
def quick_keys(monkeypatch):
    """scrypt at a test's cost (the cost is stored in each key file, so nothing else
    changes), and no key unlocked in one test left for the next."""
    from models import keyring

    monkeypatch.setattr(keyring, "SCRYPT_N", 2**10)
    yield
    with keyring._lock:
        keyring._unlocked.clear()


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


@pytest.fixture
def sites(tmp_path):
    """Exchange tests: a district and two enrolled officers, each with its own database and keys."""
    district = open_database(tmp_path / "district.db")
    profile = init_district(district, tmp_path / "district-keys", "Disnaker", "62.08", 9863)
    officers = {}
    for name in ("budi", "ani"):
        db = open_database(tmp_path / f"{name}.db")
        enrolment = init_officer(db, tmp_path / f"{name}-keys", profile, name.title())
        write_json_atomic(tmp_path / f"{name}.json", enrolment)
        enrol(district, tmp_path / f"{name}.json", actor="staf")
        officers[name] = db
    usb = tmp_path / "usb"
    usb.mkdir()
    yield district, officers, usb
    for db in (district, *officers.values()):
        db.close()


@pytest.fixture
def district_server(sites, tmp_path):
    """The sync server on the district database of `sites`, on a free loopback port."""
    from tests.httpsync.server_process import ServerProcess

    server = ServerProcess(tmp_path / "district.db").start()
    yield server
    server.stop()
