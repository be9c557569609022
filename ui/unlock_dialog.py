"""Asking for the passphrase of an encrypted database: at start (`UnlockDialog`) and on the
lock screen (`ui.idle_lock`), through one widget, `PassphrasePrompt`.

A wrong passphrase is answered with a wait that doubles with each wrong try in a row (1, 2,
4, 8… seconds, at most 30; `RetryDelay`) during which the button is disabled and counts
down, so guessing at the keyboard is slow on top of scrypt's own cost. The passphrase is
typed masked, with a box to show it (a long sentence is easier to check than to retype).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models import keyring
from models.formatting import arg
from ui.busy import waiting_cursor

translate = QCoreApplication.translate


class RetryDelay:
    """The wait after each wrong try in a row: ``first`` seconds, doubled each time, at most
    ``most``; a right try starts again at ``first``."""

    def __init__(self, first: int = 1, most: int = 30):
        self.first = first
        self.most = most
        self.wrong = 0

    def wrong_try(self) -> int:
        """Count one more wrong try; the seconds to wait before the next."""
        self.wrong += 1
        return min(self.first * 2 ** (self.wrong - 1), self.most)

    def reset(self) -> None:
        self.wrong = 0


def keyring_error_text(exc: keyring.KeyringError) -> str:
    """A sentence for the user about a key file that cannot be used as asked."""
    texts = {
        "wrong_passphrase": translate("Passphrase", "Kata sandi salah."),
        "short_passphrase": arg(
            translate("Passphrase", "Kata sandi minimal %1 karakter."), keyring.PASSPHRASE_MIN
        ),
        "passphrase_in_use": translate(
            "Passphrase", "Kata sandi ini sudah dipakai akun lain; pilih yang lain."
        ),
        "no_keys": translate(
            "Passphrase",
            "Berkas kunci di samping basis data (.keys) tidak ada. Tanpa berkas itu data tidak "
            "bisa dibuka: kembalikan berkasnya dari cadangan.",
        ),
        "damaged": translate(
            "Passphrase", "Berkas kunci di samping basis data (.keys) rusak atau tidak dikenal."
        ),
        "unknown_user": translate("Passphrase", "Akun itu tidak ada."),
        "user_exists": translate("Passphrase", "Sudah ada akun dengan nama itu."),
        "last_supervisor": translate(
            "Passphrase",
            "Supervisor terakhir tidak bisa dihapus: harus ada yang bisa mengelola akun.",
        ),
    }
    return texts.get(exc.code) or str(exc)


class PassphraseEdit(QWidget):
    """A masked line for a passphrase with a box that shows what was typed."""

    returnPressed = Signal()

    def __init__(self, object_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.line = QLineEdit(objectName=object_name)
        self.line.setEchoMode(QLineEdit.EchoMode.Password)
        self.line.setMinimumWidth(280)
        self.show_box = QCheckBox(self.tr("Tampilkan"), objectName=f"{object_name}_show")
        self.show_box.toggled.connect(self.set_shown)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.show_box)
        self.line.returnPressed.connect(self.returnPressed)
        self.setFocusProxy(self.line)

    def set_shown(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.line.setEchoMode(mode)

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:
        self.line.setText(text)

    def clear(self) -> None:
        self.line.clear()


class PassphrasePrompt(QWidget):
    """The passphrase line, a message and the button; `unlocked` carries the keys once a
    passphrase (or the recovery code) opened the key file of ``db_path`` and ``accepts``
    (None: anyone) returned no refusal for them. ``tick_ms`` is one second of the wait
    (tests shorten it); every wait imposed is kept in ``waits``."""

    unlocked = Signal(object)

    def __init__(
        self,
        db_path: Path | str,
        button_text: str,
        *,
        accepts: Callable[[keyring.Unlocked], str] | None = None,
        tick_ms: int = 1000,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.accepts = accepts
        self.delay = RetryDelay()
        self.waits: list[int] = []
        self._button_text = button_text
        self._reason = ""
        self._left = 0
        self.passphrase = PassphraseEdit("passphrase")
        self.message = QLabel(objectName="unlock_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.button = QPushButton(button_text, objectName="unlock_button")
        self.button.setDefault(True)
        self._countdown = QTimer(self, interval=tick_ms)
        self._countdown.timeout.connect(self._tick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Kata sandi")))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        layout.addLayout(row)
        self.button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.setFocusProxy(self.passphrase)

    def waiting(self) -> bool:
        return self._countdown.isActive()

    def try_unlock(self) -> None:
        """Open the key file with what was typed, or refuse and make the next try wait."""
        if self.waiting():
            return
        secret = self.passphrase.text()
        if not secret:
            self.message.setText(self.tr("Ketik kata sandi Anda."))
            return
        try:
            with waiting_cursor():
                unlocked = keyring.unlock(self.db_path, secret)
        except keyring.KeyringError as exc:
            if exc.code != "wrong_passphrase":
                self.message.setText(keyring_error_text(exc))
                return
            self._refuse(self.tr("Kata sandi salah."))
            return
        refusal = self.accepts(unlocked) if self.accepts else ""
        if refusal:
            self._refuse(refusal)
            return
        self.delay.reset()
        self.passphrase.clear()
        self.message.clear()
        self.unlocked.emit(unlocked)

    def _refuse(self, reason: str) -> None:
        self.passphrase.clear()
        self._reason = reason
        self._left = self.delay.wrong_try()
        self.waits.append(self._left)
        self.button.setEnabled(False)
        self._show_wait()
        self._countdown.start()

    def _tick(self) -> None:
        self._left -= 1
        if self._left > 0:
            self._show_wait()
            return
        self._countdown.stop()
        self.button.setEnabled(True)
        self.button.setText(self._button_text)
        self.message.setText(arg(self.tr("%1 Silakan coba lagi."), self._reason))
        self.passphrase.setFocus()

    def _show_wait(self) -> None:
        self.message.setText(arg(self.tr("%1 Coba lagi dalam %2 detik."), self._reason, self._left))
        self.button.setText(arg(self.tr("Tunggu %1 detik"), self._left))


class UnlockDialog(QDialog):
    """The first thing shown for an encrypted database: its passphrase. ``unlocked`` holds
    the keys once accepted; Keluar (or closing) leaves the app without opening anything."""

    def __init__(self, db_path: Path | str, *, tick_ms: int = 1000, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unlock_dialog")
        self.unlocked: keyring.Unlocked | None = None
        self.setWindowTitle(self.tr("Buka Jaring"))
        self.setMinimumWidth(500)
        intro = QLabel(
            self.tr("Data di komputer ini terenkripsi. Ketik kata sandi Anda untuk membukanya."),
            objectName="unlock_intro",
        )
        intro.setWordWrap(True)
        where = QLabel(str(Path(db_path)), objectName="unlock_path")
        where.setStyleSheet("color: #555")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        forgot = QLabel(
            self.tr(
                "Lupa kata sandi? Laptop petugas: bawa ke kantor kabupaten, yang bisa "
                "membukanya kembali. Komputer kantor kabupaten: ketik kode pemulihan yang "
                "dicetak saat penyiapan."
            ),
            objectName="unlock_forgot",
        )
        forgot.setWordWrap(True)
        forgot.setStyleSheet("color: #555")
        self.prompt = PassphrasePrompt(db_path, self.tr("Buka"), tick_ms=tick_ms)
        self.prompt.unlocked.connect(self._unlocked)
        quit_button = QPushButton(self.tr("Keluar"), objectName="quit_button")
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addSpacing(6)
        layout.addWidget(self.prompt)
        layout.addWidget(forgot)
        row = QHBoxLayout()
        row.addWidget(quit_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.prompt.setFocus()

    def _unlocked(self, unlocked: keyring.Unlocked) -> None:
        self.unlocked = unlocked
        self.accept()
