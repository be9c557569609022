"""Start-up of the desktop bundle: from launching dist/Jaring/Jaring to its main window's
first paint (budget 1.5 s on 2 cores), and its size (budget 200 MB).

The bundle runs offscreen with ``JARING_EXIT_AFTER_PAINT`` (ui/first_paint.py: it writes
the moment of the first paint and quits) and an empty environment, as an officer's laptop
has no Python, on a copy of a configured demo database of 10,000 registrations (a regency's
whole target). Several runs, the median and the slowest printed; the first run of a fresh
bundle is its coldest (nothing of it in the page cache yet) and is shown on its own.
Baseline in the same run: the same start from the checkout (``python main.py``).
``--drop-caches`` (root, Linux) empties the page cache before each bundle run, for a start
as after a reboot; it slows every other program on the machine for a moment.

    .venv/bin/python deploy/build.py && .venv/bin/python bench/bench_bundle.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import ROOT, copy_of, demo_db, verdict

BUDGET_S = 1.5
RECORDS = 10_000


def drop_page_cache() -> bool:
    """Empty Linux's page cache (root only); whether it worked."""
    subprocess.run(["sync"], check=False)
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def starts(command: list[str], db: Path, runs: int, drop_caches: bool = False) -> list[float]:
    """Seconds from launch to the first paint, one per run."""
    from deploy.smoke_test import empty_environment, open_window

    seconds = []
    with tempfile.TemporaryDirectory(prefix="jaring-bench-") as scratch:
        home = Path(scratch) / "home"
        home.mkdir()
        env = empty_environment(home)
        for _ in range(runs):
            if drop_caches and not drop_page_cache():
                print("  (cannot drop the page cache: not root?)")
                drop_caches = False
            # The demo database is plain (bench.common.demo_db): the start without the
            # unlock dialog, which bench/bench_encryption.py times on its own.
            took, _painted = open_window(
                [*command, "--db", str(db), "--no-encryption"], env, Path(scratch)
            )
            seconds.append(took)
    return seconds


def describe(seconds: list[float]) -> str:
    return (
        f"median {statistics.median(seconds):.2f} s, slowest {max(seconds):.2f} s, "
        f"first {seconds[0]:.2f} s (n={len(seconds)}) -> "
        f"{verdict(statistics.median(seconds), BUDGET_S)}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "Jaring")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--drop-caches", action="store_true")
    args = parser.parse_args(argv)
    executable = args.bundle / ("Jaring.exe" if sys.platform == "win32" else "Jaring")
    if not executable.exists():
        print(f"  no bundle at {args.bundle}: build it with deploy/build.py first")
        return
    from deploy.build import SIZE_BUDGET_MB, folder_size

    size_mb = folder_size(args.bundle) / 1e6
    print(f"bundle size: {size_mb:.0f} MB (budget {SIZE_BUDGET_MB} MB) -> "
          f"{verdict(size_mb, SIZE_BUDGET_MB)}")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="jaring-bench-db-") as folder:
        db = copy_of(demo_db(RECORDS), Path(folder))
        bundle = starts([str(executable)], db, args.runs, args.drop_caches)
        label = "after dropping the page cache" if args.drop_caches else "page cache as it is"
        print(f"bundle, launch to first paint ({label}): {describe(bundle)}")
        source = starts([sys.executable, str(ROOT / "main.py")], db, args.runs)
        print(f"baseline, python main.py from the checkout: {describe(source)}")


if __name__ == "__main__":
    main()
