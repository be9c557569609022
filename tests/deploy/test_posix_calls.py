"""Windows runs the same code: no POSIX-only call (file modes, fcntl, POSIX signals, user
ids, fork) may stand in the app's code unless a test of the platform guards it, as
``if os.name == "posix":`` does for the key folder's mode in exchange/key_files.py."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGES = ("models", "exchange", "excel", "httpsync", "app", "cli", "demo", "ui")

POSIX_MODULES = {"fcntl", "pwd", "grp", "termios", "resource", "posix", "tty", "pty"}
POSIX_OS = {"getuid", "geteuid", "getgid", "getegid", "fork", "setsid", "killpg", "getpgid",
            "setpgrp", "uname", "chown", "lchown", "mkfifo", "sync"}  # fmt: skip
POSIX_SIGNALS = {"SIGHUP", "SIGKILL", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGPIPE",
                 "SIGQUIT", "SIGSTOP", "SIGCONT", "alarm", "pause", "setitimer"}  # fmt: skip
#: What a guard tests: the platform, or whether the name exists at all.
GUARDS = ("os.name", "sys.platform", "hasattr", "platform.system")


def posix_only(node: ast.AST) -> str:
    """What POSIX-only thing ``node`` uses ("" for none)."""
    if isinstance(node, ast.Import):
        names = {alias.name.split(".")[0] for alias in node.names}
        return ", ".join(sorted(names & POSIX_MODULES))
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        return node.module if node.module.split(".")[0] in POSIX_MODULES else ""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("chmod", "lchmod", "fchmod")
    ):
        return node.func.attr
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        if node.value.id == "os" and node.attr in POSIX_OS:
            return f"os.{node.attr}"
        if node.value.id == "signal" and node.attr in POSIX_SIGNALS:
            return f"signal.{node.attr}"
    return ""


def unguarded(source: str) -> list[str]:
    """POSIX-only uses in ``source`` outside an ``if`` on the platform, as "line: what"."""
    tree = ast.parse(source)
    guarded_lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If | ast.IfExp) and any(
            guard in ast.unparse(node.test) for guard in GUARDS
        ):
            body = node.body if isinstance(node.body, list) else [node.body]
            for part in body:
                guarded_lines |= {n.lineno for n in ast.walk(part) if hasattr(n, "lineno")}
    return [
        f"{node.lineno}: {found}"
        for node in ast.walk(tree)
        if (found := posix_only(node)) and node.lineno not in guarded_lines
    ]


@pytest.mark.parametrize(
    "source",
    [
        "import fcntl",
        "from pwd import getpwuid",
        "folder.chmod(0o700)",
        "os.chmod(path, 0o600)",
        "uid = os.getuid()",
        "signal.signal(signal.SIGHUP, handler)",
        "if verbose:\n    os.kill(pid, signal.SIGKILL)",
    ],
)
def test_the_checker_sees_posix_only_calls(source):
    assert unguarded(source)


@pytest.mark.parametrize(
    "source",
    [
        "if os.name == 'posix':\n    folder.chmod(0o700)",
        "if sys.platform != 'win32':\n    import fcntl",
        "if hasattr(os, 'getuid'):\n    uid = os.getuid()",
        "signal.signal(signal.SIGINT, handler)",
        "flags = os.O_RDONLY | getattr(os, 'O_DIRECTORY', 0)",
        "os.replace(a, b)",
    ],
)
def test_the_checker_accepts_guarded_or_portable_calls(source):
    assert unguarded(source) == []


def test_the_app_has_no_unguarded_posix_only_call():
    found = {
        path.relative_to(ROOT).as_posix(): hits
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if (hits := unguarded(path.read_text(encoding="utf-8")))
    }
    found.update({"main.py": hits} if (hits := unguarded((ROOT / "main.py").read_text())) else {})
    assert found == {}
