"""One row of an imported Excel list as a registration: cell values as registration fields.

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

#: The error values Excel and LibreOffice store in a formula cell that failed.
from excel.cell_values import (
    EXCEL_ERRORS,
    FUNDING,
    HEIR_RELATION,
    MARITAL,
    PERIODS,
    SCIENTIFIC,
    SEX,
    TARGET_GROUP,
    cell_date,
    cell_flag,
    choice_key,
    is_number,
    tidy_text,
    title_if_shouted,
)
from excel.headers import words
from excel.villages import VillageFinder
from models.formatting import parse_amount
from models.problems import Problem, error, warning
from models.registration import Registration, new_id

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
            "transport_worker": self._flag,
            "working_now": self._flag,
            "previous_participant": self._flag,
            "previous_kpj": self._kpj,
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
        if values.get("previous_kpj") and "previous_participant" not in values:
            values["previous_participant"] = True  # an old KPJ says so
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
        if is_number(raw) or SCIENTIFIC.match(text):
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
        if SCIENTIFIC.match(text):
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
        elif (key := choice_key(text)) in PERIODS:
            values[name] = PERIODS[key]
        else:
            problems.append(error("choice.invalid", name))

    def _choice(self, name: str, raw: object, values: dict, problems: list) -> None:
        text = tidy_text(raw)
        if not text:
            return
        # Unknown text stays as written: validation calls it ``choice.invalid``.
        values[name] = _CHOICE_FIELDS[name].get(choice_key(text), text)

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
