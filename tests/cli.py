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
    """Run ``main(args)`` and capture what it printed (output captured earlier is dropped).

    The database is plain (``--no-encryption`` added) unless the command names a
    passphrase file: the encrypted paths have tests of their own (tests/test_protection.py).
    """
    capsys.readouterr()
    argv = [str(a) for a in args]
    if argv and not any(a.startswith(("--passphrase-file", "--no-encryption")) for a in argv):
        argv.append("--no-encryption")
    code = main(argv)
    captured = capsys.readouterr()
    return Ran(code, captured.out, captured.err)
