"""Officer: the batch history and "Export batch" to a folder (a USB stick)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from models import batches
from models.formatting import thousands
from models.identity import load_identity
from sync.exchange import export_batch, rewrite_lost_batch
from ui import dialogs
from ui.errors import explain
from ui.list_model import ListModel, list_view
from ui.worker import run_with_progress


def local_time(stamp: str | None) -> str:
    if not stamp:
        return ""
    return datetime.fromisoformat(stamp).astimezone().strftime("%d-%m-%Y %H:%M")


class BatchesPage(QWidget):
    """What left this device, and the action that sends the next batch."""

    def __init__(self, db: Database, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.db_path = db_path
        self.model = ListModel(
            [
                (self.tr("No."), lambda b: b.seq),
                (self.tr("Dibuat"), lambda b: local_time(b.created_at)),
                (self.tr("Pendaftaran"), lambda b: thousands(b.records)),
                (self.tr("Berkas"), lambda b: b.file_name),
                (
                    self.tr("Diterima kabupaten"),
                    lambda b: local_time(b.acknowledged_at) or self.tr("belum diketahui"),
                ),
            ],
            self,
        )
        intro = QLabel(
            self.tr(
                "Pendaftaran yang siap kirim dikemas dalam satu berkas batch bertanda tangan dan "
                "terenkripsi. Simpan berkasnya ke flashdisk dan serahkan ke kantor kabupaten."
            )
        )
        intro.setWordWrap(True)
        identity = load_identity(db)
        profile = identity.district_profile if identity else None
        fingerprints = QLabel(
            self.tr("Sidik jari perangkat ini: %1 · Sidik jari kabupaten: %2")
            .replace("%1", identity.fingerprint if identity else "—")
            .replace("%2", profile["fingerprint"] if profile else "—"),
            objectName="fingerprints",
        )
        self.pending = QLabel(objectName="pending_label")
        self.table = list_view(self.model, "batches_table")
        self.export_button = QPushButton(self.tr("Ekspor batch…"), objectName="export_button")
        self.rewrite_button = QPushButton(
            self.tr("Tulis ulang batch terpilih…"), objectName="rewrite_button"
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.pending, 1)
        buttons.addWidget(self.rewrite_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(fingerprints)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.export_button.clicked.connect(self.export)
        self.rewrite_button.clicked.connect(self.rewrite)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(batches.batch_history(self.db))
        count = len(batches.pending_export(self.db).records)
        self.pending.setText(
            self.tr("%1 pendaftaran menunggu dikirim.").replace("%1", thousands(count))
        )
        self.export_button.setEnabled(count > 0)

    def _folder(self, title: str) -> Path | None:
        chosen = dialogs.choose(self, dialogs.FileRequest("folder", title))
        return Path(chosen[0]) if chosen else None

    def export(self) -> None:
        folder = self._folder(self.tr("Pilih folder tujuan (flashdisk)"))
        if folder is None:
            return
        run_with_progress(
            self, self.db_path, self.tr("Mengekspor batch…"),
            lambda db, progress, cancelled: export_batch(db, folder),
            self._exported, self._failed, self.tr("Batal"),
        )  # fmt: skip

    def _exported(self, result) -> None:
        self.refresh()
        if result is None:
            dialogs.inform(self, self.tr("Ekspor batch"), self.tr("Tidak ada yang perlu dikirim."))
            return
        dialogs.inform(
            self,
            self.tr("Batch tersimpan"),
            self.tr("Batch %1 berisi %2 pendaftaran tersimpan di:\n%3")
            .replace("%1", str(result.seq))
            .replace("%2", thousands(result.records))
            .replace("%3", str(result.path)),
        )

    def rewrite(self) -> None:
        index = self.table.currentIndex()
        chosen = self.model.row_at(index.row()) if index.isValid() else None
        if chosen is None:
            dialogs.inform(self, self.tr("Tulis ulang batch"), self.tr("Pilih batch di tabel."))
            return
        folder = self._folder(self.tr("Pilih folder tujuan (flashdisk)"))
        if folder is None:
            return
        try:
            path = rewrite_lost_batch(self.db, chosen.seq, folder)
        except Exception as exc:
            self._failed(exc)
            return
        dialogs.inform(
            self,
            self.tr("Batch ditulis ulang"),
            self.tr("Batch %1 ditulis ulang, sama persis dengan aslinya:\n%2")
            .replace("%1", str(chosen.seq))
            .replace("%2", str(path)),
        )

    def _failed(self, exc: Exception) -> None:
        self.refresh()
        dialogs.inform(self, self.tr("Ekspor gagal"), explain(exc), error=True,
                       details=str(exc))  # fmt: skip
