"""The Linux tarball's menu entry: install-desktop-entry.sh, run from wherever the bundle
was unpacked, points the desktop's menu at it; taking the entry away, or unpacking a newer
version in place of the folder, leaves the data (~/.local/share/Jaring) alone."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

from deploy.build import add_linux_desktop_files, tarball_name
from models.db import default_db_path
from models.version import APP_VERSION

ROOT = Path(__file__).resolve().parent.parent.parent


def unpacked_bundle(folder: Path) -> Path:
    """A stand-in for the unpacked tarball's Jaring/ folder, with build.py's extra files."""
    folder.mkdir(parents=True)
    (folder / "Jaring").write_text("#!/bin/sh\n")
    add_linux_desktop_files(folder)
    return folder


def run_script(bundle: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    return subprocess.run(
        ["sh", str(bundle / "install-desktop-entry.sh"), *args],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


def desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path)
    return dict(parser["Desktop Entry"])


def test_the_menu_entry_points_at_the_unpacked_folder(tmp_path):
    home = tmp_path / "home"
    bundle = unpacked_bundle(home / "Aplikasi Saya" / "Jaring")
    done = run_script(bundle, home)
    assert done.returncode == 0, done.stderr
    applications = home / ".local" / "share" / "applications"
    entry = desktop_entry(applications / "jaring.desktop")
    assert entry["Exec"] == f'"{bundle}/Jaring"'
    assert entry["Icon"] == "jaring" and entry["Type"] == "Application"
    assert entry["Terminal"] == "false"
    icon = home / ".local/share/icons/hicolor/256x256/apps/jaring.png"
    assert icon.read_bytes() == (ROOT / "resources" / "icons" / "jaring.png").read_bytes()


def test_a_folder_name_the_entry_cannot_quote_is_refused(tmp_path):
    home = tmp_path / "home"
    bundle = unpacked_bundle(home / "a$b" / "Jaring")
    done = run_script(bundle, home)
    assert done.returncode == 1
    assert "Pindahkan folder Jaring" in done.stderr
    assert not (home / ".local/share/applications/jaring.desktop").exists()


def test_removing_the_entry_or_replacing_the_folder_keeps_the_data(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    database = default_db_path()
    assert database == home / ".local" / "share" / "Jaring" / "jaring.db"
    database.write_bytes(b"the officer's registrations")
    bundle = unpacked_bundle(home / "opt" / "Jaring")
    assert run_script(bundle, home).returncode == 0
    # An upgrade: the old folder goes, the new version is unpacked in its place.
    shutil.rmtree(bundle)
    bundle = unpacked_bundle(home / "opt" / "Jaring")
    assert run_script(bundle, home).returncode == 0
    done = run_script(bundle, home, "--remove")
    assert done.returncode == 0 and "Data tetap" in done.stdout
    assert not (home / ".local/share/applications/jaring.desktop").exists()
    assert database.read_bytes() == b"the officer's registrations"


def test_the_tarball_is_named_for_the_version():
    assert tarball_name() == f"Jaring-{APP_VERSION}-linux-x86_64.tar.gz"
