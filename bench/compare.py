"""Set two runs of `bench/run_all.py` side by side: each figure's median in both, and the
ratio of the second to the first (for times, above 1 is slower).

    .venv/bin/python bench/compare.py bench/results-A.json bench/results-B.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def compare(first: dict, second: dict) -> list[tuple[str, float | None, float | None]]:
    """(figure, first median, second median) for every figure in either run."""
    rows = []
    names = sorted(
        {f"{b}.{n}" for b, figs in first["figures"].items() for n in figs}
        | {f"{b}.{n}" for b, figs in second["figures"].items() for n in figs}
    )
    for name in names:
        bench, figure = name.split(".", 1)
        rows.append((name, _median(first, bench, figure), _median(second, bench, figure)))
    return rows


def _median(run: dict, bench: str, figure: str) -> float | None:
    return run["figures"].get(bench, {}).get(figure, {}).get("median")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    first, second = (json.loads(Path(p).read_text()) for p in argv)
    for run, path in ((first, argv[0]), (second, argv[1])):
        print(f"{path}: {run['when']}, load {run['load_average_at_start']}, {run['runs']} runs")
    print(f"{'figure':<44} {'first':>12} {'second':>12} {'ratio':>8}")
    for name, a, b in compare(first, second):
        ratio = f"{b / a:.2f}x" if a and b is not None else "-"
        shown = [f"{v:12.3f}" if v is not None else f"{'-':>12}" for v in (a, b)]
        print(f"{name:<44} {shown[0]} {shown[1]} {ratio:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
