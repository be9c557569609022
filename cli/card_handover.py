"""The command line of the KPJ card handover (`app.card_handover`):

    card-handover --date 2026-03-14 --desa 62.08.01.2001   (everyone of the desa with a KPJ)
    card-handover --date 2026-03-14 ID...                  (these registrations)

`add_commands` adds it to the parser (`cli.parser`), `COMMANDS` runs it (`cli.commands`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from models import clock


def add_commands(add) -> None:
    """The ``card-handover`` sub-command."""
    handover = add("card-handover", "the KPJ cards were handed to these workers on a day")
    handover.add_argument("ids", nargs="*", metavar="ID", help="the registrations")
    handover.add_argument("--desa", metavar="CODE", help="everyone of this desa who has a KPJ"
                          " (e.g. 62.08.01.2001)")  # fmt: skip
    handover.add_argument("--date", required=True, metavar="YYYY-MM-DD")


def _run_card_handover(db, args) -> dict:
    from app.card_handover import desa_ids, record_card_handover
    from cli.commands import cli_actor

    if bool(args.desa) == bool(args.ids):
        raise ValueError("sebut --desa KODE atau nomor pendaftaran (ID), salah satu saja")
    try:
        on = date.fromisoformat(args.date)
    except ValueError:
        raise ValueError(f"--date {args.date!r} bukan tanggal seperti 2026-03-14") from None
    ids = desa_ids(db, args.desa) if args.desa else args.ids
    done = record_card_handover(db, ids, on, cli_actor(db), today=clock.today())
    print(f"kartu KPJ diserahkan {done.handed_on}: {done.participants} peserta"
          f" ({done.changed} dicatat baru)")  # fmt: skip
    return done.as_json()


#: The sub-command's function: ``(db, args) -> summary``.
COMMANDS: dict[str, Callable[..., dict]] = {"card-handover": _run_card_handover}
