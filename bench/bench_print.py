"""Printing: 1,000 filled registration forms into one A4 PDF (<= 10 s, budget on 2 cores),
and the size of the file.

The people are the demo generator's (realistic names, addresses, incomes and heirs of
Kabupaten Sukamara), made before the clock starts. The time is `write_pdf` with
`paint_forms` as the print dialog and ``main.py print-forms`` run it: laying out and painting
every page, compressing and writing the PDF, fsync and rename. An F4 run is shown beside it.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import verdict

FORMS = 1_000
SEED = 7
TODAY = date(2026, 11, 27)
BUDGET_S = 10.0


def _context(paper: str):
    from models.contribution import default_table
    from models.regions import default_regions
    from ui.printing.context import PrintContext

    regions = default_regions()
    return PrintContext(
        regency_code="62.08",
        regency_name="Kabupaten Sukamara",
        officer="Petugas Bench",
        today=TODAY,
        regions=regions,
        contributions=default_table(),
        paper=paper,
    )


def _write(people, paper: str, folder: Path) -> tuple[float, int, int]:
    """(seconds, pages, bytes) of writing ``people`` as forms into one PDF."""
    from ui.printing.forms import paint_forms
    from ui.printing.paper import write_pdf

    path = folder / f"forms-{paper}.pdf"
    context = _context(paper)
    started = time.perf_counter()
    pages = write_pdf(path, lambda device: paint_forms(device, people, context), paper=paper)
    return time.perf_counter() - started, pages, path.stat().st_size


def main() -> dict:
    from PySide6.QtGui import QGuiApplication

    from demo.people import generate

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts need it)
    people = list(generate(FORMS, seed=SEED, regency_code="62.08", today=TODAY))
    with tempfile.TemporaryDirectory() as scratch:
        _write(people[:5], "A4", Path(scratch))  # fonts and region tables loaded once
        a4_s, pages, size = _write(people, "A4", Path(scratch))
        f4_s, f4_pages, f4_size = _write(people, "F4", Path(scratch))
    assert pages == f4_pages == FORMS, (pages, f4_pages)
    print(
        f"{FORMS:,} filled forms (A4) into one PDF: {a4_s:.2f} s"
        f" ({a4_s / FORMS * 1000:.1f} ms a page) vs budget {BUDGET_S:.0f} s:"
        f" {verdict(a4_s, BUDGET_S)}"
    )
    print(f"  file size {size / 1e6:.1f} MB ({size / FORMS / 1000:.1f} kB a page)")
    print(f"  the same on F4: {f4_s:.2f} s, {f4_size / 1e6:.1f} MB")
    return {"forms_a4_s": a4_s, "forms_pdf_mb": size / 1e6, "forms_f4_s": f4_s}


if __name__ == "__main__":
    main()
