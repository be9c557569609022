"""The use-case layer's place: app/ calls models/, exchange/, excel/, httpsync/ and (for its
print jobs) printing/, never ui/ or Qt widgets; below it nothing calls app/, and the sync
endpoint shares its merge through exchange/ (the client is imported by app/, so app/ may not
be imported by httpsync/)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def imported(path: Path) -> set[str]:
    """Every module a file imports, at any depth of its code."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def top(name: str) -> str:
    return name.split(".")[0]


def test_the_checker_sees_imports_inside_functions(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from ui.dialogs import ask\n    import PySide6.QtWidgets\n")
    assert imported(sample) == {"ui.dialogs", "PySide6.QtWidgets"}


def test_app_imports_no_ui_and_no_widgets():
    offenders = {
        path.name: sorted(n for n in imported(path) if top(n) == "ui" or "QtWidgets" in n)
        for path in files("app")
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_only_the_print_jobs_paint():
    painting = {
        path.name for path in files("app")
        if any(top(n) in ("printing", "PySide6") for n in imported(path))
    }  # fmt: skip
    assert painting == {"print_jobs.py"}


def test_nothing_below_app_imports_it():
    offenders = {
        path.relative_to(ROOT).as_posix()
        for path in files("models", "exchange", "excel", "httpsync", "printing", "demo")
        if any(top(n) == "app" for n in imported(path))
    }
    assert offenders == set()


def test_the_use_case_modules_stay_small():
    assert {p.name: n for p in files("app") if (n := len(p.read_text().splitlines())) > 400} == {}
