"""The WAL checkpointer: saves leave checkpointing to it, and it folds the log into the file."""

import os
import time
from datetime import date

from models.db import Checkpointer, open_database
from models.registration import Registration
from models.store import RegistrationStore


def test_checkpointer_empties_the_log_that_saves_leave(tmp_path):
    path = tmp_path / "jaring.db"
    db = open_database(path, autocheckpoint=False)
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    store = RegistrationStore(db)
    for n in range(300):
        store.save(Registration(full_name=f"Orang {n}", birth_date=date(1990, 1, 1)), "t")
    wal = tmp_path / "jaring.db-wal"
    assert wal.stat().st_size > 1_000_000  # nothing checkpointed it yet
    before = path.stat().st_size  # the file itself still holds little more than the schema
    checkpointer = Checkpointer(path, interval=0.05).start()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and path.stat().st_size < before + 200_000:
        time.sleep(0.05)
    grown = path.stat().st_size - before
    db.close()
    checkpointer.stop()
    assert grown > 200_000  # the checkpointer copied the saved pages into the file
    assert not wal.exists() or os.path.getsize(wal) == 0  # and truncated the log at stop
    reopened = open_database(path)
    assert RegistrationStore(reopened).count() == 300
    reopened.close()
