"""Saving killed at each step (as by ``kill -9`` or a power cut): every save that returned
is kept, the one cut short is all there or not at all, running again doubles nobody, and the
database stays whole with its audit chain intact."""

from __future__ import annotations

import pytest

from tests.faults.harness import steps_reached
from tests.faults.scenarios import SAVE_STEPS, save_killed


def test_these_are_the_steps_of_a_save(tmp_path):
    argv = ["-m", "tests.faults.drivers", "save", tmp_path / "budi.db", "1"]
    assert steps_reached(argv, tmp_path / "trace") == ["save.written", "save.committed"]


def test_these_are_the_steps_of_demo_data(tmp_path):
    argv = ["main.py", "demo", "--records", "30", "--db", tmp_path / "demo.db"]
    assert steps_reached(argv, tmp_path / "trace") == ["save.many_written", "save.many_committed"]


@pytest.mark.parametrize("step", SAVE_STEPS)
def test_a_save_killed_at_any_step_keeps_what_returned_and_doubles_nothing(tmp_path, step):
    outcome = save_killed(tmp_path, step)
    assert outcome.killed
    assert (outcome.problems, outcome.lost) == ([], 0)
