"""The command line called in-process, as a script would call ``python main.py``."""

from __future__ import annotations

import json
from dataclasses import dataclass

from main import main


@dataclass
class Ran:
    """One command's exit code, what it printed, and its ``--json`` summary (None without)."""

    code: int
    out: str
    err: str

    @property
    def summary(self) -> dict:
        return json.loads(self.out.strip().splitlines()[-1])


def run_cli(capsys, *args: str) -> Ran:
    """Run ``main(args)`` and capture what it printed (output captured earlier is dropped)."""
    capsys.readouterr()
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return Ran(code, captured.out, captured.err)
