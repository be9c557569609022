"""Demo data: realistic, reproducible people that pass validation, stored with an intact
audit chain."""

import dataclasses
from collections import Counter
from contextlib import closing
from datetime import date

import pytest

from demo.fill import fill_demo
from demo.people import generate
from models.audit import verify_chain
from models.db import open_database
from models.nik import kk_problem, parse_nik
from models.problems import errors
from models.regions import default_regions
from models.registration import FundingSource, Registration, Status, TargetGroup
from models.settings import load_settings
from models.store import RegistrationStore
from models.validation import EMAIL, PHONE, ValidationContext, validate
from tests.cli import run_cli

TODAY = date(2025, 6, 1)
REGENCY = "62.08"


def people(count: int, seed: int = 1, regency: str = REGENCY) -> list[Registration]:
    return list(generate(count, seed, regency, TODAY))


@pytest.fixture(scope="module")
def sample() -> list[Registration]:
    return people(3000, seed=11)


def without_id(reg: Registration) -> dict:
    row = dataclasses.asdict(reg)
    del row["id"]
    return row


def test_same_seed_gives_same_people_with_fresh_ids():
    first, second = people(300, seed=7), people(300, seed=7)
    assert [without_id(r) for r in first] == [without_id(r) for r in second]
    assert not {r.id for r in first} & {r.id for r in second}
    assert len({r.id for r in first}) == 300


def test_a_shorter_run_is_a_prefix_of_a_longer_one():
    assert [r.nik for r in people(50, seed=4)] == [r.nik for r in people(400, seed=4)][:50]


def test_different_seeds_give_different_people():
    a, b = people(500, seed=1), people(500, seed=2)
    assert len({r.nik for r in a} & {r.nik for r in b}) < 5
    assert [r.full_name for r in a] != [r.full_name for r in b]


def test_nik_agrees_with_birth_date_sex_and_known_kecamatan(sample):
    regions = default_regions()
    local = {k.code for k in regions.kecamatan_of(REGENCY)}
    migrants = 0
    for reg in sample:
        info = parse_nik(reg.nik, TODAY)
        assert info.birth_date == reg.birth_date, reg.nik
        assert info.sex == reg.sex, reg.nik
        assert 1 <= int(info.serial) <= 9999
        assert regions.kecamatan_known(info.kecamatan_code)
        migrants += info.kecamatan_code not in local
    assert 0.05 < migrants / len(sample) < 0.15


def test_every_ready_record_validates_without_errors(sample):
    ctx = ValidationContext(regency_code=REGENCY, today=TODAY)
    ready = [r for r in sample if r.status == Status.READY]
    for reg in ready:
        assert errors(validate(reg, ctx)) == [], reg
    ages = Counter(15 <= (TODAY - r.birth_date).days // 365.25 <= 65 for r in ready)
    assert ages[False] < len(ready) * 0.01  # the age warning is rare


def test_drafts_are_a_minority_and_some_miss_fields(sample):
    drafts = [r for r in sample if r.status == Status.DRAFT]
    assert 0.05 < len(drafts) / len(sample) < 0.15
    assert {r.status for r in sample} == {Status.READY, Status.DRAFT}
    ctx = ValidationContext(regency_code=REGENCY, today=TODAY)
    assert any(errors(validate(r, ctx)) for r in drafts)


def test_villages_belong_to_the_configured_regency(sample):
    villages = {v.code for v in default_regions().villages_of(REGENCY)}
    assert {r.village_code for r in sample} <= villages
    elsewhere = people(100, regency="62.01")
    assert all(r.village_code.startswith("62.01.") for r in elsewhere)


def test_unknown_regency_is_refused_at_once(db):
    with pytest.raises(ValueError, match=r"99\.99"):
        generate(1, 1, "99.99", TODAY)
    with pytest.raises(ValueError):
        fill_demo(db, 10, regency_code="99.99", today=TODAY)
    assert RegistrationStore(db).count() == 0


def test_fields_look_like_the_real_thing(sample):
    groups = Counter(r.target_group for r in sample)
    assert groups.most_common(1)[0][0] == TargetGroup.FARMER
    assert set(groups) <= set(TargetGroup)
    funding = Counter(r.funding_source for r in sample)
    assert 0.75 < funding[FundingSource.APBD] / len(sample) < 0.92
    assert all(r.csr_company for r in sample if r.funding_source == FundingSource.CSR)
    assert 0.15 < sum(r.program_jht for r in sample) / len(sample) < 0.35
    incomes = [r.monthly_income for r in sample if r.monthly_income is not None]
    assert all(i % 50_000 == 0 and i >= 500_000 for i in incomes)
    assert sum(500_000 <= i <= 3_000_000 for i in incomes) > 0.9 * len(incomes)
    for reg in sample:
        assert 1 <= len(reg.full_name.split()) <= 3
        assert reg.rt == "" or (len(reg.rt) == 3 and reg.rt.isdigit())
        assert reg.rw == "" or (len(reg.rw) == 3 and reg.rw.isdigit())
        assert reg.phone == "" or PHONE.match(reg.phone)
        assert reg.email == "" or EMAIL.match(reg.email)
        assert reg.kk == "" or kk_problem(reg.kk) is None
        assert reg.address == "" or reg.address.startswith(("Jl. ", "Dusun "))
        assert reg.contribution_months in (1, 3, 6, 12)
    assert Counter(r.contribution_months for r in sample).most_common(1)[0][0] == 1
    assert sum(bool(r.heir_name) for r in sample) > 0.8 * len(sample)
    assert len({r.full_name for r in sample}) > 0.7 * len(sample)


def test_niks_are_unique_in_a_large_run():
    niks = [r.nik for r in people(20_000, seed=3)]
    assert len(set(niks)) == len(niks)


def test_fill_demo_stores_people_with_an_intact_audit_chain(db):
    calls = []
    created = fill_demo(
        db, 250, seed=5, batch_size=100, today=TODAY, progress=lambda d, t: calls.append((d, t))
    )
    assert created == 250
    assert calls == [(100, 250), (200, 250), (250, 250)]
    assert RegistrationStore(db).count() == 250
    check = verify_chain(db)
    assert check.ok and check.rows_checked == 250
    creators = {row[0] for row in db.execute("SELECT DISTINCT created_by FROM registrations")}
    assert creators == {"Petugas Demo"}
    ids = {row[0] for row in db.execute("SELECT device_id FROM registrations")}
    assert ids == {load_settings(db).device_id}


def test_fill_demo_leaves_the_connection_as_it_found_it(db):
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    fill_demo(db, 10, today=TODAY)
    assert db.execute("PRAGMA cache_size").fetchone()[0] == before
    assert not db.conn.in_transaction


def test_fill_demo_takes_the_officer_from_the_settings(configured_db):
    fill_demo(configured_db, 5, today=TODAY)
    rows = configured_db.execute("SELECT DISTINCT created_by FROM registrations").fetchall()
    assert rows == [("Budi Santoso",)]


def test_fill_demo_twice_with_one_seed_adds_nobody_new(db):
    assert fill_demo(db, 120, seed=9, batch_size=50, today=TODAY) == 120
    assert fill_demo(db, 120, seed=9, batch_size=50, today=TODAY) == 0
    assert fill_demo(db, 30, seed=10, today=TODAY) == 30
    assert RegistrationStore(db).count() == 150
    assert verify_chain(db).ok


def test_fill_demo_skips_a_nik_already_held(db):
    first = people(1, seed=12)[0]
    RegistrationStore(db).save(first.copy(full_name="Orang Lain"), "Budi")
    assert fill_demo(db, 40, seed=12, today=TODAY) == 39
    holders = db.execute("SELECT full_name FROM registrations WHERE nik = ?", [first.nik])
    assert holders.fetchall() == [("Orang Lain",)]


def test_demo_command_prints_json(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("models.clock.today", lambda: TODAY)  # the day the command line reads
    path = tmp_path / "demo.db"
    ran = run_cli(capsys, "demo", "--records", "50", "--seed", "3", "--db", path, "--json")
    assert ran.code == 0, ran.err
    assert ran.summary == {"records": 50, "seed": 3, "db": str(path)}
    with closing(open_database(path)) as db:
        stored = {nik for (nik,) in db.execute("SELECT nik FROM registrations")}
    assert stored == {reg.nik for reg in people(50, seed=3)}  # seed 3's people as of TODAY
