"""``card-handover`` on the command line: a desa's ceremony, or registrations by id; the
ones without a KPJ refused with a one-line reason, nothing written."""

from datetime import date

import pytest

from models import clock
from models.db import open_database
from models.store import RegistrationStore
from tests.cli import run_cli
from tests.factories import person

NATAI, PUDU = "62.08.01.2001", "62.08.01.2002"


@pytest.fixture
def district(tmp_path, monkeypatch):
    """Natai Sedawak: two registered participants and one still received; Pudu: one
    registered; on 20 March 2026."""
    monkeypatch.setattr(clock, "today", lambda: date(2026, 3, 20))
    path = tmp_path / "district.db"
    db = open_database(path)
    RegistrationStore(db).insert_many(
        [person(1, "Yusuf", NATAI, status="registered", kpj="11111111111"),
         person(2, "Ani", NATAI, status="registered", kpj="22222222222"),
         person(3, "Candra", NATAI, status="received", kpj=""),
         person(4, "Dewi", PUDU, status="registered", kpj="44444444444")],
        "staf",
    )  # fmt: skip
    db.close()
    return path


def _handed(path) -> dict[str, str]:
    db = open_database(path)
    try:
        return dict(db.execute("SELECT id, kpj_card_handed_on FROM registrations ORDER BY id"))
    finally:
        db.close()


def test_a_desas_ceremony(district, capsys):
    done = run_cli(capsys, "card-handover", "--desa", NATAI, "--date", "2026-03-14",
                   "--db", district, "--json")  # fmt: skip
    assert done.code == 0, done.err
    assert done.summary == {"handed_on": "2026-03-14", "participants": 2, "changed": 2}
    assert _handed(district) == {"reg-1": "2026-03-14", "reg-2": "2026-03-14", "reg-3": "",
                                 "reg-4": ""}  # fmt: skip


def test_registrations_by_id(district, capsys):
    done = run_cli(capsys, "card-handover", "reg-4", "reg-1", "--date", "2026-03-15",
                   "--db", district)  # fmt: skip
    assert done.code == 0, done.err
    assert "2 peserta" in done.out
    assert _handed(district)["reg-4"] == _handed(district)["reg-1"] == "2026-03-15"


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["reg-1", "reg-3", "--date", "2026-03-14"], "1 dari 2 pendaftaran belum punya nomor KPJ"),
        (["--desa", "62.08.01.9999", "--date", "2026-03-14"], "tidak dikenal"),
        (["--desa", "62.08.02.2002", "--date", "2026-03-14"], "belum punya peserta"),
        (["reg-1", "--desa", NATAI, "--date", "2026-03-14"], "salah satu saja"),
        (["--date", "2026-03-14"], "salah satu saja"),
        (["reg-1", "--date", "14-03-2026"], "bukan tanggal"),
        (["reg-1", "--date", "2026-03-21"], "belum terjadi"),
    ],
)
def test_refusals_are_one_line_and_write_nothing(district, capsys, args, reason):
    done = run_cli(capsys, "card-handover", *args, "--db", district)
    assert done.code == 1
    assert reason in done.err
    assert len(done.err.strip().splitlines()) == 1 and "Traceback" not in done.err
    assert set(_handed(district).values()) == {""}
