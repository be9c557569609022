"""``sync`` killed (as by ``kill -9`` or a power cut) at each of its steps on the officer's
laptop, and the district's server killed at each of its steps while a sync runs; then the
sync runs again: every registration reaches the district exactly once, no batch is refused
(``seq_reused``) or missing, no chain breaks, the district's status updates are applied,
both databases stay whole with their audit chains intact, and no temporary file is left."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.faults.field import make_field
from tests.faults.sync_scenarios import (
    SERVER_STEPS,
    SYNC_STEPS,
    DistrictServer,
    before_the_sync,
    sync_cli,
    sync_killed,
)


def numbered(steps: list[str]) -> list[str]:
    """Each step that comes more than once with the time it is reached: ``name#N``."""
    times = Counter(steps)
    seen: Counter = Counter()
    named = []
    for step in steps:
        seen[step] += 1
        named.append(f"{step}#{seen[step]}" if times[step] > 1 else step)
    return named


def test_these_are_the_steps_of_a_sync(tmp_path):
    field = make_field(tmp_path, people=12)
    before_the_sync(field)
    server = DistrictServer(field, trace=tmp_path / "server-trace")
    try:
        done = sync_cli(field, server.url, trace=tmp_path / "trace")
    finally:
        server.stop()
    assert done.code == 0, done.err
    assert numbered((tmp_path / "trace").read_text().split()) == list(SYNC_STEPS)
    assert numbered((tmp_path / "server-trace").read_text().split()) == list(SERVER_STEPS)


@pytest.mark.parametrize("step", SYNC_STEPS)
def test_a_sync_killed_at_any_step_is_finished_by_the_next(tmp_path, step):
    outcome = sync_killed(tmp_path, step)
    assert outcome.killed
    assert (outcome.problems, outcome.lost) == ([], 0)


@pytest.mark.parametrize("step", SERVER_STEPS)
def test_the_server_killed_at_any_step_loses_nothing(tmp_path, step):
    outcome = sync_killed(tmp_path, step)
    assert outcome.killed
    assert (outcome.problems, outcome.lost) == ([], 0)
