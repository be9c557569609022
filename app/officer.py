"""The officer's use cases: set the laptop up, export to a folder (a USB stick), write a lost
batch again, read the district's receipt or updates file, sync over the network.

An export to a folder first reads what the district left there for this device — its
receipt (which batches arrived) and its status updates file (KPJ numbers, rejections) — so
the history and the statuses are current before the next batch leaves. A receipt or an
updates file that cannot be used stops nothing: it comes back in the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from app.folders import require_folder
from app.hand_over import write_hand_over
from exchange.enrolment import init_officer
from exchange.keys import key_folder_for, read_district_profile
from exchange.outgoing import ExportResult, export_batch, rewrite_lost_batch
from exchange.receipts import ReceiptError, apply_receipt, apply_receipt_in, read_receipt
from exchange.signed_updates import apply_updates, apply_updates_in, read_updates_file
from models import fault_points, keyring
from models.batches import Acknowledgement
from models.db import database_path
from models.identity import actor_name
from models.settings import load_settings
from models.status_updates import AppliedUpdates

if TYPE_CHECKING:
    from httpsync.client import SyncResult


@dataclass(frozen=True)
class OfficerSetUp:
    """This laptop, set up as an officer device, and its enrolment written for the district."""

    enrolment_path: Path
    device_id: str
    fingerprint: str
    district_fingerprint: str


def set_up_officer(
    db: Database, profile: Path | str | dict, officer: str, enrolment_out: Path | str
) -> OfficerSetUp:
    """Make this database an officer device of the district whose profile is at ``profile``
    (or is ``profile``, as read already: the one whose fingerprint the officer compared)
    with keys beside the database, and write the enrolment to hand over. Raises
    `app.hand_over.HandOverNotWritten` when only the writing failed (the set-up stands)."""
    if not isinstance(profile, dict):
        profile = read_district_profile(profile)
    enrolment = init_officer(db, key_folder_for(database_path(db)), profile, officer)
    unlocked = keyring.remembered(database_path(db))
    if unlocked is not None:
        # The district can then give this laptop a new passphrase (`recover`), nobody else.
        keyring.add_district_slot(database_path(db), unlocked, profile["age_recipient"])
    path = write_hand_over(enrolment_out, enrolment)
    return OfficerSetUp(path, enrolment["device_id"], enrolment["fingerprint"],
                        profile["fingerprint"])  # fmt: skip


@dataclass(frozen=True)
class FolderExport:
    """What an export to a folder did: the batch written (None when nothing had to leave),
    what the district's receipt and updates file there changed, or why they were not used."""

    batch: ExportResult | None
    receipt: Acknowledgement | None = None
    receipt_error: ReceiptError | None = None
    updates: AppliedUpdates | None = None
    updates_error: ReceiptError | None = None

    @property
    def acknowledged(self) -> list[int]:
        """The batches the receipt acknowledged just now."""
        return list(self.receipt.newly) if self.receipt else []

    @property
    def updates_applied(self) -> int:
        return self.updates.applied if self.updates else 0

    def problems(self) -> list[str]:
        """What went wrong beside the export, one English line each (for the command line)."""
        lines = []
        if self.receipt_error is not None:
            lines.append(f"receipt not used: {self.receipt_error}")
        if self.receipt is not None and self.receipt.mismatched:
            lines.append(
                "the district's receipt names other batches under numbers"
                f" {self.receipt.mismatched}; ask the district office"
            )
        if self.updates_error is not None:
            lines.append(f"updates file not used: {self.updates_error}")
        return lines

    def as_json(self) -> dict:
        batch = self.batch
        again = [str(p) for p in batch.written_again] if batch else []
        return {"batch": str(batch.path) if batch else None, "seq": batch.seq if batch else None,
                "records": batch.records if batch else 0, "acknowledged": self.acknowledged,
                "updates_applied": self.updates_applied, "written_again": again}  # fmt: skip


def export_to_folder(db: Database, folder: Path | str, actor: str | None = None) -> FolderExport:
    """Read this device's receipt and updates file in ``folder`` (if the district left
    them), then write the next batch there. ``actor`` (default: `actor_name`) is who applies
    the updates. Raises `NotAFolder`, and what `exchange.outgoing.export_batch` raises."""
    folder = require_folder(folder)
    actor = actor or actor_name(db)
    receipt = receipt_error = updates = updates_error = None
    try:
        receipt = apply_receipt_in(db, folder)
    except ReceiptError as exc:
        receipt_error = exc
    fault_points.reach("export.receipt_applied")
    try:
        updates = apply_updates_in(db, folder, actor)
    except ReceiptError as exc:
        updates_error = exc
    fault_points.reach("export.updates_applied")
    return FolderExport(export_batch(db, folder), receipt, receipt_error, updates, updates_error)


def rewrite_to_folder(db: Database, seq: int, folder: Path | str) -> Path:
    """Write batch ``seq`` again into ``folder``, byte for byte as it first left."""
    return rewrite_lost_batch(db, seq, require_folder(folder))


def apply_receipt_file(db: Database, path: Path | str) -> Acknowledgement:
    """Verify the district's receipt at ``path`` and record what it acknowledges; raises
    `ReceiptError` (nothing recorded) for a receipt that cannot be used."""
    return apply_receipt(db, read_receipt(path))


def apply_updates_file(db: Database, path: Path | str, actor: str | None = None) -> AppliedUpdates:
    """Verify and apply the district's status updates file at ``path``; raises
    `ReceiptError` (nothing applied) for a file that cannot be used."""
    return apply_updates(db, read_updates_file(path), actor or actor_name(db))


class NoDistrictAddress(ValueError):
    """No address of the district's sync endpoint was given, nor is one in the settings."""


def sync_with_district(
    db: Database,
    url: str | None = None,
    *,
    actor: str | None = None,
    verify: bool | str = True,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SyncResult:
    """Pack what waits into a batch, push every batch the district lacks and pull its status
    updates (`httpsync.client.sync`). ``url`` defaults to the address in the settings;
    ``verify`` is a CA bundle for a district certificate of its own. Raises
    `NoDistrictAddress`, `httpsync.client.SyncError` (with what was done before it stopped)."""
    from httpsync.client import sync  # httpx loads only when an officer sends

    url = url or load_settings(db).sync_url
    if not url:
        raise NoDistrictAddress("no --url given and no district address in the settings")
    return sync(db, url, actor=actor or actor_name(db), verify=verify, progress=progress,
                cancelled=cancelled)  # fmt: skip
