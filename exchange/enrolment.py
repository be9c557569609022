"""Setting an installation up as the district office or as an officer device, and enrolling
officer devices at the district.

The order of work matters: every value is checked and every key made in memory first, then
the key files are written (never over an existing one), then the identity is recorded in
one transaction; if recording fails, the new key files are removed again, so a failed
set-up can simply be run again.

The command line (``district-init``, ``officer-init``, ``enrol``) and the GUI call these;
they write the returned documents with `exchange.keys.write_json_atomic`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import uuid
from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyrage import x25519
from sqlite_utils import Database

from exchange import keys
from exchange.keys import KeyExists, KeyStore, KeyStoreError
from models.db import write_transaction
from models.identity import (
    Device,
    Identity,
    IdentityError,
    enrol_device,
    load_identity,
    require_role,
    save_identity,
)
from models.settings import load_settings, save_settings

SIGNING_KEY = "signing"  # this installation's Ed25519 key, officer or district
AGE_IDENTITY = "district"  # the district's age identity (batches are encrypted to it)


def init_district(
    db: Database, key_folder: Path | str, name: str, regency_code: str, target: int
) -> dict:
    """Make this database the district office: create its age identity and Ed25519 key in
    ``key_folder``, record the identity (and the regency and target as settings), and
    return the district profile to hand to officers."""
    _refuse_if_initialised(db)
    signing = keys.new_signing_key()
    age = x25519.Identity.generate()
    profile = keys.make_district_profile(
        name, regency_code, target, str(age.to_public()), keys.public_pem(signing)
    )
    store = KeyStore(key_folder)
    signing_path = store.signing_key_path(SIGNING_KEY)
    age_path = store.age_identity_path(AGE_IDENTITY)
    _refuse_existing_keys([signing_path, age_path])
    identity = Identity(
        role="district",
        device_id=load_settings(db).device_id or str(uuid.uuid4()),
        name=profile["name"],
        regency_code=profile["regency_code"],
        signing_public_pem=profile["signing_public_key_pem"],
        fingerprint=profile["fingerprint"],
        key_dir=str(store.folder.resolve()),
        created_at=profile["created_at"],
        age_recipient=profile["age_recipient"],
        district_profile=profile,
    )
    store.save_signing_key(SIGNING_KEY, signing)
    with _removed_on_failure(signing_path):
        store.save_age_identity(AGE_IDENTITY, age)
        with _removed_on_failure(age_path):
            _record(db, identity, target=profile["target"])
    return profile


def init_officer(db: Database, key_folder: Path | str, profile: dict, officer: str) -> dict:
    """Make this database an officer device of the district in ``profile``: create the
    device's Ed25519 key in ``key_folder``, record the identity and the profile (the
    device id, officer, regency and target also become settings), and return the
    enrolment to hand to the district."""
    profile = keys.check_district_profile(profile)
    _refuse_if_initialised(db)
    signing = keys.new_signing_key()
    device_id = load_settings(db).device_id or str(uuid.uuid4())
    enrolment = keys.make_enrolment(device_id, officer, keys.public_pem(signing))
    store = KeyStore(key_folder)
    signing_path = store.signing_key_path(SIGNING_KEY)
    _refuse_existing_keys([signing_path])
    identity = Identity(
        role="officer",
        device_id=device_id,
        name=enrolment["officer"],
        regency_code=profile["regency_code"],
        signing_public_pem=enrolment["public_key_pem"],
        fingerprint=enrolment["fingerprint"],
        key_dir=str(store.folder.resolve()),
        created_at=enrolment["created_at"],
        age_recipient=profile["age_recipient"],
        district_profile=profile,
    )
    store.save_signing_key(SIGNING_KEY, signing)
    with _removed_on_failure(signing_path):
        _record(db, identity, target=profile["target"], officer_name=enrolment["officer"])
    return enrolment


def _record(db: Database, identity: Identity, **settings_changes) -> None:
    """Store ``identity`` and make the settings agree with it, in one transaction."""
    with write_transaction(db):
        settings = dataclasses.replace(
            load_settings(db),
            device_id=identity.device_id,
            regency_code=identity.regency_code,
            **settings_changes,
        )
        save_settings(db, settings)
        save_identity(db, identity)


def enrol(db: Database, path: Path | str, actor: str) -> Device:
    """Read the enrolment file at ``path`` and add its device to this district's trust
    store (see `models.identity.enrol_device` for what is refused)."""
    require_role(db, "district", "only a district database enrols devices; run district-init first")
    return enrol_device(db, keys.read_enrolment(path), actor)


def own_signing_key(db: Database) -> Ed25519PrivateKey:
    """This installation's Ed25519 private key, checked against its recorded identity."""
    identity = _require_identity(db)
    key = KeyStore(identity.key_dir).load_signing_key(SIGNING_KEY)
    if keys.fingerprint(keys.public_pem(key)) != identity.fingerprint:
        raise KeyStoreError(
            f"the signing key in {identity.key_dir} is not this database's key"
            f" (expected fingerprint {identity.fingerprint})"
        )
    return key


def own_age_identity(db: Database) -> x25519.Identity:
    """The district's age identity, checked against its recorded recipient."""
    identity = require_role(db, "district", "only the district holds the age identity")
    age = KeyStore(identity.key_dir).load_age_identity(AGE_IDENTITY)
    if str(age.to_public()) != identity.age_recipient:
        raise KeyStoreError(
            f"the age identity in {identity.key_dir} is not this district's"
            f" (expected recipient {identity.age_recipient})"
        )
    return age


def _require_identity(db: Database) -> Identity:
    identity = load_identity(db)
    if identity is None:
        raise IdentityError(
            "not_initialised", "this database has no identity; run district-init or officer-init"
        )
    return identity


def _refuse_if_initialised(db: Database) -> None:
    identity = load_identity(db)
    if identity is not None:
        raise IdentityError(
            "already_initialised",
            f"this database is already set up as {identity.role} device {identity.device_id}"
            f" ({identity.name}, fingerprint {identity.fingerprint}); set-up happens once",
        )


def _refuse_existing_keys(paths: list[Path]) -> None:
    for path in paths:
        if path.exists():
            raise KeyExists(
                f"a key already exists at {path} although this database has no identity;"
                " move that folder away if the key belongs to no other database"
            )


@contextlib.contextmanager
def _removed_on_failure(path: Path) -> Iterator[None]:
    """Remove ``path`` (a key file this set-up just wrote, never used) if the block fails,
    so that the set-up can be run again."""
    try:
        yield
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise
