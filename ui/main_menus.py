"""The main window's menu bar: Berkas (a new registration, the list, the settings, backups,
the passphrase and accounts, printing, sending to the district, quitting), Excel, Ubah
(undoing a delete) and Bantuan. Each action calls the window's own method (the protection's:
`ui.window_protection`). The texts were the window's own and keep its translation
context, "MainWindow"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from models import keyring
from models.db import database_path
from ui import about_dialog
from ui.roles import limit_to_supervisors

if TYPE_CHECKING:
    from ui.main_window import MainWindow


translate = QCoreApplication.translate


@dataclass(frozen=True)
class MainMenus:
    """The actions the window changes later: sending (officers only) and undoing a delete."""

    send_action: QAction
    undo_delete_action: QAction


def build_menus(window: MainWindow) -> MainMenus:
    """Fill the window's menu bar."""
    bar = window.menuBar()
    send_action = _file_menu(window, bar.addMenu(translate("MainWindow", "&Berkas")))
    excel_menu = bar.addMenu(translate("MainWindow", "E&xcel"))
    excel_menu.setObjectName("excel_menu")
    excel_menu.addAction(translate("MainWindow", "&Ekspor Excel…"), window.export_excel)
    excel_menu.addAction(
        translate("MainWindow", "&Impor daftar dari desa…"), window.import_village_list
    )
    excel_menu.addAction(
        translate("MainWindow", "Impor &hasil BPJS (KPJ)…"), window.import_kpj_results
    )
    undo_delete_action = _edit_menu(window, bar.addMenu(translate("MainWindow", "&Ubah")))
    help_menu = bar.addMenu(translate("MainWindow", "Ban&tuan"))
    about = QAction(translate("MainWindow", "&Tentang Jaring"), window)
    about.triggered.connect(lambda: show_about(window))
    help_menu.addAction(about)
    return MainMenus(send_action, undo_delete_action)


def _file_menu(window: MainWindow, file_menu: QMenu) -> QAction:
    """Berkas; returns its "Kirim ke kabupaten", shown to officers only."""
    new = QAction(
        translate("MainWindow", "Pendaftaran &baru"), window, shortcut=QKeySequence.StandardKey.New
    )
    new.triggered.connect(window.new_registration)
    show_list = QAction(
        translate("MainWindow", "&Daftar pekerja"), window, shortcut=QKeySequence("Ctrl+L")
    )
    show_list.triggered.connect(lambda: window.tabs.setCurrentWidget(window.records))
    settings = QAction(translate("MainWindow", "&Pengaturan…"), window)
    settings.triggered.connect(window.edit_settings)
    quit_action = QAction(
        translate("MainWindow", "Kel&uar"), window, shortcut=QKeySequence.StandardKey.Quit
    )
    quit_action.triggered.connect(window.close)
    for action in (new, show_list, settings):
        file_menu.addAction(action)
    file_menu.addSeparator()
    _protection_actions(window, file_menu)
    file_menu.addSeparator()
    print_menu = file_menu.addMenu(translate("MainWindow", "&Cetak"))
    print_menu.addAction(translate("MainWindow", "Formulir &kosong…"), window.records.print_blank)
    print_menu.addAction(translate("MainWindow", "Daftar &nominatif…"), window.records.print_list)
    print_action = QAction(
        translate("MainWindow", "&Cetak formulir…"), window, shortcut=QKeySequence.StandardKey.Print
    )
    print_action.triggered.connect(window.print_current)
    print_menu.addAction(print_action)
    # Officers only: push batches and pull the district's news over the network.
    send_action = QAction(
        translate("MainWindow", "&Kirim ke kabupaten"), window, objectName="send_action"
    )
    send_action.triggered.connect(window.send_to_district)
    send_action.setVisible(window.batches is not None)
    file_menu.addAction(send_action)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)
    return send_action


def _protection_actions(window: MainWindow, file_menu: QMenu) -> None:
    """Backups, the passphrase and (the district's supervisor) the accounts; the actions
    are `ui.window_protection`'s."""
    back_up = QAction(translate("MainWindow", "Cada&ngkan…"), window, objectName="backup_action")
    back_up.triggered.connect(lambda: window.protection.back_up())
    restore = QAction(
        translate("MainWindow", "Pu&lihkan cadangan…"), window, objectName="restore_action"
    )
    restore.triggered.connect(lambda: window.protection.restore())
    file_menu.addAction(back_up)
    file_menu.addAction(restore)
    account = keyring.remembered(database_path(window.db))
    if account is None:
        return
    change = QAction(
        translate("MainWindow", "&Ganti kata sandi…"), window, objectName="change_passphrase"
    )
    change.triggered.connect(lambda: window.protection.change_passphrase())
    change.setVisible(bool(account.user))  # the recovery code has no passphrase to change
    accounts = QAction(
        translate("MainWindow", "&Akun pengguna…"), window, objectName="accounts_action"
    )
    accounts.triggered.connect(lambda: window.protection.manage_accounts())
    accounts.setVisible(account.role in ("staff", "supervisor"))  # the district office's
    limit_to_supervisors(window.db, accounts)
    file_menu.setToolTipsVisible(True)  # "Hanya supervisor" on the disabled entry
    file_menu.addAction(change)
    file_menu.addAction(accounts)


def _edit_menu(window: MainWindow, edit_menu: QMenu) -> QAction:
    """Ubah; returns its "Batalkan penghapusan", enabled once something was deleted."""
    # Ctrl+Z undoes a delete only on the records page: in the form it belongs to the
    # field being typed in.
    undo_delete_action = QAction(
        translate("MainWindow", "&Batalkan penghapusan"),
        window.records,
        shortcut=QKeySequence.StandardKey.Undo,
        shortcutContext=Qt.ShortcutContext.WidgetWithChildrenShortcut,
    )
    window.records.addAction(undo_delete_action)
    undo_delete_action.setEnabled(False)
    undo_delete_action.triggered.connect(window.undo_delete)
    edit_menu.addAction(undo_delete_action)
    return undo_delete_action


def show_about(window: MainWindow) -> None:
    """Bantuan > Tentang Jaring: the app, its version, the schema, Qt and Python."""
    about_dialog.show_about(window, database_path(window.db))
