"""Protecting an installation that was plain: the database encrypted in place
(`models.encryption.protect`) and its private key files sealed under the same key, so a
lost laptop's key folder is as unreadable as its database."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from exchange.keys import KeyStore, key_folder_for
from models import keyring
from models.db import open_database
from models.encryption import protect
from models.identity import load_identity


def protect_installation(path: Path | str, passphrase: str, user: str) -> keyring.Unlocked:
    """Encrypt the plain database at ``path`` (no connection to it may be open) with one
    account ``user`` (a district's first account is its supervisor), then seal its key
    files. Returns the keys, remembered for this process."""
    path = Path(path)
    with closing(open_database(path)) as db:
        identity = load_identity(db)
    role = "supervisor" if identity is not None and identity.role == "district" else "officer"
    unlocked = protect(path, passphrase, user, role)
    folder = Path(identity.key_dir) if identity and identity.key_dir else key_folder_for(path)
    KeyStore(folder).seal_existing()
    return unlocked
