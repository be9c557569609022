"""Excel export: the master workbook of 100,000 registrations (<= 20 s, memory growth
<= 100 MB) and one BPJS upload file of 10,000 rows (<= 3 s) (budgets, 2 cores).

The master export runs in a child process, which reports the time of `export_master` alone
and its memory growth: the peak resident size (VmHWM) minus the resident size just before
the export (after imports and opening the database), so the figure is what the export
itself adds. The BPJS file is written from a database of 10,000 ``received`` registrations
made once and kept in bench/.cache; the runs do not mark them (one more run on a copy does,
to show what marking 10,000 registrations adds).

Baseline in the same run: reading the same 100,000 registrations in export order and
computing their contributions, without writing anything (the floor set by the database).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import CACHE, ROOT, copy_of, demo_db, verdict

MASTER_RECORDS = 100_000
BPJS_RECORDS = 10_000
BPJS_RUNS = 3
TODAY = date(2026, 11, 27)

CHILD = textwrap.dedent(
    """
    import json, sys, time
    sys.path.insert(0, {root!r})

    def status(field):
        with open("/proc/self/status") as lines:
            return next(int(l.split()[1]) for l in lines if l.startswith(field)) / 1024

    from models.db import open_database
    from excel.export import export_master
    db = open_database(sys.argv[1])
    before_mb = status("VmRSS")
    started = time.perf_counter()
    result = export_master(db, sys.argv[2])
    elapsed = time.perf_counter() - started
    db.close()
    # VmHWM, not getrusage: Linux carries ru_maxrss over from the parent across exec.
    print(json.dumps({{
        "export_s": elapsed, "rows": result.rows, "before_mb": before_mb,
        "peak_mb": status("VmHWM"),
    }}))
    """
).format(root=str(ROOT))


def _master_in_child(db_path: Path, folder: Path) -> dict:
    out = folder / "master.xlsx"
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path), str(out)],
        capture_output=True, text=True, check=False, timeout=900,
    )  # fmt: skip
    if completed.returncode != 0:
        raise RuntimeError(f"master export child failed:\n{completed.stderr}")
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    result["size_mb"] = out.stat().st_size / 1e6
    return result


def _baseline(db_path: Path) -> float:
    """Seconds to read every registration in export order and compute its contribution."""
    from models import export_rows
    from models.contribution import default_table
    from models.db import open_database

    db = open_database(db_path)
    table = default_table()
    started = time.perf_counter()
    for chunk in export_rows.iter_registrations(db):
        for reg in chunk:
            export_rows.monthly_contribution(reg, table)
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def bpjs_db() -> Path:
    """A database of 10,000 ``received`` registrations, made once and kept in bench/.cache."""
    from demo.people import generate
    from models.db import open_database
    from models.store import RegistrationStore

    path = CACHE / f"bpjs-{BPJS_RECORDS}-received.db"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        db = open_database(partial, synchronous="OFF")
        people = generate(BPJS_RECORDS, seed=77, regency_code="62.08", today=TODAY)
        RegistrationStore(db).insert_many([p.copy(status="received") for p in people], "bench")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        partial.rename(path)
    return path


def _bpjs_times(folder: Path) -> tuple[list[float], float]:
    """Seconds of each unmarked run, and of one run that marks the rows submitted."""
    from excel.export import export_bpjs
    from models.db import open_database

    db = open_database(bpjs_db())
    times = []
    for run in range(BPJS_RUNS):
        out = folder / f"bpjs-{run}"
        out.mkdir()
        started = time.perf_counter()
        result = export_bpjs(db, out, today=TODAY)
        times.append(time.perf_counter() - started)
        assert result.rows_per_file == [BPJS_RECORDS], result
    db.close()
    work = folder / "marking"
    work.mkdir()
    db = open_database(copy_of(bpjs_db(), work))
    started = time.perf_counter()
    result = export_bpjs(db, work, today=TODAY, mark_submitted=True, actor="bench")
    marking = time.perf_counter() - started
    assert result.marked == BPJS_RECORDS, result
    db.close()
    return times, marking


def main() -> dict:
    db_100k = demo_db(MASTER_RECORDS)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        baseline = _baseline(db_100k)
        master = _master_in_child(db_100k, folder)
        bpjs, marked = _bpjs_times(folder)
    growth = master["peak_mb"] - master["before_mb"]
    print(
        f"master workbook of {master['rows']:,} registrations: {master['export_s']:.1f} s vs"
        f" budget 20 s: {verdict(master['export_s'], 20)} ({master['size_mb']:.1f} MB file)"
    )
    print(
        f"  memory growth during the export {growth:.0f} MB vs budget 100 MB:"
        f" {verdict(growth, 100)} (RSS {master['before_mb']:.0f} MB before,"
        f" peak {master['peak_mb']:.0f} MB)"
    )
    print(
        f"  reading the same rows and computing contributions, nothing written (baseline):"
        f" {baseline:.1f} s; ratio export/baseline {master['export_s'] / baseline:.1f}x"
    )
    median = statistics.median(bpjs)
    print(
        f"BPJS upload file of {BPJS_RECORDS:,} rows: median {median:.2f} s, min"
        f" {min(bpjs):.2f} s (n={len(bpjs)}) vs budget 3 s: {verdict(median, 3)}"
    )
    print(f"  the same with the {BPJS_RECORDS:,} rows marked submitted: {marked:.2f} s")
    return {
        "master_s": master["export_s"],
        "master_growth_mb": growth,
        "baseline_s": baseline,
        "bpjs_s": median,
        "bpjs_marked_s": marked,
    }


if __name__ == "__main__":
    main()
