"""The programme's year on the command line: record-payment, coverage, reconcile,
fiscal-year, renewal and record-event, on a district database, with their one-line errors."""

from datetime import date

import openpyxl
import pytest

from models import clock
from models.db import open_database
from models.store import RegistrationStore
from tests.cli import run_cli
from tests.factories import person

JAN = "2026-01-05T02:00:00.000+00:00"


@pytest.fixture
def district(tmp_path, capsys, monkeypatch):
    """A district database with three registered participants (two in Kecamatan Sukamara,
    one in Jelai), on 20 May 2026."""
    monkeypatch.setattr(clock, "today", lambda: date(2026, 5, 20))
    path = tmp_path / "district.db"
    done = run_cli(capsys, "district-init", "--name", "Disnaker", "--regency", "62.08",
                   "--profile-out", tmp_path / "profile.json", "--db", path)  # fmt: skip
    assert done.code == 0, done.err
    db = open_database(path)
    RegistrationStore(db).insert_many(
        [person(n, f"Peserta {n}", village, status="registered", updated_at=JAN,
                program_jht=False, heir_name="Siti", heir_relation="anak")
         for n, village in ((1, "62.08.01.2001"), (2, "62.08.01.2001"), (3, "62.08.02.2002"))],
        "staf",
    )  # fmt: skip
    db.close()
    return path


def run(capsys, path, *args):
    return run_cli(capsys, *args, "--db", path, "--json")


def test_payments_and_the_coverage_of_a_month(district, capsys):
    done = run(capsys, district, "record-payment", "--from", "2026-01", "--to", "2026-03",
               "--paid-on", "2026-01-10")  # fmt: skip
    assert done.code == 0, done.err
    assert (done.summary["participants"], done.summary["amount"]) == (3, 3 * 3 * 16_800)
    done = run(capsys, district, "record-payment", "--from", "2026-04", "--to", "2026-06",
               "--kecamatan", "62.08.01", "--note", "SP2D 12")  # paid today, 20 May  # fmt: skip
    assert done.summary["participants"] == 2 and done.summary["paid_on"] == "2026-05-20"
    done = run(capsys, district, "coverage", "--month", "2026-05", "--warnings", "5")
    assert done.code == 0
    summary = done.summary
    assert {k: summary[k] for k in ("active", "unpaid_1", "unpaid_2", "lapsed", "ended",
                                    "amount_due", "amount_unpaid")} == {
        "active": 2, "unpaid_1": 0, "unpaid_2": 1, "lapsed": 0, "ended": 0,
        "amount_due": 3 * 16_800, "amount_unpaid": 16_800,
    }  # fmt: skip
    assert [(w["id"], w["unpaid_months"], w["paid_through"]) for w in summary["about_to_lapse"]
            ] == [("reg-3", 2, "2026-03")]  # fmt: skip
    # Jelai's invoice for May: BPJS bills 16,800, as Jaring does; Sukamara's 50,400.
    done = run(capsys, district, "reconcile", "--month", "2026-05",
               "--kecamatan-invoice", "62.08.01=50.400", "62.08.02=16800")  # fmt: skip
    assert (done.summary["computed"], done.summary["invoiced"], done.summary["difference"]) == (
        50_400, 67_200, 16_800,
    )  # fmt: skip
    assert [k["difference"] for k in done.summary["kecamatan"]] == [16_800, 0]


def test_one_line_errors(district, capsys):
    for args, text in (
        (("record-payment", "--from", "2026-13", "--to", "2026-12"), "bukan bulan"),
        (("record-payment", "--from", "2026-01", "--to", "2026-01", "--kecamatan", "99.99.99"),
         "tidak dikenal"),
        (("record-payment", "--from", "2026-01", "--to", "2026-01", "--funding", "bank"),
         "tidak dikenal"),
        (("record-payment", "--from", "2024-01", "--to", "2024-02"), "tidak ada peserta"),
        (("coverage", "--month", "Mei"), "bukan bulan"),
        (("reconcile", "--month", "2026-05", "--invoice", "banyak"), "bukan jumlah"),
        (("record-event", "reg-1", "--kind", "died", "--date", "2026-06-01"), "belum terjadi"),
        (("record-event", "reg-x", "--kind", "moved", "--date", "2026-05-01"), "tidak ada"),
        (("record-event", "reg-1", "--kind", "moved", "--date", "2026-05-01",
          "--heir-note", "x.pdf"), "hanya untuk"),
    ):  # fmt: skip
        done = run(capsys, district, *args)
        assert done.code == 1, args
        assert text in done.err and len(done.err.strip().splitlines()) == 1, done.err


def test_an_officer_records_no_payment(tmp_path, capsys):
    path = tmp_path / "plain.db"
    open_database(path).close()
    done = run(capsys, path, "record-payment", "--from", "2026-01", "--to", "2026-01")
    assert done.code == 1 and "kabupaten" in done.err


def test_fiscal_year_and_renewal(district, capsys, tmp_path, qapp):
    done = run(capsys, district, "fiscal-year", "--year", "2027")
    assert done.summary == {"year": 2027, "target": 9863, "budget": 0, "raised_at": "",
                            "from_settings": True}  # fmt: skip
    done = run(capsys, district, "fiscal-year", "--year", "2027", "--target", "3",
               "--budget", "700000")  # fmt: skip
    assert (done.summary["target"], done.summary["budget"]) == (3, 700_000)
    done = run(capsys, district, "fiscal-year", "--year", "2027", "--budget", "800000",
               "--note", "APBD-P")  # fmt: skip
    assert done.summary["target"] == 3 and done.summary["raised_at"]

    run(capsys, district, "record-payment", "--from", "2026-01", "--to", "2026-06",
        "--paid-on", "2026-01-10")  # fmt: skip
    out, pdf = tmp_path / "perpanjangan.xlsx", tmp_path / "perpanjangan.pdf"
    done = run(capsys, district, "renewal", "--year", "2026", "--out", out, "--pdf", pdf)
    assert done.code == 0, done.err
    # As of May 2026 (today) all three are active: 3 x 12 x 16,800 for 2027.
    summary = done.summary
    assert (summary["year"], summary["as_of"], summary["participants"], summary["yearly"]) == (
        2027, "2026-05", 3, 604_800,
    )  # fmt: skip
    assert summary["budget_left"] == 800_000 - 604_800
    sheet = openpyxl.load_workbook(out)["Perpanjangan"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("No.", "NIK", "Nama lengkap", "KPJ")
    assert [r[2] for r in rows[1:4]] == ["Peserta 1", "Peserta 2", "Peserta 3"]
    assert rows[1][1] == "6208014507900001" and rows[-1][-1] == 604_800
    assert pdf.read_bytes().startswith(b"%PDF")


def test_record_event_and_the_heirs_note(district, capsys, tmp_path, qapp):
    note = tmp_path / "ahli-waris.pdf"
    done = run(capsys, district, "record-event", "reg-1", "--kind", "died", "--date",
               "2026-03-14", "--note", "Surat desa 4/2026", "--heir-note", note)  # fmt: skip
    assert done.code == 0, done.err
    assert done.summary["recorded"] == 1 and note.read_bytes().startswith(b"%PDF")
    done = run(capsys, district, "coverage", "--month", "2026-04")
    assert done.summary["ended"] == 1
    done = run(capsys, district, "coverage", "--month", "2026-03")
    assert done.summary["ended"] == 0  # covered in the month of death
