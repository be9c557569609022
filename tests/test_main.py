"""The command line: shared options on either side of the sub-command, clear failures."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(line.split()[-1] for line in info.stdout.splitlines()
                    if line.startswith("Pages:")))  # fmt: skip


def test_print_forms_and_lists_from_the_command_line(tmp_path):
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is missing; .ci/run installs it")
    db = str(tmp_path / "jaring.db")
    assert run("demo", "--records", "12", "--seed", "4", "--db", db).returncode == 0
    forms = run("print-forms", "--out", str(tmp_path / "all.pdf"), "--db", db, "--json")
    assert forms.returncode == 0, forms.stderr
    printed = json.loads(forms.stdout.strip().splitlines()[-1])
    assert printed["pages"] == printed["forms"] == pdf_pages(tmp_path / "all.pdf") > 0
    blank = run("print-forms", "--blank", "--paper", "F4", "--out", str(tmp_path / "b.pdf"),
                "--db", db, "--json")  # fmt: skip
    assert blank.returncode == 0 and pdf_pages(tmp_path / "b.pdf") == 1
    listed = run("print-list", "--kecamatan", "62.08.01", "--out", str(tmp_path / "l.pdf"),
                 "--db", db, "--json")  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout.strip().splitlines()[-1])["pages"] >= 1
    # Clear one-line failures, and no PDF left behind.
    unknown = run("print-forms", "--id", "no-such-id", "--out", str(tmp_path / "x.pdf"),
                  "--db", db)  # fmt: skip
    assert unknown.returncode == 1 and "no registration with id no-such-id" in unknown.stderr
    assert not (tmp_path / "x.pdf").exists()
    region = run("print-list", "--desa", "99.99.99.9999", "--out", str(tmp_path / "y.pdf"),
                 "--db", db)  # fmt: skip
    assert region.returncode == 1 and "unknown region code" in region.stderr
    folder = run("print-list", "--out", str(tmp_path / "missing" / "z.pdf"), "--db", db)
    assert folder.returncode == 1 and "not a folder" in folder.stderr


def test_excel_export_and_import_from_the_command_line(tmp_path):
    db = str(tmp_path / "jaring.db")
    assert run("demo", "--records", "10", "--seed", "6", "--db", db).returncode == 0
    exported = run("excel-export", "--out", str(tmp_path / "induk.xlsx"), "--db", db, "--json")
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout.strip().splitlines()[-1])["rows"] == 10
    # Reading it back: every person is already in the database, so nothing is written twice.
    checked = run("excel-import", str(tmp_path / "induk.xlsx"), "--dry-run", "--db", db, "--json")
    report = json.loads(checked.stdout.strip().splitlines()[-1])
    assert report["rows_read"] == 10 and report["duplicates"] == 10 and report["dry_run"]
    old = tmp_path / "lama.xls"
    old.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504)
    refused = run("excel-import", str(old), "--db", db)
    assert refused.returncode == 1 and "save it as" in refused.stderr
    nothing = run("excel-export", "--bpjs", "--out", str(tmp_path), "--db", db)
    assert nothing.returncode == 1 and len(nothing.stderr.strip().splitlines()) == 1


def test_bpjs_files_from_the_command_line_report_what_was_marked(tmp_path):
    import sqlite3

    db = str(tmp_path / "kabupaten.db")
    assert run("demo", "--records", "12", "--seed", "7", "--db", db).returncode == 0
    with sqlite3.connect(db) as conn:  # as if merged from officers' batches
        received = conn.execute(
            "UPDATE registrations SET status = 'received' WHERE status = 'ready'"
        ).rowcount
    out = tmp_path / "bpjs"
    out.mkdir()
    done = run("excel-export", "--bpjs", "--mark-submitted", "--out", str(out), "--db", db,
               "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["rows"] == summary["marked"] == received > 0
    assert [Path(f).name for f in summary["files"]] == sorted(p.name for p in out.iterdir())


def test_a_mistyped_database_is_an_error_not_a_new_empty_one(tmp_path):
    missing = tmp_path / "kabupatn.db"
    for command in (["print-summary", "--out", str(tmp_path / "s.pdf")],
                    ["excel-export", "--out", str(tmp_path / "x.xlsx")],
                    ["sync", "--url", "http://127.0.0.1:9"]):  # fmt: skip
        result = run(*command, "--db", str(missing), "--json")
        assert result.returncode == 1
        assert len(result.stderr.strip().splitlines()) == 1
        assert "does not exist" in result.stderr
        assert "error" in json.loads(result.stdout.strip().splitlines()[-1])
        assert not missing.exists()


@pytest.fixture
def district_db(tmp_path):
    db = tmp_path / "district.db"
    made = run("district-init", "--name", "Disnaker Sukamara", "--regency", "62.08",
               "--profile-out", str(tmp_path / "profile.json"), "--db", str(db))  # fmt: skip
    assert made.returncode == 0, made.stderr
    return db


def test_serve_failures_are_one_line_before_any_server_starts(district_db, tmp_path):
    import socket

    with socket.create_server(("127.0.0.1", 0)) as holder:
        port = str(holder.getsockname()[1])
        in_use = run("serve", "--port", port, "--db", str(district_db), "--json")
    bad_host = run("serve", "--host", "256.1.1.1", "--db", str(district_db))
    missing = tmp_path / "missing-cert.pem"
    no_cert = run("serve", "--certfile", str(missing), "--keyfile", str(missing),
                  "--port", port, "--db", str(district_db))  # fmt: skip
    for result in (in_use, bad_host, no_cert):
        assert result.returncode == 1, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert result.stderr.startswith("jaring serve: "), result.stderr
    assert f"port {port} on 127.0.0.1 is already in use" in in_use.stderr
    assert json.loads(in_use.stdout.strip().splitlines()[-1])["error"].startswith(f"port {port}")
    assert "256.1.1.1" in bad_host.stderr
    assert str(missing) in no_cert.stderr


@pytest.mark.parametrize("port", ["0", "99999", "http"])
def test_serve_refuses_a_port_out_of_range_without_a_traceback(district_db, port):
    result = run("serve", "--port", port, "--db", str(district_db))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"jaring serve: error: argument --port: {port!r} is not a port number (1-65535)"
    )
