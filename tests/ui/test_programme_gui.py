"""The programme's year on screen: the dashboard's months and lapse warnings, and its
dialogs — a payment, BPJS's invoice per kecamatan, the renewal list, the year's target and
budget — and a life event from the records list, with the heirs' note after a death."""

from datetime import date

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTableWidget

from exchange.enrolment import init_district
from models import coverage, fiscal_year, life_events, payments
from models.regions import default_regions
from models.store import RegistrationStore
from tests.factories import person
from ui.printing.print_jobs import write_request_pdf
from ui.printing.request import HEIR_NOTE, RENEWAL
from ui.programme.fiscal_year_dialog import FiscalYearDialog
from ui.programme.life_event_dialog import LifeEventDialog
from ui.programme.payment_dialog import PaymentDialog
from ui.programme.reconciliation_dialog import INVOICE_COLUMN, ReconciliationDialog
from ui.programme.renewal_dialog import RenewalDialog
from ui.records_page import RecordsPage

TODAY = date(2026, 5, 20)
JAN = "2026-01-05T02:00:00.000+00:00"


def fill(db):
    """Two participants in Kecamatan Sukamara, one in Jelai; the first quarter paid for
    all, the second only for Sukamara."""
    RegistrationStore(db).insert_many(
        [person(n, f"Peserta {n}", village, status="registered", updated_at=JAN,
                program_jht=False)
         for n, village in ((1, "62.08.01.2001"), (2, "62.08.01.2001"), (3, "62.08.02.2002"))],
        "staf",
    )  # fmt: skip
    for first, last, place in (("2026-01", "2026-03", ""), ("2026-04", "2026-06", "62.08.01")):
        payments.record_payment(db, first_month=first, last_month=last, paid_on=date(2026, 1, 10),
                                actor="staf", kecamatan=place)  # fmt: skip


@pytest.fixture
def district(configured_db, tmp_path):
    init_district(configured_db, tmp_path / "keys", "Disnaker", "62.08", 9863)
    fill(configured_db)
    return configured_db


@pytest.fixture
def dashboard(qtbot, district, open_window):
    page = open_window(district).dashboard
    page.today = lambda: TODAY
    with qtbot.waitSignal(page.details_loaded, timeout=10_000):
        page.refresh()
    return page


def texts(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_the_dashboard_shows_each_month_and_who_is_about_to_lapse(dashboard):
    months = dashboard.findChild(QTableWidget, "coverage_table")
    assert months.rowCount() == 12
    # May first: two active, Jelai's participant two months behind; 3 x 16,800 due.
    may = texts(months, 0)
    assert may[1:6] == ["2", "0", "1", "0", "0"]
    assert may[6].replace(".", "").replace(",", "").endswith("50400")
    warnings = dashboard.findChild(QTableWidget, "lapse_warnings")
    assert warnings.rowCount() == 1 and warnings.item(0, 0).text() == "Peserta 3"
    for name in ("payment_button", "reconcile_button", "renewal_button", "fiscal_year_button"):
        assert dashboard.findChild(QPushButton, name).isVisibleTo(dashboard)


def test_an_officers_dashboard_has_no_months(qtbot, configured_db, tmp_path, open_window):
    from exchange.enrolment import init_officer

    district_db = configured_db
    profile = init_district(district_db, tmp_path / "dk", "Disnaker", "62.08", 9863)
    from models.db import open_database

    officer = open_database(tmp_path / "officer.db")
    init_officer(officer, tmp_path / "ok", profile, "Budi")
    page = open_window(officer).dashboard
    with qtbot.waitSignal(page.details_loaded, timeout=10_000):
        page.refresh()
    assert not page.coverage_card.isVisibleTo(page) and page.months is None
    officer.close()


def test_a_payment_from_the_dashboard(qtbot, dashboard, answers, monkeypatch):
    def pay_jelai_late(dialog):
        dialog.first.set_month("2026-04")
        dialog.last.set_month("2026-06")
        dialog.kecamatan.setCurrentIndex(dialog.kecamatan.findData("62.08.02"))
        answers.queue.append("ok")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.history.rowCount() == 3
        return 0

    monkeypatch.setattr(PaymentDialog, "exec", pay_jelai_late)
    with qtbot.waitSignal(dashboard.details_loaded, timeout=10_000):
        qtbot.mouseClick(dashboard.coverage_card.buttons["payment"], Qt.MouseButton.LeftButton)
    assert "untuk 1 peserta" in answers.asked[-1].text
    # Paid in May (today) for April to June: Jelai's participant is active again.
    months = dashboard.findChild(QTableWidget, "coverage_table")
    assert texts(months, 0)[1:4] == ["3", "0", "0"]


def test_a_refused_payment_says_why(qtbot, district, answers):
    dialog = PaymentDialog(district, "staf", default_regions(), "62.08", TODAY)
    qtbot.addWidget(dialog)
    dialog.first.set_month("2025-01")
    dialog.last.set_month("2025-02")
    answers.queue.append("ok")
    dialog.save()
    assert answers.asked[-1].icon.name == "Critical" and dialog.recorded == 0


def test_the_invoice_per_kecamatan(qtbot, district):
    dialog = ReconciliationDialog(district, default_regions(), TODAY)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        "Sukamara", "Jelai", "Jumlah",
    ]  # fmt: skip
    assert "Ketik tagihan" in dialog.summary.text()
    # BPJS bills three people in Sukamara (Jaring two) and two months in Jelai (Jaring one).
    table.item(0, INVOICE_COLUMN).setText("50.400")
    # One kecamatan typed: no total yet (a part against the whole would differ falsely).
    assert dialog.result.invoiced is None and dialog.result.typed_difference == 16_800
    assert "sudah diketik" in dialog.summary.text()
    table.item(1, INVOICE_COLUMN).setText("33600")
    found = dialog.result
    assert [(r.kecamatan_code, r.computed, r.invoiced, r.difference) for r in found.rows] == [
        ("62.08.01", 33_600, 50_400, 16_800), ("62.08.02", 16_800, 33_600, 16_800),
    ]  # fmt: skip
    assert found.difference == 33_600 and "lebih" in dialog.summary.text()
    assert table.item(2, 4).text().replace(".", "").replace(",", "").endswith("33600")


def test_the_renewal_list(qtbot, district, chooser, answers, tmp_path):
    fiscal_year.set_fiscal_year(district, 2027, target=10, budget=500_000, actor="staf")
    dialog = RenewalDialog(district, default_regions(), TODAY)
    qtbot.addWidget(dialog)
    dialog.year.setValue(2026)
    # As of May 2026 all three are billed: 3 x 12 x 16,800 = 604,800, over the budget.
    assert dialog.renewal.yearly == 604_800 and dialog.renewal.budget_left == -104_800
    assert "kurang" in dialog.figures.text()
    chooser.append([str(tmp_path / "perpanjangan")])
    answers.queue.append("ok")
    dialog.save_excel()
    rows = list(openpyxl.load_workbook(tmp_path / "perpanjangan.xlsx")["Perpanjangan"].values)
    assert len(rows) == 1 + 3 + 1
    with qtbot.waitSignal(dialog.print_requested) as asked:
        dialog.print_list()
    request = asked.args[0]
    assert request.kind == RENEWAL and request.count == 3 and request.landscape
    printed = write_request_pdf(district, request, tmp_path / "p.pdf", paper="A4", today=TODAY)
    assert printed.pages == 1


def test_the_years_target_and_budget(qtbot, district):
    dialog = FiscalYearDialog(district, "staf", TODAY)
    qtbot.addWidget(dialog)
    assert dialog.target.value() == 9863 and "pengaturan" in dialog.state.text()
    dialog.target.setValue(3000)
    dialog.budget.setText("604.800.000")
    dialog.save()
    dialog.target.setValue(3500)  # APBD-P
    dialog.save()
    plan = fiscal_year.fiscal_year(district, 2026)
    assert (plan.target, plan.budget, plan.version, bool(plan.raised_at)) == (
        3500, 604_800_000, 2, True,
    )  # fmt: skip
    assert dialog.years.rowCount() == 1 and dialog.changed


def test_a_death_from_the_records_list_and_the_heirs_note(qtbot, district, answers, tmp_path,
                                                          monkeypatch):  # fmt: skip
    page = RecordsPage(RegistrationStore(district), "62.08")
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    page.show()
    rows = {page.model.registration_id(r): r for r in range(page.model.rowCount())}
    page.table.selectRow(rows["reg-1"])
    page._context_menu(page.table.visualRect(page.model.index(rows["reg-1"], 0)).center())
    actions = [a.text() for a in page.context_menu.actions()]
    assert any(text.startswith("Catat peristiwa") for text in actions)
    page.context_menu.close()

    def died(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("died"))
        dialog.day.setDate(dialog.day.date().addDays(-67))  # 14 March
        answers.queue.append("yes")  # print the heirs' note
        dialog.save()
        return 1

    monkeypatch.setattr(LifeEventDialog, "exec", died)
    with (qtbot.waitSignal(page.print_requested) as asked,
          qtbot.waitSignal(page.events_recorded)):  # fmt: skip
        page.record_event()
    [event] = life_events.events_of(district, "reg-1")
    assert (event.kind, event.event_date) == ("died", "2026-03-14")
    assert coverage.participant_coverage(district, "reg-1", "2026-04").state == "ended"
    request = asked.args[0]
    assert request.kind == HEIR_NOTE
    printed = write_request_pdf(district, request, tmp_path / "w.pdf", paper="A4", today=TODAY)
    assert printed.pages == 1
