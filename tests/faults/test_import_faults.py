"""The district's ``import --receipts`` killed at each of its steps, then run again: every
batch is merged once, none is rejected, nothing is lost or doubled, the receipt written
after the re-run acknowledges every batch, and the database stays whole with its audit
chain intact."""

from __future__ import annotations

import pytest

from tests.faults.harness import steps_reached
from tests.faults.scenarios import IMPORT_STEPS, import_killed, three_batches


def test_these_are_the_steps_of_an_import(field, tmp_path):
    three_batches(field)
    argv = ["main.py", "import", field.sticks[0], "--receipts", "--db", field.district]
    times: dict[str, int] = {}
    numbered = []
    for step in steps_reached(argv, tmp_path / "trace"):
        times[step] = times.get(step, 0) + 1
        numbered.append(f"{step}#{times[step]}" if step in ("import.verified", "import.merged")
                        else step)  # fmt: skip
    assert numbered == list(IMPORT_STEPS)


@pytest.mark.parametrize("step", IMPORT_STEPS)
def test_an_import_killed_at_any_step_is_finished_by_the_next(tmp_path, step):
    outcome = import_killed(tmp_path, step)
    assert outcome.killed
    assert (outcome.problems, outcome.lost) == ([], 0)
