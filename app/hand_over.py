"""The document a set-up hands over — an officer device's enrolment to the district, the
district's profile to its officers — written at set-up, and written again when that first
write failed (a pulled or full USB stick).

The set-up itself stands once the keys and the identity are recorded; only the file is
missing then, so `HandOverNotWritten` says so and `write_hand_over_again` remakes the document
from the identity and writes it elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from exchange.keys import make_enrolment, write_json_atomic
from models.identity import IdentityError, load_identity


class HandOverNotWritten(OSError):
    """The set-up is done, but its document could not be written at ``path``: the error of
    the operating system (``errno``, ``strerror``) and the fingerprint to read out."""

    def __init__(self, failure: OSError, path: Path, fingerprint: str):
        if failure.errno is None:
            super().__init__(*failure.args)
        else:
            super().__init__(failure.errno, failure.strerror, failure.filename)
        self.path = path
        self.fingerprint = fingerprint


def write_hand_over(path: Path | str, document: dict) -> Path:
    """Write the document a set-up just made to ``path``; `HandOverNotWritten` when that
    fails (the set-up stands)."""
    try:
        return write_json_atomic(path, document)
    except OSError as exc:
        raise HandOverNotWritten(exc, Path(path), document["fingerprint"]) from exc


def document_to_hand_over(db: Database) -> tuple[str, dict]:
    """What this installation hands over, remade from its identity: ("enrolment", the
    enrolment) for an officer device, ("profile", the district profile) for the district."""
    identity = load_identity(db)
    if identity is None:
        raise IdentityError("not_initialised", "this database has no identity yet")
    if identity.role == "officer":
        enrolment = make_enrolment(identity.device_id, identity.name, identity.signing_public_pem)
        return "enrolment", enrolment
    return "profile", dict(identity.district_profile or {})


def write_hand_over_again(db: Database, path: Path | str) -> Path:
    """Write this installation's document (remade from its identity) to ``path``, after the
    first write failed; OSError when this one fails too."""
    _, document = document_to_hand_over(db)
    return write_json_atomic(path, document)
