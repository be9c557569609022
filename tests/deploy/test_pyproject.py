"""The package pyproject.toml describes: every package and resource of the checkout is
installed (and nothing of tests/, bench/ or deploy/), the dependencies agree with the pinned
requirements.txt, the commands exist, and there is one version, models/version.py's."""

from __future__ import annotations

import ast
import fnmatch
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

from deploy.bundle_files import resource_files
from models.version import APP_VERSION

ROOT = Path(__file__).resolve().parent.parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PROJECT["tool"]["setuptools"]
TOP_LEVEL = ("models", "exchange", "excel", "httpsync", "app", "cli", "demo", "ui")


def test_every_package_of_the_checkout_is_installed():
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in TOP_LEVEL
        for init in (ROOT / top).rglob("__init__.py")
    }
    declared = set(SETUPTOOLS["packages"])
    assert found == declared - {name for name in declared if name.startswith("resources")}
    assert SETUPTOOLS["py-modules"] == ["main"]
    assert not {n for n in declared if n.split(".")[0] in ("tests", "bench", "deploy", "docs")}


def test_every_bundled_resource_is_installed_too():
    declared = SETUPTOOLS["package-data"]
    installed = set()
    for path in (ROOT / "resources").rglob("*"):
        package = ".".join(path.parent.relative_to(ROOT).parts)
        patterns = declared.get(package, []) if package in SETUPTOOLS["packages"] else []
        if path.is_file() and any(fnmatch.fnmatch(path.name, p) for p in patterns):
            installed.add(path)
    assert installed == set(resource_files())


def test_dependencies_agree_with_the_pinned_requirements():
    declared = {Requirement(text).name.lower(): Requirement(text)
                for text in PROJECT["project"]["dependencies"]}  # fmt: skip
    pinned = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            pinned[requirement.name.lower()] = requirement
    # The package needs PySide6's essentials only; the pinned set installs PySide6 whole.
    pinned["pyside6-essentials"] = Requirement(
        str(pinned.pop("pyside6")).replace("PySide6", "PySide6-Essentials")
    )
    assert set(declared) == set(pinned)
    for name, requirement in pinned.items():
        [spec] = requirement.specifier
        assert declared[name].specifier.contains(spec.version), (name, str(declared[name]))
    assert str(pinned["sqlcipher3"]) == str(declared["sqlcipher3"]) == "sqlcipher3==0.6.4"


def test_the_commands_are_declared():
    assert PROJECT["project"]["scripts"] == {"jaring": "main:main"}
    # gui-scripts: no console window opens with the app on Windows.
    assert PROJECT["project"]["gui-scripts"] == {"jaring-gui": "main:main"}


def test_one_version_read_from_models_version_without_importing_it():
    assert PROJECT["project"]["dynamic"] == ["version"]
    assert SETUPTOOLS["dynamic"]["version"] == {"attr": "models.version.APP_VERSION"}
    tree = ast.parse((ROOT / "models" / "version.py").read_text(encoding="utf-8"))
    [literal] = [
        node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and [t.id for t in node.targets if isinstance(t, ast.Name)] == ["APP_VERSION"]
        and isinstance(node.value, ast.Constant)
    ]
    assert literal == APP_VERSION and str(Version(APP_VERSION)) == APP_VERSION
    assert re.fullmatch(r"\d+\.\d+\.\d+", APP_VERSION)
