"""Translated words for the domain: field names, choices, statuses and problem sentences.

The source language is Indonesian; `resources/translations/jaring_en.qm` gives English.
Functions, not constants, so the text is looked up after the translator is installed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.formatting import tanggal
from models.problems import Problem


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def _p(text: str) -> str:
    return QCoreApplication.translate("Problems", text)


def field_labels() -> dict[str, str]:
    return {
        "nik": _t("NIK"),
        "kk": _t("Nomor KK"),
        "full_name": _t("Nama lengkap (sesuai KTP)"),
        "birth_place": _t("Tempat lahir"),
        "birth_date": _t("Tanggal lahir"),
        "sex": _t("Jenis kelamin"),
        "marital_status": _t("Status perkawinan"),
        "mother_name": _t("Nama ibu kandung"),
        "address": _t("Alamat"),
        "rt": _t("RT"),
        "rw": _t("RW"),
        "kecamatan": _t("Kecamatan"),
        "village_code": _t("Desa/Kelurahan"),
        "postal_code": _t("Kode pos"),
        "phone": _t("No. HP"),
        "email": _t("Email"),
        "occupation": _t("Pekerjaan"),
        "target_group": _t("Kelompok sasaran"),
        "monthly_income": _t("Penghasilan per bulan (Rp)"),
        "program_jht": _t("JHT (Jaminan Hari Tua, pilihan)"),
        "funding_source": _t("Sumber iuran"),
        "csr_company": _t("Nama perusahaan (CSR)"),
        "contribution_months": _t("Periode bayar"),
        "heir_name": _t("Nama ahli waris"),
        "heir_relation": _t("Hubungan"),
        "heir_phone": _t("No. HP ahli waris"),
        "consent": _t("Persetujuan"),
        "status": _t("Status"),
        "kpj": _t("Nomor KPJ"),
    }


def sex_labels() -> dict[str, str]:
    return {"L": _t("L — Laki-laki"), "P": _t("P — Perempuan")}


def marital_labels() -> dict[str, str]:
    return {
        "belum_kawin": _t("Belum kawin"),
        "kawin": _t("Kawin"),
        "cerai_hidup": _t("Cerai hidup"),
        "cerai_mati": _t("Cerai mati"),
    }


def target_group_labels() -> dict[str, str]:
    return {
        "petani": _t("Petani / pekebun"),
        "nelayan": _t("Nelayan"),
        "peternak": _t("Peternak"),
        "umkm": _t("Usaha mikro dan kecil (UMKM)"),
        "atlet": _t("Atlet / olahragawan"),
        "non_asn": _t("Pegawai non-ASN"),
        "miskin_rentan": _t("Warga miskin / rentan"),
        "informal_lain": _t("Pekerja informal lainnya"),
    }


def funding_labels() -> dict[str, str]:
    return {
        "apbd": _t("APBD kabupaten"),
        "csr": _t("CSR perusahaan"),
        "mandiri": _t("Mandiri (bayar sendiri)"),
    }


def heir_relation_labels() -> dict[str, str]:
    return {
        "suami_istri": _t("Suami/istri"),
        "anak": _t("Anak"),
        "orang_tua": _t("Orang tua"),
        "saudara": _t("Saudara kandung"),
        "lainnya": _t("Lainnya"),
    }


def period_labels() -> dict[int, str]:
    return {1: _t("1 bulan"), 3: _t("3 bulan"), 6: _t("6 bulan"), 12: _t("12 bulan")}


def status_labels() -> dict[str, str]:
    return {
        "draft": _t("Draf"),
        "ready": _t("Siap kirim"),
        "exported": _t("Sudah diekspor"),
        "received": _t("Diterima kabupaten"),
        "submitted": _t("Diajukan ke BPJS"),
        "registered": _t("Terdaftar"),
        "rejected": _t("Ditolak"),
    }


def problem_text(problem: Problem) -> str:
    """The sentence shown to the user for a problem."""
    p = problem.params
    label = field_labels().get(problem.field, problem.field)
    texts = {
        "required": _p("%1 wajib diisi."),
        "consent.required": _p("Pekerja harus menyetujui pemrosesan datanya."),
        "nik.digits": _p("NIK hanya boleh berisi angka."),
        "nik.length": _p("NIK harus 16 angka."),
        "nik.province": _p("Dua angka pertama NIK bukan kode provinsi yang dikenal."),
        "nik.date": _p("Tanggal lahir di dalam NIK (angka ke-7 s.d. 12) tidak mungkin."),
        "nik.serial": _p("Empat angka terakhir NIK tidak boleh 0000."),
        "nik.region_unknown": _p(
            "Kode kecamatan %1 di NIK tidak ada di tabel wilayah. Periksa lagi NIK-nya."
        ),
        "nik.birth_date_mismatch": _p(
            "Tanggal lahir menurut NIK adalah %1. Benar tanggal lahirnya berbeda?"
        ),
        "nik.sex_mismatch": _p("Menurut NIK jenis kelaminnya %1. Benar berbeda?"),
        "nik.duplicate": _p("NIK ini sudah terdaftar atas nama %1."),
        "kk.digits": _p("Nomor KK hanya boleh berisi angka."),
        "kk.length": _p("Nomor KK harus 16 angka."),
        "kk.date": _p("Bagian tanggal Nomor KK (angka ke-7 s.d. 12) tidak mungkin."),
        "name.characters": _p("Nama berisi angka atau tanda yang tidak biasa. Sudah sesuai KTP?"),
        "birth_date.future": _p("Tanggal lahir tidak boleh di masa depan."),
        "birth_date.format": _p("Tulis tanggal sebagai hh-bb-tttt, misalnya 05-07-1990."),
        "age.range": _p("Umur %1 tahun, di luar batas program (%2–%3 tahun). Tetap daftarkan?"),
        "choice.invalid": _p("Pilihan %1 tidak dikenal."),
        "rt_rw.format": _p("RT/RW berupa angka, paling banyak 3 angka."),
        "village.outside_regency": _p("Desa harus berada di kabupaten yang dipilih di pengaturan."),
        "village.unknown": _p("Desa tidak ada di tabel wilayah."),
        "postal_code.format": _p("Kode pos harus 5 angka."),
        "phone.format": _p("Nomor HP harus nomor seluler Indonesia, misalnya 0812… atau +62812…"),
        "email.format": _p("Alamat email tidak sah."),
        "income.negative": _p("Penghasilan tidak boleh negatif."),
        "income.format": _p("Tulis penghasilan dengan angka saja, misalnya 1.500.000."),
        "kpj.format": _p("Nomor KPJ harus 11 angka."),
    }
    text = texts.get(problem.code, _p("Isian %1 bermasalah (%2).")).replace("%1", label)
    if problem.code == "nik.region_unknown":
        text = texts[problem.code].replace("%1", p.get("kecamatan", ""))
    elif problem.code == "nik.birth_date_mismatch":
        text = texts[problem.code].replace("%1", tanggal(p.get("nik_date")))
    elif problem.code == "nik.sex_mismatch":
        text = texts[problem.code].replace("%1", sex_labels().get(p.get("nik_sex", ""), ""))
    elif problem.code == "nik.duplicate":
        text = texts[problem.code].replace("%1", p.get("name") or "?")
    elif problem.code == "age.range":
        text = (
            texts[problem.code]
            .replace("%1", str(p.get("age")))
            .replace("%2", str(p.get("min")))
            .replace("%3", str(p.get("max")))
        )
    elif problem.code not in texts:
        text = text.replace("%2", problem.code)
    return text
