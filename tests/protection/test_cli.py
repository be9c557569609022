"""The command line on encrypted databases: set-up, accounts, backups, recovery, and every
bad input answered with one line, exit 1 and nothing changed."""

import json
from pathlib import Path

import pytest

from cli.parser import build_parser
from models import keyring
from tests.cli import run_cli


def _secret(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text + "\n")
    return path


@pytest.fixture
def regency(tmp_path, capsys):
    """A district (supervisor ani) and an officer's laptop (Budi) with 12 people, both
    encrypted, the laptop's first batch exported."""
    pw = {
        "ani": _secret(tmp_path, "ani.txt", "padi kuning di sukamara"),
        "budi": _secret(tmp_path, "budi.txt", "sawit hijau kotawaringin"),
        "rina": _secret(tmp_path, "rina.txt", "kantor dinas lantai dua"),
        "new": _secret(tmp_path, "new.txt", "lupa lalu ingat lagi ya"),
    }
    district, officer = tmp_path / "district.db", tmp_path / "budi.db"
    made = run_cli(capsys, "district-init", "--name", "Disnaker", "--regency", "62.08",
                   "--profile-out", tmp_path / "profile.json", "--user", "ani",
                   "--db", district, "--passphrase-file", pw["ani"], "--json")  # fmt: skip
    assert made.code == 0, made.err
    run_cli(capsys, "officer-init", "--profile", tmp_path / "profile.json", "--officer", "Budi",
            "--enrol-out", tmp_path / "enrol.json", "--db", officer,
            "--passphrase-file", pw["budi"])  # fmt: skip
    run_cli(capsys, "demo", "--records", "12", "--force", "--db", officer,
            "--passphrase-file", pw["budi"])  # fmt: skip
    return {"district": district, "officer": officer, "pw": pw, "tmp": tmp_path,
            "recovery_code": made.summary["recovery_code"]}  # fmt: skip


def _state(*paths: Path) -> dict:
    """Every file beside these databases, with its bytes: 'nothing changed' is this."""
    folders = {p.parent for p in paths}
    return {
        f: f.read_bytes() for folder in folders for f in sorted(folder.rglob("*")) if f.is_file()
    }


def test_no_passphrase_option_exists_on_the_command_line():
    parser = build_parser("x")
    with pytest.raises(SystemExit):
        parser.parse_args(["export", "--out", ".", "--passphrase", "rahasia sekali"])


def test_set_up_shows_the_recovery_code_once_and_it_opens_the_district(regency, capsys):
    code = regency["recovery_code"]
    assert len(code.replace("-", "")) == 40
    assert code not in regency["district"].with_name("district.db.keys").read_text()
    recovery = _secret(regency["tmp"], "code.txt", code)
    ran = run_cli(capsys, "write-updates", "--out", regency["tmp"], "--db", regency["district"],
                  "--passphrase-file", recovery, "--json")  # fmt: skip
    assert ran.code == 0, ran.err


def test_a_staff_account_imports_but_cannot_enrol_revoke_or_add_accounts(regency, capsys):
    d, pw, tmp = regency["district"], regency["pw"], regency["tmp"]
    added = run_cli(capsys, "add-user", "rina", "--role", "staff", "--new-passphrase-file",
                    pw["rina"], "--db", d, "--passphrase-file", pw["ani"], "--json")  # fmt: skip
    assert added.summary == {"user": "rina", "role": "staff"}
    as_rina = ("--db", d, "--passphrase-file", pw["rina"], "--json")
    enrol = run_cli(capsys, "enrol", tmp / "enrol.json", *as_rina)
    assert enrol.code == 1 and "hanya supervisor" in enrol.err
    more = run_cli(capsys, "add-user", "joko", "--role", "supervisor",
                   "--new-passphrase-file", pw["new"], *as_rina)  # fmt: skip
    assert more.code == 1 and "hanya supervisor" in more.err
    run_cli(capsys, "enrol", tmp / "enrol.json", "--db", d, "--passphrase-file", pw["ani"])
    usb = tmp / "usb"
    usb.mkdir()
    exported = run_cli(capsys, "export", "--out", usb, "--db", regency["officer"],
                       "--passphrase-file", pw["budi"], "--json")  # fmt: skip
    assert exported.code == 0, exported.err
    imported = run_cli(capsys, "import", usb, *as_rina)
    assert imported.code == 0 and imported.summary["records_inserted"] > 0
    # The audit log names the account that was logged in.
    keyring.remember(d, keyring.unlock(d, "kantor dinas lantai dua"))
    from contextlib import closing

    from models.db import open_database

    with closing(open_database(d)) as db:
        actors = {a for (a,) in db.execute("SELECT DISTINCT actor FROM audit_log")}
    assert "rina" in actors


def test_the_district_recovers_its_officers_laptop_and_nobody_else_can(regency, capsys):
    pw, tmp = regency["pw"], regency["tmp"]
    ran = run_cli(capsys, "recover", "--officer-db", regency["officer"], "--new-passphrase-file",
                  pw["new"], "--db", regency["district"], "--passphrase-file", pw["ani"],
                  "--json")  # fmt: skip
    assert ran.code == 0, ran.err
    opened = run_cli(capsys, "export", "--out", tmp, "--db", regency["officer"],
                     "--passphrase-file", pw["new"], "--json")  # fmt: skip
    assert opened.code == 0, opened.err
    # Another district's database cannot.
    other = tmp / "other"
    other.mkdir()
    run_cli(capsys, "district-init", "--name", "Lain", "--regency", "62.01", "--profile-out",
            other / "p.json", "--db", other / "d.db", "--passphrase-file", pw["ani"])  # fmt: skip
    before = _state(regency["officer"])
    refused = run_cli(capsys, "recover", "--officer-db", regency["officer"],
                      "--new-passphrase-file", pw["rina"], "--db", other / "d.db",
                      "--passphrase-file", pw["ani"], "--json")  # fmt: skip
    assert refused.code == 1 and "tidak dibuat untuk kabupaten ini" in refused.err
    assert _state(regency["officer"]) == before


def test_backup_and_restore_give_the_same_database_under_the_same_passphrase(regency, capsys):
    pw, tmp = regency["pw"], regency["tmp"]
    stick = tmp / "stick"
    stick.mkdir()
    made = run_cli(capsys, "backup", "--out", stick, "--db", regency["officer"],
                   "--passphrase-file", pw["budi"], "--json")  # fmt: skip
    assert made.code == 0, made.err
    backup = Path(made.summary["backup"])
    assert made.summary["registrations"] == 12 and backup.parent == stick
    # A lost stick reveals nothing: no NIK or name of the laptop's people in the file.
    from contextlib import closing

    from models.db import open_database

    with closing(open_database(regency["officer"])) as db:
        people = db.execute("SELECT nik, full_name FROM registrations").fetchall()
    raw = backup.read_bytes()
    assert len(people) == 12
    assert not [p for p in people if p[0].encode() in raw or p[1].encode() in raw]
    restored = run_cli(capsys, "restore", backup, "--db", tmp / "restored.db",
                       "--passphrase-file", pw["budi"], "--json")  # fmt: skip
    assert restored.code == 0, restored.err
    assert restored.summary["registrations"] == 12
    # The restored laptop signs its next batch with the keys that came with the backup.
    out = tmp / "out"
    out.mkdir()
    exported = run_cli(capsys, "export", "--out", out, "--db", tmp / "restored.db",
                       "--passphrase-file", pw["budi"], "--json")  # fmt: skip
    assert exported.code == 0, exported.err


def test_change_passphrase_and_protect(regency, capsys, tmp_path):
    pw = regency["pw"]
    changed = run_cli(capsys, "change-passphrase", "--new-passphrase-file", pw["new"],
                      "--db", regency["officer"], "--passphrase-file", pw["budi"])  # fmt: skip
    assert changed.code == 0, changed.err
    old = run_cli(capsys, "export", "--out", tmp_path, "--db", regency["officer"],
                  "--passphrase-file", pw["budi"])  # fmt: skip
    assert old.code == 1 and "kata sandi salah" in old.err
    plain = tmp_path / "plain.db"
    run_cli(capsys, "demo", "--records", "5", "--db", plain, "--no-encryption")
    refused = run_cli(capsys, "export", "--out", tmp_path, "--db", plain,
                      "--passphrase-file", pw["new"])  # fmt: skip
    assert refused.code == 1 and "belum terenkripsi" in refused.err
    done = run_cli(capsys, "protect", "--new-passphrase-file", pw["new"], "--db", plain,
                   "--passphrase-file", pw["new"], "--json")  # fmt: skip
    assert done.code == 0, done.err
    assert not plain.read_bytes().startswith(b"SQLite format 3")


def test_the_passphrase_file_may_come_from_the_environment(regency, capsys, monkeypatch):
    monkeypatch.setenv("JARING_PASSPHRASE_FILE", str(regency["pw"]["budi"]))
    ran = run_cli(capsys, "export", "--out", regency["tmp"], "--db", regency["officer"],
                  "--passphrase-file", regency["pw"]["budi"])  # fmt: skip
    assert ran.code == 0
    from main import main

    assert main(["export", "--out", str(regency["tmp"]), "--db", str(regency["officer"])]) == 0


@pytest.mark.parametrize(
    "case",
    ["wrong passphrase", "missing passphrase file", "no passphrase", "another install",
     "truncated backup", "not a backup", "restore onto existing", "short new passphrase"],
)  # fmt: skip
def test_bad_input_gets_one_line_exit_1_and_changes_nothing(regency, capsys, case, monkeypatch):
    monkeypatch.setattr("cli.protection.WRONG_PASSPHRASE_DELAY", 0)
    pw, tmp, officer = regency["pw"], regency["tmp"], regency["officer"]
    stick = tmp / "stick"
    stick.mkdir()
    backup = Path(run_cli(capsys, "backup", "--out", stick, "--db", officer,
                          "--passphrase-file", pw["budi"], "--json").summary["backup"])  # fmt: skip
    keyring._unlocked.clear()
    if case == "another install":
        other = tmp / "other.db"
        run_cli(capsys, "demo", "--records", "1", "--db", other, "--passphrase-file", pw["budi"])
        (tmp / "other.db.keys").replace(tmp / "budi.db.keys.other")
    before = _state(officer, backup)
    args = {
        "wrong passphrase": ("export", "--out", tmp, "--db", officer,
                             "--passphrase-file", pw["ani"]),
        "missing passphrase file": ("export", "--out", tmp, "--db", officer,
                                    "--passphrase-file", tmp / "nope.txt"),
        "no passphrase": ("export", "--out", tmp, "--db", officer, "--no-encryption"),
        "another install": ("export", "--out", tmp, "--db", tmp / "other.db",
                            "--passphrase-file", pw["budi"]),
        "truncated backup": ("restore", _truncated(backup), "--db", tmp / "r.db",
                             "--passphrase-file", pw["budi"]),
        "not a backup": ("restore", tmp / "profile.json", "--db", tmp / "r.db",
                         "--passphrase-file", pw["budi"]),
        "restore onto existing": ("restore", backup, "--db", officer,
                                  "--passphrase-file", pw["budi"]),
        "short new passphrase": ("change-passphrase", "--new-passphrase-file",
                                 _secret(tmp, "short.txt", "pendek"), "--db", officer,
                                 "--passphrase-file", pw["budi"]),
    }[case]  # fmt: skip
    if case == "no passphrase":
        from main import main

        capsys.readouterr()
        code = main([str(a) for a in args])
        err = capsys.readouterr().err
    else:
        ran = run_cli(capsys, *args)
        code, err = ran.code, ran.err
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    after = _state(officer, backup)
    after.pop(tmp / "short.txt", None)
    after = {p: d for p, d in after.items() if p.name != "truncated.jaringbak"}
    before = {p: d for p, d in before.items() if p.name != "truncated.jaringbak"}
    assert after == before
    assert not (tmp / "r.db").exists()


def _truncated(backup: Path) -> Path:
    path = backup.with_name("truncated.jaringbak")
    path.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    return path


def test_json_errors_are_json(regency, capsys):
    ran = run_cli(capsys, "export", "--out", regency["tmp"], "--db", regency["officer"],
                  "--passphrase-file", regency["tmp"] / "nope.txt", "--json")  # fmt: skip
    assert ran.code == 1 and "error" in json.loads(ran.out.strip().splitlines()[-1])


def test_a_converted_installation_gets_what_a_new_one_has(tmp_path, capsys):
    """protect on a plain district gives it a recovery code; on a plain officer's laptop
    set up from a profile, the district's slot (so `recover` works) and sealed key files."""
    pw = _secret(tmp_path, "pw.txt", "padi kuning di sukamara")
    new = _secret(tmp_path, "new.txt", "lupa lalu ingat lagi ya")
    district, officer = tmp_path / "district.db", tmp_path / "budi.db"
    run_cli(capsys, "district-init", "--name", "Disnaker", "--regency", "62.08",
            "--profile-out", tmp_path / "profile.json", "--db", district,
            "--no-encryption")  # fmt: skip
    run_cli(capsys, "officer-init", "--profile", tmp_path / "profile.json", "--officer", "Budi",
            "--enrol-out", tmp_path / "enrol.json", "--db", officer, "--no-encryption")  # fmt: skip
    done = run_cli(capsys, "protect", "--new-passphrase-file", pw, "--db", district,
                   "--no-encryption", "--json")  # fmt: skip
    assert done.code == 0, done.err
    assert done.summary["role"] == "supervisor" and "recovery_code" in done.summary
    assert run_cli(capsys, "protect", "--new-passphrase-file", pw, "--db", officer,
                   "--no-encryption").code == 0  # fmt: skip
    for key_file in (tmp_path / "budi-keys").iterdir():
        assert key_file.read_bytes().startswith(b"JARING-SEALED/1")
    recovered = run_cli(capsys, "recover", "--officer-db", officer, "--new-passphrase-file", new,
                        "--db", district, "--passphrase-file", pw)  # fmt: skip
    assert recovered.code == 0, recovered.err
    code = _secret(tmp_path, "code.txt", done.summary["recovery_code"])
    assert run_cli(capsys, "write-updates", "--out", tmp_path, "--db", district,
                   "--passphrase-file", code).code == 0  # fmt: skip
