"""HTTP sync: 50 officer devices push 20 batches each at once to one district server on
loopback, some uploads cut off mid-body; every batch must be stored exactly once.

Set-up: a district and 50 enrolled officer databases, each with 20 batches of 5-20 demo
registrations (about 11,300 people in all) written by the real export. Then:

- **HTTP**: ``python main.py serve`` in a child process; 50 threads each run the real
  client (`httpsync.client.sync`: status, push in seq order, verify and store receipts, pull
  updates). Before its sync, each device starts about one upload in ten by hand and closes
  the socket after half the body (the server sees the connection drop; nothing is merged;
  the device's sync sends that batch again). Latency is per batch as the device sees it
  (request, merge, receipt verified and stored).
- **Baseline**: the same 1,000 files through ``import`` (`app.batch_import.import_batches`)
  into a fresh copy of the same district database, in the same run.

Checks: 1,000 imported batches, each once; every registration inserted once (merge_log);
registrations + NIK conflicts = the people sent; every batch acknowledged on its device.
"""

from __future__ import annotations

import base64
import itertools
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import ROOT, percentile

DEVICES = 50
BATCHES = 20
DROP_EVERY = 10  # about one upload in ten is cut off first


def records_in(device: int, batch: int) -> int:
    return 5 + (device * 7 + batch * 3) % 16


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build(folder: Path) -> tuple[Path, list[Path], int]:
    """The district database (devices enrolled, nothing imported) and the officers'."""
    from demo.fill import fill_demo
    from exchange.enrolment import enrol, init_district, init_officer
    from exchange.keys import write_json_atomic
    from exchange.outgoing import export_batch
    from models.db import open_database

    district_path = folder / "district.db"
    district = open_database(district_path)
    profile = init_district(district, folder / "district-keys", "Disnaker", "62.08", 9863)
    officers, people = [], 0
    scratch = folder / "scratch"
    scratch.mkdir()
    for device in range(DEVICES):
        path = folder / f"officer-{device}.db"
        db = open_database(path, synchronous="OFF")
        enrolment = init_officer(
            db, folder / f"officer-{device}-keys", profile, f"Petugas {device}"
        )
        write_json_atomic(folder / f"officer-{device}.json", enrolment)
        enrol(district, folder / f"officer-{device}.json", actor="bench")
        for batch in range(BATCHES):
            fill_demo(db, records_in(device, batch), seed=device * 1000 + batch,
                      today=date(2026, 11, 27))  # fmt: skip
            people += export_batch(db, scratch).records
        db.close()
        officers.append(path)
    district.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    district.close()
    shutil.rmtree(scratch)
    return district_path, officers, people


def _cut_upload(port: int, db, seq: int) -> None:
    """Start uploading batch ``seq`` and close the socket after half of its body."""
    from exchange import keys
    from exchange.enrolment import own_signing_key
    from httpsync.server import request_text
    from models.batches import batch_content

    device = db.execute("SELECT device_id FROM identity").fetchone()[0]
    batch_id = db.execute("SELECT batch_id FROM batches WHERE seq = ?", [seq]).fetchone()[0]
    content = batch_content(db, seq)[1]
    path = f"/v1/batches/{batch_id}"
    stamp = str(int(time.time()))
    signature = keys.sign(own_signing_key(db), request_text("PUT", path, "", stamp, device))
    head = (
        f"PUT {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(content)}\r\n"
        f"X-Jaring-Device: {device}\r\nX-Jaring-Time: {stamp}\r\n"
        f"X-Jaring-Signature: {base64.b64encode(signature).decode()}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(head.encode() + content[: len(content) // 2])


def run_http(district_path: Path, officers: list[Path]) -> tuple[float, list[float], int, dict]:
    from httpsync.client import Backoff, sync
    from models.db import open_database

    port = _free_port()
    log = open(district_path.with_name("server.log"), "wb")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "serve", "--no-encryption", "--db",
         str(district_path),
         "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    import httpx

    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    latencies: list[float] = []
    cuts = 0
    totals = {"sent": 0, "already": 0, "failed": 0}
    lock = threading.Lock()
    start = threading.Barrier(len(officers))

    def device(number: int, path: Path) -> None:
        nonlocal cuts
        db = open_database(path)
        try:
            start.wait()
            for seq in range(1, BATCHES + 1):
                if (number * BATCHES + seq) % DROP_EVERY == 0:
                    _cut_upload(port, db, seq)
                    with lock:
                        cuts += 1
            marks: list[float] = []
            result = sync(
                db, url, backoff=Backoff(attempts=10, base=0.2, cap=2.0),
                progress=lambda done, total, text: marks.append(time.perf_counter()),
            )  # fmt: skip
            with lock:
                latencies.extend(b - a for a, b in itertools.pairwise(marks))
                totals["sent"] += result.batches_sent
                totals["already"] += result.batches_already_there
                totals["failed"] += result.batches_failed
        finally:
            db.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(officers)) as pool:
        for future in [pool.submit(device, n, p) for n, p in enumerate(officers)]:
            future.result()
    elapsed = time.perf_counter() - started
    server.terminate()
    server.wait(30)
    log.close()
    return elapsed, latencies, cuts, totals


def check(district_path: Path, officers: list[Path], people: int) -> str:
    from models.db import open_database

    db = open_database(district_path)
    batches = db.execute("SELECT COUNT(*), COUNT(DISTINCT batch_id) FROM imported_batches")
    count, distinct = batches.fetchone()
    registrations = db.execute("SELECT COUNT(*) FROM registrations").fetchone()[0]
    twice = db.execute(
        "SELECT COUNT(*) FROM (SELECT registration_id FROM merge_log WHERE decision = 'inserted'"
        " GROUP BY registration_id HAVING COUNT(*) > 1)"
    ).fetchone()[0]
    conflicts = db.execute("SELECT COUNT(*) FROM conflicts WHERE kind = 'nik'").fetchone()[0]
    db.close()
    unacknowledged = 0
    for path in officers:
        officer = open_database(path)
        unacknowledged += officer.execute(
            "SELECT COUNT(*) FROM batches WHERE acknowledged_at IS NULL"
        ).fetchone()[0]
        officer.close()
    expected = DEVICES * BATCHES
    ok = (
        count == distinct == expected
        and twice == 0
        and registrations + conflicts == people
        and unacknowledged == 0
    )
    return (
        f"{'OK' if ok else 'FAILED'}: {count} batches imported ({distinct} distinct, expected"
        f" {expected}), {registrations} registrations + {conflicts} NIK conflicts = "
        f"{registrations + conflicts} of {people} people sent, {twice} inserted twice,"
        f" {unacknowledged} batches unacknowledged on the devices"
    )


def run_import(clean_district: Path, officers: list[Path], folder: Path) -> float:
    from app.batch_import import import_batches
    from models.batches import batch_content
    from models.db import open_database

    files = folder / "files"
    files.mkdir()
    for path in officers:
        officer = open_database(path)
        for seq in range(1, BATCHES + 1):
            name, content = batch_content(officer, seq)
            (files / name).write_bytes(content)
        officer.close()
    db = open_database(clean_district)
    started = time.perf_counter()
    report = import_batches(db, [files], actor="bench")
    elapsed = time.perf_counter() - started
    db.close()
    assert report.batches_imported == DEVICES * BATCHES, report.batches_rejected[:3]
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="jaring-bench-sync-") as name:
        folder = Path(name)
        started = time.perf_counter()
        district_path, officers, people = build(folder)
        clean = folder / "district-clean.db"
        shutil.copyfile(district_path, clean)
        print(
            f"  set-up: {DEVICES} devices x {BATCHES} batches of 5-20 registrations"
            f" ({people} people) in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        elapsed, latencies, cuts, totals = run_http(district_path, officers)
        total = DEVICES * BATCHES
        p50, p99 = (percentile(latencies, p) * 1000 for p in (50, 99))
        print(
            f"  HTTP: {total} batches from {DEVICES} concurrent devices in {elapsed:.2f} s ="
            f" {total / elapsed:.0f} batches/s; per-batch latency p50 {p50:.0f} ms,"
            f" p99 {p99:.0f} ms (n={len(latencies)}); {cuts} uploads cut mid-body and sent again;"
            f" sent {totals['sent']}, already there {totals['already']},"
            f" failed {totals['failed']}",
            flush=True,
        )
        print(f"  {check(district_path, officers, people)}", flush=True)
        baseline = run_import(clean, officers, folder)
        print(
            f"  baseline: the same {total} files through import in {baseline:.2f} s ="
            f" {total / baseline:.0f} batches/s; HTTP reaches"
            f" {(total / elapsed) / (total / baseline):.2f}x the import's throughput",
            flush=True,
        )


if __name__ == "__main__":
    main()
