"""Indonesian number, money and date formats (Rp 16.800, 23-11-2026), for screens and paper."""

from __future__ import annotations

import re
from datetime import date


def thousands(value: int) -> str:
    """``1650000`` -> ``1.650.000``."""
    return f"{value:,}".replace(",", ".")


def rupiah(value: int) -> str:
    """``16800`` -> ``Rp 16.800``."""
    return f"Rp {thousands(value)}"


def tanggal(value: date | None) -> str:
    """``date(2026, 11, 23)`` -> ``23-11-2026``; empty for None."""
    return value.strftime("%d-%m-%Y") if value else ""


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
