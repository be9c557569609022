"""Translated words for the domain: field names, choices, statuses and problem sentences.

The source language is Indonesian; `resources/translations/jaring_en.qm` gives English.
Functions, not constants, so the text is looked up after the translator is installed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.formatting import tanggal
from models.problems import Problem

translate = QCoreApplication.translate


def field_labels() -> dict[str, str]:
    return {
        "nik": translate("Labels", "NIK"),
        "kk": translate("Labels", "Nomor KK"),
        "full_name": translate("Labels", "Nama lengkap (sesuai KTP)"),
        "birth_place": translate("Labels", "Tempat lahir"),
        "birth_date": translate("Labels", "Tanggal lahir"),
        "sex": translate("Labels", "Jenis kelamin"),
        "marital_status": translate("Labels", "Status perkawinan"),
        "mother_name": translate("Labels", "Nama ibu kandung"),
        "address": translate("Labels", "Alamat"),
        "rt": translate("Labels", "RT"),
        "rw": translate("Labels", "RW"),
        "kecamatan": translate("Labels", "Kecamatan"),
        "village_code": translate("Labels", "Desa/Kelurahan"),
        "postal_code": translate("Labels", "Kode pos"),
        "phone": translate("Labels", "No. HP"),
        "email": translate("Labels", "Email"),
        "occupation": translate("Labels", "Pekerjaan"),
        "target_group": translate("Labels", "Kelompok sasaran"),
        "monthly_income": translate("Labels", "Penghasilan per bulan (Rp)"),
        "program_jht": translate("Labels", "JHT (Jaminan Hari Tua, pilihan)"),
        "funding_source": translate("Labels", "Sumber iuran"),
        "csr_company": translate("Labels", "Nama perusahaan (CSR)"),
        "contribution_months": translate("Labels", "Periode bayar"),
        "heir_name": translate("Labels", "Nama ahli waris"),
        "heir_relation": translate("Labels", "Hubungan"),
        "heir_phone": translate("Labels", "No. HP ahli waris"),
        "consent": translate("Labels", "Persetujuan"),
        "status": translate("Labels", "Status"),
        "kpj": translate("Labels", "Nomor KPJ"),
    }


def sex_labels() -> dict[str, str]:
    return {"L": translate("Labels", "L — Laki-laki"), "P": translate("Labels", "P — Perempuan")}


def marital_labels() -> dict[str, str]:
    return {
        "belum_kawin": translate("Labels", "Belum kawin"),
        "kawin": translate("Labels", "Kawin"),
        "cerai_hidup": translate("Labels", "Cerai hidup"),
        "cerai_mati": translate("Labels", "Cerai mati"),
    }


def target_group_labels() -> dict[str, str]:
    return {
        "petani": translate("Labels", "Petani / pekebun"),
        "nelayan": translate("Labels", "Nelayan"),
        "peternak": translate("Labels", "Peternak"),
        "umkm": translate("Labels", "Usaha mikro dan kecil (UMKM)"),
        "atlet": translate("Labels", "Atlet / olahragawan"),
        "non_asn": translate("Labels", "Pegawai non-ASN"),
        "miskin_rentan": translate("Labels", "Warga miskin / rentan"),
        "informal_lain": translate("Labels", "Pekerja informal lainnya"),
    }


def funding_labels() -> dict[str, str]:
    return {
        "apbd": translate("Labels", "APBD kabupaten"),
        "csr": translate("Labels", "CSR perusahaan"),
        "mandiri": translate("Labels", "Mandiri (bayar sendiri)"),
    }


def heir_relation_labels() -> dict[str, str]:
    return {
        "suami_istri": translate("Labels", "Suami/istri"),
        "anak": translate("Labels", "Anak"),
        "orang_tua": translate("Labels", "Orang tua"),
        "saudara": translate("Labels", "Saudara kandung"),
        "lainnya": translate("Labels", "Lainnya"),
    }


def period_labels() -> dict[int, str]:
    return {
        1: translate("Labels", "1 bulan"),
        3: translate("Labels", "3 bulan"),
        6: translate("Labels", "6 bulan"),
        12: translate("Labels", "12 bulan"),
    }


def status_labels() -> dict[str, str]:
    return {
        "draft": translate("Labels", "Draf"),
        "ready": translate("Labels", "Siap kirim"),
        "exported": translate("Labels", "Sudah diekspor"),
        "received": translate("Labels", "Diterima kabupaten"),
        "submitted": translate("Labels", "Diajukan ke BPJS"),
        "registered": translate("Labels", "Terdaftar"),
        "rejected": translate("Labels", "Ditolak"),
    }


def problem_text(problem: Problem) -> str:
    """The sentence shown to the user for a problem."""
    p = problem.params
    label = field_labels().get(problem.field, problem.field)
    texts = {
        "required": translate("Problems", "%1 wajib diisi."),
        "consent.required": translate("Problems", "Pekerja harus menyetujui pemrosesan datanya."),
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
        "postal_code.format": translate("Problems", "Kode pos harus 5 angka."),
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
    text = texts.get(problem.code, translate("Problems", "Isian %1 perlu diperiksa.")).replace(
        "%1", label
    )
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
    return text


def display_value(field: str, value, regions=None) -> str:
    """A stored value as people read it: labels for codes, names for villages, Indonesian
    dates and amounts."""
    from datetime import date

    from models.formatting import tanggal, thousands
    from models.regions import default_regions

    if value is None or value == "":
        return ""
    choices = {
        "sex": sex_labels(),
        "marital_status": marital_labels(),
        "target_group": target_group_labels(),
        "funding_source": funding_labels(),
        "heir_relation": heir_relation_labels(),
        "status": status_labels(),
    }
    if field in choices:
        return choices[field].get(value, str(value))
    if field in ("program_jht", "consent", "deleted"):
        return translate("Labels", "Ya") if value else translate("Labels", "Tidak")
    if field == "birth_date":
        return tanggal(date.fromisoformat(value)) if isinstance(value, str) else tanggal(value)
    if field == "monthly_income":
        return thousands(int(value))
    if field == "contribution_months":
        return period_labels().get(int(value), str(value))
    if field == "village_code":
        village = (regions or default_regions()).village(value)
        return f"{village.name} ({value})" if village else str(value)
    return str(value)


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
