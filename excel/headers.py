"""Column headers of imported Excel lists: which registration field each one names.

People write the same column a dozen ways (``No KTP``, ``NIK KTP``, ``Nomor Induk
Kependudukan``); `match_header` compares headers by their words, so case, spaces (the
non-breaking ones Excel pastes from the web too), punctuation and the usual abbreviations
(``Tgl``, ``No.``, ``Telp``) do not matter. The headers of Jaring's own exports match too.
"""

from __future__ import annotations

import re
import unicodedata

#: Registration fields a column can hold, with the Indonesian label the mapping step shows.
#: Three helpers are not registration fields: ``birth_place_date`` (``Sukamara,
#: 05-07-1990`` in one column), ``rt_rw`` (``001/002``) and ``kecamatan`` (a name or code
#: that picks among desa of the same name).
FIELDS: dict[str, str] = {
    "nik": "NIK",
    "kk": "Nomor KK",
    "full_name": "Nama lengkap",
    "birth_place": "Tempat lahir",
    "birth_date": "Tanggal lahir",
    "birth_place_date": "Tempat, tanggal lahir",
    "sex": "Jenis kelamin (L/P)",
    "marital_status": "Status perkawinan",
    "mother_name": "Nama ibu kandung",
    "address": "Alamat",
    "rt": "RT",
    "rw": "RW",
    "rt_rw": "RT/RW",
    "kecamatan": "Kecamatan",
    "village_code": "Desa/Kelurahan",
    "postal_code": "Kode pos",
    "phone": "No. HP",
    "email": "Email",
    "occupation": "Pekerjaan",
    "target_group": "Kelompok sasaran",
    "monthly_income": "Penghasilan per bulan",
    "program_jht": "JHT",
    "funding_source": "Sumber iuran",
    "csr_company": "Perusahaan CSR",
    "contribution_months": "Periode bayar (bulan)",
    "heir_name": "Nama ahli waris",
    "heir_relation": "Hubungan ahli waris",
    "heir_phone": "No. HP ahli waris",
    "consent": "Persetujuan",
    "kpj": "Nomor KPJ",
    "transport_worker": "Pekerja sektor transportasi",
    "working_now": "Saat ini bekerja",
    "previous_participant": "Pernah jadi peserta",
    "previous_kpj": "Nomor KPJ lama",
}

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "nik": (
        "No KTP", "NIK KTP", "KTP", "No NIK", "Nomor Induk Kependudukan", "No Identitas",
        "NIK Peserta",
    ),
    "kk": ("KK", "No KK", "Nomor Kartu Keluarga", "Kartu Keluarga", "No KK Peserta"),
    "full_name": (
        "Nama", "Nama Lengkap", "Nama Peserta", "Nama Pekerja", "Nama Tenaga Kerja",
        "Nama sesuai KTP", "Nama Lengkap sesuai KTP", "Nama Anggota", "Nama Lengkap Peserta",
    ),
    "birth_place": ("Tempat Lahir", "Tmp Lahir", "Tpt Lahir", "Tmpt Lahir", "Kota Lahir"),
    "birth_date": ("Tanggal Lahir", "Tgl Lahir", "Tgl Lhr", "Tgl Lahir Peserta"),
    "birth_place_date": (
        "Tempat/Tanggal Lahir", "Tempat Tgl Lahir", "TTL", "Tempat dan Tanggal Lahir",
    ),
    "sex": (
        "Jenis Kelamin", "JK", "L/P", "Kelamin", "Gender", "Jns Kelamin", "Jenis Kel", "Sex",
        "P/L",
    ),
    "marital_status": (
        "Status Perkawinan", "Status Kawin", "Status Nikah", "Perkawinan", "Status Pernikahan",
    ),
    "mother_name": (
        "Nama Ibu", "Nama Ibu Kandung", "Ibu Kandung", "Nama Gadis Ibu Kandung",
    ),
    "address": (
        "Alamat", "Alamat Lengkap", "Alamat Rumah", "Alamat sesuai KTP", "Alamat Domisili",
        "Jalan", "Alamat Peserta",
    ),
    "rt": ("RT",),
    "rw": ("RW",),
    "rt_rw": ("RT/RW", "RT RW"),
    "kecamatan": ("Kecamatan", "Kec", "Nama Kecamatan", "Kode Kecamatan"),
    "village_code": (
        "Desa", "Kelurahan", "Desa/Kelurahan", "Kelurahan/Desa", "Desa/Kel", "Kel/Desa",
        "Nama Desa", "Kode Desa", "Kode Wilayah", "Desa Kelurahan", "Kode Desa/Kelurahan",
    ),
    "postal_code": ("Kode Pos", "Kodepos"),
    "phone": (
        "No HP", "HP", "No Telp", "Telp", "Telepon", "No Handphone", "Handphone", "No WA",
        "WA", "WhatsApp", "No WhatsApp", "Ponsel", "No Ponsel", "No HP/WA", "No HP Peserta",
        "No Telp/HP", "Kontak",
    ),
    "email": ("Email", "E-mail", "Alamat Email", "Surel"),
    "occupation": (
        "Pekerjaan", "Jenis Pekerjaan", "Profesi", "Jenis Usaha", "Bidang Pekerjaan",
        "Bidang Usaha",
    ),
    "target_group": (
        "Kelompok Sasaran", "Kelompok", "Sasaran", "Kategori", "Kategori Peserta", "Segmen",
    ),
    "monthly_income": (
        "Penghasilan", "Penghasilan per Bulan", "Penghasilan Bulanan", "Pendapatan",
        "Pendapatan per Bulan", "Upah", "Gaji", "Upah per Bulan", "Penghasilan Rp",
    ),
    "program_jht": ("JHT", "Program JHT", "Ikut JHT", "Jaminan Hari Tua", "Program"),
    "funding_source": (
        "Sumber Iuran", "Sumber Dana", "Sumber Pembiayaan", "Pembiayaan", "Pembayar Iuran",
    ),
    "csr_company": ("Perusahaan CSR", "Nama Perusahaan", "Nama Perusahaan CSR", "Perusahaan"),
    "contribution_months": (
        "Periode Bayar", "Periode Pembayaran", "Periode Iuran", "Lama Bayar", "Periode",
    ),
    "heir_name": ("Ahli Waris", "Nama Ahli Waris"),
    "heir_relation": (
        "Hubungan", "Hubungan Ahli Waris", "Hubungan Keluarga", "Hubungan dengan Peserta",
    ),
    "heir_phone": ("No HP Ahli Waris", "HP Ahli Waris", "Telp Ahli Waris"),
    "consent": ("Persetujuan", "Setuju", "Bersedia", "Persetujuan Data", "Persetujuan Peserta"),
    "kpj": ("KPJ", "No KPJ", "No Peserta", "No Kartu Peserta", "No Kepesertaan"),
    "transport_worker": (
        "Pekerja transportasi", "Sektor transportasi", "Transportasi", "Ojol/ojek/sopir/kurir",
    ),
    "working_now": (
        "Bekerja", "Masih bekerja", "Bekerja saat ini", "Sedang bekerja", "Status bekerja",
    ),
    "previous_participant": (
        "Sudah pernah jadi peserta", "Pernah jadi peserta BPJS", "Pernah terdaftar",
        "Peserta lama", "Sudah pernah jadi peserta BPJS Ketenagakerjaan",
    ),
    "previous_kpj": ("KPJ lama", "No KPJ lama", "Nomor kepesertaan lama", "No peserta lama"),
}  # fmt: skip

#: Words written several ways in headers, each reduced to one spelling.
_WORD_FORMS = {
    "nomor": "no", "nmr": "no", "nomer": "no", "number": "no",
    "tanggal": "tgl", "tgl": "tgl", "tangal": "tgl",
    "tempat": "tmp", "tmpt": "tmp", "tpt": "tmp", "tmp": "tmp",
    "lhr": "lahir",
    "telepon": "telp", "telpon": "telp", "tlp": "telp", "tel": "telp", "telephone": "telp",
    "handphone": "hp", "ponsel": "hp", "hp": "hp", "mobile": "hp",
    "jns": "jenis",
}  # fmt: skip

_PARENTHESIS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
#: Zero-width characters and soft hyphens that text pasted from the web carries.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def words(text: str) -> list[str]:
    """The lower-case words and numbers of ``text`` (NFKC, invisible characters dropped)."""
    text = unicodedata.normalize("NFKC", text).translate(INVISIBLE).casefold()
    return re.findall(r"[a-z0-9]+", text)


def header_key(text: str) -> str:
    """A header reduced to its words in one spelling: ``No. Telp`` and ``Nomor Telepon``
    both give ``notelp``."""
    return "".join(_WORD_FORMS.get(w, w) for w in words(text))


def _build_header_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for name, label in FIELDS.items():
        for text in (name.replace("_", " "), label, *_SYNONYMS.get(name, ())):
            index.setdefault(header_key(text), name)
            index.setdefault(header_key(_PARENTHESIS.sub(" ", text)), name)
    index.pop("", None)
    return index


_HEADERS = _build_header_index()


def match_header(text: object) -> str | None:
    """The field a column header names, or None (``"Tgl. Lahir"`` -> ``"birth_date"``).

    Tolerant of case, spaces (non-breaking ones too), punctuation and abbreviations;
    a note in brackets (``Tanggal Lahir (dd-mm-yyyy)``, ``NIK [wajib]``) and a trailing
    ``*`` are ignored when the header does not match with them.
    """
    if text is None:
        return None
    text = str(text)
    key = header_key(text)
    if not key:
        return None
    return _HEADERS.get(key) or _HEADERS.get(header_key(_PARENTHESIS.sub(" ", text)))
