"""The formats of `models.formatting` in the language the app speaks now (the one
`ui.i18n.translators.install_translators` installed): what screens and printouts call, so that
English shows 9,863 and 0.0 % and Indonesian 9.863 and 0,0 %. Files for other programs (Excel,
BPJS) call `models.formatting` directly and stay Indonesian.
"""

from __future__ import annotations

from datetime import date

from models import formatting
from ui.i18n.translators import current_language

__all__ = ["decimal", "percent", "rupiah", "tanggal", "thousands"]


def thousands(value: int) -> str:
    """``9863`` -> ``9.863`` (English: ``9,863``)."""
    return formatting.thousands(value, current_language())


def rupiah(value: int) -> str:
    """``16800`` -> ``Rp 16.800`` (English: ``Rp 16,800``)."""
    return formatting.rupiah(value, current_language())


def decimal(value: float) -> str:
    """``2.25`` -> ``2,2`` (English: ``2.2``)."""
    return formatting.decimal(value, current_language())


def percent(value: float) -> str:
    """``12.345`` -> ``12,3 %`` (English: ``12.3 %``)."""
    return formatting.percent(value, current_language())


def tanggal(value: date | None) -> str:
    """``date(2026, 11, 23)`` -> ``23-11-2026`` (English: ``23 Nov 2026``)."""
    return formatting.tanggal(value, current_language())
