"""``export`` killed (as by ``kill -9`` or a power cut) at each of its steps, then run again:
the device's batch numbering never forks. The district, importing every stick, rejects no
batch (``seq_reused``), sees no gap and no broken chain, and holds every registration the
officer made exactly once; both databases stay whole with their audit chains intact."""

from __future__ import annotations

import pytest

from tests.faults.field import add_people, district_problems, import_at_district
from tests.faults.harness import jaring, steps_reached
from tests.faults.scenarios import EXPORT_STEPS, export_killed, first_batch_answered


def test_these_are_the_steps_of_an_export(field, tmp_path):
    first_batch_answered(field)
    argv = ["main.py", "export", "--out", field.sticks[0], "--db", field.officer]
    assert steps_reached(argv, tmp_path / "trace") == list(EXPORT_STEPS)


#: Where a kill leaves something on the stick or in the history to be finished, the run
#: after it goes to another stick too (the officer handed the first one over).
RERUNS = [(step, "same stick") for step in EXPORT_STEPS] + [
    (step, "other stick") for step in EXPORT_STEPS[EXPORT_STEPS.index("export.committed") :]
]


@pytest.mark.parametrize(("step", "rerun"), RERUNS)
def test_an_export_killed_at_any_step_is_finished_by_the_next(tmp_path, step, rerun):
    """Run again on the same stick, or on another one, and then to a third stick after
    more registrations."""
    outcome = export_killed(tmp_path, step, rerun_on_other_stick=rerun == "other stick")
    assert outcome.killed
    assert (outcome.problems, outcome.lost) == ([], 0)


def test_killed_again_while_writing_the_batch_the_first_kill_left(field):
    first, second = field.sticks
    first_batch_answered(field)
    assert jaring("export", "--out", first, db=field.officer, fault="export.committed").killed
    assert not list(first.glob("*-2.jaring"))
    rerun = jaring("export", "--out", first, db=field.officer, fault="export.published")
    assert rerun.killed, rerun.err  # batch 2 written, not yet noted as written
    again = jaring("export", "--out", first, db=field.officer)
    assert again.code == 0, again.err
    assert again.out.split() == [str(next(first.glob("*-2.jaring")))]
    add_people(field, 3, seed=3)
    assert jaring("export", "--out", second, db=field.officer).code == 0
    report = import_at_district(field, first, second)
    assert district_problems(field, report) == []
    assert report.batches_imported == 2
