"""The one-page summary for the Bupati's office: progress towards the target, the budget, the
target groups, sex and age, the kecamatan, the weekly time line and the officers, from
`models.dashboard`, painted onto any `QPagedPaintDevice` (a PDF writer or a printer).

Everything is laid out in millimetres on one portrait page; long lists are cut to what fits
(the kecamatan table to 12 rows, the officers to the 8 with most registrations, the time
line to the last 26 weeks) and say so. The headline counts the registrations on the
programme's books ("terdata"); the line under it those BPJS has registered (with a KPJ),
the only ones really protected. Registrations dated after this week (a wrong laptop
clock) are left out of the time line and counted in a note under it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPagedPaintDevice, QPainter, QPen

from models import dashboard as figures
from models.formatting import arg
from ui.i18n import labels
from ui.i18n.formats import percent, rupiah, tanggal, thousands
from ui.printing.charts import STATUS_COLOURS, Bar, paint_hbars, paint_stacked, paint_vbars
from ui.printing.context import PrintContext
from ui.printing.drawing import GREY, INK, RULE, sans
from ui.printing.paper import Sheet, begin

translate = QCoreApplication.translate

HEAD_FILL = QColor(230, 233, 236)
MAX_PLACES = 12
MAX_OFFICERS = 8
MAX_WEEKS = 26


class _Page:
    """Millimetre geometry and text helpers on one painter."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice):
        self.painter = painter
        self.sheet = Sheet(device)
        self.width = self.sheet.width_mm
        self.height = self.sheet.height_mm

    def mm(self, length: float) -> float:
        return self.sheet.mm(length)

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(self.mm(x), self.mm(y), self.mm(w), self.mm(h))

    def text(self, x, y, w, h, text, font: QFont, align=None, colour: QColor = INK) -> None:
        self.painter.setFont(font)
        self.painter.setPen(colour)
        flags = align if align is not None else Qt.AlignmentFlag.AlignLeft
        self.painter.drawText(
            self.rect(x, y, w, h),
            flags | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
            text,
        )

    def section(self, x: float, y: float, w: float, title: str) -> float:
        """A section title with a rule under it; returns the y below."""
        self.text(x, y, w, 5, title, sans(9.5, True))
        pen = QPen(RULE)
        pen.setWidthF(self.mm(0.3))
        self.painter.setPen(pen)
        self.painter.drawLine(
            QLineF(self.mm(x), self.mm(y + 5.2), self.mm(x + w), self.mm(y + 5.2))
        )
        return y + 6.5

    def table(
        self,
        x: float,
        y: float,
        widths: Sequence[float],
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        bold_rows: Sequence[int] = (),
        line: float = 4.6,
        points: float = 7.5,
    ) -> float:
        """A table: first column left, the others right aligned; returns the y below."""
        total = sum(widths)
        self.painter.fillRect(self.rect(x, y, total, line), HEAD_FILL)
        for rows_y, texts, bold in [(y, header, True)] + [
            (y + line * (i + 1), r, i in bold_rows) for i, r in enumerate(rows)
        ]:
            left = x
            for column, (width, text) in enumerate(zip(widths, texts, strict=True)):
                align = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
                self.painter.setFont(sans(points, bold))
                shown = self.painter.fontMetrics().elidedText(
                    text, Qt.TextElideMode.ElideRight, int(self.mm(width - 1.6))
                )
                self.text(left + 0.8, rows_y, width - 1.6, line, shown, sans(points, bold), align)
                left += width
        bottom = y + line * (len(rows) + 1)
        pen = QPen(RULE)
        pen.setWidthF(self.mm(0.15))
        self.painter.setPen(pen)
        self.painter.drawLine(
            QLineF(self.mm(x), self.mm(bottom), self.mm(x + total), self.mm(bottom))
        )
        return bottom


def paint_summary(device: QPagedPaintDevice, data: figures.Dashboard, context: PrintContext) -> int:
    """Paint the one-page summary of ``data`` and return the page count (1)."""
    painter = begin(device)
    try:
        page = _Page(painter, device)
        y = _title(page, context, data)
        y = _progress(page, data.overview.progress, y)
        y = _budget_and_groups(page, data, y)
        y = _places_and_people(page, data, context, y)
        y = _timeline(page, data, y)
        _officers(page, data, y)
        _footer(page, context)
    finally:
        painter.end()
    return 1


def _title(page: _Page, context: PrintContext, data: figures.Dashboard) -> float:
    page.text(
        0,
        0,
        page.width,
        7,
        translate("Summary", "Ringkasan capaian kepesertaan BPJS Ketenagakerjaan"),
        sans(14, True),
    )
    page.text(0, 7, page.width, 5, context.programme, sans(9), colour=GREY)
    where_when = arg(
        translate("Summary", "%1 · keadaan per %2"), context.regency_name, tanggal(data.today)
    )
    page.text(0, 12, page.width, 5, where_when, sans(9, True))
    return 19.0


def _progress(page: _Page, p: figures.Progress, y: float) -> float:
    y = page.section(0, y, page.width, translate("Summary", "Capaian terhadap target"))
    headline = arg(
        translate("Summary", "%1 dari %2 pekerja terdata (%3)"),
        thousands(p.counted),
        thousands(p.target),
        percent(p.percent),
    )
    page.text(0, y, page.width, 8, headline, sans(15, True))
    y += 8
    registered = arg(
        translate("Summary", "%1 sudah terdaftar di BPJS (punya KPJ): %2 dari target"),
        thousands(p.registered),
        percent(p.registered_percent),
    )
    page.text(0, y, page.width, 5.5, registered, sans(10.5, True))
    y += 6.5
    names = labels.status_labels()
    segments = [
        Bar(s, names[s], p.by_status.get(s, 0), STATUS_COLOURS[s])
        for s in reversed(figures.COUNTED_STATUSES)
    ]
    paint_stacked(page.painter, page.rect(0, y, page.width, 5), segments, max(p.target, p.counted))
    y += 6.5
    width = page.width / 4
    for index, status in enumerate(figures.STATUSES):
        x, row_y = width * (index % 4), y + 4.5 * (index // 4)
        page.painter.fillRect(page.rect(x, row_y + 1, 2.5, 2.5), STATUS_COLOURS[status])
        text = f"{names[status]}: {thousands(p.by_status.get(status, 0))}"
        page.text(x + 3.3, row_y, width - 3.5, 4.5, text, sans(7))
    y += 9.5
    page.text(0, y, page.width, 4,
              translate("Summary", "Terdata: belum dihapus, bukan draf, tidak ditolak BPJS. "
                        "Terlindungi: terdaftar di BPJS."),
              sans(7), colour=GREY)  # fmt: skip
    return y + 6


def _budget_and_groups(page: _Page, data: figures.Dashboard, y: float) -> float:
    """The budget on the left (wider: its amounts run to hundreds of billions of rupiah),
    the target groups on the right."""
    half = (page.width - 6) * 0.58
    rest = page.width - 6 - half
    b = data.overview.budget
    top = y
    y = page.section(0, top, half, translate("Summary", "Anggaran iuran"))
    funding = {
        "apbd": translate("Summary", "APBD"),
        "csr": translate("Summary", "CSR"),
        "mandiri": translate("Summary", "Mandiri"),
    }
    rows = [[funding.get(s.funding_source, s.funding_source or "—"), thousands(s.workers),
             rupiah(s.monthly), rupiah(s.yearly)] for s in b.by_source]  # fmt: skip
    total = b.total
    rows.append([translate("Summary", "Jumlah"), thousands(total.workers), rupiah(total.monthly),
                 rupiah(total.yearly)])  # fmt: skip
    rows.append(
        [
            translate("Summary", "Target penuh"),
            thousands(b.target),
            rupiah(b.target_monthly),
            rupiah(b.target_yearly),
        ]
    )
    widths = [half * 0.23, half * 0.17, half * 0.28, half * 0.32]
    header = [
        translate("Summary", "Sumber"),
        translate("Summary", "Peserta"),
        translate("Summary", "Per bulan"),
        translate("Summary", "Per tahun"),
    ]
    left = page.table(
        0, y, widths, header, rows, bold_rows=(0, len(rows) - 2, len(rows) - 1), points=7
    )
    note = translate(
        "Summary", "Target penuh = %1 × %2 per bulan (golongan terendah); setahun = 12 bulan."
    )
    note = arg(note, thousands(b.target), rupiah(b.target_each))
    note += " " + translate("Summary", "APBD: dibayar kabupaten.")
    page.text(0, left + 0.5, half, 7, note, sans(6.5), colour=GREY)
    left += 8
    x = half + 6
    y = page.section(x, top, rest, translate("Summary", "Kelompok sasaran"))
    groups = labels.target_group_labels()
    bars = [Bar(k, groups.get(k, k or "—"), n) for k, n in data.details.people.by_group.items()]
    height = max(4.2 * max(len(bars), 1), 12)
    paint_hbars(page.painter, page.rect(x, y, rest, height), bars, sans(7), label_share=0.5)
    return max(left, y + height) + 3


def _places_and_people(
    page: _Page, data: figures.Dashboard, context: PrintContext, y: float
) -> float:
    half = (page.width - 6) / 2
    top = y
    y = page.section(0, top, half, translate("Summary", "Sebaran per kecamatan"))
    by_kecamatan = data.overview.by_kecamatan
    for region in context.regions.kecamatan_of(context.regency_code):
        by_kecamatan.setdefault(region.code, 0)
    counted = max(data.overview.progress.counted, 1)
    ordered = sorted(by_kecamatan.items(), key=lambda item: (-item[1], item[0]))
    no_village = translate("Summary", "(tanpa desa)")
    rows = [[(context.regions.kecamatan_name(code) or code).title() or no_village, thousands(n),
             percent(100 * n / counted)] for code, n in ordered[:MAX_PLACES]]  # fmt: skip
    left = page.table(
        0,
        y,
        [half * 0.56, half * 0.22, half * 0.22],
        [
            translate("Summary", "Kecamatan"),
            translate("Summary", "Terdaftar"),
            translate("Summary", "Bagian"),
        ],
        rows,
    )
    if len(ordered) > MAX_PLACES:
        page.text(
            0,
            left,
            half,
            4,
            arg(translate("Summary", "… dan %1 kecamatan lagi"), len(ordered) - MAX_PLACES),
            sans(6.5),
            colour=GREY,
        )
        left += 4
    x = half + 6
    y = page.section(x, top, half, translate("Summary", "Jenis kelamin dan umur"))
    people = data.details.people
    sexes = {"L": translate("Summary", "Laki-laki"), "P": translate("Summary", "Perempuan")}
    sex_bars = [Bar(k, sexes.get(k, k or "—"), n) for k, n in people.by_sex.items()]
    sex_height = 4.2 * max(len(sex_bars), 1)
    paint_hbars(page.painter, page.rect(x, y, half, sex_height), sex_bars, sans(7),
                label_share=0.3)  # fmt: skip
    y += sex_height + 1.5
    names = {"": "?"}
    age_bars = [Bar(k, names.get(k, k), n) for k, n in people.by_age.items()]
    paint_vbars(page.painter, page.rect(x, y, half, 28), age_bars, sans(7))
    page.text(
        x,
        y + 28,
        half,
        4,
        translate("Summary", "Umur (tahun) pada tanggal cetak"),
        sans(6.5),
        Qt.AlignmentFlag.AlignHCenter,
        GREY,
    )
    return max(left, y + 32) + 3


def _timeline(page: _Page, data: figures.Dashboard, y: float) -> float:
    weeks = data.details.weeks[-MAX_WEEKS:]
    title = translate("Summary", "Pendaftaran terhitung per minggu")
    if len(data.details.weeks) > MAX_WEEKS:
        title += " " + arg(translate("Summary", "(%1 minggu terakhir)"), MAX_WEEKS)
    y = page.section(0, y, page.width, title)
    bars = [Bar(w.start.isoformat(), w.start.strftime("%d/%m"), w.counted) for w in weeks]
    if bars:
        every = max(1, (len(bars) + 12) // 13)
        paint_vbars(page.painter, page.rect(0, y, page.width, 34), bars, sans(6.5),
                    label_every=every)  # fmt: skip
    else:
        page.text(
            0,
            y,
            page.width,
            8,
            translate("Summary", "Belum ada pendaftaran."),
            sans(8),
            colour=GREY,
        )
    if data.details.future:
        note = arg(
            translate(
                "Summary",
                "%1 pendaftaran bertanggal setelah minggu ini (jam laptop salah?) tidak masuk"
                " grafik.",
            ),
            thousands(data.details.future),
        )
        page.text(0, y + 34, page.width, 3.5, note, sans(6.5), colour=GREY)
        return y + 39
    return y + 37


def _officers(page: _Page, data: figures.Dashboard, y: float) -> float:
    officers = data.details.officers
    y = page.section(0, y, page.width, translate("Summary", "Kinerja petugas"))
    rows = [
        [o.officer or "—", thousands(o.registrations), thousands(o.drafts),
         thousands(o.with_warnings), percent(100 * o.flagged_share), thousands(o.conflicts),
         f"{o.per_day:.1f}".replace(".", ","), f"{o.per_week:.1f}".replace(".", ","),
         tanggal(o.last_day)]
        for o in officers[:MAX_OFFICERS]
    ]  # fmt: skip
    w = page.width
    widths = [w * 0.22, w * 0.12, w * 0.07, w * 0.11, w * 0.1, w * 0.08, w * 0.09, w * 0.11,
              w * 0.10]  # fmt: skip
    header = [
        translate("Summary", "Petugas"),
        translate("Summary", "Pendaftaran"),
        translate("Summary", "Draf"),
        translate("Summary", "Peringatan"),
        translate("Summary", "Draf/per."),
        translate("Summary", "Konflik"),
        translate("Summary", "Per hari"),
        translate("Summary", "Per minggu"),
        translate("Summary", "Terakhir"),
    ]
    y = page.table(0, y, widths, header, rows)
    if len(officers) > MAX_OFFICERS:
        more = arg(translate("Summary", "… dan %1 petugas lagi"), len(officers) - MAX_OFFICERS)
        page.text(0, y, w, 4, more, sans(6.5), colour=GREY)
        y += 4
    return y


def _footer(page: _Page, context: PrintContext) -> None:
    by = " " + arg(translate("Summary", "oleh %1"), context.officer) if context.officer else ""
    text = arg(
        translate("Summary", "Dicetak dengan Jaring dari basis data lokal, %1%2."),
        tanggal(context.today),
        by,
    )
    page.text(0, page.height - 5, page.width, 5, text, sans(6.5), colour=GREY)
