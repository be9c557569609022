"""The words people read for the domain's codes: field names, statuses, sex, marital status,
target groups, funding sources, heir relations, payment periods, yes and no.

Defined once, in Indonesian (the source language), for every reader: the Excel exports
write these texts as they are; the screens and printouts translate them through Qt
(`ui.i18n.labels`). Each text is wrapped in `QT_TRANSLATE_NOOP` so that pyside6-lupdate finds it
(resources/translations/update.sh reads this module) and puts it in jaring_en.ts under the
context `CONTEXT`; the marker does nothing at run time, so this module needs no Qt.
The keys are the codes stored in the database (`models.registration`).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; return it unchanged."""
    return text


# The Qt translation context of every text here (lupdate needs the literal at each marker;
# "#:" comments would reach the translators as notes, hence plain ones in this module).
CONTEXT = "Labels"

# Registration fields (`models.registration.Registration`) as the form names them.
FIELD_LABELS: dict[str, str] = {
    "nik": QT_TRANSLATE_NOOP("Labels", "NIK"),
    "kk": QT_TRANSLATE_NOOP("Labels", "Nomor KK"),
    "full_name": QT_TRANSLATE_NOOP("Labels", "Nama lengkap (sesuai KTP)"),
    "birth_place": QT_TRANSLATE_NOOP("Labels", "Tempat lahir"),
    "birth_date": QT_TRANSLATE_NOOP("Labels", "Tanggal lahir"),
    "sex": QT_TRANSLATE_NOOP("Labels", "Jenis kelamin"),
    "marital_status": QT_TRANSLATE_NOOP("Labels", "Status perkawinan"),
    "mother_name": QT_TRANSLATE_NOOP("Labels", "Nama ibu kandung"),
    "address": QT_TRANSLATE_NOOP("Labels", "Alamat"),
    "rt": QT_TRANSLATE_NOOP("Labels", "RT"),
    "rw": QT_TRANSLATE_NOOP("Labels", "RW"),
    "kecamatan": QT_TRANSLATE_NOOP("Labels", "Kecamatan"),
    "village_code": QT_TRANSLATE_NOOP("Labels", "Desa/Kelurahan"),
    "postal_code": QT_TRANSLATE_NOOP("Labels", "Kode pos"),
    "phone": QT_TRANSLATE_NOOP("Labels", "No. HP"),
    "email": QT_TRANSLATE_NOOP("Labels", "Email"),
    "occupation": QT_TRANSLATE_NOOP("Labels", "Pekerjaan"),
    "target_group": QT_TRANSLATE_NOOP("Labels", "Kelompok sasaran"),
    "monthly_income": QT_TRANSLATE_NOOP("Labels", "Penghasilan per bulan (Rp)"),
    "program_jht": QT_TRANSLATE_NOOP("Labels", "JHT (Jaminan Hari Tua, pilihan)"),
    "funding_source": QT_TRANSLATE_NOOP("Labels", "Sumber iuran"),
    "csr_company": QT_TRANSLATE_NOOP("Labels", "Nama perusahaan (CSR)"),
    "contribution_months": QT_TRANSLATE_NOOP("Labels", "Periode bayar"),
    "heir_name": QT_TRANSLATE_NOOP("Labels", "Nama ahli waris"),
    "heir_relation": QT_TRANSLATE_NOOP("Labels", "Hubungan"),
    "heir_phone": QT_TRANSLATE_NOOP("Labels", "No. HP ahli waris"),
    "consent": QT_TRANSLATE_NOOP("Labels", "Persetujuan"),
    "transport_worker": QT_TRANSLATE_NOOP("Labels", "Pekerja sektor transportasi"),
    "working_now": QT_TRANSLATE_NOOP("Labels", "Saat ini bekerja"),
    "previous_participant": QT_TRANSLATE_NOOP("Labels", "Pernah jadi peserta BPJS TK"),
    "previous_kpj": QT_TRANSLATE_NOOP("Labels", "Nomor KPJ lama"),
    "status": QT_TRANSLATE_NOOP("Labels", "Status"),
    "kpj": QT_TRANSLATE_NOOP("Labels", "Nomor KPJ"),
}

# `models.registration.Sex`. (The Excel exports write the bare code under "L/P".)
SEX_LABELS: dict[str, str] = {
    "L": QT_TRANSLATE_NOOP("Labels", "L — Laki-laki"),
    "P": QT_TRANSLATE_NOOP("Labels", "P — Perempuan"),
}

# `models.registration.MaritalStatus`.
MARITAL_LABELS: dict[str, str] = {
    "belum_kawin": QT_TRANSLATE_NOOP("Labels", "Belum kawin"),
    "kawin": QT_TRANSLATE_NOOP("Labels", "Kawin"),
    "cerai_hidup": QT_TRANSLATE_NOOP("Labels", "Cerai hidup"),
    "cerai_mati": QT_TRANSLATE_NOOP("Labels", "Cerai mati"),
}

# `models.registration.TargetGroup`, in the order the form offers them.
TARGET_GROUP_LABELS: dict[str, str] = {
    "petani": QT_TRANSLATE_NOOP("Labels", "Petani / pekebun"),
    "nelayan": QT_TRANSLATE_NOOP("Labels", "Nelayan"),
    "peternak": QT_TRANSLATE_NOOP("Labels", "Peternak"),
    "umkm": QT_TRANSLATE_NOOP("Labels", "Usaha mikro dan kecil (UMKM)"),
    "atlet": QT_TRANSLATE_NOOP("Labels", "Atlet / olahragawan"),
    "non_asn": QT_TRANSLATE_NOOP("Labels", "Pegawai non-ASN"),
    "miskin_rentan": QT_TRANSLATE_NOOP("Labels", "Warga miskin / rentan"),
    "informal_lain": QT_TRANSLATE_NOOP("Labels", "Pekerja informal lainnya"),
}

# `models.registration.FundingSource`.
FUNDING_LABELS: dict[str, str] = {
    "apbd": QT_TRANSLATE_NOOP("Labels", "APBD kabupaten"),
    "apbdes": QT_TRANSLATE_NOOP("Labels", "APBDes (anggaran desa)"),
    "dbh_sawit": QT_TRANSLATE_NOOP("Labels", "DBH Sawit (lewat APBD kabupaten)"),
    "csr": QT_TRANSLATE_NOOP("Labels", "CSR perusahaan"),
    "mandiri": QT_TRANSLATE_NOOP("Labels", "Mandiri (bayar sendiri)"),
}

# `models.registration.HeirRelation`.
HEIR_RELATION_LABELS: dict[str, str] = {
    "suami_istri": QT_TRANSLATE_NOOP("Labels", "Suami/istri"),
    "anak": QT_TRANSLATE_NOOP("Labels", "Anak"),
    "orang_tua": QT_TRANSLATE_NOOP("Labels", "Orang tua"),
    "saudara": QT_TRANSLATE_NOOP("Labels", "Saudara kandung"),
    "lainnya": QT_TRANSLATE_NOOP("Labels", "Lainnya"),
}

# `models.registration.CONTRIBUTION_PERIODS`: months paid at once.
PERIOD_LABELS: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("Labels", "1 bulan"),
    3: QT_TRANSLATE_NOOP("Labels", "3 bulan"),
    6: QT_TRANSLATE_NOOP("Labels", "6 bulan"),
    12: QT_TRANSLATE_NOOP("Labels", "12 bulan"),
}

# `models.registration.Status`, in the order a registration goes through them.
STATUS_LABELS: dict[str, str] = {
    "draft": QT_TRANSLATE_NOOP("Labels", "Draf"),
    "ready": QT_TRANSLATE_NOOP("Labels", "Siap kirim"),
    "exported": QT_TRANSLATE_NOOP("Labels", "Sudah diekspor"),
    "received": QT_TRANSLATE_NOOP("Labels", "Diterima kabupaten"),
    "submitted": QT_TRANSLATE_NOOP("Labels", "Diajukan ke BPJS"),
    "registered": QT_TRANSLATE_NOOP("Labels", "Terdaftar"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "Ditolak"),
}

# A yes/no field (JHT chosen, consent given, working now, deleted …).
YES = QT_TRANSLATE_NOOP("Labels", "Ya")
NO = QT_TRANSLATE_NOOP("Labels", "Tidak")

# Every code table above, by the registration field whose values it names.
CHOICES: dict[str, dict] = {
    "sex": SEX_LABELS,
    "marital_status": MARITAL_LABELS,
    "target_group": TARGET_GROUP_LABELS,
    "funding_source": FUNDING_LABELS,
    "heir_relation": HEIR_RELATION_LABELS,
    "contribution_months": PERIOD_LABELS,
    "status": STATUS_LABELS,
}


def period_label(months: int | None) -> str:
    """``3`` -> ``3 bulan``; empty for no period. A period the programme does not offer
    (an old or imported record) reads the same way."""
    if not months:
        return ""
    return PERIOD_LABELS.get(months) or f"{months} bulan"


def yes_no(value: object) -> str:
    """``Ya`` or ``Tidak``."""
    return YES if value else NO
