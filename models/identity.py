"""Who this installation is, and which officer devices the district trusts (all their SQL).

`identity` holds one row: an officer device or the district office, its public signing
key and fingerprint, and where its private key files are. It is set once per database.

`devices` is the district's trust store: every enrolled officer device with its Ed25519
public key. A device is never deleted, only revoked, so the record of who was trusted when
stays; a revoked device id cannot be enrolled again (a new device id is needed).

Private keys never come here. Checking keys and documents is `exchange.keys`'s job: the
enrolments given to `enrol_device` are expected to have been validated there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from models import keyring
from models.audit import now_iso
from models.db import database_path, write_transaction
from models.settings import load_settings

ROLES = ("officer", "district")

_IDENTITY_COLUMNS = (
    "role", "device_id", "name", "regency_code", "signing_public_pem", "fingerprint",
    "age_recipient", "district_profile", "key_dir", "created_at",
)  # fmt: skip
_DEVICE_COLUMNS = (
    "device_id", "officer", "public_key_pem", "fingerprint", "enrolled_at", "enrolled_by",
    "revoked_at", "revoked_by",
)  # fmt: skip


class IdentityError(Exception):
    """This database's identity does not allow what was asked. ``code`` is stable:
    ``already_initialised`` (an identity is recorded; set-up happens once),
    ``not_initialised`` (no identity yet), ``not_district`` (district-only work),
    ``not_officer`` (work of an officer's device)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class TrustError(Exception):
    """The trust store refuses a change. ``code`` is stable: ``unknown_device``,
    ``revoked`` (the device id was revoked), ``key_mismatch`` (the device is enrolled with
    another key), ``key_in_use`` (the key is enrolled under another device id)."""

    def __init__(self, code: str, device_id: str, message: str):
        super().__init__(message)
        self.code = code
        self.device_id = device_id


@dataclass(frozen=True)
class Identity:
    """This installation: an officer device or the district office.

    For an officer, ``name`` is the officer, ``age_recipient`` the district's (batches are
    encrypted to it) and ``district_profile`` the profile it was set up from; for the
    district, ``name`` is the district, ``age_recipient`` its own and ``district_profile``
    the profile it hands out. ``signing_public_pem`` is always this installation's own key.
    """

    role: str
    device_id: str
    name: str
    regency_code: str
    signing_public_pem: str
    fingerprint: str
    key_dir: str
    created_at: str = ""
    age_recipient: str = ""
    district_profile: dict | None = None


@dataclass(frozen=True)
class Device:
    """An enrolled officer device in the district's trust store."""

    device_id: str
    officer: str
    public_key_pem: str
    fingerprint: str
    enrolled_at: str
    enrolled_by: str
    revoked_at: str | None = None
    revoked_by: str | None = None

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


def load_identity(db: Database) -> Identity | None:
    """This database's identity, or None before ``district-init`` / ``officer-init``."""
    row = db.execute(f"SELECT {', '.join(_IDENTITY_COLUMNS)} FROM identity WHERE id = 1").fetchone()
    if row is None:
        return None
    values = dict(zip(_IDENTITY_COLUMNS, row, strict=True))
    values["district_profile"] = json.loads(values["district_profile"] or "null")
    return Identity(**values)


def is_officer_device(db: Database) -> bool:
    """Whether this database is an officer's laptop (where every edit must leave again)."""
    return identity_as(db, "officer") is not None


def identity_as(db: Database, role: str) -> Identity | None:
    """This database's identity when it has ``role`` ("officer" or "district"), else None."""
    identity = load_identity(db)
    return identity if identity is not None and identity.role == role else None


def require_role(
    db: Database,
    role: str,
    message: str,
    error: Callable[[str, str], Exception] = IdentityError,
) -> Identity:
    """This database's identity, which must have ``role``; otherwise raises
    ``error("not_<role>", message)`` (an `IdentityError` unless the caller's domain has an
    error of its own with the same code, e.g. a receipt's)."""
    identity = identity_as(db, role)
    if identity is None:
        raise error(f"not_{role}", message)
    return identity


def actor_name(db: Database) -> str:
    """Who works on this installation, for the audit log: the account that unlocked an
    encrypted database, else the officer's name in the settings, else the name of the
    identity (the officer or the district office)."""
    unlocked = keyring.remembered(database_path(db))
    if unlocked is not None and unlocked.user:
        return unlocked.user
    identity = load_identity(db)
    return load_settings(db).officer_name or (identity.name if identity else "")


def require_supervisor(db: Database, what: str) -> None:
    """Refuse ``what`` (enrolling, revoking, rejecting, managing accounts, the audit log)
    to a ``staff`` account of an encrypted district database. A plain database has no
    accounts: it is a demo or a test, on purpose."""
    unlocked = keyring.remembered(database_path(db))
    if unlocked is not None and unlocked.role == "staff":
        raise IdentityError("not_supervisor", f"hanya supervisor yang boleh {what}")


def save_identity(db: Database, identity: Identity) -> Identity:
    """Record ``identity``; returns it as stored.

    An identity is set once: replacing it with another role, device id or signing key is
    refused (`IdentityError`), since batches already signed or enrolled would no longer
    match. Saving the same identity again may update its other fields.
    """
    if identity.role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}: {identity.role!r}")
    with write_transaction(db):
        existing = load_identity(db)
        if existing is not None:
            if (existing.role, existing.device_id) != (identity.role, identity.device_id):
                raise IdentityError(
                    "already_initialised",
                    f"this database is already set up as {existing.role} device"
                    f" {existing.device_id}; it cannot become {identity.role} device"
                    f" {identity.device_id}",
                )
            if not _same_pem(existing.signing_public_pem, identity.signing_public_pem):
                raise IdentityError(
                    "already_initialised",
                    f"this database already has a signing key (fingerprint"
                    f" {existing.fingerprint}); it is never replaced",
                )
        values = {
            "role": identity.role,
            "device_id": identity.device_id,
            "name": identity.name,
            "regency_code": identity.regency_code,
            "signing_public_pem": identity.signing_public_pem,
            "fingerprint": identity.fingerprint,
            "age_recipient": identity.age_recipient,
            "district_profile": (
                json.dumps(identity.district_profile, ensure_ascii=False)
                if identity.district_profile is not None
                else ""
            ),
            "key_dir": identity.key_dir,
            "created_at": existing.created_at if existing else identity.created_at or now_iso(),
        }
        updates = ", ".join(f"{c} = excluded.{c}" for c in _IDENTITY_COLUMNS if c != "created_at")
        db.execute(
            f"INSERT INTO identity (id, {', '.join(_IDENTITY_COLUMNS)})"
            f" VALUES (1, {', '.join('?' for _ in _IDENTITY_COLUMNS)})"
            f" ON CONFLICT(id) DO UPDATE SET {updates}",
            [values[c] for c in _IDENTITY_COLUMNS],
        )
        return load_identity(db)


def device(db: Database, device_id: str) -> Device | None:
    """The trust store's entry for ``device_id`` (revoked or not), or None."""
    row = db.execute(
        f"SELECT {', '.join(_DEVICE_COLUMNS)} FROM devices WHERE device_id = ?", [device_id]
    ).fetchone()
    return Device(*row) if row else None


def list_devices(db: Database) -> list[Device]:
    """Every enrolled device, revoked ones included, in order of enrolment."""
    return [
        Device(*row)
        for row in db.execute(f"SELECT {', '.join(_DEVICE_COLUMNS)} FROM devices ORDER BY rowid")
    ]


def trusted_key(db: Database, device_id: str) -> str | None:
    """The public key PEM that batches from ``device_id`` must verify with; None when the
    device is unknown or revoked."""
    row = db.execute(
        "SELECT public_key_pem FROM devices WHERE device_id = ? AND revoked_at IS NULL",
        [device_id],
    ).fetchone()
    return row[0] if row else None


def trusted_keys(db: Database) -> dict[str, str]:
    """Device id -> public key PEM of every enrolled device not revoked."""
    return dict(
        db.execute("SELECT device_id, public_key_pem FROM devices WHERE revoked_at IS NULL")
    )


def enrol_device(db: Database, enrolment: dict, actor: str) -> Device:
    """Add the device of ``enrolment`` (validated by `exchange.keys.read_enrolment`) to the
    trust store; returns its entry.

    Enrolling the same device with the same key again changes nothing. Refused
    (`TrustError`): a device id enrolled with another key, a revoked device id, a key
    already enrolled under another device id.
    """
    try:
        device_id = enrolment["device_id"]
        officer = enrolment["officer"]
        pem = enrolment["public_key_pem"]
        fingerprint = enrolment["fingerprint"]
    except KeyError as exc:
        raise ValueError(f"enrolment: missing field {exc.args[0]}") from None
    for name, value in (
        ("device_id", device_id),
        ("officer", officer),
        ("public_key_pem", pem),
        ("fingerprint", fingerprint),
    ):
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"enrolment: {name} must be a non-empty text")
    with write_transaction(db):
        existing = device(db, device_id)
        if existing is not None:
            if existing.revoked:
                raise TrustError(
                    "revoked",
                    device_id,
                    f"device {device_id} was revoked on {existing.revoked_at} by"
                    f" {existing.revoked_by}; a revoked device cannot be enrolled again",
                )
            if not _same_pem(existing.public_key_pem, pem):
                raise TrustError(
                    "key_mismatch",
                    device_id,
                    f"device {device_id} is already enrolled with another key (fingerprint"
                    f" {existing.fingerprint}, not {fingerprint}); refusing to replace it",
                )
            return existing
        for other in list_devices(db):
            if _same_pem(other.public_key_pem, pem):
                raise TrustError(
                    "key_in_use",
                    device_id,
                    f"this key (fingerprint {fingerprint}) is already enrolled for device"
                    f" {other.device_id}",
                )
        db.execute(
            f"INSERT INTO devices ({', '.join(_DEVICE_COLUMNS)})"
            " VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)",
            [device_id, officer, pem, fingerprint, now_iso(), actor],
        )
        return device(db, device_id)


def revoke_device(db: Database, device_id: str, actor: str) -> Device:
    """Stop trusting ``device_id``: its batches are rejected from now on. Revoking a
    revoked device changes nothing; an unknown one is a `TrustError`."""
    with write_transaction(db):
        existing = device(db, device_id)
        if existing is None:
            raise TrustError("unknown_device", device_id, f"device {device_id} is not enrolled")
        if not existing.revoked:
            db.execute(
                "UPDATE devices SET revoked_at = ?, revoked_by = ? WHERE device_id = ?",
                [now_iso(), actor, device_id],
            )
        return device(db, device_id)


def _same_pem(a: str, b: str) -> bool:
    """Two PEM texts hold the same bytes, whatever their line endings or wrapping."""
    return "".join(a.split()) == "".join(b.split())
