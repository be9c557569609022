"""The whole start on a real X11 display, as `python main.py` runs it: an encrypted
database asks for its passphrase before any window of the data, and the main window opens
once it is typed (keyboard only, with real X key events)."""

from __future__ import annotations

import os
import subprocess
import sys

from models import keyring
from models.db import open_database
from models.encryption import create_encrypted
from models.settings import Settings, save_settings
from tests.ui.encrypted import OFFICER_PASSPHRASE, fast_scrypt
from tests.ui.test_real_display import ROOT, display, keysyms, pytestmark, xdotool

__all__ = ["display", "fast_scrypt", "pytestmark"]


def windows(env: dict, name: str) -> list[str]:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name],
        env=env, capture_output=True, text=True, timeout=15,
    )  # fmt: skip
    return found.stdout.split()


def test_the_app_asks_the_passphrase_before_showing_the_data(display, tmp_path):
    path = tmp_path / "jaring.db"
    create_encrypted(path, OFFICER_PASSPHRASE, "Budi Santoso", "officer")
    db = open_database(path)
    save_settings(db, Settings(officer_name="Budi Santoso", configured=True))
    db.close()
    keyring.forget(path)
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(path)], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    try:
        (unlock,) = xdotool(
            env, "search", "--sync", "--onlyvisible", "--name", "Buka Jaring"
        ).split()
        assert windows(env, "pendaftaran pekerja") == []  # nothing of the data yet
        xdotool(env, "mousemove", "--window", unlock, "100", "100", "click", "1")
        xdotool(env, "key", "--delay", "0", *keysyms(OFFICER_PASSPHRASE), "Return")
        main = xdotool(env, "search", "--sync", "--onlyvisible", "--name", "pendaftaran pekerja")
        assert main.split(), (tmp_path / "app.log").read_text()
    finally:
        app.terminate()
        app.wait(10)
        log.close()
