"""Running the real command line in a process of its own, killing it at a named step
(`models.fault_points`), and the checks every kill must pass afterwards: the database is
whole (``integrity_check``), its audit chain verifies, no file stands half-written under
its final name, and no temporary file is left beside the output.

Used by the tests of ``tests/faults/`` and by ``bench/fault_campaign.py``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from models import audit
from models.db import open_database
from models.fault_points import POINT, TRACE

ROOT = Path(__file__).resolve().parents[2]
#: The exit status of a process that SIGKILL ended (what `subprocess` reports).
KILLED = -getattr(signal, "SIGKILL", 9)
#: Seconds any one command may take before the test fails (a hang is a failure too).
TIMEOUT = 60


@dataclass(frozen=True)
class Run:
    """One process: its exit status and what it printed."""

    code: int
    out: str
    err: str

    @property
    def killed(self) -> bool:
        return self.code == KILLED


def environment(fault: str | None, trace: Path | None, tmp: Path | None) -> dict[str, str]:
    """A process's environment: killed at ``fault``, its steps listed in ``trace``, the
    system's temporary folder ``tmp``."""
    env = {k: v for k, v in os.environ.items() if k not in (POINT, TRACE)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    if fault:
        env[POINT] = fault
    if trace:
        env[TRACE] = str(trace)
    if tmp:  # openpyxl's row streams, to see what a kill leaves there
        env["TMPDIR"] = env["TEMP"] = env["TMP"] = str(tmp)
    return env


def run(
    argv: list[str], *, fault: str | None = None, trace: Path | None = None,
    tmp: Path | None = None,
) -> Run:  # fmt: skip
    """Run ``python argv…`` from the repository's root, killed at ``fault`` if it gets there.
    The command line works on plain databases here, on purpose (``--no-encryption``): what
    a kill leaves is the same with the pages encrypted, and the fixtures are made in-process."""
    if argv and str(argv[0]) == "main.py":
        argv = [*argv, "--no-encryption"]
    done = subprocess.run(
        [sys.executable, *map(str, argv)], cwd=ROOT, capture_output=True, text=True,
        env=environment(fault, trace, tmp), timeout=TIMEOUT, check=False,
    )  # fmt: skip
    return Run(done.returncode, done.stdout, done.stderr)


def jaring(*args, db: Path, fault: str | None = None, trace: Path | None = None,
           tmp: Path | None = None) -> Run:  # fmt: skip
    """``python main.py ARGS --db DB``, killed at ``fault`` if it gets there."""
    return run(["main.py", *args, "--db", db], fault=fault, trace=trace, tmp=tmp)


def steps_reached(argv: list[str], trace: Path) -> list[str]:
    """The fault points a whole run of ``python argv…`` reaches, in order (it must succeed)."""
    trace.unlink(missing_ok=True)
    done = run(argv, trace=trace)
    assert done.code == 0, done.err
    return trace.read_text(encoding="utf-8").split() if trace.exists() else []


def database_problems(path: Path) -> list[str]:
    """What is wrong with the database at ``path``: not whole, or its audit chain broken."""
    problems = []
    with closing(open_database(path)) as db:
        (integrity,) = db.execute("PRAGMA integrity_check").fetchone()
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        chain = audit.verify_chain(db)
        if not chain.ok:
            problems.append(f"audit chain broken at {chain.first_bad_seq}: {chain.reason}")
    return problems


def leftovers(folder: Path) -> list[str]:
    """Hidden temporary files (``.name.hex.tmp``) an atomic write left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and
                  p.name.endswith(".tmp"))  # fmt: skip
