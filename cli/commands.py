"""The sub-commands: each calls one use case of app/ on the database ``main`` opened, prints
what a script reads (the paths written, the lines rejected) and returns its summary as a
dict, which ``main`` prints (as JSON with ``--json``). A key ``_exit`` in it is the exit
code when the command ran but something in it failed. Today's date (the demo people's ages,
the day on printed paper) is read in one place, `models.clock.today`, which tests set."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from cli.card_handover import COMMANDS as CARD_HANDOVER_COMMANDS
from cli.programme_year import COMMANDS as PROGRAMME_YEAR_COMMANDS
from cli.protection import COMMANDS as PROTECTION_COMMANDS
from models import clock
from models.db import default_db_path

#: Who the command line is in the audit log on a plain database (no accounts).
CLI_ACTOR = "command line"


def cli_actor(db) -> str:
    """Who the command works as, for the audit log: the account that unlocked the
    database, else `CLI_ACTOR`."""
    from models.db import database_path
    from models.keyring import remembered

    unlocked = remembered(database_path(db))
    return unlocked.user if unlocked is not None and unlocked.user else CLI_ACTOR


def db_path(args) -> Path:
    """The database the command works on: ``--db``, or the one in the user's data folder."""
    return args.db or default_db_path()


# --- set-up and trust ---------------------------------------------------------------------


def _run_demo(db, args) -> dict:
    from demo.fill import fill_demo
    from models.store import RegistrationStore

    if not args.force and RegistrationStore(db).count():
        raise ValueError(
            f"{db_path(args)} already holds registrations; fake people would mix with real"
            " ones. Use another --db, or --force."
        )
    created = fill_demo(db, args.records, seed=args.seed, today=clock.today())
    return {"records": created, "seed": args.seed, "db": str(db_path(args))}


def _run_district_init(db, args) -> dict:
    from app.district import set_up_district

    done = set_up_district(db, args.name, args.regency, args.profile_out, args.target)
    result = {"profile": str(done.profile_path), "fingerprint": done.fingerprint}
    if getattr(args, "recovery_code", None):
        # Shown once, never stored: the district writes it down or prints it.
        print(f"KODE PEMULIHAN (simpan di tempat aman, hanya ditampilkan sekali):"
              f" {args.recovery_code}", file=sys.stderr)  # fmt: skip
        result["recovery_code"] = args.recovery_code
    return result


def _run_officer_init(db, args) -> dict:
    from app.officer import set_up_officer

    done = set_up_officer(db, args.profile, args.officer, args.enrol_out)
    return {"enrolment": str(done.enrolment_path), "device_id": done.device_id,
            "fingerprint": done.fingerprint,
            "district_fingerprint": done.district_fingerprint}  # fmt: skip


def _run_enrol(db, args) -> dict:
    from app.district import enrol

    device = enrol(db, args.file, actor=cli_actor(db))
    return {"device_id": device.device_id, "officer": device.officer,
            "fingerprint": device.fingerprint}  # fmt: skip


def _run_revoke(db, args) -> dict:
    from app.district import revoke

    device = revoke(db, args.device_id, actor=cli_actor(db))
    return {"device_id": device.device_id, "revoked_at": device.revoked_at}


# --- batches, sync and status updates -----------------------------------------------------


def _run_export(db, args) -> dict:
    from app.officer import export_to_folder

    if args.rewrite is not None:
        path = _rewrite(db, args.rewrite, args.out)
        return {"batch": str(path), "seq": args.rewrite, "rewritten": True}
    done = export_to_folder(db, args.out)
    for problem in done.problems():
        print(f"jaring export: {problem}", file=sys.stderr)
    if done.batch is None:
        print("nothing to export: no ready registration changed since the last batch")
    else:
        print(done.batch.path)
    return done.as_json()


def _rewrite(db, seq: int, out: Path) -> Path:
    """``--rewrite SEQ``: a number that names no batch of this device is a one-line reason."""
    from app.officer import rewrite_to_folder

    missing = ValueError(
        f"--rewrite {seq}: tidak ada batch nomor {seq} di riwayat perangkat ini (nomor batch"
        " mulai dari 1; lihat halaman Batch)"
    )
    if not 1 <= seq < 2**63:  # SQLite's integers; below 1 no batch was ever numbered
        raise missing
    try:
        return rewrite_to_folder(db, seq, out)
    except KeyError:
        raise missing from None


def _run_import(db, args) -> dict:
    from app.batch_import import import_batches

    report = import_batches(db, args.paths, actor=cli_actor(db), receipts=args.receipts)
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

    path = db_path(args)
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

    return {"rejected": reject(db, args.ids, args.reason, actor=cli_actor(db))}


# --- printing ------------------------------------------------------------------------------


def _run_print_forms(db, args) -> dict:
    from ui.printing.print_jobs import print_forms

    done = print_forms(db, args.out, ids=args.ids, blank=args.blank, paper=args.paper,
                       today=clock.today())  # fmt: skip
    print(done.path)
    return {"pdf": str(done.path), "pages": done.pages, "forms": done.count}


def _run_print_list(db, args) -> dict:
    from ui.printing.print_jobs import print_list

    done = print_list(db, args.out, desa=args.desa, kecamatan=args.kecamatan, paper=args.paper,
                      today=clock.today())  # fmt: skip
    print(done.path)
    return {"pdf": str(done.path), "pages": done.pages, "registrations": done.count}


def _run_print_summary(db, args) -> dict:
    from ui.printing.print_jobs import print_summary

    done = print_summary(db, args.out, paper=args.paper, today=clock.today())
    print(done.path)
    return {"pdf": str(done.path), "pages": done.pages, "counted": done.counted,
            "target": done.target}  # fmt: skip


# --- Excel ----------------------------------------------------------------------------------


def _run_excel_export(db, args) -> dict:
    from app.excel_jobs import export_bpjs, export_master

    if args.bpjs:
        if not args.out.is_dir():
            raise ValueError(f"{args.out} is not a folder")
        done = export_bpjs(db, args.out, mark_submitted=args.mark_submitted,
                                 actor=cli_actor(db))  # fmt: skip
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


def _run_excel_import(db, args) -> dict:
    from app.excel_jobs import import_kpj, import_village_list
    from models.settings import load_settings
    from ui.i18n.messages import problem_text
    from ui.i18n.translators import application_for

    application_for(load_settings(db).language)  # problem texts in the app's language
    if args.kpj:
        done = import_kpj(db, args.file, cli_actor(db), dry_run=args.dry_run)
        return done.as_json(problem_text)
    done = import_village_list(db, args.file, cli_actor(db), sheet=args.sheet, dry_run=args.dry_run)
    report = done.plan.as_json(problem_text)
    if done.written is not None:
        report["written"] = done.written.as_json()
    report["dry_run"] = args.dry_run
    return report


#: Each sub-command's function: ``(db, args) -> summary``.
COMMANDS: dict[str, Callable[..., dict]] = {
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
    **PROTECTION_COMMANDS,
    **PROGRAMME_YEAR_COMMANDS,
    **CARD_HANDOVER_COMMANDS,
}
