"""The command line's arguments: the options every sub-command shares, then the
sub-commands in groups (set-up and trust, exchange, printing, Excel), in the order
``--help`` lists them."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from cli.card_handover import add_commands as add_card_handover
from cli.programme_year import add_commands as add_programme_year
from cli.version import VersionAction

#: Adds one sub-command (its name and one line of help) and returns its parser.
AddCommand = Callable[[str, str], argparse.ArgumentParser]


def build_parser(description: str) -> argparse.ArgumentParser:
    """The parser of ``jaring``; ``description`` heads its ``--help``."""
    # The shared options may stand before or after the sub-command; SUPPRESS keeps the
    # sub-command's copy from overwriting a value given before it.
    # No abbreviations: "--passphrase SECRET" must not pass for --passphrase-file.
    common = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="database file (default: user data folder)")  # fmt: skip
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print a JSON summary last")  # fmt: skip
    common.add_argument("--passphrase-file", type=Path, default=argparse.SUPPRESS,
                        metavar="FILE", help="file whose first line is the database's"
                        " passphrase (or JARING_PASSPHRASE_FILE); never on the command"
                        " line")  # fmt: skip
    common.add_argument("--no-encryption", action="store_true", default=argparse.SUPPRESS,
                        help="a plain, unencrypted database: demos and tests only")  # fmt: skip
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="jaring",
        parents=[common],
        description=description,
        formatter_class=raw,
        allow_abbrev=False,
    )
    parser.add_argument("--version", action=VersionAction)
    commands = parser.add_subparsers(dest="command")

    def add(name: str, text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[common], help=text, allow_abbrev=False)

    _add_set_up(add)
    _add_exchange(add)
    _add_printing(add)
    _add_excel(add)
    _add_protection(add)
    add_programme_year(add)
    add_card_handover(add)
    return parser


def _add_set_up(add: AddCommand) -> None:
    """Demo data, the set-up of either side, and the district's trust store."""
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
    init.add_argument("--user", help="the first (supervisor) account's name (default: yours)")
    officer = add("officer-init", "officer: make device keys and an enrolment")
    officer.add_argument("--profile", type=Path, required=True)
    officer.add_argument("--officer", required=True, help="the officer's name")
    officer.add_argument("--enrol-out", type=Path, required=True)
    enrol = add("enrol", "district: trust a device")
    enrol.add_argument("file", type=Path)
    revoke = add("revoke", "district: revoke a device")
    revoke.add_argument("device_id")


def _add_exchange(add: AddCommand) -> None:
    """Batches, sync and status updates between the officers and the district."""
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
    serve.add_argument("--port", type=port_number, default=8765, help="1-65535")
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


def _add_printing(add: AddCommand) -> None:
    """Forms, the daftar nominatif and the summary as PDF files."""
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


def _add_excel(add: AddCommand) -> None:
    """The master list and BPJS's files out; a village's list and BPJS's KPJs in."""
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


def _add_protection(add: AddCommand) -> None:
    """Encryption, passphrases, accounts and backups."""
    protect = add("protect", "encrypt a plain database")
    protect.add_argument("--new-passphrase-file", type=Path, required=True, metavar="FILE")
    protect.add_argument("--user", help="the account's name (default: yours)")
    change = add("change-passphrase", "give an account a new passphrase")
    change.add_argument("--new-passphrase-file", type=Path, required=True, metavar="FILE")
    change.add_argument("--user", help="supervisor: another account (default: your own)")
    user = add("add-user", "district supervisor: a new staff account")
    user.add_argument("name")
    user.add_argument("--role", choices=("staff", "supervisor"), required=True)
    user.add_argument("--new-passphrase-file", type=Path, required=True, metavar="FILE")
    backup = add("backup", "an encrypted, verified copy of the database")
    backup.add_argument("--out", type=Path, required=True, help="folder (e.g. the USB stick)")
    restore = add("restore", "a backup as a new database (--db NEW)")
    restore.add_argument("file", type=Path, metavar="FILE.jaringbak")
    recover = add("recover", "district: new passphrase for an officer's laptop database")
    recover.add_argument("--officer-db", type=Path, required=True, metavar="FILE")
    recover.add_argument("--new-passphrase-file", type=Path, required=True, metavar="FILE")


def port_number(text: str) -> int:
    """``--port``: a TCP port number, 1-65535."""
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return port
