"""Filling the kecamatan and desa choosers from the region list, the same way on every page."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox

from models.regions import Region, Regions


def villages_for(regions: Regions, regency_code: str, kecamatan_code: str) -> list[Region]:
    """The villages of ``kecamatan_code``, or of the whole regency when it is empty."""
    if kecamatan_code:
        return regions.villages_in_kecamatan(kecamatan_code)
    return regions.villages_of(regency_code)


def fill_choices(combo: QComboBox, first: str, choices: Iterable[Region]) -> None:
    """Replace ``combo``'s items with ``first`` (meaning "any", data "") and the regions."""
    combo.clear()
    combo.addItem(first, "")
    for region in choices:
        combo.addItem(region.name, region.code)
