"""Segment codes: every funding source has BPJS's code, and the table says it is unverified."""

from __future__ import annotations

import json

import pytest

from models.registration import FundingSource
from models.segments import default_segment_codes, load_segment_codes


def test_every_funding_source_has_its_segment_code():
    table = default_segment_codes()
    assert {source.value: table.code_for(source) for source in FundingSource} == {
        "apbd": "SA", "apbdes": "SD", "dbh_sawit": "SG", "csr": "SC", "mandiri": "SL",
    }  # fmt: skip
    assert set(table.codes) == {"SA", "SD", "SG", "SC", "SB", "SL"}
    assert table.name_of("SA") == "Pekerja Rentan Desa APBD"
    assert table.code_for("apbn") == "SL"


def test_the_mapping_is_marked_unverified_until_the_branch_confirms_it():
    table = default_segment_codes()
    assert not table.verified
    assert "KC Pangkalan Bun" in table.note


def test_a_code_without_a_name_is_refused(tmp_path):
    path = tmp_path / "codes.json"
    path.write_text(json.dumps({"codes": {"SA": "x"}, "funding_sources": {"apbd": "SZ"}}))
    with pytest.raises(ValueError, match="SZ"):
        load_segment_codes(path)
