"""Saving one registration with 500,000 present: p99 <= 5 ms (budget, 2 cores).

Baseline in the same run: the same saves into an empty database.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import copy_of, demo_db, percentile, summary_ms, verdict

RECORDS = 500_000
SAVES = 300


def _saves(db_path: Path) -> list[float]:
    from demo.people import generate
    from models.db import Checkpointer, open_database
    from models.store import RegistrationStore

    db = open_database(db_path, autocheckpoint=False)  # as the GUI opens it
    checkpointer = Checkpointer(db_path).start()
    store = RegistrationStore(db)
    people = generate(SAVES, seed=987654, regency_code="62.08", today=date(2026, 11, 27))
    times = []
    saved = []
    for person in people:
        if store.nik_holders(person.nik):  # the demo set may hold the same person
            continue
        started = time.perf_counter()
        saved.append(store.save(person, "bench"))
        times.append(time.perf_counter() - started)
    for reg in saved[:100]:  # edits too: version bump, FTS update, audit row with before/after
        started = time.perf_counter()
        store.save(reg.copy(address=reg.address + " (pindah)"), "bench")
        times.append(time.perf_counter() - started)
    db.close()
    checkpointer.stop()
    return times


def main() -> dict:
    with tempfile.TemporaryDirectory() as folder:
        big = copy_of(demo_db(RECORDS), Path(folder))
        loaded = _saves(big)
        baseline = _saves(Path(folder) / "empty.db")
    p99 = percentile(loaded, 99) * 1000
    print(f"save, empty database (baseline): {summary_ms(baseline)}")
    print(f"save, {RECORDS:,} present:        {summary_ms(loaded)}")
    print(
        f"  p99 {p99:.2f} ms vs budget 5 ms: {verdict(p99, 5)}; "
        f"ratio to baseline p99 {p99 / (percentile(baseline, 99) * 1000):.2f}x"
    )
    return {"save_p99_ms": p99}


if __name__ == "__main__":
    main()
