"""What can be checked on Linux of the Windows install: where the app keeps its data on
Windows (platformdirs), and that the Inno Setup script installs per user, elsewhere than
the data, and never removes the data; the CI workflow that runs it builds what it needs."""

from __future__ import annotations

import configparser
import ntpath
import re
from pathlib import Path

import platformdirs
import platformdirs.windows
import pytest

from deploy.bundle_files import CLI_NAME, NAME, executables
from models.db import default_db_path

ROOT = Path(__file__).resolve().parent.parent.parent
ISS = ROOT / "deploy" / "windows" / "jaring.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
LOCAL = r"C:\Users\Siti\AppData\Local"


def inno_sections() -> dict[str, list[str]]:
    """The script's sections, each a list of its lines (comments and preprocessor aside)."""
    sections: dict[str, list[str]] = {}
    current = None
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if header := re.fullmatch(r"\[(\w+)\]", line):
            current = sections.setdefault(header.group(1), [])
        elif current is not None:
            current.append(line)
    return sections


def setup_values() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read_string("[Setup]\n" + "\n".join(inno_sections()["Setup"]))
    return dict(parser["Setup"])


@pytest.fixture
def on_windows(monkeypatch):
    """platformdirs answering as on Windows (the folder from %LOCALAPPDATA%)."""
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setattr(
        platformdirs.windows,
        "_RESOLVE_WIN_FOLDER",
        platformdirs.windows.get_win_folder_from_env_vars,
    )


def test_on_windows_the_database_is_in_the_users_local_app_data(on_windows, monkeypatch, tmp_path):
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert default_db_path() == tmp_path / "Local" / "Jaring" / "jaring.db"


def test_the_data_folder_is_not_inside_the_install_folder(monkeypatch):
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", LOCAL)
    windows = platformdirs.windows.Windows(appname="Jaring", appauthor=False)
    data = ntpath.normpath(windows.user_data_dir.replace("/", "\\"))
    assert data == LOCAL + r"\Jaring"
    # {autopf} of a per-user install is the user's Programs folder.
    install = ntpath.normpath(LOCAL + r"\Programs\Jaring")
    assert not data.startswith(install) and not install.startswith(data + "\\")
    assert setup_values()["DefaultDirName"] == r"{autopf}\Jaring"


def test_the_installer_is_per_user_with_a_start_menu_shortcut():
    setup = setup_values()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    icons = inno_sections()["Icons"]
    assert any(line.startswith('Name: "{autoprograms}\\Jaring"') for line in icons)
    assert all(f"{{app}}\\{NAME}.exe" in line for line in icons)


def test_the_upgrade_id_is_fixed():
    # A newer installer finds (and upgrades) the older install by AppId: never change it.
    assert setup_values()["AppId"] == "{{6A1D7C52-93B8-4C5E-9F0B-2E4D8A7B1C39}"


def test_uninstall_and_upgrade_delete_only_the_install_folder():
    sections = inno_sections()
    assert "UninstallDelete" not in sections
    assert "UninstallRun" not in sections
    for line in sections.get("InstallDelete", []):
        assert re.search(r'Name: "\{app\}\\', line), line
    text = ISS.read_text(encoding="utf-8")
    assert "{localappdata}" not in text.lower() and "{userappdata}" not in text.lower()


def test_the_installer_takes_the_bundle_build_py_makes():
    sections = inno_sections()
    [files] = sections["Files"]
    assert files.startswith(f'Source: "..\\..\\dist\\{NAME}\\*"')
    setup = setup_values()
    assert setup["UninstallDisplayIcon"] == f"{{app}}\\{NAME}.exe"
    assert (ISS.parent / setup["SetupIconFile"].replace("\\", "/")).is_file()
    assert setup["AppVersion"] == "{#AppVersion}"
    assert executables("win32")[0] == (NAME, False)


def test_the_windows_workflow_builds_tests_and_packs():
    workflow = WORKFLOW.read_text(encoding="utf-8")
    for step in ("deploy\\build.py", "deploy\\smoke_test.py dist\\Jaring",
                 "/DAppVersion=$version", "deploy\\windows\\jaring.iss",
                 f"{CLI_NAME}.exe", "-r deploy\\requirements.txt"):  # fmt: skip
        assert step in workflow, step
    assert re.search(r'python-version: "3\.11"', workflow)
    assert "from models.version import APP_VERSION" in workflow
