"""The manifest of a batch: its fields (`MANIFEST_FIELDS`), the rules its values follow
(`manifest_problem`, used both when a batch is built and when one is read), and parsing the
signed bytes of a manifest (`parse_manifest`).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import datetime

from exchange.batch_format import (
    ENCRYPTION_AGE,
    ENCRYPTION_NONE,
    FORMAT,
    BatchRejected,
    canonical_json,
    strict_loads,
)

#: The manifest's keys and their JSON types; no other key is allowed.
MANIFEST_FIELDS: dict[str, type] = {
    "format": str,
    "batch_id": str,
    "device_id": str,
    "officer": str,
    "seq": int,
    "prev": str,
    "created_at": str,
    "record_count": int,
    "payload_sha256": str,
    "stored_sha256": str,
    "encryption": str,
    "recipient": str,
}

_HEX64 = re.compile(r"[0-9a-f]{64}")
_DEVICE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def _is_uuid(text: str) -> bool:
    """Whether ``text`` is a UUID written as `uuid` writes one (lower case, with hyphens)."""
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def _is_iso_time(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


#: The rules of the values, checked in this order once every field is there with its type:
#: (the field, whether the manifest keeps the rule, why not). ``{value}`` in a reason is
#: the field's value (its first 40 characters, quoted).
_VALUE_RULES: tuple[tuple[str, Callable[[dict], object], str], ...] = (
    ("format", lambda m: m["format"] == FORMAT, f"its format {{value}} is not {FORMAT}"),
    ("batch_id", lambda m: _is_uuid(m["batch_id"]), "batch_id is not a lower-case UUID"),
    (
        "device_id",
        lambda m: _DEVICE_ID.fullmatch(m["device_id"]),
        "device_id is not a valid device id",
    ),
    ("officer", lambda m: m["officer"].strip(), "officer is empty"),
    ("seq", lambda m: m["seq"] >= 1, "seq is below 1"),
    ("prev", lambda m: m["seq"] != 1 or m["prev"] == "", "prev must be empty for the first batch"),
    (
        "prev",
        lambda m: m["seq"] == 1 or _HEX64.fullmatch(m["prev"]),
        "prev is not the SHA-256 of the previous manifest",
    ),
    ("created_at", lambda m: _is_iso_time(m["created_at"]), "created_at is not an ISO 8601 time"),
    ("record_count", lambda m: m["record_count"] >= 0, "record_count is negative"),
    (
        "payload_sha256",
        lambda m: _HEX64.fullmatch(m["payload_sha256"]),
        "payload_sha256 is not a SHA-256 in lower-case hex",
    ),
    (
        "stored_sha256",
        lambda m: _HEX64.fullmatch(m["stored_sha256"]),
        "stored_sha256 is not a SHA-256 in lower-case hex",
    ),
    (
        "encryption",
        lambda m: m["encryption"] in (ENCRYPTION_AGE, ENCRYPTION_NONE),
        "encryption {value} is unknown",
    ),
    (
        "recipient",
        lambda m: m["encryption"] != ENCRYPTION_AGE or m["recipient"].startswith("age1"),
        "recipient is not an age recipient",
    ),
    (
        "recipient",
        lambda m: m["encryption"] != ENCRYPTION_NONE or m["recipient"] == "",
        "recipient must be empty when the payload is not encrypted",
    ),
)


def _shape_problem(manifest: object) -> str | None:
    """Why a parsed manifest is not an object of exactly the fields of `MANIFEST_FIELDS`
    with their types, or None."""
    if not isinstance(manifest, dict):
        return "it is not a JSON object"
    missing = sorted(set(MANIFEST_FIELDS) - set(manifest))
    if missing:
        return f"it lacks {', '.join(missing)}"
    extra = sorted(set(manifest) - set(MANIFEST_FIELDS))
    if extra:
        return f"it has unknown fields {', '.join(repr(k[:40]) for k in extra[:3])}"
    for key, kind in MANIFEST_FIELDS.items():
        value = manifest[key]
        if isinstance(value, bool) or not isinstance(value, kind):
            return f"{key} is not a {'whole number' if kind is int else 'string'}"
    return None


def manifest_problem(manifest: object) -> str | None:
    """Why a parsed manifest is not a valid one (the first rule it breaks), or None."""
    problem = _shape_problem(manifest)
    if problem:
        return problem
    for key, keeps_rule, reason in _VALUE_RULES:
        if not keeps_rule(manifest):
            return reason.format(value=repr(str(manifest[key])[:40]))
    return None


def parse_manifest(data: bytes) -> dict:
    """The manifest in ``data``, which must be valid and in canonical form (so a signature
    over it means one thing only). Raises `BatchRejected` with code ``bad_manifest``."""

    def reject(reason: str) -> BatchRejected:
        return BatchRejected(
            "bad_manifest",
            f"The batch's manifest is invalid: {reason}. Ask the officer to export again.",
        )

    try:
        manifest = strict_loads(data)
    except ValueError as error:
        raise reject(f"it is not valid JSON ({error})") from None
    problem = manifest_problem(manifest)
    if problem:
        raise reject(problem)
    if canonical_json(manifest) != data:
        raise reject("it is not in the canonical form Jaring writes")
    return manifest
