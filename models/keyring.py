"""The keys of an encrypted database: one random 256-bit data key, stored only wrapped, in
key slots kept in a small JSON file beside the database (``<db>.keys``), like LUKS's.

Slots:
- ``account``: one per person (an officer's laptop has one; a district several, each
  ``staff`` or ``supervisor``), the data key wrapped with AES-256-GCM under a key derived
  from that person's passphrase with scrypt (about 0.3 s on the officers' laptops);
- ``district``: on an officer's laptop, the data key encrypted with age to the district's
  public key from the profile, so the district (and nobody else) can `recover` a laptop
  whose passphrase is forgotten;
- ``recovery``: on a district database, the data key wrapped under a random recovery code
  shown once at set-up (like BitLocker's).

Every slot's AES-GCM binds the slot's user and role as associated data: editing a role in
the file makes the slot useless rather than promoting anyone. The file is always replaced
atomically (`models.files.write_atomically`), so changing a passphrase never leaves a
moment when no key opens the database; the data itself is never re-encrypted for it.

Unlocked keys are remembered for the running process only (`remember`), by database path,
so every connection the app opens later (worker threads, the WAL checkpointer, the sync
server's threads) finds its key without passing it around. Nothing here writes a key or a
passphrase anywhere but wrapped.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from pyrage import x25519

from models.files import write_atomically

FORMAT = "jaring-keys/1"
DATA_KEY_BYTES = 32
PASSPHRASE_MIN = 10
ACCOUNT_ROLES = ("officer", "staff", "supervisor")
#: scrypt's cost: 2**17 with r=8 takes about 0.3 s and 128 MiB here. Tests lower it (the
#: cost is stored in each key file, so a file made with one cost opens with any setting).
SCRYPT_N = 2**17
_RECOVERY_GROUPS = 8
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed back


class KeyringError(Exception):
    """The key file cannot be used as asked. ``code`` is stable: ``no_keys`` (the file is
    missing), ``damaged`` (not a key file, or one this version cannot read),
    ``wrong_passphrase``, ``short_passphrase``, ``passphrase_in_use`` (another account
    opens with it), ``unknown_user``, ``user_exists``, ``not_district_slot`` (no slot for
    this district's key), ``last_supervisor``."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Unlocked:
    """An opened key file: the data key and who opened it (``user`` and ``role``; the
    recovery code opens as ``supervisor`` with user ``""``)."""

    data_key: bytes
    user: str
    role: str
    database_id: str


@dataclass(frozen=True)
class Account:
    """A person who can unlock the database (the names and roles, never the keys)."""

    user: str
    role: str


def keys_path(db_path: Path | str) -> Path:
    """The key file of the database at ``db_path``: ``<db>.keys`` beside it."""
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.name}.keys")


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase shorter than `PASSPHRASE_MIN` characters."""
    if len(passphrase) < PASSPHRASE_MIN:
        raise KeyringError(
            "short_passphrase",
            f"kata sandi minimal {PASSPHRASE_MIN} karakter (kalimat pendek yang mudah diingat,"
            " misalnya 'padi kuning di sukamara')",
        )


def new_recovery_code() -> str:
    """A random recovery code: 8 groups of 5 characters (200 bits), easy to read aloud."""
    return "-".join(
        "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(5))
        for _ in range(_RECOVERY_GROUPS)
    )


# --- making and changing a key file --------------------------------------------------------


def create(
    db_path: Path | str,
    passphrase: str,
    user: str,
    role: str,
    *,
    with_recovery: bool = False,
    data_key: bytes | None = None,
) -> tuple[Unlocked, str | None]:
    """Write a new key file for the database at ``db_path`` with one account; returns the
    unlocked keys and, ``with_recovery``, the recovery code (shown once, never stored)."""
    check_passphrase(passphrase)
    _check_role(role)
    document = {
        "format": FORMAT,
        "database_id": secrets.token_hex(16),
        "kdf": {"name": "scrypt", "salt": _b64(os.urandom(16)), "n": SCRYPT_N, "r": 8, "p": 1},
        "slots": [],
    }
    data_key = data_key or secrets.token_bytes(DATA_KEY_BYTES)
    document["slots"].append(_account_slot(document, passphrase, user, role, data_key))
    code = None
    if with_recovery:
        code = new_recovery_code()
        document["slots"].append(_recovery_slot(document, code, data_key))
    _write(keys_path(db_path), document, replace=False)
    return Unlocked(data_key, user, role, document["database_id"]), code


def add_account(
    db_path: Path | str, unlocked: Unlocked, passphrase: str, user: str, role: str
) -> Account:
    """Add a key slot for ``user`` (a new person on the district's PC)."""
    check_passphrase(passphrase)
    _check_role(role)
    document = _read(keys_path(db_path))
    if any(slot.get("user") == user for slot in _accounts(document)):
        raise KeyringError("user_exists", f"akun '{user}' sudah ada")
    _refuse_passphrase_in_use(document, passphrase)
    document["slots"].append(_account_slot(document, passphrase, user, role, unlocked.data_key))
    _write(keys_path(db_path), document)
    return Account(user, role)


def remove_account(db_path: Path | str, user: str) -> None:
    """Remove ``user``'s slot; the last supervisor stays (someone must manage accounts)."""
    document = _read(keys_path(db_path))
    accounts = _accounts(document)
    if not any(slot["user"] == user for slot in accounts):
        raise KeyringError("unknown_user", f"tidak ada akun '{user}'")
    rest = [slot for slot in accounts if slot["user"] != user]
    if not rest or (
        any(slot["role"] == "supervisor" for slot in accounts)
        and not any(slot["role"] == "supervisor" for slot in rest)
    ):
        raise KeyringError(
            "last_supervisor", "akun terakhir yang bisa mengelola akun tidak bisa dihapus"
        )
    document["slots"] = [slot for slot in document["slots"] if slot.get("user") != user]
    _write(keys_path(db_path), document)


def change_passphrase(db_path: Path | str, unlocked: Unlocked, user: str, passphrase: str) -> None:
    """Re-wrap the data key for ``user`` under ``passphrase`` (the data stays as it is)."""
    check_passphrase(passphrase)
    document = _read(keys_path(db_path))
    slots = document["slots"]
    index = next(
        (i for i, s in enumerate(slots) if s["kind"] == "account" and s["user"] == user), None
    )
    if index is None:
        raise KeyringError("unknown_user", f"tidak ada akun '{user}'")
    others = {**document, "slots": slots[:index] + slots[index + 1 :]}
    _refuse_passphrase_in_use(others, passphrase)
    slots[index] = _account_slot(
        document, passphrase, user, slots[index]["role"], unlocked.data_key
    )
    _write(keys_path(db_path), document)


def add_district_slot(db_path: Path | str, unlocked: Unlocked, recipient: str) -> None:
    """Wrap the data key to the district's age ``recipient`` too (an officer's laptop,
    at set-up), replacing an earlier district slot."""
    document = _read(keys_path(db_path))
    try:
        wrapped = pyrage.encrypt(unlocked.data_key, [x25519.Recipient.from_str(recipient)])
    except pyrage.RecipientError as exc:
        raise KeyringError("damaged", f"kunci publik kabupaten tidak sah: {recipient}") from exc
    slot = {"kind": "district", "recipient": recipient, "wrapped": _b64(wrapped)}
    document["slots"] = [s for s in document["slots"] if s["kind"] != "district"] + [slot]
    _write(keys_path(db_path), document)


def add_recovery_slot(db_path: Path | str, unlocked: Unlocked) -> str:
    """A new recovery code for the database (a district's converted from plain), replacing
    an earlier one; returns the code, shown once and never stored."""
    document = _read(keys_path(db_path))
    code = new_recovery_code()
    slots = [s for s in document["slots"] if s["kind"] != "recovery"]
    document["slots"] = [*slots, _recovery_slot(document, code, unlocked.data_key)]
    _write(keys_path(db_path), document)
    return code


def write_copy(unlocked_db_path: Path | str, target_db_path: Path | str) -> None:
    """Copy the key file of one database beside another (a backup, a restore)."""
    document = _read(keys_path(unlocked_db_path))
    _write(keys_path(target_db_path), document, replace=False)


def write_document(path: Path | str, document: dict) -> None:
    """Write a key file read elsewhere (a backup's) as ``path``, never over one."""
    _write(Path(path), document, replace=False)


def read_document(path: Path | str) -> dict:
    """The key file at ``path`` (a ``.keys`` file), checked for its format."""
    return _read(Path(path))


# --- opening ---------------------------------------------------------------------------------


def unlock(db_path: Path | str, secret: str) -> Unlocked:
    """Open the key file with a passphrase or the recovery code; `KeyringError`
    ``wrong_passphrase`` when neither opens a slot."""
    return unlock_document(_read(keys_path(db_path)), secret)


def unlock_document(document: dict, secret: str) -> Unlocked:
    """`unlock` on a key file already read (a backup's)."""
    database_id = document["database_id"]
    code = _normal_recovery_code(secret)
    if code:
        for slot in document["slots"]:
            if slot["kind"] == "recovery":
                key = _open_slot(slot, _recovery_kek(document, code), _aad(document, slot))
                if key:
                    return Unlocked(key, "", "supervisor", database_id)
    kek = _passphrase_kek(document, secret)
    for slot in _accounts(document):
        key = _open_slot(slot, kek, _aad(document, slot))
        if key:
            return Unlocked(key, slot["user"], slot["role"], database_id)
    raise KeyringError("wrong_passphrase", "kata sandi salah")


def unlock_with_district(db_path: Path | str, identity: x25519.Identity) -> bytes:
    """The data key of an officer's laptop, opened with the district's age identity;
    `KeyringError` ``not_district_slot`` when that laptop was not set up for this district."""
    document = _read(keys_path(db_path))
    for slot in document["slots"]:
        if slot["kind"] == "district":
            try:
                return pyrage.decrypt(base64.b64decode(slot["wrapped"]), [identity])
            except pyrage.DecryptError:
                break
    raise KeyringError(
        "not_district_slot",
        "basis data ini tidak dibuat untuk kabupaten ini: kunci kabupaten tidak membukanya",
    )


def accounts(db_path: Path | str) -> list[Account]:
    """The people who can unlock the database."""
    return [Account(s["user"], s["role"]) for s in _accounts(_read(keys_path(db_path)))]


def has_district_slot(db_path: Path | str) -> bool:
    return any(s["kind"] == "district" for s in _read(keys_path(db_path))["slots"])


# --- the keys unlocked in this process -------------------------------------------------------

_lock = threading.Lock()
_unlocked: dict[str, Unlocked] = {}


def remember(db_path: Path | str, unlocked: Unlocked) -> None:
    """Keep ``unlocked`` for every later connection to ``db_path`` in this process."""
    with _lock:
        _unlocked[_path_key(db_path)] = unlocked


def forget(db_path: Path | str) -> None:
    with _lock:
        _unlocked.pop(_path_key(db_path), None)


def remembered(db_path: Path | str) -> Unlocked | None:
    """The keys unlocked for ``db_path`` in this process, or None."""
    with _lock:
        return _unlocked.get(_path_key(db_path))


def file_sealing_keys(folder: Path | str) -> list[bytes]:
    """The keys that may seal the private key files in ``folder``, derived from the data
    keys unlocked in this process, that of the database the folder sits beside first (a
    restored copy shares its original's data key, so its files open too). Empty when no
    database is unlocked: a plain installation's files stay plain."""
    wanted = _path_key(folder)
    with _lock:
        ordered = sorted(
            _unlocked.items(),
            key=lambda item: (
                _path_key(Path(item[0]).with_name(f"{Path(item[0]).stem}-keys")) != wanted
            ),
        )
        keys = [unlocked.data_key for _, unlocked in ordered]
    info = b"jaring private key files"
    return [HKDF(hashes.SHA256(), 32, None, info).derive(key) for key in dict.fromkeys(keys)]


def _path_key(db_path: Path | str) -> str:
    return os.path.normcase(os.path.realpath(db_path))


# --- the slots -------------------------------------------------------------------------------


def _accounts(document: dict) -> list[dict]:
    return [slot for slot in document["slots"] if slot["kind"] == "account"]


def _account_slot(document: dict, passphrase: str, user: str, role: str, key: bytes) -> dict:
    slot = {"kind": "account", "user": user, "role": role}
    return _sealed(slot, _passphrase_kek(document, passphrase), _aad(document, slot), key)


def _recovery_slot(document: dict, code: str, key: bytes) -> dict:
    slot = {"kind": "recovery"}
    return _sealed(
        slot, _recovery_kek(document, _normal_recovery_code(code)), _aad(document, slot), key
    )


def _sealed(slot: dict, kek: bytes, aad: bytes, key: bytes) -> dict:
    nonce = os.urandom(12)
    return {**slot, "nonce": _b64(nonce), "wrapped": _b64(AESGCM(kek).encrypt(nonce, key, aad))}


def _open_slot(slot: dict, kek: bytes, aad: bytes) -> bytes | None:
    try:
        nonce = base64.b64decode(slot["nonce"])
        return AESGCM(kek).decrypt(nonce, base64.b64decode(slot["wrapped"]), aad)
    except (InvalidTag, KeyError, ValueError):
        return None


def _aad(document: dict, slot: dict) -> bytes:
    parts = (
        FORMAT,
        document["database_id"],
        slot["kind"],
        slot.get("user", ""),
        slot.get("role", ""),
    )
    return "\x1f".join(parts).encode("utf-8")


def _passphrase_kek(document: dict, passphrase: str) -> bytes:
    kdf = document["kdf"]
    return Scrypt(
        salt=base64.b64decode(kdf["salt"]), length=32, n=kdf["n"], r=kdf["r"], p=kdf["p"]
    ).derive(passphrase.encode("utf-8"))


def _recovery_kek(document: dict, code: str) -> bytes:
    # The code carries 200 random bits: a slow KDF would add nothing but waiting.
    salt = base64.b64decode(document["kdf"]["salt"])
    return HKDF(hashes.SHA256(), 32, salt, b"jaring recovery code").derive(code.encode("ascii"))


def _normal_recovery_code(text: str) -> str:
    letters = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    ok = len(letters) == 5 * _RECOVERY_GROUPS and all(ch in _RECOVERY_ALPHABET for ch in letters)
    return letters if ok else ""


def _refuse_passphrase_in_use(document: dict, passphrase: str) -> None:
    kek = _passphrase_kek(document, passphrase)
    if any(_open_slot(s, kek, _aad(document, s)) for s in _accounts(document)):
        raise KeyringError(
            "passphrase_in_use", "kata sandi ini sudah dipakai akun lain; pilih yang lain"
        )


def _check_role(role: str) -> None:
    if role not in ACCOUNT_ROLES:
        raise ValueError(f"role must be one of {', '.join(ACCOUNT_ROLES)}: {role!r}")


# --- the file --------------------------------------------------------------------------------


def _read(path: Path) -> dict:
    try:
        document = json.loads(path.read_bytes())
    except FileNotFoundError as exc:
        raise KeyringError("no_keys", f"berkas kunci {path} tidak ada") from exc
    except (OSError, ValueError) as exc:
        raise KeyringError("damaged", f"berkas kunci {path} tidak bisa dibaca") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise KeyringError("damaged", f"{path} bukan berkas kunci Jaring yang dikenal")
    if not isinstance(document.get("slots"), list) or not isinstance(document.get("kdf"), dict):
        raise KeyringError("damaged", f"berkas kunci {path} rusak")
    return document


def _write(path: Path, document: dict, *, replace: bool = True) -> None:
    data = json.dumps(document, indent=1, ensure_ascii=False).encode("utf-8")
    try:
        write_atomically(path, data, 0o600, replace=replace)
    except FileExistsError as exc:
        raise KeyringError("user_exists", f"berkas kunci {path} sudah ada") from exc


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
