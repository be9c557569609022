"""Kill -9 at each step of a print and of the master list's Excel export, then start again
(the scenarios: `tests.faults.leftover_scenarios`).

After every kill: no file readable by other users (the rows and pages of personal data a job
streams through temporary files), nothing in the system's temporary folder, nothing half
under the file's final name; the next start removes what the killed job left in the app's
private folder, and the job run again writes the whole file.
"""

from __future__ import annotations

import pytest

from models.private_temp import temp_root
from tests.faults.leftover_scenarios import (
    KILLED,
    MASTER_STEPS,
    PRINT_STEPS,
    Site,
    demo_database,
    forms_to_print,
    master_killed,
    print_killed,
)


@pytest.fixture(scope="module")
def forms(tmp_path_factory) -> int:
    """How many forms ``print-forms`` prints (drafts are not printed)."""
    path = tmp_path_factory.mktemp("count") / "jaring.db"
    path.write_bytes(demo_database())
    return forms_to_print(path)


@pytest.fixture
def site(tmp_path) -> Site:
    return Site.make(tmp_path, demo_database())


@pytest.mark.parametrize("step", PRINT_STEPS)
def test_a_print_killed_at_each_step(site, forms, step):
    outcome = print_killed(site, step, forms)
    assert outcome.killed
    assert (outcome.problems, outcome.lost) == ([], 0)


@pytest.mark.parametrize("step", MASTER_STEPS)
def test_a_master_list_export_killed_at_each_step(site, step):
    outcome = master_killed(site, step)
    assert outcome.killed
    assert (outcome.problems, outcome.lost) == ([], 0)


def test_any_command_started_next_removes_a_killed_jobs_leftovers(site):
    killed = site.run("excel.rows", "excel-export", "--out", site.out / "master.xlsx")
    assert killed.returncode == KILLED
    [left] = [path for path in temp_root(site.db).iterdir() if path.is_dir()]
    assert {p.name.split(".")[0].split("-")[0] for p in left.iterdir()} == {"jaring", "openpyxl"}
    rejected = site.run("-", "reject", "no-such-id", "--reason", "x")
    assert rejected.returncode == 1  # a command that fails still starts
    assert not temp_root(site.db).exists()
