"""The payload of a batch: its JSON Lines written and read back, and every malformed line
named."""

from __future__ import annotations

import pytest

from exchange.batch_file import BatchRejected, decode_payload, decode_payload_lines, encode_payload
from tests.exchange.batch_helpers import AUDIT, records


def test_payload_lines():
    payload = encode_payload(records(), AUDIT)
    lines = payload.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith(b'{"data":{') and lines[0].endswith(b'"type":"registration"}')
    assert lines[3].endswith(b'"type":"audit"}')
    assert "Dewi Ayu Ratnasari – Sukamara".encode() in payload
    assert decode_payload(payload) == (records(), AUDIT)
    assert encode_payload([], []) == b""
    assert decode_payload(b"") == ([], [])
    _, _, audit_lines = decode_payload_lines(payload)
    assert [line.encode() for line in audit_lines] == lines[2:]


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b'{"type":"registration","data":{"id":"r1","version":1}}', "unfinished"),
        (b"\n", "line 1 is empty"),
        (b"[1, 2]\n", "exactly 'type' and 'data'"),
        (b'{"type":"audit"}\n', "exactly 'type' and 'data'"),
        (b'{"type":"audit","data":{},"x":1}\n', "exactly 'type' and 'data'"),
        (b'{"type":"audit","data":[]}\n', "audit row"),
        (b'{"type":"photo","data":{}}\n', "unknown type"),
        (b'{"type":"registration","data":{"version":1}}\n', "no id"),
        (b'{"type":"registration","data":{"id":"","version":1}}\n', "id"),
        (b'{"type":"registration","data":{"id":"r1"}}\n', "no version"),
        (b'{"type":"registration","data":{"id":"r1","version":"2"}}\n', "version"),
        (b'{"type":"registration","data":{"id":"r1","version":0}}\n', "version"),
        (
            b'{"type":"registration","data":{"id":"r1","version":1}}\n'
            b'{"type":"registration","data":{"id":"r1","version":2}}\n',
            "line 2: the registration (r1) appears twice",
        ),
        (b'{"type":"audit","data":{"a":NaN}}\n', "NaN"),
        (b'{"type":"audit","type":"audit","data":{}}\n', "duplicate key"),
        (b'{"type":"audit","data":{"a":"\xff"}}\n', "line 1 is not valid JSON"),
        (b'{"type":"audit","data":' + b"[" * 50000 + b"]" * 50000 + b"}\n", "deeply"),
        (b'{"type":"audit","data":{}} \n', "line 1 is not valid JSON (something follows"),
        (b'{"type":"audit","data":{}}{"type":"audit","data":{}}\n', "something follows"),
        (b' {"type":"audit","data":{}}\n', "starts with white space"),
        (b'{"type":"audit","data":{}}\n  \n', "line 2 is empty"),
        (
            b'{"type":"audit","data":{}}\n{"type":"audit","data":{"x":"\xc3\xa9\xff"}}\n',
            "line 2 is not valid JSON (not UTF-8)",
        ),
        # Two lines that would make one value if they were read as one text.
        (b'{"type":"audit","data":{"x":"\n"}}\n', "line 1 is not valid JSON"),
        (b'{"type":"audit","data":{"x":[1,\n2]}}\n', "line 1 is not valid JSON"),
    ],
)
def test_malformed_payloads_are_named(payload, reason):
    with pytest.raises(BatchRejected) as caught:
        decode_payload(payload)
    assert caught.value.code == "bad_records"
    assert reason in caught.value.message
