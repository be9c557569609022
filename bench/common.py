"""Shared helpers for the benchmarks: cached demo databases, timing, memory."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CACHE = ROOT / "bench" / ".cache"


def demo_db(records: int, seed: int = 1) -> Path:
    """A database of ``records`` demo registrations, made once and kept in bench/.cache."""
    from demo.fill import fill_demo
    from models.db import open_database
    from models.settings import Settings, save_settings

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{records}-{seed}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        started = time.perf_counter()
        db = open_database(partial, synchronous="OFF")
        save_settings(db, Settings(officer_name="Petugas Bench", configured=True))
        fill_demo(db, records, seed=seed)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        partial.rename(path)
        print(f"  (made {path.name} in {time.perf_counter() - started:.1f} s)", flush=True)
    return path


def copy_of(path: Path, folder: Path) -> Path:
    target = folder / path.name
    shutil.copyfile(path, target)
    return target


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary_ms(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return (
        f"p50 {statistics.median(ms):.2f} ms, p99 {percentile(ms, 99):.2f} ms, "
        f"max {max(ms):.2f} ms (n={len(ms)})"
    )


def verdict(value: float, budget: float) -> str:
    return "within budget" if value <= budget else "OVER BUDGET"
