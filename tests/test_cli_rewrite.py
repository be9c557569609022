"""``export --rewrite SEQ`` with a number that names no batch (issue 18): one line in
Indonesian and exit 1, never a traceback."""

import pytest

from tests.cli import run_cli


@pytest.mark.parametrize("seq", ["0", "-1", "99999999999999999999", "7"])
def test_a_rewrite_of_a_batch_that_is_not_there_is_a_one_line_reason(sites, tmp_path, capsys,
                                                                      seq):  # fmt: skip
    _, _, usb = sites
    done = run_cli(capsys, "export", "--rewrite", seq, "--out", usb, "--db", tmp_path / "budi.db")
    assert done.code == 1
    (line,) = done.err.strip().splitlines()
    assert line.startswith("jaring export: ") and "batch" in line and seq in line
    assert "Traceback" not in done.err
