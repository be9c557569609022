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
    init = commands.add_parser(
        "district-init", parents=[common], help="district: make keys and a district profile"
    )
    init.add_argument("--name", required=True, help="name of the district office")
    init.add_argument("--regency", required=True, help="Kemendagri code, e.g. 62.08")
    init.add_argument("--target", type=int, help="workers to register (default: settings)")
    init.add_argument("--profile-out", type=Path, required=True)
    officer = commands.add_parser(
        "officer-init", parents=[common], help="officer: make device keys and an enrolment"
    )
    officer.add_argument("--profile", type=Path, required=True)
    officer.add_argument("--officer", required=True, help="the officer's name")
    officer.add_argument("--enrol-out", type=Path, required=True)
    enrol = commands.add_parser("enrol", parents=[common], help="district: trust a device")
    enrol.add_argument("file", type=Path)
    revoke = commands.add_parser("revoke", parents=[common], help="district: revoke a device")
    revoke.add_argument("device_id")
    export = commands.add_parser("export", parents=[common], help="officer: write a batch")
    export.add_argument("--out", type=Path, required=True, help="folder (e.g. the USB stick)")
    export.add_argument("--rewrite", type=int, metavar="SEQ", help="write a lost batch again")
    imports = commands.add_parser("import", parents=[common], help="district: merge batches")
    imports.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR")
    imports.add_argument(
        "--receipts",
        action="store_true",
        help="write each officer device's signed receipt into the folder its batches came from",
    )
    serve = commands.add_parser("serve", parents=[common], help="district: HTTP sync endpoint")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=_port, default=8765, help="1-65535")
    serve.add_argument("--certfile", help="TLS certificate (PEM); with --keyfile")
    serve.add_argument("--keyfile", help="TLS private key (PEM)")
    sync = commands.add_parser("sync", parents=[common], help="officer: send to the district")
    sync.add_argument("--url", help="district server, e.g. https://kab.example:8765 (default:"
                      " the address in the settings)")  # fmt: skip
    sync.add_argument("--cafile", help="CA bundle that signed the district's TLS certificate")
    write_updates = commands.add_parser(
        "write-updates", parents=[common], help="district: status updates files for USB"
    )
    write_updates.add_argument("--out", type=Path, required=True, help="folder (USB stick)")
    write_updates.add_argument("--device", nargs="+", dest="devices", metavar="ID",
                               help="default: every device that sent batches")  # fmt: skip
    apply_updates = commands.add_parser(
        "apply-updates", parents=[common], help="officer: apply a district updates file"
    )
    apply_updates.add_argument("file", type=Path, metavar="FILE.updates.json")
    reject = commands.add_parser(
        "reject", parents=[common], help="district: mark registrations rejected, with a reason"
    )
    reject.add_argument("ids", nargs="+", metavar="ID")
    reject.add_argument("--reason", required=True, help="why (the officer sees it)")
    forms = commands.add_parser(
        "print-forms", parents=[common], help="registration forms (or a blank form) as PDF"
    )
    forms.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    forms.add_argument("--id", nargs="+", dest="ids", metavar="ID", help="default: all")
    forms.add_argument("--blank", action="store_true", help="a blank form for handwriting")
    forms.add_argument("--paper", choices=("A4", "F4"), default="A4")
    lists = commands.add_parser(
        "print-list", parents=[common], help="daftar nominatif of a desa, kecamatan or regency"
    )
    lists.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    scope = lists.add_mutually_exclusive_group()
    scope.add_argument("--desa", metavar="CODE", help="e.g. 62.08.01.2001")
    scope.add_argument("--kecamatan", metavar="CODE", help="e.g. 62.08.01")
    lists.add_argument("--paper", choices=("A4", "F4"), default="A4")
    summary = commands.add_parser(
        "print-summary", parents=[common], help="the dashboard's one-page summary as PDF"
    )
    summary.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    summary.add_argument("--paper", choices=("A4", "F4"), default="A4")
    excel_out = commands.add_parser(
        "excel-export", parents=[common], help="master list, or BPJS collective files, as .xlsx"
    )
    excel_out.add_argument("--out", type=Path, required=True, help="FILE.xlsx, or DIR with --bpjs")
    excel_out.add_argument("--bpjs", action="store_true", help="BPJS collective-upload files")
    excel_out.add_argument("--status", help="only this status (master list)")
    excel_out.add_argument("--kecamatan", metavar="CODE")
    excel_out.add_argument("--desa", metavar="CODE")
    excel_out.add_argument(
        "--mark-submitted", action="store_true", help="with --bpjs: mark what left 'submitted'"
    )
    excel_in = commands.add_parser(
        "excel-import", parents=[common], help="a village's list of workers, or BPJS's KPJs"
    )
    excel_in.add_argument("file", type=Path, metavar="FILE.xlsx")
    excel_in.add_argument("--sheet", help="the sheet to read (default: the first with a header)")
    excel_in.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    excel_in.add_argument("--kpj", action="store_true", help="FILE holds BPJS's NIK and KPJ")
    return parser


def _db_path(args) -> Path:
    return args.db or default_db_path()


def _run_district_init(args) -> dict:
    from exchange.enrolment import init_district
    from exchange.keys import key_folder_for, write_json_atomic
    from models.settings import load_settings

    path = _db_path(args)
    with closing(open_database(path)) as db:
        target = args.target or load_settings(db).target
        profile = init_district(db, key_folder_for(path), args.name, args.regency, target)
        write_json_atomic(args.profile_out, profile)
    return {"profile": str(args.profile_out), "fingerprint": profile["fingerprint"]}


def _run_officer_init(args) -> dict:
    from exchange.enrolment import init_officer
    from exchange.keys import key_folder_for, read_district_profile, write_json_atomic

    path = _db_path(args)
    profile = read_district_profile(args.profile)
    with closing(open_database(path)) as db:
        enrolment = init_officer(db, key_folder_for(path), profile, args.officer)
        write_json_atomic(args.enrol_out, enrolment)
    return {
        "enrolment": str(args.enrol_out),
        "device_id": enrolment["device_id"],
        "fingerprint": enrolment["fingerprint"],
        "district_fingerprint": profile["fingerprint"],
    }


def _run_enrol(args) -> dict:
    from exchange.enrolment import enrol

    with closing(open_database(_db_path(args))) as db:
        device = enrol(db, args.file, actor="command line")
    return {"device_id": device.device_id, "officer": device.officer,
            "fingerprint": device.fingerprint}  # fmt: skip


def _run_revoke(args) -> dict:
    from models.identity import revoke_device

    with closing(open_database(_db_path(args))) as db:
        device = revoke_device(db, args.device_id, actor="command line")
    return {"device_id": device.device_id, "revoked_at": device.revoked_at}


def _run_export(args) -> dict:
    from exchange.transfer import export_batch, rewrite_lost_batch

    if not args.out.is_dir():
        raise ValueError(f"{args.out} is not a folder (is the USB stick plugged in?)")
    with closing(open_database(_db_path(args))) as db:
        if args.rewrite is not None:
            path = rewrite_lost_batch(db, args.rewrite, args.out)
            return {"batch": str(path), "seq": args.rewrite, "rewritten": True}
        acknowledged = _read_receipt(db, args.out)
        updated = _read_updates(db, args.out)
        result = export_batch(db, args.out)
    if result is None:
        print("nothing to export: no ready registration changed since the last batch")
        return {"batch": None, "seq": None, "records": 0, "acknowledged": acknowledged,
                "updates_applied": updated}  # fmt: skip
    print(result.path)
    return {"batch": str(result.path), "seq": result.seq, "records": result.records,
            "acknowledged": acknowledged, "updates_applied": updated}  # fmt: skip


def _read_updates(db, folder: Path) -> int:
    """Apply this device's status updates file the district left in ``folder`` (how many
    registrations changed); a file that cannot be used is reported and stops nothing."""
    from exchange.receipts import ReceiptError
    from exchange.signed_updates import apply_updates_in
    from models.identity import load_identity

    identity = load_identity(db)
    try:
        found = apply_updates_in(db, folder, identity.name if identity else "")
    except ReceiptError as exc:
        print(f"jaring export: updates file not used: {exc}", file=sys.stderr)
        return 0
    return found.applied if found else 0


def _read_receipt(db, folder: Path) -> list[int]:
    """The batches a district receipt left in ``folder`` acknowledges (newly); a receipt
    that cannot be used is reported and does not stop the export."""
    from exchange.receipts import ReceiptError, apply_receipt_in

    try:
        found = apply_receipt_in(db, folder)
    except ReceiptError as exc:
        print(f"jaring export: receipt not used: {exc}", file=sys.stderr)
        return []
    if found and found.mismatched:
        print(
            "jaring export: the district's receipt names other batches under numbers"
            f" {found.mismatched}; ask the district office",
            file=sys.stderr,
        )
    return found.newly if found else []


def _run_import(args) -> dict:
    from exchange.transfer import import_batches

    with closing(open_database(_db_path(args))) as db:
        report = import_batches(db, args.paths, actor="command line", receipts=args.receipts)
    for rejected in report.batches_rejected:
        print(f"rejected {rejected['file']}: {rejected['reason']}", file=sys.stderr)
    for failed in report.receipt_errors:
        print(f"receipt not written in {failed['folder']}: {failed['reason']}", file=sys.stderr)
    result = report.as_json()
    if args.receipts:
        result["updates_files"] = _write_updates_beside(args, report.receipts)
    if report.batches_rejected:
        result["_exit"] = 1
    return result


def _write_updates_beside(args, receipts: list[str]) -> list[str]:
    """Each device's updates file next to its receipt, so the stick carries both back."""
    from exchange.receipts import SUFFIX, ReceiptError
    from exchange.signed_updates import write_update_files

    written = []
    with closing(open_database(_db_path(args))) as db:
        for receipt in map(Path, receipts):
            device = receipt.name.removesuffix(SUFFIX)
            try:
                written += [str(p) for p in write_update_files(db, receipt.parent, [device])]
            except (OSError, ValueError, ReceiptError) as exc:
                print(f"updates not written in {receipt.parent}: {exc}", file=sys.stderr)
    return written


def _port(text: str) -> int:
    """``--port``: a TCP port number, 1-65535."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return port


def _run_serve(args) -> dict:
    from httpsync.server import check_can_serve, serve

    path = _db_path(args)
    if not path.exists():
        raise ValueError(f"{path} does not exist (run district-init first)")
    check_can_serve(args.host, args.port, certfile=args.certfile, keyfile=args.keyfile)
    print(f"Jaring sync endpoint on {'https' if args.certfile else 'http'}://{args.host}:"
          f"{args.port}/v1/ for {path}", file=sys.stderr)  # fmt: skip
    serve(path, args.host, args.port, certfile=args.certfile, keyfile=args.keyfile)
    return {"stopped": True}


def _run_sync(args) -> dict:
    from httpsync.client import SyncError, sync
    from models.settings import load_settings

    with closing(open_database(_db_path(args))) as db:
        url = args.url or load_settings(db).sync_url
        if not url:
            raise ValueError("no --url given and no district address in the settings")
        try:
            result = sync(db, url, verify=args.cafile or True)
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


def _run_write_updates(args) -> dict:
    from exchange.receipts import ReceiptError
    from exchange.signed_updates import write_update_files

    if not args.out.is_dir():
        raise ValueError(f"{args.out} is not a folder (is the USB stick plugged in?)")
    with closing(open_database(_db_path(args))) as db:
        try:
            paths = write_update_files(db, args.out, args.devices)
        except ReceiptError as exc:
            raise ValueError(str(exc)) from None
    for path in paths:
        print(path)
    return {"files": [str(p) for p in paths]}


def _run_apply_updates(args) -> dict:
    from exchange.receipts import ReceiptError
    from exchange.signed_updates import apply_updates, read_updates_file
    from models.identity import load_identity

    with closing(open_database(_db_path(args))) as db:
        identity = load_identity(db)
        try:
            done = apply_updates(
                db, read_updates_file(args.file), identity.name if identity else ""
            )
        except ReceiptError as exc:
            raise ValueError(str(exc)) from None
    return {"updates_applied": done.applied, "unchanged": done.unchanged,
            "skipped": done.skipped}  # fmt: skip


def _run_reject(args) -> dict:
    from models.identity import load_identity
    from models.status_updates import reject_registrations

    with closing(open_database(_db_path(args))) as db:
        identity = load_identity(db)
        if identity is None or identity.role != "district":
            raise ValueError("only the district database rejects registrations")
        try:
            changed = reject_registrations(
                db, dict.fromkeys(args.ids, args.reason), actor="command line"
            )
        except KeyError as exc:
            raise ValueError(f"no live registration with id {exc.args[0]}") from None
    return {"rejected": changed}


def _qt_app(db):
    """A Qt application without a window (works without a display) in the installation's
    language: for painting PDFs and for the translated problem texts of an import."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from models.settings import load_settings
    from ui.i18n import install_translators

    app = QGuiApplication.instance() or QGuiApplication(["jaring"])
    install_translators(app, load_settings(db).language)
    return app


def _pdf_out(path: Path) -> Path:
    if path.suffix.lower() != ".pdf":
        raise ValueError(f"{path}: the output must be a .pdf file")
    if not path.parent.is_dir():
        raise ValueError(f"{path.parent} is not a folder (is the USB stick plugged in?)")
    return path


def _run_print_forms(args) -> dict:
    from models.nominatif import registrations_for_list
    from models.store import RegistrationStore
    from printing.context import print_context
    from printing.forms import paint_forms
    from printing.paper import write_pdf

    out = _pdf_out(args.out)
    with closing(open_database(_db_path(args))) as db:
        _app = _qt_app(db)
        if args.blank:
            registrations = [None]
        elif args.ids:
            store = RegistrationStore(db)
            registrations = [store.get(rid) for rid in args.ids]
            missing = [rid for rid, reg in zip(args.ids, registrations, strict=True) if not reg]
            if missing:
                raise ValueError(f"no registration with id {', '.join(missing)}")
        else:
            registrations = registrations_for_list(db)
            if not registrations:
                raise ValueError("no registrations to print (drafts are not printed)")
        context = print_context(db, paper=args.paper)
        pages = write_pdf(
            out, lambda device: paint_forms(device, registrations, context),
            paper=args.paper, title="Formulir pendaftaran",
        )  # fmt: skip
    print(out)
    return {"pdf": str(out), "pages": pages, "forms": len(registrations)}


def _run_print_list(args) -> dict:
    from models.nominatif import registrations_for_list
    from printing.context import print_context
    from printing.lists import paint_village_list
    from printing.paper import write_pdf

    out = _pdf_out(args.out)
    with closing(open_database(_db_path(args))) as db:
        _app = _qt_app(db)
        context = print_context(db, paper=args.paper)
        for code, known in ((args.desa, context.regions.village),
                            (args.kecamatan, context.regions.kecamatan_known)):  # fmt: skip
            if code and not known(code):
                raise ValueError(f"unknown region code {code}")
        registrations = registrations_for_list(db, desa=args.desa, kecamatan=args.kecamatan)
        pages = write_pdf(
            out,
            lambda device: paint_village_list(
                device, registrations, context, desa=args.desa, kecamatan=args.kecamatan
            ),
            paper=args.paper, landscape=True, title="Daftar nominatif",
        )  # fmt: skip
    print(out)
    return {"pdf": str(out), "pages": pages, "registrations": len(registrations)}


def _run_print_summary(args) -> dict:
    from datetime import date

    from models.dashboard import dashboard, local_utc_offset
    from printing.context import print_context
    from printing.paper import write_pdf
    from printing.summary import paint_summary

    out = _pdf_out(args.out)
    with closing(open_database(_db_path(args))) as db:
        _app = _qt_app(db)
        today = date.today()
        context = print_context(db, paper=args.paper, today=today)
        data = dashboard(db, today=today, utc_offset_hours=local_utc_offset())
        pages = write_pdf(
            out, lambda device: paint_summary(device, data, context),
            paper=args.paper, title="Ringkasan capaian",
        )  # fmt: skip
    print(out)
    progress = data.overview.progress
    return {"pdf": str(out), "pages": pages, "counted": progress.counted,
            "target": progress.target}  # fmt: skip


def _run_excel_export(args) -> dict:
    from excel.export import export_bpjs, export_master

    with closing(open_database(_db_path(args))) as db:
        if args.bpjs:
            if not args.out.is_dir():
                raise ValueError(f"{args.out} is not a folder")
            done = export_bpjs(db, args.out, mark_submitted=args.mark_submitted,
                               actor="command line")  # fmt: skip
            for path in done.paths:
                print(path)
            return {"files": [str(p) for p in done.paths], "rows": done.rows,
                    "marked": done.marked, "skipped": len(done.skipped)}  # fmt: skip
        if args.mark_submitted:
            raise ValueError("--mark-submitted goes with --bpjs")
        done = export_master(db, args.out, status=args.status, kecamatan=args.kecamatan,
                             desa=args.desa)  # fmt: skip
    print(done.path)
    return {"file": str(done.path), "rows": done.rows}


def _run_excel_import(args) -> dict:
    from excel.kpj_import import import_kpj
    from excel.list_import import read_list, write_list
    from ui import labels

    with closing(open_database(_db_path(args))) as db:
        _app = _qt_app(db)  # problem texts come translated, in the app's language
        if args.kpj:
            result = import_kpj(db, args.file, "command line", dry_run=args.dry_run)
            return result.as_json(labels.problem_text)
        plan = read_list(db, args.file, sheet=args.sheet)
        report = plan.as_json(labels.problem_text)
        if not args.dry_run:
            report["written"] = write_list(db, plan, "command line").as_json()
    report["dry_run"] = args.dry_run
    return report


def _run_demo(args) -> dict:
    from demo.fill import fill_demo
    from models.store import RegistrationStore

    if args.records < 1:
        raise ValueError("--records must be at least 1")
    path = args.db or default_db_path()
    with closing(open_database(path)) as db:
        if not args.force and RegistrationStore(db).count():
            raise ValueError(
                f"{path} already holds registrations; fake people would mix with real ones."
                " Use another --db, or --force."
            )
        created = fill_demo(db, args.records, seed=args.seed)
    return {"records": created, "seed": args.seed, "db": str(path)}


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
    from models.identity import IdentityError, TrustError

    return (IdentityError, TrustError, KeyStoreError, ExcelExportError, ExcelImportError)


#: Sub-commands that may start a new database; the others work on one that exists, so a
#: mistyped --db is an error rather than a new, empty database.
_CREATING = ("demo", "district-init", "officer-init")


def _check_database_exists(args) -> None:
    path = _db_path(args)
    if args.command not in _CREATING and not Path(path).exists():
        raise ValueError(
            f"the database {path} does not exist (check --db; a new one is made by starting"
            " the app, district-init, officer-init or demo)"
        )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.db = getattr(args, "db", None)
    args.json = getattr(args, "json", False)
    if args.command is None:
        from ui.app import run_app

        return run_app(args.db or default_db_path())
    try:
        _check_database_exists(args)
        result = COMMANDS[args.command](args)
    except (DatabaseError, ValueError, OSError, sqlite3.Error, *_domain_errors()) as exc:
        print(f"jaring {args.command}: {exc}", file=sys.stderr)
        if args.json:
            print(json.dumps({"error": str(exc)}))
        return 1
    status = result.pop("_exit", 0)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    elif args.command not in (
        "export",
        "print-forms",
        "print-list",
        "print-summary",
        "excel-export",
        "write-updates",
    ):
        print(", ".join(f"{k}: {v}" for k, v in result.items()))
    return status


if __name__ == "__main__":
    sys.exit(main())
