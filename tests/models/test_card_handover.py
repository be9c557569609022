"""The KPJ card handover: recorded for many registrations in one audited transaction, only
for participants that have a KPJ, and the desa's list of a handover ceremony."""

from datetime import date

import pytest

from models import card_handover
from models.audit import verify_chain
from models.card_handover import HandoverRefused, desa_card_holders, record_handover
from models.db import select_rows
from models.store import RegistrationStore
from tests.factories import person

TODAY = date(2026, 3, 20)
NATAI, PUDU = "62.08.01.2001", "62.08.01.2002"


@pytest.fixture
def store(db):
    store = RegistrationStore(db)
    store.insert_many(
        [
            person(1, "Yusuf", NATAI, status="registered", kpj="11111111111"),
            person(2, "Ani", NATAI, status="registered", kpj="22222222222"),
            person(3, "Candra", NATAI, status="received", kpj=""),
            person(4, "Dewi", PUDU, status="registered", kpj="44444444444"),
            person(5, "Eko", NATAI, status="registered", kpj="55555555555", deleted=True),
        ],
        "staf",
    )
    return store


def _audit(db, action):
    return select_rows(db, "SELECT registration_id, version FROM audit_log WHERE action = ?"
                       " ORDER BY seq", [action])  # fmt: skip


def test_recording_is_an_audited_change_of_each_registration(db, store):
    assert record_handover(db, ["reg-1", "reg-2"], date(2026, 3, 14), "staf", today=TODAY) == 2
    for rid in ("reg-1", "reg-2"):
        reg = store.get(rid)
        assert reg.kpj_card_handed_on == "2026-03-14"
        assert reg.version == 2
    assert _audit(db, "kpj_card_handover") == [
        {"registration_id": "reg-1", "version": 2},
        {"registration_id": "reg-2", "version": 2},
    ]
    assert verify_chain(db).ok
    # The same day again changes nothing; another day is a correction, audited too.
    assert record_handover(db, ["reg-1"], date(2026, 3, 14), "staf", today=TODAY) == 0
    assert record_handover(db, ["reg-1"], date(2026, 3, 15), "staf", today=TODAY) == 1
    assert (store.get("reg-1").kpj_card_handed_on, store.get("reg-1").version) == ("2026-03-15", 3)


def test_a_list_with_anyone_without_a_kpj_is_refused_whole(db, store):
    with pytest.raises(HandoverRefused, match="2 dari 4 pendaftaran belum punya nomor KPJ"):
        record_handover(db, ["reg-1", "reg-3", "reg-2", "reg-5"], date(2026, 3, 14), "staf",
                        today=TODAY)  # fmt: skip
    assert store.get("reg-1").kpj_card_handed_on == ""
    assert store.get("reg-1").version == 1
    assert _audit(db, "kpj_card_handover") == []
    assert card_handover.without_kpj(db, ["reg-1", "reg-3", "nobody", "reg-5"]) == [
        "reg-3", "nobody", "reg-5"]  # fmt: skip


def test_a_failure_halfway_leaves_nothing_written(db, store, monkeypatch):
    real = card_handover.change_rows

    def half(db, changes, action, actor):
        real(db, changes[:1], action, actor)
        raise RuntimeError("disk full")

    monkeypatch.setattr(card_handover, "change_rows", half)
    with pytest.raises(RuntimeError):
        record_handover(db, ["reg-1", "reg-2"], date(2026, 3, 14), "staf", today=TODAY)
    assert [store.get(r).kpj_card_handed_on for r in ("reg-1", "reg-2")] == ["", ""]
    assert _audit(db, "kpj_card_handover") == []


@pytest.mark.parametrize(
    ("ids", "on", "reason"),
    [
        ([], date(2026, 3, 14), "pilih dulu"),
        (["reg-1", "reg-1"], date(2026, 3, 14), "satu kali"),
        (["reg-1"], date(2026, 3, 21), "belum terjadi"),
    ],
)
def test_what_else_is_refused(db, store, ids, on, reason):
    with pytest.raises(HandoverRefused, match=reason):
        record_handover(db, ids, on, "staf", today=TODAY)
    assert store.get("reg-1").kpj_card_handed_on == ""


def test_the_desa_list_holds_its_registered_participants_by_name(db, store):
    record_handover(db, ["reg-2"], date(2026, 3, 1), "staf", today=TODAY)
    holders = desa_card_holders(db, NATAI)
    assert [(h.registration_id, h.full_name, h.kpj, h.handed_on) for h in holders] == [
        ("reg-2", "Ani", "22222222222", "2026-03-01"),
        ("reg-1", "Yusuf", "11111111111", ""),
    ]
    assert [h.registration_id for h in desa_card_holders(db, PUDU)] == ["reg-4"]
