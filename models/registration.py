"""The registration of one worker, and the vocabularies its fields take values from.

A `Registration` is plain data: validation lives in `models.validation`, storage in
`models.store`. Field names follow the `registrations` table one to one.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Status(StrEnum):
    """Where a registration is on its way from the village to BPJS."""

    DRAFT = "draft"
    READY = "ready"
    EXPORTED = "exported"
    RECEIVED = "received"
    SUBMITTED = "submitted"
    REGISTERED = "registered"
    REJECTED = "rejected"


class Sex(StrEnum):
    MALE = "L"
    FEMALE = "P"


class MaritalStatus(StrEnum):
    SINGLE = "belum_kawin"
    MARRIED = "kawin"
    DIVORCED = "cerai_hidup"
    WIDOWED = "cerai_mati"


class TargetGroup(StrEnum):
    """The programme's target groups (Perda Kab. Sukamara 7/2022 and its peers)."""

    POOR = "miskin_rentan"
    ATHLETE = "atlet"
    UMKM = "umkm"
    FARMER = "petani"
    LIVESTOCK = "peternak"
    FISHER = "nelayan"
    NON_ASN = "non_asn"
    INFORMAL = "informal_lain"


class FundingSource(StrEnum):
    """Who pays the contributions. BPJS groups pekerja rentan by who pays them (its segment
    code, `resources/segment_codes.json`); PP 50/2025's discount depends on it too."""

    APBD = "apbd"  # the regency's budget (APBD kabupaten)
    APBDES = "apbdes"  # a desa's budget (APBDes)
    DBH_SAWIT = "dbh_sawit"  # palm-oil revenue share, paid through the regency's budget
    CSR = "csr"  # a named company
    SELF = "mandiri"  # the worker pays


class HeirRelation(StrEnum):
    SPOUSE = "suami_istri"
    CHILD = "anak"
    PARENT = "orang_tua"
    SIBLING = "saudara"
    OTHER = "lainnya"


CONTRIBUTION_PERIODS = (1, 3, 6, 12)

#: Words of an occupation that name a transport job (ojol, ojek pangkalan, drivers,
#: couriers): PP 50/2025 gives those workers a longer discount. Whole words, any case.
TRANSPORT_WORDS = frozenset(
    {"ojek", "ojol", "sopir", "supir", "driver", "pengemudi", "kurir", "courier"}
)


def names_transport_job(occupation: str) -> bool:
    """Whether ``occupation`` (as typed: ``Ojek online``, ``Sopir truk``) is a transport job."""
    return not TRANSPORT_WORDS.isdisjoint(re.findall(r"[a-z]+", occupation.casefold()))


def new_id() -> str:
    """A registration id: a random UUID, stable for the record's whole life."""
    return str(uuid.uuid4())


@dataclass
class Registration:
    """One worker's registration, as typed by an officer (all text fields may be empty)."""

    id: str = field(default_factory=new_id)
    nik: str = ""
    kk: str = ""
    full_name: str = ""
    birth_place: str = ""
    birth_date: date | None = None
    sex: str = ""
    marital_status: str = ""
    mother_name: str = ""
    address: str = ""
    rt: str = ""
    rw: str = ""
    village_code: str = ""
    postal_code: str = ""
    phone: str = ""
    email: str = ""
    occupation: str = ""
    target_group: str = ""
    monthly_income: int | None = None
    program_jht: bool = False
    funding_source: str = FundingSource.APBD.value
    csr_company: str = ""
    contribution_months: int = 1
    heir_name: str = ""
    heir_relation: str = ""
    heir_phone: str = ""
    consent: bool = False
    # Works in transport (ojol, ojek, driver, courier): ticked by hand when the occupation
    # does not say so (see `transport_sector`).
    transport_worker: bool = False
    # Declared working now: a JKM or JKK claim depends on it.
    working_now: bool = False
    # A BPJS Ketenagakerjaan participant before, and the old KPJ (11 digits, as text).
    previous_participant: bool = False
    previous_kpj: str = ""
    status: str = Status.DRAFT.value
    kpj: str = ""
    # The day the KPJ card was handed to the worker (ISO date; '' = not yet):
    # `models.card_handover` records it, only once there is a KPJ.
    kpj_card_handed_on: str = ""
    warnings_confirmed: list[str] = field(default_factory=list)
    created_by: str = ""
    device_id: str = ""
    created_at: str = ""
    updated_at: str = ""
    version: int = 0
    deleted: bool = False

    @property
    def kecamatan_code(self) -> str:
        """Kemendagri code of the kecamatan, from the village code (``62.08.01``)."""
        return self.village_code[:8] if len(self.village_code) >= 8 else ""

    @property
    def transport_sector(self) -> bool:
        """Works in transport: ticked, or the occupation names a transport job."""
        return self.transport_worker or names_transport_job(self.occupation)

    @property
    def programs(self) -> tuple[str, ...]:
        """JKK and JKM always; JHT when chosen."""
        return ("JKK", "JKM", "JHT") if self.program_jht else ("JKK", "JKM")

    def to_row(self) -> dict:
        """The registration as a `registrations` table row (plain SQLite values)."""
        # Shallow: dataclasses.asdict deep-copies every value, which cost more than the rest
        # of a bulk insert together.
        row = {name: getattr(self, name) for name in _FIELD_NAMES}
        row["birth_date"] = self.birth_date.isoformat() if self.birth_date else None
        for flag in FLAG_FIELDS:
            row[flag] = int(row[flag])
        row["warnings_confirmed"] = ",".join(sorted(set(self.warnings_confirmed)))
        return row

    @classmethod
    def from_row(cls, row: dict) -> Registration:
        """Build a registration from a table row (unknown keys are ignored)."""
        names = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in row.items() if k in names}
        for key, value in list(values.items()):
            if value is None and isinstance(getattr(cls, key, None), str):
                values[key] = ""
        birth = values.get("birth_date")
        values["birth_date"] = date.fromisoformat(birth) if birth else None
        for flag in FLAG_FIELDS:
            values[flag] = bool(values.get(flag))
        confirmed = values.get("warnings_confirmed") or ""
        values["warnings_confirmed"] = [c for c in confirmed.split(",") if c]
        return cls(**values)

    def copy(self, **changes) -> Registration:
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)


_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(Registration))
#: The yes/no fields, stored as 0 or 1.
FLAG_FIELDS = tuple(f.name for f in dataclasses.fields(Registration) if f.type == "bool")
