"""The village list (daftar nominatif) and the receipt slips, read back from the PDF with
poppler's command-line tools."""

import re
import shutil
import subprocess
from datetime import date

import pytest

from models.contribution import default_table
from models.formatting import rupiah
from models.nominatif import registrations_for_list
from models.store import RegistrationStore
from tests.factories import siti
from ui.printing.context import print_context
from ui.printing.lists import masked_nik, paint_receipts, paint_village_list
from ui.printing.paper import PrintCancelled, write_pdf

NATAI = "62.08.01.2001"  # Desa Natai Sedawak, Kecamatan Sukamara
TODAY = date(2026, 11, 23)
LONG_NAME = "Raden Mas Muhammad Abdurrahman Wahyudi Kusumaningrat Hadiningrat Prawiro Santoso"
OCCUPATIONS = ["Petani sawit", "Nelayan tangkap", "Buruh harian lepas", "Pedagang kecil"]

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo")),
    reason="poppler-utils (pdftotext, pdfinfo) are not installed",
)


def people(count: int, village: str = NATAI, first: int = 1) -> list:
    """``count`` ready registrations in one desa, with varied incomes and programs."""
    return [
        siti(
            id=f"reg-{serial:04d}",
            nik=f"620801450790{serial:04d}",
            full_name=f"Warga Nomor {serial:04d}",
            village_code=village,
            status="ready",
            occupation=OCCUPATIONS[serial % len(OCCUPATIONS)],
            monthly_income=1_000_000 + (serial % 7) * 450_000,
            program_jht=serial % 3 == 0,
        )
        for serial in range(first, first + count)
    ]


def pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))


def text(pdf, page: int | None = None, *options: str) -> str:
    where = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", *options, *where, str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


def words(pdf) -> list[tuple[str, int, float, float, float]]:
    """Every word of the PDF with its page and box: (word, page, x_min, x_max, y_min)."""
    html = text(pdf, None, "-bbox")
    found = []
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        for match in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            page,
        ):
            x_min, y_min, x_max, word = match.groups()
            found.append((word, number, float(x_min), float(x_max), float(y_min)))
    return found


def flat(value: str) -> str:
    return " ".join(value.split())


@pytest.fixture(autouse=True)
def application(qapp):
    """Fonts and text layout need a (Gui)Application."""
    return qapp


@pytest.fixture
def context(configured_db):
    return print_context(configured_db, today=TODAY)


def write_list(path, registrations, context, **kwargs):
    return write_pdf(
        path,
        lambda device: paint_village_list(device, registrations, context, **kwargs),
        landscape=True,
    )


# --- the NIK on a slip ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nik", "shown"),
    [
        ("6208014507900001", "•••• •••• •••• 0001"),
        ("6208 0145 0790 1234", "•••• •••• •••• 1234"),
        ("620801450790123", "••• •••• •••• 0123"),
        ("1234567", "••• ••••"),
        ("", ""),
    ],
)
def test_a_slip_shows_only_the_last_four_digits_of_the_nik(nik, shown):
    assert masked_nik(nik) == shown


# --- the village list -------------------------------------------------------------------


@needs_poppler
def test_a_long_desa_list_repeats_its_header_and_sums_every_page(configured_db, context, tmp_path):
    store = RegistrationStore(configured_db)
    store.insert_many(people(70), actor="test")
    registrations = registrations_for_list(configured_db, desa=NATAI)
    assert len(registrations) == 70
    pdf = tmp_path / "daftar.pdf"
    seen = []

    count = write_list(pdf, registrations, context, desa=NATAI, progress=lambda *p: seen.append(p))

    assert count > 1
    assert pages(pdf) == count
    assert seen == [(page, count) for page in range(1, count + 1)]
    per_page = []
    for page in range(1, count + 1):
        body = flat(text(pdf, page))
        for header in ("No.", "NIK", "Nama lengkap", "L/P", "Tanggal lahir", "Pekerjaan",
                       "Program", "Iuran per bulan", "Tanda tangan"):  # fmt: skip
            assert header in body, f"page {page} lacks the header {header!r}"
        assert f"Halaman {page} dari {count}" in body
        per_page += [int(n) for n in re.findall(r"Jumlah halaman ini: (\d+) orang", body)]
    assert len(per_page) == count
    assert sum(per_page) == 70

    everything = text(pdf, None, "-layout")
    table = default_table()
    expected = sum(
        table.contribution(
            reg.monthly_income, jht=reg.program_jht, funding_source="apbd", on=TODAY
        ).monthly
        for reg in people(70)
    )
    assert everything.count("Jumlah seluruhnya") == 1
    total = re.search(r"Jumlah seluruhnya: (\d+) orang\s+(Rp [\d.]+)", everything)
    assert total, "no grand total line"
    assert (int(total.group(1)), total.group(2)) == (70, rupiah(expected))
    last = flat(text(pdf, count))
    assert "Jumlah seluruhnya" in last
    assert "Kepala Desa Natai Sedawak" in last
    assert "Sukamara, 23-11-2026" in last
    first = flat(text(pdf, 1))
    assert "DAFTAR NOMINATIF CALON PESERTA BPJS KETENAGAKERJAAN" in first
    assert "Natai Sedawak" in first and "Keadaan per 23-11-2026" in first
    assert "Warga Nomor 0001" in first and "6208014507900001" in first


@needs_poppler
def test_a_long_name_wraps_whole_and_the_page_count_stays_sane(configured_db, context, tmp_path):
    assert len(LONG_NAME) == 80
    everyone = people(40)
    plain = write_list(tmp_path / "plain.pdf", everyone, context, desa=NATAI)
    everyone[7] = everyone[7].copy(full_name=LONG_NAME)
    longer = write_list(tmp_path / "long.pdf", everyone, context, desa=NATAI)

    assert LONG_NAME in flat(text(tmp_path / "long.pdf", None, "-raw"))
    assert plain <= longer <= plain + 1
    # It wraps inside its own column: every word ends before the next column (L/P) begins.
    boxes = words(tmp_path / "long.pdf")
    [next_column] = {x_min for word, page, x_min, _, _ in boxes if word == "L/P" and page == 1}
    name_words = [box for box in boxes if box[0] in LONG_NAME.split() and box[1] == 1]
    assert len(name_words) == len(LONG_NAME.split())
    assert all(x_max < next_column for _, _, _, x_max, _ in name_words)
    assert len({round(y) for *_, y in name_words}) >= 2


@needs_poppler
def test_a_regency_list_groups_by_desa_and_is_signed_by_the_office(
    configured_db, context, tmp_path
):
    everyone = people(3) + people(2, village="62.08.02.2001", first=50)
    pdf = tmp_path / "kabupaten.pdf"
    assert write_list(pdf, everyone, context) == 1
    body = flat(text(pdf, 1))
    assert "Kecamatan Sukamara — Desa Natai Sedawak" in body
    assert "Kecamatan Jelai" in body
    assert "Kepala Dinas" in body and "NIP." in body
    assert "Kepala Desa" not in body
    assert "Jumlah seluruhnya: 5 orang" in body


@needs_poppler
def test_an_empty_list_still_prints_one_signed_page(context, tmp_path):
    pdf = tmp_path / "kosong.pdf"
    assert write_list(pdf, [], context, desa=NATAI) == 1
    body = flat(text(pdf, 1))
    assert "Jumlah seluruhnya: 0 orang" in body and "Kepala Desa Natai Sedawak" in body


# --- receipts ---------------------------------------------------------------------------


@needs_poppler
def test_three_receipts_take_two_pages_and_hide_the_nik(context, tmp_path):
    three = people(3)
    pdf = tmp_path / "tanda-terima.pdf"
    seen = []

    count = write_pdf(
        pdf,
        lambda device: paint_receipts(device, three, context, progress=lambda *p: seen.append(p)),
    )

    assert count == 2 == pages(pdf)
    assert seen == [(1, 2), (2, 2)]
    body = text(pdf)
    digits_only = re.sub(r"\s", "", body)
    assert flat(body).count("TANDA TERIMA PENDAFTARAN") == 3
    for reg in three:
        assert reg.nik not in digits_only
        assert reg.nik[:12] not in digits_only
        assert reg.nik[-4:] in body
        assert reg.id in body
        assert reg.full_name in body


# --- cancelling -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["list", "receipts"])
def test_cancelling_raises_and_leaves_no_file(context, tmp_path, kind):
    everyone = people(60)
    done = []

    def paint(device):
        arguments = {"progress": lambda *p: done.append(p), "cancelled": lambda: bool(done)}
        if kind == "list":
            return paint_village_list(device, everyone, context, desa=NATAI, **arguments)
        return paint_receipts(device, everyone, context, **arguments)

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PrintCancelled):
        write_pdf(out / "batal.pdf", paint, landscape=kind == "list")
    assert done == [(1, done[0][1])] and done[0][1] > 1
    assert list(out.iterdir()) == []


def test_cancelling_before_the_first_page(context, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PrintCancelled):
        write_pdf(
            out / "batal.pdf",
            lambda device: paint_village_list(device, people(2), context, cancelled=lambda: True),
        )
    assert list(out.iterdir()) == []
