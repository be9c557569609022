"""Next year's renewal list as a workbook: "Perpanjangan" (a row per participant still
billed, with January's and the year's contribution at next year's rates) and "Rekap" (per
kecamatan and per funding source, against the year's target and budget).

The list is `models.renewal.renewal_list`'s; this writes it whole or not at all
(`models.files.atomic_file`). NIK, KPJ and codes stay text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from excel.excel_labels import COUNT, RUPIAH, TEXT, _clean, _header_cell, _Names, _text_cell
from excel.export_errors import ExcelExportError
from excel.export_files import check_folder, discard_workbook, write_failed
from models.files import atomic_file
from models.regions import Regions, default_regions
from models.renewal import Renewal
from models.vocabulary import FUNDING_LABELS

LIST_SHEET = "Perpanjangan"
SUMMARY_SHEET = "Rekap"
_COLUMNS = (
    ("No.", 6), ("NIK", 19), ("Nama lengkap", 30), ("KPJ", 14), ("Desa/Kelurahan", 22),
    ("Kecamatan", 18), ("Sumber iuran", 16), ("Upah dasar", 14), ("Iuran Januari", 14),
    ("Iuran setahun", 16),
)  # fmt: skip


@dataclass(frozen=True)
class RenewalWorkbook:
    path: Path
    rows: int


def write_renewal(
    renewal: Renewal, path: Path | str, *, regions: Regions | None = None
) -> RenewalWorkbook:
    """Write ``renewal`` to ``path`` (replaced if it exists). Raises `ExcelExportError`
    (missing folder, nothing on the list, write failed); no file is left then."""
    target = Path(path)
    check_folder(target.parent)
    if target.suffix.lower() != ".xlsx":
        raise ExcelExportError("not_a_file", f"{target}: the file must end in .xlsx")
    if not renewal.lines:
        raise ExcelExportError("nothing_to_export", f"no participant to renew for {renewal.year}")
    names = _Names(regions or default_regions())
    workbook = Workbook(write_only=True)
    try:
        _write_list(workbook.create_sheet(LIST_SHEET), renewal, names)
        _write_summary(workbook.create_sheet(SUMMARY_SHEET), renewal, names)
        with atomic_file(target) as temp, open(temp, "wb") as stream:
            workbook.save(stream)
    except OSError as exc:
        raise write_failed(target, exc) from exc
    finally:
        discard_workbook(workbook)
    return RenewalWorkbook(target, len(renewal.lines))


def _money(sheet, amount: int) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, amount)
    cell.number_format = RUPIAH
    return cell


def _write_list(sheet, renewal: Renewal, names: _Names) -> None:
    for letter, (_, width) in zip("ABCDEFGHIJ", _COLUMNS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.append([_header_cell(sheet, title) for title, _ in _COLUMNS])
    for number, line in enumerate(renewal.lines, start=1):
        reg = line.registration
        sheet.append([
            number,
            _text_cell(sheet, reg.nik, TEXT),
            _clean(reg.full_name),
            _text_cell(sheet, reg.kpj, TEXT),
            _clean(names.village(reg.village_code)),
            _clean(names.kecamatan(reg.kecamatan_code)),
            FUNDING_LABELS.get(reg.funding_source, reg.funding_source),
            _money(sheet, line.base_income),
            _money(sheet, line.first_month),
            _money(sheet, line.yearly),
        ])  # fmt: skip
    total = WriteOnlyCell(sheet, "Jumlah")
    total.font = Font(bold=True)
    sheet.append([None, None, total, *([None] * 6), _money(sheet, renewal.yearly)])


def _write_summary(sheet, renewal: Renewal, names: _Names) -> None:
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["C"].width = 20
    bold = Font(bold=True)

    def label(text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, text)
        cell.font = bold
        return cell

    def count(value: int) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = COUNT
        return cell

    plan = renewal.plan
    sheet.append([label(f"Daftar perpanjangan tahun {renewal.year}")])
    sheet.append(
        [f"Peserta yang masih aktif per {renewal.as_of}; iuran dengan tarif {renewal.year}"]
    )
    sheet.append([])
    sheet.append(["Target tahun " + str(renewal.year), count(plan.target)])
    sheet.append(["Anggaran tahun " + str(renewal.year),
                  _money(sheet, plan.budget) if plan.budget else "belum ditetapkan"])  # fmt: skip
    sheet.append(["Peserta diperpanjang", count(len(renewal.lines))])
    sheet.append(["Iuran setahun", None, _money(sheet, renewal.yearly)])
    if renewal.budget_left is not None:
        sheet.append(["Sisa anggaran", None, _money(sheet, renewal.budget_left)])
    sheet.append([])
    sheet.append([_header_cell(sheet, t) for t in ("Kecamatan", "Peserta", "Iuran setahun")])
    for code, total in sorted(renewal.by_kecamatan.items()):
        sheet.append([names.kecamatan(code) or "—", count(total.participants),
                      _money(sheet, total.yearly)])  # fmt: skip
    sheet.append([])
    sheet.append([_header_cell(sheet, t) for t in ("Sumber iuran", "Peserta", "Iuran setahun")])
    for source, total in sorted(renewal.by_funding.items()):
        sheet.append([FUNDING_LABELS.get(source, source), count(total.participants),
                      _money(sheet, total.yearly)])  # fmt: skip
