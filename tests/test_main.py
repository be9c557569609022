"""The command line: shared options on either side of the sub-command, clear failures."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip


def test_db_and_json_before_or_after_the_sub_command(tmp_path):
    before = tmp_path / "before.db"
    after = tmp_path / "after.db"
    first = run("--db", str(before), "--json", "demo", "--records", "5", "--seed", "2")
    second = run("demo", "--records", "5", "--seed", "2", "--db", str(after), "--json")
    for result, path in ((first, before), (second, after)):
        assert result.returncode == 0, result.stderr
        summary = json.loads(result.stdout.strip().splitlines()[-1])
        assert summary["records"] == 5
        assert summary["db"] == str(path)
        assert path.exists()


def test_demo_refuses_a_database_with_registrations(tmp_path):
    path = tmp_path / "jaring.db"
    assert run("demo", "--records", "3", "--db", str(path)).returncode == 0
    refused = run("demo", "--records", "3", "--db", str(path), "--json")
    assert refused.returncode == 1
    assert "already holds registrations" in refused.stderr
    assert "error" in json.loads(refused.stdout.strip().splitlines()[-1])
    forced = run("demo", "--records", "3", "--seed", "9", "--db", str(path), "--force")
    assert forced.returncode == 0, forced.stderr


def test_a_file_that_is_not_a_database_is_a_one_line_failure(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    result = run("demo", "--records", "3", "--db", str(path))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "jaring demo:" in result.stderr
