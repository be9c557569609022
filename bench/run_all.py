"""Run every benchmark at least three times and print each figure's min and median; write
them all to one JSON file that `bench/compare.py` sets against another run's.

The first run builds the demo databases (minutes). A machine busy with other work gives
figures that say more about the other work: the load average is checked first and a warning
printed above 0.5 (the figures are still taken, and the JSON records the load).

    .venv/bin/python bench/run_all.py [--runs 3] [--only save,search] [--out FILE.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

#: The benchmarks, by the short name ``--only`` takes, in the order they run.
MODULES = ("list", "dashboard", "coverage", "search", "save", "batches", "print", "excel_export",
           "excel_import", "sync", "encryption")  # fmt: skip
QUIET_LOAD = 0.5


def load_average() -> float | None:
    """The 1-minute load average (None where the system has none, e.g. Windows)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return None


def summarise(runs: list[dict]) -> dict[str, dict]:
    """Per figure of the runs' dicts: every value, the min and the median."""
    figures: dict[str, list[float]] = {}
    for run in runs:
        for name, value in _flat(run).items():
            figures.setdefault(name, []).append(value)
    return {
        name: {"min": min(values), "median": statistics.median(values), "values": values}
        for name, values in figures.items()
    }


def _flat(result: dict | None, prefix: str = "") -> dict[str, float]:
    flat = {}
    for key, value in (result or {}).items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat |= _flat(value, f"{name}.")
        elif isinstance(value, int | float) and not isinstance(value, bool):
            flat[name] = float(value)
    return flat


def main(argv: list[str] | None = None) -> dict:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=3, help="runs of each benchmark (>= 3)")
    options.add_argument("--only", help=f"comma-separated, of: {', '.join(MODULES)}")
    options.add_argument("--out", type=Path, help="JSON file (default bench/results-<when>.json)")
    args = options.parse_args(argv)
    runs = max(3, args.runs)
    chosen = args.only.split(",") if args.only else list(MODULES)
    load = load_average()
    if load is not None and load > QUIET_LOAD:
        print(f"WARNING: load average {load:.2f} > {QUIET_LOAD}: other work is running; these"
              " figures are not quiet ones", flush=True)  # fmt: skip
    import importlib

    results = {}
    for short in chosen:
        module = importlib.import_module(f"bench.bench_{short}")
        print(f"== {short}: {module.__doc__.strip().splitlines()[0]}", flush=True)
        outcomes = []
        for run in range(runs):
            print(f"-- run {run + 1} of {runs}", flush=True)
            outcomes.append(module.main())
        results[short] = summarise(outcomes)
        for name, figure in results[short].items():
            print(f"   {short}.{name}: min {figure['min']:.3f}, median {figure['median']:.3f}")
    document = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "load_average_at_start": load,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "runs": runs,
        "figures": results,
    }
    out = args.out or Path(__file__).with_name(f"results-{time.strftime('%Y%m%d-%H%M%S')}.json")
    out.write_text(json.dumps(document, indent=1))
    print(f"figures written to {out}")
    return document


if __name__ == "__main__":
    main()
