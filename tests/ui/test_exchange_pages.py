"""Officer batches and district pages: export to a folder, import with a report, trust
store, conflicts side by side."""

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt

from demo.fill import fill_demo
from exchange.enrolment import init_district, init_officer
from exchange.keys import write_json_atomic
from exchange.outgoing import export_batch
from models.identity import list_devices, load_identity
from models.registration import Registration
from models.store import RegistrationStore
from ui import dialogs


@pytest.fixture
def sites(tmp_path):
    from models.db import open_database

    district = open_database(tmp_path / "district.db")
    profile = init_district(district, tmp_path / "dk", "Disnaker Sukamara", "62.08", 9863)
    officer = open_database(tmp_path / "officer.db")
    enrolment = init_officer(officer, tmp_path / "ok", profile, "Budi Santoso")
    write_json_atomic(tmp_path / "enrol.json", enrolment)
    yield district, officer, tmp_path
    district.close()
    officer.close()


def test_officer_exports_a_batch_to_a_folder(qtbot, sites, answers, chooser, open_window):
    _, officer, tmp_path = sites
    fill_demo(officer, 20, seed=3, today=date(2026, 11, 27))
    window = open_window(officer)
    page = window.batches
    assert page is not None and window.import_page is None
    assert "menunggu dikirim" in page.pending.text()
    usb = tmp_path / "usb"
    usb.mkdir()
    chooser.append([str(usb)])
    answers.queue.append("ok")
    page.export()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    assert len(list(usb.glob("*.jaring"))) == 1
    assert "Batch 1" in answers.asked[-1].text
    assert not page.export_button.isEnabled()  # nothing left to send


def test_district_enrols_imports_and_resolves(qtbot, sites, answers, chooser, open_window):
    district, officer, tmp_path = sites
    window = open_window(district)
    assert window.batches is None and window.trust_page is not None
    chooser.append([str(tmp_path / "enrol.json")])
    answers.queue.append("yes")  # the fingerprints match
    window.trust_page.enrol()
    assert window.trust_page.model.rowCount() == 1
    # Two people with the same NIK: one is already in the master list.
    RegistrationStore(district).save(
        Registration(nik="6208014507900001", full_name="Siti Lama", status="received"), "staf"
    )
    RegistrationStore(officer).save(
        Registration(nik="6208014507900001", full_name="Siti Baru", status="ready"), "Budi"
    )
    usb = tmp_path / "usb"
    usb.mkdir()
    export_batch(officer, usb)
    chooser.append([str(usb)])
    window.import_page.import_folder()
    qtbot.waitUntil(lambda: window.import_page.report.rowCount() == 1, timeout=10000)
    assert "1 konflik" in window.import_page.summary.text()
    page = window.conflicts_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.compare.item(2, 0).text() == "Siti Lama"
    assert page.compare.item(2, 1).text() == "Siti Baru"
    marked = []
    window.dashboard.mark_stale = lambda: marked.append(True)
    page.resolve("keep_existing")
    assert page.model.rowCount() == 0
    assert marked  # a decision changes the dashboard's figures


def test_the_device_trusted_is_the_one_whose_fingerprint_was_compared(
    qtbot, sites, answers, chooser, open_window
):
    from models.db import open_database

    district, officer, tmp_path = sites
    compared = json.loads((tmp_path / "enrol.json").read_text())
    other_laptop = open_database(tmp_path / "other.db")
    other = init_officer(other_laptop, tmp_path / "other-keys",
                         dict(load_identity(officer).district_profile), "Orang Lain")  # fmt: skip
    other_laptop.close()
    window = open_window(district)
    window.tabs.setCurrentWidget(window.trust_page)

    def same_then_swapped(parent, question):
        """Staff compare the fingerprints on screen; meanwhile the file on the stick changes."""
        answers.asked.append(question)
        write_json_atomic(tmp_path / "enrol.json", other)
        return "yes"

    dialogs.set_asker(same_then_swapped)
    chooser.append([str(tmp_path / "enrol.json")])
    qtbot.mouseClick(window.trust_page.enrol_button, Qt.MouseButton.LeftButton)
    dialogs.set_asker(answers)
    assert compared["fingerprint"] in answers.asked[-1].text
    trusted = [device.fingerprint for device in list_devices(district)]
    assert trusted == [compared["fingerprint"]]
    assert window.trust_page.model.rowCount() == 1


def test_the_receipt_goes_back_on_the_stick_and_shows_in_the_history(
    qtbot, sites, answers, chooser, open_window
):
    from exchange.enrolment import enrol

    district, officer, tmp_path = sites
    enrol(district, tmp_path / "enrol.json", actor="staf")
    fill_demo(officer, 5, seed=4, today=date(2026, 11, 27))
    usb = tmp_path / "usb"
    usb.mkdir()
    export_batch(officer, usb)
    desk = open_window(district)
    assert desk.import_page.receipts_check.isChecked()
    chooser.append([str(usb)])
    desk.import_page.import_folder()
    qtbot.waitUntil(lambda: desk.import_page.report.rowCount() == 1, timeout=10000)
    assert "Tanda terima ditulis untuk 1 perangkat" in desk.import_page.summary.text()
    receipt = next(usb.glob("*.receipt.json"))

    laptop = open_window(officer)
    page = laptop.batches
    column = page.model.columnCount() - 1
    assert page.model.index(0, column).data() == "belum diketahui"
    # A changed receipt is refused with a reason, and records nothing.
    forged = tmp_path / "forged.receipt.json"
    forged.write_text(receipt.read_text().replace('"seq": 1', '"seq": 2'))
    chooser.append([str(forged)])
    answers.queue.append("ok")
    page.read_receipt()
    assert "tidak ditandatangani" in answers.asked[-1].text
    assert page.model.index(0, column).data() == "belum diketahui"
    # The next export from the same stick reads the district's receipt first.
    fill_demo(officer, 3, seed=5, today=date(2026, 11, 27))
    chooser.append([str(usb)])
    answers.queue.append("ok")
    page.export()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    assert "telah menerima batch 1" in answers.asked[-1].text
    acknowledged = {page.model.index(r, 0).data(): page.model.index(r, column).data()
                    for r in range(2)}  # fmt: skip
    assert acknowledged["2"] == "belum diketahui" and acknowledged["1"] != "belum diketahui"


def test_the_import_writes_each_officers_updates_file_beside_the_receipt(
    qtbot, sites, answers, chooser, open_window
):
    """What the command line's ``import --receipts`` writes, the app writes too: the receipt
    and the status updates file go back on the same stick."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton

    from exchange.enrolment import enrol
    from exchange.signed_updates import read_updates_file, verified_updates

    district, officer, tmp_path = sites
    enrol(district, tmp_path / "enrol.json", actor="staf")
    fill_demo(officer, 4, seed=6, today=date(2026, 11, 27))
    usb = tmp_path / "usb"
    usb.mkdir()
    sent = export_batch(officer, usb).records
    device = officer.execute("SELECT device_id FROM identity").fetchone()[0]
    desk = open_window(district)
    desk.tabs.setCurrentWidget(desk.import_page)
    assert desk.findChild(QCheckBox, "receipts_check").isChecked()
    chooser.append([str(usb)])
    qtbot.mouseClick(desk.findChild(QPushButton, "import_folder"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.import_page.report.rowCount() == 1, timeout=10000)
    assert chooser.requests[-1].kind == "folder"
    assert sorted(p.name for p in usb.iterdir()) == [
        f"{device}-1.jaring", f"{device}.receipt.json", f"{device}.updates.json"
    ]  # fmt: skip
    updates = verified_updates(officer, read_updates_file(usb / f"{device}.updates.json"))
    assert len(updates["changes"]) == sent
    assert {change["status"] for change in updates["changes"]} == {"received"}
    summary = desk.findChild(QLabel, "import_summary").text()
    assert "Tanda terima ditulis untuk 1 perangkat" in summary and "Kabar" not in summary


def test_an_export_says_when_the_districts_news_on_the_stick_was_not_used(
    qtbot, sites, answers, chooser, open_window
):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    _, officer, tmp_path = sites
    fill_demo(officer, 3, seed=7, today=date(2026, 11, 27))
    usb = tmp_path / "usb"
    usb.mkdir()
    device = officer.execute("SELECT device_id FROM identity").fetchone()[0]
    (usb / f"{device}.updates.json").write_text("{not json")
    laptop = open_window(officer)
    laptop.tabs.setCurrentWidget(laptop.batches)
    chooser.append([str(usb)])
    answers.queue.append("ok")
    qtbot.mouseClick(laptop.findChild(QPushButton, "export_button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: laptop.batches.model.rowCount() == 1, timeout=10000)
    said = answers.asked[-1].text
    assert said.startswith("Batch 1 berisi")
    assert "Kabar dari kabupaten di folder itu tidak dipakai: Kabar dari kabupaten rusak" in said
