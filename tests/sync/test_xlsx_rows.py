"""sync.xlsx_rows writes rows that read back exactly like the rows openpyxl writes itself:
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

from sync import xlsx_rows
from sync.xlsx_rows import FastColumn, FastRows, excel_serial

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
    sheet.close()  # what sync.excel_export._discard does with the abandoned workbook
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
