"""What the cells of an imported Excel list mean: cell values as registration fields.

`RowConverter` turns one row's cells into `Registration` values with the Excel traps caught
where a typed form would never meet them, each as a `Problem` on its field:

- a NIK or KK in a numeric cell (Excel keeps 15 significant digits and shows 6.2081E+15):
  rejected with ``nik.excel_number`` / ``kk.excel_number``, never "repaired";
- a KPJ in a numeric cell: kept as 11-digit text with the warning ``kpj.number_kept``, or
  rejected (``kpj.excel_number``) when digits were lost;
- dates as date cells, Excel serial numbers (a date column formatted General) or text in
  ``12-03-1985``, ``12/03/1985``, ``12.03.1985``, ``1985-03-12`` or ``12 Maret 1985`` form
  (day before month, as Indonesia writes it; a two-digit year is refused as ambiguous);
- an entry Excel turned into a date (RT/RW ``01/02``): ``cell.auto_date``;
- error values of formulas (``#N/A``, ``#REF!``): ``cell.excel_error``;
- names written in ALL CAPITALS, as on the KTP they were copied from, become title case
  (``SITI AMINAH`` -> ``Siti Aminah``, also mother, heir and birth place); mixed case is
  kept as written. `models.validation.normalized` (the form's tidying) does not change case,
  so this is the import's own step: a list in capitals would otherwise stand out among
  typed registrations on every list and form;
- phone numbers in numeric cells lost their leading 0 (``81234567890``): an Indonesian
  mobile number always starts ``08``, so a number starting with 8 gets its 0 back; RT and RW
  in numeric cells are written with three digits as on the KTP (``1`` -> ``001``);
- sex as ``L``/``P``, ``Laki-laki``/``Perempuan``, ``Pria``/``Wanita``; the other choices by
  their code or their Indonesian name;
- desa and kecamatan as names (matched within the regency, case and space tolerant) or as
  Kemendagri codes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from openpyxl.utils.datetime import from_excel

from excel.headers import INVISIBLE, words
from models.formatting import parse_amount
from models.problems import Problem, error, warning
from models.regions import Region, Regions
from models.registration import Registration, new_id
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
_SCIENTIFIC = re.compile(r"^[0-9]+(?:[.,][0-9]+)?[eE]\+?[0-9]+$")


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
def _key(text: str) -> str:
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
        if not _SERIALS[0] <= value <= _SERIALS[1]:
            raise ValueError("not an Excel date")
        found = from_excel(value, epoch)
        if not isinstance(found, datetime):
            raise ValueError("not an Excel date")
        return found.date()
    if not isinstance(value, str):
        raise ValueError("not a date")
    text = tidy_text(value)
    if not text:
        return None
    if match := _YMD.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DMY.match(text):
        day, month, year = (int(part) for part in match.groups())
        if len(match.group(3)) != 4:
            raise ValueError("year must have four digits")
    elif (match := _D_MONTH_Y.match(text)) and match.group(2).casefold() in _MONTHS:
        day, year = int(match.group(1)), int(match.group(3))
        month = _MONTHS[match.group(2).casefold()]
        if len(match.group(3)) != 4:
            raise ValueError("year must have four digits")
    else:
        raise ValueError("not a date")
    return date(year, month, day)


def _choices(
    table: dict[str, tuple[str, ...]], labels: dict[str, str] | None = None
) -> dict[str, str]:
    """Text -> code: each code, its other spellings in ``table`` and its label in ``labels``
    (`models.vocabulary`: what Jaring's own Excel exports write), compared by `_key`."""
    labels = labels or {}
    return {
        _key(text): code
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
    "apbd": ("APBD", "Pemda", "Pemerintah daerah"),
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
_PERIODS = {
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
    key = _key(text)
    if key in YES:
        return True
    if key in NO:
        return False
    raise ValueError("not yes or no")


# --- regions -------------------------------------------------------------------------------

_KECAMATAN_CODE = re.compile(r"^([0-9]{2})\.?([0-9]{2})\.?([0-9]{2})$")
_VILLAGE_CODE = re.compile(r"^([0-9]{2})\.?([0-9]{2})\.?([0-9]{2})\.?([0-9]{4})$")
_PLACE_WORDS = frozenset({"desa", "ds", "kelurahan", "kel", "kecamatan", "kec"})


@lru_cache(maxsize=4096)
def _place_key(text: str) -> str:
    found = words(text)
    while len(found) > 1 and found[0] in _PLACE_WORDS:
        found = found[1:]
    return "".join(found)


class VillageFinder:
    """Desa and kecamatan of one regency by name or code (``Natai Sedawak``, ``NATAI
    SEDAWAK``, ``Desa Natai Sedawak``, ``62.08.01.2001``, ``6208012001``)."""

    def __init__(self, regions: Regions, regency_code: str):
        self.kecamatan: dict[str, Region] = {}
        self.kecamatan_codes: set[str] = set()
        for kecamatan in regions.kecamatan_of(regency_code):
            self.kecamatan.setdefault(_place_key(kecamatan.name), kecamatan)
            self.kecamatan_codes.add(kecamatan.code)
        self.villages: dict[str, list[Region]] = {}
        self.village_parent: dict[str, str] = {}
        for village in regions.villages_of(regency_code):
            self.villages.setdefault(_place_key(village.name), []).append(village)
            self.village_parent[village.code] = village.parent

    def kecamatan_code(self, text: str) -> str | None:
        """The code of a kecamatan of the regency named or coded ``text``, else None."""
        if match := _KECAMATAN_CODE.match(text.replace(" ", "")):
            code = ".".join(match.groups())
            return code if code in self.kecamatan_codes else None
        found = self.kecamatan.get(_place_key(text))
        return found.code if found else None

    def village_code(self, text: str, kecamatan: str | None) -> tuple[str, str | None]:
        """(village code, problem code or None) for a desa named or coded ``text``,
        within ``kecamatan`` when one is known."""
        if match := _VILLAGE_CODE.match(text.replace(" ", "")):
            code = ".".join(match.groups())
            parent = self.village_parent.get(code)
            if kecamatan and parent and parent != kecamatan:
                return code, "village.not_in_kecamatan"
            return code, None  # validation judges codes outside the regency or unknown
        candidates = self.villages.get(_place_key(text), [])
        if kecamatan:
            inside = [v for v in candidates if v.parent == kecamatan]
            if not inside:
                return "", "village.not_in_kecamatan" if candidates else "village.unknown"
            candidates = inside
        if not candidates:
            return "", "village.unknown"
        if len(candidates) > 1:
            return "", "village.ambiguous"
        return candidates[0].code, None


# --- one row -------------------------------------------------------------------------------

_TEXT_FIELDS = (
    "address", "email", "occupation", "csr_company", "postal_code",
)  # fmt: skip
_NAME_FIELDS = ("full_name", "mother_name", "heir_name", "birth_place")
_CHOICE_FIELDS = {
    "sex": SEX,
    "marital_status": MARITAL,
    "target_group": TARGET_GROUP,
    "funding_source": FUNDING,
    "heir_relation": HEIR_RELATION,
}
_TTL = re.compile(
    r"^(.*?)[,;]?\s*([0-9]{1,2}[-/. ][0-9A-Za-z]+\.?[-/. ][0-9]{2,4}"
    r"|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2})$"
)


class RowConverter:
    """Turns one row's cells into a `Registration` and the problems found on the way.

    ``columns`` pairs each used column's position in the row with its field; ``villages``
    is needed only when a column holds the desa or kecamatan. A field whose value could not
    be read gets an error here and keeps its value empty (the import then drops
    validation's problems on that field, which would only repeat it).
    """

    def __init__(
        self,
        columns: list[tuple[int, str]],
        villages: VillageFinder | None,
        epoch: datetime,
    ):
        self.columns = columns
        self.villages = villages
        self.epoch = epoch
        self._convert: dict[str, Callable] = {
            "nik": self._long_number,
            "kk": self._long_number,
            "birth_date": self._date,
            "birth_place_date": self._place_and_date,
            "rt": self._rt,
            "rw": self._rt,
            "rt_rw": self._rt_rw,
            "phone": self._phone,
            "heir_phone": self._phone,
            "monthly_income": self._income,
            "program_jht": self._programs,
            "consent": self._flag,
            "contribution_months": self._months,
            "kpj": self._kpj,
            **dict.fromkeys(_NAME_FIELDS, self._name),
            **dict.fromkeys(_TEXT_FIELDS, self._text),
            **dict.fromkeys(_CHOICE_FIELDS, self._choice),
        }

    def convert(self, cells: tuple | list) -> tuple[Registration, list[Problem]]:
        """The registration (a new id, defaults where a cell is empty) and the problems of
        reading ``cells``; nothing is validated here."""
        values: dict[str, object] = {}
        problems: list[Problem] = []
        width = len(cells)
        for position, name in self.columns:
            raw = cells[position] if position < width else None
            if name in ("kecamatan", "village_code") or raw is None:
                continue
            if isinstance(raw, str) and not tidy_text(raw):
                continue
            if isinstance(raw, str) and raw.strip() in EXCEL_ERRORS:
                problems.append(error("cell.excel_error", _shown_field(name)))
                continue
            self._convert[name](name, raw, values, problems)
        self._place(cells, values, problems)
        return Registration(id=new_id(), **values), problems

    # --- converters: each reads ``raw`` (never None) into ``values`` or adds a problem ---

    def _text(self, name: str, raw: object, values: dict, problems: list) -> None:
        if isinstance(raw, datetime | date | time | timedelta):
            problems.append(error("cell.auto_date", name))
            return
        values[name] = tidy_text(raw)

    def _name(self, name: str, raw: object, values: dict, problems: list) -> None:
        if isinstance(raw, datetime | date | time | timedelta):
            problems.append(error("cell.auto_date", name))
            return
        values[name] = title_if_shouted(tidy_text(raw))

    def _long_number(self, name: str, raw: object, values: dict, problems: list) -> None:
        """NIK and KK: 16 digits that a numeric cell cannot hold (15 significant digits)."""
        text = tidy_text(raw)
        if is_number(raw) or _SCIENTIFIC.match(text):
            problems.append(error(f"{name}.excel_number", name, shown=text))
            return
        if isinstance(raw, datetime | date | time | timedelta):
            problems.append(error("cell.auto_date", name))
            return
        values[name] = text.lstrip("'")

    def _kpj(self, name: str, raw: object, values: dict, problems: list) -> None:
        """KPJ: 11 digits kept as text. A numeric cell holds 11 digits exactly, so a whole
        number of 11 digits is taken (with a warning); fewer digits mean lost leading
        zeros."""
        if isinstance(raw, datetime | date | time | timedelta):
            problems.append(error("cell.auto_date", name))
            return
        if is_number(raw):
            text = tidy_text(raw)
            if (isinstance(raw, float) and not raw.is_integer()) or len(text) != 11:
                problems.append(error("kpj.excel_number", name, shown=text))
                return
            problems.append(warning("kpj.number_kept", name))
            values[name] = text
            return
        text = tidy_text(raw).lstrip("'")
        if _SCIENTIFIC.match(text):
            problems.append(error("kpj.excel_number", name, shown=text))
            return
        values[name] = text

    def _date(self, name: str, raw: object, values: dict, problems: list) -> None:
        try:
            values[name] = cell_date(raw, self.epoch)
        except (ValueError, OverflowError):
            problems.append(error("birth_date.format", "birth_date"))

    def _place_and_date(self, name: str, raw: object, values: dict, problems: list) -> None:
        """``Sukamara, 05-07-1990`` (or a date cell: the date alone)."""
        if not isinstance(raw, str):
            self._date("birth_date", raw, values, problems)
            return
        text = tidy_text(raw)
        match = _TTL.match(text)
        if not match:
            problems.append(error("birth_date.format", "birth_date"))
            values["birth_place"] = title_if_shouted(text)
            return
        values["birth_place"] = title_if_shouted(match.group(1).strip(" ,"))
        self._date("birth_date", match.group(2), values, problems)

    def _rt(self, name: str, raw: object, values: dict, problems: list) -> None:
        if isinstance(raw, datetime | date | time | timedelta):
            problems.append(error("cell.auto_date", name))
        elif is_number(raw) and float(raw).is_integer() and 0 <= raw < 1000:
            values[name] = f"{int(raw):03d}"
        else:
            values[name] = tidy_text(raw)

    def _rt_rw(self, name: str, raw: object, values: dict, problems: list) -> None:
        if isinstance(raw, datetime | date | time | timedelta):
            problems.append(error("cell.auto_date", "rt"))
            return
        parts = re.split(r"\s*[/\\\-]\s*|\s+", tidy_text(raw))
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            problems.append(error("rt_rw.format", "rt"))
            return
        values["rt"], values["rw"] = parts

    def _phone(self, name: str, raw: object, values: dict, problems: list) -> None:
        if isinstance(raw, datetime | date | time | timedelta):
            problems.append(error("cell.auto_date", name))
            return
        text = tidy_text(raw)
        if is_number(raw) and text.startswith("8"):
            text = "0" + text  # a numeric cell dropped the 0 of 08…
        values[name] = text.lstrip("'")

    def _income(self, name: str, raw: object, values: dict, problems: list) -> None:
        if is_number(raw):
            if float(raw).is_integer():
                values[name] = int(raw)
            else:
                problems.append(error("income.format", name))
            return
        text = tidy_text(raw)
        # "1.500.000,00": the decimals Indonesian spreadsheets show, not thousands
        text = re.sub(r",0{1,2}$", "", text)
        try:
            values[name] = parse_amount(text)
        except ValueError:
            problems.append(error("income.format", name))

    def _flag(self, name: str, raw: object, values: dict, problems: list) -> None:
        try:
            flag = cell_flag(raw)
        except ValueError:
            problems.append(error("choice.invalid", name))
            return
        if flag is not None:
            values[name] = flag

    def _programs(self, name: str, raw: object, values: dict, problems: list) -> None:
        """JHT as yes/no, or as a list of programmes (``JKK, JKM, JHT``)."""
        if isinstance(raw, str):
            found = set(words(raw))
            if "jht" in found:
                values[name] = True
                return
            if found and found <= {"jkk", "jkm"}:
                values[name] = False
                return
        self._flag(name, raw, values, problems)

    def _months(self, name: str, raw: object, values: dict, problems: list) -> None:
        if is_number(raw) and float(raw).is_integer():
            values[name] = int(raw)
            return
        text = tidy_text(raw)
        if not text:
            return
        if match := re.match(r"^([0-9]+)\s*(?:bulan|bln|x)?$", text.casefold()):
            values[name] = int(match.group(1))
        elif (key := _key(text)) in _PERIODS:
            values[name] = _PERIODS[key]
        else:
            problems.append(error("choice.invalid", name))

    def _choice(self, name: str, raw: object, values: dict, problems: list) -> None:
        text = tidy_text(raw)
        if not text:
            return
        # Unknown text stays as written: validation calls it ``choice.invalid``.
        values[name] = _CHOICE_FIELDS[name].get(_key(text), text)

    def _place(self, cells, values: dict, problems: list) -> None:
        """Desa (and kecamatan) as names or codes -> ``village_code``."""
        texts = {}
        for position, name in self.columns:
            if name in ("kecamatan", "village_code") and position < len(cells):
                raw = cells[position]
                if isinstance(raw, str) and raw.strip() in EXCEL_ERRORS:
                    problems.append(error("cell.excel_error", name))
                    return
                texts.setdefault(name, tidy_text(raw))
        kecamatan = None
        if texts.get("kecamatan"):
            kecamatan = self.villages.kecamatan_code(texts["kecamatan"])
            if kecamatan is None:
                # The desa may still be found by its name alone; the row stays rejected.
                problems.append(error("kecamatan.unknown", "kecamatan"))
        if not texts.get("village_code"):
            return
        code, problem = self.villages.village_code(texts["village_code"], kecamatan)
        if problem:
            problems.append(error(problem, "village_code"))
        else:
            values["village_code"] = code


def _shown_field(name: str) -> str:
    """The field a problem about column ``name`` is shown on."""
    return {"birth_place_date": "birth_date", "rt_rw": "rt"}.get(name, name)
