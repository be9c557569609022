"""Registration forms: one page per worker for the worker, the officer and the village head to
sign, and the blank form officers fill in by hand where there is no laptop.

A filled form shows every field of the registration in sections A-E, the consent statement
and three signature boxes. It always takes exactly one page, on A4 and on F4: long values
wrap inside their boxes, and a form too full for the page is drawn at a smaller scale.
The blank form has the same sections with room to write: a box per digit for NIK, KK, dates,
RT/RW and postal code, and checkboxes for every choice.

The QR code in the top right of a filled form holds the text ``JARING:<id>:<nik>`` (the
registration's UUID and its NIK; the NIK is empty for a draft without one), so a scanned
paper form leads back to its record.
"""

from __future__ import annotations

from collections.abc import Iterable, Sized

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QPagedPaintDevice, QPainter

from models.formatting import arg
from models.registration import Registration
from ui.i18n import labels
from ui.i18n.formats import rupiah, tanggal
from ui.i18n.labels import display_value
from ui.printing import facts
from ui.printing.context import PrintContext
from ui.printing.drawing import Filler, Item, Space, Style, Text, fit, paint_stack
from ui.printing.form_items import (
    Boxes,
    Cell,
    Choices,
    Heading,
    Letterhead,
    Row,
    Signatures,
    Signer,
)
from ui.printing.paper import Cancelled, PrintCancelled, Progress, Sheet, begin

translate = QCoreApplication.translate

VALUE_POINTS = 10.0
_FORMATTED = {"birth_date", "monthly_income", "village_code"}  # shown through display_value
WRITE_MM = 6.5  # room for one handwritten line


def paint_forms(
    device: QPagedPaintDevice,
    registrations: Iterable[Registration | None],
    context: PrintContext,
    progress: Progress = None,
    cancelled: Cancelled = None,
    total: int | None = None,
) -> int:
    """Paint one form page per registration (a blank form for each None) onto ``device``
    and return the number of pages painted.

    ``progress(done, total)`` is called after each page (``total`` defaults to the length of
    ``registrations`` when it has one, else 0 for unknown); when ``cancelled()`` answers
    true between pages, the painter is ended and `PrintCancelled` raised.
    """
    if total is None:
        total = len(registrations) if isinstance(registrations, Sized) else 0
    sheet = Sheet(device)
    style = Style(sheet.mm(1))
    words = _Words(context)
    painter = begin(device)
    pages = 0
    try:
        for registration in registrations:
            if cancelled is not None and cancelled():
                raise PrintCancelled()
            if pages:
                device.newPage()
            _paint_form(painter, sheet.area, registration, context, words, style)
            pages += 1
            if progress is not None:
                progress(pages, total)
    finally:
        painter.end()
    return pages


def _paint_form(
    painter: QPainter,
    area: QRectF,
    registration: Registration | None,
    context: PrintContext,
    words: _Words,
    style: Style,
) -> None:
    items = _Form(registration, context, words).items()
    used, rects, fits = fit(painter, items, area, style)
    if not fits:  # beyond any form the app lets one type; still never past the page
        painter.setClipRect(area)
    paint_stack(painter, items, rects, used)
    painter.setClipping(False)


class _Words:
    """The translated labels and choices, looked up once per print job."""

    def __init__(self, context: PrintContext):
        self.fields = labels.field_labels()
        self.sex = labels.sex_labels()
        self.marital = labels.marital_labels()
        self.target_group = labels.target_group_labels()
        self.funding = labels.funding_labels()
        self.heir_relation = labels.heir_relation_labels()
        self.period = labels.period_labels()
        self.government = arg(translate("Printing", "PEMERINTAH %1"), context.regency_name.upper())
        self.programme = context.programme
        self.title = translate("Printing", "FORMULIR PENDAFTARAN PESERTA BPJS KETENAGAKERJAAN")
        self.subtitle = translate("Printing", "Bukan Penerima Upah (BPU)")
        self.blank_subtitle = translate(
            "Printing",
            "Bukan Penerima Upah (BPU) — formulir kosong, diisi dengan tulisan tangan"
            " memakai huruf cetak",
        )
        self.identity = translate("Printing", "A. Identitas peserta")
        self.address = translate("Printing", "B. Alamat dan kontak")
        self.work = translate("Printing", "C. Pekerjaan dan penghasilan")
        self.programs = translate("Printing", "D. Program dan iuran")
        self.heir = translate("Printing", "E. Ahli waris")
        self.consent = translate("Printing", "F. Pernyataan persetujuan")
        self.programs_label = translate("Printing", "Program jaminan")
        self.program_choices = [
            translate("Printing", "JKK (wajib)"),
            translate("Printing", "JKM (wajib)"),
            translate("Printing", "JHT (pilihan)"),
        ]
        self.monthly = translate("Printing", "Iuran per bulan")
        self.per_period = translate("Printing", "Dibayar per %1 bulan: %2")
        self.statement = translate(
            "Printing",
            "Saya yang bertanda tangan di bawah ini menyatakan bahwa data di atas benar. Saya"
            " bersedia didaftarkan sebagai peserta BPJS Ketenagakerjaan Bukan Penerima Upah"
            " (BPU) dengan sumber iuran seperti tertulis di atas, dan menyetujui data pribadi"
            " saya diproses dan digunakan untuk pendaftaran serta kepesertaan BPJS"
            " Ketenagakerjaan (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi).",
        )
        self.agree = [
            translate("Printing", "Peserta setuju"),
            translate("Printing", "Peserta tidak setuju"),
        ]
        self.worker = translate("Printing", "Peserta")
        self.officer = translate("Printing", "Petugas pendaftar")
        self.village_head = translate("Printing", "Mengetahui,\nKepala Desa/Lurah %1")
        self.place = context.place


class _Form:
    """The blocks of one form, top to bottom: filled from a registration, or blank (None)."""

    def __init__(self, registration: Registration | None, context: PrintContext, w: _Words):
        self.reg = registration
        self.context = context
        self.w = w
        self.label = w.fields
        self.grow = 6.0 if registration is None else 3.5  # spare height: room to write in

    def items(self) -> list[Item]:
        w = self.w
        return [
            Letterhead(
                w.government,
                w.programme,
                w.title,
                w.subtitle if self.reg else w.blank_subtitle,
                qr=facts.qr_text(self.reg) if self.reg else "",
                caption=self.reg.id if self.reg else "",
                qr_room=True,  # the blank keeps the same layout, with the corner left empty
            ),
            Heading(w.identity),
            *self.identity(),
            Heading(w.address),
            *self.address(),
            Heading(w.work),
            *self.work(),
            Heading(w.programs),
            *self.programs(),
            Heading(w.heir),
            *self.heir(),
            Heading(w.consent),
            Space(1.2),
            Text(w.statement, 8.5, alignment=Qt.AlignmentFlag.AlignJustify),
            Space(1.5),
            self.consent(),
            Filler(3),
            self.signatures(),
        ]

    # --- what goes in a box ---------------------------------------------------------------

    def text(self, text: str, *, bold: bool = False) -> Item:
        """A filled value, or room to write one."""
        return Space(WRITE_MM) if self.reg is None else Text(text, VALUE_POINTS, bold=bold)

    def value(self, field: str, *, bold: bool = False) -> Item:
        """A field as people read it (dates, amounts, the desa's name), or room to write it."""
        if self.reg is None:
            return Space(WRITE_MM)
        value = getattr(self.reg, field)
        if field in _FORMATTED:
            value = display_value(field, value, self.context.regions)
        return self.text(value or "", bold=bold)

    def choice(self, field: str, options: dict) -> Item:
        """The chosen option's label, or a checkbox for each option."""
        if self.reg is None:
            return Choices(list(options.values()))
        # What display_value shows, from the labels looked up once per job: display_value
        # translates every vocabulary on each call, a tenth of the time of a whole form.
        value = getattr(self.reg, field)
        return self.text(options.get(value, str(value) if value else ""))

    def boxes(self, field: str, groups: tuple[int, ...], separator: str = "", **kw) -> Item:
        """The value, or a box for each character."""
        return Boxes(groups, separator=separator) if self.reg is None else self.value(field, **kw)

    def rupiah(self, field: str) -> Item:
        """An amount, or "Rp" and room to write it."""
        if self.reg is None:
            return Text("Rp", VALUE_POINTS, minimum_mm=WRITE_MM)
        return self.value(field)

    def row(self, *cells: Cell) -> Row:
        return Row(cells, grow_mm=self.grow)

    # --- sections -------------------------------------------------------------------------

    def identity(self) -> list[Row]:
        label = self.label
        return [
            self.row(
                Cell(label["nik"], self.boxes("nik", (16,), bold=True)),
                Cell(label["kk"], self.boxes("kk", (16,), bold=True)),
            ),
            self.row(Cell(label["full_name"], self.value("full_name", bold=True))),
            self.row(
                Cell(label["birth_place"], self.value("birth_place"), 0.4),
                Cell(label["birth_date"], self.boxes("birth_date", (2, 2, 4), "-"), 0.3),
                Cell(label["sex"], self.choice("sex", self.w.sex), 0.3),
            ),
            self.row(
                Cell(label["marital_status"], self.choice("marital_status", self.w.marital), 0.4),
                Cell(label["mother_name"], self.value("mother_name"), 0.6),
            ),
        ]

    def address(self) -> list[Row]:
        label, reg = self.label, self.reg
        if reg is None:
            rt_rw: Item = Boxes((3, 3), separator="/")
            kecamatan = self.text("")
        else:
            rt_rw = self.text(f"{reg.rt}/{reg.rw}" if reg.rt or reg.rw else "")
            kecamatan = self.text(self.context.regions.kecamatan_name(reg.kecamatan_code))
        return [
            self.row(
                Cell(label["address"], self.value("address"), 0.78),
                Cell(f"{label['rt']}/{label['rw']}", rt_rw, 0.22),
            ),
            self.row(
                Cell(label["village_code"], self.value("village_code"), 0.4),
                Cell(label["kecamatan"], kecamatan, 0.35),
                Cell(label["postal_code"], self.boxes("postal_code", (5,)), 0.25),
            ),
            self.row(
                Cell(label["phone"], self.value("phone"), 0.4),
                Cell(label["email"], self.value("email"), 0.6),
            ),
        ]

    def work(self) -> list[Row]:
        label = self.label
        income = Cell(label["monthly_income"], self.rupiah("monthly_income"), 0.25)
        group = Cell(label["target_group"], self.choice("target_group", self.w.target_group), 0.35)
        if self.reg is None:  # eight groups to tick need a row of their own
            income.weight = 0.4
            return [
                self.row(Cell(label["occupation"], self.value("occupation"), 0.6), income),
                self.row(group),
            ]
        return [self.row(Cell(label["occupation"], self.value("occupation"), 0.4), group, income)]

    def programs(self) -> list[Row]:
        label, reg, w = self.label, self.reg, self.w
        if reg is None:
            programs: Item = Choices(w.program_choices, checked={0, 1})  # JKK, JKM: mandatory
            monthly = self.rupiah("")
            company = self.text("")
            # The blank's checkboxes need width; a filled amount and its breakdown do.
            weights = (0.3, 0.25, 0.45)
        else:
            programs = self.text(" + ".join(reg.programs), bold=True)
            monthly = self.text(_contribution(reg, self.context, w))
            company = self.text(reg.csr_company if reg.funding_source == "csr" else "—")
            weights = (0.22, 0.18, 0.6)
        return [
            self.row(
                Cell(w.programs_label, programs, weights[0]),
                Cell(
                    label["contribution_months"],
                    self.choice("contribution_months", w.period),
                    weights[1],
                ),
                Cell(w.monthly, monthly, weights[2]),
            ),
            self.row(
                Cell(label["funding_source"], self.choice("funding_source", w.funding), 0.35),
                Cell(label["csr_company"], company, 0.4),
                Cell(label["kpj"], self.value("kpj"), 0.25),
            ),
        ]

    def heir(self) -> list[Row]:
        label = self.label
        return [
            self.row(
                Cell(label["heir_name"], self.value("heir_name"), 0.42),
                Cell(
                    label["heir_relation"], self.choice("heir_relation", self.w.heir_relation), 0.33
                ),
                Cell(label["heir_phone"], self.value("heir_phone"), 0.25),
            )
        ]

    def consent(self) -> Row:
        # Without recorded consent both boxes stay empty: the worker ticks one on paper.
        checked = {0} if self.reg is not None and self.reg.consent else set()
        return Row([Cell(self.label["consent"], Choices(self.w.agree, checked, 8.5))], 0)

    def signatures(self) -> Signatures:
        reg, w, context = self.reg, self.w, self.context
        village = context.regions.village(reg.village_code) if reg else None
        return Signatures(
            f"{w.place}, {tanggal(context.today) if reg else '.' * 24}",
            [
                Signer(w.worker, reg.full_name if reg else ""),
                Signer(w.officer, context.officer if reg else ""),
                Signer(arg(w.village_head, village.name if village else "")),
            ],
        )


def _contribution(reg: Registration, context: PrintContext, w: _Words) -> str:
    """ "Rp 36.800 (JKK Rp 10.000 + JKM Rp 6.800 + JHT Rp 20.000)", and the amount per payment
    period when it is longer than a month; empty while the income is unknown."""
    contribution = facts.contribution(reg, context)
    if contribution is None:
        return ""
    parts = [f"JKK {rupiah(contribution.jkk)}", f"JKM {rupiah(contribution.jkm)}"]
    if contribution.jht:
        parts.append(f"JHT {rupiah(contribution.jht)}")
    text = f"{rupiah(contribution.monthly)} ({' + '.join(parts)})"
    if contribution.months > 1:
        text += "\n" + arg(w.per_period, contribution.months, rupiah(contribution.per_period))
    return text
