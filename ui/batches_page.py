"""Officer: the batch history, "Export batch" to a folder (a USB stick) and "Kirim ke
kabupaten" over the network (`app.officer` on a worker, with progress and Cancel)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from app.officer import (
    FolderExport,
    apply_receipt_file,
    export_to_folder,
    rewrite_to_folder,
    sync_with_district,
)
from exchange.receipts import ReceiptError
from models import batches
from models.batches import Acknowledgement
from models.formatting import arg
from models.identity import actor_name, load_identity
from models.settings import load_settings
from models.status_updates import last_sync_at
from ui import dialogs
from ui.i18n.formats import thousands
from ui.i18n.messages import explain, receipt_text, rejection_text, sync_failure_text
from ui.list_model import ListModel, list_view
from ui.worker import run_with_progress

if TYPE_CHECKING:
    from httpsync.client import SyncResult


def local_time(stamp: str | None) -> str:
    if not stamp:
        return ""
    return datetime.fromisoformat(stamp).astimezone().strftime("%d-%m-%Y %H:%M")


class BatchesPage(QWidget):
    """What left this device, and the actions that send the next batch."""

    #: Sending changed registrations (received, KPJ numbers, rejections).
    synced = Signal()

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
            arg(
                self.tr("Sidik jari perangkat ini: %1 · Sidik jari kabupaten: %2"),
                identity.fingerprint if identity else "—",
                profile["fingerprint"] if profile else "—",
            ),
            objectName="fingerprints",
        )
        self.pending = QLabel(objectName="pending_label")
        self.table = list_view(self.model, "batches_table")
        self.export_button = QPushButton(self.tr("Ekspor batch…"), objectName="export_button")
        self.send_button = QPushButton(self.tr("Kirim ke kabupaten"), objectName="send_button")
        self.send_button.setToolTip(
            self.tr(
                "Saat ada sinyal: kirim semua batch yang belum diterima kabupaten lewat "
                "internet, lalu ambil kabar terbaru (nomor KPJ, penolakan)."
            )
        )
        self.last_sync = QLabel(objectName="last_sync_label")
        self.rewrite_button = QPushButton(
            self.tr("Tulis ulang batch terpilih…"), objectName="rewrite_button"
        )
        self.receipt_button = QPushButton(
            self.tr("Baca tanda terima…"), objectName="receipt_button"
        )
        self.receipt_button.setToolTip(
            self.tr(
                "Kantor kabupaten menulis tanda terima ke flashdisk saat mengimpor batch. "
                "Tanda terima di folder ekspor juga dibaca otomatis saat ekspor."
            )
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.pending, 1)
        buttons.addWidget(self.receipt_button)
        buttons.addWidget(self.rewrite_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(fingerprints)
        layout.addWidget(self.last_sync)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.export_button.clicked.connect(self.export)
        self.rewrite_button.clicked.connect(self.rewrite)
        self.receipt_button.clicked.connect(self.read_receipt)
        self.send_button.clicked.connect(self.send)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(batches.batch_history(self.db))
        count = len(batches.pending_export(self.db).records)
        self.pending.setText(arg(self.tr("%1 pendaftaran menunggu dikirim."), thousands(count)))
        self.export_button.setEnabled(count > 0)
        stamp = last_sync_at(self.db)
        self.last_sync.setText(
            arg(self.tr("Terakhir terhubung ke kabupaten: %1"), local_time(stamp))
            if stamp
            else self.tr("Belum pernah terhubung ke kabupaten lewat internet.")
        )

    def _folder(self, title: str) -> Path | None:
        chosen = dialogs.choose(self, dialogs.FileRequest("folder", title))
        return Path(chosen[0]) if chosen else None

    def export(self) -> None:
        folder = self._folder(self.tr("Pilih folder tujuan (flashdisk)"))
        if folder is None:
            return
        actor = actor_name(self.db)
        run_with_progress(
            self, self.db_path, self.tr("Mengekspor batch…"),
            lambda db, progress, cancelled: export_to_folder(db, folder, actor),
            self._exported, self._failed, self.tr("Batal"),
        )  # fmt: skip

    # --- over the network ------------------------------------------------------------

    def send(self) -> None:
        """Push every batch the district has not acknowledged and pull its news."""
        url = load_settings(self.db).sync_url
        if not url:
            dialogs.inform(
                self,
                self.tr("Kirim ke kabupaten"),
                self.tr(
                    "Alamat server kabupaten belum diisi. Isi di Berkas → Pengaturan "
                    "(tanyakan alamatnya ke kantor kabupaten)."
                ),
                error=True,
            )
            return
        actor = actor_name(self.db)
        batch_text = self.tr("Batch %1")

        def job(db, progress, cancelled):
            def report(done: int, total: int, seq: str) -> None:
                progress(done, total, arg(batch_text, seq) if seq else "")

            return sync_with_district(db, url, actor=actor, progress=report, cancelled=cancelled)

        self.send_button.setEnabled(False)
        run_with_progress(
            self, self.db_path, self.tr("Mengirim ke kabupaten…"), job,
            self._sent, self._send_failed, self.tr("Batal"),
        )  # fmt: skip

    def _sent(self, result: SyncResult) -> None:
        self.send_button.setEnabled(True)
        self.refresh()
        self.synced.emit()
        dialogs.inform(
            self, self.tr("Kirim ke kabupaten"), "\n\n".join(self.sync_lines(result)),
            error=bool(result.batches_failed),
        )  # fmt: skip

    def _send_failed(self, exc: Exception) -> None:
        self.send_button.setEnabled(True)
        self.refresh()
        self.synced.emit()  # what went before the failure stays done
        from httpsync.client import SyncError

        if not isinstance(exc, SyncError):
            dialogs.inform(self, self.tr("Pengiriman gagal"), explain(exc), error=True,
                           details=str(exc))  # fmt: skip
            return
        lines = [sync_failure_text(exc.code, exc.server_code)]
        if exc.result is not None and (exc.result.batches_sent or exc.result.received):
            lines += self.sync_lines(exc.result)
        dialogs.inform(self, self.tr("Kirim ke kabupaten"), "\n\n".join(lines),
                       error=exc.code != "cancelled", details=str(exc))  # fmt: skip

    def sync_lines(self, result: SyncResult) -> list[str]:
        """A short Indonesian summary of what a sync did."""
        if not (result.batches_sent or result.batches_already_there or result.batches_failed):
            lines = [self.tr("Tidak ada batch baru yang perlu dikirim.")]
        else:
            text = self.tr("%1 batch terkirim, %2 sudah ada di kabupaten, %3 ditolak.")
            lines = [
                arg(text, result.batches_sent, result.batches_already_there, result.batches_failed)
            ]
        for failure in result.failures:
            if failure.get("stage") == "receipt":
                text = self.tr("Tanda terima batch %1 tidak dipakai: %2")
                reason = receipt_text(failure["code"])
            else:
                text, reason = self.tr("Batch %1 ditolak: %2"), rejection_text(failure["code"])
            lines.append(arg(text, failure["seq"], reason))
        lines += self.updates_lines(result.updates_applied)
        return lines

    def updates_lines(self, applied: int) -> list[str]:
        """What the district's status updates changed, if anything."""
        if not applied:
            return []
        return [
            arg(
                self.tr("Kabar baru dari kabupaten untuk %1 pendaftaran (KPJ atau penolakan)."),
                thousands(applied),
            )
        ]

    # --- by USB ----------------------------------------------------------------------

    def _exported(self, done: FolderExport) -> None:
        self.refresh()
        self.synced.emit()
        lines = self.receipt_lines(done.receipt_error or done.receipt)
        lines += self.updates_lines(done.updates_applied)
        if done.updates_error is not None:
            lines.append(
                arg(
                    self.tr("Kabar dari kabupaten di folder itu tidak dipakai: %1"),
                    receipt_text(done.updates_error.code),
                )
            )
        batch = done.batch
        if batch is None:
            lines.insert(0, self.tr("Tidak ada yang perlu dikirim."))
            dialogs.inform(self, self.tr("Ekspor batch"), "\n\n".join(lines))
            return
        lines.insert(
            0,
            arg(
                self.tr("Batch %1 berisi %2 pendaftaran tersimpan di:\n%3"),
                batch.seq, thousands(batch.records), batch.path,
            ),
        )  # fmt: skip
        dialogs.inform(self, self.tr("Batch tersimpan"), "\n\n".join(lines))

    def read_receipt(self) -> None:
        chosen = dialogs.choose(
            self,
            dialogs.FileRequest(
                "open", self.tr("Pilih tanda terima kabupaten"),
                self.tr("Tanda terima Jaring (*.receipt.json)"),
            ),
        )  # fmt: skip
        if not chosen:
            return
        try:
            outcome = apply_receipt_file(self.db, chosen[0])
        except ReceiptError as exc:
            outcome = exc
        self.refresh()
        self.synced.emit()  # what the receipt acknowledges is now "received"
        lines = self.receipt_lines(outcome)
        if isinstance(outcome, Acknowledgement) and not outcome.newly and not lines:
            lines = [self.tr("Tanda terima ini tidak menyebut batch baru.")]
        dialogs.inform(self, self.tr("Tanda terima kabupaten"), "\n\n".join(lines),
                       error=isinstance(outcome, ReceiptError))  # fmt: skip

    def receipt_lines(self, outcome: Acknowledgement | ReceiptError | None) -> list[str]:
        """What a district receipt changed (or why it could not be used), for the user."""
        if outcome is None:
            return []
        if isinstance(outcome, ReceiptError):
            return [receipt_text(outcome.code)]
        lines = []
        if outcome.newly:
            lines.append(
                arg(
                    self.tr("Kantor kabupaten telah menerima batch %1."),
                    ", ".join(map(str, outcome.newly)),
                )
            )
        if outcome.mismatched:
            lines.append(
                arg(
                    self.tr(
                        "Tanda terima menyebut batch lain dengan nomor %1. Hubungi kantor "
                        "kabupaten."
                    ),
                    ", ".join(map(str, outcome.mismatched)),
                )
            )
        return lines

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
            path = rewrite_to_folder(self.db, chosen.seq, folder)
        except Exception as exc:
            self._failed(exc)
            return
        dialogs.inform(
            self,
            self.tr("Batch ditulis ulang"),
            arg(
                self.tr("Batch %1 ditulis ulang, sama persis dengan aslinya:\n%2"), chosen.seq, path
            ),
        )

    def _failed(self, exc: Exception) -> None:
        self.refresh()
        dialogs.inform(self, self.tr("Ekspor gagal"), explain(exc), error=True,
                       details=str(exc))  # fmt: skip
