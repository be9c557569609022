"""The benchmarks import what exists: their imports sit inside functions (so that a run
measures them), where neither ruff nor the test run would notice a module that moved."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHES = sorted((ROOT / "bench").glob("*.py"))


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # its package is missing
        return False


@pytest.mark.parametrize("path", BENCHES, ids=lambda p: p.name)
def test_every_module_a_benchmark_imports_exists(path):
    assert sorted(name for name in imported_modules(path) if not exists(name)) == []
