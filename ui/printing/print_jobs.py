"""Print jobs: registration forms, the daftar nominatif and the one-page summary as PDF files
(``print-forms``, ``print-list``, ``print-summary``; "Simpan PDF…" in the print dialog).

They paint with QtGui (`ui/printing/`), in a window-less Qt application made here when none runs
(`ui.i18n.translators.application_for`), in the installation's language. A cancelled or
failed job leaves no file, and a killed one none readable by others: the pages are painted
in the app's private folder beside the database and checked whole before they are put in
place (`ui.printing.paper.write_pdf`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from models.dashboard import dashboard, local_utc_offset
from models.db import database_path
from models.nominatif import registrations_for_list
from models.regions import default_regions
from models.settings import load_settings
from models.store import RegistrationStore
from ui.i18n.translators import application_for
from ui.printing.context import PrintContext, print_context
from ui.printing.forms import paint_forms
from ui.printing.heir_note import heir_notes, paint_heir_notes
from ui.printing.list_plan import ListVariant
from ui.printing.lists import paint_village_list
from ui.printing.paper import write_pdf
from ui.printing.receipt_slips import paint_receipts
from ui.printing.request import BLANK, FORMS, HEIR_NOTE, LIST, RECEIPTS, RENEWAL, PrintRequest
from ui.printing.summary import paint_summary


@dataclass(frozen=True)
class PrintedPdf:
    """A PDF written: where, its pages, and how many registrations (or blank forms) it has."""

    path: Path
    pages: int
    count: int


@dataclass(frozen=True)
class PrintedSummary:
    """The summary PDF written, and the progress figures it shows."""

    path: Path
    pages: int
    counted: int
    target: int


def paint_request(
    request: PrintRequest,
    device,
    registrations: list,
    context: PrintContext,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Paint ``registrations`` as ``request.kind`` onto ``device`` (a PDF writer or a
    printer); the page count."""
    if request.kind in (FORMS, BLANK):
        return paint_forms(device, registrations, context, progress, cancelled,
                           total=len(registrations))  # fmt: skip
    if request.kind == RECEIPTS:
        return paint_receipts(device, registrations, context, progress, cancelled)
    if request.kind == HEIR_NOTE:
        return paint_heir_notes(device, registrations, context, progress, cancelled)
    return paint_village_list(
        device, registrations, context, desa=request.desa, kecamatan=request.kecamatan,
        progress=progress, cancelled=cancelled,
        variant=request.variant if request.kind == RENEWAL else None,
    )  # fmt: skip


def write_request_pdf(
    db: Database,
    request: PrintRequest,
    out: Path | str,
    *,
    paper: str,
    today: date,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PrintedPdf:
    """Write what ``request`` asks for as a PDF at ``out``; ``progress(done, total, "")``
    counts registrations. Raises `ui.printing.paper.PrintCancelled` (no file left)."""
    out = _pdf_path(out)
    application_for(load_settings(db).language)
    registrations = request.load(db)
    context = print_context(db, paper=paper, today=today)
    total = len(registrations)
    step = (lambda done, _: progress(done, total, "")) if progress else None
    pages = write_pdf(
        out, lambda device: paint_request(request, device, registrations, context, step, cancelled),
        paper=paper, landscape=request.landscape, title=request.title, db_path=database_path(db),
    )  # fmt: skip
    return PrintedPdf(out, pages, total)


def print_forms(
    db: Database,
    out: Path | str,
    *,
    ids: list[str] | None = None,
    blank: bool = False,
    paper: str = "A4",
    today: date,
) -> PrintedPdf:
    """Registration forms as a PDF: of ``ids`` (in that order), of every registration on
    the lists (drafts are not printed), or one ``blank`` form for handwriting. Raises
    ValueError for an unknown id or when there is nothing to print."""
    out = _pdf_path(out)
    if blank:
        registrations = [None]
    elif ids:
        store = RegistrationStore(db)
        registrations = [store.get(rid) for rid in ids]
        missing = [rid for rid, reg in zip(ids, registrations, strict=True) if reg is None]
        if missing:
            raise ValueError(f"no registration with id {', '.join(missing)}")
    else:
        registrations = registrations_for_list(db)
        if not registrations:
            raise ValueError("no registrations to print (drafts are not printed)")
    request = PrintRequest(
        BLANK if blank else FORMS, "Formulir pendaftaran", lambda _: registrations,
        len(registrations),
    )  # fmt: skip
    return write_request_pdf(db, request, out, paper=paper, today=today)


def print_list(
    db: Database,
    out: Path | str,
    *,
    desa: str | None = None,
    kecamatan: str | None = None,
    paper: str = "A4",
    today: date,
) -> PrintedPdf:
    """The daftar nominatif of a desa, a kecamatan or the whole regency as a PDF. Raises
    ValueError for an unknown region code."""
    out = _pdf_path(out)
    regions = default_regions()
    for code, known in ((desa, regions.village), (kecamatan, regions.kecamatan_known)):
        if code and not known(code):
            raise ValueError(f"unknown region code {code}")
    request = PrintRequest(
        LIST, "Daftar nominatif",
        lambda db: registrations_for_list(db, desa=desa, kecamatan=kecamatan), 0,
        desa=desa, kecamatan=kecamatan,
    )  # fmt: skip
    return write_request_pdf(db, request, out, paper=paper, today=today)


def heir_note_request(title: str, ids: list[str]) -> PrintRequest:
    """The note for the heirs of each of these (deceased) participants, a page each."""
    return PrintRequest(HEIR_NOTE, title, lambda db: heir_notes(db, ids), len(ids),
                        "keterangan-ahli-waris.pdf")  # fmt: skip


def print_heir_notes(
    db: Database, ids: list[str], out: Path | str, *, paper: str = "A4", today: date
) -> PrintedPdf:
    """The note for the heirs of each participant of ``ids`` as a PDF (``record-event
    --kind died --heir-note``). Raises ValueError for an unknown id."""
    out = _pdf_path(out)
    heir_notes(db, ids)  # an unknown id is refused before anything is painted
    request = heir_note_request("Keterangan untuk ahli waris", ids)
    return write_request_pdf(db, request, out, paper=paper, today=today)


def renewal_request(renewal, title: str, variant: ListVariant) -> PrintRequest:
    """Next year's renewal list (`models.renewal.Renewal`) as a daftar nominatif."""
    registrations = [line.registration for line in renewal.lines]
    return PrintRequest(
        RENEWAL, title, lambda db: registrations, len(registrations),
        f"daftar-perpanjangan-{renewal.year}.pdf", variant=variant,
    )  # fmt: skip


def renewal_variant(renewal) -> ListVariant:
    """The renewal list's title, January's amounts and its budget lines."""
    from models.formatting import arg
    from ui.i18n.formats import rupiah

    translate = QCoreApplication.translate
    return ListVariant(
        title=arg(translate("Printing", "DAFTAR NOMINATIF PERPANJANGAN PESERTA TAHUN %1"),
                  renewal.year),
        short_title=arg(translate("Printing", "Daftar perpanjangan %1"), renewal.year),
        monthly=tuple(line.first_month for line in renewal.lines),
        info=(
            (translate("Printing", "Peserta aktif per"), renewal.as_of),
            (arg(translate("Printing", "Iuran setahun %1"), renewal.year),
             rupiah(renewal.yearly)),
        ),
    )  # fmt: skip


def print_renewal_list(
    db: Database, renewal, out: Path | str, *, paper: str = "A4", today: date
) -> PrintedPdf:
    """Next year's renewal list as a daftar nominatif PDF (``renewal --pdf``)."""
    out = _pdf_path(out)
    application_for(load_settings(db).language)
    request = renewal_request(renewal, "Daftar perpanjangan", renewal_variant(renewal))
    return write_request_pdf(db, request, out, paper=paper, today=today)


def print_summary(
    db: Database,
    out: Path | str,
    *,
    paper: str = "A4",
    today: date,
    utc_offset_hours: float | None = None,
) -> PrintedSummary:
    """The dashboard's one-page summary as a PDF, as of ``today`` (days are counted at
    ``utc_offset_hours``, by default this computer's)."""
    out = _pdf_path(out)
    application_for(load_settings(db).language)
    context = print_context(db, paper=paper, today=today)
    offset = local_utc_offset() if utc_offset_hours is None else utc_offset_hours
    data = dashboard(db, today=today, utc_offset_hours=offset)
    pages = write_pdf(out, lambda device: paint_summary(device, data, context), paper=paper,
                      title="Ringkasan capaian", db_path=database_path(db))  # fmt: skip
    progress = data.overview.progress
    return PrintedSummary(out, pages, progress.counted, progress.target)


def _pdf_path(path: Path | str) -> Path:
    """``path`` when it names a .pdf file in a folder that exists; ValueError otherwise, also
    for a name that is not UTF-8 (the bytes of another encoding, which Python carries as
    lone surrogates): what was written under it could not be named in the output."""
    path = Path(path)
    try:
        os.fsencode(path).decode("utf-8")
        str(path).encode("utf-8")
    except UnicodeError:
        shown = os.fsencode(path).decode("utf-8", "replace")
        raise ValueError(
            f"{shown}: nama file ini bukan teks UTF-8 yang sah; pakai nama lain"
        ) from None
    if path.suffix.lower() != ".pdf":
        raise ValueError(f"{path}: the output must be a .pdf file")
    if not path.parent.is_dir():
        raise ValueError(f"{path.parent} is not a folder (is the USB stick plugged in?)")
    return path
