"""Jaring: the GUI by default, sub-commands for scripted work.

    python main.py [--db PATH]                       open the app
    python main.py --version                         Jaring, database schema, Qt, Python
    python main.py demo --records N [--seed S]       fill the database with fake people
    python main.py district-init --name NAME --regency 62.08 --profile-out FILE
    python main.py officer-init --profile FILE --officer NAME --enrol-out FILE
    python main.py enrol FILE                        district: trust an officer device
    python main.py revoke DEVICE_ID                  district: stop trusting a device
    python main.py export --out DIR [--rewrite SEQ]  officer: ready records -> new batch file
    python main.py import FILE_OR_DIR...             district: verify + merge batches
    python main.py serve --host 127.0.0.1 --port 8765 [--certfile F --keyfile F]
                                                     district: the HTTP sync endpoint
    python main.py sync --url URL                    officer: push batches, pull updates
    python main.py write-updates --out DIR [--device ID ...]
                                                     district: signed <device>.updates.json
    python main.py apply-updates FILE                officer: apply a district updates file
    python main.py reject ID... --reason TEXT        district: BPJS refused these registrations
    python main.py print-summary --out FILE.pdf [--paper A4|F4]
                                                     the dashboard's one-page summary

``import --receipts`` also writes each device's updates file beside its receipt, and
``export --out DIR`` applies this device's updates file found in DIR, as it reads the receipt.

Sub-commands exit non-zero with a one-line reason on failure; ``--json`` prints one JSON
object as the last line.
"""

from __future__ import annotations

import json
import sys
from contextlib import closing
from pathlib import Path

from cli.commands import COMMANDS, db_path
from cli.parser import build_parser
from cli.protection import WITHOUT_DATABASE, open_for, run_restore
from models import private_temp
from models.db import DatabaseError, default_db_path
from models.sqlite_driver import sqlite


def _domain_errors() -> tuple[type[Exception], ...]:
    """Errors of the sub-commands that carry a one-line reason for the user."""
    from excel.export import ExcelExportError
    from excel.list_import import ExcelImportError
    from exchange.keys import KeyStoreError
    from exchange.receipts import ReceiptError
    from models.identity import IdentityError, TrustError

    return (IdentityError, TrustError, KeyStoreError, ReceiptError, ExcelExportError,
            ExcelImportError)  # fmt: skip


#: Sub-commands that print the paths they wrote instead of a summary (without --json).
_PRINT_PATHS = ("export", "print-forms", "print-list", "print-summary", "excel-export",
                "write-updates")  # fmt: skip

#: Sub-commands that may start a new database; the others work on one that exists, so a
#: mistyped --db is an error rather than a new, empty database.
_CREATING = ("demo", "district-init", "officer-init")


def _check_arguments(args) -> None:
    path = db_path(args)
    if args.command in WITHOUT_DATABASE:
        return
    if args.command not in _CREATING and not Path(path).exists():
        raise ValueError(
            f"the database {path} does not exist (check --db; a new one is made by starting"
            " the app, district-init, officer-init or demo)"
        )
    if args.command == "demo" and args.records < 1:
        raise ValueError("--records must be at least 1")


def _run(args) -> dict:
    """The sub-command's result, on a connection of its own (the server opens its own)."""
    _check_arguments(args)
    if args.command == "restore":
        return run_restore(args, db_path(args))
    private_temp.start(db_path(args))  # what a killed job left in the private temporary folder
    with closing(open_for(args, Path(db_path(args)))) as db:
        return COMMANDS[args.command](db, args)


def main(argv: list[str] | None = None) -> int:
    args = build_parser(__doc__).parse_args(argv)
    args.db = getattr(args, "db", None)
    args.json = getattr(args, "json", False)
    args.no_encryption = getattr(args, "no_encryption", False)
    if args.command is None:
        from ui import qt_libraries

        # Qt aborts the process when its window system plugin cannot load: say why first.
        if problem := qt_libraries.cannot_start_text():
            qt_libraries.tell_outside_qt(problem)
            return 4
        from ui.app import run_app

        return run_app(args.db or default_db_path(), no_encryption=args.no_encryption)
    try:
        result = _run(args)
    except (DatabaseError, ValueError, OSError, sqlite.Error, *_domain_errors()) as exc:
        print(f"jaring {args.command}: {exc}", file=sys.stderr)
        if args.json:
            print(json.dumps({"error": str(exc)}))
        return 1
    status = result.pop("_exit", 0)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    elif args.command not in _PRINT_PATHS:
        print(", ".join(f"{k}: {v}" for k, v in result.items()))
    return status


if __name__ == "__main__":
    sys.exit(main())
