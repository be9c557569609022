"""One vocabulary: the Excel master workbook writes, for every code, the Indonesian words the
screens show (`ui.i18n.labels` without a translator), and the Excel import reads them back."""

from datetime import date

from openpyxl import load_workbook

from excel.cell_values import FUNDING, HEIR_RELATION, MARITAL, TARGET_GROUP, choice_key
from excel.export import export_master
from models import vocabulary
from models.registration import (
    CONTRIBUTION_PERIODS,
    FundingSource,
    HeirRelation,
    MaritalStatus,
    Status,
    TargetGroup,
)
from models.store import RegistrationStore
from tests.factories import person
from ui.i18n import labels

TODAY = date(2026, 11, 27)
NATAI = "62.08.01.2001"

#: Master sheet column -> the registration field it shows through the vocabulary.
COLUMNS = {
    "Status perkawinan": "marital_status",
    "Kelompok sasaran": "target_group",
    "Periode bayar": "contribution_months",
    "Sumber iuran": "funding_source",
    "Hubungan": "heir_relation",
    "Persetujuan": "consent",
    "Status": "status",
}
CODES = {
    "marital_status": [m.value for m in MaritalStatus],
    "target_group": [t.value for t in TargetGroup],
    "contribution_months": list(CONTRIBUTION_PERIODS),
    "funding_source": [f.value for f in FundingSource],
    "heir_relation": [h.value for h in HeirRelation],
    "consent": [True, False],
    "status": [s.value for s in Status],
}


def test_excel_writes_the_words_the_screens_show(db, tmp_path):
    # Enough registrations that every code of every field turns up at least once.
    count = max(len(codes) for codes in CODES.values())
    people = [
        person(n, f"Pekerja {n}", NATAI, **{f: codes[n % len(codes)] for f, codes in CODES.items()})
        for n in range(count)
    ]
    RegistrationStore(db).insert_many(people, "budi")
    path = tmp_path / "master.xlsx"
    export_master(db, path, today=TODAY)

    rows = list(load_workbook(path, read_only=True)["Pendaftaran"].iter_rows(values_only=True))
    header = rows[0]
    by_name = {row[header.index("Nama lengkap")]: row for row in rows[1:]}
    seen = {field: set() for field in CODES}
    for reg in people:
        row = by_name[reg.full_name]
        for column, field in COLUMNS.items():
            value = getattr(reg, field)
            assert row[header.index(column)] == labels.display_value(field, value), (column, value)
            seen[field].add(value)
    assert seen == {field: set(codes) for field, codes in CODES.items()}


def test_the_excel_import_reads_back_the_words_of_the_export():
    for table, choices in (
        (vocabulary.MARITAL_LABELS, MARITAL),
        (vocabulary.TARGET_GROUP_LABELS, TARGET_GROUP),
        (vocabulary.FUNDING_LABELS, FUNDING),
        (vocabulary.HEIR_RELATION_LABELS, HEIR_RELATION),
    ):
        assert {code: choices.get(choice_key(text)) for code, text in table.items()} == {
            code: code for code in table
        }
