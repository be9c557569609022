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


def test_district_and_officer_set_up_and_enrolment(tmp_path):
    district, officer = tmp_path / "district.db", tmp_path / "officer.db"
    profile, enrolment = tmp_path / "profile.json", tmp_path / "enrol.json"
    made = run("district-init", "--name", "Disnaker Sukamara", "--regency", "62.08",
               "--profile-out", str(profile), "--db", str(district), "--json")  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "PRIVATE" not in profile.read_text()
    joined = run("officer-init", "--profile", str(profile), "--officer", "Budi Santoso",
                 "--enrol-out", str(enrolment), "--db", str(officer), "--json")  # fmt: skip
    assert joined.returncode == 0, joined.stderr
    summary = json.loads(joined.stdout.strip().splitlines()[-1])
    assert (
        summary["district_fingerprint"] == json.loads(made.stdout.splitlines()[-1])["fingerprint"]
    )
    enrolled = run("enrol", str(enrolment), "--db", str(district), "--json")
    assert enrolled.returncode == 0, enrolled.stderr
    assert json.loads(enrolled.stdout.splitlines()[-1])["device_id"] == summary["device_id"]
    assert (tmp_path / "officer-keys" / "signing.ed25519.pem").stat().st_mode & 0o077 == 0
    refused = run("enrol", str(enrolment), "--db", str(officer))
    assert refused.returncode == 1
    assert len(refused.stderr.strip().splitlines()) == 1
    revoked = run("revoke", summary["device_id"], "--db", str(district), "--json")
    assert revoked.returncode == 0, revoked.stderr
