"""excel.xlsx_rows writes rows that read back exactly like the rows openpyxl writes itself:
the same values, types and number formats, cell by cell, and well-formed XML."""

import tempfile
import xml.etree.ElementTree as ET
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils.datetime import to_excel

from excel import xlsx_rows
from excel.xlsx_rows import FastColumn, FastRows, excel_serial

COLUMNS = [
    FastColumn(xlsx_rows.NUMBER),
    FastColumn(xlsx_rows.STRING, "@"),
    FastColumn(xlsx_rows.STRING),
    FastColumn(xlsx_rows.DATE, "DD-MM-YYYY"),
    FastColumn(xlsx_rows.DATE_TIME, "DD-MM-YYYY HH:MM"),
    FastColumn(xlsx_rows.NUMBER, '"Rp" #,##0'),
]
ROWS = [
    [1, "6208014506850001", "Siti Aminah", date(1985, 3, 12), datetime(2026, 11, 27, 9, 30), 16800],
    [2, "0812 3456 7890", "A & B <C> \"D\" 'E'", date(1900, 3, 1), datetime(2026, 1, 1), 0],
    [3, "  spaces  ", "line one\nline two", date(2099, 12, 31), None, 20_700_000],
    [4, "=SUM(A1:A2)", "#N/A", None, datetime(2026, 2, 3, 4, 5, 6), None],
    [5, "", "Ñandú 日本 🐟 ẞ", date(1960, 1, 1), datetime(1999, 12, 31, 23, 59), 1.5],
]  # fmt: skip


def openpyxl_way(path):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(["No", "NIK", "Nama", "Lahir", "Diubah", "Iuran"])
    for row in ROWS:
        cells = []
        for value, column in zip(row, COLUMNS, strict=True):
            if value is None or value == "":
                cells.append(None)
                continue
            cell = WriteOnlyCell(sheet, value)
            if column.kind == xlsx_rows.STRING:
                cell.data_type = "s"  # "=SUM…" and "#N/A" stay text
            if column.number_format:
                cell.number_format = column.number_format
            cells.append(cell)
        sheet.append(cells)
    workbook.save(path)


def fast_way(path):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(["No", "NIK", "Nama", "Lahir", "Diubah", "Iuran"])
    rows = FastRows(sheet, COLUMNS, rows_before=1)
    for row in ROWS:
        rows.append(row)
    rows.close()
    workbook.save(path)


def cells(path):
    sheet = load_workbook(path)["Data"]  # not read-only: number formats too
    return [
        [(c.value, c.data_type, c.number_format if c.value is not None else None) for c in row]
        for row in sheet.iter_rows()
    ]


def test_fast_rows_read_back_like_openpyxls_own(tmp_path):
    openpyxl_way(tmp_path / "slow.xlsx")
    fast_way(tmp_path / "fast.xlsx")
    slow, fast = cells(tmp_path / "slow.xlsx"), cells(tmp_path / "fast.xlsx")
    assert len(fast) == len(ROWS) + 1
    for number, (expected, got) in enumerate(zip(slow, fast, strict=True), 1):
        assert got == expected, f"row {number}"
    # The values themselves, not only "the same as openpyxl":
    assert fast[1][1] == ("6208014506850001", "s", "@")
    assert fast[2][2][0] == "A & B <C> \"D\" 'E'"
    assert fast[3][1][0] == "  spaces  "
    assert fast[3][2][0] == "line one\nline two"
    assert fast[4][1][:2] == ("=SUM(A1:A2)", "s")
    assert fast[4][2][:2] == ("#N/A", "s")
    assert fast[1][3] == (datetime(1985, 3, 12), "d", "DD-MM-YYYY")
    assert fast[4][4][0] == datetime(2026, 2, 3, 4, 5, 6)
    assert fast[1][5] == (16800, "n", '"Rp" #,##0')
    assert fast[5][1] == (None, "n", None)  # "" is an empty cell


def test_the_sheet_xml_is_well_formed_with_row_numbers_in_order(tmp_path):
    fast_way(tmp_path / "fast.xlsx")
    with zipfile.ZipFile(tmp_path / "fast.xlsx") as archive:
        root = ET.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rows = root.findall("m:sheetData/m:row", ns)
    assert [row.get("r") for row in rows] == [str(n) for n in range(1, len(ROWS) + 2)]
    assert rows[1].find("m:c", ns).get("r") == "A2"


@pytest.mark.parametrize(
    "value",
    [date(1900, 3, 1), date(1985, 3, 12), date(2026, 11, 27), datetime(2026, 11, 27, 13, 45, 30)],
)
def test_excel_serial_agrees_with_openpyxl(value):
    assert float(excel_serial(value)) == pytest.approx(to_excel(value), abs=1e-9)


def test_discarded_rows_leave_no_temporary_file(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(["No"])
    rows = FastRows(sheet, [FastColumn(xlsx_rows.NUMBER)], rows_before=1)
    rows.append([1])
    assert any(p.name.startswith("jaring-rows-") for p in tmp_path.iterdir())
    rows.discard()
    sheet.close()  # what excel.export_files.discard_workbook does with the abandoned workbook
    Path(sheet._writer.out).unlink()
    assert not any(p.name.startswith("jaring-rows-") for p in tmp_path.iterdir())


def test_a_carriage_return_survives(tmp_path):
    # openpyxl without lxml writes a bare CR, which XML readers turn into LF.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(["Alamat"])
    rows = FastRows(sheet, [FastColumn(xlsx_rows.STRING)], rows_before=1)
    rows.append(["Jl. Cempaka\r\nRT 002"])
    rows.close()
    workbook.save(tmp_path / "cr.xlsx")
    assert load_workbook(tmp_path / "cr.xlsx")["Data"]["A2"].value == "Jl. Cempaka\r\nRT 002"


def one_column(path, kind, values, number_format=None):
    """A sheet "Data" with a header and ``values`` in column A, written by FastRows."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(["Kolom"])
    rows = FastRows(sheet, [FastColumn(kind, number_format)], rows_before=1)
    for value in values:
        rows.append([value])
    rows.close()
    workbook.save(path)
    return path


def column_a(path):
    return [row[0] for row in load_workbook(path)["Data"].iter_rows(min_row=2, values_only=True)]


def test_characters_xml_forbids_are_removed_and_the_workbook_stays_readable(tmp_path):
    # openpyxl's ILLEGAL_CHARACTERS_RE misses U+FFFE, U+FFFF and lone surrogates.
    values = [
        "Siti\ufffeAminah",
        "Budi\uffff",
        "\ud800Ani\udfff",
        "Tab\tand\x01bell\x07",
        "\x01",
        "Eko",
    ]
    path = one_column(tmp_path / "odd.xlsx", xlsx_rows.STRING, values)
    # "\x01" alone leaves nothing: an empty cell.
    assert column_a(path) == ["SitiAminah", "Budi", "Ani", "Tab\tandbell", None, "Eko"]


def test_clean_removes_what_openpyxls_pattern_misses():
    from excel.excel_labels import _clean

    assert _clean("a\ufffeb\uffffc\ud800d\udbffe\udfff\x00f\x1f") == "abcdef"
    assert _clean("Ñandú 日本 🐟 \t\n\r") == "Ñandú 日本 🐟 \t\n\r"


def test_the_error_report_of_an_import_uses_the_same_cleaning():
    from excel import import_plan
    from excel.excel_labels import _clean

    assert import_plan._cell("Rt\ufffe 02\x01") == _clean("Rt\ufffe 02\x01") == "Rt 02"
    assert not hasattr(import_plan, "ILLEGAL_CHARACTERS_RE")


@pytest.mark.parametrize(
    "value",
    [
        date(1900, 1, 1),
        date(1900, 1, 15),
        date(1900, 2, 28),
        date(1900, 3, 1),
        datetime(1900, 1, 15, 12, 0),
        datetime(1900, 2, 28, 23, 59, 59),
    ],
)
def test_excel_serial_agrees_with_openpyxl_before_the_fake_leap_day(value):
    assert float(excel_serial(value)) == pytest.approx(to_excel(value), abs=1e-9)


def test_excel_serial_of_the_first_days_of_1900():
    assert excel_serial(date(1900, 1, 1)) == "1"
    assert excel_serial(date(1900, 1, 15)) == "15"
    assert excel_serial(date(1900, 3, 1)) == "61"  # 60 is Excel's 29-02-1900
    with pytest.raises(ValueError):
        excel_serial(date(1899, 12, 31))


def test_dates_before_1900_are_written_as_indonesian_text(tmp_path):
    path = tmp_path / "old.xlsx"
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    sheet.append(["Lahir", "Diubah"])
    columns = [
        FastColumn(xlsx_rows.DATE, "DD-MM-YYYY"),
        FastColumn(xlsx_rows.DATE_TIME, "DD-MM-YYYY HH:MM"),
    ]
    rows = FastRows(sheet, columns, rows_before=1)
    rows.append([date(1899, 12, 31), datetime(1850, 7, 4, 8, 5)])
    rows.append([date(1900, 1, 15), None])
    rows.close()
    workbook.save(path)
    got = load_workbook(path)["Data"]
    assert (got["A2"].value, got["A2"].data_type) == ("31-12-1899", "s")
    assert (got["B2"].value, got["B2"].data_type) == ("04-07-1850 08:05", "s")
    assert got["A3"].value == datetime(1900, 1, 15)


@pytest.mark.parametrize("value", [True, False, float("nan"), float("inf"), float("-inf")])
def test_numbers_a_cell_cannot_hold_are_refused(tmp_path, value):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    rows = FastRows(sheet, [FastColumn(xlsx_rows.NUMBER)], rows_before=0)
    with pytest.raises(ValueError):
        rows.append([value])
    rows.discard()


def test_ints_and_finite_floats_are_numbers(tmp_path):
    path = one_column(tmp_path / "n.xlsx", xlsx_rows.NUMBER, [0, -7, 10**15, 1.5, 1e-7])
    assert column_a(path) == [0, -7, 10**15, 1.5, 1e-7]


def test_text_longer_than_a_cell_holds_is_cut_with_an_ellipsis(tmp_path):
    exact = "a" * 32_767
    path = one_column(tmp_path / "long.xlsx", xlsx_rows.STRING, [exact, "b" * 40_000])
    kept, cut = column_a(path)
    assert kept == exact
    assert len(cut) == 32_767
    assert cut == "b" * 32_766 + "…"


def test_leading_and_trailing_spaces_are_marked_to_be_kept_in_the_xml(tmp_path):
    path = one_column(tmp_path / "sp.xlsx", xlsx_rows.STRING, ["  spaces  ", "no spaces"])
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert '<t xml:space="preserve">  spaces  </t>' in xml
    assert "<t>no spaces</t>" in xml
