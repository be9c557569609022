"""The Indonesian sentences of the Excel import's problem codes
(`ui.i18n.messages.problem_text`)."""

import pytest

from models.problems import error, warning
from ui.i18n.messages import problem_text

FALLBACK = problem_text(error("no.such.code", "nik"))


@pytest.mark.parametrize(
    ("problem", "words"),
    [
        (error("nik.excel_number", "nik", shown="6208014507900000"), "NIK tersimpan sebagai angka"),
        (error("kk.excel_number", "kk", shown="6208010101200000"), "Nomor KK tersimpan"),
        (error("kpj.excel_number", "kpj", shown="1234567890"), "nol di depannya hilang"),
        (warning("kpj.number_kept", "kpj"), "dibaca sebagai 11 angka"),
        (error("cell.excel_error", "full_name"), "Isian Nama lengkap (sesuai KTP) berisi galat"),
        (error("cell.auto_date", "rt"), "mengubah isian RT menjadi tanggal"),
        (error("village.ambiguous", "village_code"), "beberapa desa"),
        (error("village.not_in_kecamatan", "village_code"), "tidak berada di kecamatan"),
        (error("kecamatan.unknown", "kecamatan"), "Kecamatan tidak ada"),
        (error("import.duplicate_in_file", "nik", row=2), "baris sebelumnya"),
    ],
)
def test_each_import_problem_has_its_own_sentence(problem, words):
    text = problem_text(problem)
    assert text != FALLBACK
    assert words in text
    assert "%1" not in text
