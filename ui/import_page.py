"""District: import batch files (or whole folders) with a progress bar, a report per batch
and the gaps per device until they are filled (`app.batch_import`, as the command line)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.batch_import import ImportReport, import_batches
from models.formatting import arg
from models.identity import list_devices
from models.merge import gaps
from ui import dialogs
from ui.i18n.formats import thousands
from ui.i18n.messages import explain, rejection_text
from ui.list_model import ListModel, list_view
from ui.worker import run_with_progress


class ImportPage(QWidget):
    def __init__(self, db: Database, db_path: Path, actor: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.db_path = db_path
        self.actor = actor
        results = {
            "imported": self.tr("masuk"),
            "already imported": self.tr("sudah pernah masuk"),
            "rejected": self.tr("DITOLAK"),
        }
        self.report = ListModel(
            [
                (self.tr("Petugas"), lambda r: self._officer(r.get("device", ""))),
                (self.tr("Batch ke"), lambda r: r.get("seq", "")),
                (self.tr("Berkas"), lambda r: Path(r["file"]).name),
                (self.tr("Hasil"), lambda r: results.get(r["result"], r["result"])),
                (self.tr("Baru"), lambda r: r.get("inserted", "")),
                (self.tr("Diperbarui"), lambda r: r.get("updated", "")),
                (self.tr("Usang"), lambda r: r.get("stale", "")),
                (self.tr("Konflik"), lambda r: r.get("conflicts", "")),
                (self.tr("Keterangan"), lambda r: r.get("reason_text", "")),
            ],
            self,
        )
        self.summary = QLabel(objectName="import_summary")
        self.summary.setWordWrap(True)
        self.gaps = QLabel(objectName="gaps_label")
        self.gaps.setWordWrap(True)
        self.table = list_view(self.report, "import_table")
        self.files_button = QPushButton(self.tr("Impor berkas…"), objectName="import_files")
        self.folder_button = QPushButton(self.tr("Impor folder…"), objectName="import_folder")
        self.receipts_check = QCheckBox(
            self.tr("Tulis tanda terima ke folder batch"), objectName="receipts_check"
        )
        self.receipts_check.setChecked(True)
        self.receipts_check.setToolTip(
            self.tr(
                "Tanda terima bertanda tangan kabupaten ikut kembali ke petugas di flashdisk "
                "yang sama, agar petugas tahu batch mana yang sudah diterima, bersama kabar "
                "terbaru tentang pendaftarannya (nomor KPJ, penolakan)."
            )
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.receipts_check)
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.gaps)
        self.files_button.clicked.connect(self.import_files)
        self.folder_button.clicked.connect(self.import_folder)
        self.show_gaps()

    def _officer(self, device_id: str) -> str:
        if not device_id:
            return ""
        officers = {d.device_id: d.officer for d in list_devices(self.db)}
        return officers.get(device_id, device_id)

    def import_files(self) -> None:
        chosen = dialogs.choose(
            self, dialogs.FileRequest("open", self.tr("Pilih berkas batch"), "Jaring (*.jaring)")
        )
        if chosen:
            self.start(chosen)

    def import_folder(self) -> None:
        chosen = dialogs.choose(self, dialogs.FileRequest("folder", self.tr("Pilih folder")))
        if chosen:
            self.start(chosen)

    def start(self, paths: list[str]) -> None:
        actor, receipts = self.actor, self.receipts_check.isChecked()
        run_with_progress(
            self, self.db_path, self.tr("Mengimpor batch…"),
            lambda db, progress, cancelled: import_batches(
                db, paths, actor, receipts=receipts, progress=progress, cancelled=cancelled
            ),
            self.show_report, self._failed, self.tr("Batal"),
        )  # fmt: skip

    def show_report(self, report: ImportReport) -> None:
        rows = []
        for row in report.per_batch:
            if row["result"] == "rejected":
                code = next(
                    (r["reason"].split(":")[0] for r in report.batches_rejected
                     if r["file"] == row["file"]), "")  # fmt: skip
                row = {**row, "reason_text": rejection_text(code)}
            rows.append(row)
        self.report.set_rows(rows)
        self.summary.setText(
            arg(
                self.tr("%1 batch masuk, %2 sudah pernah, %3 ditolak; %4 pendaftaran baru, "
                        "%5 diperbarui, %6 konflik."),
                report.batches_imported, report.batches_skipped, len(report.batches_rejected),
                thousands(report.records_inserted), thousands(report.records_updated),
                thousands(report.conflicts),
            )
            + self._receipts_text(report)
        )  # fmt: skip
        self.show_gaps()

    def _receipts_text(self, report: ImportReport) -> str:
        text = ""
        if report.receipts:
            text += " " + arg(
                self.tr("Tanda terima ditulis untuk %1 perangkat."), len(report.receipts)
            )
        for failed in report.receipt_errors:
            text += " " + arg(
                self.tr("Tanda terima tidak bisa ditulis ke %1 (%2); batch tetap sudah masuk."),
                failed["folder"], failed["reason"],
            )  # fmt: skip
        for failed in report.updates_errors:
            text += " " + arg(
                self.tr("Kabar untuk petugas tidak bisa ditulis ke %1 (%2); batch tetap "
                        "sudah masuk."),
                failed["folder"], failed["reason"],
            )  # fmt: skip
        return text

    def show_gaps(self) -> None:
        missing = gaps(self.db)
        if not missing:
            self.gaps.setText(self.tr("Tidak ada batch yang hilang."))
            return
        officers = {d.device_id: d.officer for d in list_devices(self.db)}
        by_device: dict[str, list[int]] = {}
        for device, seq in missing:
            by_device.setdefault(officers.get(device, device), []).append(seq)
        lines = [
            arg(self.tr("%1: batch %2 belum diterima."), device, ", ".join(map(str, seqs)))
            for device, seqs in by_device.items()
        ]
        self.gaps.setText("\n".join(lines))

    def _failed(self, exc: Exception) -> None:
        dialogs.inform(self, self.tr("Impor gagal"), explain(exc), error=True, details=str(exc))
