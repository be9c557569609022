"""Number, money, share and date formats for screens and paper, in the app's languages:
Indonesian (the default: Rp 16.800, 12,3 %, 23-11-2026) or English (Rp 16,800, 12.3 %,
23 Nov 2026). The language is an argument, not a global, so that models/ stays Qt-free and the
Excel and BPJS files, which call these without one, keep the Indonesian forms.
"""

from __future__ import annotations

import re
from datetime import date

#: The separators of each language: (thousands, decimal).
_SEPARATORS = {"id": (".", ","), "en": (",", ".")}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _separators(language: str) -> tuple[str, str]:
    return _SEPARATORS.get(language, _SEPARATORS["id"])


def thousands(value: int, language: str = "id") -> str:
    """``1650000`` -> ``1.650.000`` (English: ``1,650,000``)."""
    return f"{value:,}".replace(",", _separators(language)[0])


def rupiah(value: int, language: str = "id") -> str:
    """``16800`` -> ``Rp 16.800`` (English: ``Rp 16,800``)."""
    return f"Rp {thousands(value, language)}"


def decimal(value: float, language: str = "id") -> str:
    """``2.25`` -> ``2,2`` (one decimal; English: ``2.2``)."""
    return f"{value:.1f}".replace(".", _separators(language)[1])


def percent(value: float, language: str = "id") -> str:
    """``12.345`` -> ``12,3 %`` (English: ``12.3 %``)."""
    return f"{decimal(value, language)} %"


def tanggal(value: date | None, language: str = "id") -> str:
    """``date(2026, 11, 23)`` -> ``23-11-2026`` (English: ``23 Nov 2026``); empty for None."""
    if not value:
        return ""
    if language == "en":
        return f"{value.day:02d} {_MONTHS_EN[value.month - 1]} {value.year}"
    return value.strftime("%d-%m-%Y")


def parse_tanggal(text: str) -> date | None:
    """``23-11-2026`` (or with ``/`` or ``.``) -> date; None for empty; ValueError if wrong."""
    text = text.strip().replace("/", "-").replace(".", "-")
    if not text.replace("-", "").strip():
        return None
    day, month, year = (int(part) for part in text.split("-"))
    if year < 1000:
        raise ValueError("year must have four digits")
    return date(year, month, day)


def parse_amount(text: str) -> int | None:
    """``Rp 1.500.000`` -> ``1500000``; None for empty; ValueError for other text."""
    digits = text.replace("Rp", "").replace(".", "").replace(",", "").replace(" ", "")
    if not digits:
        return None
    if not digits.lstrip("-").isdigit():
        raise ValueError("not an amount")
    return int(digits)


_PLACEHOLDER = re.compile(r"%(\d)")


def arg(text: str, *values: object) -> str:
    """Fill Qt-style placeholders in one pass: ``arg("%1 dari %2", 5, "9.863")`` ->
    ``5 dari 9.863``. Translated texts keep ``%1``… so a translator may reorder them; a value
    that itself holds ``%2`` is left as it is, and a placeholder with no value stays."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 1 <= number <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, text)
