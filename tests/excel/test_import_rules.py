"""The import rules of issue 15: a village's list of names comes in as drafts to complete
(only wrong values are rejected), and BPJS's KPJ numbers register only what was sent to
BPJS."""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook

from excel.list_import import import_kpj, missing_required, read_list, write_list
from models.audit import verify_chain
from models.store import RegistrationStore
from models.validation import ValidationContext
from tests.factories import TODAY, siti

CONTEXT = ValidationContext(today=TODAY)

#: What a desa hands the district: who lives there, no more.
NAMES_HEADER = ["No", "NIK", "Nama", "Tempat/Tgl Lahir", "L/P", "Alamat", "Desa"]


def names_row(number: int, serial: int, **changes) -> list:
    values = {
        "No": number, "NIK": f"620801450790{serial:04d}", "Nama": "SITI AMINAH",
        "Tempat/Tgl Lahir": "Sukamara, 05-07-1990", "L/P": "P", "Alamat": "Dusun II",
        "Desa": "Natai Sedawak",
    } | changes  # fmt: skip
    return [values[name] for name in NAMES_HEADER]


def write_book(path, header, rows) -> None:
    book = Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)


#: What the officer fills in on the visit, so what a list of names lacks.
ON_THE_VISIT = [
    "marital_status", "mother_name", "rt", "rw", "postal_code", "phone", "occupation",
    "target_group", "monthly_income", "consent", "working_now",
]  # fmt: skip


def test_a_village_list_of_names_comes_in_as_drafts_to_complete(configured_db, tmp_path):
    db = configured_db
    path = tmp_path / "daftar-nama.xlsx"
    write_book(path, NAMES_HEADER, [names_row(n, n) for n in range(1, 6)])
    plan = read_list(db, path, context=CONTEXT)
    assert [row.outcome for row in plan.rows] == ["draft"] * 5
    first = plan.rows[0]
    assert first.missing == ON_THE_VISIT
    assert {p.code for p in first.problems} == {"required", "consent.required",
                                                "working_now.required"}  # fmt: skip
    report = plan.as_json(lambda p: p.code)
    assert report["rows_draft"] == 5 and report["rows_rejected"] == 0
    assert report["to_complete"][0] == {"row": 2, "missing": ON_THE_VISIT}
    assert missing_required(plan) == []  # nothing makes every row fail
    result = write_list(db, plan, "staf")
    assert (result.draft, result.rejected) == (5, 0)
    stored = RegistrationStore(db).get(result.ids[0])
    assert (stored.status, stored.full_name, stored.birth_date) == (
        "draft",
        "Siti Aminah",
        date(1990, 7, 5),
    )
    assert verify_chain(db).ok


def test_only_wrong_values_are_rejected(configured_db, tmp_path):
    db = configured_db
    RegistrationStore(db).save(siti(id="held", nik="6208014507900009", status="ready"), "staf")
    path = tmp_path / "daftar-nama.xlsx"
    write_book(
        path,
        NAMES_HEADER,
        [
            names_row(1, 1),
            names_row(2, 2, NIK=6208014507900002),  # a NIK in a number cell
            names_row(3, 3, NIK="6208019907900003"),  # day 99: not a NIK
            names_row(4, 4, Desa="Desa Tidak Ada"),
            names_row(5, 1),  # the NIK of row 2 again
            names_row(6, 9),  # a NIK the list already holds
            names_row(7, 7, Nama=None),  # no name: no identity
            names_row(8, 8, Desa=None),  # no desa: no identity
        ],
    )
    plan = read_list(db, path, context=CONTEXT)
    outcomes = {row.values["No"]: row.outcome for row in plan.rows}
    assert outcomes == {1: "draft", 2: "rejected", 3: "rejected", 4: "rejected",
                        5: "rejected", 6: "rejected", 7: "rejected", 8: "rejected"}  # fmt: skip
    reasons = {row.values["No"]: row.rejected_for for row in plan.rows}
    assert reasons[2] == ["nik.excel_number"]
    assert reasons[3] == ["nik.date"]
    assert reasons[4] == ["village.unknown"]
    assert reasons[5] == ["import.duplicate_in_file"]
    assert reasons[6] == ["nik.duplicate"]
    assert reasons[7] == ["required"] and "full_name" in plan.rows[6].missing
    assert reasons[8] == ["required"] and "village_code" in plan.rows[7].missing


def test_a_list_without_a_name_column_is_told_every_row_fails(configured_db, tmp_path):
    path = tmp_path / "nik-saja.xlsx"
    write_book(path, ["NIK", "Desa"], [["6208014507900001", "Natai Sedawak"]])
    plan = read_list(configured_db, path, context=CONTEXT)
    assert missing_required(plan) == ["full_name"]
    assert plan.rows[0].outcome == "rejected"


def test_the_birth_date_and_sex_come_from_the_nik_when_the_list_has_none(configured_db, tmp_path):
    path = tmp_path / "nama.xlsx"
    write_book(path, ["NIK", "Nama", "Desa"], [["6208014507900001", "Siti", "Natai Sedawak"]])
    plan = read_list(configured_db, path, context=CONTEXT)
    row = plan.rows[0]
    assert row.outcome == "draft"
    assert (row.registration.birth_date, row.registration.sex) == (date(1990, 7, 5), "P")
    assert "birth_date" not in row.missing and "sex" not in row.missing


def test_a_birth_date_other_than_the_niks_is_a_warning_on_the_draft(configured_db, tmp_path):
    path = tmp_path / "nama.xlsx"
    other_day = names_row(1, 1, **{"Tempat/Tgl Lahir": "Sukamara, 06-07-1990"})
    write_book(path, NAMES_HEADER, [other_day])
    row = read_list(configured_db, path, context=CONTEXT).rows[0]
    assert row.outcome == "draft"
    assert "nik.birth_date_mismatch" in [p.code for p in row.problems]


# --- KPJ numbers only for what went to BPJS -------------------------------------------------


def test_kpj_numbers_register_only_submitted_or_received_registrations(configured_db, tmp_path):
    db = configured_db
    store = RegistrationStore(db)
    statuses = {1: "submitted", 2: "received", 3: "draft", 4: "ready", 5: "exported",
                6: "rejected"}  # fmt: skip
    for serial, status in statuses.items():
        store.save(siti(id=f"reg-{serial}", nik=f"620801450790{serial:04d}", kpj="",
                        status=status), "staf")  # fmt: skip
    path = tmp_path / "bpjs.xlsx"
    write_book(
        path,
        ["NIK", "KPJ"],
        [[f"620801450790{serial:04d}", f"1111111110{serial}"] for serial in statuses],
    )
    before = {r.id: (r.status, r.kpj, r.version) for r in map(store.get, _ids(statuses))}
    result = import_kpj(db, path, "staf")
    assert result.registered == 2
    after = {r.id: (r.status, r.kpj, r.version) for r in map(store.get, _ids(statuses))}
    assert after["reg-1"] == ("registered", "11111111101", 2)
    assert after["reg-2"] == ("registered", "11111111102", 2)
    for serial in (3, 4, 5, 6):
        assert after[f"reg-{serial}"] == before[f"reg-{serial}"]
    assert [(n["row"], n["status"], n["registration_id"]) for n in result.not_submitted] == [
        (4, "draft", "reg-3"), (5, "ready", "reg-4"), (6, "exported", "reg-5"),
        (7, "rejected", "reg-6"),
    ]  # fmt: skip
    assert result.as_json(lambda p: p.code)["not_submitted"] == result.not_submitted
    assert verify_chain(db).ok


def _ids(statuses: dict) -> list[str]:
    return [f"reg-{serial}" for serial in statuses]
