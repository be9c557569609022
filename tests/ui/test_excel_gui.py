"""Excel in the GUI: the export dialog (master list, BPJS files, cancel), the village-list
import wizard (mapping remembered, preview filters, confirm or decline, error report) and
BPJS's KPJ results (dry run, then for real)."""

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QStackedWidget, QTableView

from excel.headers import header_key
from excel.list_import import FIELDS, ImportPlan, ImportRow
from models.db import database_path
from models.problems import error, warning
from models.settings import load_settings
from models.store import RegistrationStore
from tests.factories import siti
from ui.excel_export_dialog import ExcelExportDialog
from ui.excel_import_page import ExcelImportDialog, KpjImport
from ui.records_model import COLUMNS as RECORD_COLUMNS

#: Three people of Kecamatan Sukamara: (NIK, name, birth date, sex).
PEOPLE = [
    ("6208014507900001", "Siti Aminah", "1990-07-05", "P"),
    ("6208010203850002", "Budi Hartono", "1985-03-02", "L"),
    ("6208015212920003", "Rina Wati", "1992-12-12", "P"),
]


def people(status: str, count: int = 3):
    from datetime import date

    return [
        siti(id=f"reg-{n}", nik=nik, full_name=name, birth_date=date.fromisoformat(born),
             sex=sex, status=status, kpj="")
        for n, (nik, name, born, sex) in enumerate(PEOPLE[:count])
    ]  # fmt: skip


def store_of(db) -> RegistrationStore:
    return RegistrationStore(db)


# --- export -------------------------------------------------------------------------------


@pytest.fixture
def export_dialog(window):
    dialog = ExcelExportDialog(
        window.db, database_path(window.db), "Budi Santoso", "62.08", window.regions
    )
    yield dialog
    dialog.deleteLater()


def test_the_export_dialog_writes_the_master_list_through_the_worker(
    qtbot, window, export_dialog, answers, chooser, tmp_path
):
    store_of(window.db).insert_many(people("received"), "staf")
    dialog = export_dialog
    assert dialog.master_radio.isChecked() and not dialog.bpjs_box.isEnabled()
    # The desa list follows the kecamatan, as on the records page.
    everywhere = dialog.desa.count()
    dialog.kecamatan.setCurrentIndex(dialog.kecamatan.findData("62.08.01"))
    assert 1 < dialog.desa.count() < everywhere
    dialog.desa.setCurrentIndex(dialog.desa.findData("62.08.01.2001"))
    chooser.append([str(tmp_path / "induk")])  # ".xlsx" is added
    answers.queue.append("ok")
    dialog.export()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    written = tmp_path / "induk.xlsx"
    assert written.exists() and Path(dialog.result.path) == written
    assert chooser.requests[-1].kind == "save"
    assert "daftar-induk-62.08.01.2001" in chooser.requests[-1].suggested
    assert "3 pendaftaran" in answers.asked[-1].text and str(written) in answers.asked[-1].text
    cells = {c for row in openpyxl.load_workbook(written).active.iter_rows(values_only=True)
             for c in row}  # fmt: skip
    assert {"Siti Aminah", "Budi Hartono"} <= cells


def test_the_export_dialog_writes_bpjs_files_and_marks_them_submitted_when_asked(
    qtbot, window, export_dialog, answers, chooser, tmp_path
):
    store = store_of(window.db)
    store.insert_many(people("received", 2), "staf")
    dialog = export_dialog
    dialog.bpjs_radio.setChecked(True)
    assert dialog.bpjs_box.isEnabled() and not dialog.master_box.isEnabled()
    assert dialog.chosen_statuses() == ("received",)
    assert not dialog.mark_submitted.isChecked()  # off unless the user says so
    dialog.status_checks["received"].setChecked(False)
    assert not dialog.export_button.isEnabled()  # no status, nothing to export
    dialog.status_checks["received"].setChecked(True)
    out = tmp_path / "bpjs"
    out.mkdir()
    chooser.append([str(out)])
    answers.queue.append("ok")
    dialog.export()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    files = sorted(out.glob("*.xlsx"))
    assert files and [Path(p) for p in dialog.result.paths] == files
    assert "2 pendaftaran" in answers.asked[-1].text
    assert {r.status for r in map(store.get, ("reg-0", "reg-1"))} == {"received"}

    dialog.result = None
    dialog.mark_submitted.setChecked(True)
    again = tmp_path / "bpjs2"
    again.mkdir()
    chooser.append([str(again)])
    answers.queue.append("ok")
    dialog.export()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    assert list(again.glob("*.xlsx"))
    assert "Diajukan ke BPJS" in answers.asked[-1].text
    assert {r.status for r in map(store.get, ("reg-0", "reg-1"))} == {"submitted"}


def test_a_cancelled_export_says_so_and_leaves_no_file(
    qtbot, window, export_dialog, answers, chooser, tmp_path, monkeypatch
):
    """The user pressed Cancel: the exporter sees it at its first check."""
    import ui.excel_export_dialog as module

    store_of(window.db).insert_many(people("received"), "staf")
    real = module.export_master

    def cancelled_at_once(db, path, **options):
        assert callable(options["cancelled"])  # the worker's own flag is passed on
        return real(db, path, **{**options, "cancelled": lambda: True})

    monkeypatch.setattr(module, "export_master", cancelled_at_once)
    chooser.append([str(tmp_path / "batal.xlsx")])
    answers.queue.append("ok")
    export_dialog.export()
    qtbot.waitUntil(lambda: len(answers.asked) == 1, timeout=20000)
    assert "Dibatalkan" in answers.asked[-1].text
    assert export_dialog.result is None
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob("*.tmp"))


def test_choosing_no_file_exports_nothing(window, export_dialog, answers, chooser):
    chooser.append([])
    export_dialog.export()
    assert answers.asked == [] and export_dialog.result is None


def test_enter_exports_and_the_file_is_offered_in_documents(qtbot, export_dialog, chooser):
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.StandardLocation.DocumentsLocation
    export_dialog.show()
    closed = []
    export_dialog.rejected.connect(lambda: closed.append(True))
    chooser.append([])
    qtbot.keyClick(export_dialog.status, Qt.Key.Key_Return)
    assert closed == [] and chooser.requests[-1].title == "Simpan daftar induk"
    suggested = Path(chooser.requests[-1].suggested)
    assert str(suggested.parent) == QStandardPaths.writableLocation(documents)


# --- the village list ---------------------------------------------------------------------

COLUMNS = [
    "nik", "full_name", "birth_place", "birth_date", "sex", "marital_status", "mother_name",
    "address", "rt", "rw", "village_code", "postal_code", "phone", "occupation", "target_group",
    "monthly_income", "funding_source", "heir_name", "heir_relation", "consent", "working_now",
]  # fmt: skip


def village_row(nik, name, born, sex):
    reg = siti(nik=nik, full_name=name, sex=sex)
    values = {field: getattr(reg, field, "") for field in COLUMNS}
    values["birth_date"] = born
    values["consent"] = values["working_now"] = "Ya"
    return values


def write_list(path: Path, rows: list[dict], headers: dict[str, str] | None = None):
    """A village's workbook: one header row (Jaring's own labels unless ``headers`` renames
    some), then ``rows``; every cell text, as villages are asked to keep it."""
    headers = {field: FIELDS.get(field, field) for field in COLUMNS} | (headers or {})
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Daftar"
    sheet.append([headers[field] for field in COLUMNS])
    for row in rows:
        sheet.append([None if row.get(f) in (None, "") else str(row[f]) for f in COLUMNS])
    book.save(path)
    return path


@pytest.fixture
def village_list(tmp_path):
    """Two good rows and one whose NIK Excel turned into a number."""
    rows = [village_row(*PEOPLE[0]), village_row(*PEOPLE[1]), village_row(*PEOPLE[2])]
    rows[2]["nik"] = "6.20802E+15"
    return write_list(tmp_path / "desa.xlsx", rows)


@pytest.fixture
def wizard(window):
    dialog = window.new_excel_import()
    yield dialog
    dialog.close()


def read_in(qtbot, wizard, chooser, path):
    """Choose ``path`` as the user does, and wait until the wizard has read it."""
    before = wizard.plan
    chooser.append([str(path)])
    assert wizard.begin()
    qtbot.waitUntil(lambda: wizard.plan is not before, timeout=20000)
    return wizard.plan


def child(wizard, kind, name: str):
    """The wizard's widget called ``name``."""
    found = wizard.findChild(kind, name)
    assert isinstance(found, kind), name
    return found


def click(qtbot, wizard, name: str) -> None:
    qtbot.mouseClick(child(wizard, QPushButton, name), Qt.MouseButton.LeftButton)


def step(wizard) -> str:
    """The step on show: "mapping_page" or "preview_page"."""
    return child(wizard, QStackedWidget, "pages").currentWidget().objectName()


def combo_for(wizard, header: str) -> QComboBox:
    """The mapping step's field combo of the column ``header`` (its label's buddy)."""
    return next(
        label.buddy() for label in wizard.findChildren(QLabel)
        if label.text() == header and isinstance(label.buddy(), QComboBox)
    )  # fmt: skip


def mapping_combos(wizard) -> list[QComboBox]:
    return wizard.findChildren(QComboBox, QRegularExpression("^mapping_"))


def preview(wizard) -> QTableView:
    return child(wizard, QTableView, "excel_preview")


def shown(wizard, column: int) -> list[str]:
    model = preview(wizard).model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def click_row(qtbot, wizard, row: int) -> None:
    table = preview(wizard)
    spot = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=spot)


def show_outcome(wizard, outcome: str) -> None:
    """Pick ``outcome`` in the preview's "Tampilkan" filter."""
    combo = child(wizard, QComboBox, "outcome_filter")
    combo.setCurrentIndex(combo.findData(outcome))


def test_the_mapping_step_places_an_unknown_column_and_remembers_it(
    qtbot, window, wizard, chooser, tmp_path
):
    rows = [village_row(*person) for person in PEOPLE[:2]]
    path = write_list(tmp_path / "aneh.xlsx", rows, {"nik": "Nomor Identitas Warga"})
    plan = read_in(qtbot, wizard, chooser, path)
    assert wizard.isVisible() and step(wizard) == "mapping_page"
    assert len(mapping_combos(wizard)) == 1
    missing = child(wizard, QLabel, "missing_label")
    assert missing.isVisible()
    assert missing.text() == (
        "Kolom wajib yang belum ditemukan: NIK. Tanpa kolom itu setiap baris akan ditolak."
    )
    assert child(wizard, QLabel, "sample_1").text() == f"{PEOPLE[0][0]} · {PEOPLE[1][0]}"
    assert not RegistrationStore(window.db).count()
    combo = combo_for(wizard, "Nomor Identitas Warga")
    assert combo.currentData() == ""  # "Abaikan" until the user chooses
    assert combo.currentText() == "Abaikan"
    combo.setCurrentIndex(combo.findData("nik"))
    click(qtbot, wizard, "mapping_next")
    qtbot.waitUntil(lambda: wizard.plan is not plan, timeout=20000)
    remembered = load_settings(window.db).excel_mapping
    assert remembered == {header_key("Nomor Identitas Warga"): "nik"}
    assert window.settings.excel_mapping == remembered  # the window's copy too
    assert step(wizard) == "preview_page"
    assert shown(wizard, 2) == [PEOPLE[0][0], PEOPLE[1][0]]

    # The next village's list with the same header goes straight to the preview.
    other = ExcelImportDialog(window.db, database_path(window.db), "Budi Santoso")
    read_in(qtbot, other, chooser, path)
    assert step(other) == "preview_page"
    assert mapping_combos(other) == []
    other.close()
    other.deleteLater()


def test_one_field_for_two_columns_is_refused(qtbot, wizard, answers, chooser, tmp_path):
    rows = [village_row(*PEOPLE[0])]
    path = write_list(tmp_path / "dobel.xlsx", rows, {"nik": "Identitas A", "phone": "Identitas B"})
    read_in(qtbot, wizard, chooser, path)
    for header in ("Identitas A", "Identitas B"):
        combo = combo_for(wizard, header)
        combo.setCurrentIndex(combo.findData("nik"))
    answers.queue.append("ok")
    plan = wizard.plan
    click(qtbot, wizard, "mapping_next")
    assert answers.asked[-1].text == (
        "NIK dipilih untuk lebih dari satu kolom. Pilih satu kolom saja."
    )
    assert wizard.plan is plan and load_settings(wizard.db).excel_mapping == {}
    assert step(wizard) == "mapping_page"


def made_plan(path: Path, sheet: str = "Daftar") -> ImportPlan:
    """A plan as `read_list` returns it: one row of every outcome."""
    good = siti(id="a", nik=PEOPLE[0][0], full_name="Siti Aminah")
    draft = siti(id="b", nik=PEOPLE[1][0], full_name="Budi Hartono", phone="")
    rows = [
        ImportRow(2, {"NIK": good.nik, "Nama": good.full_name}, good, [], "ready"),
        ImportRow(3, {"NIK": draft.nik, "Nama": draft.full_name}, draft,
                  [warning("required", "phone")], "draft"),
        ImportRow(4, {"NIK": "6.20802E+15", "Nama": "Rina Wati"}, None,
                  [error("nik.digits", "nik")], "rejected"),
        ImportRow(5, {"NIK": PEOPLE[0][0], "Nama": "Siti A."}, None,
                  [error("nik.duplicate", "nik", name="Siti Aminah")], "rejected",
                  duplicate_of="a"),
    ]  # fmt: skip
    return ImportPlan(path=path, sheet=sheet, sheets=["Daftar", "Catatan"],
                      headers=["NIK", "Nama"], mapping={"NIK": "nik", "Nama": "full_name"},
                      rows=rows)  # fmt: skip


def test_the_preview_filters_by_outcome_and_counts(qtbot, wizard, chooser, tmp_path, monkeypatch):
    import ui.excel_import_page as module

    sheets_read = []

    def reading(db, path, *, sheet=None, **options):
        sheets_read.append(sheet)
        return made_plan(Path(path), sheet or "Daftar")

    monkeypatch.setattr(module, "read_list", reading)
    read_in(qtbot, wizard, chooser, tmp_path / "desa.xlsx")
    assert step(wizard) == "preview_page"
    assert child(wizard, QLabel, "file_label").text() == "Berkas: <b>desa.xlsx</b>"
    sheet = child(wizard, QComboBox, "sheet")
    assert sheet.isVisibleTo(wizard) and [sheet.itemText(i) for i in range(2)] == [
        "Daftar", "Catatan",
    ]  # fmt: skip
    outcomes = child(wizard, QComboBox, "outcome_filter")
    texts = [outcomes.itemText(i) for i in range(outcomes.count())]
    assert texts == ["Semua (4)", "Ditolak (1)", "Duplikat (1)", "Draf (1)", "Siap (1)"]
    assert child(wizard, QLabel, "excel_summary").text() == (
        "Lembar Daftar: 4 baris terbaca — 1 siap, 1 draf, 1 ditolak, 1 duplikat."
        " Kolom wajib belum ada: Desa/Kelurahan."  # without it every row is rejected
    )

    assert shown(wizard, 0) == ["2", "3", "4", "5"]
    assert shown(wizard, 3) == ["Siap", "Draf", "Ditolak", "Duplikat"]
    show_outcome(wizard, "rejected")
    assert shown(wizard, 0) == ["4"] and shown(wizard, 4) == ["NIK hanya boleh berisi angka."]
    assert shown(wizard, 2) == ["6.20802E+15"]  # what the village typed, for them to find
    show_outcome(wizard, "duplicate")
    assert shown(wizard, 0) == ["5"]
    assert shown(wizard, 4) == ["NIK ini sudah terdaftar atas nama Siti Aminah."]
    show_outcome(wizard, "draft")
    assert shown(wizard, 1) == ["Budi Hartono"]
    show_outcome(wizard, "ready")
    assert shown(wizard, 1) == ["Siti Aminah"]
    assert child(wizard, QPushButton, "import_button").text() == "Impor 2 pendaftaran"

    # Another sheet of the same workbook is read again, the filter kept.
    sheet.setFocus()
    qtbot.keyClick(sheet, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: wizard.plan.sheet == "Catatan", timeout=20000)
    assert sheets_read == [None, "Catatan"]
    assert outcomes.currentData() == "ready" and shown(wizard, 1) == ["Siti Aminah"]


def test_declining_writes_nothing_and_confirming_writes_the_rows(
    qtbot, window, wizard, answers, chooser, village_list
):
    store = RegistrationStore(window.db)
    plan = read_in(qtbot, wizard, chooser, village_list)
    assert step(wizard) == "preview_page"
    assert (plan.rows_read, plan.rows_ready, plan.rows_draft, plan.rows_rejected) == (3, 2, 0, 1)
    import_button = child(wizard, QPushButton, "import_button")
    assert import_button.text() == "Impor 2 pendaftaran"
    show_outcome(wizard, "rejected")
    assert [shown(wizard, c) for c in range(3)] == [["4"], ["Rina Wati"], ["6.20802E+15"]]
    detail = child(wizard, QLabel, "row_detail")
    assert detail.text() == "Pilih baris untuk melihat semua masalahnya."
    click_row(qtbot, wizard, 0)
    assert detail.text().startswith("<b>Baris 4 (Rina Wati)</b>: NIK tersimpan sebagai angka")
    records_before = window.records.model.rowCount()

    answers.queue.append("no")
    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    assert answers.asked[-1].text == (
        "Impor 2 pendaftaran dari desa.xlsx ke daftar induk? 2 siap dan 0 sebagai draf."
        " 1 baris ditolak atau duplikat tidak diimpor."
    )
    assert store.count() == 0  # nothing before the confirmation

    answers.queue += ["yes", "ok"]
    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20000)
    assert store.count() == 2
    assert {r["nik"] for r in store.search("Siti")} == {PEOPLE[0][0]}
    assert answers.asked[-1].text == (
        "2 pendaftaran masuk ke daftar induk: 2 siap kirim, 0 sebagai draf."
    )
    assert not import_button.isEnabled()  # not twice
    assert import_button.text() == "Sudah diimpor"
    assert window.records.model.rowCount() == records_before + 2  # the list looked again


def test_the_error_report_is_written_where_the_user_chose(
    qtbot, wizard, answers, chooser, village_list, tmp_path
):
    read_in(qtbot, wizard, chooser, village_list)
    assert child(wizard, QPushButton, "report_button").isEnabled()
    target = tmp_path / "laporan"
    chooser.append([str(target)])
    answers.queue.append("ok")
    click(qtbot, wizard, "report_button")
    assert chooser.requests[-1].suggested == str(tmp_path / "desa-masalah.xlsx")
    written = tmp_path / "laporan.xlsx"  # ".xlsx" added
    assert answers.asked[-1].text == (
        f"Laporan masalah tersimpan di:\n{written}\n\nKirimkan ke desa untuk diperbaiki."
    )
    sheet = openpyxl.load_workbook(written).active
    header, *rows = sheet.iter_rows(values_only=True)
    assert header[-2:] == ("Masalah", "Baris")
    problems = {row[-1]: row[-2] for row in rows}
    assert list(problems) == [2, 3, 4]
    assert problems[2] is None and problems[3] is None
    assert problems[4].startswith("NIK tersimpan sebagai angka")  # the problem, in words


def test_the_import_menu_opens_the_wizard_only_for_a_chosen_file(
    qtbot, window, answers, chooser, village_list
):
    chooser.append([])
    window.import_village_list()
    assert not window.excel_import_dialog.isVisible()
    chooser.append([str(village_list)])
    window.import_village_list()
    wizard = window.excel_import_dialog
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20000)
    assert wizard.isVisible() and wizard.parent() is window
    wizard.close()


# --- KPJ ---------------------------------------------------------------------------------


def write_kpj(path: Path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["NIK", "Nama", "No. KPJ"])
    for row in rows:
        sheet.append([str(v) for v in row])
    book.save(path)
    return path


def test_kpj_results_run_dry_first_then_for_real_after_confirmation(
    qtbot, window, answers, chooser, tmp_path
):
    store = RegistrationStore(window.db)
    store.insert_many(people("submitted", 2), "staf")
    path = write_kpj(tmp_path / "hasil.xlsx", [
        (PEOPLE[0][0], "Siti Aminah", "12345678901"),
        (PEOPLE[1][0], "Budi Hartono", "12345678902"),
        ("6208010101010009", "Orang Lain", "12345678903"),
    ])  # fmt: skip
    window.records.refresh()

    # Declined after the dry run: nothing changes.
    chooser.append([str(path)])
    answers.queue.append("no")
    window.import_kpj_results()
    flow = window.kpj_import
    qtbot.waitUntil(lambda: len(answers.asked) == 1, timeout=20000)
    question = answers.asked[0]
    assert question.text == (
        "3 baris terbaca dari hasil.xlsx.\n"
        "2 pendaftaran mendapat nomor KPJ dan berstatus Terdaftar.\n"
        "1 NIK tidak ada di daftar induk; dilewati.\n\nCatat sekarang?"
    )
    assert question.details == "Baris 4: NIK 6208010101010009 tidak dikenal"
    assert {store.get(i).status for i in ("reg-0", "reg-1")} == {"submitted"}
    assert flow.result is None

    # Confirmed: recorded, and the list shows it.
    chooser.append([str(path)])
    answers.queue += ["yes", "ok"]
    window.import_kpj_results()
    assert window.kpj_import is flow
    qtbot.waitUntil(lambda: flow.result is not None, timeout=20000)
    assert store.get("reg-0").kpj == "12345678901" and store.get("reg-0").status == "registered"
    assert store.get("reg-1").kpj == "12345678902"
    assert answers.asked[-1].title == "Hasil BPJS tercatat"
    status = [key for key, _ in RECORD_COLUMNS].index("status")
    model = window.records.model
    assert {model.index(r, status).data() for r in range(model.rowCount())} == {"Terdaftar"}


def test_kpj_conflicts_and_long_lists_are_worded_row_by_row(
    qtbot, window, answers, chooser, tmp_path
):
    from dataclasses import replace

    siti_, budi = people("submitted", 2)
    held = replace(budi, kpj="11111111111", status="registered")
    RegistrationStore(window.db).insert_many([siti_, held], "staf")
    unknown = [(f"62080101010100{n:02d}", "Orang Lain", f"987654321{n:02d}") for n in range(16)]
    path = write_kpj(tmp_path / "hasil.xlsx", [
        (PEOPLE[0][0], "Siti Aminah", "12345678901"),
        (PEOPLE[1][0], "Budi Hartono", "22222222222"),
        *unknown,
    ])  # fmt: skip
    chooser.append([str(path)])
    answers.queue.append("no")
    window.import_kpj_results()
    qtbot.waitUntil(lambda: len(answers.asked) == 1, timeout=20000)
    question = answers.asked[0]
    assert question.text == (
        "18 baris terbaca dari hasil.xlsx.\n"
        "1 pendaftaran mendapat nomor KPJ dan berstatus Terdaftar.\n"
        "16 NIK tidak ada di daftar induk; dilewati.\n"
        "1 konflik (KPJ atau NIK ganda); dilewati, lihat rinciannya.\n\nCatat sekarang?"
    )
    assert question.details.splitlines() == [
        "Baris 3: NIK 6208010203850002, KPJ 22222222222: pendaftaran ini sudah punya KPJ lain"
        " (11111111111)",
        *(f"Baris {n + 4}: NIK 62080101010100{n:02d} tidak dikenal" for n in range(14)),
        "… dan 2 lainnya.",
    ]


def test_a_file_without_nik_and_kpj_columns_is_refused_in_words(
    qtbot, window, answers, chooser, tmp_path
):
    book = openpyxl.Workbook()
    book.active.append(["Nama", "Alamat", "Tanggal Lahir"])
    book.active.append(["Siti Aminah", "Jl. Tjilik Riwut", "05-07-1990"])
    book.save(tmp_path / "bukan.xlsx")
    flow = KpjImport(window, database_path(window.db), "staf")
    chooser.append([str(tmp_path / "bukan.xlsx")])
    answers.queue.append("ok")
    flow.start()
    qtbot.waitUntil(lambda: len(answers.asked) == 1, timeout=20000)
    assert answers.asked[0].text == (
        "Kolom NIK dan Nomor KPJ tidak ditemukan di 10 baris pertama lembar mana pun."
        " Berkas ini hasil dari BPJS?"
    )
    assert flow.preview is None and flow.result is None


def test_the_window_has_an_excel_menu(window):
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    entries = [a.text().replace("&", "") for a in menus["Excel"].actions()]
    assert entries == [
        "Ekspor Excel…",
        "Impor daftar dari desa…",
        "Impor hasil BPJS (KPJ)…",
    ]
