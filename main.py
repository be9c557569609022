"""Jaring: the GUI by default, sub-commands for scripted work.

    python main.py [--db PATH]                       open the app
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

import argparse
import json
import sqlite3
import sys
from contextlib import closing
from datetime import date
from pathlib import Path

from models.db import DatabaseError, default_db_path, open_database

#: Who the command line is in the audit log.
CLI_ACTOR = "command line"


def _parser() -> argparse.ArgumentParser:
    # The shared options may stand before or after the sub-command; SUPPRESS keeps the
    # sub-command's copy from overwriting a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="database file (default: user data folder)")  # fmt: skip
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print a JSON summary last")  # fmt: skip
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="jaring", parents=[common], description=__doc__, formatter_class=raw
    )
    commands = parser.add_subparsers(dest="command")

    def add(name: str, text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[common], help=text)

    demo = add("demo", "fill with realistic fake data")
    demo.add_argument("--records", type=int, required=True)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument(
        "--force", action="store_true", help="add demo people to a database that has data"
    )
    init = add("district-init", "district: make keys and a district profile")
    init.add_argument("--name", required=True, help="name of the district office")
    init.add_argument("--regency", required=True, help="Kemendagri code, e.g. 62.08")
    init.add_argument("--target", type=int, help="workers to register (default: settings)")
    init.add_argument("--profile-out", type=Path, required=True)
    officer = add("officer-init", "officer: make device keys and an enrolment")
    officer.add_argument("--profile", type=Path, required=True)
    officer.add_argument("--officer", required=True, help="the officer's name")
    officer.add_argument("--enrol-out", type=Path, required=True)
    enrol = add("enrol", "district: trust a device")
    enrol.add_argument("file", type=Path)
    revoke = add("revoke", "district: revoke a device")
    revoke.add_argument("device_id")
    export = add("export", "officer: write a batch")
    export.add_argument("--out", type=Path, required=True, help="folder (e.g. the USB stick)")
    export.add_argument("--rewrite", type=int, metavar="SEQ", help="write a lost batch again")
    imports = add("import", "district: merge batches")
    imports.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR")
    imports.add_argument("--receipts", action="store_true", help="write each officer device's"
                         " signed receipt and updates file into the folder its batches came"
                         " from")  # fmt: skip
    serve = add("serve", "district: HTTP sync endpoint")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=_port, default=8765, help="1-65535")
    serve.add_argument("--certfile", help="TLS certificate (PEM); with --keyfile")
    serve.add_argument("--keyfile", help="TLS private key (PEM)")
    sync = add("sync", "officer: send to the district")
    sync.add_argument("--url", help="district server, e.g. https://kab.example:8765 (default:"
                      " the address in the settings)")  # fmt: skip
    sync.add_argument("--cafile", help="CA bundle that signed the district's TLS certificate")
    write_updates = add("write-updates", "district: status updates files for USB")
    write_updates.add_argument("--out", type=Path, required=True, help="folder (USB stick)")
    write_updates.add_argument("--device", nargs="+", dest="devices", metavar="ID",
                               help="default: every device that sent batches")  # fmt: skip
    apply_updates = add("apply-updates", "officer: apply a district updates file")
    apply_updates.add_argument("file", type=Path, metavar="FILE.updates.json")
    reject = add("reject", "district: mark registrations rejected, with a reason")
    reject.add_argument("ids", nargs="+", metavar="ID")
    reject.add_argument("--reason", required=True, help="why (the officer sees it)")
    forms = add("print-forms", "registration forms (or a blank form) as PDF")
    forms.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    forms.add_argument("--id", nargs="+", dest="ids", metavar="ID", help="default: all")
    forms.add_argument("--blank", action="store_true", help="a blank form for handwriting")
    forms.add_argument("--paper", choices=("A4", "F4"), default="A4")
    lists = add("print-list", "daftar nominatif of a desa, kecamatan or regency")
    lists.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    scope = lists.add_mutually_exclusive_group()
    scope.add_argument("--desa", metavar="CODE", help="e.g. 62.08.01.2001")
    scope.add_argument("--kecamatan", metavar="CODE", help="e.g. 62.08.01")
    lists.add_argument("--paper", choices=("A4", "F4"), default="A4")
    summary = add("print-summary", "the dashboard's one-page summary as PDF")
    summary.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    summary.add_argument("--paper", choices=("A4", "F4"), default="A4")
    excel_out = add("excel-export", "master list, or BPJS collective files, as .xlsx")
    excel_out.add_argument("--out", type=Path, required=True, help="FILE.xlsx, or DIR with --bpjs")
    excel_out.add_argument("--bpjs", action="store_true", help="BPJS collective-upload files")
    excel_out.add_argument("--status", help="only this status (master list)")
    excel_out.add_argument("--kecamatan", metavar="CODE")
    excel_out.add_argument("--desa", metavar="CODE")
    excel_out.add_argument(
        "--mark-submitted", action="store_true", help="with --bpjs: mark what left 'submitted'"
    )
    excel_in = add("excel-import", "a village's list of workers, or BPJS's KPJs")
    excel_in.add_argument("file", type=Path, metavar="FILE.xlsx")
    excel_in.add_argument("--sheet", help="the sheet to read (default: the first with a header)")
    excel_in.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    excel_in.add_argument("--kpj", action="store_true", help="FILE holds BPJS's NIK and KPJ")
    return parser


def _db_path(args) -> Path:
    return args.db or default_db_path()


def _port(text: str) -> int:
    """``--port``: a TCP port number, 1-65535."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return port


def _run_district_init(db, args) -> dict:
    from app.district import set_up_district

    done = set_up_district(db, args.name, args.regency, args.profile_out, args.target)
    return {"profile": str(done.profile_path), "fingerprint": done.fingerprint}


def _run_officer_init(db, args) -> dict:
    from app.officer import set_up_officer

    done = set_up_officer(db, args.profile, args.officer, args.enrol_out)
    return {"enrolment": str(done.enrolment_path), "device_id": done.device_id,
            "fingerprint": done.fingerprint,
            "district_fingerprint": done.district_fingerprint}  # fmt: skip


def _run_enrol(db, args) -> dict:
    from exchange.enrolment import enrol

    device = enrol(db, args.file, actor=CLI_ACTOR)
    return {"device_id": device.device_id, "officer": device.officer,
            "fingerprint": device.fingerprint}  # fmt: skip


def _run_revoke(db, args) -> dict:
    from models.identity import revoke_device

    device = revoke_device(db, args.device_id, actor=CLI_ACTOR)
    return {"device_id": device.device_id, "revoked_at": device.revoked_at}


def _run_export(db, args) -> dict:
    from app.officer import export_to_folder, rewrite_to_folder

    if args.rewrite is not None:
        path = rewrite_to_folder(db, args.rewrite, args.out)
        return {"batch": str(path), "seq": args.rewrite, "rewritten": True}
    done = export_to_folder(db, args.out)
    for problem in done.problems():
        print(f"jaring export: {problem}", file=sys.stderr)
    if done.batch is None:
        print("nothing to export: no ready registration changed since the last batch")
    else:
        print(done.batch.path)
    return done.as_json()


def _run_import(db, args) -> dict:
    from app.batch_import import import_batches

    report = import_batches(db, args.paths, actor=CLI_ACTOR, receipts=args.receipts)
    for rejected in report.batches_rejected:
        print(f"rejected {rejected['file']}: {rejected['reason']}", file=sys.stderr)
    for failed in report.receipt_errors:
        print(f"receipt not written in {failed['folder']}: {failed['reason']}", file=sys.stderr)
    for failed in report.updates_errors:
        print(f"updates not written in {failed['folder']}: {failed['reason']}", file=sys.stderr)
    result = report.as_json()
    if args.receipts:
        result["updates_files"] = report.updates_files
    if report.batches_rejected:
        result["_exit"] = 1
    return result


def _run_serve(db, args) -> dict:
    from httpsync.listening import check_can_serve
    from httpsync.server import serve

    path = _db_path(args)
    check_can_serve(args.host, args.port, certfile=args.certfile, keyfile=args.keyfile)
    print(f"Jaring sync endpoint on {'https' if args.certfile else 'http'}://{args.host}:"
          f"{args.port}/v1/ for {path}", file=sys.stderr)  # fmt: skip
    serve(path, args.host, args.port, certfile=args.certfile, keyfile=args.keyfile)
    return {"stopped": True}


def _run_sync(db, args) -> dict:
    from app.officer import sync_with_district
    from httpsync.client import SyncError

    try:
        result = sync_with_district(db, args.url, verify=args.cafile or True)
    except SyncError as exc:
        done = exc.result
        if done and (done.batches_sent or done.batches_already_there):
            raise ValueError(
                f"{exc} (before that: {done.batches_sent} batches sent,"
                f" {done.batches_already_there} already there)"
            ) from None
        raise ValueError(str(exc)) from None
    for failure in result.failures:
        print(f"batch {failure['seq']} refused: {failure['code']}: {failure['message']}",
              file=sys.stderr)  # fmt: skip
    summary = result.as_json()
    if result.batches_failed:
        summary["_exit"] = 1
    return summary


def _run_write_updates(db, args) -> dict:
    from app.district import write_updates

    paths = write_updates(db, args.out, args.devices)
    for path in paths:
        print(path)
    return {"files": [str(p) for p in paths]}


def _run_apply_updates(db, args) -> dict:
    from app.officer import apply_updates_file

    done = apply_updates_file(db, args.file)
    return {"updates_applied": done.applied, "unchanged": done.unchanged,
            "skipped": done.skipped}  # fmt: skip


def _run_reject(db, args) -> dict:
    from app.district import reject

    return {"rejected": reject(db, args.ids, args.reason, actor=CLI_ACTOR)}


def _run_print_forms(db, args) -> dict:
    from app.print_jobs import print_forms

    done = print_forms(db, args.out, ids=args.ids, blank=args.blank, paper=args.paper,
                       today=date.today())  # fmt: skip
    print(done.path)
    return {"pdf": str(done.path), "pages": done.pages, "forms": done.count}


def _run_print_list(db, args) -> dict:
    from app.print_jobs import print_list

    done = print_list(db, args.out, desa=args.desa, kecamatan=args.kecamatan, paper=args.paper,
                      today=date.today())  # fmt: skip
    print(done.path)
    return {"pdf": str(done.path), "pages": done.pages, "registrations": done.count}


def _run_print_summary(db, args) -> dict:
    from app.print_jobs import print_summary

    done = print_summary(db, args.out, paper=args.paper, today=date.today())
    print(done.path)
    return {"pdf": str(done.path), "pages": done.pages, "counted": done.counted,
            "target": done.target}  # fmt: skip


def _run_excel_export(db, args) -> dict:
    from app.excel_jobs import export_bpjs_files, export_master_list

    if args.bpjs:
        if not args.out.is_dir():
            raise ValueError(f"{args.out} is not a folder")
        done = export_bpjs_files(db, args.out, mark_submitted=args.mark_submitted,
                                 actor=CLI_ACTOR)  # fmt: skip
        for path in done.paths:
            print(path)
        return {"files": [str(p) for p in done.paths], "rows": done.rows,
                "marked": done.marked, "skipped": len(done.skipped)}  # fmt: skip
    if args.mark_submitted:
        raise ValueError("--mark-submitted goes with --bpjs")
    done = export_master_list(db, args.out, status=args.status, kecamatan=args.kecamatan,
                              desa=args.desa)  # fmt: skip
    print(done.path)
    return {"file": str(done.path), "rows": done.rows}


def _run_excel_import(db, args) -> dict:
    from app.excel_jobs import import_kpj_numbers, import_village_list
    from i18n.messages import problem_text
    from i18n.translators import application_for
    from models.settings import load_settings

    application_for(load_settings(db).language)  # problem texts in the app's language
    if args.kpj:
        done = import_kpj_numbers(db, args.file, CLI_ACTOR, dry_run=args.dry_run)
        return done.as_json(problem_text)
    done = import_village_list(db, args.file, CLI_ACTOR, sheet=args.sheet, dry_run=args.dry_run)
    report = done.plan.as_json(problem_text)
    if done.written is not None:
        report["written"] = done.written.as_json()
    report["dry_run"] = args.dry_run
    return report


def _run_demo(db, args) -> dict:
    from demo.fill import fill_demo
    from models.store import RegistrationStore

    if not args.force and RegistrationStore(db).count():
        raise ValueError(
            f"{_db_path(args)} already holds registrations; fake people would mix with real"
            " ones. Use another --db, or --force."
        )
    created = fill_demo(db, args.records, seed=args.seed)
    return {"records": created, "seed": args.seed, "db": str(_db_path(args))}


COMMANDS = {
    "demo": _run_demo,
    "district-init": _run_district_init,
    "officer-init": _run_officer_init,
    "enrol": _run_enrol,
    "revoke": _run_revoke,
    "export": _run_export,
    "import": _run_import,
    "serve": _run_serve,
    "sync": _run_sync,
    "write-updates": _run_write_updates,
    "apply-updates": _run_apply_updates,
    "reject": _run_reject,
    "print-forms": _run_print_forms,
    "print-list": _run_print_list,
    "print-summary": _run_print_summary,
    "excel-export": _run_excel_export,
    "excel-import": _run_excel_import,
}


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
    path = _db_path(args)
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
    with closing(open_database(_db_path(args))) as db:
        return COMMANDS[args.command](db, args)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.db = getattr(args, "db", None)
    args.json = getattr(args, "json", False)
    if args.command is None:
        from ui.app import run_app

        return run_app(args.db or default_db_path())
    try:
        result = _run(args)
    except (DatabaseError, ValueError, OSError, sqlite3.Error, *_domain_errors()) as exc:
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
