"""Setting a database up in the GUI, as an officer device from the district's profile or as
the district office: the set-up tab gives way to the role's tabs, and the files handed over
are ones the other side accepts."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from exchange.enrolment import enrol, init_district, init_officer
from exchange.keys import key_folder_for, read_district_profile, read_enrolment, write_json_atomic
from models.db import database_path, open_database
from models.identity import load_identity
from models.settings import load_settings
from ui.batches_page import BatchesPage
from ui.trust_page import TrustPage

SETUP_TAB = "Pertukaran data"
DISTRICT_TABS = ["Impor batch", "Konflik", "Perangkat petugas"]


@pytest.fixture
def district(tmp_path):
    """Another installation, set up as the district office; its profile in a file."""
    db = open_database(tmp_path / "district.db")
    profile = init_district(db, tmp_path / "district-keys", "Disnaker Sukamara", "62.08", 9863)
    write_json_atomic(tmp_path / "profil-kabupaten.json", profile)
    yield db, profile, tmp_path / "profil-kabupaten.json"
    db.close()


def tab_texts(window) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def assert_untouched(window, db) -> None:
    assert load_identity(db) is None
    assert not key_folder_for(database_path(db)).exists()
    assert SETUP_TAB in tab_texts(window)
    assert window.batches is None and window.import_page is None


def test_officer_set_up_from_the_district_profile(qtbot, window, answers, chooser, district):
    district_db, profile, profile_path = district
    db = window.db
    assert SETUP_TAB in tab_texts(window) and "Batch kirim" not in tab_texts(window)
    page = window.setup_page
    assert page.officer_name.text() == "Budi Santoso"  # from the settings
    out = profile_path.parent / "usb" / "pendaftaran.json"
    out.parent.mkdir()
    chooser.queue += [[str(profile_path)], [str(out)]]
    answers.queue += ["yes", "ok"]  # the fingerprints match; done
    with qtbot.waitSignal(page.configured):
        qtbot.mouseClick(page.officer_button, Qt.MouseButton.LeftButton)

    compare = answers.asked[0]
    assert profile["fingerprint"] in compare.text and "Disnaker Sukamara" in compare.text
    assert "Wilayah: 62.08 Kabupaten Sukamara" in compare.text
    assert chooser.requests[1].kind == "save"
    assert chooser.requests[1].suggested.endswith("pendaftaran-budi-santoso.json")
    identity = load_identity(db)
    assert identity.role == "officer" and identity.name == "Budi Santoso"
    enrolment = read_enrolment(out)
    assert enrolment["fingerprint"] == identity.fingerprint
    assert enrolment["device_id"] == identity.device_id
    done = answers.asked[-1]
    assert identity.fingerprint in done.text and str(out) in done.text
    assert done.icon != QMessageBox.Icon.Critical
    # The district accepts the file it was handed.
    assert enrol(district_db, out, "staf").fingerprint == identity.fingerprint

    assert SETUP_TAB not in tab_texts(window) and "Batch kirim" in tab_texts(window)
    assert window.setup_page is None and isinstance(window.batches, BatchesPage)
    assert window.tabs.currentWidget() is window.batches
    assert identity.fingerprint in window.batches.findChild(QLabel, "fingerprints").text()
    assert "Sukamara" in window.progress_label.text()


def test_declining_the_fingerprint_writes_nothing(window, answers, chooser, district):
    _, _, profile_path = district
    chooser.queue.append([str(profile_path)])
    answers.queue.append("no")  # the fingerprints differ
    window.setup_page.set_up_officer()
    assert len(chooser.requests) == 1  # not even asked where to save
    assert_untouched(window, window.db)
    assert list(profile_path.parent.glob("pendaftaran*")) == []


@pytest.mark.parametrize(
    "content",
    [
        "{ not json",
        json.dumps({"format": "jaring-enrolment/1", "device_id": "x"}),
        "",
    ],
    ids=["not-json", "another-document", "empty"],
)
def test_a_broken_profile_is_refused(window, answers, chooser, tmp_path, content):
    broken = tmp_path / "profil-rusak.json"
    broken.write_text(content, encoding="utf-8")
    chooser.queue.append([str(broken)])
    answers.queue.append("ok")
    window.setup_page.set_up_officer()
    [shown] = answers.asked
    assert shown.icon == QMessageBox.Icon.Critical
    assert "profil kabupaten" in shown.text and str(broken) in shown.details
    assert_untouched(window, window.db)


def test_an_officer_needs_a_name(window, answers, chooser):
    page = window.setup_page
    page.officer_name.setText("   ")
    page.set_up_officer()
    assert page.officer_message.text() == "Isi nama petugas."
    assert chooser.requests == [] and answers.asked == []
    assert_untouched(window, window.db)


def test_district_set_up_writes_a_profile(qtbot, window, answers, chooser, tmp_path):
    db = window.db
    page = window.setup_page
    assert page.regency.text() == "62.08" and page.target.value() == 9863  # the settings
    assert page.regency_name.text() == "Kabupaten Sukamara"
    page.district_name.setText("Disnakertrans Sukamara")
    page.target.setValue(5000)
    out = tmp_path / "profil.json"
    chooser.queue.append([str(out)])
    answers.queue.append("ok")
    with qtbot.waitSignal(page.configured):
        qtbot.mouseClick(page.district_button, Qt.MouseButton.LeftButton)

    assert chooser.requests[0].suggested.endswith("profil-kabupaten.json")
    profile = read_district_profile(out)
    assert (profile["name"], profile["regency_code"], profile["target"]) == (
        "Disnakertrans Sukamara",
        "62.08",
        5000,
    )
    identity = load_identity(db)
    assert identity.role == "district" and profile["fingerprint"] == identity.fingerprint
    assert profile["fingerprint"] in answers.asked[-1].text
    assert load_settings(db).target == 5000
    texts = tab_texts(window)
    assert SETUP_TAB not in texts and texts[-3:] == DISTRICT_TABS
    assert isinstance(window.trust_page, TrustPage)
    assert window.tabs.currentWidget() is window.import_page
    assert "5.000" in window.progress_label.text()


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        ("", "62.08", "Isi nama kantor kabupaten."),
        ("Disnaker", "6208", "Kode kabupaten/kota ditulis seperti 62.08."),
        ("Disnaker", "62.8", "Kode kabupaten/kota ditulis seperti 62.08."),
        ("Disnaker", "99.99", "Kode kabupaten/kota 99.99 tidak dikenal."),
    ],
)
def test_district_fields_are_checked(window, answers, chooser, name, code, message):
    page = window.setup_page
    page.district_name.setText(name)
    page.regency.setText(code)
    page.set_up_district()
    assert page.district_message.text() == message
    assert chooser.requests == [] and answers.asked == []
    assert_untouched(window, window.db)


def test_a_failed_write_can_be_written_again(window, answers, chooser, district):
    _, _, profile_path = district
    missing = profile_path.parent / "pulled-usb" / "pendaftaran.json"
    again = profile_path.parent / "pendaftaran.json"
    chooser.queue += [[str(profile_path)], [str(missing)], [str(again)]]
    answers.queue += ["yes", "retry", "ok"]
    window.setup_page.set_up_officer()
    warning = answers.asked[1]
    assert warning.title == "Berkas belum tersimpan" and str(missing) in warning.text
    identity = load_identity(window.db)
    enrolment = read_enrolment(again)
    assert (enrolment["device_id"], enrolment["fingerprint"]) == (
        identity.device_id,
        identity.fingerprint,
    )
    assert identity.fingerprint in answers.asked[-1].text
    assert "Batch kirim" in tab_texts(window)


def test_giving_up_after_a_failed_write_still_shows_the_role(window, answers, chooser, tmp_path):
    window.setup_page.district_name.setText("Disnaker Sukamara")
    chooser.queue.append([str(tmp_path / "pulled-usb" / "profil.json")])
    answers.queue.append("later")
    window.setup_page.set_up_district()
    assert [q.title for q in answers.asked] == ["Berkas belum tersimpan"]
    assert load_identity(window.db).role == "district"
    assert tab_texts(window)[-3:] == DISTRICT_TABS and SETUP_TAB not in tab_texts(window)


def test_a_second_set_up_is_refused(window, answers, chooser, district, tmp_path):
    """Set up meanwhile (the command line, another window): the keys are not touched."""
    _, profile, profile_path = district

    init_officer(window.db, key_folder_for(database_path(window.db)), profile, "Budi")
    chooser.queue += [[str(profile_path)], [str(tmp_path / "again.json")]]
    answers.queue += ["yes", "ok"]
    window.setup_page.set_up_officer()
    failed = answers.asked[-1]
    assert failed.title == "Penyiapan gagal" and "sudah disiapkan" in failed.text
    assert not (tmp_path / "again.json").exists()
