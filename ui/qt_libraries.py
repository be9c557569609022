"""Before Qt starts on Linux: are the system libraries its window system plugin needs there?

When Qt cannot load its platform plugin (xcb, for an X11 desktop) it prints a line about
"xcb" and aborts the whole process, which our code cannot catch, and an officer who
double-clicked the icon sees nothing at all. So before the QApplication is made, the plugin's
libraries are looked up (with ``ldd``, or by loading the plugin), and a missing one is told
in Indonesian with the Debian/Ubuntu packages to install. Nothing here imports Qt: it runs
before Qt's own libraries are loaded, and those may be the missing ones.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

#: Debian/Ubuntu package of every library outside glibc that Qt's xcb plugin loads
#: (``ldd PySide6/Qt/plugins/platforms/libqxcb.so`` on Debian 12, with Qt's own dropped).
#: Ubuntu 24.04 renamed a few with a ``t64`` suffix (libglib2.0-0t64); apt finds those from
#: the old name too.
PACKAGE_OF_LIBRARY = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libzstd.so.1": "libzstd1",
    "libz.so.1": "zlib1g",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libbrotlidec.so.1": "libbrotli1",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_CANNOT_OPEN = re.compile(r"(\S+\.so[\w.]*): cannot open shared object file")


def platform_plugin(environ: Mapping[str, str]) -> str | None:
    """The platform plugin Qt will load on this Linux desktop, if only one can work, and so
    the one to check: None when Qt is told to use another (``QT_QPA_PLATFORM``) or when a
    Wayland session lets Qt fall back to Wayland if xcb fails."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen if chosen == "xcb" else None
    if environ.get("WAYLAND_DISPLAY"):
        return None
    return "xcb"


def plugin_file(name: str) -> Path | None:
    """Qt's plugin file for platform ``name`` (in a checkout's venv, an installed package
    or the desktop bundle alike), without importing PySide6."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec and spec.submodule_search_locations) or ():
        path = Path(folder) / "Qt" / "plugins" / "platforms" / f"libq{name}.so"
        if path.exists():
            return path
    return None


def missing_libraries(
    plugin: Path,
    load: Callable[[str], object] | None = None,
    run: Callable[..., subprocess.CompletedProcess] = subprocess.run,
) -> list[str]:
    """The shared libraries ``plugin`` needs and the system lacks (file names, sorted).

    The plugin is loaded first, as Qt would load it (nearly free: Qt finds it loaded);
    when that fails, ``ldd`` lists every missing library at once, or, without ``ldd``, the
    loader's error names the first."""
    if load is None:
        import ctypes

        load = ctypes.CDLL
    try:
        load(str(plugin))
    except OSError as exc:
        error = str(exc)
    else:
        return []
    ldd = shutil.which("ldd")
    if ldd:
        try:
            done = run([ldd, str(plugin)], capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.SubprocessError):
            done = None
        if done is not None and (listed := _NOT_FOUND.findall(done.stdout)):
            return sorted(set(listed))
    found = _CANNOT_OPEN.search(error)
    return [found.group(1) if found else error]


def missing_libraries_text(missing: list[str]) -> str:
    """What the officer reads: the libraries, and the command that installs them."""
    packages = sorted({PACKAGE_OF_LIBRARY[name] for name in missing if name in PACKAGE_OF_LIBRARY})
    lines = [
        "Jaring tidak bisa membuka jendelanya: pustaka sistem yang dibutuhkan Qt untuk",
        "tampilan X11 (plugin xcb) tidak ada di komputer ini:",
        *(f"  {name}" for name in missing),
        "",
    ]
    if packages:
        lines += [
            "Pasang dulu (Debian/Ubuntu), lalu buka Jaring lagi:",
            "  sudo apt-get install " + " ".join(packages),
        ]
    else:
        lines.append("Pasang pustaka itu dengan pengelola paket sistem, lalu buka Jaring lagi.")
    lines += ["", "Perintah baris (jaring demo, export, print-forms ...) tetap bisa dipakai."]
    return "\n".join(lines)


NO_DISPLAY_TEXT = (
    "Jaring tidak bisa membuka jendelanya: tidak ada tampilan grafis (DISPLAY dan\n"
    "WAYLAND_DISPLAY kosong). Buka Jaring dari desktop, atau pakai perintah baris\n"
    "(jaring --help)."
)


def cannot_start_text(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    find_plugin: Callable[[str], Path | None] = plugin_file,
    find_missing: Callable[[Path], list[str]] = missing_libraries,
) -> str:
    """Why Qt's window cannot start here, in Indonesian; "" when nothing stands in its
    way that can be seen beforehand (always on Windows and macOS, whose plugins the
    bundle carries whole)."""
    if not platform.startswith("linux"):
        return ""
    plugin = platform_plugin(environ)
    if plugin is None:
        return ""
    if not environ.get("DISPLAY"):
        return NO_DISPLAY_TEXT
    path = find_plugin(plugin)
    if path is None:
        return ""
    missing = find_missing(path)
    return missing_libraries_text(missing) if missing else ""


def tell_outside_qt(
    text: str,
    environ: Mapping[str, str] = os.environ,
    which: Callable[[str], str | None] = shutil.which,
    start: Callable[[list[str]], object] = subprocess.Popen,
) -> None:
    """Print ``text`` to the terminal, and, when Jaring was started from a desktop icon (no
    terminal to read it), also show it with the desktop's own dialog tool if one is there."""
    if sys.stderr is not None:
        print(text, file=sys.stderr)
        if sys.stderr.isatty():
            return
    if not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        return  # no desktop to show a dialog on
    for tool in (["zenity", "--error", "--no-markup", "--text"], ["kdialog", "--error"],
                 ["xmessage", "-center"]):  # fmt: skip
        if which(tool[0]):
            try:
                start([*tool, text])
            except OSError:
                continue
            return
