"""Validation of a registration against the domain rules.

`validate` returns every problem it finds (never raises), so the form can show each one
next to its field as the officer types. Rules that need the database (a NIK already held by
another registration) get it through `ValidationContext.nik_holders`, so this module stays
free of SQL.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from models.nik import NikError, clean_number, kk_problem, parse_nik
from models.problems import Problem, error, warning
from models.regions import Regions, default_regions
from models.registration import (
    CONTRIBUTION_PERIODS,
    FundingSource,
    MaritalStatus,
    Registration,
    Sex,
    Status,
    TargetGroup,
)

PHONE = re.compile(r"^(?:\+62|62|0)8[0-9]{8,11}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
DIGITS_11 = re.compile(r"^[0-9]{11}$")
#: Indonesian postal codes: 5 digits, the first (the region) 1-9.
POSTAL_CODE = re.compile(r"^[1-9][0-9]{4}$")
NAME_CHARS = re.compile(r"^[A-Za-z\u00c0-\u024f .,'`\-]+$")

#: What a missing field or declaration is called: the import lists such fields as the ones
#: to complete on the visit.
MISSING_CODES = frozenset({"required", "consent.required", "working_now.required"})

#: Fields that must be filled before a registration is ready: what the BPJS collective file
#: (resources/bpjs_collective_template.json) and the printed form need of every worker. RT/RW,
#: phone and email are asked but may be empty: not every desa has RW, nor every worker a
#: phone or an email address.
REQUIRED = (
    "nik",
    "full_name",
    "birth_place",
    "birth_date",
    "sex",
    "marital_status",
    "mother_name",
    "address",
    "rt",
    "rw",
    "village_code",
    "postal_code",
    "phone",
    "occupation",
    "target_group",
    "monthly_income",
)


@dataclass
class NikHolder:
    """A live registration that already holds a NIK."""

    id: str
    full_name: str
    status: str


@dataclass
class ValidationContext:
    """What validation needs beyond the registration itself."""

    regency_code: str = "62.08"
    age_min: int = 15
    age_max: int = 65
    today: date = field(default_factory=date.today)
    regions: Regions = field(default_factory=default_regions)
    nik_holders: Callable[[str, str], list[NikHolder]] = lambda nik, own_id: []


def normalize_phone(text: str) -> str:
    """``+62 812-3456 789`` -> ``08123456789``; text that is not a phone comes back cleaned."""
    phone = re.sub(r"[\s\-.()]", "", text)
    if phone.startswith("+62"):
        phone = "0" + phone[3:]
    elif phone.startswith("62") and len(phone) > 9:
        phone = "0" + phone[2:]
    return phone


def normalized(reg: Registration) -> Registration:
    """What people type, tidied: spaces around and inside text, separators inside numbers,
    phones in 08… form, the transport flag ticked for a transport occupation. Validation and
    storage both see this form."""
    return reg.copy(
        nik=clean_number(reg.nik),
        kk=clean_number(reg.kk),
        full_name=" ".join(reg.full_name.split()),
        mother_name=" ".join(reg.mother_name.split()),
        birth_place=" ".join(reg.birth_place.split()),
        address=" ".join(reg.address.split()),
        rt=reg.rt.strip(),
        rw=reg.rw.strip(),
        postal_code=reg.postal_code.strip(),
        phone=normalize_phone(reg.phone) if reg.phone.strip() else "",
        heir_phone=normalize_phone(reg.heir_phone) if reg.heir_phone.strip() else "",
        heir_name=" ".join(reg.heir_name.split()),
        email=reg.email.strip(),
        occupation=" ".join(reg.occupation.split()),
        csr_company=" ".join(reg.csr_company.split()),
        kpj=clean_number(reg.kpj),
        previous_kpj=clean_number(reg.previous_kpj),
        # An occupation that names a transport job says the worker is in transport.
        transport_worker=reg.transport_sector,
    )


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def validate(reg: Registration, ctx: ValidationContext | None = None) -> list[Problem]:
    """Every problem of ``reg``, in form order."""
    ctx = ctx or ValidationContext()
    reg = normalized(reg)
    problems: list[Problem] = []
    for name in REQUIRED:
        value = getattr(reg, name)
        if value is None or value == "":
            problems.append(error("required", name))
    if not reg.consent:
        problems.append(error("consent.required", "consent"))
    # A JKK or JKM claim is refused for someone who was not working: the worker declares it.
    if not reg.working_now:
        problems.append(error("working_now.required", "working_now"))
    problems += _nik_problems(reg, ctx)
    problems += _person_problems(reg, ctx)
    problems += _address_problems(reg, ctx)
    problems += _programme_problems(reg)
    return problems


def _nik_problems(reg: Registration, ctx: ValidationContext) -> list[Problem]:
    if not reg.nik:
        return []
    try:
        info = parse_nik(reg.nik, ctx.today)
    except NikError as exc:
        return [error(f"nik.{exc.code}", "nik")]
    problems = []
    if not ctx.regions.kecamatan_known(info.kecamatan_code):
        problems.append(warning("nik.region_unknown", "nik", kecamatan=info.kecamatan_code))
    if reg.birth_date and reg.birth_date != info.birth_date:
        problems.append(warning("nik.birth_date_mismatch", "birth_date", nik_date=info.birth_date))
    if reg.sex and reg.sex != info.sex:
        problems.append(warning("nik.sex_mismatch", "sex", nik_sex=info.sex))
    for holder in ctx.nik_holders(clean_number(reg.nik), reg.id):
        problems.append(error("nik.duplicate", "nik", id=holder.id, name=holder.full_name))
    return problems


def _person_problems(reg: Registration, ctx: ValidationContext) -> list[Problem]:
    problems = []
    if reg.kk and (code := kk_problem(reg.kk)):
        problems.append(error(f"kk.{code}", "kk"))
    if reg.full_name and not NAME_CHARS.match(reg.full_name):
        problems.append(warning("name.characters", "full_name"))
    if reg.mother_name and not NAME_CHARS.match(reg.mother_name):
        problems.append(warning("name.characters", "mother_name"))
    if reg.birth_date:
        if reg.birth_date > ctx.today:
            problems.append(error("birth_date.future", "birth_date"))
        else:
            age = age_on(reg.birth_date, ctx.today)
            if not ctx.age_min <= age <= ctx.age_max:
                problems.append(
                    warning("age.range", "birth_date", age=age, min=ctx.age_min, max=ctx.age_max)
                )
    if reg.sex and reg.sex not in set(Sex):
        problems.append(error("choice.invalid", "sex"))
    if reg.marital_status and reg.marital_status not in set(MaritalStatus):
        problems.append(error("choice.invalid", "marital_status"))
    return problems


def _address_problems(reg: Registration, ctx: ValidationContext) -> list[Problem]:
    problems = []
    for name in ("rt", "rw"):
        value = getattr(reg, name)
        if value and not re.fullmatch(r"[0-9]{1,3}", value):
            problems.append(error("rt_rw.format", name))
    if reg.village_code:
        if not reg.village_code.startswith(ctx.regency_code + "."):
            problems.append(error("village.outside_regency", "village_code"))
        elif ctx.regions.village(reg.village_code) is None:
            problems.append(error("village.unknown", "village_code"))
    if reg.postal_code and not POSTAL_CODE.match(reg.postal_code):
        problems.append(warning("postal_code.format", "postal_code"))
    if reg.phone and not PHONE.match(normalize_phone(reg.phone)):
        problems.append(error("phone.format", "phone"))
    if reg.email and not EMAIL.match(reg.email.strip()):
        problems.append(error("email.format", "email"))
    return problems


def _programme_problems(reg: Registration) -> list[Problem]:
    problems = []
    if reg.target_group and reg.target_group not in set(TargetGroup):
        problems.append(error("choice.invalid", "target_group"))
    if reg.monthly_income is not None and reg.monthly_income < 0:
        problems.append(error("income.negative", "monthly_income"))
    if reg.funding_source not in set(FundingSource):
        problems.append(error("choice.invalid", "funding_source"))
    elif reg.funding_source == FundingSource.CSR and not reg.csr_company.strip():
        problems.append(error("required", "csr_company"))
    if reg.contribution_months not in CONTRIBUTION_PERIODS:
        problems.append(error("choice.invalid", "contribution_months"))
    if reg.heir_phone and not PHONE.match(normalize_phone(reg.heir_phone)):
        problems.append(error("phone.format", "heir_phone"))
    if reg.kpj and not DIGITS_11.match(clean_number(reg.kpj)):
        problems.append(error("kpj.format", "kpj"))
    if reg.previous_kpj and not DIGITS_11.match(clean_number(reg.previous_kpj)):
        problems.append(error("kpj.format", "previous_kpj"))
    elif reg.previous_participant and not reg.previous_kpj:
        problems.append(error("required", "previous_kpj"))
    return problems


def confirmation(problem: Problem, reg: Registration) -> str:
    """What confirming a warning records: its code and a digest of the value it was about,
    so that the same warning about another value (a different wrong date) asks again."""
    value = getattr(normalized(reg), problem.field, "")
    digest = hashlib.sha256(str(value).encode("utf-8")).hexdigest()[:8]
    return f"{problem.code}@{digest}"


@dataclass
class Readiness:
    """Whether a registration may leave draft: no errors, every warning confirmed."""

    problems: list[Problem]
    unconfirmed: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.unconfirmed


def readiness(reg: Registration, ctx: ValidationContext) -> Readiness:
    problems = validate(reg, ctx)
    unconfirmed = [
        p for p in problems if not p.is_error and confirmation(p, reg) not in reg.warnings_confirmed
    ]
    return Readiness(problems, unconfirmed)


def with_warnings_confirmed(reg: Registration, ctx: ValidationContext) -> Registration:
    """``reg`` with every current warning recorded as confirmed by the officer."""
    found = [p for p in validate(reg, ctx) if not p.is_error]
    return reg.copy(warnings_confirmed=[confirmation(p, reg) for p in found])


#: Statuses an officer's edit moves: a changed registration must leave in a batch again.
OFFICER_STATUSES = (Status.DRAFT, Status.READY, Status.EXPORTED)


def status_after_edit(current: str, *, draft: bool, officer_device: bool = False) -> str:
    """The status an edited registration gets: draft or ready on the officer's side. On an
    officer's laptop that holds even when the district's word is in (received, submitted,
    registered, rejected): the correction must leave in a batch again, and the district
    keeps its own status (a corrected rejected registration comes back as received). At the
    district, or in a database set up for neither, the district's statuses are kept."""
    if current not in OFFICER_STATUSES and not officer_device:
        return current
    return Status.DRAFT.value if draft else Status.READY.value
