"""BPJS's participation segment codes, and the code each funding source is registered under.

Pekerja rentan are registered by the BPJS branch as a group under a segment code (SA
Pekerja Rentan Desa APBD, SD APBDes, SG Pemerintah, SC Korporasi/UMB (CSR), SB
Perbankan/UMB, SL other funding). Which code a funding source takes is data
(`resources/segment_codes.json`), marked unverified until the branch confirms it, so a
correction is an edit of that file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from models.resources import resource_path

#: The code of a funding source the table does not name: "other funding".
OTHER_FUNDING = "SL"


@dataclass(frozen=True)
class SegmentCodes:
    """The segment codes (code -> BPJS's name) and the code of each funding source."""

    codes: dict[str, str]
    by_funding: dict[str, str]
    verified: bool = False
    note: str = ""

    def code_for(self, funding_source: str) -> str:
        """The segment code of ``funding_source`` (`OTHER_FUNDING` for one not listed)."""
        return self.by_funding.get(funding_source, OTHER_FUNDING)

    def name_of(self, code: str) -> str:
        return self.codes.get(code, "")


def load_segment_codes(path: Path | None = None) -> SegmentCodes:
    """The table in ``path`` (the shipped one by default); ValueError when a funding source
    names a code the table does not define."""
    data = json.loads((path or resource_path("segment_codes.json")).read_text(encoding="utf-8"))
    codes = {str(k): str(v) for k, v in data["codes"].items()}
    by_funding = {str(k): str(v) for k, v in data["funding_sources"].items()}
    unknown = sorted(set(by_funding.values()) - set(codes))
    if unknown:
        raise ValueError(f"segment codes without a name: {', '.join(unknown)}")
    return SegmentCodes(codes, by_funding, data.get("verified") is True, str(data.get("note", "")))


@cache
def default_segment_codes() -> SegmentCodes:
    """The shipped table, read once per process."""
    return load_segment_codes()
