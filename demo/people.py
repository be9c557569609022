"""Realistic fake registrations for demonstrations, training and load tests.

`generate` makes people the way an officer in a Central Kalimantan regency would meet them:
Banjar, Malay, Dayak, Javanese, Bugis and Madurese names, NIKs whose birth date and sex agree
with the record, first issued mostly in a kecamatan of the configured regency and sometimes
elsewhere (migrants from Java, South Kalimantan, Sulawesi ...), villages of the regency,
farmers more than anyone else. `fill_demo` stores them.

The same seed gives the same people (every field) but fresh ids, so two demo databases made
with one seed hold the same workers as different records, the way two officers would.
Birth dates depend on the seed and on the calendar year of ``today`` only, so the people stay
the same all year.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Sequence
from datetime import date
from random import Random

from demo.tables import (
    CSR_COMPANIES,
    DEFAULT_OFFICER,
    DRAFT_GAPS,
    DRAFT_SHARE,
    FUNDING,
    HAMLETS,
    HEIR_RELATIONS,
    JAVA_TOWNS,
    JAVANESE,
    KALTENG_TOWNS,
    LOCAL_MIX,
    MADURA_TOWNS,
    MADURESE,
    MIGRANT_ORIGINS,
    MIGRANT_SHARE,
    NOT_EMAIL,
    ORIGIN_NAMES,
    PHONE_LENGTHS,
    PHONE_PREFIXES,
    STREETS,
    TARGET_GROUPS,
    WORK,
    NameGroup,
    Weighted,
    Work,
)
from models.regions import Region, Regions, default_regions
from models.registration import (
    FundingSource,
    HeirRelation,
    MaritalStatus,
    Registration,
    Sex,
    Status,
    TargetGroup,
    new_id,
)

# --- generation --------------------------------------------------------------------------


class _Generator:
    """Draws people from one `Random`; remembers the NIKs it gave out."""

    def __init__(
        self,
        rng: Random,
        regency_code: str,
        today: date,
        regions: Regions,
        officer: str,
        device_id: str,
    ):
        self.rng = rng
        self.today = today
        self.officer = officer
        self.device_id = device_id
        self.used: set[str] = set()
        kecamatan = regions.kecamatan_of(regency_code)
        villages = regions.villages_of(regency_code)
        if not kecamatan or not villages:
            raise ValueError(f"unknown regency or no villages: {regency_code}")
        self.villages = villages
        self.villages_by_kecamatan: dict[str, list[Region]] = {}
        for village in villages:
            self.villages_by_kecamatan.setdefault(village.parent, []).append(village)
        self.local_kecamatan = [k for k in kecamatan if k.code in self.villages_by_kecamatan]
        self.migrant_kecamatan: dict[str, list[Region]] = {}
        for k in regions.kecamatan.values():
            if k.parent != regency_code:
                self.migrant_kecamatan.setdefault(k.code[:2], []).append(k)
        for kecs in self.migrant_kecamatan.values():
            kecs.sort(key=lambda k: k.code)  # the same seed must pick the same codes
        origins = zip(MIGRANT_ORIGINS.items, MIGRANT_ORIGINS.weights, strict=True)
        self.migrant_origins = Weighted(
            [(province, w) for province, w in origins if province in self.migrant_kecamatan]
        )
        regency = regions.regency_name(regency_code)
        self.home_town = _town_name(regency) or _town_name(self.local_kecamatan[0].name)
        self.local_towns = [self.home_town] * 4 + [_town_name(k.name) for k in kecamatan]
        self.regency_names = {code: _town_name(r.name) for code, r in regions.regencies.items()}

    def _int(self, low: int, high: int) -> int:
        """A whole number from ``low`` to ``high`` (cheaper than `Random.randint`)."""
        return low + int(self.rng.random() * (high - low + 1))

    def _choice(self, items: Sequence):
        return items[int(self.rng.random() * len(items))]

    # one person ---------------------------------------------------------------------------

    def person(self) -> Registration:
        rng = self.rng
        migrant = rng.random() < MIGRANT_SHARE
        if migrant:
            province = self.migrant_origins.pick(rng)
            nik_kecamatan = self._choice(self.migrant_kecamatan[province]).code
            names = ORIGIN_NAMES.get(province, LOCAL_MIX).pick(rng)
            home = self._choice(self.local_kecamatan).code
        else:
            province = ""
            nik_kecamatan = self._choice(self.local_kecamatan).code
            names = LOCAL_MIX.pick(rng)
            home = nik_kecamatan if rng.random() < 0.85 else self._choice(self.local_kecamatan).code
        village = self._choice(self.villages_by_kecamatan[home])

        group = TARGET_GROUPS.pick(rng)
        work = WORK[group]
        sex = Sex.FEMALE if rng.random() < _FEMALE_SHARE[group] else Sex.MALE
        age = self._age(work)
        birth, nik = self._birth_and_nik(nik_kecamatan, age, sex)
        full_name = self._name(names, sex)
        marital = self._marital(age)
        income = self._income(work)
        funding = FUNDING.pick(rng)

        reg = Registration(
            id=new_id(),
            nik=nik,
            kk=self._kk(home if migrant else nik_kecamatan),
            full_name=full_name,
            birth_place=self._birth_place(province, nik_kecamatan, names),
            birth_date=birth,
            sex=sex.value,
            marital_status=marital.value,
            mother_name=self._name(names, Sex.FEMALE, max_words=2),
            address=self._address(village),
            rt=f"{self._int(1, 25):03d}",
            # A desa without RW: the KTP writes 000.
            rw=f"{self._int(1, 8):03d}" if rng.random() < 0.7 else "000",
            village_code=village.code,
            postal_code=_postal_code(village),
            # BPJS needs a mobile number; a worker without one gives a family member's (made
            # from the NIK, so the random draws, and with them the same seed's people, stay).
            phone=self._phone() if rng.random() < 0.93 else f"0821{nik[-8:]}",
            email=self._email(full_name) if age < 40 and rng.random() < 0.12 else "",
            occupation=work.occupations.pick(rng),
            target_group=group.value,
            monthly_income=income,
            program_jht=rng.random() < (0.5 if funding is FundingSource.SELF else 0.23),
            funding_source=funding.value,
            csr_company=self._choice(CSR_COMPANIES) if funding is FundingSource.CSR else "",
            contribution_months=self._months(funding),
            consent=True,
            working_now=True,  # the worker declares working now (claims depend on it)
            status=Status.READY.value,
            created_by=self.officer,
            device_id=self.device_id,
        )
        if rng.random() < 0.93:
            self._heir(reg, names, marital)
        if not 15 <= _age_on(birth, self.today) <= 65:
            reg.warnings_confirmed = ["age.range"]
        if rng.random() < DRAFT_SHARE:
            self._make_draft(reg)
        return reg

    # fields -------------------------------------------------------------------------------

    def _age(self, work: Work) -> int:
        rng = self.rng
        if rng.random() < 0.003:
            return self._int(66, 68)  # the odd older worker the form warns about
        low, high, mode = work.ages
        return round(rng.triangular(low + 1, high, mode))

    def _birth_and_nik(self, kecamatan: str, age: int, sex: Sex) -> tuple[date, str]:
        rng = self.rng
        area = kecamatan.replace(".", "")
        while True:
            # Age is reached at some point of this calendar year, so the people stay the
            # same all year; the age on ``today`` is ``age`` or ``age - 1``.
            year = self.today.year - age
            month = self._int(1, 12)
            day = self._int(1, calendar.monthrange(year, month)[1])
            nik_day = day + 40 if sex is Sex.FEMALE else day
            stem = f"{area}{nik_day:02d}{month:02d}{year % 100:02d}"
            # Serials count up per kecamatan and birth date, so small ones are common.
            for attempt in range(40):
                top = 30 if attempt == 0 and rng.random() < 0.8 else 9999
                nik = f"{stem}{self._int(1, top):04d}"
                if nik not in self.used:
                    self.used.add(nik)
                    return date(year, month, day), nik

    def _name(self, names: NameGroup, sex: Sex, max_words: int = 3) -> str:
        rng = self.rng
        female = sex is Sex.FEMALE
        given = names.female if female else names.male
        second = names.female_second if female else names.male_second
        prefixes = names.prefixes_female if female else names.prefixes_male
        first = self._choice(given)
        roll = rng.random()
        if roll < names.single:
            return first
        words = [first, self._choice(second)]
        if max_words >= 3 and roll > 0.82:
            extra = self._choice(prefixes) if prefixes else self._choice(given)
            words.insert(0, extra)
        unique = list(dict.fromkeys(words))
        return " ".join(unique)

    def _marital(self, age: int) -> MaritalStatus:
        roll = self.rng.random()
        if age < 22:
            return MaritalStatus.SINGLE if roll < 0.85 else MaritalStatus.MARRIED
        if age < 30:
            return MaritalStatus.SINGLE if roll < 0.35 else MaritalStatus.MARRIED
        if roll < 0.06:
            return MaritalStatus.SINGLE
        if roll < 0.12:
            return MaritalStatus.DIVORCED
        if roll < (0.16 if age < 50 else 0.30):
            return MaritalStatus.WIDOWED
        return MaritalStatus.MARRIED

    def _income(self, work: Work) -> int:
        rng = self.rng
        if rng.random() < 0.03:
            low, high = 3_000_000, 7_500_000
        else:
            low, high = work.income
        return self._int(low // 50_000, high // 50_000) * 50_000

    def _kk(self, kecamatan: str) -> str:
        year = self._int(2008, self.today.year - 1)
        month = self._int(1, 12)
        day = self._int(1, 28)
        area = kecamatan.replace(".", "")
        return f"{area}{day:02d}{month:02d}{year % 100:02d}{self._int(1, 9999):04d}"

    def _birth_place(self, province: str, nik_kecamatan: str, names: NameGroup) -> str:
        rng = self.rng
        if province:
            if rng.random() < 0.85:
                return self.regency_names.get(nik_kecamatan[:5]) or self.home_town
            return (
                self._choice(JAVA_TOWNS) if province in {"32", "33", "34", "35"} else self.home_town
            )
        roll = rng.random()
        if names is JAVANESE and roll < 0.35:
            return self._choice(JAVA_TOWNS)
        if names is MADURESE and roll < 0.35:
            return self._choice(MADURA_TOWNS)
        if roll > 0.85:
            return self._choice(KALTENG_TOWNS).replace("_", " ")
        return self._choice(self.local_towns)

    def _address(self, village: Region) -> str:
        rng = self.rng
        kelurahan = village.code[9:10] == "1"
        if kelurahan or rng.random() < 0.45:
            street = self._choice(STREETS).replace("_", " ")
            return f"Jl. {street} No. {self._int(1, 120)}"
        if rng.random() < 0.7:
            return f"Dusun {self._choice(HAMLETS).replace('_', ' ')}"
        return f"Jl. Poros Desa {village.name} No. {self._int(1, 80)}"

    def _phone(self) -> str:
        rng = self.rng
        length = PHONE_LENGTHS.pick(rng)  # digits after "08" and the two-digit prefix
        return f"08{self._choice(PHONE_PREFIXES)[1:]}{self._int(0, 10**length - 1):0{length}d}"

    def _email(self, full_name: str) -> str:
        rng = self.rng
        parts = [NOT_EMAIL.sub("", w.lower()) for w in full_name.split()]
        parts = [p for p in parts if p] or ["warga"]
        local = ".".join(parts[-2:]) if rng.random() < 0.5 else parts[0]
        domain = "gmail.com" if rng.random() < 0.85 else "yahoo.co.id"
        return f"{local}{self._int(1, 99)}@{domain}"

    def _months(self, funding: FundingSource) -> int:
        roll = self.rng.random()
        if funding is FundingSource.APBD:
            return 1 if roll < 0.92 else (3 if roll < 0.96 else 12)
        if funding is FundingSource.CSR:
            return 1 if roll < 0.6 else (6 if roll < 0.75 else 12)
        return 1 if roll < 0.55 else (3 if roll < 0.75 else (6 if roll < 0.87 else 12))

    def _heir(self, reg: Registration, names: NameGroup, marital: MaritalStatus) -> None:
        rng = self.rng
        relation = HEIR_RELATIONS[marital].pick(rng)
        if relation is HeirRelation.SPOUSE:
            sex = Sex.MALE if reg.sex == Sex.FEMALE else Sex.FEMALE
        elif relation is HeirRelation.PARENT and rng.random() < 0.6:
            reg.heir_name = reg.mother_name
            sex = None
        else:
            sex = Sex.FEMALE if rng.random() < 0.5 else Sex.MALE
        if sex is not None:
            reg.heir_name = self._name(names, sex)
        reg.heir_relation = relation.value
        reg.heir_phone = self._phone() if rng.random() < 0.75 else ""

    def _make_draft(self, reg: Registration) -> None:
        """A registration the officer saved before finishing: a field or two still empty."""
        rng = self.rng
        reg.status = Status.DRAFT.value
        for gap in rng.sample(DRAFT_GAPS, self._int(1, 2)):
            if gap == "monthly_income":
                reg.monthly_income = None
            elif gap == "heir":
                reg.heir_name = reg.heir_relation = reg.heir_phone = ""
            elif gap == "consent":
                reg.consent = False
            else:
                setattr(reg, gap, "")


_FEMALE_SHARE = {
    TargetGroup.UMKM: 0.6,
    TargetGroup.POOR: 0.5,
    TargetGroup.NON_ASN: 0.45,
    TargetGroup.ATHLETE: 0.35,
    TargetGroup.FARMER: 0.3,
    TargetGroup.LIVESTOCK: 0.2,
    TargetGroup.INFORMAL: 0.2,
    TargetGroup.FISHER: 0.08,
}


def _postal_code(village: Region) -> str:
    """A made-up postal code for the desa's kecamatan, in the form of Sukamara's (7417x):
    the same for every desa of a kecamatan, as real ones mostly are."""
    return f"741{(70 + int(village.parent[-2:])) % 100:02d}"


def _town_name(region_name: str) -> str:
    """``KABUPATEN KOTAWARINGIN BARAT`` -> ``Kotawaringin Barat``; ``KOTA MALANG`` -> ``Malang``."""
    name = region_name.strip()
    for prefix in ("KABUPATEN ", "KAB. ", "KOTA ADM. ", "KOTA "):
        if name.upper().startswith(prefix):
            name = name[len(prefix) :]
            break
    return " ".join(w.capitalize() for w in name.split())


def _age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def generate(
    count: int,
    seed: int,
    regency_code: str,
    today: date,
    *,
    officer: str = DEFAULT_OFFICER,
    device_id: str = "",
    regions: Regions | None = None,
) -> Iterator[Registration]:
    """``count`` fake registrations of people living in ``regency_code``.

    The same ``seed`` (and calendar year of ``today``) gives the same people in the same
    order, whatever ``count`` is: the first 100 of 1,000 are the 100 of a run of 100. Ids are
    fresh every time. NIKs are unique within one run. Raises ValueError (at once, not on the
    first record) for a regency without kecamatan or villages.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    generator = _Generator(
        Random(seed), regency_code, today, regions or default_regions(), officer, device_id
    )
    return (generator.person() for _ in range(count))
