"""The command line of the programme's year: payments and coverage, reconciliation with
BPJS's invoice, fiscal years and renewal, life events (`app.programme_year`).

    record-payment --from 2025-01 --to 2025-03 [--funding apbd] [--kecamatan 62.08.01]
    coverage --month 2025-03 [--json]
    reconcile --month 2025-03 [--invoice RP] [--kecamatan-invoice 62.08.01=RP ...]
    fiscal-year --year 2026 [--target N --budget RP [--note TEXT]]
    renewal --year 2025 --out FILE.xlsx [--pdf FILE.pdf]   (the list for 2026)
    record-event ID... --kind died --date 2025-03-14 [--note TEXT] [--heir-note FILE.pdf]

`add_commands` adds them to the parser (`cli.parser`), `COMMANDS` runs them
(`cli.commands`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from models import clock
from models.coverage_rules import EVENT_KINDS


def add_commands(add) -> None:
    """The sub-commands of the programme's year, in the order ``--help`` lists them."""
    payment = add("record-payment", "district: the regency paid these months to BPJS")
    payment.add_argument("--from", dest="first", required=True, metavar="YYYY-MM")
    payment.add_argument("--to", dest="last", required=True, metavar="YYYY-MM")
    payment.add_argument("--funding", default="", metavar="SOURCE", help="only this funding"
                         " source (apbd, csr, mandiri; default: all)")  # fmt: skip
    payment.add_argument("--kecamatan", default="", metavar="CODE", help="e.g. 62.08.01")
    payment.add_argument("--paid-on", metavar="YYYY-MM-DD", help="default: today")
    payment.add_argument("--note", default="", help="e.g. the transfer's reference")
    report = add("coverage", "active, unpaid, lapsed and ended participants of a month")
    report.add_argument("--month", required=True, metavar="YYYY-MM")
    report.add_argument("--warnings", type=int, default=0, metavar="N",
                        help="also list up to N participants about to lapse")  # fmt: skip
    check = add("reconcile", "BPJS's invoice of a month against Jaring's amount due")
    check.add_argument("--month", required=True, metavar="YYYY-MM")
    check.add_argument("--invoice", metavar="RP", help="the invoice's total")
    check.add_argument("--kecamatan-invoice", nargs="+", default=[], metavar="CODE=RP",
                       help="the invoice per kecamatan")  # fmt: skip
    year = add("fiscal-year", "a year's target and budget: show, set or raise (APBD-P)")
    year.add_argument("--year", type=int, required=True)
    year.add_argument("--target", type=int, help="workers to cover that year")
    year.add_argument("--budget", type=int, metavar="RP", help="contributions budget")
    year.add_argument("--note", default="", help="e.g. APBD-P 2026")
    renew = add("renewal", "next year's renewal list (Excel, and a daftar nominatif PDF)")
    renew.add_argument("--year", type=int, required=True, help="the year ending: 2025 lists"
                       " whom to renew for 2026")  # fmt: skip
    renew.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    renew.add_argument("--pdf", type=Path, metavar="FILE.pdf", help="also the printed list")
    renew.add_argument("--paper", choices=("A4", "F4"), default="A4")
    event = add("record-event", "a participant died, moved, became a wage earner, …")
    event.add_argument("ids", nargs="+", metavar="ID")
    event.add_argument("--kind", required=True, choices=EVENT_KINDS)
    event.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    event.add_argument("--note", default="")
    event.add_argument("--heir-note", type=Path, metavar="FILE.pdf",
                       help="died: the note for the heirs, as PDF")  # fmt: skip


def _day(text: str | None, what: str) -> date:
    if not text:
        return clock.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{what} {text!r} bukan tanggal seperti 2025-03-14") from None


def _rupiah(text: str, what: str) -> int:
    cleaned = text.replace(".", "").replace(",", "").replace("Rp", "").strip()
    if not cleaned.isdigit():
        raise ValueError(f"{what} {text!r} bukan jumlah rupiah")
    return int(cleaned)


def _run_record_payment(db, args) -> dict:
    from app.programme_year import record_payment
    from cli.commands import cli_actor

    done = record_payment(
        db, first_month=args.first, last_month=args.last, paid_on=_day(args.paid_on, "--paid-on"),
        actor=cli_actor(db), funding_source=args.funding, kecamatan=args.kecamatan,
        note=args.note,
    )  # fmt: skip
    return done.as_json()


def _run_coverage(db, args) -> dict:
    from app.programme_year import coverage_report, lapse_warnings

    result = coverage_report(db, args.month).as_json()
    if args.warnings > 0:
        result["about_to_lapse"] = [
            {"id": p.registration_id, "name": p.full_name, "kpj": p.kpj,
             "unpaid_months": p.unpaid_months, "paid_through": p.paid_through}
            for p in lapse_warnings(db, args.month, args.warnings)
        ]  # fmt: skip
    return result


def _run_reconcile(db, args) -> dict:
    from app.programme_year import reconcile

    by_kecamatan = {}
    for item in args.kecamatan_invoice:
        code, sep, amount = item.partition("=")
        if not sep:
            raise ValueError(f"--kecamatan-invoice {item!r}: tulis KODE=JUMLAH")
        by_kecamatan[code.strip()] = _rupiah(amount, "--kecamatan-invoice")
    total = _rupiah(args.invoice, "--invoice") if args.invoice else None
    return reconcile(
        db, args.month, invoiced_total=total, invoiced_by_kecamatan=by_kecamatan
    ).as_json()


def _run_fiscal_year(db, args) -> dict:
    from app.programme_year import set_fiscal_year, year_plan
    from cli.commands import cli_actor

    if args.target is None and args.budget is None:
        plan = year_plan(db, args.year)
    else:
        current = year_plan(db, args.year)
        plan = set_fiscal_year(
            db, args.year, actor=cli_actor(db), note=args.note,
            target=current.target if args.target is None else args.target,
            budget=current.budget if args.budget is None else args.budget,
        )  # fmt: skip
    return {"year": plan.year, "target": plan.target, "budget": plan.budget,
            "raised_at": plan.raised_at, "from_settings": plan.from_settings}  # fmt: skip


def _run_renewal(db, args) -> dict:
    from app.programme_year import write_renewal_list

    done = write_renewal_list(db, args.year, args.out, today=clock.today())
    print(done.workbook.path)
    result = {"file": str(done.workbook.path), **done.renewal.as_json()}
    if args.pdf:
        from ui.printing.print_jobs import print_renewal_list

        printed = print_renewal_list(db, done.renewal, args.pdf, paper=args.paper,
                                     today=clock.today())  # fmt: skip
        print(printed.path)
        result["pdf"] = str(printed.path)
    return result


def _run_record_event(db, args) -> dict:
    from app.programme_year import record_life_events
    from cli.commands import cli_actor

    if args.heir_note and args.kind != "died":
        raise ValueError("--heir-note hanya untuk --kind died")
    events = record_life_events(
        db, args.ids, args.kind, _day(args.date, "--date"), cli_actor(db),
        today=clock.today(), note=args.note,
    )  # fmt: skip
    result = {"recorded": len(events), "kind": args.kind, "date": args.date}
    if args.heir_note:
        from ui.printing.print_jobs import print_heir_notes

        printed = print_heir_notes(db, args.ids, args.heir_note, today=clock.today())
        print(printed.path, file=sys.stderr)
        result["heir_note"] = str(printed.path)
    return result


#: Each sub-command's function: ``(db, args) -> summary``.
COMMANDS: dict[str, Callable[..., dict]] = {
    "record-payment": _run_record_payment,
    "coverage": _run_coverage,
    "reconcile": _run_reconcile,
    "fiscal-year": _run_fiscal_year,
    "renewal": _run_renewal,
    "record-event": _run_record_event,
}
