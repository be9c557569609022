"""A record received in an officer's batch, checked and turned into a `registrations` row.

The merge (`models.merge`) reads 100,000 records at a time, so this does what
``Registration.from_row(record).to_row()`` does, field by field and several times faster:
unknown keys are ignored (a newer version's fields), missing ones take their defaults, and
a value of the wrong type raises `MalformedRecord`, which refuses the whole batch.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from models.registration import FLAG_FIELDS, Registration


class MalformedRecord(ValueError):
    """A record in the batch cannot be a registration (wrong types, missing id/version)."""


def _defaults() -> dict:
    defaults = {}
    for f in dataclasses.fields(Registration):
        if f.default is not dataclasses.MISSING:
            defaults[f.name] = f.default
    defaults.update(id="", warnings_confirmed="", birth_date=None)
    return defaults


_DEFAULTS = _defaults()
_TEXT = tuple(f.name for f in dataclasses.fields(Registration) if f.type == "str")
_WHOLE = ("version", "contribution_months")
_FLAGS = FLAG_FIELDS
_SMALLEST, _LARGEST = -(2**63), 2**63 - 1  # what an SQLite integer holds


def incoming_row(record: dict) -> dict:
    """The `registrations` row a received record becomes (what ``Registration.from_row(r)
    .to_row()`` makes, checked field by field and several times faster); unknown keys are
    ignored, missing ones take their defaults. Raises `MalformedRecord`."""
    if not isinstance(record, dict):
        raise MalformedRecord("a record that is not an object")
    rid = record.get("id")
    if not isinstance(rid, str) or not rid:
        raise MalformedRecord("record without an id")
    row = {**_DEFAULTS, **record}
    if len(row) != len(_DEFAULTS):  # unknown keys (a newer version's fields) are ignored
        row = {k: row[k] for k in _DEFAULTS}
    _check_texts_and_numbers(row, rid)
    _normalise_flags_dates_confirmations(row, rid)
    return row


def _check_texts_and_numbers(row: dict, rid: str) -> None:
    """Texts are text (None becomes ""); version, months and income are whole numbers an
    SQLite integer holds (income may be None); the version is at least 1."""
    for name in _TEXT:
        value = row[name]
        if value is None:
            row[name] = ""
        elif type(value) is not str:
            raise MalformedRecord(f"record {rid}: {name} is not text")
    for name in _WHOLE:
        if type(row[name]) is not int or not _SMALLEST <= row[name] <= _LARGEST:
            raise MalformedRecord(f"record {rid}: {name} is not a whole number")
    if row["version"] < 1:
        raise MalformedRecord(f"record {rid} without a valid version")
    income = row["monthly_income"]
    if income is not None and (type(income) is not int or not _SMALLEST <= income <= _LARGEST):
        raise MalformedRecord(f"record {rid}: monthly_income is not a whole number")


def _normalise_flags_dates_confirmations(row: dict, rid: str) -> None:
    """Flags become 0 or 1, the birth date ISO text or None, the confirmed warnings one
    sorted comma-separated text without repeats, as `Registration.to_row` stores them."""
    for name in _FLAGS:
        if type(row[name]) not in (bool, int):
            raise MalformedRecord(f"record {rid}: {name} is not true or false")
        row[name] = int(bool(row[name]))
    birth = row["birth_date"]
    if birth:
        try:
            row["birth_date"] = date.fromisoformat(birth).isoformat()
        except (TypeError, ValueError) as exc:
            raise MalformedRecord(f"record {rid}: birth_date {birth!r} is not a date") from exc
    else:
        row["birth_date"] = None
    confirmed = row["warnings_confirmed"] = row["warnings_confirmed"] or ""
    if type(confirmed) is not str:
        raise MalformedRecord(f"record {rid}: warnings_confirmed is not text")
    if confirmed:
        row["warnings_confirmed"] = ",".join(sorted({c for c in confirmed.split(",") if c}))
