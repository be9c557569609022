"""What one cell of an imported Excel list means: numbers, text, dates in every form Indonesian
lists use, choices by code or name, yes/no flags. `excel.row_converter` uses these to turn a
row into a registration, with the Excel traps it catches listed there."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from openpyxl.utils.datetime import from_excel

from excel.headers import INVISIBLE, words
from models.vocabulary import (
    FUNDING_LABELS,
    HEIR_RELATION_LABELS,
    MARITAL_LABELS,
    TARGET_GROUP_LABELS,
)

#: The error values Excel and LibreOffice store in a formula cell that failed.
EXCEL_ERRORS = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
)
SCIENTIFIC = re.compile(r"^[0-9]+(?:[.,][0-9]+)?[eE]\+?[0-9]+$")


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def tidy_text(value: object) -> str:
    """A cell as one line of text: whitespace (non-breaking too) collapsed, invisible
    characters dropped; whole floats without their ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = value if isinstance(value, str) else str(value)
    if not text.isascii():  # the invisible characters are not ASCII: skip the cost
        text = text.translate(INVISIBLE)
    tidied = " ".join(text.split())
    return text if tidied == text else tidied  # the cell's own string: kept once in memory


def title_if_shouted(text: str) -> str:
    """``SITI AMINAH`` -> ``Siti Aminah``, ``MA'RUF AN-NUR`` -> ``Ma'ruf An-Nur``; text that
    is not all capitals comes back unchanged."""
    if text != text.upper() or text == text.lower():
        return text
    return " ".join(
        "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
        for word in text.split()
    )


@lru_cache(maxsize=4096)
def choice_key(text: str) -> str:
    """Text reduced to its letters and digits, for looking up choices (cached: a column
    repeats the same few values)."""
    return "".join(words(text))


_MONTHS = {
    **dict.fromkeys(("januari", "jan", "january"), 1),
    **dict.fromkeys(("februari", "pebruari", "feb", "peb", "february"), 2),
    **dict.fromkeys(("maret", "mar", "march"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7),
    **dict.fromkeys(("agustus", "agu", "agt", "ags", "aug", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "oct", "october"), 10),
    **dict.fromkeys(("november", "nopember", "nov", "nop"), 11),
    **dict.fromkeys(("desember", "des", "dec", "december"), 12),
}
_DMY = re.compile(r"^([0-9]{1,2})[-/. ]([0-9]{1,2})[-/. ]([0-9]{2,4})$")
_YMD = re.compile(r"^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?:[ T]00:00(?::00)?)?$")
_D_MONTH_Y = re.compile(r"^([0-9]{1,2})[ -]([A-Za-z]+)\.?[ -]([0-9]{2,4})$")
#: Excel's serial numbers for 1 January 1900 and 31 December 9999.
_SERIALS = (1, 2_958_465)


def cell_date(value: object, epoch: datetime) -> date | None:
    """A date from a date or datetime cell, an Excel serial number or text; None for an
    empty cell; ValueError for anything else (a two-digit year too: 12-03-85 could be 1985
    or 2085)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if is_number(value):
        return _serial_date(value, epoch)
    if not isinstance(value, str):
        raise ValueError("not a date")
    text = tidy_text(value)
    return _text_date(text) if text else None


def _serial_date(value: float, epoch: datetime) -> date:
    """An Excel serial number (a date column formatted General) as a date."""
    if not _SERIALS[0] <= value <= _SERIALS[1]:
        raise ValueError("not an Excel date")
    found = from_excel(value, epoch)
    if not isinstance(found, datetime):
        raise ValueError("not an Excel date")
    return found.date()


def _text_date(text: str) -> date:
    """``1985-03-12``, ``12-03-1985`` (or with / and .) or ``12 Maret 1985`` as a date."""
    if match := _YMD.match(text):
        year, month, day = (int(part) for part in match.groups())
        return date(year, month, day)
    if match := _DMY.match(text):
        day, month, year_text = int(match.group(1)), int(match.group(2)), match.group(3)
    elif (match := _D_MONTH_Y.match(text)) and match.group(2).casefold() in _MONTHS:
        day, year_text = int(match.group(1)), match.group(3)
        month = _MONTHS[match.group(2).casefold()]
    else:
        raise ValueError("not a date")
    if len(year_text) != 4:
        raise ValueError("year must have four digits")
    return date(int(year_text), month, day)


def _choices(
    table: dict[str, tuple[str, ...]], labels: dict[str, str] | None = None
) -> dict[str, str]:
    """Text -> code: each code, its other spellings in ``table`` and its label in ``labels``
    (`models.vocabulary`: what Jaring's own Excel exports write), compared by `choice_key`."""
    labels = labels or {}
    return {
        choice_key(text): code
        for code, texts in table.items()
        for text in (code, labels.get(code, code), *texts)
    }


SEX = _choices({
    "L": ("Laki-laki", "Laki laki", "Laki", "Lk", "Pria", "Male", "M", "Cowok"),
    "P": ("Perempuan", "Pr", "Wanita", "W", "Female", "F", "Cewek"),
})  # fmt: skip
MARITAL = _choices({
    "belum_kawin": ("Belum menikah", "BK", "TK", "Lajang", "Single", "Bujang"),
    "kawin": ("Menikah", "Sudah menikah", "Sudah kawin", "K", "Nikah"),
    "cerai_hidup": ("CH",),
    "cerai_mati": ("CM",),
}, MARITAL_LABELS)  # fmt: skip
TARGET_GROUP = _choices({
    "petani": ("Petani", "Pekebun", "Tani", "Pekebun / petani"),
    "nelayan": (),
    "peternak": (),
    "umkm": ("UMKM", "Usaha mikro", "Usaha mikro dan kecil", "Pelaku UMKM"),
    "atlet": ("Atlet", "Olahragawan"),
    "non_asn": ("Non ASN", "Non-ASN", "Pegawai non ASN", "Honorer", "THL"),
    "miskin_rentan": ("Miskin", "Rentan", "Miskin rentan", "Warga miskin"),
    "informal_lain": ("Informal", "Informal lain", "Pekerja informal", "Lainnya"),
}, TARGET_GROUP_LABELS)  # fmt: skip
FUNDING = _choices({
    "apbd": ("APBD", "Pemda", "Pemerintah daerah", "APBD kabupaten", "APBD kab"),
    "apbdes": ("APBDes", "APB Desa", "Anggaran desa", "Dana desa", "Pemdes"),
    "dbh_sawit": ("DBH Sawit", "DBH", "Dana bagi hasil sawit", "DBH kelapa sawit"),
    "csr": ("CSR",),
    "mandiri": ("Mandiri", "Sendiri", "Bayar sendiri"),
}, FUNDING_LABELS)  # fmt: skip
HEIR_RELATION = _choices({
    "suami_istri": ("Suami", "Istri", "Isteri", "Suami istri", "Pasangan"),
    "anak": ("Anak kandung",),
    "orang_tua": ("Ortu", "Ayah", "Ibu", "Bapak", "Ayah/ibu"),
    "saudara": ("Saudara", "Kakak", "Adik"),
    "lainnya": ("Lain-lain", "Lain"),
}, HEIR_RELATION_LABELS)  # fmt: skip
YES = frozenset({"ya", "y", "yes", "1", "true", "benar", "setuju", "bersedia", "v", "x", "ok"})
NO = frozenset({"tidak", "t", "no", "n", "0", "false", "tidaksetuju", "tidakbersedia", "tdk"})
_CHECK_MARKS = frozenset("✓✔√☑")
PERIODS = {
    "bulanan": 1, "perbulan": 1, "sebulan": 1, "triwulan": 3, "triwulanan": 3,
    "semester": 6, "semesteran": 6, "enambulan": 6, "tahunan": 12, "setahun": 12,
    "pertahun": 12,
}  # fmt: skip


def cell_flag(value: object) -> bool | None:
    """True/False from ``Ya``/``Tidak``, ``1``/``0``, a tick, a boolean cell; None when
    the cell is empty; ValueError for other text."""
    if value is None or isinstance(value, bool):
        return value
    if is_number(value) and value in (0, 1):
        return bool(value)
    text = tidy_text(value)
    if not text or text == "-":
        return None
    if text in _CHECK_MARKS:
        return True
    key = choice_key(text)
    if key in YES:
        return True
    if key in NO:
        return False
    raise ValueError("not yes or no")
