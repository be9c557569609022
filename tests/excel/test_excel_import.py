"""Excel import: header synonyms, the Excel traps row by row, sheets and header rows,
duplicates, outcomes, writing in one transaction, the error report, unreadable files, KPJ
numbers from BPJS, and a round trip from registrations through a workbook and back.

The workbooks are in tests/fixtures/excel (made by make_fixtures.py there; the ``lo_*`` ones
by LibreOffice). Rows name their case in a ``Kasus`` column.
"""

from __future__ import annotations

import dataclasses
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Border, Side

from demo.people import generate
from excel import list_import, reader, workbook_file
from excel.cell_values import cell_date, cell_flag, title_if_shouted
from excel.headers import _PARENTHESIS, _SYNONYMS, FIELDS, header_key, match_header
from excel.list_import import (
    ExcelImportError,
    ImportCancelled,
    import_kpj,
    missing_required,
    missing_to_complete,
    read_list,
    unmapped_headers,
    write_error_report,
    write_list,
)
from excel.villages import VillageFinder
from models import bulk_import
from models.audit import verify_chain
from models.regions import default_regions
from models.registration import Registration
from models.settings import Settings, load_settings, save_settings
from models.store import RegistrationStore
from models.validation import ValidationContext, normalized, validate
from tests.factories import TODAY, siti

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "excel"
CONTEXT = ValidationContext(today=TODAY)
NATAI, PUDU, KUALA_JELAI = "62.08.01.2001", "62.08.01.2002", "62.08.02.1001"


def plan_of(db, name: str, **options):
    return read_list(db, FIXTURES / name, context=CONTEXT, **options)


def by_case(plan) -> dict:
    return {row.values["Kasus"]: row for row in plan.rows}


def codes(row) -> list[str]:
    return [p.code for p in row.problems]


def counts(db) -> tuple[int, int]:
    registrations = db.execute("SELECT COUNT(*) FROM registrations").fetchone()[0]
    audit_rows = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    return registrations, audit_rows


def message(problem) -> str:
    return f"[{problem.code}]"


# --- headers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("NIK", "nik"), ("No KTP", "nik"), ("NIK KTP", "nik"), ("Nomor KTP", "nik"),
        ("Nama", "full_name"), ("Nama Lengkap", "full_name"), ("NAMA\u00a0LENGKAP ", "full_name"),
        ("nama lengkap (sesuai KTP)", "full_name"), ("Tgl Lahir", "birth_date"),
        ("Tanggal Lahir", "birth_date"), ("Tgl. Lahir (dd-mm-yyyy)", "birth_date"),
        ("L/P", "sex"), ("Jenis Kelamin", "sex"), ("Desa", "village_code"),
        ("Kelurahan", "village_code"), ("KELURAHAN/DESA", "village_code"), ("No HP", "phone"),
        ("No. Telp", "phone"), ("Nomor Telepon", "phone"), ("Alamat", "address"),
        ("RT/RW", "rt_rw"), ("RT", "rt"), ("Pekerjaan", "occupation"),
        ("Penghasilan", "monthly_income"), ("Penghasilan (Rp)", "monthly_income"),
        ("Nama Ibu", "mother_name"), ("Nama Ibu Kandung", "mother_name"),
        ("No. HP ahli waris", "heir_phone"), ("Tempat, Tanggal Lahir", "birth_place_date"),
        ("No. KPJ", "kpj"), ("Kec.", "kecamatan"), ("NIK*", "nik"), ("Program", "program_jht"),
    ],
)  # fmt: skip
def test_headers_are_matched_whatever_their_spelling(header, field):
    assert match_header(header) == field


@pytest.mark.parametrize("header", ["No.", "No", "Keterangan", "Status", "", "   ", None, 12])
def test_other_headers_name_no_field(header):
    assert match_header(header) is None


def test_every_label_names_its_field_and_no_synonym_names_two():
    owners: dict[str, set[str]] = {}
    for name, label in FIELDS.items():
        assert match_header(label) == name
        for text in (label, *_SYNONYMS.get(name, ())):
            for key in {header_key(text), header_key(_PARENTHESIS.sub(" ", text))}:
                owners.setdefault(key, set()).add(name)
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


def test_synonym_headers_below_title_rows(db):
    plan = plan_of(db, "synonyms.xlsx")
    assert (plan.sheet, plan.header_row) == ("Peserta", 4)
    assert plan.mapping["No KTP"] == "nik"
    assert plan.mapping["Nama Lengkap"] == "full_name"  # NBSP and trailing space gone
    assert plan.mapping["Tgl. Lahir (dd-mm-yyyy)"] == "birth_date"
    assert plan.mapping["Kec."] == "kecamatan"
    assert unmapped_headers(plan) == ["No.", "Keterangan"]
    assert missing_required(plan) == []
    assert [row.number for row in plan.rows] == [5, 6, 7]
    assert [row.outcome for row in plan.rows] == ["ready"] * 3
    siti_row, budi_row, ahmad_row = (row.registration for row in plan.rows)
    assert (siti_row.nik, siti_row.sex, siti_row.village_code) == ("6208014507900001", "P", NATAI)
    assert (siti_row.rt, siti_row.rw, siti_row.phone) == ("001", "002", "081234567890")
    assert (budi_row.sex, budi_row.phone, budi_row.monthly_income) == ("L", "081311112222", 1500000)
    assert (ahmad_row.village_code, ahmad_row.target_group) == (KUALA_JELAI, "peternak")


def test_a_mapping_overrides_the_recognised_headers(db):
    plan = plan_of(db, "synonyms.xlsx", mapping={"Keterangan": "occupation", "Pekerjaan": None})
    assert plan.mapping["Keterangan"] == "occupation"
    assert plan.mapping["Pekerjaan"] is None
    assert plan.rows[1].registration.occupation == "pindahan"
    assert "required" in codes(plan.rows[0])  # row 1's Keterangan is empty
    with pytest.raises(ValueError, match="not an importable field"):
        plan_of(db, "synonyms.xlsx", mapping={"Keterangan": "favourite_colour"})


def test_missing_required_names_the_fields_no_column_holds(db, tmp_path):
    path = tmp_path / "few.xlsx"
    wb = Workbook()
    wb.active.append(["NIK", "Nama", "TTL"])
    wb.active.append(["6208014507900001", "Siti Aminah", "Sukamara, 05-07-1990"])
    wb.save(path)
    plan = read_list(db, path, context=CONTEXT)
    assert missing_required(plan) == ["village_code"]  # without a desa no row is a draft
    missing = missing_to_complete(plan)
    assert "birth_date" not in missing and "birth_place" not in missing  # TTL covers both
    assert "sex" not in missing  # the NIK gives it
    assert {"mother_name", "consent", "working_now"} <= set(missing)
    assert "village_code" not in missing
    reg = plan.rows[0].registration
    assert (reg.birth_place, reg.birth_date) == ("Sukamara", date(1990, 7, 5))


# --- the Excel traps ------------------------------------------------------------------------


def test_a_nik_stored_as_a_number_is_rejected_never_repaired(db):
    rows = by_case(plan_of(db, "traps.xlsx"))
    for case in ("nik_int", "nik_float", "nik_scientific_text"):
        row = rows[case]
        assert row.outcome == "rejected"
        assert codes(row) == ["nik.excel_number"], case  # its own message, nothing else
        assert row.problems[0].field == "nik"
        assert row.registration.nik == ""  # not "fixed" into some NIK
    assert rows["nik_int"].problems[0].params["shown"] == "6208014507900001"


def test_a_csv_opened_in_libreoffice_lost_the_niks_last_digit_and_is_rejected(db):
    """LibreOffice turned the CSV's NIKs into numbers: 6208014507900001 became
    6208014507900000. Every row is refused; the phones' lost 0 comes back."""
    raw = load_workbook(FIXTURES / "lo_csv_default.xlsx", read_only=True).active
    assert next(raw.iter_rows(min_row=2, values_only=True))[0] == 6208014507900000
    plan = plan_of(db, "lo_csv_default.xlsx")
    assert [codes(row) for row in plan.rows] == [["nik.excel_number"]] * 3
    assert plan.rows[0].registration.phone == "081234567890"


def test_the_same_csv_read_as_text_by_libreoffice_imports_cleanly(db):
    plan = plan_of(db, "lo_csv_text.xlsx")
    assert [row.outcome for row in plan.rows] == ["ready"] * 3
    first = plan.rows[0].registration
    assert (first.nik, first.full_name, first.birth_date) == (
        "6208014507900001", "Siti Aminah", date(1990, 7, 5),
    )  # fmt: skip
    assert first.monthly_income == 1_000_000


@pytest.mark.parametrize(
    "case",
    ["date_cell", "date_serial", "date_dashes", "date_slashes", "date_iso", "date_month_name"],
)
def test_dates_in_every_form(db, case):
    row = by_case(plan_of(db, "traps.xlsx"))[case]
    assert row.registration.birth_date == date(1990, 7, 5)
    assert row.outcome == "ready", row.problems


def test_a_two_digit_year_is_refused(db):
    row = by_case(plan_of(db, "traps.xlsx"))["date_two_digit_year"]
    assert codes(row) == ["birth_date.format"]
    assert row.outcome == "rejected"


def test_blank_and_whitespace_rows_are_skipped(db):
    plan = plan_of(db, "traps.xlsx")
    numbers = [row.number for row in plan.rows]
    assert 12 not in numbers and 18 not in numbers  # blank, then NBSP and spaces only
    assert numbers[:3] == [2, 3, 4] and numbers[-1] == 24
    assert plan.rows_read == 21


def test_capitals_and_odd_spaces_are_tidied(db):
    row = by_case(plan_of(db, "traps.xlsx"))["name_capitals_nbsp"]
    assert row.registration.full_name == "Siti Aminah"
    assert row.values["Nama Lengkap"] == "  SITI\u00a0AMINAH  "  # the raw cell is kept
    assert row.outcome == "ready"


def test_a_phone_stored_as_a_number_gets_its_leading_zero_back(db):
    row = by_case(plan_of(db, "traps.xlsx"))["phone_number"]
    assert row.values["No HP"] == 81234567890
    assert row.registration.phone == "081234567890"
    assert row.outcome == "ready"


@pytest.mark.parametrize(
    ("case", "sex"), [("sex_laki_laki", "L"), ("sex_perempuan", "P"), ("sex_l", "L")]
)
def test_sex_written_in_words_or_letters(db, case, sex):
    row = by_case(plan_of(db, "traps.xlsx"))[case]
    assert row.registration.sex == sex
    assert row.outcome == "ready"


@pytest.mark.parametrize(
    ("case", "code", "field"),
    [
        ("formula_error", "cell.excel_error", "full_name"),
        ("rt_rw_became_date", "cell.auto_date", "rt"),
        ("desa_unknown", "village.unknown", "village_code"),
    ],
)
def test_rows_with_a_problem_cell_are_rejected_with_a_reason(db, case, code, field):
    row = by_case(plan_of(db, "traps.xlsx"))[case]
    # An RT/RW cell Excel turned into a date leaves the RW empty too, and RW is required.
    also = [("required", "rw")] if case == "rt_rw_became_date" else []
    assert [(p.code, p.field) for p in row.problems] == [(code, field), *also]
    assert row.outcome == "rejected"


def test_desa_by_name_in_capitals_or_by_code(db):
    rows = by_case(plan_of(db, "traps.xlsx"))
    assert rows["desa_capitals"].registration.village_code == NATAI
    assert rows["desa_code"].registration.village_code == NATAI
    assert rows["income_text"].registration.monthly_income == 1_500_000


def test_desa_of_the_same_name_in_two_kecamatan_needs_the_kecamatan():
    finder = VillageFinder(default_regions(), "62.02")  # Kotawaringin Timur
    assert finder.village_code("Sumber Makmur", None) == ("", "village.ambiguous")
    assert finder.village_code("SUMBER  MAKMUR", finder.kecamatan_code("Parenggean")) == (
        "62.02.04.2009", None,
    )  # fmt: skip
    kecamatan = finder.kecamatan_code("kec. mentaya hilir utara")
    assert finder.village_code("Desa Sumber Makmur", kecamatan) == ("62.02.07.2006", None)
    assert finder.village_code("62.02.04.2009", kecamatan)[1] == "village.not_in_kecamatan"
    assert finder.kecamatan_code("Sukamara") is None  # another regency's


def test_an_unknown_kecamatan_is_a_problem_on_the_row(db, tmp_path):
    path = tmp_path / "kecamatan.xlsx"
    wb = Workbook()
    wb.active.append(["NIK", "Nama", "Desa", "Kecamatan"])
    wb.active.append(["6208014507900001", "Siti Aminah", "Natai Sedawak", "Atlantis"])
    wb.active.append(["6208014507900002", "Siti Rahma", "Natai Sedawak", "Jelai"])
    wb.save(path)
    first, second = read_list(db, path, context=CONTEXT).rows
    assert "kecamatan.unknown" in codes(first)
    assert "village.not_in_kecamatan" in codes(second)


def test_merged_desa_cells_are_filled_down_and_heading_rows_skipped(db):
    raw = list(load_workbook(FIXTURES / "merged.xlsx", read_only=True).active.values)
    desa = raw[0].index("Desa")
    assert raw[2][desa] == "Natai Sedawak" and raw[3][desa] is None  # what read-only gives
    plan = plan_of(db, "merged.xlsx")
    assert [row.number for row in plan.rows] == [3, 4, 5, 8, 9]
    assert [row.registration.village_code for row in plan.rows] == [NATAI] * 3 + [PUDU] * 2
    assert [row.outcome for row in plan.rows] == ["ready"] * 5


def test_formulas_give_the_values_libreoffice_stored(db):
    plan = plan_of(db, "lo_formulas.xlsx")
    siti_row, budi_row = (row.registration for row in plan.rows)
    assert (siti_row.nik, siti_row.full_name) == ("6208014507900001", "Siti Aminah")
    assert (siti_row.birth_date, siti_row.monthly_income) == (date(1990, 7, 5), 1_000_000)
    assert (budi_row.full_name, budi_row.sex, budi_row.monthly_income) == (
        "Budi Santoso", "L", 1_500_000,
    )  # fmt: skip
    # The file (made before RT, RW and the mobile number were required) has no column for
    # them: those are the rows' only problems.
    assert [sorted(p.field for p in row.problems) for row in plan.rows] == [
        ["phone", "rt", "rw"], ["phone", "rt", "rw"],
    ]  # fmt: skip


def test_formulas_never_calculated_read_as_empty_and_are_reported(db):
    first, second = plan_of(db, "formulas_nocache.xlsx").rows
    assert {"nik", "full_name", "birth_date", "monthly_income"} <= {
        p.field for p in first.problems if p.code == "required"
    }
    # The second row's NIK is text: the sex comes from it, but without a name it is no one.
    assert "full_name" in {p.field for p in second.problems if p.code == "required"}
    assert second.registration.sex == "L"
    assert first.outcome == second.outcome == "rejected"


def test_too_many_rows(db):
    with pytest.raises(ExcelImportError) as caught:
        plan_of(db, "traps.xlsx", max_rows=5)
    assert caught.value.code == "too_many_rows"
    assert plan_of(db, "traps.xlsx", max_rows=21).rows_read == 21


def test_a_table_away_from_the_corner_keeps_its_row_and_column_numbers(db, tmp_path):
    """calamine starts a sheet at its first used cell; rows and columns still count from
    A1, and an error value (which calamine reads as empty) is still an error."""
    path = tmp_path / "corner.xlsx"
    wb = Workbook()
    ws = wb.active
    for column, header in enumerate(["NIK", "Nama", "Tanggal Lahir", "Kasus"], start=3):
        ws.cell(3, column, header)
    for row, values in (
        (4, ["6208014507900001", "Siti Aminah", "05-07-1990", "first"]),
        (6, ["6208011203850002", "#REF!", "12-03-1985", "error"]),
    ):
        for column, value in enumerate(values, start=3):
            ws.cell(row, column, value)
    wb.save(path)
    plan = read_list(db, path, context=CONTEXT)
    assert plan.header_row == 3
    assert plan.headers == ["Kolom A", "Kolom B", "NIK", "Nama", "Tanggal Lahir", "Kasus"]
    assert [row.number for row in plan.rows] == [4, 6]
    first, error = plan.rows
    assert (first.registration.nik, first.registration.birth_date) == (
        "6208014507900001", date(1990, 7, 5),
    )  # fmt: skip
    assert error.values["Nama"] == "#REF!"
    assert ("cell.excel_error", "full_name") in [(p.code, p.field) for p in error.problems]


def test_booleans_whole_numbers_and_the_1904_date_system(db, tmp_path):
    path = tmp_path / "mac.xlsx"
    wb = Workbook()
    wb.epoch = datetime(1904, 1, 1)  # a workbook saved by Excel for Mac long ago
    wb.active.append(["NIK", "Nama", "Tanggal Lahir", "No HP", "Persetujuan", "Kasus"])
    wb.active.append(["6208011203850002", "Budi Santoso", 29656, 81234567890, True, "serial"])
    wb.active.append(
        ["6208014507900001", "Siti Aminah", datetime(1990, 7, 5), 81234567891.0, False, "cell"]
    )
    wb.save(path)
    rows = by_case(read_list(db, path, context=CONTEXT))
    serial, cell = rows["serial"], rows["cell"]
    assert serial.registration.birth_date == date(1985, 3, 12)  # day 0 is 1 January 1904
    assert cell.registration.birth_date == date(1990, 7, 5)
    assert serial.values["No HP"] == 81234567890 and type(serial.values["No HP"]) is int
    assert type(cell.values["No HP"]) is int  # a whole float reads as a whole number
    assert serial.registration.phone == "081234567890"
    assert (serial.registration.consent, cell.registration.consent) == (True, False)


def test_a_chart_sheet_is_passed_over(db, tmp_path):
    path = tmp_path / "chart.xlsx"
    wb = Workbook()
    data = wb.active
    data.title = "Data"
    data.append(["NIK", "Nama", "Jumlah"])
    data.append(["6208014507900001", "Siti Aminah", 3])
    chart = BarChart()
    chart.add_data(Reference(data, min_col=3, min_row=2, max_row=2))
    wb.create_chartsheet("Grafik", 0).add_chart(chart)
    hidden = wb.create_sheet("Lama")
    hidden.sheet_state = "hidden"
    hidden.append(["NIK", "Nama"])
    hidden.append(["6208011203850002", "Budi Santoso"])
    wb.save(path)
    plan = read_list(db, path, context=CONTEXT)
    assert plan.sheets == ["Grafik", "Data", "Lama"]
    assert (plan.sheet, plan.rows_read) == ("Data", 1)
    assert read_list(db, path, context=CONTEXT, sheet="Lama").rows[0].values["Nama"] == (
        "Budi Santoso"
    )
    with pytest.raises(ExcelImportError) as caught:
        read_list(db, path, context=CONTEXT, sheet="Grafik")
    assert caught.value.code == "empty"


def test_a_sheet_far_too_long_is_refused_before_it_is_loaded(db, tmp_path, monkeypatch):
    path = _long_list(tmp_path / "long.xlsx", 400)
    real, loaded = reader.CalamineWorkbook, []

    class Spy:
        """python-calamine's workbook, recording the sheets it loads."""

        def __init__(self, book):
            self.book = book

        @classmethod
        def from_filelike(cls, handle):
            return cls(real.from_filelike(handle))

        def get_sheet_by_name(self, name):
            loaded.append(name)
            return self.book.get_sheet_by_name(name)

        def __getattr__(self, name):
            return getattr(self.book, name)

    monkeypatch.setattr(reader, "CalamineWorkbook", Spy)
    with pytest.raises(ExcelImportError) as caught:
        read_list(db, path, context=CONTEXT, max_rows=100)
    assert caught.value.code == "too_many_rows"
    assert "100" in str(caught.value)
    assert loaded == []  # refused on the XML's row count: calamine never loaded the sheet
    with pytest.raises(ExcelImportError) as caught:  # 400 rows, the header, 10 spare: loaded
        read_list(db, path, context=CONTEXT, max_rows=395)
    assert caught.value.code == "too_many_rows"
    assert loaded == ["Data"]
    assert read_list(db, path, context=CONTEXT, max_rows=400).rows_read == 400


def test_empty_bordered_rows_of_a_template_are_not_counted(db, tmp_path):
    """A government template has its borders drawn far below the data: those rows hold
    empty styled cells, not data, and do not make the sheet too long."""
    path = tmp_path / "template.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["NIK", "Nama", "Tanggal Lahir", "L/P", "Desa", "Persetujuan"])
    for number in range(1, 21):
        ws.append([f"620801450790{number:04d}", "Siti Aminah", "05-07-1990", "P", "Pudu", "Ya"])
    thin = Side(style="thin")
    for row in ws.iter_rows(min_row=2, max_row=199, max_col=6):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb.save(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    assert re.search(rb'<c r="A199" s="[0-9]+"[^>]*/>', xml)  # empty styled cells, far down
    plan = read_list(db, path, context=CONTEXT, max_rows=50)
    assert plan.rows_read == 20
    assert [row.number for row in plan.rows] == list(range(2, 22))
    with pytest.raises(ExcelImportError) as caught:  # rows with values still count
        read_list(db, path, context=CONTEXT, max_rows=5)
    assert caught.value.code == "too_many_rows"


def test_the_xml_scan_is_the_same_in_small_chunks(db, monkeypatch):
    """Error cells and the row count are found across the boundaries of the chunks the
    sheet's XML is read in."""
    whole = plan_of(db, "traps.xlsx")
    monkeypatch.setattr(workbook_file, "_CHUNK", 97)
    chunked = plan_of(db, "traps.xlsx")
    assert [(r.number, codes(r)) for r in chunked.rows] == [
        (r.number, codes(r)) for r in whole.rows
    ]
    assert "cell.excel_error" in codes(by_case(chunked)["formula_error"])
    with pytest.raises(ExcelImportError) as caught:
        plan_of(db, "traps.xlsx", max_rows=5)  # 23 rows with cells > 5 + 10
    assert caught.value.code == "too_many_rows"


# --- sheets and header rows -----------------------------------------------------------------


def test_the_first_sheet_with_a_header_row_is_read(db):
    plan = plan_of(db, "sheets.xlsx")
    assert plan.sheets == ["Petunjuk", "Data", "Rekap", "Tambahan"]
    assert plan.sheet == "Data"
    assert [row.values["Kasus"] for row in plan.rows] == ["data_1", "data_2"]


def test_another_sheet_when_asked(db):
    plan = plan_of(db, "sheets.xlsx", sheet="Tambahan")
    assert [row.values["Kasus"] for row in plan.rows] == ["tambahan_1"]
    for sheet, code in (("Petunjuk", "no_header"), ("Rekap", "no_header"), ("Nope", "no_sheet")):
        with pytest.raises(ExcelImportError) as caught:
            plan_of(db, "sheets.xlsx", sheet=sheet)
        assert caught.value.code == code


def test_a_header_over_two_rows_with_merged_cells(db):
    plan = plan_of(db, "two_level_header.xlsx")
    assert plan.header_row == 2
    assert plan.headers[:3] == ["No", "NIK", "Nama"]  # merged down from row 1
    assert {h: plan.mapping[h] for h in plan.headers[5:8]} == {
        "Nama Ahli Waris": "heir_name",
        "Hubungan Ahli Waris": "heir_relation",
        "No HP Ahli Waris": "heir_phone",
    }
    assert [row.number for row in plan.rows] == [3, 4]
    first = plan.rows[0].registration
    assert (first.nik, first.full_name, first.heir_name) == (
        "6208014507900001", "Siti Aminah", "Ahmad Fauzi",
    )  # fmt: skip
    assert (first.heir_relation, first.heir_phone) == ("suami_istri", "081345678901")


def test_the_header_row_is_searched_in_the_first_ten_rows(db, tmp_path):
    for blank_rows, found in ((9, True), (10, False)):
        path = tmp_path / f"low-{blank_rows}.xlsx"
        wb = Workbook()
        for number in range(blank_rows):
            wb.active.append([f"catatan {number}"])
        wb.active.append(["NIK", "Nama", "Tanggal Lahir"])
        wb.active.append(["6208014507900001", "Siti Aminah", "05-07-1990"])
        wb.save(path)
        if found:
            plan = read_list(db, path, context=CONTEXT)
            assert plan.header_row == 10 and plan.rows[0].number == 11
        else:
            with pytest.raises(ExcelImportError) as caught:
                read_list(db, path, context=CONTEXT)
            assert caught.value.code == "no_header"


# --- duplicates, outcomes, writing ------------------------------------------------------------


def test_duplicates_in_the_file_and_in_the_database(configured_db):
    db = configured_db
    held = RegistrationStore(db).save(siti(nik="6208014507900009", kpj=""), "budi")
    rows = by_case(plan_of(db, "duplicates.xlsx"))
    assert rows["again"].duplicate_of == "baris 2"
    assert "import.duplicate_in_file" in codes(rows["again"])
    assert rows["in_database"].duplicate_of == held.id
    assert "nik.duplicate" in codes(rows["in_database"])
    assert rows["first"].outcome == rows["other"].outcome == "ready"
    assert rows["again"].outcome == rows["in_database"].outcome == "rejected"
    plan = plan_of(db, "duplicates.xlsx")
    assert plan.duplicates == 2
    result = write_list(db, plan, "staf")
    assert (result.written, result.duplicates, result.rejected) == (2, 2, 2)
    assert counts(db)[0] == 3
    again = write_list(db, plan, "staf")  # the same plan twice: nothing twice
    assert (again.written, again.duplicates) == (0, 4)
    assert counts(db)[0] == 3
    assert verify_chain(db).ok


def test_a_nik_taken_after_reading_is_not_written_twice(configured_db):
    db = configured_db
    plan = plan_of(db, "outcomes.xlsx")
    # a draft holds the NIK now: drafts count (they never collide in the unique index)
    RegistrationStore(db).save(siti(nik="6208014507900001", kpj=""), "budi")
    result = write_list(db, plan, "staf")
    assert (result.written, result.duplicates) == (5, 1)
    assert db.execute(
        "SELECT COUNT(*) FROM registrations WHERE nik = '6208014507900001'"
    ).fetchone() == (1,)


def test_ready_draft_and_rejected_rows(configured_db):
    db = configured_db
    plan = plan_of(db, "outcomes.xlsx")
    assert (plan.rows_read, plan.rows_ready, plan.rows_draft, plan.rows_rejected) == (8, 3, 3, 2)
    assert plan.duplicates == 0
    rows = by_case(plan)
    assert codes(rows["draft_birth_mismatch"]) == ["nik.birth_date_mismatch"]
    assert codes(rows["draft_age"]) == ["age.range"]
    # consent is asked on the visit: a draft to complete, not a rejected row
    assert codes(rows["draft_no_consent"]) == ["consent.required"]
    assert rows["draft_no_consent"].missing == ["consent"]
    summary = plan.as_json(message)
    assert {k: summary[k] for k in ("rows_read", "rows_ready", "rows_draft", "rows_rejected")} == {
        "rows_read": 8, "rows_ready": 3, "rows_draft": 3, "rows_rejected": 2,
    }  # fmt: skip
    assert {"row": 6, "field": "birth_date", "code": "age.range"}.items() <= next(
        p for p in summary["problems"] if p["row"] == 6
    ).items()
    assert summary["problems"][0]["message"].startswith("[")

    result = write_list(db, plan, "staf")
    assert (result.written, result.ready, result.draft, result.rejected) == (6, 3, 3, 2)
    stored = dict(db.execute("SELECT nik, status FROM registrations").fetchall())
    assert sorted(stored.values()) == ["draft", "draft", "draft", "ready", "ready", "ready"]
    assert stored["6208010102500005"] == "draft"  # the 75-year-old waits for confirmation
    assert "620801450790007" not in stored  # rejected rows are not written at all
    store = RegistrationStore(db)
    for registration_id in result.ids:
        reg = store.get(registration_id)
        assert (reg.version, reg.created_by) == (1, "staf")
        assert reg.device_id == load_settings(db).device_id != ""
    actions = db.execute("SELECT DISTINCT action, actor FROM audit_log").fetchall()
    assert actions == [("excel_import", "staf")]
    assert verify_chain(db).ok


def test_reading_writes_nothing(configured_db):
    db = configured_db
    before = (*counts(db), db.conn.total_changes)
    for name in ("outcomes.xlsx", "traps.xlsx", "duplicates.xlsx"):
        plan_of(db, name)
    assert (*counts(db), db.conn.total_changes) == before


def test_writing_is_all_or_nothing(configured_db, monkeypatch):
    db = configured_db
    plan = plan_of(db, "outcomes.xlsx")

    def broken_append(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(bulk_import.audit, "append", broken_append)
    with pytest.raises(OSError, match="disk full"):
        write_list(db, plan, "staf")
    assert counts(db) == (0, 0)  # the rows inserted before the failure are gone too
    assert not db.conn.in_transaction
    monkeypatch.undo()
    assert write_list(db, plan, "staf").written == 6
    assert verify_chain(db).ok


# --- progress and cancelling ------------------------------------------------------------------


def _long_list(path: Path, rows: int) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    ws.append(["NIK", "Nama", "Tanggal Lahir", "L/P", "Desa", "Persetujuan"])
    for number in range(1, rows + 1):
        ws.append([f"620801450790{number:04d}", "Siti Aminah", "05-07-1990", "P", "Pudu", "Ya"])
    wb.save(path)
    return path


def test_progress_every_500_rows_and_cancelling(db, tmp_path):
    path = _long_list(tmp_path / "long.xlsx", 1_200)
    seen = []
    plan = read_list(db, path, context=CONTEXT, progress=lambda *args: seen.append(args))
    assert [done for done, _total, _text in seen] == [500, 1000, 1200]
    assert all(total >= done for done, total, _text in seen) and seen[-1][1] == 1200
    assert plan.rows_read == 1200
    with pytest.raises(ImportCancelled):
        read_list(db, path, context=CONTEXT, cancelled=lambda: True)


def test_the_workbook_is_closed_before_the_plan_is_built(db, tmp_path, monkeypatch):
    """calamine's copy of the sheet is freed before the rows are converted and checked,
    and each row keeps its cells once: a read-only mapping, the same texts shared."""
    path = _long_list(tmp_path / "long.xlsx", 3)
    events = []
    close, convert = reader.SourceWorkbook.close, list_import.RowConverter.convert
    monkeypatch.setattr(
        reader.SourceWorkbook, "close", lambda self: events.append("close") or close(self)
    )
    monkeypatch.setattr(
        list_import.RowConverter,
        "convert",
        lambda self, cells: events.append("convert") or convert(self, cells),
    )
    plan = read_list(db, path, context=CONTEXT)
    assert events == ["close", "convert", "convert", "convert"]
    first, second = plan.rows[0].values, plan.rows[1].values
    assert dict(first) == first == {
        "NIK": "6208014507900001", "Nama": "Siti Aminah", "Tanggal Lahir": "05-07-1990",
        "L/P": "P", "Desa": "Pudu", "Persetujuan": "Ya",
    }  # fmt: skip
    assert first.get("Kolom Z") is None and "Desa" in first and len(first) == 6
    assert first["Desa"] is second["Desa"]  # one string for the column's repeated text


# --- the error report -----------------------------------------------------------------------


def test_the_error_report_has_the_rows_and_their_problems(configured_db, tmp_path):
    db = configured_db
    plan = plan_of(db, "traps.xlsx")
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "laporan.xlsx"
    assert write_error_report(plan, target, message) == target
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert list(rows[0]) == [*plan.headers, "Masalah", "Baris"]
    assert len(rows) == 1 + plan.rows_read
    report = {row[0]: row for row in rows[1:]}
    assert report["nik_int"][-2] == "[nik.excel_number]" and report["nik_int"][-1] == 2
    assert report["nik_int"][1] == 6208014507900001  # the cell as it was read
    assert report["date_cell"][-2] is None  # nothing to say about a clean row
    assert report["desa_unknown"][-1] == 21
    nik_cell = load_workbook(target).active["B2"]
    assert nik_cell.number_format == "@"  # what is typed there again stays text
    assert [p.name for p in folder.iterdir()] == ["laporan.xlsx"]


def test_the_error_report_names_the_first_row_of_a_duplicate(db, tmp_path):
    plan = plan_of(db, "duplicates.xlsx")
    rows = list(load_workbook(write_error_report(plan, tmp_path / "r.xlsx", message)).active.values)
    again = next(row for row in rows if row[0] == "again")
    assert again[-2] == "[import.duplicate_in_file] (baris 2)"


def test_a_failed_error_report_leaves_the_old_file_and_no_temporary_one(db, tmp_path, monkeypatch):
    plan = plan_of(db, "outcomes.xlsx")
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "laporan.xlsx"
    target.write_bytes(b"old report")

    def broken_replace(source, target):
        raise OSError("the USB stick was pulled")

    monkeypatch.setattr("models.files.os.replace", broken_replace)
    with pytest.raises(OSError, match="pulled"):
        write_error_report(plan, target, message)
    assert target.read_bytes() == b"old report"
    assert [p.name for p in folder.iterdir()] == ["laporan.xlsx"]


# --- files that cannot be read ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code", "says"),
    [
        ("old.xls", "old_xls", ".xlsx"),
        ("encrypted_ole2.xlsx", "encrypted", "password"),
        ("csv_renamed.xlsx", "not_xlsx", "CSV"),
        ("zip_not_xlsx.xlsx", "not_xlsx", ".xlsx"),
        ("lo_list.ods", "not_xlsx", ".ods"),
        ("empty.xlsx", "empty", "empty"),
        ("empty_sheet.xlsx", "empty", "no data"),
        ("no_header.xlsx", "no_header", "header"),
        ("damaged.xlsx", "unreadable", "damaged"),
        ("does_not_exist.xlsx", "unreadable", "does not exist"),
    ],
)
def test_files_that_cannot_be_imported(db, name, code, says):
    with pytest.raises(ExcelImportError) as caught:
        plan_of(db, name)
    assert caught.value.code == code
    assert says in str(caught.value)


def test_a_real_workbook_is_recognised_by_content_not_name(db, tmp_path):
    renamed = tmp_path / "DAFTAR.DAT"
    renamed.write_bytes((FIXTURES / "outcomes.xlsx").read_bytes())
    assert plan_of(db, renamed).rows_read == 8


# --- KPJ numbers from BPJS -----------------------------------------------------------------


@pytest.fixture
def kpj_db(configured_db):
    """Registrations the rows of kpj.xlsx speak of (NIK 62080145079000NN)."""
    store = RegistrationStore(configured_db)
    for serial in range(1, 11):
        kpj = {2: "99999999999"}.get(serial, "")
        store.save(
            siti(id=f"reg-{serial}", nik=f"620801450790{serial:04d}", kpj=kpj, status="submitted"),
            "staf",
        )
    store.save(siti(id="reg-holder", nik="6208014507900011", kpj="55555555555"), "staf")
    return configured_db


def kpj_state(db) -> dict:
    rows = db.execute("SELECT id, kpj, status, version FROM registrations ORDER BY id")
    return {row[0]: row[1:] for row in rows}


def test_kpj_numbers_are_recorded_and_conflicts_reported(kpj_db):
    db = kpj_db
    before = kpj_state(db)
    result = import_kpj(db, FIXTURES / "kpj.xlsx", "staf")
    assert result.rows_read == 12
    assert result.registered == 3
    after = kpj_state(db)
    assert after["reg-1"] == ("12345678901", "registered", 2)
    assert after["reg-5"] == ("12345678905", "registered", 2)  # a whole number, kept as text
    assert after["reg-10"] == ("02345678910", "registered", 2)  # the leading 0 survives
    changed = {rid for rid in before if before[rid] != after[rid]}
    assert changed == {"reg-1", "reg-5", "reg-10"}
    assert result.unknown_niks == [{"row": 3, "nik": "6208014507909999"}]
    assert {(c["row"], c["reason"]) for c in result.conflicts} == {
        (4, "other_kpj"), (5, "kpj_twice"), (6, "kpj_twice"), (12, "kpj_held"),
    }  # fmt: skip
    other = next(c for c in result.conflicts if c["reason"] == "other_kpj")
    assert (other["registration_id"], other["existing_kpj"]) == ("reg-2", "99999999999")
    assert {(p.row, p.problem.code) for p in result.problems} == {
        (7, "kpj.number_kept"), (8, "kpj.excel_number"), (9, "nik.excel_number"),
        (11, "kpj.format"),
    }  # fmt: skip
    assert result.as_json(message)["registered"] == 3
    assert db.execute(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'kpj_import' AND actor = 'staf'"
    ).fetchone() == (3,)
    assert verify_chain(db).ok
    again = import_kpj(db, FIXTURES / "kpj.xlsx", "staf")
    assert (again.registered, again.unchanged) == (0, 3)
    assert kpj_state(db) == after


def test_a_kpj_dry_run_writes_nothing(kpj_db):
    db = kpj_db
    before = (kpj_state(db), counts(db), db.conn.total_changes)
    result = import_kpj(db, FIXTURES / "kpj.xlsx", "staf", dry_run=True)
    assert result.registered == 3 and result.dry_run
    assert len(result.conflicts) == 4
    assert (kpj_state(db), counts(db), db.conn.total_changes) == before


def test_kpj_rows_the_file_or_the_list_contradict(configured_db, tmp_path):
    db = configured_db
    store = RegistrationStore(db)
    for number in (1, 2):  # two drafts may share a NIK
        store.save(siti(id=f"draft-{number}", nik="6208014507900001", kpj=""), "staf")
    store.save(siti(id="reg-2", nik="6208014507900002", kpj=""), "staf")
    path = tmp_path / "bpjs.xlsx"
    wb = Workbook()
    for row in (
        ("NIK", "KPJ"),
        ("6208014507900001", "11111111111"),
        ("6208014507900002", "22222222222"),
        ("6208014507900002", "33333333333"),
    ):
        wb.active.append(row)
    wb.save(path)
    result = import_kpj(db, path, "staf")
    assert {(c["row"], c["reason"]) for c in result.conflicts} == {
        (2, "nik_held_twice"), (3, "nik_twice"), (4, "nik_twice"),
    }  # fmt: skip
    assert result.registered == 0
    assert {rid for rid, (kpj, *_rest) in kpj_state(db).items() if kpj} == set()


def test_a_kpj_file_needs_nik_and_kpj_columns(db):
    with pytest.raises(ExcelImportError) as caught:
        import_kpj(db, FIXTURES / "outcomes.xlsx", "staf")
    assert caught.value.code == "no_header"


# --- round trip -----------------------------------------------------------------------------

ROUND_TRIP_FIELDS = [
    f.name
    for f in dataclasses.fields(Registration)
    if f.name not in {
        "id", "status", "warnings_confirmed", "created_by", "device_id", "created_at",
        "updated_at", "version", "deleted",
    }
]  # fmt: skip


def test_registrations_through_a_workbook_and_back(configured_db, tmp_path):
    """Registrations written as a simple list (codes for choices, names for desa and
    kecamatan, text for numbers) read back into the same field values."""
    regions = default_regions()
    people = [siti(kpj=""), *generate(40, seed=5, regency_code="62.08", today=TODAY)]
    people[3] = people[3].copy(funding_source="csr", csr_company="PT Sawit Makmur")
    columns = [name for name in FIELDS if name not in {"birth_place_date", "rt_rw", "village_code"}]
    wb = Workbook()
    wb.active.append([FIELDS[name] for name in [*columns, "village_code"]])
    for reg in people:
        cells = []
        for name in columns:
            if name == "kecamatan":
                value = regions.kecamatan_name(reg.kecamatan_code)
            elif name in ("program_jht", "consent"):
                value = "Ya" if getattr(reg, name) else "Tidak"
            elif name == "birth_date":
                value = datetime.combine(reg.birth_date, datetime.min.time())
            else:
                value = getattr(reg, name)
            cells.append(value if value != "" else None)
        cells.append(regions.village(reg.village_code).name.upper())
        wb.active.append(cells)
    path = tmp_path / "daftar.xlsx"
    wb.save(path)

    plan = read_list(configured_db, path, context=CONTEXT)
    assert missing_required(plan) == [] and unmapped_headers(plan) == []
    assert plan.rows_read == len(people)
    for reg, row in zip(people, plan.rows, strict=True):
        got = row.registration
        assert {n: getattr(got, n) for n in ROUND_TRIP_FIELDS} == {
            n: getattr(normalized(reg), n) for n in ROUND_TRIP_FIELDS
        }, row.number
        # the import adds no problem of its own: those of the typed registration, no more
        expected = [(p.code, p.field) for p in validate(reg, CONTEXT)]
        assert [(p.code, p.field) for p in row.problems] == expected, row.number
    # the demo has unfinished people: drafts to complete on the visit
    assert (plan.rows_ready, plan.rows_draft, plan.rows_rejected) == (39, 2, 0)
    written = write_list(configured_db, plan, "staf")
    assert written.written == plan.rows_ready + plan.rows_draft
    store = RegistrationStore(configured_db)
    kept = [row for row in plan.rows if row.outcome != "rejected"]
    for registration_id, row in zip(written.ids, kept, strict=True):
        assert store.get(registration_id).full_name == row.registration.full_name
    assert verify_chain(configured_db).ok


# --- cell values ----------------------------------------------------------------------------

EPOCH_1900 = datetime(1899, 12, 30)
EPOCH_1904 = datetime(1904, 1, 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12-03-1985", date(1985, 3, 12)), ("12/03/1985", date(1985, 3, 12)),
        ("12.03.1985", date(1985, 3, 12)), ("1985-03-12", date(1985, 3, 12)),
        ("1985-03-12 00:00:00", date(1985, 3, 12)), ("12 Maret 1985", date(1985, 3, 12)),
        ("12-Mar-1985", date(1985, 3, 12)), ("1 Agustus 2001", date(2001, 8, 1)),
        (31118, date(1985, 3, 12)), (31118.0, date(1985, 3, 12)),
        (datetime(1985, 3, 12, 0, 0), date(1985, 3, 12)), (None, None), ("  ", None),
    ],
)  # fmt: skip
def test_cell_dates(value, expected):
    assert cell_date(value, EPOCH_1900) == expected


def test_cell_dates_of_a_1904_workbook():
    assert cell_date(29656, EPOCH_1904) == date(1985, 3, 12)


@pytest.mark.parametrize("value", ["12-03-85", "31-02-1985", "kemarin", 0, -5, 3_000_000, True])
def test_cell_dates_refused(value):
    with pytest.raises(ValueError):
        cell_date(value, EPOCH_1900)


def test_names_in_capitals_become_title_case_and_others_stay():
    assert title_if_shouted("SITI AMINAH") == "Siti Aminah"
    assert title_if_shouted("MA'RUF AN-NUR") == "Ma'ruf An-Nur"
    assert title_if_shouted("M. YUSUF") == "M. Yusuf"
    assert title_if_shouted("Siti binti Ahmad") == "Siti binti Ahmad"
    assert title_if_shouted("123") == "123"


@pytest.mark.parametrize(
    ("value", "flag"),
    [("Ya", True), ("y", True), ("✓", True), (1, True), (True, True), ("Tidak", False),
     ("T", False), (0, False), (None, None), ("", None), ("-", None)],
)  # fmt: skip
def test_yes_and_no(value, flag):
    assert cell_flag(value) is flag


def test_other_words_are_not_yes_or_no():
    with pytest.raises(ValueError):
        cell_flag("mungkin")


def test_settings_decide_the_regency_and_age_range(db, tmp_path):
    """Without a context, the settings' regency is where desa names are looked up."""
    save_settings(db, Settings(regency_code="62.02", age_max=80, configured=True))
    path = tmp_path / "kotim.xlsx"
    wb = Workbook()
    wb.active.append(["NIK", "Nama", "Desa", "Kecamatan"])
    wb.active.append(["6202044507900001", "Siti Aminah", "Sumber Makmur", "Parenggean"])
    wb.save(path)
    row = read_list(db, path).rows[0]
    assert row.registration.village_code == "62.02.04.2009"
