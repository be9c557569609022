"""The form's kecamatan and desa lists, from the region table of the regency in the
settings: a chosen kecamatan narrows the desa list, and a desa chosen from the whole
regency's list chooses its kecamatan (`models.entry` says when).

The desa list narrows to the chosen desa's kecamatan only once the officer leaves it: while
the desa is being typed ("s", "su", … "sungai r") every letter may choose another
kecamatan's desa, and the rest of the name must still be in the list.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QComboBox

from models.entry import kecamatan_of_village, village_fits
from models.regions import Regions
from ui.region_combos import fill_choices, villages_for
from ui.registration_form.fields import select
from ui.registration_form.keyboard import NOT_LEAVING


class PlacePickers(QObject):
    """Keeps the desa list in step with the kecamatan list."""

    def __init__(self, kecamatan: QComboBox, village: QComboBox, regions: Regions):
        super().__init__(village)
        self.kecamatan = kecamatan
        self.village = village
        self.regions = regions
        self.regency_code = ""
        self._whole_regency = False  # the desa list holds every desa of the regency
        village.installEventFilter(self)

    def fill(self, regency_code: str) -> None:
        """List the kecamatan and desa of ``regency_code``."""
        self.regency_code = regency_code
        self.kecamatan.blockSignals(True)
        fill_choices(self.kecamatan, "", self.regions.kecamatan_of(regency_code))
        self.kecamatan.blockSignals(False)
        self.fill_villages()

    def fill_villages(self) -> None:
        """List the desa of the chosen kecamatan (of the whole regency when none is)."""
        current = self.village.currentData()
        code = self.kecamatan.currentData()
        self._whole_regency = not code
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem("", "")
        for village in villages_for(self.regions, self.regency_code, code):
            kecamatan = self.regions.kecamatan_name(village.parent)
            where = f" ({kecamatan})" if kecamatan and not code else ""
            self.village.addItem(village.name + where, village.code)
        select(self.village, current)
        self.village.blockSignals(False)

    def kecamatan_chosen(self) -> None:
        village = self.village.currentData() or ""
        self.fill_villages()
        if not village_fits(village, self.kecamatan.currentData() or ""):
            select(self.village, "")

    def village_chosen(self) -> None:
        chosen_in = "" if self._whole_regency else self.kecamatan.currentData() or ""
        code = kecamatan_of_village(self.village.currentData() or "", chosen_in)
        if code is not None:
            self.kecamatan.blockSignals(True)
            select(self.kecamatan, code)
            self.kecamatan.blockSignals(False)
            if not self.village.hasFocus():
                self.fill_villages()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusOut
            and event.reason() not in NOT_LEAVING  # e.g. its own list opened
            and self._whole_regency
            and self.kecamatan.currentData()
        ):
            self.fill_villages()
        return False
