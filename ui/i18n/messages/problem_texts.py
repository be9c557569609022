"""Sentences for the problems the checks find (context "Problems") and for the conflicts
the merge sets aside."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models import vocabulary
from models.formatting import arg, tanggal
from models.problems import Problem

translate = QCoreApplication.translate


def _label(table: dict, code: object, default: str) -> str:
    """The translated name of ``code`` in a `models.vocabulary` table; ``default`` if none."""
    text = table.get(code)
    return translate(vocabulary.CONTEXT, text) if text is not None else default


# --- problems found by the checks --------------------------------------------------------


def problem_text(problem: Problem) -> str:
    """The sentence shown to the user for a problem."""
    p = problem.params
    label = _label(vocabulary.FIELD_LABELS, problem.field, problem.field)
    texts = {
        "required": translate("Problems", "%1 wajib diisi."),
        "consent.required": translate("Problems", "Pekerja harus menyetujui pemrosesan datanya."),
        "working_now.required": translate(
            "Problems",
            "Pekerja harus menyatakan saat ini bekerja (klaim JKK dan JKM bergantung padanya).",
        ),
        "nik.digits": translate("Problems", "NIK hanya boleh berisi angka."),
        "nik.length": translate("Problems", "NIK harus 16 angka."),
        "nik.province": translate(
            "Problems", "Dua angka pertama NIK bukan kode provinsi yang dikenal."
        ),
        "nik.date": translate(
            "Problems", "Tanggal lahir di dalam NIK (angka ke-7 s.d. 12) bukan tanggal yang sah."
        ),
        "nik.serial": translate("Problems", "Empat angka terakhir NIK tidak boleh 0000."),
        "nik.region_unknown": translate(
            "Problems", "Kode kecamatan %1 di NIK tidak ada di tabel wilayah. Periksa lagi NIK-nya."
        ),
        "nik.birth_date_mismatch": translate(
            "Problems", "Tanggal lahir menurut NIK adalah %1. Benar tanggal lahirnya berbeda?"
        ),
        "nik.sex_mismatch": translate(
            "Problems", "Menurut NIK jenis kelaminnya %1. Benar berbeda?"
        ),
        "nik.duplicate": translate("Problems", "NIK ini sudah terdaftar atas nama %1."),
        "kk.digits": translate("Problems", "Nomor KK hanya boleh berisi angka."),
        "kk.length": translate("Problems", "Nomor KK harus 16 angka."),
        "kk.date": translate(
            "Problems", "Bagian tanggal Nomor KK (angka ke-7 s.d. 12) bukan tanggal yang sah."
        ),
        "name.characters": translate(
            "Problems", "Nama berisi angka atau tanda yang tidak biasa. Sudah sesuai KTP?"
        ),
        "birth_date.future": translate("Problems", "Tanggal lahir tidak boleh di masa depan."),
        "birth_date.format": translate(
            "Problems", "Tulis tanggal sebagai hh-bb-tttt, misalnya 05-07-1990."
        ),
        "age.range": translate(
            "Problems", "Umur %1 tahun, di luar batas program (%2–%3 tahun). Tetap daftarkan?"
        ),
        "choice.invalid": translate("Problems", "Pilihan untuk %1 tidak dikenal."),
        "rt_rw.format": translate("Problems", "RT/RW harus berupa angka, paling banyak 3 angka."),
        "village.outside_regency": translate(
            "Problems", "Desa harus berada di kabupaten yang dipilih di Pengaturan."
        ),
        "village.unknown": translate("Problems", "Desa tidak ada di tabel wilayah."),
        "postal_code.format": translate(
            "Problems", "Kode pos biasanya 5 angka dan tidak diawali 0. Sudah benar?"
        ),
        "phone.format": translate(
            "Problems", "Nomor HP harus nomor seluler Indonesia, misalnya 0812… atau +62812…"
        ),
        "email.format": translate("Problems", "Alamat email tidak sah."),
        "income.negative": translate("Problems", "Penghasilan tidak boleh negatif."),
        "income.format": translate(
            "Problems", "Tulis penghasilan dengan angka saja, misalnya 1.500.000."
        ),
        "kpj.format": translate("Problems", "Nomor KPJ harus 11 angka."),
        "nik.excel_number": translate(
            "Problems",
            "NIK tersimpan sebagai angka di Excel, sehingga angka terakhirnya bisa hilang"
            " (Excel hanya menyimpan 15 angka). Format kolom NIK sebagai Teks, lalu ketik"
            " ulang NIK dari KTP.",
        ),
        "kk.excel_number": translate(
            "Problems",
            "Nomor KK tersimpan sebagai angka di Excel, sehingga angka terakhirnya bisa hilang."
            " Format kolomnya sebagai Teks, lalu ketik ulang Nomor KK.",
        ),
        "kpj.excel_number": translate(
            "Problems",
            "Nomor KPJ tersimpan sebagai angka di Excel dan angka nol di depannya hilang."
            " Format kolom KPJ sebagai Teks, lalu salin ulang dari data BPJS.",
        ),
        "kpj.number_kept": translate(
            "Problems",
            "Nomor KPJ tersimpan sebagai angka di Excel; dibaca sebagai 11 angka. Sebaiknya"
            " format kolom KPJ sebagai Teks.",
        ),
        "cell.excel_error": translate(
            "Problems",
            "Isian %1 berisi galat rumus Excel (#N/A, #REF! dan sejenisnya). Perbaiki rumusnya"
            " atau ketik isiannya.",
        ),
        "cell.auto_date": translate(
            "Problems",
            "Excel mengubah isian %1 menjadi tanggal. Format kolomnya sebagai Teks, lalu ketik"
            " ulang isiannya.",
        ),
        "village.ambiguous": translate(
            "Problems",
            "Ada beberapa desa dengan nama ini di kabupaten. Isi kolom Kecamatan atau tulis"
            " kode desanya.",
        ),
        "village.not_in_kecamatan": translate(
            "Problems", "Desa ini tidak berada di kecamatan yang ditulis."
        ),
        "kecamatan.unknown": translate(
            "Problems", "Kecamatan tidak ada di kabupaten yang dipilih di Pengaturan."
        ),
        "import.duplicate_in_file": translate(
            "Problems", "NIK ini sudah ada di baris sebelumnya dalam berkas ini."
        ),
    }
    values = {
        "nik.region_unknown": (p.get("kecamatan", ""),),
        "nik.birth_date_mismatch": (tanggal(p.get("nik_date")),),
        "nik.sex_mismatch": (_label(vocabulary.SEX_LABELS, p.get("nik_sex", ""), ""),),
        "nik.duplicate": (p.get("name") or "?",),
        "age.range": (p.get("age"), p.get("min"), p.get("max")),
    }
    text = texts.get(problem.code, translate("Problems", "Isian %1 perlu diperiksa."))
    return arg(text, *values.get(problem.code, (label,)))


# --- conflicts set aside by the merge ----------------------------------------------------


def conflict_kind(kind: str) -> str:
    """The kind of a conflict (`models.conflicts.KINDS`), as the conflicts list names it."""
    texts = {
        "nik": translate("ConflictsPage", "NIK sama"),
        "likely_duplicate": translate("ConflictsPage", "Mungkin ganda"),
    }
    return texts.get(kind, kind)


def conflict_reason(reason: str) -> str:
    """The merge's reasons for a conflict, in the user's language."""
    texts = {
        "same NIK, another id": translate("Labels", "NIK sama, pendaftaran lain"),
        "same name and birth date": translate("Labels", "Nama dan tanggal lahir sama"),
        "similar name, same desa and birth year": translate(
            "Labels", "Nama mirip, desa dan tahun lahir sama"
        ),
    }
    return texts.get(reason, reason)
