"""The fields the BPJS file needs (marital status, RT/RW, postal code, mobile number) in a
village's list: a row without one fares as a row without any other field the officer
completes on the visit (a draft listing it), and an unusual postal code is a warning to
confirm, as in the form."""

from __future__ import annotations

from openpyxl import Workbook

from excel.list_import import missing_required, missing_to_complete, read_list
from models.validation import ValidationContext
from tests.factories import TODAY

HEADER = [
    "Kasus", "NIK", "Nama Lengkap", "Tempat Lahir", "Tanggal Lahir", "L/P", "Status Kawin",
    "Nama Ibu", "Alamat", "RT/RW", "Desa", "Kode Pos", "No HP", "Pekerjaan", "Kelompok Sasaran",
    "Penghasilan", "Persetujuan", "Bekerja",
]  # fmt: skip


def row(case: str, serial: int, **changes) -> list:
    values = {
        "Kasus": case, "NIK": f"620801450790{serial:04d}", "Nama Lengkap": "Siti Aminah",
        "Tempat Lahir": "Sukamara", "Tanggal Lahir": "05-07-1990", "L/P": "P",
        "Status Kawin": "Kawin", "Nama Ibu": "Fatimah", "Alamat": "Jl. Tjilik Riwut No. 12",
        "RT/RW": "003/001", "Desa": "Natai Sedawak", "Kode Pos": "74172",
        "No HP": "081234567890", "Pekerjaan": "Petani",
        "Kelompok Sasaran": "Petani", "Penghasilan": "1000000", "Persetujuan": "Ya",
        "Bekerja": "Ya",
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
        "no_marital_status": ("draft", ["required"]),
        "no_postal_code": ("draft", ["required"]),
        "no_mother": ("draft", ["required"]),
        "postal_code_with_0": ("draft", ["postal_code.format"]),
        "postal_code_as_number": ("ready", []),
        "no_phone": ("draft", ["required"]),
        "no_rt_rw": ("draft", ["required", "required"]),
    }
    assert {r.values["Kasus"]: r.missing for r in plan.rows if r.missing} == {
        "no_marital_status": ["marital_status"], "no_postal_code": ["postal_code"],
        "no_mother": ["mother_name"], "no_phone": ["phone"], "no_rt_rw": ["rt", "rw"],
    }  # fmt: skip
    assert missing_required(plan) == missing_to_complete(plan) == []


def test_a_list_without_their_columns_is_told_before_reading_it(db, tmp_path):
    book = Workbook()
    sheet = book.active
    header = [name for name in HEADER if name not in ("Status Kawin", "Kode Pos")]
    sheet.append(header)
    book.save(tmp_path / "desa.xlsx")
    plan = read_list(db, tmp_path / "desa.xlsx", context=ValidationContext(today=TODAY))
    assert missing_to_complete(plan) == ["marital_status", "postal_code"]
    assert missing_required(plan) == []  # the rows come in, as drafts


def test_a_list_without_rt_rw_and_phone_columns_is_told_too(db, tmp_path):
    book = Workbook()
    book.active.append([name for name in HEADER if name not in ("RT/RW", "No HP")])
    book.save(tmp_path / "desa.xlsx")
    plan = read_list(db, tmp_path / "desa.xlsx", context=ValidationContext(today=TODAY))
    assert missing_to_complete(plan) == ["rt", "rw", "phone"]
