"""``excel-export --bpjs --mark-submitted`` killed at each of its steps, then run again:
every registration received goes to BPJS in exactly one file, all of them end
``submitted``, no file stands half-written under its final name, nothing is left beside
the files, and the database stays whole with its audit chain intact."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from tests.faults.harness import leftovers, steps_reached
from tests.faults.scenarios import (
    BPJS_STEPS,
    THREE_FILE_STEPS,
    Outcome,
    bpjs_district,
    bpjs_killed,
    bpjs_outcome,
    niks_of_each_status,
    three_files,
)


def test_these_are_the_steps_of_a_bpjs_export(tmp_path):
    district = bpjs_district(tmp_path)
    argv = ["main.py", "excel-export", "--bpjs", "--out", tmp_path / "out", "--mark-submitted",
            "--db", district]  # fmt: skip
    assert steps_reached(argv, tmp_path / "trace") == list(BPJS_STEPS)


def test_these_are_the_steps_of_a_bpjs_export_into_three_files(tmp_path):
    district = bpjs_district(tmp_path)
    argv = ["-m", "tests.faults.drivers", "bpjs", district, tmp_path / "out", "10", "2026-11-27"]
    times: Counter = Counter()
    numbered = []
    for step in steps_reached(argv, tmp_path / "trace"):
        times[step] += 1
        numbered.append(f"{step}#{times[step]}" if step.endswith(("saved", "published"))
                        else step)  # fmt: skip
    assert numbered == list(THREE_FILE_STEPS)


@pytest.mark.parametrize("step", BPJS_STEPS)
def test_a_bpjs_export_killed_at_any_step_sends_everyone_once(tmp_path, step):
    outcome = bpjs_killed(tmp_path, step)
    assert outcome.killed
    assert (outcome.problems, outcome.lost) == ([], 0)


@pytest.mark.parametrize("step", THREE_FILE_STEPS)
def test_a_bpjs_export_into_three_files_killed_at_any_step(tmp_path, step):
    outcome = bpjs_killed(tmp_path, step, three=True)
    assert outcome.killed
    assert (outcome.problems, outcome.lost) == ([], 0)


def test_killed_again_while_finishing_the_first(tmp_path):
    district = bpjs_district(tmp_path)
    received = niks_of_each_status(district)["received"]
    assert three_files(district, fault="bpjs.committed").killed
    assert three_files(district, fault="bpjs.republished#2").killed
    outcome = Outcome(killed=True)
    outcome.ran(three_files(district), "the export after the kills")
    outcome = bpjs_outcome(district, tmp_path / "out", received, outcome)
    assert (outcome.problems, outcome.lost) == ([], 0)


def test_finished_on_another_day_the_files_keep_their_day(tmp_path):
    district = bpjs_district(tmp_path)
    received = niks_of_each_status(district)["received"]
    assert three_files(district, fault="bpjs.file_published#2").killed
    again = three_files(district, day=date(2026, 11, 30))
    assert again.code == 0, again.err
    out = tmp_path / "out"
    names = [f"bpjs-kolektif-2026-11-27-0{n}.xlsx" for n in (1, 2, 3)]
    assert sorted(p.name for p in out.glob("*.xlsx")) == names
    assert again.out.split() == [str(out / name) for name in names]
    outcome = bpjs_outcome(district, out, received, Outcome(killed=True))
    assert (outcome.problems, outcome.lost) == ([], 0)


def test_finished_into_another_folder_from_what_the_database_recorded(tmp_path):
    """The stick was changed after the kill: the files are written from the database's
    copy, and the temporary files beside the first folder are removed."""
    district = bpjs_district(tmp_path)
    received = niks_of_each_status(district)["received"]
    assert three_files(district, fault="bpjs.committed").killed
    first = tmp_path / "out"
    assert len(leftovers(first)) == 3
    other = tmp_path / "other"
    other.mkdir()
    again = three_files(district, out=other)
    assert again.code == 0, again.err
    assert list(first.iterdir()) == []
    outcome = bpjs_outcome(district, other, received, Outcome(killed=True))
    assert (outcome.problems, outcome.lost) == ([], 0)
