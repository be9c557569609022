"""NIK (Nomor Induk Kependudukan) and KK numbers: structure, birth date, sex.

A NIK is ``PP RR SS DDMMYY XXXX``: province, regency and kecamatan where it was first issued,
the birth date with 40 added to the day for women, and a serial 0001-9999. The two-digit year
takes the century that gives a birth date not in the future. `masked_nik` hides all but the
last four digits on papers the worker keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from models.regions import default_regions, dotted_kecamatan

ASCII_DIGITS = re.compile(r"^[0-9]+$")


@dataclass(frozen=True)
class NikInfo:
    """What a structurally valid NIK says about its holder."""

    kecamatan_code: str
    birth_date: date
    sex: str  # "L" or "P"
    serial: str


class NikError(ValueError):
    """A NIK that cannot be read; ``code`` names the rule it breaks."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def clean_number(text: str) -> str:
    """Drop the spaces, dots and dashes people type inside long numbers."""
    return "".join(ch for ch in text if ch not in " .-\u00a0\t")


def province_known(code2: str) -> bool:
    """Whether the two-digit province code is known to python-stdnum or to the shipped
    Kemendagri table (stdnum lacks the Papua provinces created since 2022, 92-96)."""
    from stdnum import numdb  # imported on first use: it costs start-up 20 ms

    return bool(numdb.get("id/loc").info(code2)[0][1]) or code2 in default_regions().provinces


def decode_date(ddmmyy: str, today: date | None = None) -> tuple[date, bool]:
    """Birth date and whether the +40 (female) rule applied; raises NikError("date")."""
    today = today or date.today()
    day, month, year = int(ddmmyy[0:2]), int(ddmmyy[2:4]), int(ddmmyy[4:6])
    female = day > 40
    if female:
        day -= 40
    for century in (2000, 1900):
        try:
            candidate = date(century + year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate, female
    raise NikError("date")


def parse_nik(text: str, today: date | None = None) -> NikInfo:
    """Read a NIK, raising NikError with the first rule it breaks.

    Codes: ``digits``, ``length``, ``province``, ``date``, ``serial``.
    """
    nik = clean_number(text)
    if not ASCII_DIGITS.match(nik):
        raise NikError("digits")
    if len(nik) != 16:
        raise NikError("length")
    if not province_known(nik[0:2]):
        raise NikError("province")
    birth, female = decode_date(nik[6:12], today)
    if nik[12:16] == "0000":
        raise NikError("serial")
    return NikInfo(dotted_kecamatan(nik[0:6]), birth, "P" if female else "L", nik[12:16])


def kk_problem(text: str) -> str | None:
    """The rule a KK (family card) number breaks, or None; the KK's date part is not a birth
    date, so it is checked only for being a calendar date."""
    kk = clean_number(text)
    if not ASCII_DIGITS.match(kk):
        return "digits"
    if len(kk) != 16:
        return "length"
    day, month = int(kk[6:8]), int(kk[8:10])
    try:
        date(2000, month, day)
    except ValueError:
        return "date"
    return None


def masked_nik(nik: str) -> str:
    """A NIK as printed on a paper its holder may lose: only its last four digits, in groups
    of four (``6208014507900001`` -> ``•••• •••• •••• 0001``).

    A number too short to hide anything by showing four digits (under 8 characters) is
    masked whole; an empty one stays empty.
    """
    digits = "".join(nik.split())
    if not digits:
        return ""
    shown = 4 if len(digits) >= 8 else 0
    masked = "•" * (len(digits) - shown) + digits[len(digits) - shown :]
    groups = []
    while masked:
        groups.insert(0, masked[-4:])
        masked = masked[:-4]
    return " ".join(groups)
