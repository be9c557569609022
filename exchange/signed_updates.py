"""Signed documents the district sends back: a receipt per batch pushed over HTTP, and
status updates (what became of each registration a device sent).

Both use the scheme of `exchange.receipts`: ``{"<kind>": {...}, "signature": "<base64>"}`` with
an Ed25519 signature by the district's key over ``canonical_json`` of the inner object, and
are verified on the officer's laptop with the district key of the profile the device was set
up with — never because of the transport they came by. Errors are `ReceiptError` with a
stable code (``not_receipt``, ``not_updates``, ``bad_signature``, ``other_device``,
``other_batch``; ``not_district``, ``not_officer``, ``unknown_device``, ``unreadable``).

- **Batch receipt** (``jaring-batch-receipt-1``): batch id, number, manifest and file
  SHA-256, when the district received it, and the merge's counts. It is a pure function of
  the district's record of the import, so the same batch pushed again gets the very same
  receipt (Ed25519 signatures are deterministic).
- **Status updates** (``jaring-updates-1``): for one device, every registration it sent
  whose record at the district changed after ``since`` (an audit-log position), with its
  status, KPJ, rejection reason, the district's version and the officer's version it holds,
  its life events (``events``, only when it has some), and the ``cursor`` to ask from next
  time. Over
  HTTP the officer asks with its stored cursor; on a USB stick the district writes
  ``<device>.updates.json`` from position 0 (everything), which applies just as well because
  applying is idempotent.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from sqlite_utils import Database

from exchange import keys
from exchange.batch_file import canonical_json
from exchange.enrolment import own_signing_key
from exchange.receipts import ReceiptError, officer_with_profile, read_signed_json
from models import life_events, status_updates
from models.audit import now_iso
from models.identity import Identity, device, identity_as, require_role
from models.status_updates import AppliedUpdates, OutgoingBatch

BATCH_RECEIPT_FORMAT = "jaring-batch-receipt-1"
UPDATES_FORMAT = "jaring-updates-1"
UPDATES_SUFFIX = ".updates.json"
MAX_UPDATES_BYTES = 64 * 1024 * 1024

_RECEIPT_FIELDS = {
    "format": str, "district": str, "district_fingerprint": str, "device_id": str,
    "batch_id": str, "seq": int, "manifest_sha256": str, "file_sha256": str,
    "received_at": str, "records": int, "inserted": int, "updated": int, "stale": int,
    "conflicts": int,
}  # fmt: skip
_UPDATES_FIELDS = {
    "format": str, "district": str, "district_fingerprint": str, "device_id": str,
    "since": int, "cursor": int, "more": bool, "issued_at": str, "changes": list,
}  # fmt: skip
_CHANGE_FIELDS = {
    "registration_id": str, "status": str, "kpj": str, "reason": str, "version": int,
    "officer_version": int, "deleted": bool,
}  # fmt: skip
#: A change of a registration with life events also has ``events``: a list of them, each
#: checked as `models.life_events.travelling_event` reads it.
_CHANGE_WITH_EVENTS = {**_CHANGE_FIELDS, "events": list}


def _district(db: Database) -> Identity:
    return require_role(
        db, "district", "only the district office signs receipts and updates", error=ReceiptError
    )


def _signed(db: Database, kind: str, body: dict) -> dict:
    signature = keys.sign(own_signing_key(db), canonical_json(body))
    return {kind: body, "signature": base64.b64encode(signature).decode("ascii")}


def _fields_problem(body: object, fields: dict[str, type]) -> str | None:
    if not isinstance(body, dict) or set(body) != set(fields):
        return "wrong fields"
    for name, kind in fields.items():
        value = body[name]
        if kind is int and (type(value) is not int):
            return f"{name} is not a whole number"
        if kind is not int and not isinstance(value, kind):
            return f"{name} has the wrong type"
    return None


def _verified_body(db: Database, document: object, kind: str, fields: dict, code: str) -> dict:
    """The inner object of a signed document after checking its shape, the district's
    signature and that it is for this device."""
    identity = officer_with_profile(db, "only an officer's device reads the district's answers")
    if not isinstance(document, dict) or set(document) != {kind, "signature"}:
        raise ReceiptError(code, f"not a Jaring {kind} document")
    body = document[kind]
    problem = _fields_problem(body, fields)
    if problem is None and body["format"] != fields_format(kind):
        problem = f"format {str(body['format'])[:40]!r}"
    if problem is None and not isinstance(document["signature"], str):
        problem = "the signature is not text"
    if problem:
        raise ReceiptError(code, f"not a Jaring {kind} document ({problem})")
    try:
        signature = base64.b64decode(document["signature"], validate=True)
        data = canonical_json(body)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        signature, data = b"", b""
    if not data or not keys.verify(
        identity.district_profile["signing_public_key_pem"], data, signature
    ):
        raise ReceiptError(
            "bad_signature",
            f"the {kind} is not signed by this device's district office (or was changed)",
        )
    if body["device_id"] != identity.device_id:
        raise ReceiptError("other_device", f"the {kind} is for another officer's device")
    return body


def fields_format(kind: str) -> str:
    return BATCH_RECEIPT_FORMAT if kind == "receipt" else UPDATES_FORMAT


# --- batch receipts ------------------------------------------------------------------------


def batch_receipt(db: Database, batch_id: str) -> dict | None:
    """District: the signed receipt of an imported batch, or None if it is not imported."""
    identity = _district(db)
    row = status_updates.imported_batch(db, batch_id)
    if row is None:
        return None
    body = {
        "format": BATCH_RECEIPT_FORMAT,
        "district": identity.name,
        "district_fingerprint": identity.fingerprint,
        "device_id": row["device_id"],
        "batch_id": row["batch_id"],
        "seq": row["seq"],
        "manifest_sha256": row["manifest_sha256"],
        "file_sha256": row["file_sha256"],
        "received_at": row["imported_at"],
        "records": row["records"],
        "inserted": row["inserted"],
        "updated": row["updated"],
        "stale": row["stale"],
        "conflicts": row["conflicts"],
    }
    return _signed(db, "receipt", body)


def check_batch_receipt(db: Database, document: object, batch: OutgoingBatch) -> dict:
    """Officer: verify the district's receipt for ``batch`` and return the acknowledgement
    entry it gives (seq, batch_id, manifest_sha256, imported_at)."""
    body = _verified_body(db, document, "receipt", _RECEIPT_FIELDS, "not_receipt")
    if (body["batch_id"], body["seq"], body["manifest_sha256"], body["file_sha256"]) != (
        batch.batch_id, batch.seq, batch.manifest_sha256, batch.file_sha256,
    ):  # fmt: skip
        raise ReceiptError(
            "other_batch",
            f"the receipt does not match batch {batch.seq} as it left this device",
        )
    return {
        "seq": body["seq"],
        "batch_id": body["batch_id"],
        "manifest_sha256": body["manifest_sha256"],
        "imported_at": body["received_at"],
    }


# --- status updates ------------------------------------------------------------------------


def make_updates(db: Database, device_id: str, since: int = 0, limit: int = 2000) -> dict:
    """District: the signed status updates for ``device_id`` after position ``since``."""
    identity = _district(db)
    found = status_updates.status_changes(db, device_id, since, limit)
    body = {
        "format": UPDATES_FORMAT,
        "district": identity.name,
        "district_fingerprint": identity.fingerprint,
        "device_id": device_id,
        "since": found.since,
        "cursor": found.cursor,
        "more": found.more,
        "issued_at": now_iso(),
        "changes": found.changes,
    }
    return _signed(db, "updates", body)


def verified_updates(db: Database, document: object) -> dict:
    """Officer: the inner object of a status-updates document after every check."""
    body = _verified_body(db, document, "updates", _UPDATES_FIELDS, "not_updates")
    for change in body["changes"]:
        with_events = isinstance(change, dict) and "events" in change
        fields = _CHANGE_WITH_EVENTS if with_events else _CHANGE_FIELDS
        problem = _fields_problem(change, fields)
        if problem is None and "events" in change:
            problem = _events_problem(change["events"])
        if problem:
            raise ReceiptError("not_updates", f"a change in the updates is malformed ({problem})")
    return body


def _events_problem(events: list) -> str | None:
    """Each event must have its travelling fields as text; a kind or a date this version
    cannot use is skipped when applied, not refused (a newer district's)."""
    for event in events:
        if not isinstance(event, dict) or not all(
            isinstance(event.get(f), str) for f in life_events.TRAVELLING
        ):
            return "a life event is malformed"
    return None


def apply_updates(db: Database, document: object, actor: str) -> AppliedUpdates:
    """Officer: verify a status-updates document and apply it (see `models.status_updates`)."""
    body = verified_updates(db, document)
    return status_updates.apply_status_changes(
        db, body["changes"], actor, since=body["since"], cursor=body["cursor"],
        own_device=body["device_id"],
    )  # fmt: skip


def updates_path(folder: Path | str, device_id: str) -> Path:
    """``<device>.updates.json`` in ``folder``; ValueError for an id that is not a device id
    (so that no name like ``../x`` reaches outside the folder)."""
    if not keys.is_device_id(device_id):
        raise ValueError(f"{str(device_id)[:80]!r} is not a device id")
    return Path(folder) / f"{device_id}{UPDATES_SUFFIX}"


def write_update_files(
    db: Database, folder: Path | str, device_ids: list[str] | None = None
) -> list[Path]:
    """District: write (or replace) ``<device>.updates.json`` into ``folder`` for each
    device (default: every device a batch came from), from position 0, atomically.
    `ReceiptError` ``unknown_device`` (nothing written) for a device not in the trust store."""
    _district(db)
    if device_ids is None:
        device_ids = status_updates.devices_with_batches(db)
    for device_id in device_ids:
        if device(db, device_id) is None:
            raise ReceiptError(
                "unknown_device", f"device {device_id[:80]!r} is not enrolled at this district"
            )
    written = []
    for device_id in dict.fromkeys(device_ids):
        document = make_updates(db, device_id, 0, limit=1_000_000_000)
        written.append(keys.write_json_atomic(updates_path(folder, device_id), document))
    return written


def read_updates_file(path: Path | str) -> dict:
    """The JSON of an updates file (its checks come with `apply_updates`)."""
    return read_signed_json(path, MAX_UPDATES_BYTES, "not_updates", "an updates file")


def apply_updates_in(db: Database, folder: Path | str, actor: str) -> AppliedUpdates | None:
    """Officer: apply this device's updates file in ``folder`` if the district left one
    there (None if not). Raises `ReceiptError` for a file that cannot be used."""
    identity = identity_as(db, "officer")
    if identity is None:
        return None
    path = updates_path(folder, identity.device_id)
    if not path.is_file():
        return None
    return apply_updates(db, read_updates_file(path), actor)
