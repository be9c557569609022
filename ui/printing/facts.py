"""Facts about a registration that more than one printed document states the same way: what
its QR code holds, what it costs per month, and the names of its desa and kecamatan."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.contribution import Contribution
from models.formatting import arg
from models.registration import Registration
from ui.printing.context import PrintContext

translate = QCoreApplication.translate


def qr_text(registration: Registration, *, with_nik: bool = True) -> str:
    """What the QR code of a registration's paper holds: ``JARING:<id>:<nik>``, so a scanned
    form or slip leads back to its record.

    The NIK is empty when there is none, and left out with ``with_nik=False``: the receipt
    slip, which the worker may lose, must not give away in its code the NIK it masks.
    """
    return f"JARING:{registration.id}:{registration.nik if with_nik else ''}"


def contribution(reg: Registration, context: PrintContext) -> Contribution | None:
    """What a registration costs on the context's day; None while its income is unknown or
    when no contribution rule covers the day."""
    if reg.monthly_income is None:
        return None
    try:
        return context.contributions.contribution(
            reg.monthly_income,
            jht=reg.program_jht,
            months=reg.contribution_months or 1,
            funding_source=reg.funding_source or "apbd",
            on=context.today,
            transport=reg.transport_sector,
        )
    except LookupError:
        return None


def monthly_contribution(reg: Registration, context: PrintContext) -> int | None:
    """What a registration costs per month (see `contribution`), or None."""
    found = contribution(reg, context)
    return found.monthly if found else None


def village_kind(code: str) -> str:
    """ "kelurahan" for Kemendagri village codes 1xxx, "desa" for 2xxx."""
    return "kelurahan" if code[9:10] == "1" else "desa"


def village_name(code: str, context: PrintContext) -> str:
    """The desa's or kelurahan's name; its code when unknown, "—" when there is none."""
    village = context.regions.village(code) if code else None
    return village.name if village else (code or "—")


def kecamatan_name(code: str, context: PrintContext) -> str:
    """The kecamatan's name; its code when unknown, "—" when there is none."""
    return context.regions.kecamatan_name(code) or code or "—"


def village_title(code: str, context: PrintContext) -> str:
    """ "Desa Natai Sedawak" or "Kelurahan Mendawai"."""
    if village_kind(code) == "kelurahan":
        return arg(translate("Printing", "Kelurahan %1"), village_name(code, context))
    return arg(translate("Printing", "Desa %1"), village_name(code, context))


def village_head(code: str, context: PrintContext) -> str:
    """Who signs a list of one village: "Kepala Desa X", or "Lurah X" for a kelurahan."""
    if village_kind(code) == "kelurahan":
        return arg(translate("Printing", "Lurah %1"), village_name(code, context))
    return arg(translate("Printing", "Kepala Desa %1"), village_name(code, context))
