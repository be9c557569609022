"""What the sync tests share: a quick backoff, and officers' registrations made ready."""

from datetime import date

from demo.fill import fill_demo
from httpsync.client import Backoff

QUICK = Backoff(attempts=8, base=0.05, cap=0.5)


def statuses(db):
    return dict(db.execute("SELECT status, COUNT(*) FROM registrations GROUP BY status"))


def imported(district):
    return district.execute("SELECT COUNT(*) FROM imported_batches").fetchone()[0]


def ready(db, count, seed):
    fill_demo(db, count, seed=seed, today=date(2026, 11, 27))
    return statuses(db).get("ready", 0)
