"""The manifest's rules: each one broken alone is named with its own reason, the first rule
broken is the one named, and building a batch keeps the same rules."""

from __future__ import annotations

import pytest

from exchange.batch_file import BatchRejected, canonical_json, parse_manifest
from tests.exchange.batch_helpers import BATCH_ID, CREATED_AT, DEVICE, write

RECIPIENT = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq"


def manifest(**changes) -> dict:
    valid = {
        "format": "jaring-batch/1",
        "batch_id": BATCH_ID,
        "device_id": DEVICE,
        "officer": "Budi Santoso",
        "seq": 2,
        "prev": "ab" * 32,
        "created_at": CREATED_AT,
        "record_count": 2,
        "payload_sha256": "cd" * 32,
        "stored_sha256": "ef" * 32,
        "encryption": "age-x25519",
        "recipient": RECIPIENT,
    }
    valid.update(changes)
    return {key: value for key, value in valid.items() if value is not None}


def reason(data: object) -> str:
    with pytest.raises(BatchRejected) as caught:
        parse_manifest(canonical_json(data))
    assert caught.value.code == "bad_manifest"
    prefix, suffix = "The batch's manifest is invalid: ", ". Ask the officer to export again."
    assert caught.value.message.startswith(prefix)
    assert caught.value.message.endswith(suffix)
    return caught.value.message[len(prefix) : -len(suffix)]


def test_a_valid_manifest_is_parsed():
    assert parse_manifest(canonical_json(manifest())) == manifest()
    first = manifest(seq=1, prev="", encryption="none", recipient="")
    assert parse_manifest(canonical_json(first)) == first


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"prev": None, "seq": None}, "it lacks prev, seq"),
        ({"a": 1, "b": 1, "c": 1, "d": 1}, "it has unknown fields 'a', 'b', 'c'"),
        ({"seq": True}, "seq is not a whole number"),
        ({"record_count": 2.0}, "record_count is not a whole number"),
        ({"officer": 5}, "officer is not a string"),
        ({"format": "jaring-batch/2"}, "its format 'jaring-batch/2' is not jaring-batch/1"),
        ({"format": "x" * 50}, f"its format {'x' * 40!r} is not jaring-batch/1"),
        ({"batch_id": BATCH_ID.upper()}, "batch_id is not a lower-case UUID"),
        ({"batch_id": "batch-1"}, "batch_id is not a lower-case UUID"),
        ({"device_id": "../etc"}, "device_id is not a valid device id"),
        ({"officer": " "}, "officer is empty"),
        ({"seq": 0}, "seq is below 1"),
        ({"seq": 1}, "prev must be empty for the first batch"),
        ({"prev": ""}, "prev is not the SHA-256 of the previous manifest"),
        ({"created_at": "yesterday"}, "created_at is not an ISO 8601 time"),
        ({"record_count": -1}, "record_count is negative"),
        ({"payload_sha256": "AB" * 32}, "payload_sha256 is not a SHA-256 in lower-case hex"),
        ({"stored_sha256": "ab"}, "stored_sha256 is not a SHA-256 in lower-case hex"),
        ({"encryption": "rot13"}, "encryption 'rot13' is unknown"),
        ({"recipient": "x"}, "recipient is not an age recipient"),
        (
            {"encryption": "none"},
            "recipient must be empty when the payload is not encrypted",
        ),
    ],
)
def test_each_rule_broken_alone_is_named(changes, expected):
    assert reason(manifest(**changes)) == expected


def test_not_an_object():
    assert reason(["format"]) == "it is not a JSON object"


def test_the_first_rule_broken_is_named():
    """Fields and types come before values, and values in the order of the rules."""
    assert reason(manifest(officer=5, format="other")) == "officer is not a string"
    assert reason(manifest(seq=0, format="other")) == ("its format 'other' is not jaring-batch/1")
    assert reason(manifest(record_count=-1, seq=0)) == "seq is below 1"
    assert reason(manifest(recipient="x", created_at="x")) == ("created_at is not an ISO 8601 time")


def test_a_batch_breaking_a_rule_is_not_built(tmp_path):
    with pytest.raises(ValueError, match=r"^cannot write this batch: officer is empty$"):
        write(tmp_path, officer=" ")
