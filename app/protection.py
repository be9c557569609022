"""Protecting an installation that was plain: the database encrypted in place
(`models.encryption.protect`), and then what a database set up encrypted would have had
from the start: its private key files sealed under the same key, on an officer's laptop the
district's slot (the district can then `recover` a forgotten passphrase), on a district's
database a recovery code (shown once)."""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from exchange.keys import KeyStore, key_folder_for
from models import keyring
from models.db import open_database
from models.encryption import protect
from models.identity import load_identity


@dataclass(frozen=True)
class Protected:
    """The keys (remembered for this process) and a district's new recovery code."""

    unlocked: keyring.Unlocked
    recovery_code: str | None


def protect_installation(
    path: Path | str, passphrase: str, user: str, role: str | None = None
) -> Protected:
    """Encrypt the plain database at ``path`` (no connection to it may be open) with one
    account ``user``, ``role`` by default the district's supervisor or the officer."""
    path = Path(path)
    with closing(open_database(path)) as db:
        identity = load_identity(db)
    district = identity is not None and identity.role == "district"
    role = role or ("supervisor" if district else "officer")
    unlocked = protect(path, passphrase, user, role)
    folder = Path(identity.key_dir) if identity and identity.key_dir else key_folder_for(path)
    KeyStore(folder).seal_existing()
    code = None
    if district:
        code = keyring.add_recovery_slot(path, unlocked)
    elif identity is not None and identity.age_recipient:
        keyring.add_district_slot(path, unlocked, identity.age_recipient)
    return Protected(unlocked, code)
