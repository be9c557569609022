"""The fields the BPJS file needs (marital status, RT/RW, postal code, mobile number) in a
village's list: a row without one fares as a row without any other required field, and an
unusual postal code is a warning to confirm, as in the form."""

from __future__ import annotations

from openpyxl import Workbook

from excel.list_import import missing_required, read_list
from models.validation import ValidationContext
from tests.factories import TODAY

HEADER = [
    "Kasus", "NIK", "Nama Lengkap", "Tempat Lahir", "Tanggal Lahir", "L/P", "Status Kawin",
    "Nama Ibu", "Alamat", "RT/RW", "Desa", "Kode Pos", "No HP", "Pekerjaan", "Kelompok Sasaran",
    "Penghasilan", "Persetujuan",
]  # fmt: skip


def row(case: str, serial: int, **changes) -> list:
    values = {
        "Kasus": case, "NIK": f"620801450790{serial:04d}", "Nama Lengkap": "Siti Aminah",
        "Tempat Lahir": "Sukamara", "Tanggal Lahir": "05-07-1990", "L/P": "P",
        "Status Kawin": "Kawin", "Nama Ibu": "Fatimah", "Alamat": "Jl. Tjilik Riwut No. 12",
        "RT/RW": "003/001", "Desa": "Natai Sedawak", "Kode Pos": "74172",
        "No HP": "081234567890", "Pekerjaan": "Petani",
        "Kelompok Sasaran": "Petani", "Penghasilan": "1000000", "Persetujuan": "Ya",
    } | changes  # fmt: skip
    return [values[name] for name in HEADER]


def test_rows_without_the_new_required_fields_fare_as_rows_without_a_mother(db, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(row("complete", 1))
    sheet.append(row("no_marital_status", 2, **{"Status Kawin": None}))
    sheet.append(row("no_postal_code", 3, **{"Kode Pos": None}))
    sheet.append(row("no_mother", 4, **{"Nama Ibu": None}))
    sheet.append(row("postal_code_with_0", 5, **{"Kode Pos": "08561"}))
    sheet.append(row("postal_code_as_number", 6, **{"Kode Pos": 74172}))
    sheet.append(row("no_phone", 7, **{"No HP": None}))
    sheet.append(row("no_rt_rw", 8, **{"RT/RW": None}))
    book.save(tmp_path / "desa.xlsx")
    plan = read_list(db, tmp_path / "desa.xlsx", context=ValidationContext(today=TODAY))
    outcomes = {r.values["Kasus"]: (r.outcome, [p.code for p in r.problems]) for r in plan.rows}
    assert outcomes == {
        "complete": ("ready", []),
        "no_marital_status": ("rejected", ["required"]),
        "no_postal_code": ("rejected", ["required"]),
        "no_mother": ("rejected", ["required"]),
        "postal_code_with_0": ("draft", ["postal_code.format"]),
        "postal_code_as_number": ("ready", []),
        "no_phone": ("rejected", ["required"]),
        "no_rt_rw": ("rejected", ["required", "required"]),
    }
    assert missing_required(plan) == []


def test_a_list_without_their_columns_is_told_before_reading_it(db, tmp_path):
    book = Workbook()
    sheet = book.active
    header = [name for name in HEADER if name not in ("Status Kawin", "Kode Pos")]
    sheet.append(header)
    book.save(tmp_path / "desa.xlsx")
    plan = read_list(db, tmp_path / "desa.xlsx", context=ValidationContext(today=TODAY))
    assert missing_required(plan) == ["marital_status", "postal_code"]


def test_a_list_without_rt_rw_and_phone_columns_is_told_too(db, tmp_path):
    book = Workbook()
    book.active.append([name for name in HEADER if name not in ("RT/RW", "No HP")])
    book.save(tmp_path / "desa.xlsx")
    plan = read_list(db, tmp_path / "desa.xlsx", context=ValidationContext(today=TODAY))
    assert missing_required(plan) == ["rt", "rw", "phone"]
