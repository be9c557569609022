"""Entering one registration: what a valid NIK fills in, which problems are shown next to
which field, and what saving comes to. No Qt: the registration form asks an `EntrySession`
and shows what comes back.

The session works on the form's *values* (`models.entry_fields`). Saving as a draft always
stores; saving as ready is `Blocked` by errors, needs the officer's confirmation of each
warning (`NeedsConfirmation`; a confirmed warning is remembered with the value it was about)
and comes to `Saved` or to why it was not stored (`NikTaken`, `ChangedElsewhere`,
`NotWritten`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from models.autosave import Typing
from models.contribution import Contribution, ContributionTable, default_table
from models.entry_fields import FIELD_NAMES, registration_from, typed_texts, values_of
from models.formatting import parse_amount, tanggal
from models.identity import is_officer_device
from models.nik import NikError, parse_nik
from models.problems import Problem, error, errors, warnings
from models.regions import Regions, default_regions
from models.registration import FundingSource, Registration, names_transport_job
from models.settings import Settings
from models.sqlite_driver import sqlite
from models.store import DuplicateNik, NotReady, RegistrationStore, StaleRegistration
from models.validation import (
    ValidationContext,
    readiness,
    status_after_edit,
    validate,
    with_warnings_confirmed,
)

#: Problems shown only once the officer has left the field (or tried to save), so a
#: half-typed NIK is not scolded at every keystroke.
SHOWN_WHEN_LEFT = frozenset(
    {"required", "nik.length", "kk.length", "birth_date.format", "postal_code.format"}
)

Values = Mapping[str, object]


@dataclass(frozen=True)
class Autofill:
    """What a readable NIK fills in; None leaves that field as it is."""

    birth_date: str | None = None  # as shown, hh-bb-tttt
    sex: str | None = None
    kecamatan: str | None = None  # a suggestion: the officer is told to check it


@dataclass(frozen=True)
class Saved:
    registration: Registration  # as stored


@dataclass(frozen=True)
class Blocked:
    """Errors keep the registration from being ready (a draft would still be saved)."""

    errors: list[Problem]


@dataclass(frozen=True)
class NeedsConfirmation:
    """Warnings the officer must confirm; save again with them as ``confirmed``."""

    warnings: list[Problem]


@dataclass(frozen=True)
class NikTaken:
    """Another live registration holds the NIK (``problems`` name each holder)."""

    problems: list[Problem]


@dataclass(frozen=True)
class ChangedElsewhere:
    """The registration was changed elsewhere since the form loaded it."""


@dataclass(frozen=True)
class NotWritten:
    """The database refused the write (a full disk, a locked file)."""

    reason: str


SaveOutcome = Saved | Blocked | NeedsConfirmation | NikTaken | ChangedElsewhere | NotWritten


def csr_company_applies(funding_source: object) -> bool:
    """Whether a company name is asked for: only when a company's CSR pays."""
    return funding_source == FundingSource.CSR


def village_fits(village_code: str, kecamatan_code: str) -> bool:
    """Whether the chosen desa may stay when the kecamatan becomes ``kecamatan_code``."""
    return not village_code or village_code.startswith(kecamatan_code or "-")


def kecamatan_of_village(village_code: str, kecamatan_code: str) -> str | None:
    """The kecamatan to choose for a desa chosen from the whole regency's list; None when a
    kecamatan is chosen already (or no desa)."""
    return village_code[:8] if village_code and not kecamatan_code else None


class EntrySession:
    """One registration in the form, from loading (or starting blank) to saving."""

    def __init__(
        self,
        store: RegistrationStore,
        settings: Settings,
        regions: Regions | None = None,
        table: ContributionTable | None = None,
        today: date | None = None,
    ):
        self.store = store
        self.settings = settings
        self.regions = regions or default_regions()
        self.table = table or default_table()
        self.today = today  # None: the day it is when checking
        self.base = Registration()
        self.problems: list[Problem] = []
        self.touched: set[str] = set()
        self._clean: dict[str, object] = {}
        self._autofilled: dict[str, object] = {}

    # --- starting ------------------------------------------------------------------

    def blank(self) -> Registration:
        """A new registration by this device's officer."""
        return Registration(
            created_by=self.settings.officer_name, device_id=self.settings.device_id
        )

    def start(self, reg: Registration) -> dict[str, object]:
        """Work on ``reg`` from now on; returns what each field shows."""
        self.base = reg
        self.touched = set()
        self._autofilled = {}
        return values_of(reg)

    @property
    def registration_id(self) -> str:
        """Id of the registration ("" for a new one not yet saved)."""
        return self.base.id if self.base.version else ""

    def mark_clean(self, values: Values) -> None:
        """``values`` hold nothing unsaved (just loaded, or the officer dropped the typing)."""
        self._clean = dict(values)

    def is_dirty(self, values: Values) -> bool:
        return dict(values) != self._clean

    def unsaved(self, values: Values) -> Typing | None:
        """What an autosave keeps of ``values``; None when nothing is unsaved."""
        if not self.is_dirty(values):
            return None
        reg, _ = self.read(values)
        return Typing(reg, typed_texts(values))

    # --- checking ------------------------------------------------------------------

    def context(self) -> ValidationContext:
        return ValidationContext(
            regency_code=self.settings.regency_code,
            age_min=self.settings.age_min,
            age_max=self.settings.age_max,
            today=self.today or date.today(),
            regions=self.regions,
            nik_holders=self.store.nik_holders,
        )

    def read(self, values: Values) -> tuple[Registration, list[Problem]]:
        """The registration the values make, and the problems of texts that cannot be read."""
        return registration_from(self.base, values)

    def problems_of(self, values: Values) -> list[Problem]:
        """Every problem of ``values``: an unreadable text is not also said to be missing."""
        reg, parse_problems = self.read(values)
        unread = {p.field for p in parse_problems}
        found = validate(reg, self.context())
        return parse_problems + [
            p for p in found if not (p.field in unread and p.code == "required")
        ]

    def check(self, values: Values) -> list[Problem]:
        """Find the problems of ``values`` and keep them for `shown`."""
        self.problems = self.problems_of(values)
        return self.problems

    def leave(self, name: str) -> None:
        """The officer left field ``name``: its problems may be shown now."""
        self.touched.add(name)

    def shown(self, values: Values) -> dict[str, list[Problem]]:
        """The problems to show next to each field: one of an empty or half-typed field
        waits until the officer has left it."""
        by_field: dict[str, list[Problem]] = {}
        for problem in self.problems:
            value = values.get(problem.field)
            hidden = problem.field not in self.touched and (
                problem.code in SHOWN_WHEN_LEFT or value in ("", None, False)
            )
            if not hidden:
                by_field.setdefault(problem.field, []).append(problem)
        return by_field

    def tally(self) -> tuple[int, int]:
        """How many errors and warnings there are."""
        return len(errors(self.problems)), len(warnings(self.problems))

    def contribution(self, values: Values) -> Contribution | None:
        """What the typed income costs with the chosen programmes; None without an income."""
        try:
            income = parse_amount(str(values["monthly_income"]))
        except ValueError:
            income = None
        if income is None:
            return None
        return self.table.contribution(
            income,
            jht=bool(values["program_jht"]),
            months=values["contribution_months"] or 1,
            funding_source=values["funding_source"],
            on=self.today,
            transport=bool(values["transport_worker"])
            or names_transport_job(str(values["occupation"])),
        )

    # --- NIK -----------------------------------------------------------------------

    def autofill(self, values: Values) -> Autofill | None:
        """What the NIK in ``values`` fills in; None when it cannot be read.

        A field is filled when it is empty, or when an earlier (mistyped) NIK filled it and
        nobody has changed it since. The kecamatan is suggested only when it is one of the
        regency's.
        """
        try:
            info = parse_nik(str(values["nik"]), self.today)
        except NikError:
            return None
        filled = self._autofilled
        birth_date = sex = kecamatan = None
        shown_date = str(values["birth_date"])
        if not shown_date.replace("-", "").strip() or shown_date == filled.get("birth_date"):
            birth_date = filled["birth_date"] = tanggal(info.birth_date)
        if not values["sex"] or values["sex"] == filled.get("sex"):
            sex = filled["sex"] = info.sex
        current = values["kecamatan"]
        regency = {k.code for k in self.regions.kecamatan_of(self.settings.regency_code)}
        if (not current or current == filled.get("kecamatan")) and info.kecamatan_code in regency:
            if current != info.kecamatan_code:
                kecamatan = info.kecamatan_code
            filled["kecamatan"] = info.kecamatan_code
        return Autofill(birth_date, sex, kecamatan)

    # --- saving --------------------------------------------------------------------

    def save(
        self, values: Values, *, draft: bool = False, confirmed: Sequence[Problem] = ()
    ) -> SaveOutcome:
        """Store what ``values`` make: as a draft always, as ready only without errors and
        with every warning among ``confirmed``. Saving as ready marks every field as left,
        so all problems show."""
        reg, parse_problems = self.read(values)
        context = self.context()
        officer_device = is_officer_device(self.store.db)
        if not draft:
            self.touched = set(FIELD_NAMES)
            self.check(values)
            found = readiness(reg, context)
            blocking = parse_problems + found.errors
            if blocking:
                return Blocked(blocking)
            if any(p not in confirmed for p in found.unconfirmed):
                return NeedsConfirmation(found.unconfirmed)
            reg = with_warnings_confirmed(reg, context)
        reg = reg.copy(
            status=status_after_edit(reg.status, draft=draft, officer_device=officer_device)
        )
        try:
            stored = self.store.save(
                reg, actor=self.settings.officer_name, context=None if draft else context
            )
        except NotReady as exc:  # the checks above passed a moment ago: only a race gets here
            self.check(values)
            if exc.readiness.errors:
                return Blocked(exc.readiness.errors)
            return NeedsConfirmation(exc.readiness.unconfirmed)
        except DuplicateNik as exc:
            self.problems = [
                error("nik.duplicate", "nik", id=h.id, name=h.full_name) for h in exc.holders
            ]
            self.touched.add("nik")
            return NikTaken(self.problems)
        except StaleRegistration:
            return ChangedElsewhere()
        except sqlite.Error as exc:
            return NotWritten(str(exc))
        return Saved(stored)
