"""The plan of a village list (daftar nominatif), made before anything is painted: fonts and
column widths for the device, every row measured, and the rows shared out over pages, so that
every page can say "Halaman X dari Y" and the signatures never stand alone on a last page.

`ui.printing.lists` paints what `plan_list` plans. Lengths are device units (`Sheet.mm`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPagedPaintDevice

from models.formatting import arg
from models.registration import Registration
from ui.i18n import labels
from ui.i18n.formats import rupiah, tanggal
from ui.printing.context import PrintContext
from ui.printing.drawing import sans
from ui.printing.facts import (
    kecamatan_name,
    monthly_contribution,
    village_kind,
    village_name,
    village_title,
)
from ui.printing.paper import Sheet
from ui.printing.paragraph import Paragraph, text_width

translate = QCoreApplication.translate

#: Rows are at least this tall so that there is room to sign (millimetres).
ROW_MIN_MM = 9.0
#: Padding inside a table cell (millimetres).
CELL_PAD_MM = 1.3


# --- geometry ------------------------------------------------------------------------------


@dataclass
class ListColumn:
    """A column of the table: its header, its width and where it starts."""

    title: str
    width: float
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    x: float = 0.0


@dataclass
class ListRow:
    """One table row: a person, or the heading of a desa in a list of several."""

    height: float
    cells: list[Paragraph | None] = field(default_factory=list)
    number: int = 0  # 1, 2, 3 … for a person; 0 for a heading
    monthly: int | None = None
    village_code: str = ""
    heading: Paragraph | None = None


class ListGeometry:
    """Fonts, columns and the heights of everything on a list page, for one device."""

    def __init__(self, device: QPagedPaintDevice, people: int, largest_amount: int):
        self.device = device
        self.sheet = sheet = Sheet(device)
        self.mm = sheet.mm
        self.area = sheet.area
        wide = sheet.width_mm >= 240
        body = 8.5 if wide else 7.5
        self.body = sans(body)
        self.bold = sans(body, bold=True)
        self.small = sans(body - 1.5)
        self.title = sans(12.5 if wide else 11.5, bold=True)
        self.subtitle = sans(body + 1)
        self.subtitle_bold = sans(body + 1.5, bold=True)
        self.pad = self.mm(CELL_PAD_MM)
        self.row_min = self.mm(ROW_MIN_MM)
        self.columns = self._columns(
            wide, str(max(people, 9999)), rupiah(max(largest_amount, 999_999))
        )
        self.header = [
            Paragraph(
                c.title, self.bold, c.width - 2 * self.pad, device, Qt.AlignmentFlag.AlignCenter
            )
            for c in self.columns
        ]
        self.header_height = max(t.height for t in self.header) + 2 * self.pad
        self.numbers_height = Paragraph("1", self.small, 1e6, device).height + self.pad
        self.line_height = Paragraph("Ag", self.body, 1e6, device).height
        self.sum_height = self.line_height + 2.5 * self.pad
        self.footer_height = Paragraph("Ag", self.small, 1e6, device).height + self.mm(2)
        # Room for a signature block of `ui.printing.lists`: up to three lines above the
        # space to sign, the name and NIP lines below it.
        self.signature_height = self.line_height * 6 + self.mm(20)

    def _columns(self, wide: bool, widest_number: str, widest_amount: str) -> list[ListColumn]:
        left, center, right = (
            Qt.AlignmentFlag.AlignLeft,
            Qt.AlignmentFlag.AlignHCenter,
            Qt.AlignmentFlag.AlignRight,
        )

        def fit(*samples: str, font: QFont | None = None) -> float:
            widest = max(text_width(s, font or self.body, self.device) for s in samples)
            return widest + 2 * self.pad + self.mm(0.6)

        total = self.area.width()
        fields = labels.field_labels()
        titles = {
            "number": translate("Printing", "No."),
            "nik": fields["nik"],
            "name": translate("Printing", "Nama lengkap"),
            "sex": translate("Printing", "L/P"),
            "birth_date": fields["birth_date"],
            "occupation": fields["occupation"],
            "program": translate("Printing", "Program"),
            "monthly": translate("Printing", "Iuran per bulan"),
            "signature": translate("Printing", "Tanda tangan"),
        }
        # A header may wrap between its words, never inside one.
        words = {
            key: max(title.split(), key=lambda w: text_width(w, self.bold, self.device))
            for key, title in titles.items()
        }
        fixed = {
            "number": fit(widest_number, words["number"]),
            "nik": fit("6208014507900001", words["nik"]),
            "sex": fit(words["sex"], font=self.bold),
            "birth_date": fit("30-12-2000", words["birth_date"]),
            "monthly": fit(widest_amount, words["monthly"], font=self.bold),
        }
        rest = total - sum(fixed.values())
        signature = max(self.mm(30), rest * (0.25 if wide else 0.24))
        program = max(
            fit("JKK, JKM, JHT" if wide else "JKK, JKM,"), fit(words["program"], font=self.bold)
        )
        flexible = rest - signature - program
        name = flexible * (0.58 if wide else 0.62)
        occupation = flexible - name
        columns = [
            ListColumn(titles["number"], fixed["number"], right),
            ListColumn(titles["nik"], fixed["nik"], left),
            ListColumn(titles["name"], name, left),
            ListColumn(titles["sex"], fixed["sex"], center),
            ListColumn(titles["birth_date"], fixed["birth_date"], center),
            ListColumn(titles["occupation"], occupation, left),
            ListColumn(titles["program"], program, left),
            ListColumn(titles["monthly"], fixed["monthly"], right),
            ListColumn(titles["signature"], signature, left),
        ]
        x = 0.0
        for column in columns:
            column.x = x
            x += column.width
        return columns

    @property
    def table_width(self) -> float:
        last = self.columns[-1]
        return last.x + last.width

    def person_row(self, number: int, reg: Registration, monthly: int | None) -> ListRow:
        values = [
            str(number),
            reg.nik,
            reg.full_name,
            reg.sex,
            tanggal(reg.birth_date),
            reg.occupation,
            ", ".join(reg.programs),
            rupiah(monthly) if monthly is not None else "—",
        ]
        cells: list[Paragraph | None] = [
            Paragraph(value, self.body, column.width - 2 * self.pad, self.device, column.align)
            for value, column in zip(values, self.columns, strict=False)
        ]
        cells.append(None)  # the signature: painted, not written
        height = max(self.row_min, max(c.height for c in cells if c) + 2 * self.pad)
        return ListRow(height, cells, number, monthly, reg.village_code)

    def heading_row(self, village_code: str, context: PrintContext, continued: bool) -> ListRow:
        text = arg(
            translate("Printing", "Kecamatan %1 — %2"),
            kecamatan_name(village_code[:8], context),
            village_title(village_code, context),
        )
        if continued:
            text += " " + translate("Printing", "(lanjutan)")
        heading = Paragraph(text, self.bold, self.table_width - 2 * self.pad, self.device)
        return ListRow(heading.height + 2 * self.pad, village_code=village_code, heading=heading)


# --- pages ---------------------------------------------------------------------------------


def _paginate(
    rows: list[ListRow],
    capacity: Callable[[int], float],
    closing: float,
    continuation: Callable[[ListRow], ListRow | None],
) -> list[list[ListRow]]:
    """Share the rows out over pages of ``capacity(page_index)`` height.

    A desa's heading never ends a page (it moves on with its first person), a page that
    starts inside a desa begins with a "(lanjutan)" heading, and the last page keeps room
    for ``closing`` (the grand total and the signatures): its last person moves to a new
    page rather than leaving the signatures alone on one.
    """
    pages: list[list[ListRow]] = [[]]
    used = 0.0
    last = len(rows) - 1
    for index, row in enumerate(rows):
        need = row.height
        if row.heading is not None and index < last:
            need += rows[index + 1].height + (closing if index + 1 == last else 0.0)
        elif index == last:
            need += closing
        if pages[-1] and used + need > capacity(len(pages) - 1):
            pages.append([])
            used = 0.0
            if row.heading is None and (heading := continuation(row)) is not None:
                pages[-1].append(heading)
                used += heading.height
        pages[-1].append(row)
        used += row.height
    if used + closing > capacity(len(pages) - 1) and pages[-1]:
        pages.append([])  # only a row taller than a page gets here
    return pages


@dataclass(frozen=True)
class ListVariant:
    """A list printed in the daftar nominatif's form with another purpose (next year's
    renewal list): its title and short name, the amounts of its money column (one per
    registration; None: this month's contribution) and more "label : value" lines."""

    title: str = ""
    short_title: str = ""
    monthly: tuple[int | None, ...] | None = None
    info: tuple[tuple[str, str], ...] = ()


@dataclass
class ListPlan:
    """Everything `ui.printing.lists` paints: the rows page by page, the title block and
    the footer."""

    geometry: ListGeometry
    rows: list[ListRow]
    pages: list[list[ListRow]]
    title: list[Paragraph]
    info: list[tuple[str, str]]
    title_height: float
    as_of: str
    footer: str


def _list_info(
    context: PrintContext, desa: str | None, kecamatan: str | None
) -> tuple[list[tuple[str, str]], str]:
    """The "label : value" lines under the title, and the list's short name for footers."""
    fields = labels.field_labels()
    if desa:
        kind = (
            translate("Printing", "Kelurahan")
            if village_kind(desa) == "kelurahan"
            else translate("Printing", "Desa")
        )
        return [
            (fields["kecamatan"], kecamatan_name(desa[:8], context)),
            (kind, village_name(desa, context)),
        ], village_title(desa, context)
    if kecamatan:
        name = kecamatan_name(kecamatan, context)
        return [(fields["kecamatan"], name)], arg(translate("Printing", "Kecamatan %1"), name)
    everywhere = arg(translate("Printing", "Seluruh %1"), context.regency_name)
    return [(translate("Printing", "Wilayah"), everywhere)], context.regency_name


def plan_list(
    device: QPagedPaintDevice,
    registrations: list[Registration],
    context: PrintContext,
    desa: str | None,
    kecamatan: str | None,
    variant: ListVariant | None = None,
) -> ListPlan:
    """The plan of the list of ``registrations`` on ``device``: the list of one desa when
    ``desa`` is given, else the rows grouped by desa, each group under a heading.
    ``variant``: another list of the same form (its title, amounts, lines)."""
    variant = variant or ListVariant()
    monthly = (
        list(variant.monthly)
        if variant.monthly is not None
        else [monthly_contribution(reg, context) for reg in registrations]
    )
    g = ListGeometry(device, len(registrations), sum(amount or 0 for amount in monthly))
    width = g.area.width()
    center = Qt.AlignmentFlag.AlignHCenter
    title = [
        Paragraph(
            variant.title
            or translate("Printing", "DAFTAR NOMINATIF CALON PESERTA BPJS KETENAGAKERJAAN"),
            g.title, width, device, center,
        ),
        Paragraph(context.programme, g.subtitle, width, device, center),
        Paragraph(context.regency_name.upper(), g.subtitle_bold, width, device, center),
    ]  # fmt: skip
    info, short_name = _list_info(context, desa, kecamatan)
    info += list(variant.info)
    as_of = arg(translate("Printing", "Keadaan per %1"), tanggal(context.today))
    title_height = (
        sum(t.height for t in title) + g.mm(3) + len(info) * g.line_height * 1.15 + g.mm(3)
    )

    grouped = not desa
    rows: list[ListRow] = []
    village = None
    for number, (reg, amount) in enumerate(zip(registrations, monthly, strict=True), start=1):
        if grouped and reg.village_code != village:
            village = reg.village_code
            rows.append(g.heading_row(village, context, continued=False))
        rows.append(g.person_row(number, reg, amount))
    if not rows:
        note = Paragraph(
            translate("Printing", "Belum ada pendaftaran untuk daftar ini."),
            g.body, g.table_width - 2 * g.pad, device, center,
        )  # fmt: skip
        rows.append(ListRow(note.height + 2 * g.pad, heading=note))

    closing = g.sum_height + g.mm(6) + g.signature_height
    table_top = g.header_height + g.numbers_height + g.sum_height
    body = g.area.height() - g.footer_height - table_top

    def capacity(page: int) -> float:
        return body - (title_height if page == 0 else 0.0)

    def continuation(row: ListRow) -> ListRow | None:
        return g.heading_row(row.village_code, context, continued=True) if grouped else None

    pages = _paginate(rows, capacity, closing, continuation)
    footer = " · ".join(
        [variant.short_title or translate("Printing", "Daftar nominatif"), short_name,
         context.programme, as_of]
    )  # fmt: skip
    return ListPlan(g, rows, pages, title, info, title_height, as_of, footer)
