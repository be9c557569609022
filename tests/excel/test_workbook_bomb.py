"""A workbook that expands far beyond its size on disk (issue 18: 3.8 MB that unpacks to 2 GB
took 72 s and 2.6 GB of memory): refused by its declared unpacked size before calamine loads
it, and a cell far longer than any field is refused while the rows are read. Small files and
lowered limits stand for the large ones."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from excel import reader
from excel.list_import import ExcelImportError, read_list
from excel.workbook_file import SizeLimits
from models.validation import ValidationContext
from tests.factories import TODAY

CONTEXT = ValidationContext(today=TODAY)


def workbook(path, rows: int, text: str):
    book = Workbook()
    sheet = book.active
    sheet.append(["NIK", "Nama", "Tanggal Lahir", "Catatan"])
    for number in range(rows):
        sheet.append([f"62080141019{number:05d}", "SITI AMINAH", "1990-01-01", text])
    book.save(path)
    return path


def test_a_workbook_that_unpacks_past_the_limit_is_refused_before_it_is_loaded(
    db, tmp_path, monkeypatch
):
    path = workbook(tmp_path / "bom.xlsx", 200, "A" * 2_000)  # 400 kB unpacked, 15 kB packed
    assert path.stat().st_size < 100_000

    def loaded(*args, **kwargs):
        raise AssertionError("calamine loaded the workbook")

    monkeypatch.setattr(reader.CalamineWorkbook, "from_filelike", loaded)
    with pytest.raises(ExcelImportError) as refused:
        read_list(db, path, context=CONTEXT, size_limits=SizeLimits(unpacked_bytes=300_000))
    assert refused.value.code == "too_large"
    assert "bom.xlsx" in str(refused.value) and "300.000" in str(refused.value)


def test_a_cell_longer_than_the_limit_is_refused_while_reading(db, tmp_path):
    path = workbook(tmp_path / "panjang.xlsx", 3, "ok")
    book_path = tmp_path / "one-long.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["NIK", "Nama", "Tanggal Lahir", "Catatan"])
    sheet.append(["6208014101900001", "SITI", "1990-01-01", "pendek"])
    sheet.append(["6208014101900002", "ANI", "1990-01-01", "x" * 1_001])
    book.save(book_path)
    limits = SizeLimits(cell_chars=1_000)
    assert len(read_list(db, path, context=CONTEXT, size_limits=limits).rows) == 3
    with pytest.raises(ExcelImportError) as refused:
        read_list(db, book_path, context=CONTEXT, size_limits=limits)
    assert refused.value.code == "too_large"
    assert "baris 3" in str(refused.value) and "1.000" in str(refused.value)


def test_a_long_cell_in_the_header_rows_is_refused_too(tmp_path):
    book = Workbook()
    book.active.append(["NIK", "Nama", "y" * 50])
    book.save(tmp_path / "judul.xlsx")
    with (
        reader.open_workbook(tmp_path / "judul.xlsx", size_limits=SizeLimits(cell_chars=40)) as wb,
        pytest.raises(ExcelImportError) as refused,
    ):
        reader.choose_layout(wb, None)
    assert refused.value.code == "too_large" and "baris 1" in str(refused.value)


def test_the_default_limits_take_the_largest_list_the_import_takes():
    """200,000 rows of 27 columns unpack to about 290 MB (inline texts) or 240 MB (shared
    strings): bench/bench_excel_import.py; the default leaves room above that."""
    limits = SizeLimits()
    assert limits.unpacked_bytes >= 400 * 1024 * 1024
    assert limits.cell_chars >= 10 * 200  # ten times the longest field (an address)
