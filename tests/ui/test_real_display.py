"""The app in a real X11 window: Qt's xcb platform plugin loads (its system libraries are
there), and a registration typed with real X key events at full speed, keyboard only, is
stored as typed.

The test starts its own Xvfb on a free display number and the app in a subprocess with
QT_QPA_PLATFORM=xcb (this test process stays offscreen); xdotool types into the window. With
no window manager the window gets the keyboard by a click on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.db import open_database
from models.settings import Settings, save_settings
from models.sqlite_driver import sqlite
from tests.ui.test_heads_down import SITI_KEYS

ROOT = Path(__file__).resolve().parents[2]
#: xdotool's names of the keys that type the characters of `SITI_KEYS` that are no letters.
KEYSYMS = {" ": "space", ".": "period", "-": "minus", "/": "slash", "\n": "Return", "\t": "Tab"}

pytestmark = pytest.mark.skipif(
    shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
    reason="needs Xvfb and xdotool (apt-get install xvfb xdotool; .ci/run installs them)",
)


@pytest.fixture
def display():
    """A display of its own: Xvfb picks a free number and writes it to the pipe."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=[write],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        number = numbers.readline().strip()
    assert number, "Xvfb did not start"
    yield f":{number}"
    xvfb.terminate()
    xvfb.wait(10)


def keysyms(text: str) -> list[str]:
    return [KEYSYMS.get(char, char) for char in text]


def xdotool(env: dict, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=15, check=True
    )
    return done.stdout


def stored(path: Path, count: int, timeout: float = 10.0) -> list[dict]:
    """The registrations the app stored, oldest first, once there are ``count``."""
    end = time.monotonic() + timeout
    while True:
        with sqlite.connect(path) as db:
            db.row_factory = sqlite.Row
            rows = db.execute("SELECT * FROM registrations ORDER BY created_at").fetchall()
        if len(rows) >= count or time.monotonic() > end:
            assert len(rows) == count, f"{len(rows)} registrations stored"
            return [dict(row) for row in rows]
        time.sleep(0.1)


def test_a_registration_typed_in_a_real_window_is_stored_as_typed(display, tmp_path):
    started = time.monotonic()
    path = tmp_path / "jaring.db"
    db = open_database(path)
    save_settings(db, Settings(officer_name="Budi Santoso", configured=True))  # no first run
    db.close()
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen(
        # A plain database on purpose (without the option the app would ask to encrypt it).
        [sys.executable, "main.py", "--db", str(path), "--no-encryption"],
        cwd=ROOT, env=env, stdout=log, stderr=log,
    )  # fmt: skip
    try:
        window = xdotool(env, "search", "--sync", "--onlyvisible", "--name", "Jaring").split()[0]
        xdotool(env, "mousemove", "--window", window, "400", "8", "click", "1")  # the menu bar
        keys = [key for _name, typed in SITI_KEYS for key in keysyms(typed)]
        xdotool(env, "key", "--delay", "0", "ctrl+n", *keys, "ctrl+s")
        (reg,) = stored(path, 1)
        # The next worker's NIK, typed straight away into the blank form, saved as a draft.
        xdotool(env, "key", "--delay", "0", *keysyms("6208020608910001"), "ctrl+d")
        next_one = stored(path, 2)[1]
    finally:
        app.terminate()
        app.wait(10)
        log.close()
    assert app.returncode is not None
    typed = {name: reg[name] for name in (
        "nik", "full_name", "birth_place", "birth_date", "sex", "marital_status", "mother_name",
        "address", "rt", "rw", "village_code", "postal_code", "phone", "email", "occupation",
        "target_group", "monthly_income", "program_jht", "funding_source",
        "contribution_months", "heir_name", "heir_relation", "heir_phone", "consent", "status",
    )}  # fmt: skip
    assert typed == {
        "nik": "6208014507900001",
        "full_name": "Siti Aminah",
        "birth_place": "Sukamara",
        "birth_date": "1990-07-05",
        "sex": "P",
        "marital_status": "kawin",
        "mother_name": "Fatimah",
        "address": "Jl. Tjilik Riwut No. 12",
        "rt": "003",
        "rw": "001",
        "village_code": "62.08.01.2001",
        "postal_code": "74172",
        "phone": "081234567890",
        "email": "",
        "occupation": "Petani karet",
        "target_group": "petani",
        "monthly_income": 1_500_000,
        "program_jht": 0,
        "funding_source": "apbd",
        "contribution_months": 1,
        "heir_name": "Ahmad Yani",
        "heir_relation": "suami_istri",
        "heir_phone": "",
        "consent": 1,
        "status": "ready",
    }, (tmp_path / "app.log").read_text()
    assert (next_one["nik"], next_one["occupation"], next_one["status"]) == (
        "6208020608910001",
        "",
        "draft",
    )
    assert time.monotonic() - started < 20  # about 3 s; a hang would fail here, not later
