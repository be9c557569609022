"""Batches: export of 10,000 ready records (<= 0.5 s), and import of 50 batches of 2,000
records into a fresh district database (<= 3 s, peak memory <= 200 MB) (budgets, 2 cores).

The import set is ten officer devices, five batches each, made once with the real export
(signed, age-encrypted) and kept in bench/.cache: 10% of the people were registered by two
officers, so 5,000 arrive under a NIK another device already sent (NIK conflicts), and the
generator's common names give likely duplicates too. The import runs in a child process,
which reports its peak memory (VmHWM) and the time of `import_batches` alone (the files are
read and verified on a second thread while the previous batch merges; the time the reader
spent is shown too).

Baseline in the same run: the raw SQLite ingest of the same 100,000 row dicts (plain
``executemany`` INSERT, one transaction) into the empty registrations table of a fresh
database: the same indexes and full-text triggers (each row's trigger makes FTS5 write a
segment: the import's bulk path indexes a batch at once), except the unique index on live
NIKs, which the repeated NIKs would break. Reading and verifying the files (decryption,
JSON) is part of the import, not of the baseline.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import CACHE, ROOT, verdict

EXPORT_RECORDS = 10_000
EXPORT_RUNS = 3
DEVICES = 10
BATCHES_PER_DEVICE = 5
BATCH_RECORDS = 2_000
SHARED_SHARE = 0.10  # of each batch: people another officer registered too
TODAY = date(2026, 11, 27)
SITE = CACHE / "batches-v2"
DONE = SITE / "complete"

CHILD = textwrap.dedent(
    """
    import json, sys, time
    sys.path.insert(0, {root!r})
    from models.db import open_database
    from exchange import transfer
    reading = 0.0
    read_batch = transfer.read_batch
    def timed_read(*args, **kwargs):  # to show reading apart from merging
        global reading
        started = time.perf_counter()
        try:
            return read_batch(*args, **kwargs)
        finally:
            reading += time.perf_counter() - started
    transfer.read_batch = timed_read
    db = open_database(sys.argv[1])
    started = time.perf_counter()
    report = transfer.import_batches(db, [sys.argv[2]], actor="bench")
    elapsed = time.perf_counter() - started
    db.close()
    # VmHWM, not getrusage: Linux carries ru_maxrss over from the parent across exec.
    with open("/proc/self/status") as status:
        peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    report = report.as_json()
    print(json.dumps({{
        "import_s": elapsed, "reading_s": reading, "max_rss_mb": peak_kb / 1024,
        **{{k: report[k] for k in ("batches_imported", "records_inserted", "records_updated",
                                  "records_stale", "conflicts", "likely_duplicates")}},
        "rejected": len(report["batches_rejected"]), "gaps": len(report["gaps"]),
    }}))
    """
).format(root=str(ROOT))


def _ready(people, officer: str, device_id: str):
    from models.registration import Status

    return [
        reg.copy(status=Status.READY.value, created_by=officer, device_id=device_id)
        for reg in people
    ]


def _build_site() -> None:
    """The cached set-up: a fresh district database with every device enrolled, the 50
    batch files, and an officer database holding 10,000 ready records for the export."""
    from demo.people import generate
    from exchange.enrolment import enrol, init_district, init_officer
    from exchange.keys import write_json_atomic
    from exchange.transfer import export_batch
    from models.db import open_database
    from models.registration import new_id
    from models.store import RegistrationStore

    if SITE.exists():
        shutil.rmtree(SITE)  # an unfinished build
    SITE.mkdir(parents=True)
    started = time.perf_counter()
    district = open_database(SITE / "district-empty.db")
    profile = init_district(district, SITE / "district-keys", "Disnaker Bench", "62.08", 9863)
    (SITE / "batches").mkdir()
    per_device = BATCHES_PER_DEVICE * BATCH_RECORDS
    shared_each = round(per_device * SHARED_SHARE)
    # Every shared person goes to two neighbouring devices (under two different ids).
    pool = list(generate(DEVICES * shared_each // 2, seed=999, regency_code="62.08",
                         today=TODAY))  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch:
        for number in range(DEVICES):
            name = f"Petugas {number + 1:02d}"
            db = open_database(Path(scratch) / f"officer-{number}.db", synchronous="OFF")
            enrolment = init_officer(db, Path(scratch) / f"keys-{number}", profile, name)
            write_json_atomic(Path(scratch) / f"enrol-{number}.json", enrolment)
            enrol(district, Path(scratch) / f"enrol-{number}.json", actor="bench")
            device_id = enrolment["device_id"]
            start = number * shared_each // 2
            shared = [pool[(start + i) % len(pool)].copy(id=new_id()) for i in range(shared_each)]
            used = {reg.nik for reg in shared}
            own = []
            for reg in generate(per_device * 2, seed=1000 + number, regency_code="62.08",
                                today=TODAY):  # fmt: skip
                if reg.nik not in used:
                    used.add(reg.nik)
                    own.append(reg)
                if len(own) == per_device - shared_each:
                    break
            share = shared_each // BATCHES_PER_DEVICE
            own_share = BATCH_RECORDS - share
            store = RegistrationStore(db)
            for b in range(BATCHES_PER_DEVICE):
                people = (
                    own[b * own_share : (b + 1) * own_share] + shared[b * share : (b + 1) * share]
                )
                store.insert_many(_ready(people, name, device_id), name)
                exported = export_batch(db, SITE / "batches")
                assert exported.records == BATCH_RECORDS, exported
            db.close()
    district.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    district.close()

    officer = open_database(SITE / "officer-export.db", synchronous="OFF")
    init_officer(officer, SITE / "officer-keys", profile, "Petugas Ekspor")
    device_id = officer.execute("SELECT device_id FROM identity").fetchone()[0]
    people = list(generate(EXPORT_RECORDS, seed=5000, regency_code="62.08", today=TODAY))
    RegistrationStore(officer).insert_many(
        _ready(people, "Petugas Ekspor", device_id), "Petugas Ekspor"
    )
    officer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    officer.close()
    DONE.write_text("ok\n")
    print(f"  (made {SITE.name}/ in {time.perf_counter() - started:.1f} s)", flush=True)


def site() -> Path:
    if not DONE.exists():
        _build_site()
    return SITE


def _copy_db(source: Path, folder: Path) -> Path:
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def _export_times(folder: Path) -> list[float]:
    from exchange.transfer import export_batch
    from models.db import open_database

    times = []
    for run in range(EXPORT_RUNS):
        work = folder / f"export-{run}"
        work.mkdir()
        db = open_database(_copy_db(SITE / "officer-export.db", work))  # as the app opens it
        started = time.perf_counter()
        result = export_batch(db, work)
        times.append(time.perf_counter() - started)
        assert result.records == EXPORT_RECORDS, result
        db.close()
    return times


def _import_in_child(folder: Path) -> dict:
    db_path = _copy_db(SITE / "district-empty.db", folder)
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path), str(SITE / "batches")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if completed.returncode != 0:
        raise RuntimeError(f"import child failed:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _raw_ingest(folder: Path) -> tuple[float, int]:
    """(seconds of the raw ingest, rows); reading the files is not counted."""
    from exchange.batch_file import read_batch
    from exchange.enrolment import own_age_identity
    from exchange.transfer import batch_files
    from models.db import open_database
    from models.identity import trusted_key

    work = folder / "baseline"
    work.mkdir()
    district = open_database(_copy_db(SITE / "district-empty.db", work))  # for the keys
    age = own_age_identity(district)
    db = open_database(work / "raw.db")
    # 10% of the rows repeat a NIK: without this index they all go in, as the baseline must.
    db.execute("DROP INDEX registrations_live_nik")
    ingest = 0.0
    rows = 0
    db.execute("BEGIN IMMEDIATE")
    for path in batch_files([SITE / "batches"]):
        records = read_batch(
            path, device_key=lambda device: trusted_key(district, device), identity=age
        ).records
        names = list(records[0])
        sql = (
            f"INSERT INTO registrations ({', '.join(names)})"
            f" VALUES ({', '.join(':' + n for n in names)})"
        )
        started = time.perf_counter()
        db.conn.executemany(sql, records)
        ingest += time.perf_counter() - started
        rows += len(records)
    started = time.perf_counter()
    db.execute("COMMIT")
    ingest += time.perf_counter() - started
    db.close()
    district.close()
    return ingest, rows


def main() -> dict:
    site()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        export = _export_times(folder)
        imported = _import_in_child(folder)
        raw, rows = _raw_ingest(folder)
    median = statistics.median(export)
    print(
        f"export of {EXPORT_RECORDS:,} ready records: median {median:.3f} s, "
        f"min {min(export):.3f} s (n={len(export)}) vs budget 0.5 s: {verdict(median, 0.5)}"
    )
    total = DEVICES * BATCHES_PER_DEVICE * BATCH_RECORDS
    print(
        f"import of {DEVICES * BATCHES_PER_DEVICE} batches x {BATCH_RECORDS:,} = {total:,} records"
        f" ({DEVICES} devices): {imported['import_s']:.2f} s vs budget 3 s: "
        f"{verdict(imported['import_s'], 3)}"
    )
    print(
        f"  reading and verifying the files took {imported['reading_s']:.2f} s on the reader"
        " thread, overlapping the merge"
    )
    print(
        f"  inserted {imported['records_inserted']:,}, NIK conflicts {imported['conflicts']:,},"
        f" likely duplicates {imported['likely_duplicates']:,}, rejected"
        f" {imported['rejected']}, gaps {imported['gaps']}"
    )
    print(
        f"  peak memory of the importing process {imported['max_rss_mb']:.0f} MB vs budget"
        f" 200 MB: {verdict(imported['max_rss_mb'], 200)}"
    )
    print(
        f"raw SQLite ingest of the same {rows:,} rows (baseline): {raw:.2f} s; ratio"
        f" import/raw {imported['import_s'] / raw:.2f}x"
    )
    return {
        "export_s": median,
        "import_s": imported["import_s"],
        "import_max_rss_mb": imported["max_rss_mb"],
        "raw_ingest_s": raw,
    }


if __name__ == "__main__":
    main()
