"""*Catat pembayaran*: the regency paid BPJS for some months — which months, on what day,
for which funding source and kecamatan — and the payments recorded so far. Saving is one
audited change (`app.programme_year.record_payment`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.programme_year import record_payment
from models import payments
from models.formatting import arg
from models.regions import Regions
from ui import dialogs
from ui.dashboard.coverage_card import month_label
from ui.dashboard.widgets import cell, figure_table, fit_height
from ui.i18n import labels
from ui.i18n.formats import rupiah, tanggal, thousands
from ui.programme.widgets import (
    MonthEdit,
    close_button,
    day_edit,
    day_of,
    funding_combo,
    kecamatan_combo,
)


class PaymentDialog(QDialog):
    """Record one payment; ``recorded`` is how many were recorded while it was open."""

    def __init__(self, db: Database, actor: str, regions: Regions, regency_code: str,
                 today: date, parent: QWidget | None = None):  # fmt: skip
        super().__init__(parent)
        self.db, self.actor, self.regions, self.today = db, actor, regions, today
        self.recorded = 0
        self.setWindowTitle(self.tr("Catat pembayaran iuran"))
        quarter = (today.month - 1) // 3 * 3 + 1
        self.first = MonthEdit(date(today.year, quarter, 1), self)
        self.first.setObjectName("first_month")
        self.last = MonthEdit(date(today.year, quarter + 2, 1), self)
        self.last.setObjectName("last_month")
        self.paid_on = day_edit(today, self)
        self.paid_on.setObjectName("paid_on")
        self.funding = funding_combo("payment_funding", self)
        self.kecamatan = kecamatan_combo(regions, regency_code, "payment_kecamatan", self)
        self.note = QLineEdit(self, objectName="payment_note")
        self.note.setPlaceholderText(self.tr("mis. nomor SP2D atau bukti transfer"))
        form = QFormLayout()
        form.addRow(self.tr("Dari bulan"), self.first)
        form.addRow(self.tr("Sampai bulan"), self.last)
        form.addRow(self.tr("Tanggal dibayar"), self.paid_on)
        form.addRow(self.tr("Sumber iuran"), self.funding)
        form.addRow(self.tr("Kecamatan"), self.kecamatan)
        form.addRow(self.tr("Catatan"), self.note)
        explain = QLabel(self.tr(
            "Pembayaran dicatat untuk peserta terdaftar (ber-KPJ) yang dipilih, untuk "
            "bulan-bulan yang belum dibayar. Peserta yang sudah nonaktif atau berhenti "
            "tidak ikut."
        ), wordWrap=True)  # fmt: skip
        self.save_button = QPushButton(self.tr("Simpan pembayaran"), objectName="save_payment")
        self.save_button.clicked.connect(self.save)
        self.history = figure_table(
            [self.tr("Bulan"), self.tr("Dibayar"), self.tr("Sumber"), self.tr("Kecamatan"),
             self.tr("Peserta"), self.tr("Jumlah")], "payment_history",
        )  # fmt: skip
        close = close_button(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(self.save_button)
        layout.addWidget(QLabel(self.tr("Pembayaran yang sudah dicatat"), objectName="heading"))
        layout.addWidget(self.history, 1)
        layout.addWidget(close)
        self.resize(720, 560)
        self.show_history()

    def save(self) -> None:
        try:
            done = record_payment(
                self.db, first_month=self.first.month(), last_month=self.last.month(),
                paid_on=day_of(self.paid_on), actor=self.actor,
                funding_source=self.funding.currentData(),
                kecamatan=self.kecamatan.currentData(), note=self.note.text(),
                regions=self.regions,
            )  # fmt: skip
        except ValueError as exc:
            dialogs.inform(self, self.tr("Pembayaran tidak dicatat"), str(exc), error=True)
            return
        self.recorded += 1
        paid = done.payment
        text = arg(
            self.tr("Pembayaran %1 sampai %2 dicatat untuk %3 peserta: %4."),
            month_label(paid.first_month), month_label(paid.last_month),
            thousands(paid.participants), rupiah(paid.amount),
        )  # fmt: skip
        if done.left_out:
            text += " " + arg(self.tr("%1 peserta tidak ikut (nonaktif atau berhenti)."),
                              thousands(done.left_out))  # fmt: skip
        if done.already_paid:
            text += " " + arg(self.tr("%1 peserta sudah dibayar untuk bulan-bulan itu."),
                              thousands(done.already_paid))  # fmt: skip
        dialogs.inform(self, self.tr("Pembayaran dicatat"), text)
        self.show_history()

    def show_history(self) -> None:
        found = payments.payments(self.db)
        funding = labels.funding_labels()
        table = self.history
        table.setRowCount(len(found))
        for row, paid in enumerate(found):
            place = self.regions.kecamatan_name(paid.kecamatan_code).title()
            texts = [
                f"{month_label(paid.first_month)} – {month_label(paid.last_month)}",
                tanggal(date.fromisoformat(paid.paid_on)),
                funding.get(paid.funding_source, paid.funding_source) or self.tr("Semua"),
                place or paid.kecamatan_code or self.tr("Semua"),
            ]
            for column, text in enumerate(texts):
                table.setItem(row, column, cell(text))
            table.setItem(row, 4, cell(thousands(paid.participants), number=True))
            table.setItem(row, 5, cell(rupiah(paid.amount), number=True))
        fit_height(table, 8)
