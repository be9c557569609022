"""Before Qt starts on Linux: a missing system library of the xcb plugin, or no display at
all, is told in Indonesian with the packages to install, instead of Qt aborting the process
with a line about "xcb" that an officer never sees."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import main
from ui import qt_libraries
from ui.qt_libraries import (
    NO_DISPLAY_TEXT,
    PACKAGE_OF_LIBRARY,
    cannot_start_text,
    missing_libraries,
    platform_plugin,
    tell_outside_qt,
)

ROOT = Path(__file__).resolve().parent.parent.parent
X11 = {"DISPLAY": ":0"}
LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /opt/Jaring/_internal/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x7f)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-cursor.so.0 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x7f)
"""


def refusing_load(path: str) -> None:
    raise OSError("libxcb-cursor.so.0: cannot open shared object file: No such file or directory")


@pytest.mark.parametrize(
    ("environ", "plugin"),
    [
        ({}, "xcb"),
        ({"DISPLAY": ":0"}, "xcb"),
        ({"QT_QPA_PLATFORM": "xcb"}, "xcb"),
        ({"QT_QPA_PLATFORM": "xcb:nomitshm"}, "xcb"),
        ({"QT_QPA_PLATFORM": "offscreen"}, None),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, None),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, None),
    ],
)
def test_the_plugin_to_check(environ, plugin):
    assert platform_plugin(environ) == plugin


def test_ldd_lists_every_missing_library(monkeypatch):
    monkeypatch.setattr(qt_libraries.shutil, "which", lambda name: "/usr/bin/ldd")

    def ldd(command, **kwargs):
        return subprocess.CompletedProcess(command, 0, LDD_OUTPUT, "")

    found = missing_libraries(Path("libqxcb.so"), load=refusing_load, run=ldd)
    assert found == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"]


def test_without_ldd_the_loaders_error_names_one(monkeypatch):
    monkeypatch.setattr(qt_libraries.shutil, "which", lambda name: None)
    assert missing_libraries(Path("libqxcb.so"), load=refusing_load) == ["libxcb-cursor.so.0"]


def test_nothing_missing_when_the_plugin_loads():
    assert missing_libraries(Path("libqxcb.so"), load=lambda path: None) == []


def test_the_message_names_the_libraries_and_the_packages():
    text = cannot_start_text(
        X11, "linux", find_plugin=lambda name: Path("libqxcb.so"),
        find_missing=lambda path: ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libfoo.so.9"],
    )  # fmt: skip
    assert text.startswith("Jaring tidak bisa membuka jendelanya")
    assert "  libxcb-cursor.so.0\n  libxcb-icccm.so.4\n  libfoo.so.9\n" in text
    assert "  sudo apt-get install libxcb-cursor0 libxcb-icccm4\n" in text


def test_no_display_is_said_before_any_plugin_is_looked_at():
    def never(name):
        raise AssertionError("looked for a plugin")

    assert cannot_start_text({}, "linux", find_plugin=never) == NO_DISPLAY_TEXT


@pytest.mark.parametrize(
    ("environ", "platform"),
    [(X11, "win32"), (X11, "darwin"), ({"QT_QPA_PLATFORM": "offscreen"}, "linux")],
)
def test_nothing_to_say_where_qt_brings_its_own(environ, platform):
    def never(name):
        raise AssertionError("looked for a plugin")

    assert cannot_start_text(environ, platform, find_plugin=never) == ""


def test_every_library_of_the_real_xcb_plugin_has_its_package():
    # The table covers what the plugin shipped with our PySide6 links, beyond glibc and Qt.
    plugin = qt_libraries.plugin_file("xcb")
    assert plugin is not None and plugin.name == "libqxcb.so"
    done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True)
    needed = {line.split()[0] for line in done.stdout.splitlines() if "=>" in line}
    system = {
        name for name in needed
        if not name.startswith(("libQt6", "libicu", "libc.so", "libm.so", "libstdc++",
                                "libgcc_s", "libdl.so", "libpthread", "librt.so"))
    }  # fmt: skip
    direct = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libEGL.so.1",
              "libxkbcommon-x11.so.0", "libfontconfig.so.1", "libdbus-1.so.3"}  # fmt: skip
    assert direct <= system
    assert direct <= set(PACKAGE_OF_LIBRARY)


def test_this_machine_has_what_the_real_plugin_needs():
    # In a process of its own: loading the xcb plugin here would share this test run's Qt.
    code = "from ui.qt_libraries import *; print(missing_libraries(plugin_file('xcb')))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=True)  # fmt: skip
    assert done.stdout.strip() == "[]"


def test_started_from_an_icon_the_desktops_dialog_tool_shows_it(capsys):
    started = []
    tell_outside_qt("pesan", X11, which=lambda tool: f"/usr/bin/{tool}", start=started.append)
    assert capsys.readouterr().err == "pesan\n"
    assert started == [["zenity", "--error", "--no-markup", "--text", "pesan"]]


def test_the_first_dialog_tool_there_is_used(capsys):
    started = []
    tell_outside_qt("pesan", X11, which={"xmessage": "/usr/bin/xmessage"}.get,
                    start=started.append)  # fmt: skip
    assert started == [["xmessage", "-center", "pesan"]]


def test_no_dialog_without_a_display(capsys):
    started = []
    tell_outside_qt("pesan", {}, which=lambda tool: f"/usr/bin/{tool}", start=started.append)
    assert capsys.readouterr().err == "pesan\n"
    assert started == []


def test_main_stops_before_qt_with_the_message(monkeypatch):
    told = []
    monkeypatch.setattr(qt_libraries, "cannot_start_text", lambda: "pustaka tidak ada")
    monkeypatch.setattr(qt_libraries, "tell_outside_qt", told.append)
    monkeypatch.setattr("ui.app.run_app", lambda path: pytest.fail("Qt was started"))
    assert main.main(["--db", "x.db"]) == 4
    assert told == ["pustaka tidak ada"]


def test_a_plugin_whose_libraries_are_not_there_is_caught_by_the_real_loader(tmp_path):
    # A copy of the plugin away from Qt's own libraries: loading it fails as on a machine
    # lacking them, and the real ldd lists what is missing.
    copy = tmp_path / "libqxcb.so"
    shutil.copyfile(qt_libraries.plugin_file("xcb"), copy)
    code = f"from ui.qt_libraries import *; print(missing_libraries(Path({str(copy)!r})))"
    command = [sys.executable, "-c", "from pathlib import Path; " + code]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    assert "libQt6XcbQpa.so.6" in done.stdout
