"""Region tables: the fast per-regency look-ups agree with a full read of the files."""

import csv
from collections import defaultdict

from models.regions import Regions, default_regions
from models.resources import resource_path


def _full_read(name: str) -> dict[str, set[str]]:
    by_regency = defaultdict(set)
    with resource_path("regions", name).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            by_regency[row["code"][:5]].add(row["code"])
    return by_regency


def test_per_regency_lookups_match_the_whole_files():
    regions = Regions()
    kecamatan = _full_read("districts.csv")
    villages = _full_read("villages.csv")
    assert len(kecamatan) == len(villages) == 514  # every regency of Indonesia
    assert set(regions.regencies) == set(kecamatan)
    for regency in regions.regencies:
        assert {r.code for r in regions.kecamatan_of(regency)} == kecamatan[regency], regency
        assert {v.code for v in regions.villages_of(regency)} == villages[regency], regency


def test_sukamara():
    regions = default_regions()
    assert regions.regency_name("62.08") == "KABUPATEN SUKAMARA"
    assert [k.name for k in regions.kecamatan_of("62.08")] == [
        "Sukamara", "Jelai", "Balai Riam", "Pantai Lunci", "Permata Kecubung",
    ]  # fmt: skip
    assert len(regions.villages_of("62.08")) == 32
    assert regions.village("62.08.01.2001").name == "Natai Sedawak"
    assert regions.kecamatan_name("62.08.02") == "Jelai"
    assert regions.kecamatan_name("62.08.99") == ""
    assert regions.village("62.08.99.2001") is None
    assert all(v.parent == "62.08.02" for v in regions.villages_in_kecamatan("62.08.02"))
    assert regions.kecamatan_known("35.15.17")  # Sidoarjo: a migrant's NIK
    assert not regions.kecamatan_known("62.08.99")
