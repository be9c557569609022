"""What encryption at rest costs (issue 14): each figure on a plain database and on the same
database encrypted with SQLCipher, in the same run. Goal: encryption costs <= 15%, and
unlocking (scrypt on the passphrase, then the first page read) <= 0.7 s.

- save p99 with N registrations present (N = 500,000 unless ``--records``), as the GUI saves;
- search p99 over every kind of query of bench_search;
- import of the 50 batches x 2,000 of bench_batches into an empty district;
- cold start to a painted list (bench_list's child), plain, and encrypted including the
  unlock at the real scrypt cost.

    python bench/bench_encryption.py [--records N]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import CACHE, ROOT, demo_db, percentile, verdict

PASSPHRASE = "bench kata sandi panjang"
GOAL = 1.15


def encrypted_copy(plain: Path) -> Path:
    """``plain`` converted by `models.encryption.protect` (kept in bench/.cache)."""
    from models.encryption import protect
    from models.keyring import keys_path

    path = CACHE / f"{plain.stem}.encrypted.db"
    if not path.exists() or not keys_path(path).exists():
        for leftover in (path, keys_path(path)):
            leftover.unlink(missing_ok=True)
        work = CACHE / f"{plain.stem}.encrypting.db"
        shutil.copyfile(plain, work)
        started = time.perf_counter()
        protect(work, PASSPHRASE, "bench", "officer")
        keys_path(work).rename(keys_path(path))
        work.rename(path)
        print(f"  (encrypted {plain.name} in {time.perf_counter() - started:.1f} s)", flush=True)
    return path


def unlocked(path: Path) -> float:
    """Unlock ``path`` for this process; the seconds it took."""
    from models import keyring

    started = time.perf_counter()
    keyring.remember(path, keyring.unlock(path, PASSPHRASE))
    return time.perf_counter() - started


def _copy(path: Path, folder: Path) -> Path:
    from models.keyring import keys_path

    target = folder / path.name
    shutil.copyfile(path, target)
    if keys_path(path).exists():
        shutil.copyfile(keys_path(path), keys_path(target))
    return target


def _save_p99(path: Path) -> float:
    from bench.bench_save import _saves

    return percentile(_saves(path), 99) * 1000


def _search_p99(path: Path) -> float:
    from bench import bench_search
    from bench.bench_search import ROUNDS, kinds_of_query
    from models.db import open_database
    from models.store import RegistrationStore

    db = open_database(path)
    (count,) = db.execute("SELECT max(rowid) FROM registrations").fetchone()
    bench_search.SAMPLE_ROWIDS = tuple(
        max(1, row * count // 500_000) for row in (1000, 123456, 400000)
    )  # bench_search's rows, scaled to a smaller database
    store = RegistrationStore(db)
    queries = [q for texts in kinds_of_query(db).values() for q in texts]
    for query in queries:
        store.search(query)
    times = []
    for _ in range(ROUNDS):
        for query in queries:
            started = time.perf_counter()
            store.search(query)
            times.append(time.perf_counter() - started)
    db.close()
    return percentile(times, 99) * 1000


def _import_seconds(folder: Path, encrypted: bool) -> float:
    from bench.bench_batches import CHILD, SITE, site

    site()
    db_path = folder / "district.db"
    shutil.copyfile(SITE / "district-empty.db", db_path)
    child = CHILD
    if encrypted:
        from models.encryption import protect

        protect(db_path, PASSPHRASE, "bench", "supervisor")
        child = CHILD.replace(
            "db = open_database(sys.argv[1])",
            "from models import keyring\n"
            f"keyring.remember(sys.argv[1], keyring.unlock(sys.argv[1], {PASSPHRASE!r}))\n"
            "db = open_database(sys.argv[1])",
        )
    done = subprocess.run(
        [sys.executable, "-c", child, str(db_path), str(SITE / "batches")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"import child failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])["import_s"]


def _cold_start(path: Path, encrypted: bool) -> float:
    from bench.bench_list import CHILD

    child = CHILD
    if encrypted:
        assert "    db = open_database(db_path)" in CHILD
        child = CHILD.replace(
            "    db = open_database(db_path)",
            "    from models import keyring\n"
            "    _started = time.perf_counter()\n"
            f"    keyring.remember(db_path, keyring.unlock(db_path, {PASSPHRASE!r}))\n"
            "    _unlock_s = time.perf_counter() - _started\n"
            "    db = open_database(db_path)",
        ).replace(
            "print(json.dumps(result))",
            "result['unlock_s'] = _unlock_s\nprint(json.dumps(result))",
        )
    launched = time.time()
    done = subprocess.run(
        [sys.executable, "-c", child, repr(launched), "cold", str(path)],
        capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["painted_s"], result.get("unlock_s", 0.0)


def _line(what: str, plain: float, encrypted: float, unit: str) -> dict:
    ratio = encrypted / plain if plain else float("inf")
    print(
        f"{what:<34} plain {plain:9.2f} {unit}  encrypted {encrypted:9.2f} {unit}"
        f"  ratio {ratio:.2f}x  ({verdict(ratio, GOAL)} of {GOAL:.2f}x)"
    )
    return {"plain": plain, "encrypted": encrypted, "ratio": ratio}


def main(records: int = 500_000, runs: int = 3) -> dict:
    plain_db = demo_db(records)
    encrypted_db = encrypted_copy(plain_db)
    unlock_s = unlocked(encrypted_db)
    figures = {}
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        pairs = {"save": [], "search": [], "import": [], "cold": [], "cold_unlock": []}
        for run in range(runs):
            folder = work / f"run-{run}"
            folder.mkdir()
            (folder / "p").mkdir()
            (folder / "e").mkdir()
            plain, encrypted = _copy(plain_db, folder / "p"), _copy(encrypted_db, folder / "e")
            unlocked(encrypted)
            pairs["save"].append((_save_p99(plain), _save_p99(encrypted)))
            pairs["search"].append((_search_p99(plain), _search_p99(encrypted)))
            pairs["import"].append(
                (_import_seconds(folder / "p", False), _import_seconds(folder / "e", True))
            )
            (cold_plain, _), (cold_encrypted, unlock_s) = (
                _cold_start(plain, False),
                _cold_start(encrypted, True),
            )
            pairs["cold"].append((cold_plain * 1000, (cold_encrypted - unlock_s) * 1000))
            pairs["cold_unlock"].append((cold_plain * 1000, cold_encrypted * 1000))
            shutil.rmtree(folder)
    print(f"records present: {records:,}; {runs} runs each, medians")
    names = {
        "save": ("save p99", "ms"),
        "search": ("search p99", "ms"),
        "import": ("import of 50 x 2,000 batches", "s"),
        "cold": ("cold start, unlocking left out", "ms"),
        "cold_unlock": ("cold start, unlocking included", "ms"),
    }
    for key, (what, unit) in names.items():
        if not pairs[key]:
            continue
        plain = statistics.median(p for p, _ in pairs[key])
        encrypted = statistics.median(e for _, e in pairs[key])
        figures[key] = _line(what, plain, encrypted, unit)
    print(f"unlocking (scrypt + first read): {unlock_s * 1000:.0f} ms;"
          f" goal 700 ms: {verdict(unlock_s, 0.7)}")  # fmt: skip
    figures["unlock_ms"] = unlock_s * 1000
    return figures


if __name__ == "__main__":
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--records", type=int, default=500_000)
    options.add_argument("--runs", type=int, default=3)
    parsed = options.parse_args()
    print(json.dumps(main(parsed.records, parsed.runs)))
    print(f"({ROOT.name}: figures above; JSON last)")
