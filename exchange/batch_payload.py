"""The payload of a batch: the registrations and audit rows as JSON Lines, one
``{"type": ..., "data": {...}}`` object a line, registrations first, then the audit rows,
then the officer's life events (``life_event``, `models.life_events`). `encode_payload`
writes it, `decode_payload_lines` reads it back refusing anything Jaring would not write
(`decode_payload_parts` with the life events).
"""

from __future__ import annotations

from exchange.batch_format import STRICT_DECODER, BatchRejected, canonical_json

_BLANK = frozenset(" \t\r\n")


def _registration_problem(data: object, seen: set[str]) -> str | None:
    """Why a registration's data cannot travel in a batch, or None."""
    if not isinstance(data, dict):
        return "is not a JSON object"
    record_id = data.get("id")
    if "id" not in data:
        return "has no id"
    if not isinstance(record_id, str) or not record_id:
        return "has an id that is not a non-empty string"
    version = data.get("version")
    if "version" not in data:
        return f"({record_id}) has no version"
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return f"({record_id}) has a version that is not a whole number of at least 1"
    if record_id in seen:
        return f"({record_id}) appears twice"
    seen.add(record_id)
    return None


def encode_payload(
    records: list[dict], audit_rows: list[dict], life_events: list[dict] = ()
) -> bytes:
    """The plaintext payload: one ``{"type": "registration", "data": {...}}`` line for each
    record, then one ``{"type": "audit", "data": {...}}`` line for each audit row, then one
    ``{"type": "life_event", "data": {...}}`` line for each life event.

    Raises ValueError for a record without ``id`` or ``version``, a repeated ``id``, or a
    value JSON cannot hold.
    """
    lines = []
    seen: set[str] = set()
    parts = (("registration", records), ("audit", audit_rows), ("life_event", life_events))
    for kind, rows in parts:
        for number, data in enumerate(rows, start=1):
            if kind == "registration":
                problem = _registration_problem(data, seen)
            else:
                problem = None if isinstance(data, dict) else "is not a JSON object"
            if problem:
                raise ValueError(f"{kind} {number} {problem}")
            try:
                lines.append(canonical_json({"type": kind, "data": data}))
            except (TypeError, ValueError) as error:
                raise ValueError(f"{kind} {number} cannot be written as JSON: {error}") from error
    return b"".join(line + b"\n" for line in lines)


def decode_payload(data: bytes) -> tuple[list[dict], list[dict]]:
    """The registrations and audit rows of a plaintext payload, in file order.

    Raises `BatchRejected` (see `decode_payload_lines`).
    """
    records, audit_rows, _ = decode_payload_lines(data)
    return records, audit_rows


def decode_payload_lines(data: bytes) -> tuple[list[dict], list[dict], list[str]]:
    """The registrations, the audit rows and the audit rows' lines as they are written.

    Raises `BatchRejected` with code ``bad_records`` naming the first bad line: not UTF-8
    JSON, not an object of exactly ``type`` and ``data``, an unknown type, a registration
    without ``id`` or ``version``, a repeated id, a life event that is not an object, an
    empty or unfinished line.
    """
    records, audit_rows, audit_lines, _ = decode_payload_parts(data)
    return records, audit_rows, audit_lines


def decode_payload_parts(
    data: bytes,
) -> tuple[list[dict], list[dict], list[str], list[dict]]:
    """`decode_payload_lines` and the life events (each checked by the merge,
    `models.life_events.travelling_event`)."""
    text = _payload_text(data)
    records: list[dict] = []
    audit_rows: list[dict] = []
    audit_lines: list[str] = []
    life_events: list[dict] = []
    seen: set[str] = set()
    position, number = 0, 0
    while position < len(text):
        number += 1
        start = position
        kind, row, position = _line_value(text, position, number)
        if kind == "registration":
            problem = _registration_problem(row, seen)
            if problem:
                raise _bad_records(f"line {number}: the registration {problem}")
            records.append(row)
        elif kind == "audit":
            if type(row) is not dict:
                raise _bad_records(f"line {number}: the audit row is not a JSON object")
            audit_rows.append(row)
            audit_lines.append(text[start : position - 1])
        elif kind == "life_event":
            if type(row) is not dict:
                raise _bad_records(f"line {number}: the life event is not a JSON object")
            life_events.append(row)
        else:
            raise _bad_records(f"line {number} has an unknown type {str(kind)[:40]!r}")
    return records, audit_rows, audit_lines, life_events


def _bad_records(reason: str) -> BatchRejected:
    return BatchRejected(
        "bad_records", f"The batch's records are malformed: {reason}. Ask the officer."
    )


def _payload_text(data: bytes) -> str:
    """The payload as text, once it is UTF-8 and its last line is finished."""
    if data and not data.endswith(b"\n"):
        raise _bad_records("the last line is unfinished")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _bad_records(f"line {line} is not valid JSON (not UTF-8)") from None


def _line_value(text: str, position: int, number: int) -> tuple[object, object, int]:
    """The ``type`` and ``data`` of the line ``number`` starting at ``position``, and where
    the next line starts.

    One decoder walks the whole text value by value: a new json.loads per line cost more
    than the rest of reading a batch. JSON strings cannot hold a raw newline, so each value
    must end exactly where its line does.
    """
    if text[position] in _BLANK:
        end = text.find("\n", position)
        if not text[position:end].strip():
            raise _bad_records(f"line {number} is empty")
        raise _bad_records(f"line {number} is not valid JSON (it starts with white space)")
    start = position
    try:
        item, position = STRICT_DECODER.raw_decode(text, position)
    except (ValueError, RecursionError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else error
        raise _bad_records(f"line {number} is not valid JSON ({reason})") from None
    if text.find("\n", start, position) != -1:
        raise _bad_records(f"line {number} is not valid JSON (its value goes on to the next line)")
    if text[position] != "\n":
        raise _bad_records(f"line {number} is not valid JSON (something follows its value)")
    if type(item) is not dict or len(item) != 2 or "type" not in item or "data" not in item:
        raise _bad_records(f"line {number} is not an object with exactly 'type' and 'data'")
    return item["type"], item["data"], position + 1
