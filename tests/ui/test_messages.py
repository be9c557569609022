"""`ui.i18n.messages`: the sentences for the domain's codes, their placeholders filled in one
pass."""

import errno
from datetime import date

import pytest

from models.problems import error, warning
from models.store import DuplicateNik
from ui.i18n import messages


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (error("required", "full_name"), "Nama lengkap (sesuai KTP) wajib diisi."),
        (error("required", "no_such_field"), "no_such_field wajib diisi."),
        (
            warning("age.range", "birth_date", age=70, min=15, max=65),
            "Umur 70 tahun, di luar batas program (15–65 tahun). Tetap daftarkan?",
        ),
        (
            warning("nik.birth_date_mismatch", "birth_date", nik_date=date(1990, 7, 5)),
            "Tanggal lahir menurut NIK adalah 05-07-1990. Benar tanggal lahirnya berbeda?",
        ),
        (
            warning("nik.sex_mismatch", "sex", nik_sex="P"),
            "Menurut NIK jenis kelaminnya P — Perempuan. Benar berbeda?",
        ),
        (
            warning("nik.region_unknown", "nik", kecamatan="99.01.02"),
            "Kode kecamatan 99.01.02 di NIK tidak ada di tabel wilayah. Periksa lagi NIK-nya.",
        ),
        # A value holding a placeholder is not filled again.
        (
            error("nik.duplicate", "nik", name="Siti %1"),
            "NIK ini sudah terdaftar atas nama Siti %1.",
        ),
        (error("nik.duplicate", "nik"), "NIK ini sudah terdaftar atas nama ?."),
        (error("no.such.code", "rt"), "Isian RT perlu diperiksa."),
    ],
)
def test_problem_sentences_with_their_values(problem, text):
    assert messages.problem_text(problem) == text


def test_codes_without_a_sentence_are_named():
    assert messages.rejection_text("no_such_code") == "Batch ditolak (no_such_code)."
    assert (
        messages.receipt_text("no_such_code") == "Tanda terima tidak bisa dipakai (no_such_code)."
    )
    assert messages.conflict_kind("no_such_kind") == "no_such_kind"
    assert messages.conflict_reason("no such reason") == "no such reason"


def test_a_receipts_code_refused_as_a_batch_reads_as_the_receipts():
    assert messages.rejection_text("not_updates") == messages.receipt_text("not_updates")


def test_conflicts_read_as_the_conflicts_page_shows_them():
    assert messages.conflict_kind("nik") == "NIK sama"
    assert messages.conflict_kind("likely_duplicate") == "Mungkin ganda"
    assert messages.conflict_reason("same name and birth date") == "Nama dan tanggal lahir sama"


def test_exceptions_explained():
    assert messages.explain(OSError(errno.ENOSPC, "full")).startswith("Ruang disk")
    assert messages.explain(OSError(errno.EIO, "gone")).startswith("Berkas tidak bisa ditulis")
    assert (
        messages.explain(DuplicateNik("6208014507900001", []))
        == "NIK 6208014507900001 sudah dipakai pendaftaran lain."
    )
    assert messages.explain(ValueError("kolom %1")) == "Berkas atau isian tidak sah: kolom %1"
    assert messages.explain(RuntimeError("boom")) == "Terjadi kesalahan: boom"
