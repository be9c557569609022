"""The records list: cold start to a painted list of 100,000 rows (<= 0.5 s), and scrolling
to the last of 500,000 rows (<= 50 ms) with memory <= 150 MB (budgets, 2 cores, offscreen).

Each measurement runs in a fresh process, started by this script, so "cold" means cold: the
time counts from the moment the child process is launched (interpreter start, imports, opening
the database, building the window, first paint). Baseline in the same run: the same child
showing an empty QTableView (the floor set by Python and Qt alone).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import ROOT, demo_db, verdict

CHILD = textwrap.dedent(
    """
    import json, os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, {root!r})
    launched = float(sys.argv[1])
    mode, db_path = sys.argv[2], sys.argv[3]
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QTableView

    class Painted(QObject):
        done = False
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                Painted.done = True
            return False

    app = QApplication([])
    watcher = Painted()
    if mode == "baseline":
        view = QTableView()
        view.resize(1280, 800)
        table = view
    else:
        from models.db import open_database
        from models.settings import load_settings
        from ui.main_window import MainWindow
        db = open_database(db_path)
        view = MainWindow(db, load_settings(db))
        view.tabs.setCurrentWidget(view.records)  # the dashboard is the first tab
        view.resize(1280, 800)
        table = view.records.table
    table.viewport().installEventFilter(watcher)
    view.show()
    while not Painted.done:
        app.processEvents()
    result = {{"painted_s": time.time() - launched}}
    if mode == "scroll":
        model = table.model()
        rows = model.rowCount()
        started = time.perf_counter()
        table.scrollToBottom()
        table.selectRow(rows - 1)
        Painted.done = False
        table.viewport().repaint()
        while not Painted.done:
            app.processEvents()
        result["scroll_s"] = time.perf_counter() - started
        result["rows"] = rows
        result["last_row_shown"] = model.data(model.index(rows - 1, 1))
        result["rows_in_memory"] = model.loaded_row_count()
    elif mode == "cold":
        result["rows"] = table.model().rowCount()
    # VmHWM, not getrusage: Linux carries ru_maxrss over from the parent across exec.
    with open("/proc/self/status") as status:
        peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    result["max_rss_mb"] = peak_kb / 1024
    print(json.dumps(result))
    """
).format(root=str(ROOT))


def _child(mode: str, db_path: Path | str) -> dict:
    launched = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, repr(launched), mode, str(db_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def best_of(runs: int, mode: str, db_path) -> dict:
    results = [_child(mode, db_path) for _ in range(runs)]
    key = "scroll_s" if mode == "scroll" else "painted_s"
    return min(results, key=lambda r: r[key])


def main() -> dict:
    db_100k, db_500k = demo_db(100_000), demo_db(500_000)
    baseline = best_of(3, "baseline", "")
    cold = best_of(3, "cold", db_100k)
    scroll = best_of(3, "scroll", db_500k)
    print(
        f"empty QTableView, process launch to first paint (baseline): "
        f"{baseline['painted_s'] * 1000:.0f} ms, {baseline['max_rss_mb']:.0f} MB"
    )
    print(
        f"cold start to painted list of {cold['rows']:,} rows: {cold['painted_s'] * 1000:.0f} ms"
        f" (ratio to baseline {cold['painted_s'] / baseline['painted_s']:.2f}x), "
        f"{cold['max_rss_mb']:.0f} MB; budget 500 ms: {verdict(cold['painted_s'], 0.5)}"
    )
    print(
        f"scroll to last of {scroll['rows']:,} rows: {scroll['scroll_s'] * 1000:.1f} ms "
        f"(budget 50 ms: {verdict(scroll['scroll_s'], 0.05)}); last row: "
        f"{scroll['last_row_shown']!r}; rows in memory: {scroll['rows_in_memory']:,}"
    )
    print(
        f"  memory of that process: {scroll['max_rss_mb']:.0f} MB peak "
        f"(budget 150 MB: {verdict(scroll['max_rss_mb'], 150)}; "
        f"baseline {baseline['max_rss_mb']:.0f} MB)"
    )
    return {
        "cold_ms": cold["painted_s"] * 1000,
        "scroll_ms": scroll["scroll_s"] * 1000,
        "rss_mb": scroll["max_rss_mb"],
    }


if __name__ == "__main__":
    main()
