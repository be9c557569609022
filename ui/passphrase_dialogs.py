"""Choosing a passphrase: at the first start (`FirstRunPassphraseDialog`, a new encrypted
database), when a plain database of an earlier version is encrypted (`ProtectDialog`), and
from *Berkas → Ganti kata sandi…* (`ChangePassphraseDialog`).

A new passphrase is typed twice and must have at least `keyring.PASSPHRASE_MIN`
characters; the dialogs say, in plain words, that a short sentence is easiest and who can
open the data when it is forgotten: the district for an officer's laptop (through the
district's key, `recover`), the recovery code for the district's computer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models import keyring
from models.formatting import arg
from ui.busy import waiting_cursor
from ui.unlock_dialog import PassphraseEdit, keyring_error_text

translate = QCoreApplication.translate

#: Roles of the district office's accounts; an officer's laptop has one "officer" account.
DISTRICT_ROLES = ("supervisor", "staff")


def role_label(role: str) -> str:
    """An account's role in words."""
    return {
        "officer": translate("Passphrase", "petugas"),
        "staff": translate("Passphrase", "staf"),
        "supervisor": translate("Passphrase", "supervisor"),
    }.get(role, role)


def rules_text(district: bool) -> str:
    """What makes a good passphrase, and what happens when it is forgotten."""
    rule = arg(
        translate(
            "Passphrase",
            "Kata sandi minimal %1 karakter. Paling mudah sebuah kalimat pendek yang Anda "
            "ingat, misalnya “padi kuning di sukamara”.",
        ),
        keyring.PASSPHRASE_MIN,
    )
    if district:
        forgotten = translate(
            "Passphrase",
            "Jika lupa, hanya kode pemulihan (ditampilkan sekali sesudah ini, untuk dicetak "
            "dan disimpan) yang bisa membuka data ini lagi.",
        )
    else:
        forgotten = translate(
            "Passphrase",
            "Jika lupa, hanya kantor kabupaten yang bisa membuka laptop ini lagi.",
        )
    return f"{rule} {forgotten}"


class NewPassphraseFields(QWidget):
    """A new passphrase typed twice, in a form; `problem` says what is wrong with it."""

    def __init__(self, form: QFormLayout, parent: QWidget | None = None):
        super().__init__(parent)
        self.first = PassphraseEdit("new_passphrase")
        self.second = PassphraseEdit("new_passphrase_again")
        self.first.show_box.toggled.connect(self.second.set_shown)
        self.first.show_box.toggled.connect(self.second.show_box.setChecked)
        self.second.show_box.toggled.connect(self.first.show_box.setChecked)
        form.addRow(self.tr("Kata sandi baru"), self.first)
        form.addRow(self.tr("Ulangi kata sandi"), self.second)

    def problem(self) -> str:
        """Why the passphrase cannot be used ("" when it can)."""
        if len(self.first.text()) < keyring.PASSPHRASE_MIN:
            return arg(self.tr("Kata sandi minimal %1 karakter."), keyring.PASSPHRASE_MIN)
        if self.first.text() != self.second.text():
            return self.tr("Kedua kata sandi tidak sama. Ketik ulang.")
        return ""

    def passphrase(self) -> str:
        return self.first.text()


def _message_label() -> QLabel:
    label = QLabel(objectName="message")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020")
    return label


def _wrapped(text: str, object_name: str, grey: bool = False) -> QLabel:
    label = QLabel(text, objectName=object_name)
    label.setWordWrap(True)
    if grey:
        label.setStyleSheet("color: #444")
    return label


class _NewAccountDialog(QDialog):
    """A name and a new passphrase; the subclasses say what for."""

    def __init__(self, title: str, intro: str, ok_text: str, name: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(_wrapped(intro, "intro"))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit(name, objectName="user_name")
        self.name.setPlaceholderText(self.tr("Nama lengkap"))
        self.name.setMaxLength(200)
        self.form.addRow(self.tr("Nama Anda"), self.name)
        self.fields = NewPassphraseFields(self.form, self)
        self.layout_.addLayout(self.form)
        self.rules = _wrapped("", "rules", grey=True)
        self.layout_.addWidget(self.rules)
        self.message = _message_label()
        self.layout_.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Keluar"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

    def _finish_layout(self) -> None:
        self.layout_.addWidget(self.buttons)
        (self.name if not self.name.text() else self.fields.first).setFocus()

    def user(self) -> str:
        return " ".join(self.name.text().split())

    def passphrase(self) -> str:
        return self.fields.passphrase()

    def _accept(self) -> None:
        if not self.user():
            self.message.setText(self.tr("Nama wajib diisi."))
            self.name.setFocus()
            return
        problem = self.fields.problem()
        if problem:
            self.message.setText(problem)
            self.fields.first.setFocus()
            return
        self.accept()


class FirstRunPassphraseDialog(_NewAccountDialog):
    """The first start on a new database: whose computer this is, the user's name and a
    passphrase. The district office's first account is its supervisor, and gets a recovery
    code; an officer's laptop has one account, opened by the district when forgotten."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(
            self.tr("Selamat datang di Jaring"),
            self.tr(
                "Jaring menyimpan NIK, nomor KK dan data pribadi lain. Supaya tidak terbaca "
                "oleh siapa pun jika komputer ini hilang atau dicuri, semua data disimpan "
                "terenkripsi dan dibuka dengan kata sandi Anda."
            ),
            self.tr("Lanjut"),
            "",
            parent,
        )
        self.setObjectName("first_run_passphrase")
        self.officer = QRadioButton(self.tr("Laptop petugas lapangan"), objectName="kind_officer")
        self.district = QRadioButton(
            self.tr("Komputer kantor kabupaten"), objectName="kind_district"
        )
        self.officer.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.officer)
        group.addButton(self.district)
        kinds = QVBoxLayout()
        kinds.addWidget(self.officer)
        kinds.addWidget(self.district)
        self.form.insertRow(0, self.tr("Komputer ini"), kinds)
        self.district.toggled.connect(self._show_rules)
        self._show_rules()
        self._finish_layout()

    def _show_rules(self) -> None:
        self.rules.setText(rules_text(self.district.isChecked()))

    def role(self) -> str:
        """The first account's role: the district office's supervisor, or the officer."""
        return "supervisor" if self.district.isChecked() else "officer"


class ProtectDialog(_NewAccountDialog):
    """A plain database of an earlier version, at the start of this one: why it is to be
    encrypted now, the user's name (the account) and a new passphrase."""

    def __init__(self, db_path: Path, name: str, district: bool, parent: QWidget | None = None):
        super().__init__(
            self.tr("Enkripsi data"),
            arg(
                self.tr(
                    "Versi Jaring ini menyimpan data terenkripsi, supaya NIK dan data pribadi "
                    "tidak terbaca jika komputer ini hilang atau dicuri. Data Anda belum "
                    "terenkripsi:\n%1\n\nBuat kata sandi; Jaring lalu mengenkripsi data ini "
                    "(sekali saja, beberapa detik sampai beberapa menit). Data tidak berubah "
                    "dan tidak ada yang hilang. Keluar: tidak ada yang diubah."
                ),
                db_path,
            ),
            self.tr("Enkripsi"),
            name,
            parent,
        )
        self.setObjectName("protect_dialog")
        self.district = district
        self.rules.setText(rules_text(district))
        self._finish_layout()

    def role(self) -> str:
        return "supervisor" if self.district else "officer"


class ChangePassphraseDialog(QDialog):
    """*Berkas → Ganti kata sandi…*: the account's passphrase now, then the new one twice;
    the key file is re-wrapped (the data stays as it is)."""

    def __init__(self, db_path: Path, unlocked: keyring.Unlocked, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("change_passphrase_dialog")
        self.db_path = Path(db_path)
        self.current = unlocked
        self.setWindowTitle(self.tr("Ganti kata sandi"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrapped(arg(self.tr("Kata sandi baru untuk akun %1."), unlocked.user), "intro")
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.old = PassphraseEdit("old_passphrase")
        form.addRow(self.tr("Kata sandi sekarang"), self.old)
        self.fields = NewPassphraseFields(form, self)
        layout.addLayout(form)
        layout.addWidget(_wrapped(rules_text(unlocked.role != "officer"), "rules", grey=True))
        self.message = _message_label()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Ganti"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.old.setFocus()

    def _accept(self) -> None:
        problem = self.fields.problem()
        if problem:
            self.message.setText(problem)
            self.fields.first.setFocus()
            return
        with waiting_cursor():
            problem = self._change()
        if problem:
            self.message.setText(problem)
            return
        self.accept()

    def _change(self) -> str:
        """Check the passphrase now and store the new one; why not ("" when done)."""
        try:
            checked = keyring.unlock(self.db_path, self.old.text())
        except keyring.KeyringError as exc:
            self.old.clear()
            self.old.setFocus()
            if exc.code == "wrong_passphrase":
                return self.tr("Kata sandi sekarang salah.")
            return keyring_error_text(exc)
        if checked.user != self.current.user:
            self.old.clear()
            return self.tr("Kata sandi sekarang salah.")
        try:
            keyring.change_passphrase(
                self.db_path, self.current, self.current.user, self.fields.passphrase()
            )
        except keyring.KeyringError as exc:
            return keyring_error_text(exc)
        return ""
