"""The BPJS collective file's columns for a group registration (issue 15): segment code,
coverage start from the PKS date, base wage, paid period, KK number and the old KPJ."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from excel.bpjs_template import _BpjsRows, load_template
from excel.excel_labels import _Names
from excel.export import export_bpjs
from models.contribution import default_table
from models.export_rows import coverage_start
from models.regions import default_regions
from models.settings import Settings, save_settings
from models.store import RegistrationStore
from tests.factories import person

TODAY = date(2026, 11, 27)
NATAI = "62.08.01.2001"


def row_of(reg, *, pks_date: str = "") -> dict[str, str]:
    template = load_template()
    rows = _BpjsRows(template, _Names(default_regions()), default_table(), TODAY, pks_date=pks_date)
    return dict(zip([c.header for c in template.columns], rows.row(reg, 1), strict=True))


def test_each_funding_source_writes_its_segment_code():
    codes = {}
    for serial, source in enumerate(("apbd", "apbdes", "dbh_sawit", "csr", "mandiri"), 1):
        reg = person(serial, "A", NATAI, funding_source=source, csr_company="PT Sawit")
        codes[source] = row_of(reg)["Kode segmen"]
    assert codes == {"apbd": "SA", "apbdes": "SD", "dbh_sawit": "SG", "csr": "SC",
                     "mandiri": "SL"}  # fmt: skip


def test_base_wage_is_the_brackets_base_not_the_income():
    values = row_of(person(1, "A", NATAI, monthly_income=1_950_000, contribution_months=6))
    assert values["PENGHASILAN PER BULAN"] == "1950000"
    assert values["UPAH DASAR"] == "2000000"
    assert values["PERIODE BAYAR (BULAN)"] == "6"
    assert values["NO KK"] == "6208010101200001"
    assert row_of(person(2, "B", NATAI, monthly_income=None))["UPAH DASAR"] == ""


def test_a_former_participant_gives_the_old_kpj():
    former = person(1, "A", NATAI, previous_participant=True, previous_kpj="98765432109")
    values = row_of(former)
    assert (values["PERNAH JADI PESERTA"], values["NO KPJ LAMA"]) == ("Y", "98765432109")
    values = row_of(person(2, "B", NATAI, previous_kpj="98765432109"))  # said no after all
    assert (values["PERNAH JADI PESERTA"], values["NO KPJ LAMA"]) == ("T", "")


def test_coverage_starts_on_the_pks_date_but_never_before_the_export():
    assert coverage_start("", TODAY) == TODAY
    assert coverage_start("2027-01-01", TODAY) == date(2027, 1, 1)
    assert coverage_start("2023-06-22", TODAY) == TODAY  # an older agreement
    assert coverage_start("22-06-2023", TODAY) == TODAY  # not a date: not set
    reg = person(1, "A", NATAI)
    assert row_of(reg, pks_date="2027-01-01")["TANGGAL MULAI"] == "01-01-2027"
    assert row_of(reg)["TANGGAL MULAI"] == "27-11-2026"


def test_the_export_takes_the_pks_date_from_the_settings(db, tmp_path):
    save_settings(db, Settings(pks_date="2027-01-01", configured=True))
    RegistrationStore(db).insert_many([person(1, "A", NATAI)], "budi")
    result = export_bpjs(db, tmp_path, today=TODAY)
    sheet = load_workbook(result.paths[0]).active
    headers = [c.value for c in sheet[1]]
    values = dict(zip(headers, [c.value for c in sheet[2]], strict=True))
    assert values["TANGGAL MULAI"] == "01-01-2027"
    assert values["Kode segmen"] == "SA"
    assert not result.template_verified
