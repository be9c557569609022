"""Keys and the two small public documents that carry them between officer and district.

- Signing keys are Ed25519 (``cryptography``); officer devices sign their batch manifests,
  the district signs what it sends back. Public keys travel as PEM SubjectPublicKeyInfo,
  which ``openssl pkeyutl -verify -pubin -inkey key.pem -rawin`` reads as is.
- The district decrypts batches with an age X25519 identity (``pyrage``); officers encrypt to
  its recipient (``age1…``).
- Private keys are files in a `KeyStore` folder beside the database
  (``<db file stem>-keys/``, owner-only permissions). Nothing here or in
  `exchange.key_files` ever puts a private key into a dict, JSON document, exception
  message or log line.
- A **district profile** (district → officers) and an **enrolment** (officer → district) are
  JSON documents holding only public material and a short `fingerprint` that people compare
  on screen before trusting a key.

The private side (making and using a signing key, the key files) lives in
`exchange.key_files`; this module re-exports it, so callers import keys from here.

No Qt, no SQL: storing identities and the trust store is `models.identity`'s job.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import datetime
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyrage import x25519

from exchange.key_files import (
    KeyExists,
    KeyMissing,
    KeyStore,
    KeyStoreError,
    key_folder_for,
    new_signing_key,
    public_pem,
    sign,
)
from models.audit import now_iso
from models.files import write_atomically

PROFILE_FORMAT = "jaring-district-profile/1"
ENROLMENT_FORMAT = "jaring-enrolment/1"

PROFILE_FIELDS = (
    "format", "name", "regency_code", "target", "age_recipient", "signing_public_key_pem",
    "fingerprint", "created_at",
)  # fmt: skip
ENROLMENT_FIELDS = (
    "format", "device_id", "officer", "public_key_pem", "fingerprint", "created_at",
)  # fmt: skip

# Markers of private material; a public document holding one of them is refused outright.
_SECRET_MARKERS = ("PRIVATE KEY", "AGE-SECRET-KEY")
# Device ids name batch files (``<device>-<seq>.jaring``), so they must be safe in a path.
_DEVICE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,63}")
_REGENCY_CODE = re.compile(r"[0-9]{2}\.[0-9]{2}")
_MAX_TEXT = 200


# --- Ed25519 ------------------------------------------------------------------------------


def load_public_key(public_key_pem: str) -> Ed25519PublicKey:
    """Parse an Ed25519 public key from PEM SubjectPublicKeyInfo.

    Raises ValueError (without echoing the text, which might be a private key pasted by
    mistake) when it is not one.
    """
    if not isinstance(public_key_pem, str) or not public_key_pem.strip():
        raise ValueError("the public key is empty")
    if "PRIVATE KEY" in public_key_pem:
        raise ValueError("a private key was given where a public key belongs")
    try:
        key = serialization.load_pem_public_key(public_key_pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError, TypeError) as exc:
        raise ValueError("the public key is not a valid PEM public key") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("the public key is not an Ed25519 key")
    return key


def canonical_pem(public_key_pem: str) -> str:
    """``public_key_pem`` re-serialised, so that equal keys are equal strings."""
    key = load_public_key(public_key_pem)
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def fingerprint(public_key_pem: str) -> str:
    """A short fingerprint of an Ed25519 public key for people to compare on screen.

    SHA-256 of the raw 32-byte public key; its first 10 bytes (80 bits) in RFC 4648 base32,
    as four groups of four: ``"K7QX-2MDA-PL4R-ZT6N"``. Officer and district compute it with
    this same function, so a match on both screens means both hold the same key.
    """
    raw = load_public_key(public_key_pem).public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    text = base64.b32encode(hashlib.sha256(raw).digest()[:10]).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def verify(public_key_pem: str, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` is ``public_key_pem``'s signature of exactly ``data``."""
    try:
        load_public_key(public_key_pem).verify(signature, data)
    except InvalidSignature:
        return False
    return True


# --- age ----------------------------------------------------------------------------------


def check_age_recipient(recipient: str) -> str:
    """``recipient`` if it is an age X25519 recipient (``age1…``), else ValueError."""
    if not isinstance(recipient, str) or not recipient:
        raise ValueError("the age recipient is empty")
    if "AGE-SECRET-KEY" in recipient.upper():
        raise ValueError("an age secret key was given where the age recipient belongs")
    if not recipient.startswith("age1"):
        raise ValueError("the age recipient must start with 'age1'")
    try:
        x25519.Recipient.from_str(recipient)
    except pyrage.RecipientError as exc:
        raise ValueError(f"the age recipient is not valid ({exc})") from exc
    return recipient


# --- atomic files -------------------------------------------------------------------------


def write_json_atomic(path: Path | str, data: dict) -> Path:
    """Write ``data`` as indented UTF-8 JSON to ``path`` via a temporary file, fsync and
    rename, so a pulled USB stick never leaves a half file that looks whole; owner-only
    (0600), like every file the app writes."""
    path = Path(path)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return write_atomically(path, text.encode("utf-8"))


# --- district profile and enrolment -------------------------------------------------------


def make_district_profile(
    name: str, regency_code: str, target: int, age_recipient: str, signing_public_pem: str
) -> dict:
    """The district profile that officers load: who the district is, where batches are
    encrypted to, and the district's signing key with its fingerprint. ValueError when a
    value is not acceptable."""
    profile = {
        "format": PROFILE_FORMAT,
        "name": name.strip() if isinstance(name, str) else name,
        "regency_code": regency_code.strip() if isinstance(regency_code, str) else regency_code,
        "target": target,
        "age_recipient": age_recipient,
        "signing_public_key_pem": signing_public_pem,
        "fingerprint": _fingerprint_or_blank(signing_public_pem),
        "created_at": now_iso(),
    }
    return check_district_profile(profile)


def check_district_profile(profile: object) -> dict:
    """A validated copy of a district profile (its PEM canonical); ValueError naming the
    first field that is wrong."""
    data = _check_document(profile, PROFILE_FORMAT, PROFILE_FIELDS, "district profile")
    data["name"] = _check_text(data, "name", "district profile")
    code = data["regency_code"]
    if not isinstance(code, str) or not _REGENCY_CODE.fullmatch(code):
        raise ValueError("district profile: regency_code must look like '62.08'")
    target = data["target"]
    if not isinstance(target, int) or isinstance(target, bool) or target < 1:
        raise ValueError("district profile: target must be a whole number of at least 1")
    try:
        check_age_recipient(data["age_recipient"])
    except ValueError as exc:
        raise ValueError(f"district profile: age_recipient: {exc}") from exc
    data["signing_public_key_pem"] = _check_key(data, "signing_public_key_pem", "district profile")
    _check_created_at(data, "district profile")
    return data


def read_district_profile(path: Path | str) -> dict:
    """Read and validate the district profile file at ``path``."""
    return _read_document(path, check_district_profile, "district profile")


def make_enrolment(device_id: str, officer: str, public_key_pem: str) -> dict:
    """The enrolment an officer device sends to the district: its id, the officer, and its
    Ed25519 public key (``public_key_pem``) with the fingerprint. ValueError when a value
    is not acceptable."""
    enrolment = {
        "format": ENROLMENT_FORMAT,
        "device_id": device_id,
        "officer": officer.strip() if isinstance(officer, str) else officer,
        "public_key_pem": public_key_pem,
        "fingerprint": _fingerprint_or_blank(public_key_pem),
        "created_at": now_iso(),
    }
    return check_enrolment(enrolment)


def is_device_id(text: object) -> bool:
    """Whether ``text`` has the shape enrolment accepts for a device id (1-64 letters, digits
    or '-', such as a UUID): safe as part of a file name, no path in it."""
    return isinstance(text, str) and _DEVICE_ID.fullmatch(text) is not None


def check_enrolment(enrolment: object) -> dict:
    """A validated copy of an enrolment (its PEM canonical); ValueError naming the first
    field that is wrong."""
    data = _check_document(enrolment, ENROLMENT_FORMAT, ENROLMENT_FIELDS, "enrolment")
    device_id = data["device_id"]
    if not is_device_id(device_id):
        raise ValueError(
            "enrolment: device_id must be 1-64 letters, digits or '-' (such as a UUID)"
        )
    data["officer"] = _check_text(data, "officer", "enrolment")
    data["public_key_pem"] = _check_key(data, "public_key_pem", "enrolment")
    _check_created_at(data, "enrolment")
    return data


def read_enrolment(path: Path | str) -> dict:
    """Read and validate the enrolment file at ``path``."""
    return _read_document(path, check_enrolment, "enrolment")


def _fingerprint_or_blank(public_key_pem: str) -> str:
    """The fingerprint, or "" for a bad key so that the check names the field at fault."""
    try:
        return fingerprint(public_key_pem)
    except ValueError:
        return ""


def _read_document(path: Path | str, check, what: str) -> dict:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the {what}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a {what}: the file is not JSON") from exc
    try:
        return check(data)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from exc


def _check_document(data: object, format_: str, fields: tuple[str, ...], what: str) -> dict:
    """The checks every public document shares: a JSON object of the right format with
    exactly ``fields``, and nothing private anywhere in it."""
    if not isinstance(data, dict):
        raise ValueError(f"not a {what}: the JSON is not an object")
    if data.get("format") != format_:
        raise ValueError(f"not a {what}: format is {data.get('format')!r}, expected {format_!r}")
    text = json.dumps(data, default=str)
    if any(marker in text for marker in _SECRET_MARKERS):
        raise ValueError(f"{what}: holds private key material; refusing it (never share it)")
    missing = [field for field in fields if field not in data]
    if missing:
        raise ValueError(f"{what}: missing field {', '.join(missing)}")
    extra = sorted(set(data) - set(fields))
    if extra:
        raise ValueError(f"{what}: unexpected field {', '.join(extra)}")
    return {field: data[field] for field in fields}


def _check_text(data: dict, field: str, what: str) -> str:
    value = data[field]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what}: {field} must be a non-empty text")
    if len(value) > _MAX_TEXT or any(ord(c) < 32 for c in value):
        raise ValueError(f"{what}: {field} must be one line of at most {_MAX_TEXT} characters")
    return value.strip()


def _check_key(data: dict, field: str, what: str) -> str:
    try:
        pem = canonical_pem(data[field])
    except ValueError as exc:
        raise ValueError(f"{what}: {field}: {exc}") from exc
    if data["fingerprint"] != fingerprint(pem):
        raise ValueError(f"{what}: fingerprint does not match {field}")
    return pem


def _check_created_at(data: dict, what: str) -> None:
    value = data["created_at"]
    try:
        datetime.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what}: created_at must be an ISO 8601 time") from exc


__all__ = [
    "ENROLMENT_FIELDS",
    "ENROLMENT_FORMAT",
    "PROFILE_FIELDS",
    "PROFILE_FORMAT",
    "KeyExists",
    "KeyMissing",
    "KeyStore",
    "KeyStoreError",
    "canonical_pem",
    "check_age_recipient",
    "check_district_profile",
    "check_enrolment",
    "fingerprint",
    "is_device_id",
    "key_folder_for",
    "load_public_key",
    "make_district_profile",
    "make_enrolment",
    "new_signing_key",
    "public_pem",
    "read_district_profile",
    "read_enrolment",
    "sign",
    "verify",
    "write_json_atomic",
]
