"""Kill -9 campaign: every job that writes is killed at each of its named steps
(`models.fault_points`, and for a print and the master list's Excel file the functions it
calls), run again, and checked (the scenarios of ``tests/faults/``: the database whole, its
audit chain intact, nothing lost, nothing doubled, no half file under a final name, nothing
left beside the files or in the temporary folders). The jobs: save, export, import, the
BPJS export with ``--mark-submitted``, the master list's ``excel-export``, ``print-forms``,
and ``sync`` (the officer's process killed, or the district's server under it). Prints one
row per step, the totals and the time taken:

    .venv/bin/python bench/fault_campaign.py [--tries N] [--only export,bpjs,...]

``tries`` is how often each step is killed (each in a fresh folder); ``survived`` counts
the tries after which nothing was wrong; ``lost`` the registrations lost or doubled over
all tries (a BPJS file or the master list that names someone twice counts as one; a final
PDF that is not whole counts all its forms). Every process is bounded
(`tests.faults.harness.TIMEOUT`), so is the campaign: about 3 s a try.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _scenarios() -> dict[str, tuple[tuple[str, ...], Callable]]:
    from tests.faults.leftover_scenarios import (
        MASTER_STEPS,
        PRINT_STEPS,
        Site,
        demo_database,
        master_killed,
        print_killed,
    )
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
    from tests.faults.sync_scenarios import SERVER_STEPS, SYNC_STEPS, sync_killed

    def printed(root: Path, step: str):
        return print_killed(Site.make(root, demo_database()), step, _forms())

    def master(root: Path, step: str):
        return master_killed(Site.make(root, demo_database()), step)

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
        "master": (MASTER_STEPS, master),
        "print": (PRINT_STEPS, printed),
        "sync": (SYNC_STEPS, sync_killed),
        "sync, server killed": (SERVER_STEPS, sync_killed),
    }


@functools.cache
def _forms() -> int:
    """How many forms the demo database prints."""
    from tests.faults.leftover_scenarios import demo_database, forms_to_print

    with tempfile.TemporaryDirectory(prefix="jaring-faults-") as root:
        path = Path(root) / "jaring.db"
        path.write_bytes(demo_database())
        return forms_to_print(path)


@dataclass
class _Row:
    """One step's tries and what they left."""

    job: str
    step: str
    tries: int = 0
    killed: int = 0
    survived: int = 0
    lost: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        problem = f"  {self.problems[0][:80]}" if self.problems else ""
        return (f"  {self.job:<32} {self.step:<26} {self.tries:>5} {self.killed:>6}"
                f" {self.survived:>8} {self.lost:>5} {self.seconds:>6.1f}{problem}")  # fmt: skip


def _tried(job: str, step: str, scenario: Callable, tries: int) -> _Row:
    """Kill ``job`` at ``step`` ``tries`` times, each in a fresh folder."""
    row = _Row(job, step, tries)
    started = time.perf_counter()
    for _ in range(tries):
        with tempfile.TemporaryDirectory(prefix="jaring-faults-") as root:
            try:
                outcome = scenario(Path(root), step)
            except Exception as exc:  # the set-up failed: a try that did not survive
                row.problems.append(f"{type(exc).__name__}: {exc}")
                continue
        row.killed += outcome.killed
        row.survived += outcome.killed and not outcome.problems and not outcome.lost
        row.lost += outcome.lost
        row.problems += outcome.problems
    row.seconds = time.perf_counter() - started
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=1, help="kills per step (default 1)")
    parser.add_argument("--only", help="comma-separated jobs (save, export, import, bpjs, master,"
                        " print, sync)")  # fmt: skip
    args = parser.parse_args(argv)
    wanted = set(args.only.split(",")) if args.only else None
    started = time.perf_counter()
    print(f"  {'job':<32} {'step':<26} {'tries':>5} {'killed':>6} {'survived':>8} {'lost':>5}"
          f" {'s':>6}")  # fmt: skip
    rows = []
    for job, (steps, scenario) in _scenarios().items():
        if wanted and job.split(",")[0] not in wanted:
            continue
        for step in steps:
            rows.append(_tried(job, step, scenario, args.tries))
            print(rows[-1].line(), flush=True)
    total = _Row("total", f"{len(rows)} steps", *(sum(getattr(r, name) for r in rows) for name in
                 ("tries", "killed", "survived", "lost", "seconds")))  # fmt: skip
    print(total.line())
    print(f"  ({time.perf_counter() - started:.0f} s in all)")
    return 0 if all(r.tries == r.survived for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
