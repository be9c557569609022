"""Registrations the tests build on (plain data, no database)."""

from datetime import date

from models.registration import Registration

#: The day the validation tests pretend it is.
TODAY = date(2025, 6, 1)

#: When the factories' registrations were made: fixed, so that no test depends on the day
#: it runs (a store stamps the wall clock only on what has no ``created_at``).
CREATED_AT = "2025-05-20T03:00:00.000+00:00"


def siti(**changes) -> Registration:
    """A complete, consistent registration: NIK 6208014507900001 is a woman born 1990-07-05
    and Natai Sedawak (62.08.01.2001) is a desa of Kecamatan Sukamara."""
    reg = Registration(
        id="reg-siti",
        nik="6208014507900001",
        kk="6208010101200001",
        full_name="Siti Aminah",
        birth_place="Sukamara",
        birth_date=date(1990, 7, 5),
        sex="P",
        marital_status="kawin",
        mother_name="Fatimah",
        address="Jl. Tjilik Riwut No. 12",
        rt="001",
        rw="002",
        village_code="62.08.01.2001",
        postal_code="74172",
        phone="081234567890",
        email="siti.aminah@example.co.id",
        occupation="Petani",
        target_group="petani",
        monthly_income=1_000_000,
        program_jht=True,
        funding_source="apbd",
        contribution_months=3,
        heir_name="Ahmad Fauzi",
        heir_relation="suami_istri",
        heir_phone="+62 813-4567-8901",
        consent=True,
        working_now=True,
        kpj="12345678901",
        created_at=CREATED_AT,
    )
    return reg.copy(**changes)


def person(serial: int, name: str, village: str, status: str = "received", **changes):
    """`siti` as another person: ``serial`` makes the id and NIK unique."""
    return siti(
        id=f"reg-{serial}",
        nik=f"620801450790{serial:04d}",
        full_name=name,
        village_code=village,
        status=status,
        **changes,
    )
