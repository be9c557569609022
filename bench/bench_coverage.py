"""``coverage --month`` at 500,000 participants over two years (budget 300 ms), and the other
readings of the programme's year on the same data: the dashboard's twelve months, the lapse
warnings, the reconciliation per kecamatan, and what recording one payment takes.

The data (`coverage_db`, made once and kept in bench/.cache): the cached 500,000-person demo
database with every counted registration made ``registered`` on a day spread over 2025 and
2026 (raw SQL, as `bench_dashboard` spreads its days: the triggers of m016 fill the coverage
table as they would for any status change; the audit log is left alone), then the regency's
payments through `models.payments` quarter by quarter, CSR and mandiri by half-year, with
Kecamatan Jelai's second quarter of 2026 paid late (its participants lapse), and some
deaths. Timings run in this process on a warm connection; each is the median of 5 runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from contextlib import closing
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import CACHE, demo_db, verdict
from models.sqlite_driver import sqlite

BUDGET_MS = 300
RUNS = 5

#: Every counted registration registered on a day of 2025-2026 (chosen by rowid).
REGISTER = """
UPDATE registrations SET status = 'registered',
  kpj = printf('%011d', rowid),
  updated_at = date('2025-01-01', '+' || ((rowid * 7919) % 730) || ' days')
    || 'T03:00:00.000+00:00'
WHERE deleted = 0 AND status NOT IN ('draft', 'rejected')
"""

QUARTERS = [(f"{y}-{q * 3 + 1:02d}", f"{y}-{q * 3 + 3:02d}", date(y, q * 3 + 1, 8))
            for y in (2025, 2026) for q in range(4)]  # fmt: skip
HALVES = [(f"{y}-{h * 6 + 1:02d}", f"{y}-{h * 6 + 6:02d}", date(y, h * 6 + 1, 12))
          for y in (2025, 2026) for h in range(2)]  # fmt: skip
JELAI = "62.08.02"


def coverage_db(base: Path) -> Path:
    """A copy of ``base`` registered and paid for over two years, made once."""
    from models import life_events
    from models.db import open_database

    path = CACHE / (base.stem + "-coverage.db")
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    with closing(sqlite.connect(base)) as source, closing(sqlite.connect(partial)) as copy:
        source.backup(copy)
    with closing(open_database(partial, synchronous="OFF")) as db:
        with db.conn:
            db.execute(REGISTER)
        print(f"  (registered in {time.perf_counter() - started:.1f} s)", flush=True)
        for first, last, paid_on in QUARTERS:
            late = first == "2026-04"
            kecamatan = ("62.08.01", "62.08.03", "62.08.04", "62.08.05") if late else ("",)
            for place in kecamatan:
                _pay(db, first, last, paid_on, "apbd", place)
            if late:
                _pay(db, first, last, date(2026, 7, 20), "apbd", JELAI)
        for first, last, paid_on in HALVES:
            for source in ("csr", "mandiri"):
                _pay(db, first, last, paid_on, source)
        dead = [rid for (rid,) in db.execute(
            "SELECT registration_id FROM coverage_participants WHERE id % 997 = 0"
        )]  # fmt: skip
        life_events.record_events(db, dead, "died", date(2026, 3, 14), "bench")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)
    print(f"  (made {path.name} in {time.perf_counter() - started:.1f} s)", flush=True)
    return path


def _pay(db, first: str, last: str, paid_on: date, source: str, kecamatan: str = "") -> None:
    from models import payments

    payments.record_payment(db, first_month=first, last_month=last, paid_on=paid_on,
                            actor="bench", funding_source=source, kecamatan=kecamatan)  # fmt: skip


def _median_ms(job) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> dict:
    from models import coverage, reconciliation
    from models.db import open_database

    path = coverage_db(demo_db(500_000))
    with closing(open_database(path)) as db:
        participants = db.execute(
            "SELECT COUNT(*) FROM coverage_participants WHERE live = 1"
        ).fetchone()[0]
        month = coverage.coverage_month(db, "2026-12")
        print(f"coverage at {participants:,} participants (2025-2026): {month.as_json()}")
        figures = {
            "coverage --month (one month)": _median_ms(
                lambda: coverage.coverage_month(db, "2026-12")
            ),
            "dashboard: twelve months": _median_ms(
                lambda: coverage.coverage_months(db, coverage.month_range("2026-12", 12))
            ),
            "lapse warnings (first 500)": _median_ms(
                lambda: coverage.about_to_lapse(db, "2026-05", 500)
            ),
            "reconciliation per kecamatan": _median_ms(
                lambda: reconciliation.reconcile(db, "2026-05", invoiced_total=1)
            ),
        }
        # Recorded and rolled back, so the cached database stays as it was made.
        db.execute("BEGIN IMMEDIATE")
        started = time.perf_counter()
        _pay(db, "2027-01", "2027-03", date(2027, 1, 8), "apbd")
        figures["record one payment (all APBD)"] = (time.perf_counter() - started) * 1000
        db.execute("ROLLBACK")
    for name, ms in figures.items():
        print(f"  {name}: {ms:.0f} ms (median of {RUNS})" if "record" not in name
              else f"  {name}: {ms:.0f} ms (once)")  # fmt: skip
    one = figures["coverage --month (one month)"]
    print(f"coverage --month: {one:.0f} ms, budget {BUDGET_MS} ms: {verdict(one, BUDGET_MS)}")
    return {"participants": participants, **{k: round(v, 1) for k, v in figures.items()}}


if __name__ == "__main__":
    main()
