"""Key slots: passphrases, the recovery code, the district's wrapping, roles bound to slots."""

import json

import pytest
from pyrage import x25519

from models import keyring
from models.keyring import KeyringError

PASS = "padi kuning di sukamara"


def test_a_passphrase_opens_its_account_and_a_wrong_one_does_not(tmp_path):
    made, code = keyring.create(tmp_path / "a.db", PASS, "budi", "officer")
    assert code is None and len(made.data_key) == 32
    opened = keyring.unlock(tmp_path / "a.db", PASS)
    assert (opened.data_key, opened.user, opened.role) == (made.data_key, "budi", "officer")
    with pytest.raises(KeyringError) as wrong:
        keyring.unlock(tmp_path / "a.db", PASS + "!")
    assert wrong.value.code == "wrong_passphrase"


def test_the_key_file_holds_no_key_in_the_clear(tmp_path):
    made, _ = keyring.create(tmp_path / "a.db", PASS, "budi", "officer")
    text = keyring.keys_path(tmp_path / "a.db").read_text()
    assert made.data_key.hex() not in text and PASS not in text
    import base64

    assert base64.b64encode(made.data_key).decode() not in text


def test_a_short_passphrase_is_refused_with_a_reason(tmp_path):
    with pytest.raises(KeyringError, match="minimal 10 karakter") as short:
        keyring.create(tmp_path / "a.db", "pendek", "budi", "officer")
    assert short.value.code == "short_passphrase"
    assert not keyring.keys_path(tmp_path / "a.db").exists()


def test_a_district_has_accounts_each_with_its_own_passphrase_and_role(tmp_path):
    path = tmp_path / "d.db"
    made, _code = keyring.create(path, PASS, "ani", "supervisor", with_recovery=True)
    keyring.add_account(path, made, "kantor dinas lantai dua", "rina", "staff")
    assert keyring.unlock(path, "kantor dinas lantai dua").role == "staff"
    assert keyring.unlock(path, PASS).role == "supervisor"
    assert [(a.user, a.role) for a in keyring.accounts(path)] == [
        ("ani", "supervisor"),
        ("rina", "staff"),
    ]
    with pytest.raises(KeyringError) as same:
        keyring.add_account(path, made, PASS, "joko", "staff")
    assert same.value.code == "passphrase_in_use"
    with pytest.raises(KeyringError) as last:
        keyring.remove_account(path, "ani")
    assert last.value.code == "last_supervisor"
    keyring.remove_account(path, "rina")
    with pytest.raises(KeyringError):
        keyring.unlock(path, "kantor dinas lantai dua")


def test_the_recovery_code_opens_as_supervisor_however_it_is_typed(tmp_path):
    path = tmp_path / "d.db"
    made, code = keyring.create(path, PASS, "ani", "supervisor", with_recovery=True)
    assert len(code.replace("-", "")) == 40
    typed = code.lower().replace("-", " ")
    opened = keyring.unlock(path, typed)
    assert (opened.data_key, opened.role) == (made.data_key, "supervisor")


def test_editing_a_role_in_the_file_makes_the_slot_useless_not_a_supervisor(tmp_path):
    path = tmp_path / "d.db"
    made, _ = keyring.create(path, PASS, "ani", "supervisor")
    keyring.add_account(path, made, "kantor dinas lantai dua", "rina", "staff")
    document = json.loads(keyring.keys_path(path).read_text())
    document["slots"][1]["role"] = "supervisor"
    keyring.keys_path(path).write_text(json.dumps(document))
    with pytest.raises(KeyringError) as wrong:
        keyring.unlock(path, "kantor dinas lantai dua")
    assert wrong.value.code == "wrong_passphrase"


def test_changing_a_passphrase_rewraps_the_same_key_and_the_old_one_stops(tmp_path):
    path = tmp_path / "a.db"
    made, _ = keyring.create(path, PASS, "budi", "officer")
    keyring.change_passphrase(path, made, "budi", "sawit hijau kotawaringin")
    assert keyring.unlock(path, "sawit hijau kotawaringin").data_key == made.data_key
    with pytest.raises(KeyringError):
        keyring.unlock(path, PASS)


def test_a_changed_passphrase_is_written_atomically(tmp_path, monkeypatch):
    """A failure while writing leaves the old key file whole: the old passphrase opens."""
    path = tmp_path / "a.db"
    made, _ = keyring.create(path, PASS, "budi", "officer")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("pathlib.Path.write_bytes", full_disk)
    with pytest.raises(OSError):
        keyring.change_passphrase(path, made, "budi", "sawit hijau kotawaringin")
    monkeypatch.undo()
    assert keyring.unlock(path, PASS).data_key == made.data_key
    assert [p.name for p in tmp_path.iterdir()] == ["a.db.keys"]


def test_only_the_districts_age_key_opens_the_district_slot(tmp_path):
    path = tmp_path / "a.db"
    made, _ = keyring.create(path, PASS, "budi", "officer")
    district = x25519.Identity.generate()
    keyring.add_district_slot(path, made, str(district.to_public()))
    assert keyring.unlock_with_district(path, district) == made.data_key
    with pytest.raises(KeyringError) as other:
        keyring.unlock_with_district(path, x25519.Identity.generate())
    assert other.value.code == "not_district_slot"


def test_a_damaged_or_missing_key_file_says_so(tmp_path):
    with pytest.raises(KeyringError) as missing:
        keyring.unlock(tmp_path / "a.db", PASS)
    assert missing.value.code == "no_keys"
    keyring.keys_path(tmp_path / "a.db").write_text("not json")
    with pytest.raises(KeyringError) as damaged:
        keyring.unlock(tmp_path / "a.db", PASS)
    assert damaged.value.code == "damaged"
