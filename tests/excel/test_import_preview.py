"""The village-list wizard's decisions without Qt (`excel.import_preview`): outcomes and their
counts, the preview's filter, what a row shows, the columns to ask about, the samples of
a column and the choices remembered."""

from pathlib import Path

import pytest

from excel.headers import header_key
from excel.import_plan import ImportPlan, ImportRow, problem_texts
from excel.import_preview import (
    ALL,
    FILTER_CHOICES,
    OutcomeCounts,
    column_samples,
    columns_to_place,
    doubled_fields,
    outcome_counts,
    outcome_key,
    remembered_mapping,
    rows_shown,
    shown_value,
)
from models.problems import error, warning
from models.validation import REQUIRED
from tests.factories import siti

SITI, BUDI = "6208014507900001", "6208010203850002"


def plan_of_every_outcome(path: Path = Path("desa.xlsx")) -> ImportPlan:
    """Rows 2-6: ready, draft, rejected (a NIK Excel turned into a number), a NIK already
    registered, and a NIK repeated from row 2."""
    good = siti(id="a", nik=SITI, full_name="Siti Aminah")
    draft = siti(id="b", nik=BUDI, full_name="Budi Hartono", phone="")
    rows = [
        ImportRow(2, {"NIK": SITI, "Nama": "Siti Aminah"}, good, [], "ready"),
        ImportRow(3, {"NIK": BUDI, "Nama": "Budi Hartono"}, draft,
                  [warning("required", "phone")], "draft"),
        ImportRow(4, {"NIK": " 6.20802E+15 ", "Nama": "Rina  Wati"}, None,
                  [error("nik.digits", "nik")], "rejected"),
        ImportRow(5, {"NIK": "6208010101010009", "Nama": "Ani"}, None,
                  [error("nik.duplicate", "nik", id="reg-9")], "rejected", duplicate_of="reg-9"),
        ImportRow(6, {"NIK": SITI, "Nama": "Siti A."}, None,
                  [error("import.duplicate_in_file", "nik", row=2)], "rejected",
                  duplicate_of="baris 2"),
    ]  # fmt: skip
    return ImportPlan(path=path, sheet="Daftar", sheets=["Daftar"], headers=["NIK", "Nama"],
                      mapping={"NIK": "nik", "Nama": "full_name"}, rows=rows)  # fmt: skip


def test_a_duplicate_is_its_own_outcome():
    plan = plan_of_every_outcome()
    assert [outcome_key(row) for row in plan.rows] == [
        "ready", "draft", "rejected", "duplicate", "duplicate",
    ]  # fmt: skip


def test_counts_of_the_outcomes():
    counts = outcome_counts(plan_of_every_outcome().rows)
    assert counts == OutcomeCounts(ready=1, draft=1, rejected=1, duplicate=2)
    assert (counts.rows, counts.importable, counts.left_out) == (5, 2, 3)
    assert [counts.of(choice) for choice in FILTER_CHOICES] == [5, 1, 2, 1, 1]
    assert outcome_counts([]) == OutcomeCounts(0, 0, 0, 0)


def test_rows_skipped_are_those_importable_but_not_written():
    counts = OutcomeCounts(ready=3, draft=2)
    assert counts.skipped(5) == 0
    assert counts.skipped(4) == 1  # a NIK registered since the file was read
    assert counts.skipped(6) == 0  # never fewer than none


def test_the_preview_filter():
    rows = plan_of_every_outcome().rows
    assert [r.number for r in rows_shown(rows, ALL)] == [2, 3, 4, 5, 6]
    assert [r.number for r in rows_shown(rows, "duplicate")] == [5, 6]
    assert [r.number for r in rows_shown(rows, "rejected")] == [4]
    assert [r.number for r in rows_shown(rows, "draft")] == [3]
    assert [r.number for r in rows_shown(rows, "ready")] == [2]


def test_a_row_shows_what_was_read_or_else_what_the_village_typed():
    plan = plan_of_every_outcome()
    ready, _, rejected, *_ = plan.rows
    assert shown_value(ready, "nik", plan.mapping) == SITI
    assert shown_value(rejected, "nik", plan.mapping) == "6.20802E+15"  # spaces trimmed
    assert shown_value(rejected, "full_name", plan.mapping) == "Rina Wati"  # one line
    assert shown_value(rejected, "phone", plan.mapping) == ""  # no column holds it


def test_problem_texts_name_the_first_row_of_a_repeated_nik():
    rows = plan_of_every_outcome().rows

    def message(problem):
        return f"<{problem.code}>"

    assert problem_texts(rows[5 - 2], message) == ["<nik.duplicate>"]
    assert problem_texts(rows[6 - 2], message) == ["<import.duplicate_in_file> (baris 2)"]
    assert problem_texts(rows[0], message) == []


def sample_rows(*values):
    return [ImportRow(n, {"HP": v}, None, [], "rejected") for n, v in enumerate(values, 2)]


def test_samples_of_a_column_are_its_first_different_values():
    rows = sample_rows(None, "0812 1111", "0812  1111", "", "0813", "0814", "0815")
    assert column_samples(rows, "HP") == ["0812 1111", "0813", "0814"]
    assert column_samples(rows, "HP", wanted=1) == ["0812 1111"]
    assert column_samples(rows, "Tidak ada") == []


def test_a_long_value_repeated_is_one_sample():
    long = "Jalan Tjilik Riwut kilometer tiga puluh dua, RT 004"
    rows = sample_rows(long + " A", long + " B", "0813")
    assert column_samples(rows, "HP") == [long[:40], "0813"]


def plan_with_columns(mapping: dict) -> ImportPlan:
    return ImportPlan(path=Path("desa.xlsx"), sheet="Daftar", sheets=["Daftar"],
                      headers=list(mapping), mapping=mapping, rows=[])  # fmt: skip


COMPLETE = {field: field for field in (*REQUIRED, "consent")}


def test_the_columns_to_place_are_those_not_decided_before():
    plan = plan_with_columns({**COMPLETE, "HP aktif": None, "Catatan": None})
    assert columns_to_place(plan, {}) == ["HP aktif", "Catatan"]
    assert columns_to_place(plan, {header_key("Catatan"): ""}) == ["HP aktif"]
    decided = {header_key("HP aktif"): "", header_key("Catatan"): ""}
    assert columns_to_place(plan, decided) == []  # every required field is there


def test_every_unplaced_column_is_asked_about_while_a_required_field_is_missing():
    without_nik = {**COMPLETE, "Nomor Identitas": None, "Catatan": None}
    del without_nik["nik"]
    plan = plan_with_columns(without_nik)
    decided = {header_key("Nomor Identitas"): "", header_key("Catatan"): ""}
    assert columns_to_place(plan, decided) == ["Nomor Identitas", "Catatan"]


@pytest.mark.parametrize(
    ("chosen", "doubled"),
    [
        ({"A": "nik", "B": "phone", "C": ""}, []),
        ({"A": "nik", "B": "nik", "C": "", "D": ""}, ["nik"]),
        ({"A": "phone", "B": "nik", "C": "phone", "D": "nik"}, ["nik", "phone"]),
    ],
)
def test_a_field_chosen_for_two_columns(chosen, doubled):
    assert doubled_fields(chosen) == doubled


def test_the_choices_remembered_by_header_key():
    before = {header_key("HP"): "phone", header_key("Catatan"): ""}
    after = remembered_mapping(before, {" No.  Identitas ": "nik", "HP": ""})
    assert after == {header_key("HP"): "", header_key("Catatan"): "",
                     header_key("No. Identitas"): "nik"}  # fmt: skip
    assert before == {header_key("HP"): "phone", header_key("Catatan"): ""}  # not changed
