"""Excel import: reading and validating a list of 10,000 workers (budget <= 5 s on 2 cores),
then writing it in one transaction.

The input is made once with openpyxl from `models.demo.generate` and kept in bench/.cache:
one sheet, 27 columns as people write them (desa and kecamatan by name, names in capitals,
dates as date cells, NIKs as text), about one row in six with an error or a warning (the
demo's unfinished people). It is written twice: in openpyxl's normal mode, which stores text
in the shared-strings table and the sheet's size up front as Excel and LibreOffice do (the
budget's file), and in write-only mode, which stores every text inline and no size, as
Jaring's own export does (openpyxl reads inline text about three times slower). Each
measurement runs in a child process, which reports its time and peak memory (VmHWM):

- ``read``: openpyxl alone, every cell of the sheet in read-only mode (the floor);
- ``read_list``: the whole first step (read, convert, validate, look up NIKs);
- ``write_list``: the plan's ready and draft rows into a fresh database.

With ``--calamine`` (python-calamine installed), the same sheet read by calamine's Rust
reader is measured too, for comparison only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import CACHE, ROOT, verdict

ROWS = 10_000
BUDGET_S = 5.0
RUNS = 3
TODAY = date(2025, 6, 1)
INPUT = CACHE / f"excel-import-{ROWS}.xlsx"
INLINE = CACHE / f"excel-import-{ROWS}-inline.xlsx"

HEADER = [
    "No.", "NIK", "No. KK", "NAMA LENGKAP", "Tempat Lahir", "Tgl. Lahir", "L/P",
    "Status Perkawinan", "Nama Ibu Kandung", "Alamat", "RT", "RW", "Desa", "Kecamatan",
    "Kode Pos", "No. HP", "Email", "Pekerjaan", "Kelompok Sasaran", "Penghasilan", "JHT",
    "Sumber Iuran", "Periode Bayar", "Ahli Waris", "Hubungan", "No. HP Ahli Waris",
    "Persetujuan",
]  # fmt: skip


def _rows():
    from models.demo import generate
    from models.regions import default_regions

    regions = default_regions()
    yield HEADER
    for number, reg in enumerate(generate(ROWS, 11, "62.08", TODAY), start=1):
        village = regions.village(reg.village_code)
        yield [
            number, reg.nik, reg.kk, reg.full_name.upper(), reg.birth_place,
            datetime.combine(reg.birth_date, datetime.min.time()) if reg.birth_date else None,
            reg.sex, reg.marital_status, reg.mother_name, reg.address, reg.rt, reg.rw,
            village.name if village else "", regions.kecamatan_name(reg.kecamatan_code),
            reg.postal_code, reg.phone, reg.email, reg.occupation, reg.target_group,
            reg.monthly_income, "Ya" if reg.program_jht else "Tidak", reg.funding_source,
            f"{reg.contribution_months} bulan", reg.heir_name, reg.heir_relation,
            reg.heir_phone, "Ya" if reg.consent else "Tidak",
        ]  # fmt: skip


def make_inputs() -> tuple[Path, Path]:
    """The 10,000-row workbook in both forms, made once."""
    from openpyxl import Workbook

    CACHE.mkdir(parents=True, exist_ok=True)
    for path, write_only in ((INPUT, False), (INLINE, True)):
        if path.exists():
            continue
        started = time.perf_counter()
        workbook = Workbook(write_only=write_only)
        sheet = workbook.create_sheet("Daftar") if write_only else workbook.active
        sheet.title = "Daftar"
        for row in _rows():
            sheet.append(row)
        partial = path.with_suffix(".partial")
        workbook.save(partial)
        partial.rename(path)
        print(f"  (made {path.name} in {time.perf_counter() - started:.1f} s)", flush=True)
    return INPUT, INLINE


CHILD = textwrap.dedent(
    """
    import json, sys, time
    from datetime import date
    sys.path.insert(0, {root!r})
    kind, source, database = sys.argv[1:4]
    started = time.perf_counter()
    figures = {{}}
    if kind == "read":
        from openpyxl import load_workbook
        workbook = load_workbook(source, read_only=True, data_only=True)
        cells = sum(len(row) for row in workbook.active.iter_rows(values_only=True))
        workbook.close()
        figures["cells"] = cells
    elif kind == "calamine":
        from python_calamine import CalamineWorkbook
        rows = CalamineWorkbook.from_path(source).get_sheet_by_index(0).to_python()
        figures["cells"] = sum(len(row) for row in rows)
    else:
        from models.db import open_database
        from models.settings import Settings, save_settings
        from models.validation import ValidationContext
        from sync.excel_import import read_list, write_list
        db = open_database(database)
        save_settings(db, Settings(officer_name="Petugas Bench", configured=True))
        context = ValidationContext(today=date(2025, 6, 1))
        started = time.perf_counter()
        plan = read_list(db, source, context=context)
        figures["read_list_s"] = time.perf_counter() - started
        figures.update(rows=plan.rows_read, ready=plan.rows_ready, draft=plan.rows_draft,
                       rejected=plan.rows_rejected, duplicates=plan.duplicates)
        if kind == "write":
            started = time.perf_counter()
            result = write_list(db, plan, "bench")
            figures["write_list_s"] = time.perf_counter() - started
            figures["written"] = result.written
        db.close()
    figures["elapsed_s"] = time.perf_counter() - started
    with open("/proc/self/status") as status:
        peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    figures["max_rss_mb"] = peak_kb / 1024
    print(json.dumps(figures))
    """
).format(root=str(ROOT))


def child(kind: str, source: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, "-c", CHILD, kind, str(source), str(Path(tmp) / "bench.db")],
            check=True,
            capture_output=True,
            text=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(calamine: bool = False) -> None:
    shared, inline = make_inputs()
    for source, what in ((shared, "shared strings"), (inline, "inline strings")):
        size = source.stat().st_size / 1e6
        print(f"  input: {source.name} ({what}), {size:.1f} MB, {ROWS:,} rows")
        kinds = ["read", "plan", "write"] if source == shared else ["read", "plan"]
        measure(source, kinds + (["calamine"] if calamine else []))


def measure(source: Path, kinds: list[str]) -> None:
    for kind in kinds:
        runs = [child(kind, source) for _ in range(RUNS)]
        best = min(runs, key=lambda r: r.get("read_list_s", r["elapsed_s"]))
        if kind == "read":
            print(
                f"    openpyxl read-only, every cell ({best['cells']:,}): "
                f"{best['elapsed_s']:.2f} s, peak {best['max_rss_mb']:.0f} MB (best of {RUNS})"
            )
        elif kind == "calamine":
            print(
                f"    python-calamine, every cell ({best['cells']:,}): "
                f"{best['elapsed_s']:.2f} s, peak {best['max_rss_mb']:.0f} MB (best of {RUNS})"
            )
        elif kind == "plan":
            times = sorted(r["read_list_s"] for r in runs)
            print(
                f"    read_list: {best['read_list_s']:.2f} s (runs: "
                f"{', '.join(f'{t:.2f}' for t in times)}), peak {best['max_rss_mb']:.0f} MB; "
                f"{best['rows']:,} rows: {best['ready']:,} ready, {best['draft']:,} draft, "
                f"{best['rejected']:,} rejected, {best['duplicates']} duplicates "
                f"-> {verdict(best['read_list_s'], BUDGET_S)} ({BUDGET_S:.0f} s)"
            )
        else:
            print(
                f"    write_list: {best['write_list_s']:.2f} s for {best['written']:,} rows"
                f" (one transaction, audit rows); read_list + write_list"
                f" {best['read_list_s'] + best['write_list_s']:.2f} s,"
                f" peak {best['max_rss_mb']:.0f} MB"
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calamine", action="store_true", help="also python-calamine")
    main(parser.parse_args().calamine)
