"""Private keys: making an Ed25519 signing key, signing with it, and the files that keep
private keys (`KeyStore`, one owner-only folder beside the database).

Nothing here ever puts a private key into a dict, JSON document, exception message or log
line. The public side (checking keys, fingerprints, the public documents) is
`exchange.keys`, which also re-exports these names for its callers.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pyrage import x25519

from models import keyring
from models.audit import now_iso
from models.files import write_atomically

_KEY_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def new_signing_key() -> Ed25519PrivateKey:
    """A fresh Ed25519 private key (in memory only; `KeyStore` writes it)."""
    return Ed25519PrivateKey.generate()


def public_pem(private_key: Ed25519PrivateKey) -> str:
    """The public half of ``private_key`` as PEM SubjectPublicKeyInfo."""
    return (
        private_key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )


def sign(private_key: Ed25519PrivateKey, data: bytes) -> bytes:
    """The 64-byte Ed25519 signature of ``data``."""
    return private_key.sign(data)


class KeyStoreError(Exception):
    """A private key file cannot be created or read; the message says which and why."""


class KeyExists(KeyStoreError):
    """Creating a key would replace one that exists (keys are never overwritten)."""


class KeyMissing(KeyStoreError):
    """The key file asked for does not exist."""


def key_folder_for(db_path: Path | str) -> Path:
    """Where a database's private keys live: ``<db file stem>-keys/`` beside it."""
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}-keys")


class KeyStore:
    """The private key files of one installation, in one owner-only folder.

    ``<name>.ed25519.pem`` holds an Ed25519 key (PKCS#8 PEM, readable by openssl);
    ``<name>.age`` an age identity in the format of ``age-keygen``, so ``age -d -i`` reads
    it too. Files are created with mode 0600 in a 0700 folder, written atomically, and an
    existing key is never replaced: losing a key would strand every batch made for it.

    Beside an encrypted database the files are sealed (`seal`): AES-256-GCM under a key
    derived from the database's data key (`models.keyring.file_sealing_key`), so a lost
    laptop's key files are as unreadable as its database. Plain files from before are still
    read, and sealed by `seal_existing` when the database is protected.
    """

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        keys = keyring.file_sealing_keys(self.folder)
        self._sealing_key = keys[0] if keys else None
        self._opening_keys = keys

    def signing_key_path(self, name: str) -> Path:
        return self.folder / f"{_key_name(name)}.ed25519.pem"

    def age_identity_path(self, name: str) -> Path:
        return self.folder / f"{_key_name(name)}.age"

    def has_signing_key(self, name: str) -> bool:
        return self.signing_key_path(name).exists()

    def has_age_identity(self, name: str) -> bool:
        return self.age_identity_path(name).exists()

    def create_signing_key(self, name: str) -> str:
        """Make and store a new Ed25519 key ``name``; returns its public PEM."""
        return self.save_signing_key(name, new_signing_key())

    def save_signing_key(self, name: str, private_key: Ed25519PrivateKey) -> str:
        """Store ``private_key`` as ``name`` (refusing to replace a key); returns the
        public PEM."""
        data = private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        self._write_new(self.signing_key_path(name), data)
        return public_pem(private_key)

    def load_signing_key(self, name: str) -> Ed25519PrivateKey:
        """The Ed25519 private key ``name``."""
        path = self.signing_key_path(name)
        data = self._read(path)
        try:
            key = serialization.load_pem_private_key(data, password=None)
        except (ValueError, TypeError) as exc:
            raise KeyStoreError(f"{path} is not a readable private key file") from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise KeyStoreError(f"{path} does not hold an Ed25519 key")
        return key

    def create_age_identity(self, name: str) -> str:
        """Make and store a new age X25519 identity ``name``; returns its recipient."""
        return self.save_age_identity(name, x25519.Identity.generate())

    def save_age_identity(self, name: str, identity: x25519.Identity) -> str:
        """Store ``identity`` as ``name`` (refusing to replace one); returns its recipient."""
        recipient = str(identity.to_public())
        text = f"# created: {now_iso()}\n# public key: {recipient}\n{identity}\n"
        self._write_new(self.age_identity_path(name), text.encode("ascii"))
        return recipient

    def load_age_identity(self, name: str) -> x25519.Identity:
        """The age identity ``name``."""
        path = self.age_identity_path(name)
        lines = [
            line.strip()
            for line in self._read(path).decode("ascii", errors="replace").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        if len(lines) != 1 or not lines[0].startswith("AGE-SECRET-KEY-"):
            raise KeyStoreError(f"{path} does not hold exactly one age identity")
        try:
            return x25519.Identity.from_str(lines[0])
        except pyrage.IdentityError as exc:
            raise KeyStoreError(f"{path} holds a damaged age identity") from exc

    def seal_existing(self) -> int:
        """Seal every plain key file in the folder (after `protect`); how many."""
        if self._sealing_key is None or not self.folder.is_dir():
            return 0
        sealed = 0
        for path in sorted(self.folder.iterdir()):
            data = path.read_bytes()
            if path.is_file() and not data.startswith(_SEALED):
                write_atomically(path, seal(self._sealing_key, path.name, data), 0o600)
                sealed += 1
        return sealed

    def _read(self, path: Path) -> bytes:
        try:
            return self._opened(path, path.read_bytes())
        except FileNotFoundError as exc:
            raise KeyMissing(f"key file not found: {path}") from exc
        except OSError as exc:
            raise KeyStoreError(f"cannot read key file {path}: {exc.strerror or exc}") from exc

    def _write_new(self, path: Path, data: bytes) -> None:
        if path.exists():
            raise KeyExists(f"a key already exists at {path}; it is never overwritten")
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if os.name == "posix":
                self.folder.chmod(0o700)
            if self._sealing_key is not None:
                data = seal(self._sealing_key, path.name, data)
            write_atomically(path, data, 0o600, replace=False)
        except FileExistsError as exc:
            raise KeyExists(f"a key already exists at {path}; it is never overwritten") from exc
        except OSError as exc:
            raise KeyStoreError(f"cannot write key file {path}: {exc.strerror or exc}") from exc

    def _opened(self, path: Path, data: bytes) -> bytes:
        if not data.startswith(_SEALED):
            return data
        if not self._opening_keys:
            raise KeyStoreError(f"{path} is sealed: unlock its database first")
        for key in self._opening_keys:
            with contextlib.suppress(InvalidTag):
                return unseal(key, path.name, data)
        raise KeyStoreError(f"{path} is sealed by another database's key")


_SEALED = b"JARING-SEALED/1\n"


def seal(key: bytes, name: str, data: bytes) -> bytes:
    """``data`` encrypted and authenticated under ``key``, bound to the file ``name``."""
    nonce = os.urandom(12)
    return _SEALED + nonce + AESGCM(key).encrypt(nonce, data, name.encode("utf-8"))


def unseal(key: bytes, name: str, data: bytes) -> bytes:
    """The inverse of `seal`; `cryptography.exceptions.InvalidTag` when it does not open."""
    body = data[len(_SEALED) :]
    return AESGCM(key).decrypt(body[:12], body[12:], name.encode("utf-8"))


def _key_name(name: str) -> str:
    if not isinstance(name, str) or not _KEY_NAME.fullmatch(name):
        raise ValueError(f"key name must be lower-case letters, digits, '-' or '_': {name!r}")
    return name
