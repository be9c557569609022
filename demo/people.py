"""Realistic fake registrations for demonstrations, training and load tests.

`generate` makes people the way an officer in a Central Kalimantan regency would meet them:
Banjar, Malay, Dayak, Javanese, Bugis and Madurese names, NIKs whose birth date and sex agree
with the record, first issued mostly in a kecamatan of the configured regency and sometimes
elsewhere (migrants from Java, South Kalimantan, Sulawesi ...), villages of the regency,
farmers more than anyone else. `fill_demo` stores them.

The same seed gives the same people (every field) but fresh ids, so two demo databases made
with one seed hold the same workers as different records, the way two officers would.
Birth dates depend on the seed and on the calendar year of ``today`` only, so the people stay
the same all year.
"""

from __future__ import annotations

import calendar
import contextlib
import re
from bisect import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate, islice
from random import Random

from sqlite_utils import Database

from models.regions import Region, Regions, default_regions
from models.registration import (
    FundingSource,
    HeirRelation,
    MaritalStatus,
    Registration,
    Sex,
    Status,
    TargetGroup,
    new_id,
)
from models.settings import load_settings
from models.store import RegistrationStore

DEFAULT_OFFICER = "Petugas Demo"

#: Share of people whose NIK was first issued outside the configured regency.
MIGRANT_SHARE = 0.10
#: Share of registrations still saved as drafts.
DRAFT_SHARE = 0.10


class _Weighted:
    """Weighted choice by bisection over cumulative weights (faster than `Random.choices`)."""

    def __init__(self, pairs: Sequence[tuple[object, float]]):
        self.items = [item for item, _ in pairs]
        self.weights = [weight for _, weight in pairs]
        self.cumulative = list(accumulate(weight for _, weight in pairs))
        self.total = self.cumulative[-1]

    def pick(self, rng: Random):
        return self.items[bisect(self.cumulative, rng.random() * self.total)]


def _table(spec: str, kind: Callable[[str], object] = str) -> _Weighted:
    """``"Nelayan: 55; Nelayan sungai: 15"`` -> a weighted choice of the names (as ``kind``)."""
    pairs = []
    for part in spec.split(";"):
        name, weight = part.rsplit(":", 1)
        pairs.append((kind(name.strip()), float(weight)))
    return _Weighted(pairs)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --- names ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _NameGroup:
    """Given and second names of one naming tradition; ``single`` is the share of people
    known by one name only (common among older Javanese)."""

    male: tuple[str, ...]
    male_second: tuple[str, ...]
    female: tuple[str, ...]
    female_second: tuple[str, ...]
    single: float = 0.12
    prefixes_male: tuple[str, ...] = ()
    prefixes_female: tuple[str, ...] = ()


_JAVANESE = _NameGroup(
    male=_words(
        "Agus Bambang Budi Darmanto Dwi Eko Gunawan Hadi Hari Joko Kusnadi Mulyono Nugroho"
        " Prasetyo Purwanto Rahmat Slamet Sugeng Sugiarto Suharto Sukirno Sumarno Supriyadi"
        " Suryadi Sutrisno Teguh Tri Wahyu Widodo Yudi Yanto Heru Hendro Bayu Wawan Anton"
        " Aris Dedi Edi Fajar Priyo Rudi Sigit Tono Wahyudi Warsito Ngatimin Paijo Sarno"
        " Tukiman Darsono Suwarno Giyanto Riyadi Waluyo Andi Arif Bagus Dimas Galih Ilham"
        " Rizki Yoga Danang Bowo Jarwo Katno Legiman Marjuki Parno Ratno Sabar Tugiyo Wagiman"
    ),
    male_second=_words(
        "Santoso Susilo Wibowo Prasetyo Nugroho Setiawan Saputro Purnomo Hidayat Kurniawan"
        " Pranoto Widodo Hartono Sulistyo Wijaya Raharjo Utomo Cahyono Budiman Sasongko"
        " Gunadi Haryanto Mulyadi Suprapto Darmawan Firmansyah Pamungkas Nugraha Wicaksono"
        " Adi Prabowo Hermawan Suyanto Riyanto Sugianto Triyono Priyanto Kuncoro"
    ),
    female=_words(
        "Sri Siti Endang Tri Dwi Sumiati Suparmi Sulastri Sukarni Wartini Tumini Sumarni"
        " Ngatini Murni Suwarni Yuni Lestari Rina Wulan Ayu Dewi Indah Ratna Eni Yanti Puji"
        " Rahayu Kartini Tutik Umi Fitri Nur Anik Heni Retno Winarti Widya Sukini Painem"
        " Sainah Tarmi Paini Katmi Jumini Wiji Sunarsih Warsini Novi Dian Putri Anisa"
    ),
    female_second=_words(
        "Lestari Rahayu Wahyuni Handayani Susanti Wulandari Puspitasari Pratiwi Rahmawati"
        " Kurniasih Sulistyowati Astuti Setyaningsih Purwaningsih Hartati Mulyani Suryani"
        " Yuliani Fitriani Anggraini Maryani Ningsih Utami Permatasari Safitri Kusumawati"
    ),
    single=0.30,
)

_BANJAR_MALAY = _NameGroup(
    male=_words(
        "Ahmad Abdul Rahmadi Syahrani Fauzi Ramli Hasan Husin Ibrahim Ismail Yusuf Jumadi"
        " Supian Saberan Amat Rusdi Syamsudin Hamdani Taufik Zainal Arbain Mahyuni Abdullah"
        " Rudiansyah Hairil Basri Fahmi Irwan Jailani Kamarudin Masrani Rizal Saprudin Yusran"
        " Aspihani Syarif Iskandar Hendra Herman Jainudin Hamsyah Aidil Firdaus Arif Gazali"
        " Marhan Anang Utuh Jumberi Asnawi Bahrani Darmawi Fahrurrazi Hamberi Junaidi Khairil"
        " Mahlan Norhadi Rahmadani Sahrani Taberani Wahyudin Zulkifli Riduan Salman"
    ),
    male_second=_words(
        "Rahman Hidayat Rahmatullah Arsyad Ansyari Fahrurazi Syahrani Hakim Rosyidi Mahmud"
        " Ramadhan Saputra Anshari Effendi Noor Hamidi Fadillah Sofyan Maulana Akbar Rizali"
        " Mubarak Fikri Hidayatullah Rasyid Rifai Yamani Aziz Hamdi Syahputra"
    ),
    female=_words(
        "Siti Nur Aisyah Fatimah Khadijah Mariam Salmah Rusmiati Jumiati Hamidah Rahmah"
        " Zubaidah Norhayati Nurul Rabiatul Masitah Halimah Mardiana Syarifah Rosita Lailatul"
        " Jamilah Nurjanah Hadijah Mahmudah Rukayah Fitriani Yuliani Rahmawati Hayati Aminah"
        " Raudah Norlaila Nadia Sarah Ainun Jumrah Mastora Isnawati Noorhasanah Rusmini"
        " Salasiah Arbainah Galuh Intan Dayang Mulyati Nafisah Rosyida"
    ),
    female_second=_words(
        "Aisyah Rahmah Hayati Fitriani Mariani Hasanah Rahmawati Maulida Amalia Khairunnisa"
        " Azizah Husna Jannah Nurhasanah Rosidah Wahidah Hidayah Fauziah Rahmadani Noorhayati"
        " Zahra Safitri Sholihah Nabila Mardiah"
    ),
    prefixes_male=("Muhammad", "Muhammad", "Ahmad", "Abdul", "Gusti"),
    prefixes_female=("Siti", "Nur", "Siti", "Gusti"),
)

_DAYAK = _NameGroup(
    male=_words(
        "Yohanes Petrus Paulus Markus Yosef Stefanus Agustinus Fransiskus Yulius Natanael"
        " Elias Yakobus Simon Daniel Samuel Tinus Deni Sabran Dirun Asang Ilun Jaya Kristian"
        " Hendrikus Rinto Juni Wendi Seno Ardi Nopri Untung Liber Hison Dohong Eben Gerson"
        " Ibel Kardinal Lewi Misel Nehemia Pebrianto Rano Sedo Tuwe Usat Wili Yandi Jhoni"
    ),
    male_second=_words(
        "Riwut Tingang Nyahu Usop Lambung Sahay Kuhing Dirun Anyang Ilun Penyang Rambang"
        " Nyarang Bungai Ranying Dahiang Sangkai Antang Tuah Dehen Siun Tambun Mihing Rampai"
        " Uden Lenggang Narang Bajik Dimus Jamang Kiting Tundan Ampung Pahu Sanjan Ugang"
    ),
    female=_words(
        "Maria Magdalena Elisabeth Yuliana Agustina Natalia Yohana Veronika Margareta Debora"
        " Rut Ester Lidia Marta Yustina Kristina Anita Desi Novita Rina Sinta Ika Lusiana"
        " Herlina Erni Selvi Teresia Fransiska Septiani Oktaviani Rosalina Vina Meri Nelly"
        " Ruliani Tiara Dewi Elin Pitri Rusdiana Siska Wiwin Yanti Helmina"
    ),
    female_second=_words(
        "Riwut Tingang Nyahu Usop Lambung Sahay Kuhing Anyang Penyang Bungai Ranying Antang"
        " Tuah Tambun Mihing Rampai Lenggang Narang Ampung Ugang Sari Agustin Natalia"
    ),
    single=0.10,
)

_BUGIS = _NameGroup(
    male=_words(
        "Baharuddin Syamsul Hasanuddin Arifin Amiruddin Jamaluddin Kamaruddin Nasir Rahman"
        " Sudirman Syahrir Ilham Asri Muhlis Basri Rustam Sattu Tahir Anwar Haris Nurdin"
        " Sulaiman Rusli Ambo Mappa Makmur Irfan Akbar Saharuddin Hamzah Jufri Lukman"
        " Muhtar Nasrullah Ridwan Safaruddin Tamrin Usman"
    ),
    male_second=_words(
        "Baso Dalle Sila Tang Latif Wahab Rahim Majid Salam Hamzah Karim Kadir Mappiare"
        " Pananrangi Sompa Bakri Sultan Mattola Lasinrang Parenta Bolong"
    ),
    female=_words(
        "Hasnah Nurhaeda Hasmawati Sitti Nurhayati Haslinda Marhaeni Syamsiah Suriani Hadijah"
        " Jumriah Nuraeni Rosmini Hamsinah Sumarni Ratnawati Nurlina Kasmawati Asmawati"
        " Darmawati Irmawati Hasriani Murniati Sahriani Warda Rahmatia"
    ),
    female_second=_words(
        "Hasnah Nurhaeda Hamsinah Rahmatia Sahriani Nurbaya Jusmiati Rosdiana Mardiana Salma"
    ),
    prefixes_male=("Andi", "La", "Muhammad", "Abdul"),
    prefixes_female=("Andi", "Sitti", "Wa"),
)

_MADURESE = _NameGroup(
    male=_words(
        "Holik Sahri Marsuki Jumadi Rasid Hasyim Buhari Matsaleh Busiri Muhlis Sahrawi"
        " Subairi Mahfud Fauzan Imron Samsul Fathorrahman Hosen Juhari Mattasan Rohim Sanusi"
        " Suhaimi Zainuri Badrus"
    ),
    male_second=_words("Hasan Rahman Hamzah Ansori Efendi Hidayat Rosyid Sholeh Anwar Maksum"),
    female=_words(
        "Siti Hosniyah Maryam Juhairiyah Munawaroh Suhaimah Rofiah Halimah Sumiyati Hasanah"
        " Ummi Saniyah Sulaiha Marliyah Bahriyah Hotimah"
    ),
    female_second=_words("Aminah Hasanah Rohmah Fatimah Zahroh Qomariyah Nafisah Rohimah"),
    single=0.35,
    prefixes_male=("Moh.", "Mohammad", "Abdul"),
    prefixes_female=("Siti", "Nur"),
)

_CHRISTIAN_MIGRANT = _NameGroup(  # Batak, Flores/Timor and Manado families
    male=_words(
        "Yohanes Fransiskus Yoseph Antonius Aloysius Kornelis Robertus Benediktus Gabriel"
        " Rikardus Hendrik Roy Edison Parulian Togar Hotman Marulak Sahat Budiman Rudolf"
        " Frans Marten Yanuarius Servasius Herianto Melkior Oktavianus Silvester Vinsensius"
    ),
    male_second=_words(
        "Simanjuntak Sitorus Siregar Nainggolan Hutapea Pardede Sinaga Manurung Situmorang"
        " Tambunan Silalahi Panjaitan Hutagalung Bria Seran Nahak Tefa Manek Tallo Wungo"
        " Pareira Fernandez Rumengan Pangemanan Lumowa Sumampouw"
    ),
    female=_words(
        "Maria Yuliana Theresia Agnes Veronika Klara Lusia Sarah Ruth Rosmauli Tiurma Roslina"
        " Masniari Hotmaida Friska Elfrida Paskalia Ernawati Natalia Mariana Yosefina"
        " Wilhelmina Bernadeta Imelda Kristin"
    ),
    female_second=_words(
        "Simanjuntak Sitorus Siregar Nainggolan Sinaga Manurung Tambunan Bria Seran Nahak"
        " Tefa Pareira Rumengan Pangemanan"
    ),
    single=0.05,
)

_LOCAL_MIX = _Weighted(
    [
        (_BANJAR_MALAY, 40),
        (_JAVANESE, 25),
        (_DAYAK, 18),
        (_BUGIS, 7),
        (_MADURESE, 5),
        (_CHRISTIAN_MIGRANT, 5),
    ]
)

#: Where migrants come from (province code), and how they are named there.
_MIGRANT_ORIGINS = _table(
    "33: 25; 35: 22; 63: 16; 62: 12; 32: 7; 73: 6; 61: 4; 34: 3; 53: 3; 12: 2"
)
_ORIGIN_NAMES = {
    "12": _Weighted([(_CHRISTIAN_MIGRANT, 70), (_BANJAR_MALAY, 30)]),
    "32": _Weighted([(_JAVANESE, 100)]),
    "33": _Weighted([(_JAVANESE, 100)]),
    "34": _Weighted([(_JAVANESE, 100)]),
    "35": _Weighted([(_JAVANESE, 70), (_MADURESE, 30)]),
    "53": _Weighted([(_CHRISTIAN_MIGRANT, 100)]),
    "61": _Weighted([(_DAYAK, 50), (_BANJAR_MALAY, 50)]),
    "63": _Weighted([(_BANJAR_MALAY, 100)]),
    "73": _Weighted([(_BUGIS, 100)]),
}

_KALTENG_TOWNS = _words(
    "Pangkalan_Bun Sampit Palangka_Raya Kuala_Pembuang Nanga_Bulik Kuala_Kapuas Kasongan"
    " Kotawaringin_Lama Kumai Buntok Muara_Teweh Pulang_Pisau Tamiang_Layang Kuala_Kurun"
)
_JAVA_TOWNS = _words(
    "Semarang Surakarta Klaten Boyolali Sragen Wonogiri Kebumen Banyumas Cilacap Pati Kudus"
    " Jepara Demak Grobogan Blora Rembang Tegal Brebes Pekalongan Magelang Yogyakarta Sleman"
    " Bantul Gunungkidul Surabaya Malang Kediri Blitar Tulungagung Madiun Ngawi Ponorogo"
    " Jember Banyuwangi Lamongan Tuban Bojonegoro"
)
_MADURA_TOWNS = _words("Bangkalan Sampang Pamekasan Sumenep")

# --- work --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Work:
    """Occupations of one target group, the income range (Rp) and the usual ages."""

    occupations: _Weighted
    income: tuple[int, int]
    ages: tuple[int, int, int]  # low, high, mode


_WORK = {
    TargetGroup.FARMER: _Work(
        _table(
            "Petani karet: 30; Petani sawit: 30; Pekebun sawit swadaya: 8; Petani padi: 12;"
            " Petani sayur: 8; Petani palawija: 5; Buruh tani: 7"
        ),
        income=(700_000, 2_500_000),
        ages=(20, 64, 42),
    ),
    TargetGroup.FISHER: _Work(
        _table("Nelayan: 55; Nelayan tangkap: 20; Pembudidaya ikan: 10; Nelayan sungai: 15"),
        income=(600_000, 2_500_000),
        ages=(18, 64, 38),
    ),
    TargetGroup.LIVESTOCK: _Work(
        _table("Peternak sapi: 50; Peternak ayam: 25; Peternak kambing: 20; Peternak itik: 5"),
        income=(700_000, 2_800_000),
        ages=(22, 64, 44),
    ),
    TargetGroup.UMKM: _Work(
        _table(
            "Pedagang kecil: 30; Pedagang sayur keliling: 10; Warung sembako: 15; Penjahit: 8;"
            " Pengrajin anyaman rotan: 6; Penjual kue: 10; Pedagang ikan: 8;"
            " Usaha bengkel motor: 5; Penjual makanan: 8"
        ),
        income=(800_000, 3_000_000),
        ages=(20, 62, 38),
    ),
    TargetGroup.NON_ASN: _Work(
        _table(
            "Tenaga honorer: 30; Staf non-ASN: 25; Guru honorer: 20;"
            " Petugas kebersihan non-ASN: 10; Sopir non-ASN: 5; Penjaga kantor non-ASN: 5;"
            " Tenaga kesehatan honorer: 5"
        ),
        income=(1_000_000, 3_000_000),
        ages=(20, 56, 32),
    ),
    TargetGroup.ATHLETE: _Work(
        _table(
            "Atlet sepak bola: 25; Atlet dayung: 20; Atlet pencak silat: 20;"
            " Atlet bulu tangkis: 15; Atlet bola voli: 10; Atlet atletik: 10"
        ),
        income=(500_000, 2_000_000),
        ages=(17, 34, 22),
    ),
    TargetGroup.POOR: _Work(
        _table(
            "Buruh harian lepas: 45; Buruh cuci: 15; Pemulung: 10; Pencari rotan: 10;"
            " Tidak tetap: 20"
        ),
        income=(500_000, 1_200_000),
        ages=(18, 64, 45),
    ),
    TargetGroup.INFORMAL: _Work(
        _table(
            "Buruh harian lepas: 25; Tukang ojek: 15; Tukang bangunan: 15; Sopir angkutan: 8;"
            " Motoris klotok: 7; Buruh bongkar muat: 8; Tukang kayu: 8; Montir: 5;"
            " Penambang pasir: 4; Buruh sawit: 5"
        ),
        income=(700_000, 3_000_000),
        ages=(18, 60, 35),
    ),
}

_TARGET_GROUPS = _table(
    "petani: 38; informal_lain: 16; umkm: 12; nelayan: 9; miskin_rentan: 9; non_asn: 8;"
    " peternak: 5; atlet: 3",
    TargetGroup,
)
_FUNDING = _table("apbd: 85; csr: 10; mandiri: 5", FundingSource)
_HEIR_RELATIONS = {
    MaritalStatus.MARRIED: _table("suami_istri: 70; anak: 22; orang_tua: 8", HeirRelation),
    MaritalStatus.SINGLE: _table("orang_tua: 70; saudara: 26; lainnya: 4", HeirRelation),
    MaritalStatus.DIVORCED: _table("anak: 75; saudara: 15; orang_tua: 10", HeirRelation),
    MaritalStatus.WIDOWED: _table("anak: 85; saudara: 15", HeirRelation),
}
#: Digits after ``08`` and the two-digit operator prefix (whole number: 10-13 digits).
_PHONE_LENGTHS = _table("6: 5; 7: 25; 8: 55; 9: 15", int)

_CSR_COMPANIES = (
    "PT Sukamara Sawit Mandiri",
    "PT Borneo Karet Sejahtera",
    "PT Jelai Agro Lestari",
    "PT Kalimantan Hijau Perkasa",
    "PT Lamandau Palma Nusantara",
    "PT Tanjung Lingga Abadi",
)

_PHONE_PREFIXES = _words(
    "811 812 813 821 822 823 852 853 851 814 815 816 855 856 857 858 817 818 819 859 877"
    " 878 831 832 833 838 895 896 897 898 899 881 882 887"
)
_STREETS = _words(
    "A._Yani Tjilik_Riwut Pangeran_Antasari Kartini Diponegoro Sudirman Imam_Bonjol"
    " Gatot_Subroto Pemuda Merdeka Pelabuhan Sawit_Raya Bhayangkara Hasanuddin Kenanga"
    " Mawar Melati Poros_Desa Lingkar_Selatan Trans_Kalimantan Pendidikan Pasar_Lama"
    " Sungai_Jelai Karya_Bakti Cempaka Anggrek Teratai Usman_Harun Pahlawan"
)
_HAMLETS = _words(
    "I II III IV Sungai_Pasir Tanjung Karya_Baru Sumber_Rejeki Harapan_Jaya Sido_Mulyo"
    " Suka_Maju Mekar_Sari Bukit_Raya Pantai Tanah_Merah Sungai_Baru Air_Hitam"
)
_NOT_EMAIL = re.compile(r"[^a-z]")
_DRAFT_GAPS = _words("mother_name phone kk occupation monthly_income heir address consent")


# --- generation --------------------------------------------------------------------------


class _Generator:
    """Draws people from one `Random`; remembers the NIKs it gave out."""

    def __init__(
        self,
        rng: Random,
        regency_code: str,
        today: date,
        regions: Regions,
        officer: str,
        device_id: str,
    ):
        self.rng = rng
        self.today = today
        self.officer = officer
        self.device_id = device_id
        self.used: set[str] = set()
        kecamatan = regions.kecamatan_of(regency_code)
        villages = regions.villages_of(regency_code)
        if not kecamatan or not villages:
            raise ValueError(f"unknown regency or no villages: {regency_code}")
        self.villages = villages
        self.villages_by_kecamatan: dict[str, list[Region]] = {}
        for village in villages:
            self.villages_by_kecamatan.setdefault(village.parent, []).append(village)
        self.local_kecamatan = [k for k in kecamatan if k.code in self.villages_by_kecamatan]
        self.migrant_kecamatan: dict[str, list[Region]] = {}
        for k in regions.kecamatan.values():
            if k.parent != regency_code:
                self.migrant_kecamatan.setdefault(k.code[:2], []).append(k)
        for kecs in self.migrant_kecamatan.values():
            kecs.sort(key=lambda k: k.code)  # the same seed must pick the same codes
        origins = zip(_MIGRANT_ORIGINS.items, _MIGRANT_ORIGINS.weights, strict=True)
        self.migrant_origins = _Weighted(
            [(province, w) for province, w in origins if province in self.migrant_kecamatan]
        )
        regency = regions.regency_name(regency_code)
        self.home_town = _town_name(regency) or _town_name(self.local_kecamatan[0].name)
        self.local_towns = [self.home_town] * 4 + [_town_name(k.name) for k in kecamatan]
        self.regency_names = {code: _town_name(r.name) for code, r in regions.regencies.items()}

    def _int(self, low: int, high: int) -> int:
        """A whole number from ``low`` to ``high`` (cheaper than `Random.randint`)."""
        return low + int(self.rng.random() * (high - low + 1))

    def _choice(self, items: Sequence):
        return items[int(self.rng.random() * len(items))]

    # one person ---------------------------------------------------------------------------

    def person(self) -> Registration:
        rng = self.rng
        migrant = rng.random() < MIGRANT_SHARE
        if migrant:
            province = self.migrant_origins.pick(rng)
            nik_kecamatan = self._choice(self.migrant_kecamatan[province]).code
            names = _ORIGIN_NAMES.get(province, _LOCAL_MIX).pick(rng)
            home = self._choice(self.local_kecamatan).code
        else:
            province = ""
            nik_kecamatan = self._choice(self.local_kecamatan).code
            names = _LOCAL_MIX.pick(rng)
            home = nik_kecamatan if rng.random() < 0.85 else self._choice(self.local_kecamatan).code
        village = self._choice(self.villages_by_kecamatan[home])

        group = _TARGET_GROUPS.pick(rng)
        work = _WORK[group]
        sex = Sex.FEMALE if rng.random() < _FEMALE_SHARE[group] else Sex.MALE
        age = self._age(work)
        birth, nik = self._birth_and_nik(nik_kecamatan, age, sex)
        full_name = self._name(names, sex)
        marital = self._marital(age)
        income = self._income(work)
        funding = _FUNDING.pick(rng)

        reg = Registration(
            id=new_id(),
            nik=nik,
            kk=self._kk(home if migrant else nik_kecamatan),
            full_name=full_name,
            birth_place=self._birth_place(province, nik_kecamatan, names),
            birth_date=birth,
            sex=sex.value,
            marital_status=marital.value,
            mother_name=self._name(names, Sex.FEMALE, max_words=2),
            address=self._address(village),
            rt=f"{self._int(1, 25):03d}",
            rw=f"{self._int(1, 8):03d}" if rng.random() < 0.7 else "",
            village_code=village.code,
            phone=self._phone() if rng.random() < 0.93 else "",
            email=self._email(full_name) if age < 40 and rng.random() < 0.12 else "",
            occupation=work.occupations.pick(rng),
            target_group=group.value,
            monthly_income=income,
            program_jht=rng.random() < (0.5 if funding is FundingSource.SELF else 0.23),
            funding_source=funding.value,
            csr_company=self._choice(_CSR_COMPANIES) if funding is FundingSource.CSR else "",
            contribution_months=self._months(funding),
            consent=True,
            status=Status.READY.value,
            created_by=self.officer,
            device_id=self.device_id,
        )
        if rng.random() < 0.93:
            self._heir(reg, names, marital)
        if not 15 <= _age_on(birth, self.today) <= 65:
            reg.warnings_confirmed = ["age.range"]
        if rng.random() < DRAFT_SHARE:
            self._make_draft(reg)
        return reg

    # fields -------------------------------------------------------------------------------

    def _age(self, work: _Work) -> int:
        rng = self.rng
        if rng.random() < 0.003:
            return self._int(66, 68)  # the odd older worker the form warns about
        low, high, mode = work.ages
        return round(rng.triangular(low + 1, high, mode))

    def _birth_and_nik(self, kecamatan: str, age: int, sex: Sex) -> tuple[date, str]:
        rng = self.rng
        area = kecamatan.replace(".", "")
        while True:
            # Age is reached at some point of this calendar year, so the people stay the
            # same all year; the age on ``today`` is ``age`` or ``age - 1``.
            year = self.today.year - age
            month = self._int(1, 12)
            day = self._int(1, calendar.monthrange(year, month)[1])
            nik_day = day + 40 if sex is Sex.FEMALE else day
            stem = f"{area}{nik_day:02d}{month:02d}{year % 100:02d}"
            # Serials count up per kecamatan and birth date, so small ones are common.
            for attempt in range(40):
                top = 30 if attempt == 0 and rng.random() < 0.8 else 9999
                nik = f"{stem}{self._int(1, top):04d}"
                if nik not in self.used:
                    self.used.add(nik)
                    return date(year, month, day), nik

    def _name(self, names: _NameGroup, sex: Sex, max_words: int = 3) -> str:
        rng = self.rng
        female = sex is Sex.FEMALE
        given = names.female if female else names.male
        second = names.female_second if female else names.male_second
        prefixes = names.prefixes_female if female else names.prefixes_male
        first = self._choice(given)
        roll = rng.random()
        if roll < names.single:
            return first
        words = [first, self._choice(second)]
        if max_words >= 3 and roll > 0.82:
            extra = self._choice(prefixes) if prefixes else self._choice(given)
            words.insert(0, extra)
        unique = list(dict.fromkeys(words))
        return " ".join(unique)

    def _marital(self, age: int) -> MaritalStatus:
        roll = self.rng.random()
        if age < 22:
            return MaritalStatus.SINGLE if roll < 0.85 else MaritalStatus.MARRIED
        if age < 30:
            return MaritalStatus.SINGLE if roll < 0.35 else MaritalStatus.MARRIED
        if roll < 0.06:
            return MaritalStatus.SINGLE
        if roll < 0.12:
            return MaritalStatus.DIVORCED
        if roll < (0.16 if age < 50 else 0.30):
            return MaritalStatus.WIDOWED
        return MaritalStatus.MARRIED

    def _income(self, work: _Work) -> int:
        rng = self.rng
        if rng.random() < 0.03:
            low, high = 3_000_000, 7_500_000
        else:
            low, high = work.income
        return self._int(low // 50_000, high // 50_000) * 50_000

    def _kk(self, kecamatan: str) -> str:
        year = self._int(2008, self.today.year - 1)
        month = self._int(1, 12)
        day = self._int(1, 28)
        area = kecamatan.replace(".", "")
        return f"{area}{day:02d}{month:02d}{year % 100:02d}{self._int(1, 9999):04d}"

    def _birth_place(self, province: str, nik_kecamatan: str, names: _NameGroup) -> str:
        rng = self.rng
        if province:
            if rng.random() < 0.85:
                return self.regency_names.get(nik_kecamatan[:5]) or self.home_town
            return (
                self._choice(_JAVA_TOWNS)
                if province in {"32", "33", "34", "35"}
                else self.home_town
            )
        roll = rng.random()
        if names is _JAVANESE and roll < 0.35:
            return self._choice(_JAVA_TOWNS)
        if names is _MADURESE and roll < 0.35:
            return self._choice(_MADURA_TOWNS)
        if roll > 0.85:
            return self._choice(_KALTENG_TOWNS).replace("_", " ")
        return self._choice(self.local_towns)

    def _address(self, village: Region) -> str:
        rng = self.rng
        kelurahan = village.code[9:10] == "1"
        if kelurahan or rng.random() < 0.45:
            street = self._choice(_STREETS).replace("_", " ")
            return f"Jl. {street} No. {self._int(1, 120)}"
        if rng.random() < 0.7:
            return f"Dusun {self._choice(_HAMLETS).replace('_', ' ')}"
        return f"Jl. Poros Desa {village.name} No. {self._int(1, 80)}"

    def _phone(self) -> str:
        rng = self.rng
        length = _PHONE_LENGTHS.pick(rng)  # digits after "08" and the two-digit prefix
        return f"08{self._choice(_PHONE_PREFIXES)[1:]}{self._int(0, 10**length - 1):0{length}d}"

    def _email(self, full_name: str) -> str:
        rng = self.rng
        parts = [_NOT_EMAIL.sub("", w.lower()) for w in full_name.split()]
        parts = [p for p in parts if p] or ["warga"]
        local = ".".join(parts[-2:]) if rng.random() < 0.5 else parts[0]
        domain = "gmail.com" if rng.random() < 0.85 else "yahoo.co.id"
        return f"{local}{self._int(1, 99)}@{domain}"

    def _months(self, funding: FundingSource) -> int:
        roll = self.rng.random()
        if funding is FundingSource.APBD:
            return 1 if roll < 0.92 else (3 if roll < 0.96 else 12)
        if funding is FundingSource.CSR:
            return 1 if roll < 0.6 else (6 if roll < 0.75 else 12)
        return 1 if roll < 0.55 else (3 if roll < 0.75 else (6 if roll < 0.87 else 12))

    def _heir(self, reg: Registration, names: _NameGroup, marital: MaritalStatus) -> None:
        rng = self.rng
        relation = _HEIR_RELATIONS[marital].pick(rng)
        if relation is HeirRelation.SPOUSE:
            sex = Sex.MALE if reg.sex == Sex.FEMALE else Sex.FEMALE
        elif relation is HeirRelation.PARENT and rng.random() < 0.6:
            reg.heir_name = reg.mother_name
            sex = None
        else:
            sex = Sex.FEMALE if rng.random() < 0.5 else Sex.MALE
        if sex is not None:
            reg.heir_name = self._name(names, sex)
        reg.heir_relation = relation.value
        reg.heir_phone = self._phone() if rng.random() < 0.75 else ""

    def _make_draft(self, reg: Registration) -> None:
        """A registration the officer saved before finishing: a field or two still empty."""
        rng = self.rng
        reg.status = Status.DRAFT.value
        for gap in rng.sample(_DRAFT_GAPS, self._int(1, 2)):
            if gap == "monthly_income":
                reg.monthly_income = None
            elif gap == "heir":
                reg.heir_name = reg.heir_relation = reg.heir_phone = ""
            elif gap == "consent":
                reg.consent = False
            else:
                setattr(reg, gap, "")


_FEMALE_SHARE = {
    TargetGroup.UMKM: 0.6,
    TargetGroup.POOR: 0.5,
    TargetGroup.NON_ASN: 0.45,
    TargetGroup.ATHLETE: 0.35,
    TargetGroup.FARMER: 0.3,
    TargetGroup.LIVESTOCK: 0.2,
    TargetGroup.INFORMAL: 0.2,
    TargetGroup.FISHER: 0.08,
}


def _town_name(region_name: str) -> str:
    """``KABUPATEN KOTAWARINGIN BARAT`` -> ``Kotawaringin Barat``; ``KOTA MALANG`` -> ``Malang``."""
    name = region_name.strip()
    for prefix in ("KABUPATEN ", "KAB. ", "KOTA ADM. ", "KOTA "):
        if name.upper().startswith(prefix):
            name = name[len(prefix) :]
            break
    return " ".join(w.capitalize() for w in name.split())


def _age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def generate(
    count: int,
    seed: int,
    regency_code: str,
    today: date,
    *,
    officer: str = DEFAULT_OFFICER,
    device_id: str = "",
    regions: Regions | None = None,
) -> Iterator[Registration]:
    """``count`` fake registrations of people living in ``regency_code``.

    The same ``seed`` (and calendar year of ``today``) gives the same people in the same
    order, whatever ``count`` is: the first 100 of 1,000 are the 100 of a run of 100. Ids are
    fresh every time. NIKs are unique within one run. Raises ValueError (at once, not on the
    first record) for a regency without kecamatan or villages.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    generator = _Generator(
        Random(seed), regency_code, today, regions or default_regions(), officer, device_id
    )
    return (generator.person() for _ in range(count))


# --- storing -------------------------------------------------------------------------------

_IN_CHUNK = 500  # well under SQLite's limit on bound parameters


def _held_niks(db: Database, niks: list[str]) -> set[str]:
    """Which of ``niks`` a live registration (draft or not) already holds."""
    held: set[str] = set()
    for start in range(0, len(niks), _IN_CHUNK):
        chunk = niks[start : start + _IN_CHUNK]
        # "+deleted" keeps SQLite on the nik index: without statistics it prefers an index
        # on (deleted, ...) and reads every live row for each chunk.
        rows = db.execute(
            f"SELECT nik FROM registrations WHERE nik IN ({','.join('?' * len(chunk))})"
            " AND +deleted = 0",
            chunk,
        )
        held.update(row[0] for row in rows)
    return held


def fill_demo(
    db: Database,
    records: int,
    seed: int = 1,
    regency_code: str | None = None,
    batch_size: int = 10_000,
    progress: Callable[[int, int], None] | None = None,
    *,
    today: date | None = None,
) -> int:
    """Generate ``records`` people with `generate` and store those whose NIK the database
    does not hold yet; returns how many were stored.

    Running it twice with the same seed stores nothing the second time (the same people
    already live there); a different seed adds new people. The regency and the officer come
    from the settings unless ``regency_code`` is given. Each batch of ``batch_size`` is one
    transaction; ``progress(done, total)`` is called after each.
    """
    if records < 0:
        raise ValueError("records must not be negative")
    settings = load_settings(db)
    officer = settings.officer_name.strip() or DEFAULT_OFFICER
    people = generate(
        records,
        seed,
        regency_code or settings.regency_code,
        today or date.today(),
        officer=officer,
        device_id=settings.device_id,
    )
    store = RegistrationStore(db)
    inserted = done = 0
    with _large_page_cache(db):
        while batch := list(islice(people, max(1, batch_size))):
            inserted += _store_new(db, store, batch, officer)
            done += len(batch)
            if progress:
                progress(done, records)
    return inserted


#: Page cache while filling (KiB): the indexes outgrow SQLite's default 2 MB after some
#: 50,000 rows, and every batch then rereads them from disk.
_FILL_CACHE_KIB = 128 * 1024


@contextlib.contextmanager
def _large_page_cache(db: Database) -> Iterator[None]:
    """A larger page cache for this connection while the block runs, then the old one."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{_FILL_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(before)}")


def _store_new(
    db: Database, store: RegistrationStore, batch: list[Registration], actor: str
) -> int:
    held = _held_niks(db, [reg.nik for reg in batch])
    new = [reg for reg in batch if reg.nik not in held]
    return store.insert_many(new, actor) if new else 0
