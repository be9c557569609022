"""Excel exports read back with openpyxl: the master workbook (text stays text, dates are
dates, money is money, totals add up) and the BPJS upload files (every cell text, 10,000
rows a file, all or nothing, marking what was sent)."""

import errno
import os
import re
import tempfile
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from demo.people import generate
from excel import bpjs_export, export
from excel.bpjs_template import load_template
from excel.excel_labels import DATE, RUPIAH, TEXT
from excel.export import ExcelExportError, ExportCancelled, export_bpjs, export_master
from excel.master_sheet import MASTER_COLUMNS
from models import export_rows
from models.audit import verify_chain
from models.sqlite_driver import sqlite
from models.store import RegistrationStore
from tests.factories import person

TODAY = date(2026, 11, 27)
NATAI = "62.08.01.2001"  # Desa Natai Sedawak, Kecamatan Sukamara (62.08.01)
PUDU = "62.08.01.2002"  # Desa Pudu, Kecamatan Sukamara
JELAI = "62.08.02.2002"  # Desa Pulau Nibung, Kecamatan Jelai (62.08.02)
HEADERS = [
    "No.", "NIK", "No. KK", "Nama lengkap", "Tempat lahir", "Tanggal lahir", "L/P",
    "Status perkawinan", "Nama ibu kandung", "Alamat", "RT", "RW", "Desa/Kelurahan",
    "Kecamatan", "Kode pos", "No. HP", "Email", "Pekerjaan", "Pekerja transportasi",
    "Saat ini bekerja", "Kelompok sasaran", "Penghasilan per bulan", "Program",
    "Iuran per bulan", "Periode bayar", "Sumber iuran", "Kode segmen", "Perusahaan CSR",
    "Ahli waris", "Hubungan", "No. HP ahli waris", "Persetujuan", "Status", "No. KPJ",
    "Kartu KPJ diserahkan", "Pernah jadi peserta", "No. KPJ lama", "Petugas", "Diperbarui",
]  # fmt: skip
TEXT_COLUMNS = ("NIK", "No. KK", "RT", "RW", "Kode pos", "No. HP", "No. HP ahli waris", "No. KPJ",
                "No. KPJ lama")  # fmt: skip


#: The monthly contribution of each person below, worked out by hand from PP 44/2015:
#: income up to 1,099,000 -> base 1,000,000 -> JKK 10,000 + JKM 6,800 (+ JHT 20,000);
#: income 2,000,000 -> base 2,000,000 -> JKK 20,000 + JKM 6,800 (+ JHT 40,000);
#: CSR-funded in November 2026, PP 50/2025 halves JKK and JKM: 5,000 + 3,400 + JHT 20,000.
PEOPLE = [
    (person(1, "Yusuf Hamdani", NATAI, program_jht=False), 16_800),
    (person(2, "ahmad Fauzi", NATAI, program_jht=True), 36_800),
    (person(3, '=HYPERLINK("x")', NATAI, program_jht=False, monthly_income=2_000_000), 26_800),
    (person(4, "Zainab", PUDU, program_jht=True, monthly_income=2_000_000), 66_800),
    (
        person(
            5,
            "Abdul Rahman",
            PUDU,
            status="registered",
            monthly_income=None,
            kpj_card_handed_on="2026-03-14",
        ),
        None,
    ),
    (person(6, "Candra", JELAI, funding_source="csr", csr_company="PT Sawit"), 28_400),
    (person(7, "Dewi Lestari", JELAI, status="draft", program_jht=False), 16_800),
]


@pytest.fixture
def store(db):
    store = RegistrationStore(db)
    store.insert_many([reg for reg, _ in PEOPLE], "budi")
    store.insert_many([person(9, "Fitri Handayani", NATAI)], "budi")
    store.delete("reg-9", "budi")
    return store


def files_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def rows_of(sheet) -> list[dict]:
    """Data rows of the master sheet as {header: cell}."""
    rows = list(sheet.iter_rows())
    headers = [c.value for c in rows[0]]
    return [dict(zip(headers, row, strict=True)) for row in rows[1:]]


# --- the master workbook ----------------------------------------------------------------


def test_master_sheet_cell_by_cell(db, store, tmp_path):
    result = export_master(db, tmp_path / "master.xlsx", today=TODAY)
    assert result.rows == 7
    assert result.sheets == ("Pendaftaran", "Rekap")
    book = load_workbook(result.path)
    assert book.sheetnames == ["Pendaftaran", "Rekap"]
    sheet = book["Pendaftaran"]
    assert [c.value for c in sheet[1]] == HEADERS
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref == "A1:AM8"
    assert sheet.column_dimensions["B"].width == 19
    assert sheet.column_dimensions["J"].width == 34

    rows = rows_of(sheet)
    assert [r["Nama lengkap"].value for r in rows] == [
        '=HYPERLINK("x")',  # a name that looks like a formula stays text
        "ahmad Fauzi",
        "Yusuf Hamdani",
        "Abdul Rahman",
        "Zainab",
        "Candra",
        "Dewi Lestari",
    ]
    assert [r["No."].value for r in rows] == list(range(1, 8))
    for row in rows:
        for header in TEXT_COLUMNS:
            cell = row[header]
            if cell.value is not None:
                assert isinstance(cell.value, str), header
                assert cell.number_format == TEXT, header
        birth = row["Tanggal lahir"]
        assert isinstance(birth.value, datetime) and birth.value.date() == date(1990, 7, 5)
        assert birth.number_format == DATE
        assert isinstance(row["Diperbarui"].value, datetime)
        assert row["Diperbarui"].number_format == "DD-MM-YYYY HH:MM"
        assert row["Nama lengkap"].data_type == "s"
    first = rows[1]  # ahmad Fauzi
    assert first["NIK"].value == "6208014507900002"
    assert first["No. KK"].value == "6208010101200001"
    assert first["No. HP"].value == "081234567890"
    assert first["No. HP ahli waris"].value == "081345678901"
    assert first["No. KPJ"].value == "12345678901"
    assert first["Kode pos"].value == "74172"
    assert (first["RT"].value, first["RW"].value) == ("001", "002")
    assert first["L/P"].value == "P"
    assert first["Status perkawinan"].value == "Kawin"
    assert first["Desa/Kelurahan"].value == "Natai Sedawak"
    assert first["Kecamatan"].value == "Sukamara"
    assert first["Kelompok sasaran"].value == "Petani / pekebun"
    assert first["Program"].value == "JKK, JKM, JHT"
    assert first["Periode bayar"].value == "3 bulan"
    assert first["Sumber iuran"].value == "APBD kabupaten"
    assert first["Kode segmen"].value == "SA"
    assert (first["Saat ini bekerja"].value, first["Pekerja transportasi"].value) == ("Ya", "Tidak")
    assert (first["Pernah jadi peserta"].value, first["No. KPJ lama"].value) == ("Tidak", None)
    assert first["Hubungan"].value == "Suami/istri"
    assert first["Status"].value == "Diterima kabupaten"
    assert first["Petugas"].value == "budi"
    for header in ("Penghasilan per bulan", "Iuran per bulan"):
        assert first[header].value == {"Penghasilan per bulan": 1_000_000}.get(header, 36_800)
        assert isinstance(first[header].value, int)
        assert first[header].number_format == RUPIAH
    by_name = {r["Nama lengkap"].value: r for r in rows}
    assert by_name["Abdul Rahman"]["Iuran per bulan"].value is None  # no income, no amount
    assert by_name["Abdul Rahman"]["Status"].value == "Terdaftar"
    handed = by_name["Abdul Rahman"]["Kartu KPJ diserahkan"]
    assert handed.value == datetime(2026, 3, 14) and handed.number_format == DATE
    assert first["Kartu KPJ diserahkan"].value is None  # not handed over yet
    assert by_name["Candra"]["Perusahaan CSR"].value == "PT Sawit"
    assert by_name["Candra"]["Sumber iuran"].value == "CSR perusahaan"
    assert by_name["Candra"]["Kode segmen"].value == "SC"
    assert by_name["Candra"]["Iuran per bulan"].value == 28_400
    assert by_name["Dewi Lestari"]["Status"].value == "Draf"


def test_master_columns_match_the_headers():
    assert [header for header, _, _ in MASTER_COLUMNS] == HEADERS


def summary_tables(sheet) -> dict[str, list[tuple]]:
    """The two tables of the Rekap sheet: title -> rows of (kecamatan, desa, code, count,
    monthly, without income)."""
    tables: dict[str, list[tuple]] = {}
    current = None
    for row in sheet.iter_rows(values_only=True):
        first = row[0] if row else None
        if first in ("Per kecamatan", "Per desa/kelurahan"):
            current = tables.setdefault(first, [])
        elif current is not None and first not in (None, "Kecamatan"):
            current.append(tuple(row[:6]))
    return tables


def test_rekap_totals_per_kecamatan_and_desa(db, store, tmp_path):
    result = export_master(db, tmp_path / "master.xlsx", today=TODAY)
    expected_desa: dict[str, list[int]] = {}
    expected_kecamatan: dict[str, list[int]] = {}
    for reg, monthly in PEOPLE:
        for totals, code in (
            (expected_desa, reg.village_code),
            (expected_kecamatan, reg.village_code[:8]),
        ):
            entry = totals.setdefault(code, [0, 0, 0])
            entry[0] += 1
            entry[1] += monthly or 0
            entry[2] += monthly is None
    grand = [len(PEOPLE), sum(m or 0 for _, m in PEOPLE), 1]
    assert grand == [7, 192_400, 1]

    book = load_workbook(result.path)
    rekap = book["Rekap"]
    tables = summary_tables(rekap)
    kecamatan = tables["Per kecamatan"]
    assert kecamatan[-1][0] == "Jumlah seluruhnya"
    assert list(kecamatan[-1][3:]) == grand
    assert {row[2]: list(row[3:]) for row in kecamatan[:-1]} == expected_kecamatan
    assert [row[0] for row in kecamatan[:-1]] == ["Sukamara", "Jelai"]
    desa = tables["Per desa/kelurahan"]
    assert list(desa[-1][3:]) == grand
    assert {row[2]: list(row[3:]) for row in desa[:-1]} == expected_desa
    assert [row[:2] for row in desa[:-1]] == [
        ("Sukamara", "Natai Sedawak"),
        ("Sukamara", "Pudu"),
        ("Jelai", "Pulau Nibung"),
    ]
    money = next(row for row in rekap.iter_rows() if row[0].value == "Jumlah seluruhnya")[4]
    assert money.number_format == RUPIAH and money.value == 192_400
    assert result.totals.total.monthly_contribution == 192_400


def test_master_filters(db, store, tmp_path):
    out = tmp_path / "f.xlsx"
    assert export_master(db, out, status="received").rows == 5
    assert export_master(db, out, kecamatan="62.08.02").rows == 2
    result = export_master(db, out, desa=PUDU, status="received")
    assert result.rows == 1
    sheet = load_workbook(out)["Pendaftaran"]
    assert [r["Nama lengkap"].value for r in rows_of(sheet)] == ["Zainab"]
    saringan = [r for r in load_workbook(out)["Rekap"].iter_rows(values_only=True)][2]
    assert saringan[0] == "Saringan" and "Diterima kabupaten" in saringan[1]
    assert PUDU in saringan[1]


def test_master_errors_leave_nothing(db, store, tmp_path):
    with pytest.raises(ExcelExportError) as error:
        export_master(db, tmp_path / "x.xlsx", status="rejected")
    assert error.value.code == "nothing_to_export"
    with pytest.raises(ExcelExportError) as error:
        export_master(db, tmp_path / "missing" / "x.xlsx")
    assert error.value.code == "folder_missing"
    with pytest.raises(ExcelExportError) as error:
        export_master(db, tmp_path / "x.xlsx", status="sent")
    assert error.value.code == "bad_filter"
    assert files_in(tmp_path) == ["jaring.db", "jaring.db-shm", "jaring.db-wal"]


@pytest.fixture
def many(db):
    """2,500 demo people (drafts and ready ones), to see chunks, progress and cancelling."""
    people = list(generate(2_500, seed=3, regency_code="62.08", today=TODAY))
    RegistrationStore(db).insert_many(people, "budi")
    return people


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """The system's temporary folder, where openpyxl streams sheets, made private."""
    folder = tmp_path / "systemp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_master_reports_progress_every_thousand_rows(db, many, tmp_path, private_tmp):
    calls = []
    out = tmp_path / "out"
    out.mkdir()
    result = export_master(db, out / "m.xlsx", progress=lambda *a: calls.append(a))
    assert result.rows == 2_500
    assert calls == [
        (1_000, 2_500, "Pendaftaran"),
        (2_000, 2_500, "Pendaftaran"),
        (2_500, 2_500, "Pendaftaran"),
        (2_500, 2_500, "m.xlsx"),  # saving
        (2_500, 2_500, ""),
    ]
    assert files_in(out) == ["m.xlsx"]
    assert files_in(private_tmp) == []  # openpyxl's sheet files are gone
    sheet = load_workbook(out / "m.xlsx", read_only=True)["Pendaftaran"]
    assert sum(1 for _ in sheet.iter_rows(values_only=True)) == 2_501


def test_a_cancelled_master_export_leaves_no_file(db, many, tmp_path, private_tmp):
    out = tmp_path / "out"
    out.mkdir()
    (out / "m.xlsx").write_bytes(b"the previous export")
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(ExportCancelled):
        export_master(db, out / "m.xlsx", cancelled=cancelled)
    assert files_in(out) == ["m.xlsx"]
    assert (out / "m.xlsx").read_bytes() == b"the previous export"
    assert files_in(private_tmp) == []


def test_a_full_disk_leaves_no_file(db, store, tmp_path, private_tmp, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "m.xlsx").write_bytes(b"the previous export")

    def full_disk(workbook, stream):
        stream.write(b"PK half a zip")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export.Workbook, "save", full_disk)
    with pytest.raises(ExcelExportError) as error:
        export_master(db, out / "m.xlsx")
    assert error.value.code == "write_failed"
    assert "No space left" in error.value.message
    assert isinstance(error.value.__cause__, OSError)
    assert files_in(out) == ["m.xlsx"]
    assert (out / "m.xlsx").read_bytes() == b"the previous export"
    assert files_in(private_tmp) == []


# --- the BPJS upload files --------------------------------------------------------------


@pytest.fixture
def received(db):
    """25 registrations at the district (plus drafts and others the export must leave)."""
    people = list(generate(40, seed=11, regency_code="62.08", today=TODAY))
    statuses = ["received"] * 25 + ["ready"] * 10 + ["registered"] * 5
    people = [reg.copy(status=s) for reg, s in zip(people, statuses, strict=True)]
    RegistrationStore(db).insert_many(people, "budi")
    return people[:25]


def every_cell(path):
    book = load_workbook(path)
    sheet = book.active
    return sheet, [list(row) for row in sheet.iter_rows()]


def test_bpjs_files_are_all_text_and_numbered(db, received, tmp_path):
    out = tmp_path / "bpjs"
    out.mkdir()
    result = export_bpjs(db, out, today=TODAY, max_rows_per_file=10)
    names = [f"bpjs-kolektif-2026-11-27-0{n}.xlsx" for n in (1, 2, 3)]
    assert [p.name for p in result.paths] == names
    assert files_in(out) == names
    assert (result.rows, result.rows_per_file) == (25, [10, 10, 5])
    assert result.marked == 0 and not result.template_verified
    template = load_template()
    by_nik = {reg.nik: reg for reg in received}
    seen = []
    for path, count in zip(result.paths, (10, 10, 5), strict=True):
        _sheet, rows = every_cell(path)
        assert [c.value for c in rows[0]] == [c.header for c in template.columns]
        assert len(rows) == count + 1
        for row in rows:
            for cell in row:
                if cell.value is not None:
                    assert isinstance(cell.value, str), (path.name, cell.coordinate)
                    assert cell.number_format == TEXT, (path.name, cell.coordinate)
        for row in rows[1:]:
            headers = [c.header for c in template.columns]
            values = dict(zip(headers, [c.value for c in row], strict=True))
            reg = by_nik[values["NIK"]]
            seen.append(reg.nik)
            assert values["TANGGAL LAHIR"] == reg.birth_date.strftime("%d-%m-%Y")
            assert values["PENGHASILAN PER BULAN"] == str(reg.monthly_income)
            assert values["JENIS KELAMIN"] == reg.sex
            assert values["PROGRAM JKK"] == values["PROGRAM JKM"] == "Y"
            assert values["PROGRAM JHT"] == ("Y" if reg.program_jht else "T")
            assert values["TANGGAL MULAI"] == "27-11-2026"  # no PKS date set
            assert values["NO KK"] == reg.kk
            assert values["PERIODE BAYAR (BULAN)"] == str(reg.contribution_months)
            assert (
                values["Kode segmen"]
                == {"apbd": "SA", "csr": "SC", "mandiri": "SL"}[reg.funding_source]
            )
            assert values["PERNAH JADI PESERTA"] == "T" and values["NO KPJ LAMA"] is None
            assert values["KABUPATEN/KOTA"] == "KABUPATEN SUKAMARA"
            assert values["PROVINSI"] == "KALIMANTAN TENGAH"
            assert values["STATUS PERKAWINAN"] in {
                "BELUM KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI"
            }  # fmt: skip
            assert re.fullmatch(r"\d{16}", values["NIK"])
            if reg.phone:
                assert values["NO HP"] == reg.phone and values["NO HP"].startswith("08")
    assert sorted(seen) == sorted(by_nik)


def all_cells_are_text(path) -> int:
    """Check the sheet's XML itself: every cell an inline string in the one text style
    (reading 25,000 rows back with openpyxl takes longer than writing them)."""
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    cells = re.findall(r"<c [^>]*>", xml)
    styles = {re.search(r' s="(\d+)"', c).group(1) for c in cells}
    assert all('t="inlineStr"' in c for c in cells)
    assert len(styles) == 1
    return xml.count("<row ")


@pytest.mark.slow
def test_bpjs_25000_registrations_make_three_files_of_at_most_10000(db, tmp_path):
    people = [
        reg.copy(status="received")
        for reg in generate(25_000, seed=21, regency_code="62.08", today=TODAY)
    ]
    RegistrationStore(db).insert_many(people, "budi")
    out = tmp_path / "bpjs"
    out.mkdir()
    result = export_bpjs(db, out, today=TODAY)  # the default limit: 10,000 a file
    assert result.rows_per_file == [10_000, 10_000, 5_000]
    assert files_in(out) == [f"bpjs-kolektif-2026-11-27-0{n}.xlsx" for n in (1, 2, 3)]
    assert [all_cells_are_text(p) for p in result.paths] == [10_001, 10_001, 5_001]
    _sheet, rows = every_cell(result.paths[2])  # and the last file through openpyxl
    assert len(rows) == 5_001
    assert all(
        isinstance(c.value, str) and c.number_format == TEXT
        for row in rows
        for c in row
        if c.value is not None
    )


def test_bpjs_mark_submitted_after_all_files(db, received, tmp_path):
    store = RegistrationStore(db)
    before = {reg.id: store.get(reg.id) for reg in received}
    result = export_bpjs(
        db, tmp_path, mark_submitted=True, actor="staf", today=TODAY, max_rows_per_file=10
    )
    assert (result.marked, result.skipped) == (25, ())
    for registration_id, old in before.items():
        new = store.get(registration_id)
        assert (new.status, new.version) == ("submitted", old.version + 1)
    assert export_rows.count_registrations(db, status="ready") == 10
    assert export_rows.count_registrations(db, status="registered") == 5
    assert verify_chain(db).ok
    with pytest.raises(ExcelExportError) as error:  # nothing received is left
        export_bpjs(db, tmp_path, today=TODAY)
    assert error.value.code == "nothing_to_export"


def test_bpjs_marking_needs_an_actor(db, received, tmp_path):
    with pytest.raises(ValueError, match="actor"):
        export_bpjs(db, tmp_path, mark_submitted=True)
    assert not list(tmp_path.glob("*.xlsx"))


def unchanged(db, received) -> bool:
    store = RegistrationStore(db)
    return all(store.get(reg.id).status == "received" for reg in received)


def test_bpjs_failure_on_the_third_file_removes_the_first_two(
    db, received, tmp_path, private_tmp, monkeypatch
):
    out = tmp_path / "bpjs"
    out.mkdir()
    saved = []
    real_save = bpjs_export.Workbook.save

    def save(workbook, stream):
        saved.append(1)
        if len(saved) == 3:
            stream.write(b"PK half")
            raise OSError(errno.EIO, "Input/output error")  # the stick was pulled
        return real_save(workbook, stream)

    monkeypatch.setattr(bpjs_export.Workbook, "save", save)
    with pytest.raises(ExcelExportError) as error:
        export_bpjs(db, out, mark_submitted=True, actor="staf", today=TODAY, max_rows_per_file=10)
    assert error.value.code == "write_failed"
    assert files_in(out) == []
    assert files_in(private_tmp) == []
    assert unchanged(db, received)
    assert verify_chain(db).ok


def test_bpjs_failure_while_renaming_removes_the_renamed(db, received, tmp_path, monkeypatch):
    out = tmp_path / "bpjs"
    out.mkdir()
    renamed = []
    real_replace = os.replace

    def replace(source, target):
        if len(renamed) == 2:
            raise OSError(errno.EIO, "Input/output error")
        renamed.append(target)
        return real_replace(source, target)

    monkeypatch.setattr(bpjs_export.os, "replace", replace)
    with pytest.raises(ExcelExportError):
        export_bpjs(db, out, mark_submitted=True, actor="staf", today=TODAY, max_rows_per_file=10)
    monkeypatch.undo()
    assert len(renamed) == 2
    assert files_in(out) == []
    assert unchanged(db, received)


def test_bpjs_file_that_appears_meanwhile_is_kept_and_the_export_undone(db, received, tmp_path):
    """A file taking a name while the rows are written (another export, a copy) is never
    replaced: the files published before it are removed again and nothing is marked."""
    out = tmp_path / "bpjs"
    out.mkdir()
    intruder = out / "bpjs-kolektif-2026-11-27-02.xlsx"

    def progress(done, total, text):
        intruder.write_bytes(b"someone else's file")

    with pytest.raises(ExcelExportError) as error:
        export_bpjs(db, out, mark_submitted=True, actor="staf", today=TODAY,
                    max_rows_per_file=10, progress=progress)  # fmt: skip
    assert error.value.code == "write_failed"
    assert intruder.name in error.value.message
    assert isinstance(error.value.__cause__, FileExistsError)
    assert files_in(out) == [intruder.name]
    assert intruder.read_bytes() == b"someone else's file"
    assert unchanged(db, received)


def test_bpjs_failed_marking_removes_the_files(db, received, tmp_path, monkeypatch):
    out = tmp_path / "bpjs"
    out.mkdir()

    def broken(*args, **kwargs):
        raise sqlite.OperationalError("database is locked")

    monkeypatch.setattr(bpjs_export.export_rows, "mark_submitted", broken)
    with pytest.raises(ExcelExportError) as error:
        export_bpjs(db, out, mark_submitted=True, actor="staf", today=TODAY, max_rows_per_file=10)
    assert error.value.code == "mark_failed"
    assert isinstance(error.value.__cause__, sqlite.OperationalError)
    assert files_in(out) == []
    assert unchanged(db, received)


def test_a_cancelled_bpjs_export_leaves_no_file_and_marks_nothing(db, tmp_path, private_tmp):
    people = [
        reg.copy(status="received")
        for reg in generate(2_500, seed=4, regency_code="62.08", today=TODAY)
    ]
    RegistrationStore(db).insert_many(people, "budi")
    out = tmp_path / "bpjs"
    out.mkdir()
    calls = []
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) == 3  # after two chunks of 1,000

    with pytest.raises(ExportCancelled):
        export_bpjs(
            db, out, mark_submitted=True, actor="staf", today=TODAY, max_rows_per_file=1_500,
            progress=lambda *a: calls.append(a), cancelled=cancelled,
        )  # fmt: skip
    assert calls == [
        (1_000, 2_500, "bpjs-kolektif-2026-11-27-01.xlsx"),
        (2_000, 2_500, "bpjs-kolektif-2026-11-27-02.xlsx"),
    ]
    assert files_in(out) == []
    assert files_in(private_tmp) == []
    assert export_rows.count_registrations(db, status="received") == 2_500


def test_a_second_export_on_one_day_continues_the_numbering(db, received, tmp_path):
    first = export_bpjs(db, tmp_path, today=TODAY, max_rows_per_file=20)
    second = export_bpjs(db, tmp_path, today=TODAY, max_rows_per_file=20)
    assert [p.name[-8:] for p in first.paths] == ["-01.xlsx", "-02.xlsx"]
    assert [p.name[-8:] for p in second.paths] == ["-03.xlsx", "-04.xlsx"]


def test_bpjs_folder_and_nothing_to_export(db, tmp_path):
    with pytest.raises(ExcelExportError) as error:
        export_bpjs(db, tmp_path / "no-stick")
    assert error.value.code == "folder_missing"
    with pytest.raises(ExcelExportError) as error:
        export_bpjs(db, tmp_path)
    assert error.value.code == "nothing_to_export"


def test_the_shipped_template_is_marked_unverified():
    template = load_template()
    assert template.verified is False
    assert "DOMAIN.md" in template.note
    assert template.max_rows_per_file == 10_000
    assert template.columns[0].header == "NIK"


def test_a_branch_template_changes_the_columns_without_code(db, received, tmp_path):
    template = {
        "verified": True,
        "sheet_title": "Data TK",
        "file_prefix": "kc-pangkalan-bun",
        "columns": [
            {"header": "No", "value": "row_number"},
            {"header": "Nomor Identitas", "value": "nik"},
            {"header": "Nama", "value": "full_name", "upper": True},
            {"header": "Kode Kepesertaan", "constant": "BPU"},
            {"header": "JHT", "value": "program_jht", "map": {"Y": "1", "T": "0"}},
            {"header": "Iuran", "value": "monthly_contribution"},
        ],
    }
    result = export_bpjs(db, tmp_path, template=template, today=TODAY)
    assert result.template_verified
    assert result.paths[0].name == "kc-pangkalan-bun-2026-11-27-01.xlsx"
    sheet, rows = every_cell(result.paths[0])
    assert sheet.title == "Data TK"
    header, first = [c.value for c in rows[0]], [c.value for c in rows[1]]
    assert header == ["No", "Nomor Identitas", "Nama", "Kode Kepesertaan", "JHT", "Iuran"]
    reg = next(r for r in received if r.nik == first[1])
    assert first[0] == "1"
    assert first[2] == reg.full_name.upper()
    assert first[3] == "BPU"
    assert first[4] == ("1" if reg.program_jht else "0")
    assert first[5] == str(export_rows.monthly_contribution(reg, on=TODAY))


@pytest.mark.parametrize(
    "template",
    [
        {"columns": []},
        {"columns": [{"value": "nik"}]},
        {"columns": [{"header": "X", "value": "password"}]},
        {"columns": [{"header": "X", "value": "nik", "map": {"a": 1}}]},
        {"columns": [{"header": "X", "value": "nik"}], "max_rows_per_file": 20_000},
        {"columns": [{"header": "X", "value": "nik"}], "file_prefix": "../up"},
    ],
)
def test_a_broken_template_is_refused(db, received, tmp_path, template):
    with pytest.raises(ExcelExportError) as error:
        export_bpjs(db, tmp_path, template=template)
    assert error.value.code == "template_invalid"
    assert not list(tmp_path.glob("*.xlsx"))


def test_a_master_list_read_back_gives_the_same_registrations(tmp_path):
    from datetime import date

    from demo.fill import fill_demo
    from excel.list_import import read_list, write_list
    from models.db import open_database
    from models.store import RecordFilter, RegistrationStore

    source = open_database(tmp_path / "source.db")
    target = open_database(tmp_path / "target.db")
    try:
        fill_demo(source, 40, seed=12, today=date(2026, 11, 27))
        export_master(source, tmp_path / "induk.xlsx", status="ready")
        plan = read_list(target, tmp_path / "induk.xlsx")
        assert plan.rows_rejected == 0, [(r.number, r.problems) for r in plan.rows][:3]
        write_list(target, plan, "staf")
        fields = ("nik", "kk", "full_name", "birth_place", "birth_date", "sex",
                  "marital_status", "mother_name", "address", "rt", "rw", "village_code",
                  "postal_code", "phone", "email", "occupation", "target_group",
                  "monthly_income", "program_jht", "funding_source", "csr_company",
                  "contribution_months", "heir_name", "heir_relation", "heir_phone",
                  "consent")  # fmt: skip

        def people(db):
            every = RegistrationStore(db).registrations_matching(RecordFilter(status="ready"))
            return {r.nik: tuple(getattr(r, f) for f in fields) for r in every}

        assert people(target) == people(source) and len(people(source)) == 34  # ready of 40
    finally:
        source.close()
        target.close()
