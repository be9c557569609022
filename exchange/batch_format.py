"""What every part of a batch file shares: the member names and formats, the size limits,
the rejection codes with `BatchRejected`, and Jaring's one byte form of JSON.

The format itself is described in `exchange.batch_file`, the module the rest of the code
imports.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

FORMAT = "jaring-batch/1"
SUFFIX = ".jaring"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PAYLOAD_ENCRYPTED = "payload.jsonl.age"
PAYLOAD_PLAIN = "payload.jsonl"
ENCRYPTION_AGE = "age-x25519"
ENCRYPTION_NONE = "none"

MiB = 1024 * 1024
MAX_FILE_BYTES = 50 * MiB
MAX_PAYLOAD_BYTES = 200 * MiB
#: The manifest and the signature are a few hundred bytes; anything near this is not ours.
MAX_SMALL_MEMBER_BYTES = 64 * 1024
#: Jaring stores members uncompressed; a member claiming to expand more than this is a bomb.
MAX_COMPRESSION_RATIO = 100

#: Why a batch can be rejected, in the order `read_batch` checks. The codes are stable (the
#: UI and the import report use them); the English messages are for logs and the CLI.
REJECTION_CODES = (
    "not_a_batch",  # empty is "truncated"; anything else that is not a ZIP
    "truncated",  # looks like a ZIP but is incomplete or damaged (bad CRC, cut short)
    "too_large",  # file, declared member size, compression ratio or plaintext over a limit
    "bad_members",  # not exactly the expected members, or not the ZIP layout Jaring writes
    "not_encrypted",  # an unencrypted payload where unencrypted batches are not allowed
    "bad_manifest",  # manifest not canonical JSON, or fields missing, extra or mistyped
    "unknown_device",  # the device is not in the trust store, or was revoked
    "bad_signature",  # the manifest signature does not verify with the device key
    "payload_changed",  # stored or plaintext payload does not match the manifest's hash
    "wrong_recipient",  # encrypted to somebody else's age key
    "cannot_decrypt",  # no identity to decrypt with, or the age decryption failed
    "bad_records",  # malformed payload lines, unknown types, missing keys, count mismatch
)


class BatchRejected(Exception):
    """A batch file that failed verification: ``code`` is one of `REJECTION_CODES`,
    ``message`` a short English sentence saying what is wrong and what to do."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"BatchRejected({self.code!r}, {self.message!r})"


def canonical_json(value: object) -> bytes:
    """The one byte form Jaring gives a JSON value: UTF-8, sorted keys, no spaces, no NaN."""
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    found = dict(pairs)
    if len(found) != len(pairs):
        keys = [key for key, _ in pairs]
        raise ValueError(f"duplicate key {Counter(keys).most_common(1)[0][0]!r}")
    return found


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not allowed")


#: A JSON decoder that refuses duplicate keys and NaN/Infinity (raising ValueError), for
#: walking a text value by value with ``raw_decode``.
STRICT_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)


def strict_loads(data: bytes) -> object:
    """Parse JSON refusing duplicate keys and NaN/Infinity; every failure is a ValueError."""
    try:
        return json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constant,
        )
    except RecursionError as error:
        raise ValueError("nested too deeply") from error
