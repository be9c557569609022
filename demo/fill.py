"""Storing fake people: `fill_demo` puts what `demo.people.generate` makes into a database,
skipping people whose NIK it already holds (so the same seed twice adds nothing)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import islice

from sqlite_utils import Database

from demo.people import generate
from demo.tables import DEFAULT_OFFICER
from models.db import page_cache
from models.registration import Registration
from models.settings import load_settings
from models.store import RegistrationStore


def fill_demo(
    db: Database,
    records: int,
    seed: int = 1,
    regency_code: str | None = None,
    batch_size: int = 10_000,
    progress: Callable[[int, int], None] | None = None,
    *,
    today: date | None = None,
) -> int:
    """Generate ``records`` people with `generate` and store those whose NIK the database
    does not hold yet; returns how many were stored.

    Running it twice with the same seed stores nothing the second time (the same people
    already live there); a different seed adds new people. The regency and the officer come
    from the settings unless ``regency_code`` is given. Each batch of ``batch_size`` is one
    transaction; ``progress(done, total)`` is called after each.
    """
    if records < 0:
        raise ValueError("records must not be negative")
    settings = load_settings(db)
    officer = settings.officer_name.strip() or DEFAULT_OFFICER
    people = generate(
        records,
        seed,
        regency_code or settings.regency_code,
        today or date.today(),
        officer=officer,
        device_id=settings.device_id,
    )
    store = RegistrationStore(db)
    inserted = done = 0
    with page_cache(db, _FILL_CACHE_KIB):
        while batch := list(islice(people, max(1, batch_size))):
            inserted += _store_new(store, batch, officer)
            done += len(batch)
            if progress:
                progress(done, records)
    return inserted


#: Page cache while filling (KiB): the indexes outgrow SQLite's default 2 MB after some
#: 50,000 rows, and every batch then rereads them from disk.
_FILL_CACHE_KIB = 128 * 1024


def _store_new(store: RegistrationStore, batch: list[Registration], actor: str) -> int:
    held = store.live_niks_among([reg.nik for reg in batch])
    new = [reg for reg in batch if reg.nik not in held]
    return store.insert_many(new, actor) if new else 0
