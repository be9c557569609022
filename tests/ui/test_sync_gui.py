"""Officer's "Kirim ke kabupaten": the address in the settings, the sync on a worker against
a real server, the summary, and a rejection's reason on the records list."""

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from demo.fill import fill_demo
from exchange.batch_file import REJECTION_CODES
from exchange.enrolment import enrol, init_district, init_officer
from exchange.keys import write_json_atomic
from httpsync.client import Backoff, SyncError, SyncResult
from models.db import open_database
from models.identity import revoke_device
from models.settings import load_settings, save_settings
from models.status_updates import reject_registrations
from tests.httpsync.server_process import ServerProcess
from ui.i18n.messages import receipt_text, rejection_text
from ui.records_model import COLUMNS
from ui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def officer_and_server(tmp_path):
    district = open_database(tmp_path / "district.db")
    profile = init_district(district, tmp_path / "dk", "Disnaker Sukamara", "62.08", 9863)
    officer = open_database(tmp_path / "officer.db")
    enrolment = init_officer(officer, tmp_path / "ok", profile, "Budi Santoso")
    write_json_atomic(tmp_path / "enrol.json", enrolment)
    enrol(district, tmp_path / "enrol.json", actor="staf")
    server = ServerProcess(tmp_path / "district.db").start()
    yield district, officer, server
    server.stop()
    district.close()
    officer.close()


def test_officer_sends_to_the_district_and_sees_the_news(
    qtbot, officer_and_server, answers, open_window
):
    district, officer, server = officer_and_server
    fill_demo(officer, 6, seed=21, today=date(2026, 11, 27))
    save_settings(officer, dataclasses.replace(load_settings(officer), sync_url=server.url))
    window = open_window(officer)
    assert window.send_action.isVisible() and window.batches.send_button.isEnabled()
    answers.queue.append("ok")
    window.send_action.trigger()
    qtbot.waitUntil(lambda: len(answers.asked) == 1, timeout=15000)
    assert "1 batch terkirim, 0 sudah ada di kabupaten, 0 ditolak." in answers.asked[-1].text
    page = window.batches
    assert page.model.rowCount() == 1
    assert page.model.index(0, page.model.columnCount() - 1).data() != "belum diketahui"
    assert "Terakhir terhubung" in page.last_sync.text()
    # The district rejects one registration; the next send brings the reason back.
    (rejected,) = district.execute("SELECT id FROM registrations LIMIT 1").fetchone()
    reject_registrations(district, {rejected: "Foto KTP tidak terbaca"}, "staf")
    answers.queue.append("ok")
    page.send_button.click()
    qtbot.waitUntil(lambda: len(answers.asked) == 2, timeout=15000)
    assert "Kabar baru dari kabupaten untuk 1 pendaftaran" in answers.asked[-1].text
    model = window.records.model
    status = [key for key, _ in COLUMNS].index("status")
    tips = {
        model.index(r, status).data(Qt.ItemDataRole.UserRole): model.index(r, status).data(
            Qt.ItemDataRole.ToolTipRole
        )
        for r in range(model.rowCount())
    }
    assert tips[rejected] == "Ditolak: Foto KTP tidak terbaca"
    assert sum(1 for tip in tips.values() if tip) == 1

    # The officer corrects the rejected registration in the form: it must travel again,
    # and the district takes the correction and checks it once more (received).
    window.open_registration(rejected)
    window.form.phone.setText("0812 3456 7890")
    answers.otherwise = "confirm"
    assert window.form.save()
    row = officer.execute("SELECT status, phone FROM registrations WHERE id = ?", [rejected])
    assert row.fetchone() == ("ready", "081234567890")
    answers.queue.append("ok")
    page.send_button.click()
    qtbot.waitUntil(lambda: len(answers.asked) == 3, timeout=15000)
    assert "1 batch terkirim" in answers.asked[-1].text
    there = district.execute("SELECT status, phone FROM registrations WHERE id = ?", [rejected])
    assert there.fetchone() == ("received", "081234567890")
    here = officer.execute("SELECT status FROM registrations WHERE id = ?", [rejected])
    assert here.fetchone() == ("received",)
    model = window.records.model
    tips = [model.index(r, status).data(Qt.ItemDataRole.ToolTipRole) for r in range(6)]
    assert not any(tips)  # the rejection is over


def test_without_an_address_or_a_server_the_officer_is_told_what_to_do(
    qtbot, officer_and_server, answers, monkeypatch, open_window
):
    _, officer, server = officer_and_server
    fill_demo(officer, 2, seed=22, today=date(2026, 11, 27))
    window = open_window(officer)
    answers.queue.append("ok")
    window.batches.send()
    assert "Alamat server kabupaten belum diisi" in answers.asked[-1].text
    server.stop()  # no signal
    save_settings(officer, dataclasses.replace(load_settings(officer), sync_url=server.url))
    quick = Backoff(attempts=2, base=0.01, cap=0.01)
    monkeypatch.setattr("httpsync.client.Backoff", lambda: quick)
    answers.queue.append("ok")
    window.batches.send()
    qtbot.waitUntil(lambda: len(answers.asked) == 2, timeout=15000)
    assert "tidak bisa dihubungi" in answers.asked[-1].text
    assert window.batches.send_button.isEnabled()


def test_the_settings_keep_the_district_address(qtbot, configured_db):
    settings = load_settings(configured_db)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert save.text() == "Simpan"
    dialog.sync_url.setText("kabupaten:8765")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "http://" in dialog.message.text() and dialog.result() == 0
    dialog.sync_url.setText(" https://disnaker.example:8765/ ")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    assert dialog.settings().sync_url == "https://disnaker.example:8765"


def test_the_district_has_no_send_action(qtbot, configured_db, answers, open_window):
    window = open_window(configured_db)
    assert not window.send_action.isVisible()


def test_each_sync_failure_says_what_happened_and_what_to_do(
    qtbot, officer_and_server, answers, open_window, monkeypatch
):
    district, officer, server = officer_and_server
    fill_demo(officer, 2, seed=23, today=date(2026, 11, 27))
    device = officer.execute("SELECT device_id FROM identity").fetchone()[0]
    revoke_device(district, device, "staf")
    save_settings(officer, dataclasses.replace(load_settings(officer), sync_url=server.url))
    window = open_window(officer)
    page = window.batches
    answers.queue.append("ok")
    page.send()
    qtbot.waitUntil(lambda: len(answers.asked) == 1, timeout=15000)
    assert "tidak mengenal perangkat ini" in answers.asked[-1].text
    assert "dicabut" in answers.asked[-1].text
    # Any other refusal is not about enrolment, and says so.
    window.tabs.setCurrentWidget(page)
    said = {}
    for key, error in {
        "bad_request": SyncError("server_refused", "HTTP 400", server_code="bad_request"),
        "not json": SyncError("server_refused", "HTTP 404", server_code=""),
        "clock": SyncError("clock_skew", "still off"),
        "answer": SyncError("bad_answer", "not JSON"),
    }.items():

        def failing(*args, error=error, **kwargs):
            raise error

        monkeypatch.setattr("ui.batches_page.sync_with_district", failing)
        answers.queue.append("ok")
        asked = len(answers.asked)
        qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda asked=asked: len(answers.asked) > asked, timeout=15000)
        said[key] = answers.asked[-1].text
    assert "tidak memahami permintaan" in said["bad_request"]
    assert "galat HTTP" in said["not json"]
    assert "jam" in said["clock"] and "zona waktu" in said["clock"]
    assert "alamat server" in said["answer"]
    for text in said.values():
        assert "didaftarkan" not in text and "dicabut" not in text, text
        assert "tetap tersimpan" in text
    # A receipt that does not verify is not a batch that was changed.
    lines = page.sync_lines(SyncResult(batches_failed=2, failures=[
        {"seq": 1, "status": 201, "stage": "receipt", "code": "bad_signature", "message": ""},
        {"seq": 2, "status": 409, "stage": "upload", "code": "batch_id_reused", "message": ""},
    ]))  # fmt: skip
    assert lines[1].startswith("Tanda terima batch 1 tidak dipakai: Tanda terima tidak")
    assert "berkas diubah" not in lines[1]
    assert lines[2].startswith("Batch 2 ditolak: Kabupaten sudah menyimpan batch lain")


def test_every_code_the_sync_server_or_a_receipt_gives_has_its_own_sentence(qapp):
    sources = "".join(
        (ROOT / name).read_text()
        for name in (
            "httpsync/server.py",
            "exchange/incoming.py",
            "exchange/signed_updates.py",
            "exchange/receipts.py",
        )
    )
    refusal = re.compile(
        r'(?:ApiError\(|_error\()\s*[\w.]+,\s*"([a-z_]+)"|BatchRejected\(\s*"([a-z_]+)"'
    )
    codes = {a or b for a, b in refusal.findall(sources)} | set(REJECTION_CODES)
    receipt_codes = set(re.findall(r'ReceiptError\(\s*"([a-z_]+)"', sources))
    assert {"batch_id_reused", "other_device", "batch_id_mismatch", "disconnected",
            "http_error"} <= codes  # fmt: skip
    assert {"other_batch", "not_receipt", "bad_signature"} <= receipt_codes
    for code in codes | receipt_codes:
        assert not rejection_text(code).startswith("Batch ditolak ("), code
    for code in receipt_codes:
        assert not receipt_text(code).startswith("Tanda terima tidak bisa dipakai ("), code
    assert rejection_text("bad_signature") != receipt_text("bad_signature")
    assert "batch" not in receipt_text("bad_signature").lower()
