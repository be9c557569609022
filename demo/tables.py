"""The weighted tables the fake people are drawn from: name groups by origin, towns, work by
target group, funding, heirs, phone numbers and streets (Central Kalimantan as an officer meets
it). Plain data and a weighted chooser; `demo.people` draws from them.
"""

from __future__ import annotations

import re
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from random import Random

from models.registration import FundingSource, HeirRelation, MaritalStatus, TargetGroup

DEFAULT_OFFICER = "Petugas Demo"

#: Share of people whose NIK was first issued outside the configured regency.
MIGRANT_SHARE = 0.10
#: Share of registrations still saved as drafts.
DRAFT_SHARE = 0.10


class Weighted:
    """Weighted choice by bisection over cumulative weights (faster than `Random.choices`)."""

    def __init__(self, pairs: Sequence[tuple[object, float]]):
        self.items = [item for item, _ in pairs]
        self.weights = [weight for _, weight in pairs]
        self.cumulative = list(accumulate(weight for _, weight in pairs))
        self.total = self.cumulative[-1]

    def pick(self, rng: Random):
        return self.items[bisect(self.cumulative, rng.random() * self.total)]


def _table(spec: str, kind: Callable[[str], object] = str) -> Weighted:
    """``"Nelayan: 55; Nelayan sungai: 15"`` -> a weighted choice of the names (as ``kind``)."""
    pairs = []
    for part in spec.split(";"):
        name, weight = part.rsplit(":", 1)
        pairs.append((kind(name.strip()), float(weight)))
    return Weighted(pairs)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --- names ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NameGroup:
    """Given and second names of one naming tradition; ``single`` is the share of people
    known by one name only (common among older Javanese)."""

    male: tuple[str, ...]
    male_second: tuple[str, ...]
    female: tuple[str, ...]
    female_second: tuple[str, ...]
    single: float = 0.12
    prefixes_male: tuple[str, ...] = ()
    prefixes_female: tuple[str, ...] = ()


JAVANESE = NameGroup(
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

_BANJAR_MALAY = NameGroup(
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

_DAYAK = NameGroup(
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

_BUGIS = NameGroup(
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

MADURESE = NameGroup(
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

_CHRISTIAN_MIGRANT = NameGroup(  # Batak, Flores/Timor and Manado families
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

LOCAL_MIX = Weighted(
    [
        (_BANJAR_MALAY, 40),
        (JAVANESE, 25),
        (_DAYAK, 18),
        (_BUGIS, 7),
        (MADURESE, 5),
        (_CHRISTIAN_MIGRANT, 5),
    ]
)

#: Where migrants come from (province code), and how they are named there.
MIGRANT_ORIGINS = _table("33: 25; 35: 22; 63: 16; 62: 12; 32: 7; 73: 6; 61: 4; 34: 3; 53: 3; 12: 2")
ORIGIN_NAMES = {
    "12": Weighted([(_CHRISTIAN_MIGRANT, 70), (_BANJAR_MALAY, 30)]),
    "32": Weighted([(JAVANESE, 100)]),
    "33": Weighted([(JAVANESE, 100)]),
    "34": Weighted([(JAVANESE, 100)]),
    "35": Weighted([(JAVANESE, 70), (MADURESE, 30)]),
    "53": Weighted([(_CHRISTIAN_MIGRANT, 100)]),
    "61": Weighted([(_DAYAK, 50), (_BANJAR_MALAY, 50)]),
    "63": Weighted([(_BANJAR_MALAY, 100)]),
    "73": Weighted([(_BUGIS, 100)]),
}

KALTENG_TOWNS = _words(
    "Pangkalan_Bun Sampit Palangka_Raya Kuala_Pembuang Nanga_Bulik Kuala_Kapuas Kasongan"
    " Kotawaringin_Lama Kumai Buntok Muara_Teweh Pulang_Pisau Tamiang_Layang Kuala_Kurun"
)
JAVA_TOWNS = _words(
    "Semarang Surakarta Klaten Boyolali Sragen Wonogiri Kebumen Banyumas Cilacap Pati Kudus"
    " Jepara Demak Grobogan Blora Rembang Tegal Brebes Pekalongan Magelang Yogyakarta Sleman"
    " Bantul Gunungkidul Surabaya Malang Kediri Blitar Tulungagung Madiun Ngawi Ponorogo"
    " Jember Banyuwangi Lamongan Tuban Bojonegoro"
)
MADURA_TOWNS = _words("Bangkalan Sampang Pamekasan Sumenep")

# --- work --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Work:
    """Occupations of one target group, the income range (Rp) and the usual ages."""

    occupations: Weighted
    income: tuple[int, int]
    ages: tuple[int, int, int]  # low, high, mode


WORK = {
    TargetGroup.FARMER: Work(
        _table(
            "Petani karet: 30; Petani sawit: 30; Pekebun sawit swadaya: 8; Petani padi: 12;"
            " Petani sayur: 8; Petani palawija: 5; Buruh tani: 7"
        ),
        income=(700_000, 2_500_000),
        ages=(20, 64, 42),
    ),
    TargetGroup.FISHER: Work(
        _table("Nelayan: 55; Nelayan tangkap: 20; Pembudidaya ikan: 10; Nelayan sungai: 15"),
        income=(600_000, 2_500_000),
        ages=(18, 64, 38),
    ),
    TargetGroup.LIVESTOCK: Work(
        _table("Peternak sapi: 50; Peternak ayam: 25; Peternak kambing: 20; Peternak itik: 5"),
        income=(700_000, 2_800_000),
        ages=(22, 64, 44),
    ),
    TargetGroup.UMKM: Work(
        _table(
            "Pedagang kecil: 30; Pedagang sayur keliling: 10; Warung sembako: 15; Penjahit: 8;"
            " Pengrajin anyaman rotan: 6; Penjual kue: 10; Pedagang ikan: 8;"
            " Usaha bengkel motor: 5; Penjual makanan: 8"
        ),
        income=(800_000, 3_000_000),
        ages=(20, 62, 38),
    ),
    TargetGroup.NON_ASN: Work(
        _table(
            "Tenaga honorer: 30; Staf non-ASN: 25; Guru honorer: 20;"
            " Petugas kebersihan non-ASN: 10; Sopir non-ASN: 5; Penjaga kantor non-ASN: 5;"
            " Tenaga kesehatan honorer: 5"
        ),
        income=(1_000_000, 3_000_000),
        ages=(20, 56, 32),
    ),
    TargetGroup.ATHLETE: Work(
        _table(
            "Atlet sepak bola: 25; Atlet dayung: 20; Atlet pencak silat: 20;"
            " Atlet bulu tangkis: 15; Atlet bola voli: 10; Atlet atletik: 10"
        ),
        income=(500_000, 2_000_000),
        ages=(17, 34, 22),
    ),
    TargetGroup.POOR: Work(
        _table(
            "Buruh harian lepas: 45; Buruh cuci: 15; Pemulung: 10; Pencari rotan: 10;"
            " Tidak tetap: 20"
        ),
        income=(500_000, 1_200_000),
        ages=(18, 64, 45),
    ),
    TargetGroup.INFORMAL: Work(
        _table(
            "Buruh harian lepas: 25; Tukang ojek: 15; Tukang bangunan: 15; Sopir angkutan: 8;"
            " Motoris klotok: 7; Buruh bongkar muat: 8; Tukang kayu: 8; Montir: 5;"
            " Penambang pasir: 4; Buruh sawit: 5"
        ),
        income=(700_000, 3_000_000),
        ages=(18, 60, 35),
    ),
}

TARGET_GROUPS = _table(
    "petani: 38; informal_lain: 16; umkm: 12; nelayan: 9; miskin_rentan: 9; non_asn: 8;"
    " peternak: 5; atlet: 3",
    TargetGroup,
)
FUNDING = _table("apbd: 85; csr: 10; mandiri: 5", FundingSource)
HEIR_RELATIONS = {
    MaritalStatus.MARRIED: _table("suami_istri: 70; anak: 22; orang_tua: 8", HeirRelation),
    MaritalStatus.SINGLE: _table("orang_tua: 70; saudara: 26; lainnya: 4", HeirRelation),
    MaritalStatus.DIVORCED: _table("anak: 75; saudara: 15; orang_tua: 10", HeirRelation),
    MaritalStatus.WIDOWED: _table("anak: 85; saudara: 15", HeirRelation),
}
#: Digits after ``08`` and the two-digit operator prefix (whole number: 10-13 digits).
PHONE_LENGTHS = _table("6: 5; 7: 25; 8: 55; 9: 15", int)

CSR_COMPANIES = (
    "PT Sukamara Sawit Mandiri",
    "PT Borneo Karet Sejahtera",
    "PT Jelai Agro Lestari",
    "PT Kalimantan Hijau Perkasa",
    "PT Lamandau Palma Nusantara",
    "PT Tanjung Lingga Abadi",
)

PHONE_PREFIXES = _words(
    "811 812 813 821 822 823 852 853 851 814 815 816 855 856 857 858 817 818 819 859 877"
    " 878 831 832 833 838 895 896 897 898 899 881 882 887"
)
STREETS = _words(
    "A._Yani Tjilik_Riwut Pangeran_Antasari Kartini Diponegoro Sudirman Imam_Bonjol"
    " Gatot_Subroto Pemuda Merdeka Pelabuhan Sawit_Raya Bhayangkara Hasanuddin Kenanga"
    " Mawar Melati Poros_Desa Lingkar_Selatan Trans_Kalimantan Pendidikan Pasar_Lama"
    " Sungai_Jelai Karya_Bakti Cempaka Anggrek Teratai Usman_Harun Pahlawan"
)
HAMLETS = _words(
    "I II III IV Sungai_Pasir Tanjung Karya_Baru Sumber_Rejeki Harapan_Jaya Sido_Mulyo"
    " Suka_Maju Mekar_Sari Bukit_Raya Pantai Tanah_Merah Sungai_Baru Air_Hitam"
)
NOT_EMAIL = re.compile(r"[^a-z]")
DRAFT_GAPS = _words("mother_name phone kk occupation monthly_income heir address consent")
