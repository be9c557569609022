"""Indonesian administrative regions (Kemendagri codes) from `resources/regions/`.

Provinces, regencies and kecamatan are small and read on first use. Villages (84,000 rows)
are read only for the one regency the app is configured for, by scanning the file for that
regency's prefix, so start-up never pays for the whole country.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from models.resources import resource_path


@dataclass(frozen=True)
class Region:
    """A named region: ``code`` is dotted (``62.08.01``), ``parent`` the enclosing code."""

    code: str
    parent: str
    name: str


def _read(path: Path) -> list[Region]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        return [Region(row[0], row[1] if len(row) > 2 else "", row[-1]) for row in reader]


def dotted_kecamatan(digits6: str) -> str:
    """``620801`` -> ``62.08.01`` (the first six digits of a NIK or KK)."""
    return f"{digits6[0:2]}.{digits6[2:4]}.{digits6[4:6]}"


class Regions:
    """Look-ups over the shipped region tables."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or resource_path("regions")

    @cached_property
    def provinces(self) -> dict[str, Region]:
        return {r.code: r for r in _read(self.folder / "provinces.csv")}

    @cached_property
    def regencies(self) -> dict[str, Region]:
        return {r.code: r for r in _read(self.folder / "regencies.csv")}

    @cached_property
    def kecamatan(self) -> dict[str, Region]:
        return {r.code: r for r in _read(self.folder / "districts.csv")}

    def regency_name(self, code: str) -> str:
        region = self.regencies.get(code)
        return region.name if region else ""

    def kecamatan_of(self, regency_code: str) -> list[Region]:
        """The kecamatan of one regency, in code order (without reading the whole country)."""
        return list(_rows_with_prefix(self.folder / "districts.csv", regency_code).values())

    def kecamatan_name(self, code: str) -> str:
        """Name of a kecamatan (``62.08.01`` -> ``Sukamara``), "" when unknown."""
        region = _rows_with_prefix(self.folder / "districts.csv", code[:5]).get(code)
        return region.name if region else ""

    def villages_of(self, regency_code: str) -> list[Region]:
        """The desa and kelurahan of one regency, in code order."""
        return list(self._villages_of(regency_code).values())

    def villages_in_kecamatan(self, kecamatan_code: str) -> list[Region]:
        return [v for v in self.villages_of(kecamatan_code[:5]) if v.parent == kecamatan_code]

    def village(self, code: str) -> Region | None:
        """The village with this code, or None (searched within its own regency)."""
        if len(code) < 5:
            return None
        return self._villages_of(code[:5]).get(code)

    def _villages_of(self, regency_code: str) -> dict[str, Region]:
        return _villages_by_regency(self.folder, regency_code)

    def kecamatan_known(self, code: str) -> bool:
        return code in self.kecamatan


@cache
def _villages_by_regency(folder: Path, regency_code: str) -> dict[str, Region]:
    return _rows_with_prefix(folder / "villages.csv", regency_code)


@cache
def _rows_with_prefix(path: Path, regency_code: str) -> dict[str, Region]:
    """The rows of a code-sorted region file whose code starts with the regency's.

    They are one run of lines: find its start and read on while the prefix holds, which
    takes a tenth of the time of parsing every line of the country.
    """
    data = path.read_text(encoding="utf-8")
    prefix = regency_code + "."
    found: dict[str, Region] = {}
    start = data.find("\n" + prefix)
    while start != -1:
        end = data.find("\n", start + 1)
        line = data[start + 1 : end if end != -1 else len(data)]
        if not line.startswith(prefix):
            break
        code, parent, name = next(csv.reader([line]))
        found[code] = Region(code, parent, name)
        start = end
    return found


@cache
def default_regions() -> Regions:
    """The shared region tables of this process."""
    return Regions()
