"""Kill -9 campaign: every job that writes is killed at each of its named steps
(`models.fault_points`), run again, and checked (the scenarios of ``tests/faults/``: the
database whole, its audit chain intact, nothing lost, nothing doubled, no half file under
a final name, nothing left beside the files). Prints one row per step and the totals:

    .venv/bin/python bench/fault_campaign.py [--tries N] [--only export,bpjs,...]

``tries`` is how often each step is killed (each in a fresh folder); ``survived`` counts
the tries after which nothing was wrong; ``lost`` the registrations lost or doubled over
all tries (a BPJS file that names someone twice counts as one).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _scenarios() -> dict[str, tuple[tuple[str, ...], Callable]]:
    from tests.faults.scenarios import (
        BPJS_STEPS,
        EXPORT_STEPS,
        IMPORT_STEPS,
        SAVE_STEPS,
        THREE_FILE_STEPS,
        bpjs_killed,
        export_killed,
        import_killed,
        save_killed,
    )

    return {
        "save": (SAVE_STEPS, save_killed),
        "export": (EXPORT_STEPS, export_killed),
        "export, re-run on another stick": (
            EXPORT_STEPS[EXPORT_STEPS.index("export.committed") :],
            lambda root, step: export_killed(root, step, rerun_on_other_stick=True),
        ),
        "import": (IMPORT_STEPS, import_killed),
        "bpjs": (BPJS_STEPS, bpjs_killed),
        "bpjs, three files": (THREE_FILE_STEPS, lambda root, step: bpjs_killed(root, step, True)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=1, help="kills per step (default 1)")
    parser.add_argument("--only", help="comma-separated jobs (save, export, import, bpjs)")
    args = parser.parse_args(argv)
    wanted = set(args.only.split(",")) if args.only else None
    started = time.perf_counter()
    print(f"  {'job':<32} {'step':<26} {'tries':>5} {'killed':>6} {'survived':>8} {'lost':>5}")
    rows = []
    for job, (steps, scenario) in _scenarios().items():
        if wanted and job.split(",")[0] not in wanted:
            continue
        for step in steps:
            killed = survived = lost = 0
            problems: list[str] = []
            for _ in range(args.tries):
                with tempfile.TemporaryDirectory(prefix="jaring-faults-") as root:
                    outcome = scenario(Path(root), step)
                killed += outcome.killed
                survived += outcome.killed and not outcome.problems and not outcome.lost
                lost += outcome.lost
                problems += outcome.problems
            rows.append((job, step, args.tries, killed, survived, lost, problems[:1]))
            print(f"  {job:<32} {step:<26} {args.tries:>5} {killed:>6} {survived:>8} {lost:>5}"
                  + (f"  {problems[0][:80]}" if problems else ""), flush=True)  # fmt: skip
    tries = sum(r[2] for r in rows)
    print(f"  {'total':<32} {len(rows):>3} steps{'':<16} {tries:>5} {sum(r[3] for r in rows):>6}"
          f" {sum(r[4] for r in rows):>8} {sum(r[5] for r in rows):>5}")  # fmt: skip
    print(f"  ({time.perf_counter() - started:.0f} s)")
    return 0 if all(r[2] == r[4] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
