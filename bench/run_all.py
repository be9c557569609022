"""Run every benchmark and print its figures (first run builds the demo databases: minutes)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import (
    bench_batches,
    bench_coverage,
    bench_dashboard,
    bench_excel_export,
    bench_excel_import,
    bench_list,
    bench_print,
    bench_save,
    bench_search,
    bench_sync,
)

if __name__ == "__main__":
    for module in (
        bench_list,
        bench_dashboard,
        bench_coverage,
        bench_search,
        bench_save,
        bench_batches,
        bench_print,
        bench_excel_export,
        bench_excel_import,
        bench_sync,
    ):
        print(f"== {module.__name__}: {module.__doc__.strip().splitlines()[0]}", flush=True)
        module.main()
