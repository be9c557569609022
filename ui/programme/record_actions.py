"""What the records list does for the programme's year on the selected registrations: a life
event, a KPJ card handover, a desa's handover ceremony (`RecordsPage`'s right-click menu).

A mixin of `ui.records_page.RecordsPage`, which has what these use: ``store``, ``regions``,
``regency_code``, the ``desa`` filter, ``model``, ``today``, ``selected_ids``, ``refresh`` and
the ``print_requested`` and ``events_recorded`` signals. Its texts keep the page's
translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.formatting import arg
from ui import dialogs
from ui.i18n.formats import thousands

translate = QCoreApplication.translate


class ProgrammeActions:
    """The life event and KPJ card actions of the records list."""

    def record_event(self) -> None:
        """A life event for the selected registrations (`ui.programme.life_event_dialog`)."""
        from models.identity import actor_name
        from ui.programme.life_event_dialog import LifeEventDialog

        ids = self.selected_ids()
        if not ids:
            return
        dialog = LifeEventDialog(self.store.db, ids, actor_name(self.store.db), self.today(),
                                 self)  # fmt: skip
        dialog.print_requested.connect(self.print_requested)
        self.event_dialog = dialog  # tests reach the open dialog here
        dialog.exec()
        self.event_dialog = None
        if dialog.recorded:
            self.refresh()
            self.events_recorded.emit()

    def record_card_handover(self) -> None:
        """The KPJ cards of the selected registrations were handed over: those without a
        KPJ are named by count and left out (`ui.programme.card_handover_dialog`)."""
        from models.card_handover import without_kpj

        ids = self.selected_ids()
        if not ids:
            return
        missing = set(without_kpj(self.store.db, ids))
        if missing:
            text = arg(
                translate("RecordsPage", "%1 dari %2 pendaftaran terpilih belum punya nomor KPJ"
                          " (belum terdaftar di BPJS Ketenagakerjaan): kartunya belum bisa"
                          " diserahkan."),
                thousands(len(missing)), thousands(len(ids)),
            )  # fmt: skip
            if len(missing) < len(ids):
                text += " " + arg(
                    translate("RecordsPage", "Penyerahan dicatat untuk %1 peserta lainnya."),
                    thousands(len(ids) - len(missing)),
                )
            dialogs.inform(self, translate("RecordsPage", "Kartu KPJ diserahkan"), text,
                           error=len(missing) == len(ids))  # fmt: skip
            if len(missing) == len(ids):
                return
        self._open_handover(ids=[rid for rid in ids if rid not in missing])

    def record_desa_handover(self, row: int = -1) -> None:
        """A desa's handover ceremony: the desa of the filter, else of the row clicked."""
        desa = self.desa.currentData() or ""
        if not desa and (reg := self.store.get(self.model.registration_id(row) or "")):
            desa = reg.village_code
        self._open_handover(regions=self.regions, regency_code=self.regency_code, desa=desa)

    def _open_handover(self, **choice) -> None:
        from models.identity import actor_name
        from ui.programme.card_handover_dialog import CardHandoverDialog

        dialog = CardHandoverDialog(self.store.db, actor_name(self.store.db), self.today(),
                                    parent=self, **choice)  # fmt: skip
        self.handover_dialog = dialog  # tests reach the open dialog here
        dialog.exec()
        self.handover_dialog = None
        if dialog.recorded:
            self.refresh()
