"""Likely duplicates: people who may already be on the master list under another NIK.

The merge lists them for review and never merges them (ARCHITECTURE.md, "Merge at the district").
Two rules: the same name and birth date; or very similar names (difflib ratio of at least
0.88) in the same desa with the same birth year.

Comparing each new registration with everybody of its desa and birth year made five million
comparisons for 100,000 people (minutes), so similar names are compared only when they
share a *key*: the first word, the last word, or the consonants (vowels, ``y`` and doubled
letters dropped, spaces ignored), which still finds "Rizki"/"Rizky", "Muhammad Rizky"/
"Muhamad Rizki" and "Nurhasanah"/"Nur Hasanah". Two names that differ in a consonant of
every word ("Rahmat"/"Rahmad") are not compared: a limitation written down.

The index lives in memory for one import (it is loaded inside the first batch's
transaction) and follows every insert and update the import makes.
"""

from __future__ import annotations

import difflib
import re
import sys

from sqlite_utils import Database

SIMILAR_NAME = 0.88
SAME_NAME_AND_BIRTH = "same name and birth date"
SIMILAR_NAME_SAME_DESA = "similar name, same desa and birth year"

_NOT_CONSONANT = re.compile(r"[aeiouy\s]+")
_REPEATS = re.compile(r"(.)\1+")


def normal_name(name: str) -> str:
    """Lower case, single spaces: how names are compared."""
    return " ".join(name.lower().split())


def name_keys(name: str) -> set[str]:
    """The keys under which a (normalised) name meets names that may be similar."""
    words = name.split()
    if not words:
        return set()
    skeleton = _REPEATS.sub(r"\1", _NOT_CONSONANT.sub("", name))
    return {sys.intern("w:" + words[0]), sys.intern("w:" + words[-1]), sys.intern("c:" + skeleton)}


class LikelyDuplicates:
    """Live registrations by birth date and name, and by desa, birth year and name key.

    Kept small for 100,000 people: nested dictionaries instead of tuple keys, and the
    many repeated desa codes and birth dates shared through `sys.intern`.
    """

    def __init__(self) -> None:
        self.loaded = False
        self._current: dict[str, tuple[str, str, str, str]] = {}  # id -> nik, name, birth, desa
        # One id is stored as itself, more as a list (most names and keys are unique).
        self._by_birth: dict[str, dict[str, str | list[str]]] = {}  # birth -> name -> ids
        self._by_bucket: dict[str, dict[str, str | list[str]]] = {}  # desa|year -> key -> ids

    def ensure_loaded(self, db: Database) -> None:
        """Read every live registration once (call inside the merge's transaction)."""
        if self.loaded:
            return
        for row in db.execute(
            "SELECT id, nik, full_name, birth_date, village_code FROM registrations"
            " WHERE deleted = 0"
        ):
            self._add(*row)
        self.loaded = True

    def reset(self) -> None:
        """Forget everything (after a merge that rolled back); the next use reloads."""
        self.__init__()

    def track(self, row: dict) -> None:
        """Follow a registration the merge inserted or updated (tombstones leave)."""
        self._current.pop(row["id"], None)
        if not row["deleted"]:
            self._add(
                row["id"], row["nik"], row["full_name"], row["birth_date"], row["village_code"]
            )

    def _add(self, rid: str, nik: str, full_name: str, birth: str | None, desa: str) -> None:
        name = normal_name(full_name or "")
        birth, desa = sys.intern(birth or ""), sys.intern(desa or "")
        self._current[rid] = (nik or "", name, birth, desa)
        if not name or not birth:
            return
        _put(self._by_birth.setdefault(birth, {}), name, rid)
        if desa:
            bucket = self._by_bucket.setdefault(_bucket(desa, birth), {})
            for key in name_keys(name):
                _put(bucket, key, rid)

    def find(self, row: dict) -> list[tuple[str, str]]:
        """(id, reason) of live registrations that may be the person in ``row``."""
        name = normal_name(row["full_name"] or "")
        birth = row["birth_date"] or ""
        if not name or not birth:
            return []
        rid, nik, desa = row["id"], row["nik"], row["village_code"]
        found: dict[str, str] = {}
        for other in _ids(self._by_birth.get(birth, {}).get(name)):
            entry = self._current.get(other)
            if other != rid and entry and entry[0] != nik and entry[1:3] == (name, birth):
                found[other] = SAME_NAME_AND_BIRTH
        bucket = self._by_bucket.get(_bucket(desa, birth)) if desa else None
        if not bucket:
            return list(found.items())
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(name)  # compared with many: difflib caches the second sequence
        for key in name_keys(name):
            for other in _ids(bucket.get(key)):
                entry = self._current.get(other)
                if other == rid or other in found or not entry or entry[0] == nik:
                    continue
                if entry[3] != desa or entry[2][:4] != birth[:4]:
                    continue  # the registration moved since it was indexed
                matcher.set_seq1(entry[1])
                if (
                    matcher.real_quick_ratio() >= SIMILAR_NAME
                    and matcher.quick_ratio() >= SIMILAR_NAME
                    and matcher.ratio() >= SIMILAR_NAME
                ):
                    found[other] = SIMILAR_NAME_SAME_DESA
        return list(found.items())


def _bucket(desa: str, birth: str) -> str:
    return f"{desa}|{birth[:4]}"


def _put(index: dict[str, str | list[str]], key: str, rid: str) -> None:
    held = index.get(key)
    if held is None:
        index[key] = rid
    elif isinstance(held, str):
        index[key] = [held, rid]
    else:
        held.append(rid)


def _ids(held: str | list[str] | None) -> tuple[str, ...] | list[str]:
    if held is None:
        return ()
    return (held,) if isinstance(held, str) else held
