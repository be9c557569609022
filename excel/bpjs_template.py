"""The layout of BPJS's collective-registration upload, and registrations as its rows.

`load_template` reads and checks the layout (`resources/bpjs_collective_template.json` by
default, or a branch's own file): which column holds which registration field, derived value
or constant. `bpjs_text` turns a value into the all-text form the upload takes, and
`_BpjsRows` makes a registration's row after a template.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from excel.excel_labels import _clean, _Names
from excel.export_errors import ExcelExportError
from models import export_rows
from models.contribution import ContributionTable
from models.registration import Registration
from models.resources import resource_path
from models.segments import SegmentCodes, default_segment_codes

#: What BPJS's bulk upload accepts in one file.
BPJS_MAX_ROWS = 10_000
DEFAULT_TEMPLATE = "bpjs_collective_template.json"


@dataclass(frozen=True)
class BpjsColumn:
    """One column of the BPJS layout: its header, where its value comes from (a
    registration field or one of `DERIVED_VALUES`) or a constant, and an optional map from
    the value as written by default to the text the template wants."""

    header: str
    value: str = ""
    constant: str | None = None
    map: Mapping[str, str] = field(default_factory=dict)
    upper: bool = False


@dataclass(frozen=True)
class BpjsTemplate:
    """The layout of BPJS's upload file, read from a template JSON file."""

    columns: tuple[BpjsColumn, ...]
    name: str = ""
    verified: bool = False
    note: str = ""
    sheet_title: str = "Sheet1"
    max_rows_per_file: int = BPJS_MAX_ROWS
    file_prefix: str = "bpjs-kolektif"


#: Values a template column may name besides the registration's own fields:
#: ``start_date`` is the day of the export, ``coverage_start`` the day coverage starts (the
#: regency's PKS date, not before the export: `models.export_rows.coverage_start`),
#: ``base_income`` the bracket's base (upah dasar), ``segment_code`` BPJS's code for who
#: pays (`models.segments`, unverified), ``old_kpj`` the old KPJ of a former participant.
DERIVED_VALUES = (
    "village_name", "kecamatan_name", "regency_name", "province_name", "kecamatan_code",
    "regency_code", "province_code", "program_jkk", "program_jkm", "programs", "start_date",
    "coverage_start", "base_income", "segment_code", "old_kpj", "monthly_contribution",
    "row_number",
)  # fmt: skip
_REGISTRATION_FIELDS = frozenset(Registration.__dataclass_fields__) - {"warnings_confirmed"}
_FILE_PREFIX = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,60}")


def _template_error(message: str) -> ExcelExportError:
    return ExcelExportError("template_invalid", f"BPJS template: {message}")


def load_template(source: Path | str | Mapping | None = None) -> BpjsTemplate:
    """The BPJS layout from a JSON file (the shipped one by default) or an already parsed
    mapping; `ExcelExportError` ``template_invalid`` says what is wrong with it."""
    if isinstance(source, Mapping):
        data = source
    else:
        path = Path(source) if source is not None else resource_path(DEFAULT_TEMPLATE)
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise _template_error(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, Mapping) or not isinstance(data.get("columns"), list):
        raise _template_error("it needs a list of columns")
    if not data["columns"]:
        raise _template_error("it has no columns")
    known = _REGISTRATION_FIELDS | set(DERIVED_VALUES)
    columns = [_column(number, spec, known) for number, spec in enumerate(data["columns"], 1)]
    limit = data.get("max_rows_per_file", BPJS_MAX_ROWS)
    if not isinstance(limit, int) or not 1 <= limit <= BPJS_MAX_ROWS:
        raise _template_error(f"max_rows_per_file must be 1 to {BPJS_MAX_ROWS:,}")
    prefix = data.get("file_prefix", "bpjs-kolektif")
    if not isinstance(prefix, str) or not _FILE_PREFIX.fullmatch(prefix):
        raise _template_error("file_prefix must be a plain file name")
    return BpjsTemplate(
        columns=tuple(columns),
        name=str(data.get("name", "")),
        verified=data.get("verified") is True,
        note=str(data.get("note", "")),
        sheet_title=str(data.get("sheet_title") or "Sheet1")[:31],
        max_rows_per_file=limit,
        file_prefix=prefix,
    )


def _column(number: int, spec: object, known: set[str]) -> BpjsColumn:
    """Column ``number`` of a template, checked."""
    if not isinstance(spec, Mapping) or not isinstance(spec.get("header"), str):
        raise _template_error(f"column {number} needs a header")
    value, constant = spec.get("value", ""), spec.get("constant")
    if constant is not None and not isinstance(constant, str):
        raise _template_error(f"column {number}: a constant is text")
    if constant is None and value not in known:
        raise _template_error(f"column {number} ({spec['header']}): unknown value {value!r}")
    mapping = spec.get("map", {})
    if not isinstance(mapping, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()
    ):
        raise _template_error(f"column {number}: 'map' maps text to text")
    return BpjsColumn(spec["header"], value, constant, dict(mapping), bool(spec.get("upper")))


def bpjs_text(value) -> str:
    """A value as BPJS's all-text upload takes it: dates dd-mm-yyyy, amounts as digits,
    yes/no as Y/T, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Y" if value else "T"
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return _clean(str(value))


class _BpjsRows:
    """Turns registrations into rows of text after a template."""

    def __init__(
        self,
        template: BpjsTemplate,
        names: _Names,
        table: ContributionTable,
        today: date,
        *,
        pks_date: str = "",
        segments: SegmentCodes | None = None,
    ):
        self.template = template
        self.names = names
        self.table = table
        self.today = today
        self.coverage_start = export_rows.coverage_start(pks_date, today)
        self.segments = segments or default_segment_codes()
        self.getters = [self._getter(column) for column in template.columns]

    def _getter(self, column: BpjsColumn) -> Callable[[Registration, int], str]:
        if column.constant is not None:
            constant = column.constant
            return lambda reg, number: constant
        source = self._source(column.value)
        mapping, upper = column.map, column.upper

        def text(reg: Registration, number: int) -> str:
            value = bpjs_text(source(reg, number))
            value = mapping.get(value, value)
            return value.upper() if upper else value

        return text

    def _source(self, name: str) -> Callable[[Registration, int], object]:
        names = self.names
        derived: dict[str, Callable[[Registration, int], object]] = {
            "village_name": lambda reg, n: names.village(reg.village_code),
            "kecamatan_name": lambda reg, n: names.kecamatan(reg.kecamatan_code),
            "regency_name": lambda reg, n: names.regency(reg.village_code),
            "province_name": lambda reg, n: names.province(reg.village_code),
            "kecamatan_code": lambda reg, n: reg.kecamatan_code,
            "regency_code": lambda reg, n: reg.village_code[:5],
            "province_code": lambda reg, n: reg.village_code[:2],
            "program_jkk": lambda reg, n: True,
            "program_jkm": lambda reg, n: True,
            "programs": lambda reg, n: ", ".join(reg.programs),
            "start_date": lambda reg, n: self.today,
            "coverage_start": lambda reg, n: self.coverage_start,
            "base_income": lambda reg, n: export_rows.base_income(reg, self.table),
            "segment_code": lambda reg, n: export_rows.segment_code(reg, self.segments),
            "old_kpj": lambda reg, n: reg.previous_kpj if reg.previous_participant else "",
            "monthly_contribution": lambda reg, n: export_rows.monthly_contribution(
                reg, self.table, self.today
            ),
            "row_number": lambda reg, n: n,
        }
        if name in derived:
            return derived[name]
        return lambda reg, n: getattr(reg, name)

    def row(self, reg: Registration, number: int) -> list[str]:
        return [getter(reg, number) for getter in self.getters]
