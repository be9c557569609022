"""District: "Ekspor Excel" — the master list (filtered by status, kecamatan, desa) as one
workbook, or the collective files BPJS accepts for its bulk upload, written on a worker with
a progress bar and Cancel (`app.excel_jobs`, as the command line)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.excel_jobs import export_bpjs, export_master
from excel.export import ExcelExportError, ExportCancelled
from models.formatting import arg
from models.regions import Regions, default_regions
from ui import dialogs
from ui.i18n import labels
from ui.i18n.formats import thousands
from ui.i18n.messages import explain, export_error_text
from ui.region_combos import fill_choices, villages_for
from ui.worker import run_with_progress

# Statuses whose registrations may go to BPJS (again): received at the district, already
# submitted (a file BPJS lost), or rejected and corrected since.
BPJS_STATUSES = ("received", "submitted", "rejected")


class ExcelExportDialog(QDialog):
    """Choose what to export, where, then write it on a worker."""

    exported = Signal(object)  # the MasterExport or BpjsExport written

    def __init__(
        self,
        db: Database,
        db_path: Path,
        actor: str,
        regency_code: str,
        regions: Regions | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.db_path = db_path
        self.actor = actor
        self.regency_code = regency_code
        self.regions = regions or default_regions()
        self.result = None
        self.setObjectName("excel_export_dialog")
        self.setWindowTitle(self.tr("Ekspor Excel"))

        self._build_kinds()
        self._build_master_box()
        self._build_bpjs_box()
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.master_radio)
        layout.addWidget(self.master_box)
        layout.addWidget(self.bpjs_radio)
        layout.addWidget(self.bpjs_box)
        layout.addSpacing(8)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.master_radio.toggled.connect(self._update_buttons)
        self._update_buttons()
        self.resize(560, self.sizeHint().height())

    def _build_kinds(self) -> None:
        """The two kinds of export, one radio button each: the master list or BPJS's files."""
        self.master_radio = QRadioButton(
            self.tr("Daftar induk: semua data pendaftaran dalam satu berkas"),
            objectName="master_radio",
        )
        self.bpjs_radio = QRadioButton(
            self.tr("Berkas kolektif untuk BPJS (unggah massal SIPP)"), objectName="bpjs_radio"
        )
        self.master_radio.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.master_radio)
        kinds.addButton(self.bpjs_radio)

    def _build_master_box(self) -> None:
        """The master list's filters: status, kecamatan and desa (following the kecamatan)."""
        self.status = QComboBox(objectName="export_status")
        self.status.addItem(self.tr("Semua status"), "")
        for code, text in labels.status_labels().items():
            self.status.addItem(text, code)
        self.kecamatan = QComboBox(objectName="export_kecamatan")
        self.desa = QComboBox(objectName="export_desa")
        self._fill_kecamatan()
        self.kecamatan.currentIndexChanged.connect(self._fill_desa)
        self.master_box = QWidget(objectName="master_box")
        master_form = QFormLayout(self.master_box)
        master_form.setContentsMargins(24, 0, 0, 8)
        master_form.addRow(self.tr("Status:"), self.status)
        master_form.addRow(self.tr("Kecamatan:"), self.kecamatan)
        master_form.addRow(self.tr("Desa:"), self.desa)

    def _build_bpjs_box(self) -> None:
        """BPJS's files: the statuses to include, the split at 10,000 rows, and whether to
        mark what leaves as submitted (explained under the check box)."""
        self.bpjs_box = QWidget(objectName="bpjs_box")
        bpjs_layout = QVBoxLayout(self.bpjs_box)
        bpjs_layout.setContentsMargins(24, 0, 0, 0)
        bpjs_layout.addWidget(QLabel(self.tr("Ikutkan pendaftaran berstatus:")))
        statuses = QHBoxLayout()
        self.status_checks: dict[str, QCheckBox] = {}
        for code in BPJS_STATUSES:
            check = QCheckBox(labels.status_labels()[code], objectName=f"bpjs_{code}")
            check.setChecked(code == "received")
            check.toggled.connect(self._update_buttons)
            self.status_checks[code] = check
            statuses.addWidget(check)
        statuses.addStretch(1)
        bpjs_layout.addLayout(statuses)
        split = QLabel(
            self.tr("Satu berkas memuat paling banyak 10.000 baris, batas unggah BPJS; lebih "
                    "dari itu dibagi ke beberapa berkas."),
            objectName="split_note",
        )  # fmt: skip
        split.setWordWrap(True)
        bpjs_layout.addWidget(split)
        bpjs_layout.addSpacing(6)
        self.mark_submitted = QCheckBox(
            self.tr("Tandai sebagai diajukan (submitted)"), objectName="mark_submitted"
        )
        bpjs_layout.addWidget(self.mark_submitted)
        explanation = QLabel(
            self.tr(
                "Bila dicentang, setiap pendaftaran di berkas ini berubah status menjadi "
                "\u201cDiajukan ke BPJS\u201d dan tercatat di riwayat. Centang hanya bila "
                "berkasnya memang akan diunggah ke BPJS sekarang."
            ),
            objectName="mark_explanation",
        )
        explanation.setWordWrap(True)
        # Under the check box's text, so that it reads as the box's explanation.
        explanation.setContentsMargins(self.mark_submitted.iconSize().width() + 8, 0, 0, 0)
        bpjs_layout.addWidget(explanation)

    def _build_buttons(self) -> QDialogButtonBox:
        """Tutup, and Ekspor… as the default button."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Tutup"))
        close.setAutoDefault(False)
        self.export_button = QPushButton(self.tr("Ekspor…"), objectName="export_button")
        self.export_button.setDefault(True)
        self.export_button.setAutoDefault(True)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export)
        return buttons

    def _fill_kecamatan(self) -> None:
        fill_choices(
            self.kecamatan, self.tr("Semua kecamatan"), self.regions.kecamatan_of(self.regency_code)
        )
        self._fill_desa()

    def _fill_desa(self) -> None:
        """The villages of the chosen kecamatan, or of the whole regency."""
        villages = villages_for(self.regions, self.regency_code, self.kecamatan.currentData())
        fill_choices(self.desa, self.tr("Semua desa"), villages)

    def _update_buttons(self) -> None:
        master = self.master_radio.isChecked()
        self.master_box.setEnabled(master)
        self.bpjs_box.setEnabled(not master)
        self.export_button.setEnabled(master or bool(self.chosen_statuses()))

    def chosen_statuses(self) -> tuple[str, ...]:
        return tuple(code for code, check in self.status_checks.items() if check.isChecked())

    # --- exporting ----------------------------------------------------------------------

    def export(self) -> None:
        if self.master_radio.isChecked():
            self.export_master()
        else:
            self.export_bpjs()

    def export_master(self) -> None:
        status = self.status.currentData() or None
        kecamatan = self.kecamatan.currentData() or None
        desa = self.desa.currentData() or None
        name = desa or kecamatan or self.regency_code
        chosen = dialogs.choose(
            self,
            dialogs.FileRequest(
                "save", self.tr("Simpan daftar induk"), "Excel (*.xlsx)",
                f"daftar-induk-{name}.xlsx",
            ),
        )  # fmt: skip
        if not chosen:
            return
        path = Path(chosen[0])
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        regions = self.regions
        run_with_progress(
            self, self.db_path, self.tr("Menulis daftar induk…"),
            lambda db, progress, cancelled: export_master(
                db, path, status=status, kecamatan=kecamatan, desa=desa, regions=regions,
                progress=progress, cancelled=cancelled,
            ),
            self._master_written, self._failed, self.tr("Batal"),
        )  # fmt: skip

    def export_bpjs(self) -> None:
        chosen = dialogs.choose(
            self, dialogs.FileRequest("folder", self.tr("Pilih folder untuk berkas BPJS"))
        )
        if not chosen:
            return
        out_dir = Path(chosen[0])
        statuses, mark, actor = self.chosen_statuses(), self.mark_submitted.isChecked(), self.actor
        regions = self.regions
        run_with_progress(
            self, self.db_path, self.tr("Menulis berkas BPJS…"),
            lambda db, progress, cancelled: export_bpjs(
                db, out_dir, statuses=statuses, mark_submitted=mark, actor=actor,
                regions=regions, progress=progress, cancelled=cancelled,
            ),
            self._bpjs_written, self._failed, self.tr("Batal"),
        )  # fmt: skip

    def _master_written(self, result) -> None:
        self.result = result
        self.exported.emit(result)
        dialogs.inform(
            self,
            self.tr("Daftar induk tersimpan"),
            arg(self.tr("%1 pendaftaran tersimpan di:\n%2"), thousands(result.rows), result.path),
        )

    def _bpjs_written(self, result) -> None:
        self.result = result
        rows, paths = result.rows, list(result.paths)
        self.exported.emit(result)
        text = arg(
            self.tr("%1 pendaftaran dalam %2 berkas tersimpan di folder:\n%3"),
            thousands(rows), thousands(len(paths)), Path(paths[0]).parent,
        )  # fmt: skip
        if result.marked or result.skipped:
            text += "\n\n" + arg(
                self.tr("%1 pendaftaran sekarang berstatus \u201cDiajukan ke BPJS\u201d."),
                thousands(result.marked),
            )
        if result.skipped:
            text += " " + arg(
                self.tr(
                    "%1 tidak diubah statusnya: sudah diajukan atau terdaftar, atau diubah orang "
                    "lain saat ekspor berjalan."
                ),
                thousands(len(result.skipped)),
            )
        dialogs.inform(
            self,
            self.tr("Berkas BPJS tersimpan"),
            text,
            details="\n".join(Path(p).name for p in paths),
        )

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, ExportCancelled):
            dialogs.inform(
                self, self.windowTitle(), self.tr("Dibatalkan. Tidak ada berkas yang ditulis.")
            )
            return
        text = export_error_text(exc) if isinstance(exc, ExcelExportError) else explain(exc)
        dialogs.inform(
            self, self.tr("Ekspor gagal"), text, error=True,
            details=getattr(exc, "details", str(exc)),
        )  # fmt: skip
