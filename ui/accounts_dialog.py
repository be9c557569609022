"""*Berkas → Akun pengguna…* on the district office's database, for a supervisor: who can
open it (name and role), adding a staff member or supervisor with their own passphrase,
giving an account a new passphrase (one that was forgotten), removing an account. The key
slots are `models.keyring`'s; the last supervisor cannot be removed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models import keyring
from models.formatting import arg
from ui import dialogs
from ui.busy import waiting_cursor
from ui.list_model import ListModel, list_view
from ui.passphrase_dialogs import DISTRICT_ROLES, NewPassphraseFields, role_label, rules_text
from ui.unlock_dialog import keyring_error_text


class AccountsDialog(QDialog):
    """The accounts of the database at ``db_path``, opened by ``unlocked`` (a supervisor)."""

    def __init__(self, db_path: Path, unlocked: keyring.Unlocked, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("accounts_dialog")
        self.db_path = Path(db_path)
        self.unlocked = unlocked
        self.setWindowTitle(self.tr("Akun pengguna"))
        self.setMinimumSize(560, 360)
        intro = QLabel(
            self.tr(
                "Setiap orang yang memakai komputer ini punya akun dan kata sandi sendiri. "
                "Staf mengimpor batch, menyelesaikan konflik, mencetak dan mengekspor; "
                "supervisor juga mendaftarkan dan mencabut perangkat, menolak pendaftaran "
                "dan mengelola akun."
            ),
            objectName="accounts_intro",
        )
        intro.setWordWrap(True)
        self.model = ListModel(
            [
                (self.tr("Nama"), lambda a: a.user),
                (self.tr("Peran"), lambda a: role_label(a.role)),
            ],
            self,
        )
        self.table = list_view(self.model, "accounts_table")
        add = QPushButton(self.tr("Tambah…"), objectName="add_account")
        add.clicked.connect(self.add)
        new_passphrase = QPushButton(self.tr("Kata sandi baru…"), objectName="reset_passphrase")
        new_passphrase.clicked.connect(self.new_passphrase)
        remove = QPushButton(self.tr("Hapus…"), objectName="remove_account")
        remove.clicked.connect(self.remove)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        for button in (add, new_passphrase, remove):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(keyring.accounts(self.db_path))

    def selected(self) -> keyring.Account | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def add(self) -> None:
        dialog = AddAccountDialog(self.db_path, self.unlocked, self)
        if dialog.exec():
            self.refresh()
        dialog.deleteLater()

    def new_passphrase(self) -> None:
        account = self.selected()
        if account is None:
            return
        dialog = ResetPassphraseDialog(self.db_path, self.unlocked, account, self)
        if dialog.exec():
            dialogs.inform(
                self,
                self.tr("Kata sandi baru"),
                arg(self.tr("Akun %1 sekarang dibuka dengan kata sandi baru."), account.user),
            )
        dialog.deleteLater()

    def remove(self) -> None:
        account = self.selected()
        if account is None:
            return
        text = arg(
            self.tr("Hapus akun %1 (%2)? Kata sandinya tidak akan membuka data lagi."),
            account.user,
            role_label(account.role),
        )
        if account.user == self.unlocked.user:
            text += " " + self.tr("Ini akun Anda sendiri.")
        if not dialogs.confirm(
            self, self.tr("Hapus akun?"), text, self.tr("Hapus"), self.tr("Batal")
        ):
            return
        try:
            keyring.remove_account(self.db_path, account.user)
        except keyring.KeyringError as exc:
            dialogs.inform(self, self.tr("Akun tidak dihapus"), keyring_error_text(exc), error=True)
            return
        self.refresh()


class _PassphraseForm(QDialog):
    """A form with a new passphrase typed twice, a message line and OK/Batal."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(540)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = QLabel(objectName="message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        self.fields = NewPassphraseFields(self.form, self)
        rules = QLabel(rules_text(district=True), objectName="rules")
        rules.setWordWrap(True)
        rules.setStyleSheet("color: #444")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(rules)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _accept(self) -> None:
        problem = self._problem() or self.fields.problem()
        if not problem:
            with waiting_cursor():
                problem = self._store()
        if problem:
            self.message.setText(problem)
            return
        self.accept()

    def _problem(self) -> str:
        return ""

    def _store(self) -> str:
        raise NotImplementedError


class AddAccountDialog(_PassphraseForm):
    """A new account: name, role and passphrase."""

    def __init__(self, db_path: Path, unlocked: keyring.Unlocked, parent: QWidget | None):
        super().__init__(self.tr("Tambah akun"), self.tr("Tambah"), parent)
        self.setObjectName("add_account_dialog")
        self.db_path, self.unlocked = db_path, unlocked
        self.name = QLineEdit(objectName="account_name")
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("Nama lengkap"))
        self.role = QComboBox(objectName="account_role")
        for role in reversed(DISTRICT_ROLES):  # staff first: the usual new account
            self.role.addItem(role_label(role), role)
        self.form.addRow(self.tr("Nama"), self.name)
        self.form.addRow(self.tr("Peran"), self.role)
        self._lay_out()
        self.name.setFocus()

    def user(self) -> str:
        return " ".join(self.name.text().split())

    def _problem(self) -> str:
        return "" if self.user() else self.tr("Nama wajib diisi.")

    def _store(self) -> str:
        try:
            keyring.add_account(
                self.db_path, self.unlocked, self.fields.passphrase(), self.user(),
                self.role.currentData(),
            )  # fmt: skip
        except keyring.KeyringError as exc:
            return keyring_error_text(exc)
        return ""


class ResetPassphraseDialog(_PassphraseForm):
    """A new passphrase for another account (its owner forgot the old one)."""

    def __init__(
        self,
        db_path: Path,
        unlocked: keyring.Unlocked,
        account: keyring.Account,
        parent: QWidget | None,
    ):
        super().__init__(self.tr("Kata sandi baru"), self.tr("Simpan"), parent)
        self.setObjectName("reset_passphrase_dialog")
        self.db_path, self.unlocked, self.account = db_path, unlocked, account
        self.form.addRow(self.tr("Akun"), QLabel(account.user))
        self._lay_out()
        self.fields.first.setFocus()

    def _store(self) -> str:
        try:
            keyring.change_passphrase(
                self.db_path, self.unlocked, self.account.user, self.fields.passphrase()
            )
        except keyring.KeyringError as exc:
            return keyring_error_text(exc)
        return ""
