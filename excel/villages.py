"""Finding a desa and its kecamatan from what a village list writes: a name (case, space and
"Desa"/"Kel." tolerant, within the regency) or a Kemendagri code."""

from __future__ import annotations

import re
from functools import lru_cache

from excel.headers import words
from models.regions import Region, Regions

#: The error values Excel and LibreOffice store in a formula cell that failed.

_KECAMATAN_CODE = re.compile(r"^([0-9]{2})\.?([0-9]{2})\.?([0-9]{2})$")
_VILLAGE_CODE = re.compile(r"^([0-9]{2})\.?([0-9]{2})\.?([0-9]{2})\.?([0-9]{4})$")
_PLACE_WORDS = frozenset({"desa", "ds", "kelurahan", "kel", "kecamatan", "kec"})


@lru_cache(maxsize=4096)
def _place_key(text: str) -> str:
    found = words(text)
    while len(found) > 1 and found[0] in _PLACE_WORDS:
        found = found[1:]
    return "".join(found)


class VillageFinder:
    """Desa and kecamatan of one regency by name or code (``Natai Sedawak``, ``NATAI
    SEDAWAK``, ``Desa Natai Sedawak``, ``62.08.01.2001``, ``6208012001``)."""

    def __init__(self, regions: Regions, regency_code: str):
        self.kecamatan: dict[str, Region] = {}
        self.kecamatan_codes: set[str] = set()
        for kecamatan in regions.kecamatan_of(regency_code):
            self.kecamatan.setdefault(_place_key(kecamatan.name), kecamatan)
            self.kecamatan_codes.add(kecamatan.code)
        self.villages: dict[str, list[Region]] = {}
        self.village_parent: dict[str, str] = {}
        for village in regions.villages_of(regency_code):
            self.villages.setdefault(_place_key(village.name), []).append(village)
            self.village_parent[village.code] = village.parent

    def kecamatan_code(self, text: str) -> str | None:
        """The code of a kecamatan of the regency named or coded ``text``, else None."""
        if match := _KECAMATAN_CODE.match(text.replace(" ", "")):
            code = ".".join(match.groups())
            return code if code in self.kecamatan_codes else None
        found = self.kecamatan.get(_place_key(text))
        return found.code if found else None

    def village_code(self, text: str, kecamatan: str | None) -> tuple[str, str | None]:
        """(village code, problem code or None) for a desa named or coded ``text``,
        within ``kecamatan`` when one is known."""
        if match := _VILLAGE_CODE.match(text.replace(" ", "")):
            code = ".".join(match.groups())
            parent = self.village_parent.get(code)
            if kecamatan and parent and parent != kecamatan:
                return code, "village.not_in_kecamatan"
            return code, None  # validation judges codes outside the regency or unknown
        candidates = self.villages.get(_place_key(text), [])
        if kecamatan:
            inside = [v for v in candidates if v.parent == kecamatan]
            if not inside:
                return "", "village.not_in_kecamatan" if candidates else "village.unknown"
            candidates = inside
        if not candidates:
            return "", "village.unknown"
        if len(candidates) > 1:
            return "", "village.ambiguous"
        return candidates[0].code, None
