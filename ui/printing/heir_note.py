"""The note for a deceased participant's heirs: one page saying what Jaring holds about the
participant and the heirs, whether the participant was covered in the month of death, and
which documents to bring to BPJS Ketenagakerjaan to claim the death benefit (JKM).

The list of documents is what BPJS branches commonly ask for, not checked against a
regulation: the page says so and sends the heirs to check it with BPJS first.
`paint_heir_notes` paints one page per participant onto any `QPagedPaintDevice`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPainter, QPen

from models.coverage import ParticipantMonth
from models.formatting import arg
from models.life_events import LifeEvent
from models.registration import Registration
from ui.i18n import labels
from ui.i18n.formats import tanggal
from ui.printing.context import PrintContext
from ui.printing.drawing import GREY, INK, sans
from ui.printing.facts import kecamatan_name, village_title
from ui.printing.paper import Cancelled, PrintCancelled, Progress, Sheet, begin
from ui.printing.paragraph import Paragraph, text_width

translate = QCoreApplication.translate

WARNING_FILL = QColor(255, 244, 214)
WARNING_EDGE = QColor(200, 150, 40)


@dataclass(frozen=True)
class HeirNote:
    """What one note says: the registration, its death and its coverage that month."""

    registration: Registration
    death: LifeEvent | None
    coverage: ParticipantMonth | None  # None: never registered with BPJS


def heir_notes(db, registration_ids: list[str], month_of=None) -> list[HeirNote]:
    """The notes of these registrations (in this order): each one's last ``died`` event and
    its coverage in that month. Raises ValueError for an unknown id."""
    from models import coverage, life_events
    from models.store import RegistrationStore

    store = RegistrationStore(db)
    notes = []
    for rid in registration_ids:
        reg = store.get(rid)
        if reg is None:
            raise ValueError(f"tidak ada pendaftaran {rid}")
        deaths = [e for e in life_events.events_of(db, rid) if e.kind == "died"]
        death = deaths[-1] if deaths else None
        month = (death.event_date[:7] if death else None) or month_of
        found = coverage.participant_coverage(db, rid, month) if month else None
        notes.append(HeirNote(reg, death, found))
    return notes


def claim_documents() -> list[str]:
    """The documents BPJS branches commonly ask for a JKM claim (unverified)."""
    return [
        translate("Printing", "Kartu peserta BPJS Ketenagakerjaan (KPJ) almarhum/almarhumah"),
        translate("Printing", "Surat keterangan kematian dari desa/kelurahan atau rumah sakit,"
                  " atau akta kematian dari Disdukcapil"),
        translate("Printing", "KTP dan Kartu Keluarga (KK) almarhum/almarhumah"),
        translate("Printing", "KTP dan Kartu Keluarga (KK) ahli waris"),
        translate("Printing", "Surat keterangan ahli waris dari desa/kelurahan, diketahui camat"),
        translate("Printing", "Buku nikah / akta nikah bila ahli waris suami atau istri"),
        translate("Printing", "Buku tabungan atas nama ahli waris (untuk transfer manfaat)"),
        translate("Printing", "Surat perwalian bila ahli waris belum dewasa"),
    ]  # fmt: skip


def _coverage_text(note: HeirNote) -> tuple[str, bool]:
    """The participant's coverage in the month of death, and whether it warns."""
    found = note.coverage
    if found is None or not found.start:
        return translate("Printing", "Belum terdaftar di BPJS (belum ada KPJ)"), True
    texts = {
        "active": (translate("Printing", "Aktif, iuran bulan itu sudah dibayar"), False),
        "unpaid_1": (translate("Printing", "Aktif, iuran 1 bulan belum dibayar"), False),
        "unpaid_2": (translate("Printing", "Aktif, iuran 2 bulan belum dibayar"), False),
        "lapsed": (translate("Printing", "Nonaktif: iuran 3 bulan atau lebih tidak dibayar"),
                   True),
        "ended": (translate("Printing", "Kepesertaan sudah berakhir sebelumnya"), True),
    }  # fmt: skip
    return texts.get(found.state, (translate("Printing", "Belum mulai terlindungi"), True))


class _Layout:
    """Fonts and lengths of the note on one device."""

    def __init__(self, device: QPagedPaintDevice):
        self.device = device
        self.sheet = Sheet(device)
        self.mm = self.sheet.mm
        self.width = self.sheet.area.width()
        self.title = sans(14, bold=True)
        self.subtitle = sans(10.5)
        self.heading = sans(11, bold=True)
        self.body = sans(10.5)
        self.bold = sans(10.5, bold=True)
        self.small = sans(9)


def paint_heir_notes(
    device: QPagedPaintDevice,
    notes: list[HeirNote],
    context: PrintContext,
    progress: Progress = None,
    cancelled: Cancelled = None,
) -> int:
    """Paint one page per note; returns the page count."""
    painter = begin(device)
    try:
        g = _Layout(device)
        for index, note in enumerate(notes):
            if cancelled and cancelled():
                raise PrintCancelled
            if index:
                device.newPage()
            _paint_note(painter, g, note, context)
            if progress:
                progress(index + 1, len(notes))
    finally:
        painter.end()
    return len(notes)


def _paint_note(painter: QPainter, g: _Layout, note: HeirNote, context: PrintContext) -> None:
    y = _centred(painter, g, [
        (translate("Printing", "KETERANGAN UNTUK AHLI WARIS"), g.title),
        (translate("Printing", "Klaim Jaminan Kematian (JKM) BPJS Ketenagakerjaan"), g.subtitle),
        (f"{context.programme} — {context.regency_name}", g.subtitle),
    ], 0.0)  # fmt: skip
    y += g.mm(6)
    reg = note.registration
    y = _section(painter, g, y, translate("Printing", "Peserta yang meninggal"),
                 _participant_lines(note, context))  # fmt: skip
    status, warns = _coverage_text(note)
    if warns:
        y = _warning(
            painter,
            g,
            y,
            arg(
                translate("Printing", "%1. Klaim JKM bisa ditolak: hubungi dinas sebelum ke BPJS."),
                status,
            ),
        )
    y = _section(painter, g, y, translate("Printing", "Ahli waris (sesuai data pendaftaran)"), [
        (translate("Printing", "Nama"), reg.heir_name or translate("Printing", "belum tercatat")),
        (translate("Printing", "Hubungan"),
         labels.heir_relation_labels().get(reg.heir_relation, reg.heir_relation) or "—"),
        (translate("Printing", "Telepon"), reg.heir_phone or "—"),
    ])  # fmt: skip
    y = _documents(painter, g, y)
    y = _warning(painter, g, y, translate(
        "Printing", "Daftar dokumen ini belum diperiksa dengan peraturan BPJS: periksa dengan"
        " kantor cabang BPJS Ketenagakerjaan sebelum datang."))  # fmt: skip
    _signature(painter, g, y + g.mm(4), context)


def _participant_lines(note: HeirNote, context: PrintContext) -> list[tuple[str, str]]:
    reg = note.registration
    place = "—"
    if reg.village_code:
        place = (f"{village_title(reg.village_code, context)}, "
                 + arg(translate("Printing", "Kecamatan %1"),
                       kecamatan_name(reg.village_code[:8], context)))  # fmt: skip
    died = date.fromisoformat(note.death.event_date) if note.death else None
    status, _ = _coverage_text(note)
    found = note.coverage
    paid = found.paid_through if found and found.paid_through else "—"
    return [
        (translate("Printing", "Nama"), reg.full_name),
        (translate("Printing", "NIK"), reg.nik or "—"),
        (translate("Printing", "Nomor KPJ"), reg.kpj or "—"),
        (translate("Printing", "Alamat"), place),
        (translate("Printing", "Tanggal meninggal"), tanggal(died) if died else "—"),
        (translate("Printing", "Sumber iuran"),
         labels.funding_labels().get(reg.funding_source, reg.funding_source)),
        (translate("Printing", "Kepesertaan bulan itu"), status),
        (translate("Printing", "Iuran dibayar sampai"), paid),
    ]  # fmt: skip


def _centred(painter: QPainter, g: _Layout, lines: list, y: float) -> float:
    painter.setPen(INK)
    for text, font in lines:
        paragraph = Paragraph(text, font, g.width, g.device, Qt.AlignmentFlag.AlignHCenter)
        paragraph.draw(painter, 0, y)
        y += paragraph.height
    return y


def _section(painter: QPainter, g: _Layout, y: float, title: str, lines: list) -> float:
    painter.setPen(INK)
    heading = Paragraph(title, g.heading, g.width, g.device)
    heading.draw(painter, 0, y)
    y += heading.height + g.mm(1.5)
    label_width = max(text_width(label, g.body, g.device) for label, _ in lines) + g.mm(3)
    for label, value in lines:
        painter.setPen(GREY)
        Paragraph(label, g.body, label_width, g.device).draw(painter, g.mm(4), y)
        painter.setPen(INK)
        text = Paragraph(": " + value, g.bold, g.width - label_width - g.mm(4), g.device)
        text.draw(painter, g.mm(4) + label_width, y)
        y += text.height + g.mm(1)
    return y + g.mm(4)


def _documents(painter: QPainter, g: _Layout, y: float) -> float:
    painter.setPen(INK)
    heading = Paragraph(
        translate("Printing", "Dokumen yang dibawa ke kantor BPJS Ketenagakerjaan"),
        g.heading, g.width, g.device,
    )  # fmt: skip
    heading.draw(painter, 0, y)
    y += heading.height + g.mm(1.5)
    number_width = text_width("10.", g.body, g.device) + g.mm(2)
    for number, text in enumerate(claim_documents(), start=1):
        Paragraph(f"{number}.", g.body, number_width, g.device).draw(painter, g.mm(4), y)
        item = Paragraph(text, g.body, g.width - number_width - g.mm(4), g.device)
        item.draw(painter, g.mm(4) + number_width, y)
        y += item.height + g.mm(1)
    return y + g.mm(3)


def _warning(painter: QPainter, g: _Layout, y: float, text: str) -> float:
    pad = g.mm(2.5)
    paragraph = Paragraph(text, g.bold, g.width - 2 * pad, g.device)
    box = QRectF(0, y, g.width, paragraph.height + 2 * pad)
    painter.fillRect(box, WARNING_FILL)
    pen = QPen(WARNING_EDGE)
    pen.setWidthF(g.mm(0.3))
    painter.setPen(pen)
    painter.drawRect(box)
    painter.setPen(INK)
    paragraph.draw(painter, pad, y + pad)
    return y + box.height() + g.mm(5)


def _signature(painter: QPainter, g: _Layout, y: float, context: PrintContext) -> None:
    block = g.width / 2
    lines = [f"{context.place}, {tanggal(context.today)}",
             translate("Printing", "Petugas,")]  # fmt: skip
    painter.setPen(INK)
    for line in lines:
        text = Paragraph(line, g.body, block, g.device, Qt.AlignmentFlag.AlignHCenter)
        text.draw(painter, block, y)
        y += text.height
    y += g.mm(18)
    name = context.officer or "(……………………………………)"
    Paragraph(name, g.bold, block, g.device, Qt.AlignmentFlag.AlignHCenter).draw(painter, block, y)
