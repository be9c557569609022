"""The registration form's fields, in form order: one table for building the form, its tab
order, showing a registration and reading it back.

The form deals in *values*: the text of a line, the value chosen in a list, whether a box is
ticked. `values_of` turns a registration into the values the form shows, `registration_from`
turns values back into a registration (with a problem for a date or amount that cannot be
read), so the widgets never know a date format or how an amount is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from models.formatting import parse_amount, parse_tanggal, tanggal, thousands
from models.problems import Problem, error
from models.registration import Registration
from models.validation import REQUIRED


class Section(StrEnum):
    """The boxes of the form, in the order they are shown."""

    IDENTITY = "identity"
    ADDRESS = "address"
    WORK = "work"
    PROGRAMS = "programs"
    HEIR = "heir"
    CONSENT = "consent"


class Kind(StrEnum):
    """What a field takes, and so which widget shows it."""

    TEXT = "text"  # a line of text
    DATE = "date"  # a date typed as hh-bb-tttt
    AMOUNT = "amount"  # rupiah, typed with or without dots
    CHOICE = "choice"  # one of a list
    FLAG = "flag"  # ticked or not


NUMBER_CHARS = r"[0-9 .\-]*"  # long numbers, as people group them
DIGITS = r"[0-9]*"
PHONE_CHARS = r"[0-9 +\-]*"
AMOUNT_CHARS = r"[0-9 .Rp]*"


#: Suggestions while typing the occupation (anything else may be typed).
OCCUPATIONS = (
    "Petani", "Petani karet", "Petani sawit", "Pekebun", "Nelayan", "Peternak",
    "Pedagang", "Pedagang keliling", "Penjahit", "Tukang kayu", "Tukang batu", "Ojek",
    "Buruh harian lepas", "Atlet", "Pelatih olahraga", "Guru honorer", "Tenaga kesehatan honorer",
    "Pegawai non-ASN", "Sopir", "Ojek online", "Kurir", "Penganyam", "Pengrajin",
)  # fmt: skip


@dataclass(frozen=True)
class FieldSpec:
    """One field of the form."""

    name: str  # the Registration attribute, and the widget's object name
    section: Section
    kind: Kind = Kind.TEXT
    max_length: int = 0  # 0: no limit beyond the widget's own
    allowed: str = ""  # a regular expression of what may be typed; "" takes anything
    strip: bool = False  # spaces around the text are dropped when it is read
    blank: bool = True  # a choice that may be left unchosen (its list starts empty)
    beside: bool = False  # shares the row of the field before it (RW beside RT)
    shown_from: str = ""  # shown from this attribute and never read back
    unreadable: str = ""  # the problem code of a text that cannot be read
    suggestions: tuple[str, ...] = ()  # offered while typing; anything else may be typed

    @property
    def required(self) -> bool:
        """Whether the field must be filled before the registration is ready."""
        return self.name in REQUIRED


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("nik", Section.IDENTITY, max_length=20, allowed=NUMBER_CHARS, strip=True),
    FieldSpec("kk", Section.IDENTITY, max_length=20, allowed=NUMBER_CHARS, strip=True),
    FieldSpec("full_name", Section.IDENTITY, max_length=100),
    FieldSpec("birth_place", Section.IDENTITY, max_length=60),
    FieldSpec("birth_date", Section.IDENTITY, Kind.DATE, unreadable="birth_date.format"),
    FieldSpec("sex", Section.IDENTITY, Kind.CHOICE),
    FieldSpec("marital_status", Section.IDENTITY, Kind.CHOICE),
    FieldSpec("mother_name", Section.IDENTITY, max_length=100),
    FieldSpec("address", Section.ADDRESS, max_length=200),
    FieldSpec("rt", Section.ADDRESS, max_length=3, allowed=DIGITS),
    FieldSpec("rw", Section.ADDRESS, max_length=3, allowed=DIGITS, beside=True),
    # The kecamatan narrows the desa list; the registration keeps only the desa's code.
    FieldSpec("kecamatan", Section.ADDRESS, Kind.CHOICE, shown_from="kecamatan_code"),
    FieldSpec("village_code", Section.ADDRESS, Kind.CHOICE),
    FieldSpec("postal_code", Section.ADDRESS, max_length=5, allowed=DIGITS),
    FieldSpec("phone", Section.ADDRESS, max_length=20, allowed=PHONE_CHARS),
    FieldSpec("email", Section.ADDRESS, max_length=100),
    FieldSpec("occupation", Section.WORK, max_length=80, strip=True, suggestions=OCCUPATIONS),
    FieldSpec("target_group", Section.WORK, Kind.CHOICE),
    FieldSpec(
        "monthly_income",
        Section.WORK,
        Kind.AMOUNT,
        max_length=15,
        allowed=AMOUNT_CHARS,
        unreadable="income.format",
    ),
    # Asked when the occupation does not say it (`models.registration.names_transport_job`).
    FieldSpec("transport_worker", Section.WORK, Kind.FLAG),
    FieldSpec("program_jht", Section.PROGRAMS, Kind.FLAG),
    FieldSpec("funding_source", Section.PROGRAMS, Kind.CHOICE, blank=False),
    FieldSpec("csr_company", Section.PROGRAMS, max_length=120, strip=True),
    FieldSpec("contribution_months", Section.PROGRAMS, Kind.CHOICE, blank=False),
    FieldSpec("previous_participant", Section.PROGRAMS, Kind.FLAG),
    FieldSpec("previous_kpj", Section.PROGRAMS, max_length=20, allowed=NUMBER_CHARS, strip=True),
    FieldSpec("heir_name", Section.HEIR, max_length=100, strip=True),
    FieldSpec("heir_relation", Section.HEIR, Kind.CHOICE),
    FieldSpec("heir_phone", Section.HEIR, max_length=20, allowed=PHONE_CHARS),
    # The worker's declarations: working now (a claim depends on it) and the consent.
    FieldSpec("working_now", Section.CONSENT, Kind.FLAG),
    FieldSpec("consent", Section.CONSENT, Kind.FLAG),
)

FIELD_NAMES: tuple[str, ...] = tuple(spec.name for spec in FIELDS)

#: Kinds whose text is parsed: what was typed is kept as typed when it cannot be read.
TYPED_KINDS = (Kind.DATE, Kind.AMOUNT)


def fields_in(section: Section) -> list[FieldSpec]:
    """The fields of one section, in form order."""
    return [spec for spec in FIELDS if spec.section == section]


def values_of(reg: Registration) -> dict[str, object]:
    """What each field shows for ``reg``."""
    values: dict[str, object] = {}
    for spec in FIELDS:
        value = getattr(reg, spec.shown_from or spec.name)
        if spec.kind is Kind.DATE:
            value = tanggal(value)
        elif spec.kind is Kind.AMOUNT:
            value = thousands(value) if value is not None else ""
        values[spec.name] = value
    return values


def registration_from(
    base: Registration, values: Mapping[str, object]
) -> tuple[Registration, list[Problem]]:
    """``base`` with what the fields hold, and the problems of texts that cannot be read
    (such a field is left empty)."""
    changes: dict[str, object] = {}
    problems: list[Problem] = []
    for spec in FIELDS:
        if spec.shown_from:
            continue
        value = values[spec.name]
        if spec.kind in TYPED_KINDS:
            parse = parse_tanggal if spec.kind is Kind.DATE else parse_amount
            try:
                value = parse(str(value))
            except ValueError:
                value = None
                problems.append(error(spec.unreadable, spec.name))
        elif spec.kind is Kind.TEXT and spec.strip:
            value = str(value).strip()
        elif spec.kind is Kind.CHOICE and value is None:
            value = ""
        changes[spec.name] = value
    return base.copy(**changes), problems


def typed_texts(values: Mapping[str, object]) -> dict[str, str]:
    """The texts of the fields that are parsed, as typed (an autosave keeps them, so a
    half-typed date comes back half typed)."""
    return {spec.name: str(values[spec.name]) for spec in FIELDS if spec.kind in TYPED_KINDS}
