"""Shared set-up of the sync tests: a district and two enrolled officer devices."""

import pytest

from models.db import open_database
from sync.enrolment import enrol, init_district, init_officer
from sync.keys import write_json_atomic


@pytest.fixture
def sites(tmp_path):
    """A district and two enrolled officers, each with its own database and keys."""
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
    from tests.sync.server_process import ServerProcess

    server = ServerProcess(tmp_path / "district.db").start()
    yield server
    server.stop()
