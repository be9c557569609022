"""Jaring: the GUI by default, sub-commands for scripted work.

    python main.py [--db PATH]                       open the app
    python main.py demo --records N [--seed S]       fill the database with fake people

Sub-commands exit non-zero with a one-line reason on failure; ``--json`` prints one JSON
object as the last line.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from models.db import DatabaseError, default_db_path, open_database


def _parser() -> argparse.ArgumentParser:
    # The shared options may stand before or after the sub-command; SUPPRESS keeps the
    # sub-command's copy from overwriting a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        help="database file (default: user data folder)",
    )
    common.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print a JSON summary last",
    )
    parser = argparse.ArgumentParser(
        prog="jaring",
        parents=[common],
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser("demo", parents=[common], help="fill with realistic fake data")
    demo.add_argument("--records", type=int, required=True)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument(
        "--force", action="store_true", help="add demo people to a database that has data"
    )
    return parser


def _run_demo(args) -> dict:
    from models.demo import fill_demo
    from models.store import RegistrationStore

    if args.records < 1:
        raise ValueError("--records must be at least 1")
    path = args.db or default_db_path()
    db = open_database(path)
    try:
        if not args.force and RegistrationStore(db).count():
            raise ValueError(
                f"{path} already holds registrations; fake people would mix with real ones."
                " Use another --db, or --force."
            )
        created = fill_demo(db, args.records, seed=args.seed)
    finally:
        db.close()
    return {"records": created, "seed": args.seed, "db": str(path)}


COMMANDS = {"demo": _run_demo}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.db = getattr(args, "db", None)
    args.json = getattr(args, "json", False)
    if args.command is None:
        from ui.app import run_app

        return run_app(args.db or default_db_path())
    try:
        result = COMMANDS[args.command](args)
    except (DatabaseError, ValueError, OSError, sqlite3.Error) as exc:
        print(f"jaring {args.command}: {exc}", file=sys.stderr)
        if args.json:
            print(json.dumps({"error": str(exc)}))
        return 1
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(", ".join(f"{k}: {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
