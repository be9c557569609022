"""What the records list's search box finds, and how: the look-ups a typed text stands for.

Officers refer to people by name or address, by a NIK or part of one (the receipt slip shows
only the last four digits: ``•••• •••• •••• 0031``) and by the start of the registration's
id. `lookups` reads the text as one or more `Lookup`s, each the rowids the records list
filters by (`search_where`) and a query of its first hits (`first_hits_sql`):

- four or more digits (spaces, dots, dashes and a slip's bullets ignored): NIKs that start with
  them; with four to six digits also NIKs that end with them; with eight or more also NIKs
  that hold them anywhere, and ids that start with them;
- eight or more hexadecimal characters with a letter among them (dashes ignored, any case):
  ids that start with them;
- anything else: every word a prefix of a word of the name or the address (FTS5).

Each look-up reads a range of an index of its own (m013 in `models.migrations`): the NIK
index, the reversed NIK end, the NIK tails, the id's primary key index. Digits never go to
FTS5: as a prefix there they would merge the doclists of hundreds of thousands of distinct
NIK terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def nik_end(column: str = "nik") -> str:
    """The expression of the ``registrations_nik_end`` index: the NIK's last six
    characters, reversed. "Ends with 0031" is then the range of keys that start with "1300".
    A query must spell the expression the same way for SQLite to use the index."""
    return " || ".join(f"substr({column}, -{n}, 1)" for n in range(1, 7))


NIK_END = nik_end()

#: How many of the last digits `NIK_END` holds, and how many digits a search needs to look
#: anywhere inside a NIK (shorter ones would match too many to be of use).
END_DIGITS = 6
INSIDE_DIGITS = 8
TAIL_STRIDE = 4  # `nik_tails` holds the tails that start at every fourth character
ID_CHARACTERS = 8
_ID_GROUPS = (8, 4, 4, 4, 12)  # a UUID's hexadecimal groups, joined by dashes


@dataclass(frozen=True)
class Lookup:
    """One way a search matches registrations.

    ``rowids`` is a query of the rowids of the registrations it matches, deleted or not
    (the records list filters by them); ``source`` is the FROM and WHERE of its first hits,
    with the table as ``r`` and without the live-only condition (`first_hits_sql` adds it).
    Both take ``params``.
    """

    kind: str  # "id", "nik_end", "nik_start", "nik_inside" or "words"
    rowids: str
    source: str
    params: tuple[str | int, ...]


def nik_digits(text: str) -> str:
    """The digits of a search that is a NIK or part of one (four digits or more), else "".

    Spaces, dots and dashes between the digits are ignored, and so are the bullets of a NIK
    copied off a receipt slip (``•••• •••• •••• 0031``)."""
    digits = re.sub(r"[ .\-•]", "", text.strip())
    return digits if len(digits) >= 4 and re.fullmatch(r"[0-9]+", digits) else ""


def id_prefix(text: str) -> str:
    """The start of a registration id a search can be (8 to 32 hexadecimal characters,
    dashes typed or not), lower case and with the dashes where ids have them; else ""."""
    plain = text.strip().lower().replace("-", "")
    if not ID_CHARACTERS <= len(plain) <= sum(_ID_GROUPS) or re.search(r"[^0-9a-f]", plain):
        return ""
    groups, start = [], 0
    for size in _ID_GROUPS:
        if start < len(plain):
            groups.append(plain[start : start + size])
        start += size
    return "-".join(groups)


def fts_query(text: str) -> str:
    """Turn what a user types into an FTS5 query: every word must match as a prefix."""
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    return " AND ".join(f'"{w}"*' for w in words)


def _after(prefix: str) -> str:
    """The first string after every string that starts with ``prefix`` (which is ASCII)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _id(prefix: str) -> Lookup:
    return Lookup(
        "id", "SELECT rowid FROM registrations WHERE id >= ? AND id < ?",
        "registrations r WHERE r.id >= ? AND r.id < ?",
        (prefix, _after(prefix)),
    )  # fmt: skip


def _nik_start(digits: str) -> Lookup:
    return Lookup(
        "nik_start", "SELECT rowid FROM registrations WHERE nik >= ? AND nik < ?",
        "registrations r WHERE r.nik >= ? AND r.nik < ?",
        (digits, _after(digits)),
    )  # fmt: skip


def _nik_end(digits: str) -> Lookup:
    reversed_end = digits[::-1]
    return Lookup(
        "nik_end", f"SELECT rowid FROM registrations WHERE {NIK_END} >= ? AND {NIK_END} < ?",
        f"registrations r WHERE {nik_end('r.nik')} >= ? AND {nik_end('r.nik')} < ?",
        (reversed_end, _after(reversed_end)),
    )  # fmt: skip


def _nik_inside(digits: str) -> list[Lookup]:
    """NIKs that hold ``digits`` past their first character: the tails (every fourth
    start, see m013) that start with them, or with what follows their first one, two or
    three digits when the tail's lead ends with those."""
    found = []
    for lead in range(TAIL_STRIDE):
        key = digits[lead:]
        # CROSS JOIN keeps the tails as the outer loop, like the FTS look-up below.
        found.append(
            Lookup(
                "nik_inside",
                "SELECT registration FROM nik_tails"
                " WHERE tail >= ? AND tail < ? AND substr(lead, ?) = ?",
                "nik_tails t CROSS JOIN registrations r ON r.rowid = t.registration"
                " WHERE t.tail >= ? AND t.tail < ? AND substr(t.lead, ?) = ?",
                (key, _after(key), TAIL_STRIDE - lead, digits[:lead]),
            )
        )
    return found


def _words(query: str) -> Lookup:
    # CROSS JOIN keeps the FTS index as the outer loop: the planner otherwise walks every
    # registration and probes the index for each.
    return Lookup(
        "words",
        "SELECT rowid FROM registrations_fts WHERE registrations_fts MATCH ?",
        "registrations_fts f CROSS JOIN registrations r ON r.rowid = f.rowid"
        " WHERE registrations_fts MATCH ?",
        (query,),
    )


def lookups(text: str) -> list[Lookup]:
    """The look-ups of a search, most specific first (the order of the search's first
    hits): an id's start (eight digits or more may be one too); then a NIK's end (few
    people share their last digits, while the first four to six are a region's code that
    thousands share); then a NIK's start; then its inside. None for a blank text."""
    if digits := nik_digits(text):
        found = [_id(prefix)] if (prefix := id_prefix(digits)) else []
        if len(digits) <= END_DIGITS:
            found.append(_nik_end(digits))
        found.append(_nik_start(digits))
        if len(digits) >= INSIDE_DIGITS:
            found += _nik_inside(digits)
        return found
    if prefix := id_prefix(text):
        return [_id(prefix)]
    return [_words(query)] if (query := fts_query(text)) else []


def search_where(text: str) -> tuple[str, list]:
    """The condition (and its parameters) of the registrations a search matches, for the
    records list's filter; ("", []) for a blank search.

    It is one ``rowid IN (…)`` of every look-up's rowids, not an OR of their conditions:
    SQLite would walk every registration to test an OR of NIK, NIK-end and id ranges
    (600 ms at 500,000), while each look-up alone reads its own index."""
    found = lookups(text)
    if not found:
        return "", []
    union = " UNION ALL ".join(lookup.rowids for lookup in found)
    return f"rowid IN ({union})", [p for lookup in found for p in lookup.params]


def first_hits_sql(lookup: Lookup, columns: str) -> str:
    """A query of ``columns`` (of ``r``) of the first live hits of ``lookup``, its last
    parameter the limit. "+r.deleted" keeps SQLite on the look-up's index: without
    statistics it would rather walk an index on (deleted, …) over every registration."""
    return f"SELECT {columns} FROM {lookup.source} AND +r.deleted = 0 LIMIT ?"
