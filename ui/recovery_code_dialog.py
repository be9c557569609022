"""The district database's recovery code, shown once at set-up (like BitLocker's): large,
selectable, printable, and closed only with "Sudah saya catat" after a confirmation, since
the code is never stored and cannot be shown again."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QPagedPaintDevice
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models import clock
from models.formatting import arg
from ui import dialogs
from ui.i18n.formats import tanggal
from ui.printing.drawing import GREY, draw_text, sans, text_height
from ui.printing.paper import Sheet, begin, page_layout

translate = QCoreApplication.translate


def code_lines(code: str) -> list[str]:
    """The code in two lines of four groups, as shown and printed (easier to copy)."""
    groups = code.split("-")
    half = (len(groups) + 1) // 2
    return ["-".join(groups[:half]), "-".join(groups[half:])]


def paint_recovery_code(device: QPagedPaintDevice, code: str, office: str, today: date) -> int:
    """The recovery code on one page, with what it is for and where to keep it."""
    sheet = Sheet(device)
    painter = begin(device)
    try:
        width = sheet.area.width()
        y = 0.0
        blocks = [
            (translate("RecoveryCode", "Kode pemulihan Jaring"), sans(18, True), None),
            (
                arg(
                    translate("RecoveryCode", "%1 · dicetak %2"), office or "Jaring", tanggal(today)
                ),
                sans(10),
                GREY,
            ),
            (
                translate(
                    "RecoveryCode",
                    "Kode ini membuka basis data Jaring di komputer kantor kabupaten jika kata "
                    "sandi semua supervisor terlupa. Simpan kertas ini di tempat terkunci, "
                    "terpisah dari komputer. Siapa pun yang memegang kode ini bisa membuka "
                    "semua data pribadi pekerja.",
                ),
                sans(11),
                None,
            ),
        ]
        for text, font, color in blocks:
            height = text_height(painter, text, font, width)
            draw_text(painter, QRectF(0, y, width, height), text, font, **_color(color))
            y += height + sheet.mm(5)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(20)
        mono.setBold(True)
        for line in code_lines(code):
            height = text_height(painter, line, mono, width)
            draw_text(painter, QRectF(0, y, width, height), line, mono)
            y += height + sheet.mm(2)
    finally:
        painter.end()
    return 1


def _color(color) -> dict:
    return {"color": color} if color is not None else {}


class RecoveryCodeDialog(QDialog):
    """Shows ``code`` once; `printed` counts the pages sent to a printer."""

    def __init__(self, code: str, office: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recovery_code_dialog")
        self.code = code
        self.office = office
        self.printed = 0
        self.setWindowTitle(self.tr("Kode pemulihan"))
        self.setMinimumWidth(620)
        intro = QLabel(
            self.tr(
                "Ini kode pemulihan komputer kantor kabupaten. Jika semua kata sandi "
                "terlupa, hanya kode ini yang bisa membuka data lagi. Kode ini hanya "
                "ditampilkan SEKARANG, sekali ini: cetak atau catat di kertas, lalu simpan "
                "di tempat terkunci, terpisah dari komputer."
            ),
            objectName="recovery_intro",
        )
        intro.setWordWrap(True)
        self.code_label = QLabel("\n".join(code_lines(code)), objectName="recovery_code")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet(
            "background: #fff8e1; border: 1px solid #c8a600; padding: 12px;"
        )
        print_button = QPushButton(self.tr("Cetak…"), objectName="print_code")
        print_button.setAutoDefault(False)
        print_button.clicked.connect(self.print_code)
        done = QPushButton(self.tr("Sudah saya catat"), objectName="code_noted")
        done.setAutoDefault(False)
        done.clicked.connect(self.confirm_noted)
        row = QHBoxLayout()
        row.addWidget(print_button)
        row.addStretch(1)
        row.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code_label)
        layout.addLayout(row)

    def print_code(self) -> None:
        """The printer dialog (which also offers printing to a PDF file), then one page."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout("A4"))
        chooser = QPrintDialog(printer, self)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.printed += paint_recovery_code(printer, self.code, self.office, clock.today())
        except OSError as exc:
            dialogs.inform(self, self.tr("Gagal mencetak"), str(exc), error=True)

    def confirm_noted(self) -> None:
        if dialogs.confirm(
            self,
            self.tr("Kode pemulihan"),
            self.tr(
                "Kode pemulihan tidak akan ditampilkan lagi. Sudah dicetak atau dicatat "
                "dan disimpan?"
            ),
            self.tr("Sudah"),
            self.tr("Belum"),
        ):
            self.accept()

    def reject(self) -> None:  # Escape and the close button: the code must be noted first
        self.confirm_noted()
