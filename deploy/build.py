"""Build the desktop bundle dist/Jaring/ (no Python needed to run it) and, on Linux, the
tarball dist/Jaring-<version>-linux-x86_64.tar.gz with a .desktop entry and an icon.

    python -m venv .build
    .build/bin/pip install -r requirements.txt -r deploy/requirements.txt
    .build/bin/python deploy/build.py [--no-tarball]

(On Windows: ``.build\\Scripts\\...``; then deploy/windows/jaring.iss makes the installer.)
PyInstaller follows main.py's imports; deploy/jaring.spec adds resources/ and leaves out
the Qt modules the app does not use (deploy/bundle_files.py). Prints the build time and the
bundle's size; deploy/smoke_test.py then checks the result.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy.bundle_files import NAME  # noqa: E402
from models.version import APP_VERSION  # noqa: E402

DIST = ROOT / "dist"
#: The budget of the issue: the unpacked bundle.
SIZE_BUDGET_MB = 200


def folder_size(folder: Path) -> int:
    """Bytes of every file under ``folder``, each once (links to a library are not counted
    again, as ``du`` does not)."""
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def run_pyinstaller(dist: Path = DIST) -> Path:
    """Build the bundle with deploy/jaring.spec; returns its folder."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit(
            "PyInstaller is missing: pip install -r requirements.txt -r deploy/requirements.txt"
        )
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level=WARN",
         "--distpath", str(dist), "--workpath", str(ROOT / "build" / "pyinstaller"),
         str(ROOT / "deploy" / "jaring.spec")],
        cwd=ROOT,
        check=True,
    )  # fmt: skip
    return dist / NAME


def unresolved_libraries(bundle: Path) -> dict[str, set[str]]:
    """Linux: each library that a library of the bundle needs and neither the bundle nor
    this system has -> the bundle's files that need it (``ldd``, with the bundle's folder
    searched first, as its executable does)."""
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    unresolved: dict[str, set[str]] = {}
    for library in sorted(internal.rglob("*.so*")):
        if library.is_symlink() or not library.is_file():
            continue
        done = subprocess.run(["ldd", str(library)], capture_output=True, text=True, env=env)
        for line in done.stdout.splitlines():
            if "=> not found" in line:
                needed = line.split()[0]
                unresolved.setdefault(needed, set()).add(library.relative_to(internal).as_posix())
    return unresolved


def check_libraries(bundle: Path) -> bool:
    """Say what is unresolved; a Qt library missing is a fault of the file list (one left
    out that a kept one needs), a system one a library the build machine lacks."""
    unresolved = unresolved_libraries(bundle)
    for needed, users in sorted(unresolved.items()):
        print(f"unresolved {needed}, needed by {', '.join(sorted(users))}")
    return not any(needed.startswith("libQt6") for needed in unresolved)


def add_linux_desktop_files(bundle: Path) -> None:
    """The .desktop entry (its Exec filled in by install-desktop-entry.sh where the folder
    is unpacked) and the icon, at the top of the bundle folder."""
    linux = ROOT / "deploy" / "linux"
    shutil.copy2(linux / "jaring.desktop", bundle / "jaring.desktop")
    shutil.copy2(linux / "install-desktop-entry.sh", bundle / "install-desktop-entry.sh")
    shutil.copy2(ROOT / "resources" / "icons" / "jaring.png", bundle / "jaring.png")


def tarball_name(version: str = APP_VERSION) -> str:
    return f"{NAME}-{version}-linux-x86_64.tar.gz"


def make_tarball(bundle: Path, dist: Path = DIST) -> Path:
    """dist/Jaring-<version>-linux-x86_64.tar.gz holding the folder ``Jaring/``."""
    target = dist / tarball_name()
    temporary = target.with_name(target.name + ".part")
    with tarfile.open(temporary, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=NAME)
    temporary.replace(target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-tarball", action="store_true", help="Linux: skip the tarball")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    bundle = run_pyinstaller()
    built = time.perf_counter()
    size_mb = folder_size(bundle) / 1e6
    print(f"built {bundle} in {built - started:.0f} s: {size_mb:.0f} MB "
          f"(budget {SIZE_BUDGET_MB} MB)")  # fmt: skip
    if sys.platform.startswith("linux"):
        if not check_libraries(bundle):
            print("a Qt library the bundle needs was left out (deploy/bundle_files.py)",
                  file=sys.stderr)  # fmt: skip
            return 1
        add_linux_desktop_files(bundle)
        if not args.no_tarball:
            tarball = make_tarball(bundle)
            print(f"wrote {tarball} ({tarball.stat().st_size / 1e6:.0f} MB) in "
                  f"{time.perf_counter() - built:.0f} s")  # fmt: skip
    if size_mb > SIZE_BUDGET_MB:
        print(f"the bundle is over its budget of {SIZE_BUDGET_MB} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
