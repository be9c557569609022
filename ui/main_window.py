"""The main window: the dashboard (first), the records list and the registration form, the
pages of the installation's role, menus (`ui.main_menus`) and status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget

from models.dashboard import counted_registrations
from models.db import database_path
from models.formatting import arg
from models.identity import actor_name, load_identity
from models.regions import Regions, default_regions
from models.settings import Settings, load_settings, save_settings
from models.sqlite_driver import sqlite
from models.store import DuplicateNik, RegistrationStore
from ui import dialogs, window_state
from ui.dashboard_page import DashboardPage
from ui.i18n.formats import thousands
from ui.main_menus import build_menus
from ui.records_page import RecordsPage
from ui.registration_form import RegistrationForm
from ui.settings_dialog import settings_dialog
from ui.window_protection import WindowProtection

if TYPE_CHECKING:
    from ui.excel_import_page import ExcelImportDialog, KpjImport


class MainWindow(QMainWindow):
    def __init__(self, db, settings: Settings, regions: Regions | None = None):
        super().__init__()
        self.db = db
        self.settings = settings
        self.regions = regions or default_regions()
        self.store = RegistrationStore(db)
        self._last_deleted = ""
        self.kpj_import: KpjImport | None = None  # made when first used
        self.setWindowTitle(self.tr("Jaring — pendaftaran pekerja rentan ke BPJS Ketenagakerjaan"))

        self.records = RecordsPage(self.store, settings.regency_code, self.regions)
        self.form = RegistrationForm(db, self.store, settings, self.regions)
        self.dashboard = DashboardPage(db, self.regions)
        self.tabs = QTabWidget(objectName="tabs")
        self.tabs.addTab(self.dashboard, self.tr("Dasbor"))
        self.tabs.addTab(self.records, self.tr("Daftar pekerja"))
        self.tabs.addTab(self.form, self.tr("Formulir pendaftaran"))
        self.setCentralWidget(self.tabs)
        self._add_exchange_tabs()

        self.dashboard.filter_requested.connect(self.show_filtered_records)
        self.records.open_requested.connect(self.open_registration)
        self.records.new_requested.connect(self.new_registration)
        self.records.delete_requested.connect(self.delete_registration)
        self.form.saved.connect(self._saved)
        self.form.open_requested.connect(self.open_registration)
        self.form.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.records.print_requested.connect(self.print_request)
        self.records.events_recorded.connect(self._registrations_changed)
        self.dashboard.print_requested.connect(self.print_request)
        self.form.print_requested.connect(self.print_request)

        self.progress_label = QLabel(objectName="progress_label")
        self.statusBar().addPermanentWidget(self.progress_label)
        menus = build_menus(self)
        self.send_action, self.undo_delete_action = menus.send_action, menus.undo_delete_action
        self.protection = WindowProtection(self)  # badge or idle lock, backup reminder
        self._update_status()
        self.ui_state = QSettings()
        window_state.place_window(self, self.ui_state)
        self._restore_columns()

    def _restore_columns(self, root=None) -> None:
        for view in window_state.remembered_tables(root or self):
            window_state.restore_columns(view, self.ui_state)

    def _remember_layout(self) -> None:
        """The window's geometry and every table's column widths, for the next start."""
        window_state.remember_window(self, self.ui_state)
        for view in window_state.remembered_tables(self):
            window_state.remember_columns(view, self.ui_state)
        self.ui_state.sync()

    def _add_exchange_tabs(self) -> None:
        """Officers get their batches; the district office its import, conflicts and
        trust store. A database set up for neither gets the page that sets it up."""
        identity = load_identity(self.db)
        self.batches = self.import_page = self.trust_page = self.conflicts_page = None
        self.setup_page = None
        path = database_path(self.db)
        actor = actor_name(self.db)
        # Each role's pages (and the crypto and batch code behind them) load only for it.
        if identity is None:
            from ui.setup_page import SetupPage

            self.setup_page = SetupPage(self.db, self.settings, self.regions)
            self.setup_page.configured.connect(self._configured)
            self.tabs.addTab(self.setup_page, self.tr("Pertukaran data"))
        elif identity.role == "officer":
            from ui.batches_page import BatchesPage

            self.batches = BatchesPage(self.db, path)
            self.batches.synced.connect(self._registrations_changed)
            self.tabs.addTab(self.batches, self.tr("Batch kirim"))
        elif identity.role == "district":
            from ui.conflicts_page import ConflictsPage
            from ui.import_page import ImportPage
            from ui.trust_page import TrustPage

            self.import_page = ImportPage(self.db, path, actor)
            self.conflicts_page = ConflictsPage(self.db, actor)
            self.conflicts_page.resolved.connect(self._registrations_changed)
            self.trust_page = TrustPage(self.db, actor)
            self.tabs.addTab(self.import_page, self.tr("Impor batch"))
            self.tabs.addTab(self.conflicts_page, self.tr("Konflik"))
            self.tabs.addTab(self.trust_page, self.tr("Perangkat petugas"))
            self.import_page.table.model().modelReset.connect(self._after_import)

    def _configured(self) -> None:
        """Set-up done: the role's own pages replace the set-up page, and everything that
        shows the settings (which the set-up may have changed) looks again."""
        page = self.setup_page
        first_new = self.tabs.indexOf(page)
        self.tabs.removeTab(first_new)
        page.deleteLater()
        self.settings = load_settings(self.db)
        self.form.set_settings(self.settings)
        self.records.set_regency(self.settings.regency_code)
        self.dashboard.mark_stale()
        self._add_exchange_tabs()
        self.send_action.setVisible(self.batches is not None)
        self.tabs.setCurrentIndex(first_new)
        self._update_status()
        for page in (self.batches, self.import_page, self.conflicts_page, self.trust_page):
            if page is not None:
                self._restore_columns(page)

    def print_request(self, request) -> None:
        """Open the print dialog for what a page asked to print."""
        from ui.print_dialog import open_print_dialog

        open_print_dialog(self, self.db, database_path(self.db), request)

    def print_current(self) -> None:
        """Ctrl+P: the open registration's form, or the forms selected in the list."""
        from ui.printing.request import FORMS

        if self.tabs.currentWidget() is self.form:
            self.form.print_this(FORMS)
        else:
            self.records.print_selected_forms()

    def _after_import(self) -> None:
        self._registrations_changed()
        if self.conflicts_page is not None:
            self.conflicts_page.refresh()

    def show_filtered_records(self, record_filter) -> None:
        """A dashboard figure was clicked: the records list, filtered to it."""
        self.records.show_dashboard_filter(record_filter)
        self.tabs.setCurrentWidget(self.records)

    def _registrations_changed(self) -> None:
        """Everything that shows registrations looks again."""
        self.dashboard.mark_stale()
        self.records.refresh()
        self._update_status()
        if self.batches is not None:
            self.batches.refresh()

    def send_to_district(self) -> None:
        """The menu's "Kirim ke kabupaten": the batch page does it, in view."""
        if self.batches is not None:
            self.tabs.setCurrentWidget(self.batches)
            self.batches.send()

    def _update_status(self) -> None:
        regency = self.regions.regency_name(self.settings.regency_code).title()
        who = actor_name(self.db)
        progress = arg(
            self.tr("%1 terhitung dari target %2"),
            thousands(counted_registrations(self.db)),
            thousands(self.settings.target),
        )
        self.progress_label.setText(" · ".join(part for part in (who, regency, progress) if part))

    # --- actions -------------------------------------------------------------------

    def _form_may_be_replaced(self) -> bool:
        """Ask what to do with unsaved typing before the form shows something else."""
        if not self.form.is_dirty():
            return True
        self.tabs.setCurrentWidget(self.form)
        answer = dialogs.ask(
            self,
            dialogs.Question(
                self.tr("Isian belum disimpan"),
                self.tr("Formulir berisi isian yang belum disimpan."),
                [
                    ("draft", self.tr("Simpan sebagai draf")),
                    ("discard", self.tr("Buang")),
                    ("cancel", self.tr("Batal")),
                ],
                default="draft",
                escape="cancel",
            ),
        )
        if answer == "draft":
            return self.form.save(draft=True)
        if answer == "discard":
            self.form.forget_typing()
            return True
        return False

    def new_registration(self) -> None:
        if self._form_may_be_replaced():
            self.form.new_registration()
            self.tabs.setCurrentWidget(self.form)

    def open_registration(self, registration_id: str) -> None:
        # Ask first: answering "save as draft" may save this very registration.
        if not self._form_may_be_replaced():
            return
        reg = self.store.get(registration_id)
        if reg is None:
            return
        self.form.load(reg)
        self.tabs.setCurrentWidget(self.form)

    def delete_registration(self, registration_id: str) -> None:
        open_in_form = self.form.registration_id() == registration_id
        if open_in_form and not self._form_may_be_replaced():
            return
        reg = self.store.get(registration_id)
        if reg is None:
            return
        if not dialogs.confirm(
            self,
            self.tr("Hapus pendaftaran?"),
            arg(
                self.tr(
                    "Hapus pendaftaran %1 (NIK %2)? Data ditandai terhapus dan tetap tercatat "
                    "di riwayat."
                ),
                reg.full_name or "—",
                reg.nik or "—",
            ),
            self.tr("Hapus"),
            self.tr("Batal"),
        ):
            return
        try:
            self.store.delete(registration_id, actor=self.settings.officer_name)
        except sqlite.Error as exc:
            dialogs.inform(
                self,
                self.tr("Gagal menghapus"),
                self.tr("Basis data tidak bisa ditulis. Periksa ruang disk, lalu coba lagi."),
                error=True,
                details=str(exc),
            )
            return
        if open_in_form:
            self.form.new_registration()
        self._last_deleted = registration_id
        self.undo_delete_action.setEnabled(True)
        self._registrations_changed()
        self.statusBar().showMessage(
            arg(self.tr("Pendaftaran %1 dihapus. Ctrl+Z membatalkan."), reg.full_name or reg.nik),
            10000,
        )

    def undo_delete(self) -> None:
        """Bring back the registration deleted last."""
        registration_id = self._last_deleted
        if not registration_id:
            return
        try:
            reg = self.store.restore(registration_id, actor=self.settings.officer_name)
        except DuplicateNik as exc:
            holder = exc.holders[0].full_name if exc.holders else "?"
            dialogs.inform(
                self,
                self.tr("Tidak bisa dibatalkan"),
                arg(self.tr("NIK %1 sudah dipakai lagi oleh pendaftaran %2."), exc.nik, holder),
                error=True,
            )
            return
        except sqlite.Error as exc:
            dialogs.inform(
                self,
                self.tr("Gagal membatalkan"),
                self.tr("Basis data tidak bisa ditulis. Periksa ruang disk, lalu coba lagi."),
                error=True,
                details=str(exc),
            )
            return
        self._last_deleted = ""
        self.undo_delete_action.setEnabled(False)
        self._registrations_changed()
        self.statusBar().showMessage(
            arg(self.tr("Pendaftaran %1 dikembalikan."), reg.full_name or reg.nik), 6000
        )

    def _saved(self, registration_id: str, status: str) -> None:
        reg = self.store.get(registration_id)
        self._registrations_changed()
        text = arg(
            self.tr("Draf tersimpan: %1") if status == "draft" else self.tr("Tersimpan: %1"),
            reg.full_name or reg.nik or "—",
        )
        self.statusBar().showMessage(text, 6000)

    def edit_settings(self) -> None:
        dialog = settings_dialog(self.db, self.settings, regions=self.regions, parent=self)
        accepted = dialog.exec()
        dialog.deleteLater()
        if not accepted:
            return
        old_language = self.settings.language
        self.settings = save_settings(self.db, dialog.settings())
        self.form.set_settings(self.settings)
        self.records.set_regency(self.settings.regency_code)
        self.dashboard.mark_stale()
        self._update_status()
        self.protection.settings_changed(self.settings)
        if self.settings.language != old_language:
            dialogs.inform(
                self, self.tr("Bahasa"), self.tr("Bahasa baru dipakai setelah Jaring dibuka ulang.")
            )

    # --- Excel ---------------------------------------------------------------------------

    def export_excel(self) -> None:
        """The master list or BPJS's collective files; marking them submitted changes the
        registrations shown."""
        from ui.excel_export_dialog import ExcelExportDialog  # openpyxl loads when needed

        dialog = ExcelExportDialog(
            self.db, database_path(self.db), actor_name(self.db), self.settings.regency_code,
            self.regions, self,
        )  # fmt: skip
        dialog.exported.connect(lambda _: self._registrations_changed())
        self.excel_export_dialog = dialog
        dialog.exec()
        dialog.deleteLater()

    def import_village_list(self) -> None:
        """The import wizard shows itself once the chosen workbook has been read."""
        dialog = self.new_excel_import()
        if not dialog.begin():
            dialog.deleteLater()

    def new_excel_import(self) -> ExcelImportDialog:
        """An import wizard whose import refreshes the lists and whose remembered column
        mapping this window's settings keep."""
        from ui.excel_import_page import ExcelImportDialog

        dialog = ExcelImportDialog(self.db, database_path(self.db), actor_name(self.db), self)
        dialog.imported.connect(lambda _: self._after_import())
        dialog.mapping_remembered.connect(self._reload_settings)
        dialog.finished.connect(dialog.deleteLater)
        self.excel_import_dialog = dialog
        return dialog

    def import_kpj_results(self) -> None:
        """BPJS's KPJ numbers: a dry run, then for real after the user confirms."""
        if self.kpj_import is None:
            from ui.excel_import_page import KpjImport

            self.kpj_import = KpjImport(self, database_path(self.db), actor_name(self.db))
            self.kpj_import.imported.connect(lambda _: self._registrations_changed())
        self.kpj_import.start()

    def _reload_settings(self) -> None:
        """The import remembered a column mapping: keep this copy current, or the settings
        dialog would save the old mapping back."""
        self.settings = load_settings(self.db)

    def bring_forward(self) -> None:
        """Show this window in front (a second start on the same database asked for it)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._form_may_be_replaced():
            self.form.autosave_now()  # typing deleted again just now: the slot is emptied
            self._remember_layout()
            event.accept()
        else:
            event.ignore()
