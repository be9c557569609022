"""Receipts: the district office's signed word that it imported an officer's batches.

A receipt names one officer device and every batch the district holds from it (number,
batch id, manifest hash, when it was imported), signed with the district's Ed25519 key.
The district writes it next to the batch files it imported (the same USB stick or shared
folder, ``<device>.receipt.json``); back on the officer's laptop it is verified against the
district profile the device was set up with, and the batch history then shows which
batches the district acknowledged. A receipt names only what the district really holds:
a batch that is not in it has not arrived.

File: UTF-8 JSON ``{"receipt": {...}, "signature": "<base64>"}``; the signature covers
``canonical_json(receipt)``, so the file's spacing does not matter.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from pathlib import Path

from sqlite_utils import Database

from exchange import keys
from exchange.batch_file import canonical_json
from exchange.enrolment import own_signing_key
from models import merge, status_updates
from models.audit import now_iso
from models.batches import Acknowledgement
from models.identity import Identity, identity_as, require_role

RECEIPT_FORMAT = "jaring-receipt-1"
SUFFIX = ".receipt.json"
MAX_RECEIPT_BYTES = 8 * 1024 * 1024
_FIELDS = ("format", "district", "district_fingerprint", "device_id", "issued_at", "batches")
_SHA256 = re.compile(r"[0-9a-f]{64}")


class ReceiptError(Exception):
    """A receipt that cannot be used; ``code`` is stable, the message says why."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def receipt_path(folder: Path | str, device_id: str) -> Path:
    return Path(folder) / f"{device_id}{SUFFIX}"


# --- district ------------------------------------------------------------------------------


def make_receipt(db: Database, device_id: str) -> dict:
    """The signed receipt for one device: every batch imported from it so far."""
    identity = require_role(
        db, "district", "only the district office writes receipts", error=ReceiptError
    )
    receipt = {
        "format": RECEIPT_FORMAT,
        "district": identity.name,
        "district_fingerprint": identity.fingerprint,
        "device_id": device_id,
        "issued_at": now_iso(),
        "batches": merge.imported_from(db, device_id),
    }
    signature = keys.sign(own_signing_key(db), canonical_json(receipt))
    return {"receipt": receipt, "signature": base64.b64encode(signature).decode("ascii")}


def write_receipts(db: Database, folder: Path | str, device_ids: list[str]) -> list[Path]:
    """Write (or replace) the receipt of each device into ``folder``; OSError when the folder
    cannot be written (a full or read-only stick): receipts already written stay whole."""
    return [
        keys.write_json_atomic(receipt_path(folder, device), make_receipt(db, device))
        for device in dict.fromkeys(device_ids)
    ]


# --- officer -------------------------------------------------------------------------------


def officer_with_profile(db: Database, message: str) -> Identity:
    """This officer device's identity, with the district profile its answers verify with;
    `ReceiptError` ``not_officer`` (``message``) elsewhere."""
    identity = require_role(db, "officer", message, error=ReceiptError)
    if not identity.district_profile:
        raise ReceiptError("not_officer", message)
    return identity


def read_signed_json(path: Path | str, limit: int, code: str, what: str) -> object:
    """The JSON of a small file the district signed (a receipt, an updates file), read
    whole up to ``limit`` bytes; `ReceiptError` ``unreadable`` or ``code`` otherwise."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            raw = stream.read(limit + 1)
    except OSError as exc:
        raise ReceiptError("unreadable", f"{path}: cannot read it: {exc.strerror or exc}") from exc
    if len(raw) > limit:
        raise ReceiptError(code, f"{path}: too large for {what}")
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ReceiptError(code, f"{path}: not {what} (not JSON)") from exc


def read_receipt(path: Path | str) -> dict:
    """Read a receipt file and check its shape (not yet its signature)."""
    document = read_signed_json(path, MAX_RECEIPT_BYTES, "not_receipt", "a receipt")
    problem = _shape_problem(document)
    if problem:
        raise ReceiptError("not_receipt", f"{path}: not a receipt ({problem})")
    return document


def _shape_problem(document: object) -> str | None:
    if not isinstance(document, dict) or set(document) != {"receipt", "signature"}:
        return "expected 'receipt' and 'signature'"
    receipt = document["receipt"]
    if not isinstance(receipt, dict) or set(receipt) != set(_FIELDS):
        return "wrong fields"
    if receipt["format"] != RECEIPT_FORMAT:
        return f"format {receipt['format']!r}"
    if not isinstance(document["signature"], str) or not all(
        isinstance(receipt[f], str) for f in _FIELDS if f != "batches"
    ):
        return "a field that should be text is not"
    entries = receipt["batches"]
    if not isinstance(entries, list):
        return "batches is not a list"
    for entry in entries:
        if (
            not isinstance(entry, dict)
            or set(entry) != {"seq", "batch_id", "manifest_sha256", "imported_at"}
            or type(entry["seq"]) is not int
            or not isinstance(entry["batch_id"], str)
            or not isinstance(entry["imported_at"], str)
            or not _SHA256.fullmatch(str(entry["manifest_sha256"]))
        ):
            return "a batch entry is malformed"
    try:
        canonical_json(receipt)  # what the signature covers must exist (no lone surrogates)
    except (UnicodeEncodeError, ValueError):
        return "a text that is not Unicode"
    return None


def apply_receipt(db: Database, document: dict) -> Acknowledgement:
    """Verify a receipt with the district's key from this device's profile and record what
    it acknowledges. Raises `ReceiptError` (nothing recorded) when it is not this device's
    or not the district's."""
    identity = officer_with_profile(db, "only an officer's device reads receipts")
    problem = _shape_problem(document)
    if problem:
        raise ReceiptError("not_receipt", f"not a receipt ({problem})")
    receipt = document["receipt"]
    try:
        signature = base64.b64decode(document["signature"], validate=True)
    except (binascii.Error, ValueError):
        signature = b""
    district_pem = identity.district_profile["signing_public_key_pem"]
    if not keys.verify(district_pem, canonical_json(receipt), signature):
        raise ReceiptError(
            "bad_signature",
            "the receipt is not signed by this device's district office (or was changed)",
        )
    if receipt["device_id"] != identity.device_id:
        raise ReceiptError("other_device", "the receipt is for another officer's device")
    # What left in an acknowledged batch and was not changed since becomes "received".
    return status_updates.acknowledge_received(db, receipt["batches"], identity.name)


def apply_receipt_in(db: Database, folder: Path | str) -> Acknowledgement | None:
    """Read this device's receipt in ``folder`` if the district left one there (None if
    not). Raises `ReceiptError` for a receipt that cannot be used."""
    identity = identity_as(db, "officer")
    if identity is None:
        return None
    path = receipt_path(folder, identity.device_id)
    if not path.is_file():
        return None
    return apply_receipt(db, read_receipt(path))
