"""The settings of the data's protection: the idle lock's minutes (0 = never) and the
backup reminder's days, asked in Pengaturan (not at the first start); and the recovery
code's printed page."""

from datetime import date

from PySide6.QtWidgets import QSpinBox

from models.settings import load_settings, save_settings
from tests.ui.printed import flat, needs_poppler, pages, text
from tests.ui.test_settings_dialog import press_save, row_labels
from ui.printing.paper import write_pdf
from ui.recovery_code_dialog import code_lines, paint_recovery_code
from ui.settings_dialog import first_run_dialog, settings_dialog

CODE = "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567-89ABC-DEFGH"


def test_the_lock_and_the_reminder_are_settings(qtbot, configured_db):
    dialog = settings_dialog(configured_db, load_settings(configured_db))
    labels = row_labels(dialog)
    assert "Kunci layar setelah tidak dipakai" in labels
    assert "Ingatkan cadangan setiap" in labels
    idle = dialog.findChild(QSpinBox, "idle_lock_minutes")
    days = dialog.findChild(QSpinBox, "backup_reminder_days")
    assert (idle.value(), days.value()) == (10, 7)  # the defaults
    idle.setValue(0)
    assert idle.text() == "tidak pernah"
    days.setValue(3)
    press_save(qtbot, dialog)
    saved = save_settings(configured_db, dialog.settings())
    assert (saved.idle_lock_minutes, saved.backup_reminder_days) == (0, 3)
    assert load_settings(configured_db).idle_lock_minutes == 0


def test_the_first_start_does_not_ask_them(qtbot, db):
    labels = row_labels(first_run_dialog(db, load_settings(db)))
    assert "Kunci layar setelah tidak dipakai" not in labels


def test_the_code_is_shown_in_two_lines_of_four_groups():
    assert code_lines(CODE) == ["ABCDE-FGHJK-LMNPQ-RSTUV", "WXYZ2-34567-89ABC-DEFGH"]


@needs_poppler
def test_the_recovery_code_prints_on_one_page(qapp, tmp_path):
    pdf = tmp_path / "kode.pdf"
    write_pdf(pdf, lambda device: paint_recovery_code(device, CODE, "Disnaker", date(2026, 11, 23)))
    assert pages(pdf) == 1
    printed = flat(text(pdf))
    assert "Kode pemulihan Jaring" in printed
    assert "Disnaker · dicetak 23-11-2026" in printed
    for line in code_lines(CODE):
        assert line in printed
