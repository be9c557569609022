"""Autosave of the form: what is typed goes into the database a second after the last change
and whenever the officer leaves a field, so a crash loses at most the field being typed; the
next start offers it back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from models import autosave
from models.autosave import Typing
from models.formatting import arg
from models.sqlite_driver import sqlite
from ui import dialogs


class FormAutosave(QObject):
    """Stores ``unsaved()`` (None: nothing to keep) in the autosave slot; tells ``failed``
    when the disk refuses it. When there is nothing to keep any more (the typing was
    deleted again), the slot is emptied, so the next start does not offer it back."""

    def __init__(
        self,
        parent: QWidget,
        db: Database,
        unsaved: Callable[[], Typing | None],
        failed: Callable[[str], None],
    ):
        super().__init__(parent)
        self._parent = parent  # asks its questions
        self.db = db
        self._unsaved = unsaved
        self._failed = failed
        self._timer = QTimer(self, singleShot=True, interval=1000)
        self._timer.timeout.connect(self.store_now)
        self._slot_filled = False  # whether the slot may hold typing of this form

    def schedule(self) -> None:
        """Store a moment from now (typing on restarts the wait)."""
        self._timer.start()

    def store_now(self) -> None:
        self._timer.stop()
        typed = self._unsaved()
        if typed is None:
            if self._slot_filled:
                self.clear()
            return
        try:
            autosave.store_typing(self.db, typed)
            self._slot_filled = True
        except sqlite.Error:
            self._failed(self.tr("Simpan otomatis gagal: periksa ruang disk."))

    def clear(self) -> None:
        self._timer.stop()
        try:
            autosave.clear(self.db)
            self._slot_filled = False
        except sqlite.Error:
            self._failed(self.tr("Simpan otomatis gagal: periksa ruang disk."))

    def offer_back(self) -> Typing | None:
        """What was being typed when the app last stopped, if the officer wants it back
        (what is not wanted is thrown away)."""
        kept = autosave.load_typing(self.db)
        if kept is None:
            return None
        self._slot_filled = True
        reg = kept.registration
        name = reg.full_name or reg.nik or self.tr("(tanpa nama)")
        if not dialogs.confirm(
            self._parent,
            self.tr("Pulihkan isian?"),
            arg(
                self.tr(
                    "Ada isian formulir yang belum disimpan dari sesi sebelumnya: %1. Pulihkan?"
                ),
                name,
            ),
            self.tr("Pulihkan"),
            self.tr("Buang"),
            default_yes=True,  # Enter keeps the typing: throwing it away must be chosen
        ):
            self.clear()
            return None
        return kept
