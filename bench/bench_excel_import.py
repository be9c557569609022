"""Excel import of 10,000 workers: read and check, then write (whole import <= 5 s, 2 cores).

A village's list is read and validated (`read_list`), then written in one transaction
(`write_list`).

The input is made once with openpyxl from `demo.people.generate` and kept in bench/.cache:
one sheet, 27 columns as people write them (desa and kecamatan by name, names in capitals,
dates as date cells, NIKs as text), about one row in six with an error or a warning (the
demo's unfinished people). It comes in two forms: with its text in the shared-strings table
and the sheet's size up front, as Excel and LibreOffice write (openpyxl 3.1 writes every text
inline, so its file is rewritten here with a shared-strings table), and as openpyxl wrote it,
every text inline and, in write-only mode, no size (as Jaring's own export). Each measurement
runs in a child process, which reports its time (importing the reader included) and peak
memory (VmHWM):

- ``openpyxl``: openpyxl's read-only mode, every cell (the reader the import used before:
  the baseline);
- ``calamine``: python-calamine alone, every cell;
- ``reader``: `excel.reader` (calamine, the XML scan for error cells and the row count,
  cells made as openpyxl gave them), every cell;
- ``read_list``: the whole first step (read, convert, validate, look up NIKs);
- ``write_list``: the plan's ready and draft rows into a fresh database; with read_list,
  the whole import against the budget.

Then the largest sheet the import takes (200,000 rows: the 10,000 repeated) is opened and
loaded by `excel.reader`: calamine's load cannot be cancelled, so its time is how long
the Cancel button may have to wait. And `read_list` reads the whole of it: its peak memory is
the import's, the plan of 200,000 rows included. It was 1,455 MB (33-42 s) while calamine's copy
of the sheet stayed loaded until the last row was checked and every row kept its cells in a
dict of its own; reading the cells first, closing the workbook and keeping each row's cells
in one tuple (repeated texts shared) brought it to about 810 MB, below the 878 MB of the old
openpyxl reader, in 30-36 s (two busy cores: the times vary).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import CACHE, ROOT, verdict

ROWS = 10_000
BUDGET_S = 5.0
RUNS = 3
TODAY = date(2025, 6, 1)
INPUT = CACHE / f"excel-import-{ROWS}-shared.xlsx"
INLINE = CACHE / f"excel-import-{ROWS}-inline.xlsx"
LARGEST_ROWS = 200_000
LARGEST = CACHE / f"excel-import-{LARGEST_ROWS}-shared.xlsx"

HEADER = [
    "No.", "NIK", "No. KK", "NAMA LENGKAP", "Tempat Lahir", "Tgl. Lahir", "L/P",
    "Status Perkawinan", "Nama Ibu Kandung", "Alamat", "RT", "RW", "Desa", "Kecamatan",
    "Kode Pos", "No. HP", "Email", "Pekerjaan", "Kelompok Sasaran", "Penghasilan", "JHT",
    "Sumber Iuran", "Periode Bayar", "Ahli Waris", "Hubungan", "No. HP Ahli Waris",
    "Persetujuan",
]  # fmt: skip


def _rows():
    from demo.people import generate
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
        if not write_only:
            _to_shared_strings(partial)
        partial.rename(path)
        print(f"  (made {path.name} in {time.perf_counter() - started:.1f} s)", flush=True)
    return INPUT, INLINE


_INLINE = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"( s="[0-9]+")? t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>'
)
_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def _to_shared_strings(path: Path) -> None:
    """Rewrite openpyxl's inline strings as a shared-strings table, as Excel writes."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    index: dict[bytes, int] = {}

    def shared(match: re.Match) -> bytes:
        number = index.setdefault(match.group(3), len(index))
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (match.group(1), match.group(2) or b"", number)

    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = _INLINE.sub(shared, parts[sheet])
    items = b"".join(b'<si><t xml:space="preserve">%s</t></si>' % text for text in index)
    parts["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        b' count="%d" uniqueCount="%d">%s</sst>' % (len(index), len(index), items)
    )
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdSst" Type="{_SST_REL}" Target="sharedStrings.xml"/>'
        "</Relationships>".encode(),
    )
    types = "[Content_Types].xml"
    parts[types] = parts[types].replace(
        b"</Types>",
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SST}"/></Types>'.encode(),
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def make_largest(shared: Path) -> Path:
    """The largest sheet the import takes: the 10,000 rows again and again, renumbered."""
    if LARGEST.exists():
        return LARGEST
    started = time.perf_counter()
    with zipfile.ZipFile(shared) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    head, rest = sheet.split(b"<sheetData>", 1)
    body, tail = rest.split(b"</sheetData>", 1)
    first_end = body.index(b"</row>") + len(b"</row>")
    header, data = body[:first_end], body[first_end:]
    copies = [header]
    for copy in range(LARGEST_ROWS // ROWS):
        shift = copy * ROWS
        copies.append(
            re.sub(
                rb'r="([A-Z]*)([0-9]+)"',
                lambda m, shift=shift: b'r="%s%d"' % (m.group(1), int(m.group(2)) + shift),
                data,
            )
        )
    last = LARGEST_ROWS + 1
    head = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:AA%d"' % last, head)
    parts["xl/worksheets/sheet1.xml"] = (
        head + b"<sheetData>" + b"".join(copies) + b"</sheetData>" + tail
    )
    partial = LARGEST.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    partial.rename(LARGEST)
    print(f"  (made {LARGEST.name} in {time.perf_counter() - started:.1f} s)", flush=True)
    return LARGEST


CHILD = textwrap.dedent(
    """
    import json, sys, time
    from datetime import date
    sys.path.insert(0, {root!r})
    kind, source, database = sys.argv[1:4]
    started = time.perf_counter()
    figures = {{}}
    if kind == "openpyxl":
        from openpyxl import load_workbook
        workbook = load_workbook(source, read_only=True, data_only=True)
        cells = sum(len(row) for row in workbook.active.iter_rows(values_only=True))
        workbook.close()
        figures["cells"] = cells
    elif kind == "calamine":
        from python_calamine import CalamineWorkbook
        sheet = CalamineWorkbook.from_path(source).get_sheet_by_index(0)
        figures["cells"] = sum(len(row) for row in sheet.iter_rows())
    elif kind in ("reader", "largest"):
        from excel.reader import open_workbook
        loading = time.perf_counter()
        with open_workbook(source) as workbook:
            sheet = workbook.sheet(workbook.sheetnames[0])
            figures["load_s"] = time.perf_counter() - loading
            figures["cells"] = sum(len(cells) for _number, cells in sheet.rows())
    else:
        from models.db import open_database
        from models.settings import Settings, save_settings
        from models.validation import ValidationContext
        from excel.list_import import read_list, write_list
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


def main() -> None:
    shared, inline = make_inputs()
    for source, what in ((shared, "shared strings"), (inline, "inline strings")):
        size = source.stat().st_size / 1e6
        print(f"  input: {source.name} ({what}), {size:.1f} MB, {ROWS:,} rows")
        measure(source, ["openpyxl", "calamine", "reader", "write"])
    largest = make_largest(shared)
    print(f"  input: {largest.name}, {largest.stat().st_size / 1e6:.1f} MB, {LARGEST_ROWS:,} rows")
    measure(largest, ["largest", "read"], runs=1)


def measure(source: Path, kinds: list[str], runs: int = RUNS) -> None:
    for kind in kinds:
        results = [child(kind, source) for _ in range(runs)]
        best = min(results, key=lambda r: r.get("read_list_s", r["elapsed_s"]))
        of = f"best of {runs}"
        if kind == "openpyxl":
            print(
                f"    openpyxl read-only, every cell ({best['cells']:,}; the old reader): "
                f"{best['elapsed_s']:.2f} s, peak {best['max_rss_mb']:.0f} MB ({of})"
            )
        elif kind == "calamine":
            print(
                f"    python-calamine alone, every cell ({best['cells']:,}): "
                f"{best['elapsed_s']:.2f} s, peak {best['max_rss_mb']:.0f} MB ({of})"
            )
        elif kind == "reader":
            print(
                f"    excel.reader (calamine + XML scan + cells), every cell "
                f"({best['cells']:,}): {best['elapsed_s']:.2f} s (load {best['load_s']:.2f} s),"
                f" peak {best['max_rss_mb']:.0f} MB ({of})"
            )
        elif kind == "read":
            print(
                f"    read_list, the whole first step ({best['rows']:,} rows): "
                f"{best['read_list_s']:.2f} s, peak {best['max_rss_mb']:.0f} MB"
            )
        elif kind == "largest":
            print(
                f"    excel.reader, every cell ({best['cells']:,}): "
                f"{best['elapsed_s']:.2f} s, of which loading (not cancellable) "
                f"{best['load_s']:.2f} s; peak {best['max_rss_mb']:.0f} MB"
            )
        else:
            times = sorted(r["read_list_s"] for r in results)
            total = best["read_list_s"] + best["write_list_s"]
            print(
                f"    read_list: {best['read_list_s']:.2f} s (runs: "
                f"{', '.join(f'{t:.2f}' for t in times)}); "
                f"{best['rows']:,} rows: {best['ready']:,} ready, {best['draft']:,} draft, "
                f"{best['rejected']:,} rejected, {best['duplicates']} duplicates"
            )
            print(
                f"    write_list: {best['write_list_s']:.2f} s for {best['written']:,} rows"
                f" (one transaction, audit rows)"
            )
            print(
                f"    read_list + write_list: {total:.2f} s, peak {best['max_rss_mb']:.0f} MB"
                f" -> {verdict(total, BUDGET_S)} ({BUDGET_S:.0f} s)"
            )


if __name__ == "__main__":
    main()
