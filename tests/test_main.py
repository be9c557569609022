"""The command line: shared options on either side of the sub-command, clear failures.

Called in-process (`tests.cli.run_cli`): the process boundary is not what these test."""

import subprocess
from pathlib import Path

import pytest

from models.db import open_database
from models.nominatif import registrations_for_list
from models.sqlite_driver import sqlite
from tests.cli import run_cli


def test_db_and_json_before_or_after_the_sub_command(tmp_path, capsys):
    before = tmp_path / "before.db"
    after = tmp_path / "after.db"
    first = run_cli(capsys, "--db", before, "--json", "demo", "--records", "5", "--seed", "2")
    second = run_cli(capsys, "demo", "--records", "5", "--seed", "2", "--db", after, "--json")
    for result, path in ((first, before), (second, after)):
        assert result.code == 0, result.err
        assert result.summary == {"records": 5, "seed": 2, "db": str(path)}
        assert path.exists()


def test_demo_refuses_a_database_with_registrations(tmp_path, capsys):
    path = tmp_path / "jaring.db"
    assert run_cli(capsys, "demo", "--records", "3", "--db", path).code == 0
    refused = run_cli(capsys, "demo", "--records", "3", "--db", path, "--json")
    assert refused.code == 1
    assert "already holds registrations" in refused.err
    assert refused.summary == {"error": refused.err.strip().removeprefix("jaring demo: ")}
    forced = run_cli(capsys, "demo", "--records", "3", "--seed", "9", "--db", path, "--force")
    assert forced.code == 0, forced.err
    assert forced.out.strip() == f"records: 3, seed: 9, db: {path}"
    with open_database(path) as db:
        assert db.execute("SELECT COUNT(*) FROM registrations").fetchone()[0] == 6


def test_a_demo_of_no_records_is_refused_before_a_database_is_made(tmp_path, capsys):
    path = tmp_path / "new.db"
    refused = run_cli(capsys, "demo", "--records", "0", "--db", path)
    assert refused.code == 1 and refused.err == "jaring demo: --records must be at least 1\n"
    assert not path.exists()


def test_a_file_that_is_not_a_database_is_a_one_line_failure(tmp_path, capsys):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    result = run_cli(capsys, "demo", "--records", "3", "--db", path)
    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1
    assert result.err.startswith("jaring demo:")


def test_district_and_officer_set_up_and_enrolment(tmp_path, capsys):
    district, officer = tmp_path / "district.db", tmp_path / "officer.db"
    profile, enrolment = tmp_path / "profile.json", tmp_path / "enrol.json"
    made = run_cli(capsys, "district-init", "--name", "Disnaker Sukamara", "--regency", "62.08",
                   "--profile-out", profile, "--db", district, "--json")  # fmt: skip
    assert made.code == 0, made.err
    assert made.summary["profile"] == str(profile)
    assert "PRIVATE" not in profile.read_text()
    joined = run_cli(capsys, "officer-init", "--profile", profile, "--officer", "Budi Santoso",
                     "--enrol-out", enrolment, "--db", officer, "--json")  # fmt: skip
    assert joined.code == 0, joined.err
    summary = joined.summary
    assert summary["district_fingerprint"] == made.summary["fingerprint"]
    assert summary["enrolment"] == str(enrolment)
    enrolled = run_cli(capsys, "enrol", enrolment, "--db", district, "--json")
    assert enrolled.code == 0, enrolled.err
    assert enrolled.summary == {"device_id": summary["device_id"], "officer": "Budi Santoso",
                                "fingerprint": summary["fingerprint"]}  # fmt: skip
    assert (tmp_path / "officer-keys" / "signing.ed25519.pem").stat().st_mode & 0o077 == 0
    refused = run_cli(capsys, "enrol", enrolment, "--db", officer)
    assert refused.code == 1
    assert refused.err == (
        "jaring enrol: only a district database enrols devices; run district-init first\n"
    )
    revoked = run_cli(capsys, "revoke", summary["device_id"], "--db", district, "--json")
    assert revoked.code == 0, revoked.err
    assert revoked.summary["device_id"] == summary["device_id"] and revoked.summary["revoked_at"]
    with open_database(district) as db:
        assert db.execute("SELECT revoked_by FROM devices").fetchone()[0] == "command line"


def test_a_set_up_whose_file_cannot_be_written_says_why_in_one_line(tmp_path, capsys):
    path = tmp_path / "district.db"
    missing = tmp_path / "stick-pulled" / "profile.json"
    failed = run_cli(capsys, "district-init", "--name", "Disnaker", "--regency", "62.08",
                     "--profile-out", missing, "--db", path, "--json")  # fmt: skip
    assert failed.code == 1
    assert failed.err.startswith("jaring district-init: [Errno 2] No such file or directory")
    assert failed.summary == {"error": failed.err.strip().removeprefix("jaring district-init: ")}
    with open_database(path) as db:  # the set-up itself stands
        assert db.execute("SELECT role FROM identity").fetchone()[0] == "district"


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(line.split()[-1] for line in info.stdout.splitlines()
                    if line.startswith("Pages:")))  # fmt: skip


def test_print_forms_and_lists_from_the_command_line(tmp_path, capsys, qapp):
    db = tmp_path / "jaring.db"
    assert run_cli(capsys, "demo", "--records", "12", "--seed", "4", "--db", db).code == 0
    with open_database(db) as conn:
        printable = len(registrations_for_list(conn))
        in_kecamatan = len(registrations_for_list(conn, kecamatan="62.08.01"))
    forms = run_cli(capsys, "print-forms", "--out", tmp_path / "all.pdf", "--db", db, "--json")
    assert forms.code == 0, forms.err
    assert forms.summary == {"pdf": str(tmp_path / "all.pdf"), "pages": printable,
                             "forms": printable}  # fmt: skip
    assert pdf_pages(tmp_path / "all.pdf") == printable
    blank = run_cli(capsys, "print-forms", "--blank", "--paper", "F4", "--out", tmp_path / "b.pdf",
                    "--db", db, "--json")  # fmt: skip
    assert blank.code == 0 and blank.summary["forms"] == 1 and pdf_pages(tmp_path / "b.pdf") == 1
    listed = run_cli(capsys, "print-list", "--kecamatan", "62.08.01", "--out", tmp_path / "l.pdf",
                     "--db", db, "--json")  # fmt: skip
    assert listed.code == 0, listed.err
    assert listed.summary["registrations"] == in_kecamatan
    assert listed.summary["pages"] == pdf_pages(tmp_path / "l.pdf")
    # Clear one-line failures, and no PDF left behind.
    unknown = run_cli(capsys, "print-forms", "--id", "no-such-id", "--out", tmp_path / "x.pdf",
                      "--db", db)  # fmt: skip
    assert (unknown.code, unknown.err) == (
        1, "jaring print-forms: no registration with id no-such-id\n"
    )  # fmt: skip
    assert not (tmp_path / "x.pdf").exists()
    region = run_cli(capsys, "print-list", "--desa", "99.99.99.9999", "--out", tmp_path / "y.pdf",
                     "--db", db)  # fmt: skip
    assert (region.code, region.err) == (
        1, "jaring print-list: unknown region code 99.99.99.9999\n"
    )  # fmt: skip
    folder = run_cli(capsys, "print-list", "--out", tmp_path / "missing" / "z.pdf", "--db", db)
    assert folder.code == 1 and "not a folder" in folder.err


def test_the_summary_from_the_command_line(tmp_path, capsys, qapp):
    db = tmp_path / "jaring.db"
    assert run_cli(capsys, "demo", "--records", "6", "--seed", "3", "--db", db).code == 0
    done = run_cli(capsys, "print-summary", "--out", tmp_path / "s.pdf", "--db", db, "--json")
    assert done.code == 0, done.err
    assert done.out.splitlines()[0] == str(tmp_path / "s.pdf")
    assert done.summary["pages"] == pdf_pages(tmp_path / "s.pdf") == 1
    assert done.summary["target"] == 9863  # the settings' default


def test_excel_export_and_import_from_the_command_line(tmp_path, capsys, qapp):
    db = tmp_path / "jaring.db"
    assert run_cli(capsys, "demo", "--records", "10", "--seed", "6", "--db", db).code == 0
    exported = run_cli(capsys, "excel-export", "--out", tmp_path / "induk.xlsx", "--db", db,
                       "--json")  # fmt: skip
    assert exported.code == 0, exported.err
    assert exported.summary == {"file": str(tmp_path / "induk.xlsx"), "rows": 10}
    # Reading it back: every person is already in the database, so nothing is written twice.
    checked = run_cli(capsys, "excel-import", tmp_path / "induk.xlsx", "--dry-run", "--db", db,
                      "--json")  # fmt: skip
    report = checked.summary
    assert report["rows_read"] == 10 and report["duplicates"] == 10 and report["dry_run"]
    assert "written" not in report
    old = tmp_path / "lama.xls"
    old.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504)
    refused = run_cli(capsys, "excel-import", old, "--db", db)
    assert refused.code == 1 and "save it as" in refused.err
    nothing = run_cli(capsys, "excel-export", "--bpjs", "--out", tmp_path, "--db", db)
    assert nothing.code == 1 and len(nothing.err.strip().splitlines()) == 1
    alone = run_cli(capsys, "excel-export", "--mark-submitted", "--out", tmp_path / "x.xlsx",
                    "--db", db)  # fmt: skip
    assert alone.err == "jaring excel-export: --mark-submitted goes with --bpjs\n"


def test_bpjs_files_from_the_command_line_report_what_was_marked(tmp_path, capsys):
    db = tmp_path / "kabupaten.db"
    assert run_cli(capsys, "demo", "--records", "12", "--seed", "7", "--db", db).code == 0
    with sqlite.connect(db) as conn:  # as if merged from officers' batches
        received = conn.execute(
            "UPDATE registrations SET status = 'received' WHERE status = 'ready'"
        ).rowcount
    conn.close()
    out = tmp_path / "bpjs"
    out.mkdir()
    done = run_cli(capsys, "excel-export", "--bpjs", "--mark-submitted", "--out", out, "--db", db,
                   "--json")  # fmt: skip
    assert done.code == 0, done.err
    summary = done.summary
    assert (summary["rows"], summary["marked"], summary["skipped"]) == (received, received, 0)
    assert [Path(f).name for f in summary["files"]] == sorted(p.name for p in out.iterdir())
    with open_database(db) as conn:
        submitted = conn.execute(
            "SELECT COUNT(*) FROM registrations WHERE status = 'submitted'"
        ).fetchone()[0]
    assert submitted == received


def test_a_mistyped_database_is_an_error_not_a_new_empty_one(tmp_path, capsys):
    missing = tmp_path / "kabupatn.db"
    for command in (["print-summary", "--out", tmp_path / "s.pdf"],
                    ["excel-export", "--out", tmp_path / "x.xlsx"],
                    ["sync", "--url", "http://127.0.0.1:9"]):  # fmt: skip
        result = run_cli(capsys, *command, "--db", missing, "--json")
        assert result.code == 1
        assert len(result.err.strip().splitlines()) == 1
        assert "does not exist" in result.err
        assert "error" in result.summary
        assert not missing.exists()


@pytest.fixture
def district_db(tmp_path, capsys):
    db = tmp_path / "district.db"
    made = run_cli(capsys, "district-init", "--name", "Disnaker Sukamara", "--regency", "62.08",
                   "--profile-out", tmp_path / "profile.json", "--db", db)  # fmt: skip
    assert made.code == 0, made.err
    return db


def test_serve_failures_are_one_line_before_any_server_starts(district_db, tmp_path, capsys):
    import socket

    with socket.create_server(("127.0.0.1", 0)) as holder:
        port = str(holder.getsockname()[1])
        in_use = run_cli(capsys, "serve", "--port", port, "--db", district_db, "--json")
    bad_host = run_cli(capsys, "serve", "--host", "256.1.1.1", "--db", district_db)
    missing = tmp_path / "missing-cert.pem"
    no_cert = run_cli(capsys, "serve", "--certfile", missing, "--keyfile", missing,
                      "--port", port, "--db", district_db)  # fmt: skip
    for result in (in_use, bad_host, no_cert):
        assert result.code == 1, result.err
        assert len(result.err.strip().splitlines()) == 1, result.err
        assert result.err.startswith("jaring serve: "), result.err
    assert f"port {port} on 127.0.0.1 is already in use" in in_use.err
    assert in_use.summary["error"].startswith(f"port {port}")
    assert "256.1.1.1" in bad_host.err
    assert str(missing) in no_cert.err


@pytest.mark.parametrize("port", ["0", "99999", "http"])
def test_serve_refuses_a_port_out_of_range_without_a_traceback(district_db, port, capsys):
    with pytest.raises(SystemExit) as stopped:
        run_cli(capsys, "serve", "--port", port, "--db", district_db)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        f"jaring serve: error: argument --port: {port!r} is not a port number (1-65535)"
    )
