"""``sync`` killed at each of its steps, on the officer's laptop or on the district's server,
then run again, and what the district must hold afterwards.

Before the killed sync the officer's first batch reached the district by USB (and its
receipt came back), the district gave one registration its KPJ number and rejected another,
the officer wrote batch 2 onto a stick that never arrived and registered five more people.
So the killed sync packs batch 3, pushes 2 and 3, and pulls two status updates. After the
kill the sync runs again (the server started again if it was the one killed), the officer
registers three more and syncs once more; then every registration must be at the district
exactly once, every batch acknowledged once (no ``seq_reused``, no gap, no broken chain),
both status updates applied, both databases whole with their audit chains intact, and
nothing left in the temporary folders or in the server's log of errors.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import httpx

from app.officer import export_to_folder
from httpsync.client import Backoff, SyncError, sync
from models import merge
from models.bulk_import import set_registered
from models.db import open_database
from models.private_temp import temp_root
from models.status_updates import reject_registrations
from tests.faults.field import (
    Field,
    add_people,
    district_problems,
    import_at_district,
    make_field,
    registrations_lost,
)
from tests.faults.harness import ROOT, environment, jaring
from tests.faults.scenarios import Outcome
from tests.httpsync.server_process import free_port

#: The officer's steps, in order: the batch packed (before and after COMMIT), then for each
#: of the two batches pushed the district's answer (its receipt not yet checked nor kept)
#: and the receipt kept, the batch acknowledged; the status updates read, then applied.
SYNC_STEPS = (
    "export.recorded", "sync.packed", "sync.answered#1", "sync.acknowledged#1",
    "sync.answered#2", "sync.acknowledged#2", "sync.updates_read", "sync.updates_applied",
)  # fmt: skip
#: The server's steps for each batch pushed: verified (nothing written), merged and
#: committed with its receipt made (not yet answered).
SERVER_STEPS = ("serve.verified#1", "serve.merged#1", "serve.verified#2", "serve.merged#2")
#: The KPJ number the district gives the first registration.
KPJ = "12345678901"
#: Retries of a sync whose server was killed: it fails soon, and is run again.
_SOON = Backoff(attempts=2, base=0.05, cap=0.1)


class DistrictServer:
    """``python main.py serve`` on the district's database, on a free loopback port, killed
    at ``fault`` if it gets there; its log is kept beside the database."""

    def __init__(self, field: Field, fault: str | None = None, trace: Path | None = None):
        self.field = field
        self.port = free_port()
        self.log = field.root / f"server-{self.port}.log"
        argv = ["main.py", "serve", "--port", str(self.port), "--db", str(field.district),
                "--no-encryption"]  # fmt: skip
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, *argv], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                env=environment(fault, trace, field.tmp),
            )  # fmt: skip
        self._wait_until_it_answers()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _wait_until_it_answers(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError("the server did not answer in 30 s")

    def ended(self, timeout: float = 10) -> int | None:
        """The exit status once it ended (None if it still runs after ``timeout`` s)."""
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            if self.ended() is None:
                self.process.kill()
                self.process.wait()

    def errors(self) -> list[str]:
        """Lines of its log that say it failed (a 500, a traceback)."""
        text = self.log.read_text(errors="replace")
        return [line for line in text.splitlines() if "internal error" in line or
                line.startswith("Traceback")]  # fmt: skip


def before_the_sync(field: Field) -> list[str]:
    """Batch 1 went by USB and was answered, the district registered the first and
    rejected the second of its registrations, batch 2 went onto a stick that has not arrived
    (it does after the syncs, and is skipped),
    and five more people wait. Returns the ids of the registered and the rejected one."""
    stick = field.sticks[0]
    with closing(open_database(field.officer)) as officer:
        assert export_to_folder(officer, stick).batch is not None
    import_at_district(field, stick, receipts=True)
    with closing(open_database(field.district)) as district:
        first, second = (row for row in district.execute(
            "SELECT id, version FROM registrations ORDER BY id LIMIT 2"
        ))  # fmt: skip
        set_registered(district, [(first[0], first[1], KPJ)], "staf")
        reject_registrations(district, {second[0]: "Foto KTP buram"}, "staf")
    add_people(field, 4, seed=2)
    with closing(open_database(field.officer)) as officer:
        assert export_to_folder(officer, stick).batch.seq == 2
    add_people(field, 5, seed=3)
    return [first[0], second[0]]


def sync_cli(field: Field, url: str, fault: str | None = None, trace: Path | None = None):
    """``python main.py sync --url URL --json`` on the officer's laptop."""
    return jaring("sync", "--url", url, "--json", db=field.officer, fault=fault, trace=trace,
                  tmp=field.tmp)  # fmt: skip


def sync_killed(root: Path, step: str) -> Outcome:
    """Kill ``sync`` (an officer's step) or the server (a ``serve.*`` step) at ``step``, run
    the sync again, sync once more after three more registrations, and check."""
    field = make_field(root, people=12)
    decided = before_the_sync(field)
    on_server = step.startswith("serve.")
    server = DistrictServer(field, fault=step if on_server else None)
    outcome = Outcome()
    try:
        if on_server:
            outcome.killed = _server_killed(field, server, outcome)
            server.stop()
            server = DistrictServer(field)
        else:
            outcome.killed = sync_cli(field, server.url, fault=step).killed
        again = sync_cli(field, server.url)
        if outcome.ran(again, "the sync after the kill"):
            failures = json.loads(again.out.splitlines()[-1])["failures"]
            outcome.problems += [f"refused: {f}" for f in failures]
        add_people(field, 3, seed=4)
        outcome.ran(sync_cli(field, server.url), "the next sync")
    finally:
        server.stop()
    outcome.problems += [f"server: {line}" for line in server.errors()]
    outcome.problems += sync_problems(field, decided)
    outcome.lost = registrations_lost(field)
    return outcome


def _server_killed(field: Field, server: DistrictServer, outcome: Outcome) -> bool:
    """Sync while the server kills itself: the sync stops with ``unreachable``."""
    with closing(open_database(field.officer)) as officer:
        try:
            sync(officer, server.url, backoff=_SOON, timeout=10)
        except SyncError as exc:
            if exc.code != "unreachable":
                outcome.problems.append(f"the sync the server died under: {exc.code}: {exc}")
        else:
            outcome.problems.append("the sync finished although the server died")
    return server.ended() == -9


def sync_problems(field: Field, decided: list[str]) -> list[str]:
    """What the district and the officer hold wrong after the syncs (see the module)."""
    problems = district_problems(field, import_at_district(field, *field.sticks))
    with closing(open_database(field.district)) as district:
        problems += [f"gap: {gap}" for gap in merge.gaps(district)]
        problems += [f"broken chain: {seq}" for seq in merge.broken_chains(district)]
        held = [s for (s,) in district.execute("SELECT seq FROM imported_batches ORDER BY seq")]
    with closing(open_database(field.officer)) as officer:
        sent = [s for (s,) in officer.execute("SELECT seq FROM batches ORDER BY seq")]
        waiting = officer.execute(
            "SELECT COUNT(*) FROM batches WHERE acknowledged_at IS NULL"
        ).fetchone()[0]
        statuses = dict(officer.execute("SELECT id, status || ' ' || kpj FROM registrations"))
        left = {s for s in statuses.values() if s.split()[0] not in ("received", "draft")}
    if held != sent or sent != [1, 2, 3, 4]:
        problems.append(f"the officer sent batches {sent}, the district holds {held}")
    if waiting:
        problems.append(f"{waiting} batches never acknowledged")
    if [statuses.get(i, "").strip() for i in decided] != [f"registered {KPJ}", "rejected"]:
        problems.append(f"status updates not applied: {[statuses.get(i) for i in decided]}")
    if left - {f"registered {KPJ}", "rejected "}:
        problems.append(f"statuses at the officer: {sorted(left)}")
    problems += [f"left in the temporary folder: {p.name}" for p in field.tmp.iterdir()]
    for path in (field.officer, field.district):
        root = temp_root(path)
        if root.exists():
            problems += [f"left beside {path.name}: {p.name}" for p in root.iterdir()]
    return problems
