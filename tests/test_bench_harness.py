"""The benchmark harness's arithmetic: min and median per figure, and two runs compared."""

from bench.compare import compare
from bench.run_all import summarise


def test_figures_of_several_runs_are_summarised_as_min_and_median():
    runs = [{"save_p99_ms": 3.0, "nested": {"x": 1}}, {"save_p99_ms": 5.0, "nested": {"x": 3}},
            {"save_p99_ms": 4.0, "nested": {"x": 2}, "label": "not a figure"}]  # fmt: skip
    figures = summarise(runs)
    assert figures["save_p99_ms"] == {"min": 3.0, "median": 4.0, "values": [3.0, 5.0, 4.0]}
    assert figures["nested.x"]["median"] == 2.0
    assert "label" not in figures


def test_two_runs_compare_figure_by_figure():
    first = {"figures": {"save": {"p99": {"median": 2.0}}}}
    second = {"figures": {"save": {"p99": {"median": 3.0}}, "search": {"p99": {"median": 1.0}}}}
    assert compare(first, second) == [("save.p99", 2.0, 3.0), ("search.p99", None, 1.0)]
