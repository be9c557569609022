"""Named steps where a test may kill this process, to prove that a crash at any step of a
write (a power cut, ``kill -9``) leaves the data whole: the suite in ``tests/faults/`` and
``bench/fault_campaign.py`` run the real command line and kill it at each step.

`reach` does nothing unless an environment variable asks for it:

- ``JARING_FAULT_POINT=export.committed`` kills the process with SIGKILL (no cleanup, no
  ``finally``, no flush: what a power cut leaves) the first time it reaches that step;
  ``JARING_FAULT_POINT=import.merged#2`` the second time;
- ``JARING_FAULT_TRACE=FILE`` appends the name of every step reached to FILE, one a line,
  so a test can list the steps a command takes and kill it at each of them.

The steps are named ``<what>.<step>`` where they are called (``save.*`` in `models.store`,
``export.*`` in `exchange.outgoing` and `app.officer`, ``bpjs.*`` in `excel.bpjs_export`,
`excel.bpjs_pending` and `models.export_rows`, ``excel.master_saved`` in `excel.export`,
``import.*`` in `app.batch_import`, ``sync.*`` in `httpsync.client`, ``serve.*`` in
`httpsync.server`: a kill there ends the whole server).
"""

from __future__ import annotations

import os
import signal

#: The step to kill the process at: ``name`` or ``name#N`` (the N-th time it is reached).
POINT = "JARING_FAULT_POINT"
#: A file every step reached is appended to, one name a line.
TRACE = "JARING_FAULT_TRACE"

_times_reached: dict[str, int] = {}


def reach(name: str) -> None:
    """Mark the step ``name`` as reached: killed here when `POINT` names it (see above)."""
    wanted = os.environ.get(POINT)
    trace = os.environ.get(TRACE)
    if not wanted and not trace:
        return
    count = _times_reached[name] = _times_reached.get(name, 0) + 1
    if trace:
        with open(trace, "a", encoding="utf-8") as steps:
            steps.write(name + "\n")
    if wanted and wanted in (name, f"{name}#{count}"):
        _die()


def _die() -> None:
    """End at once, as ``kill -9`` does (Windows has no SIGKILL: exit without cleanup)."""
    kill = getattr(signal, "SIGKILL", None)
    if kill is not None:
        os.kill(os.getpid(), kill)
    os._exit(137)
