"""Use case: KPJ cards handed to the workers, by the registrations chosen or for a whole
desa's ceremony (`models.card_handover`), called by the command line and the GUI alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from models import card_handover
from models.regions import Regions, default_regions


@dataclass(frozen=True)
class HandoverDone:
    """What was recorded: the day, how many were named and how many changed."""

    handed_on: str
    participants: int
    changed: int

    def as_json(self) -> dict:
        return {"handed_on": self.handed_on, "participants": self.participants,
                "changed": self.changed}  # fmt: skip


def desa_ids(db: Database, desa: str, regions: Regions | None = None) -> list[str]:
    """The ids of a desa's participants who may be handed a card; refused for a code that
    names no desa, or a desa without any."""
    regions = regions or default_regions()
    if regions.village(desa) is None:
        raise card_handover.HandoverRefused(f"desa {desa!r} tidak dikenal (mis. 62.08.01.2001)")
    ids = [holder.registration_id for holder in card_handover.desa_card_holders(db, desa)]
    if not ids:
        raise card_handover.HandoverRefused(f"desa {desa} belum punya peserta dengan nomor KPJ")
    return ids


def record_card_handover(
    db: Database, registration_ids: list[str], on: date, actor: str, *, today: date
) -> HandoverDone:
    """Record the handover of each registration's card on ``on`` (one transaction)."""
    changed = card_handover.record_handover(db, registration_ids, on, actor, today=today)
    return HandoverDone(on.isoformat(), len(registration_ids), changed)
