"""`models.vocabulary`: a word for every code the registration's fields take, and no Qt."""

import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from models import vocabulary
from models.registration import (
    CONTRIBUTION_PERIODS,
    FundingSource,
    HeirRelation,
    MaritalStatus,
    Registration,
    Sex,
    Status,
    TargetGroup,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("table", "codes"),
    [
        (vocabulary.SEX_LABELS, [s.value for s in Sex]),
        (vocabulary.MARITAL_LABELS, [m.value for m in MaritalStatus]),
        (vocabulary.TARGET_GROUP_LABELS, [t.value for t in TargetGroup]),
        (vocabulary.FUNDING_LABELS, [f.value for f in FundingSource]),
        (vocabulary.HEIR_RELATION_LABELS, [h.value for h in HeirRelation]),
        (vocabulary.PERIOD_LABELS, list(CONTRIBUTION_PERIODS)),
        (vocabulary.STATUS_LABELS, [s.value for s in Status]),
    ],
)
def test_each_table_names_every_code_and_nothing_else(table, codes):
    assert sorted(table, key=str) == sorted(codes, key=str)
    assert {type(code) for code in table} == {type(codes[0])}  # plain str or int, no enums
    assert len(set(table.values())) == len(table), "two codes read the same"


def test_the_statuses_are_in_the_order_a_registration_goes_through_them():
    assert list(vocabulary.STATUS_LABELS) == [s.value for s in Status]


def test_field_labels_name_registration_fields():
    names = {f.name for f in fields(Registration)} | {"kecamatan"}
    assert set(vocabulary.FIELD_LABELS) <= names


def test_choices_are_keyed_by_the_fields_they_name():
    assert set(vocabulary.CHOICES) <= {f.name for f in fields(Registration)}
    assert vocabulary.CHOICES["status"] is vocabulary.STATUS_LABELS


def test_period_label_and_yes_no():
    assert vocabulary.period_label(3) == "3 bulan"
    assert vocabulary.period_label(2) == "2 bulan"  # not offered, but read the same way
    assert vocabulary.period_label(None) == vocabulary.period_label(0) == ""
    assert (vocabulary.yes_no(True), vocabulary.yes_no(0)) == ("Ya", "Tidak")


def test_the_vocabulary_loads_without_qt():
    code = (
        "import sys, models.vocabulary; "
        "sys.exit(any(m.split('.')[0] == 'PySide6' for m in sys.modules))"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
