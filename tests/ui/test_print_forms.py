"""Registration forms as PDF, checked the way a reader sees them: pages and paper size with
pdfinfo, words with pdftotext, the QR code with pdftoppm and zbarimg (poppler-utils and
zbar-tools; a test needing a missing tool is skipped and says which)."""

import re
import shutil
import subprocess
from datetime import date

import pytest

from models.contribution import default_table
from models.formatting import rupiah
from models.registration import new_id
from tests.factories import siti
from ui.printing.context import print_context
from ui.printing.forms import paint_forms
from ui.printing.paper import MARGIN_MM, PrintCancelled, write_pdf

TODAY = date(2026, 11, 23)
LONG_NAME = "Raden Roro Siti Aminah Kusumawardhani Prameswari Ningrum Sekar Ayu Larasati Wulandari"
LONG_NAME = LONG_NAME[:80]
LONG_ADDRESS = (
    "Jalan Tjilik Riwut Kilometer 12, Gang Masjid Al-Ikhlas, samping warung Bu Yati, Dusun"
    " Sungai Pasir, dekat dermaga perahu nelayan, rumah panggung bercat biru nomor 12A blok C"
    " di ujung jalan dekat pasar lama"
)[:200]
SECTIONS = (
    "A. Identitas peserta",
    "B. Alamat dan kontak",
    "C. Pekerjaan dan penghasilan",
    "D. Program dan iuran",
    "E. Ahli waris",
    "F. Pernyataan persetujuan",
)


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt-get install poppler-utils zbar-tools)")
    return path


def run(*args) -> str:
    return subprocess.run(
        [tool(args[0]), *map(str, args[1:])], capture_output=True, text=True, check=True
    ).stdout


def words(text: str) -> str:
    """The text with every run of whitespace as one space (wrapping splits lines)."""
    return " ".join(text.split())


def page_count(pdf) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", pdf), re.MULTILINE).group(1))


@pytest.fixture
def context(qapp, configured_db):
    return lambda paper="A4": print_context(configured_db, paper=paper, today=TODAY)


def write_forms(path, registrations, context, paper="A4", **kwargs):
    return write_pdf(
        path,
        lambda device: paint_forms(device, registrations, context(paper), **kwargs),
        paper=paper,
    )


@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("F4", (609, 935))])
def test_three_forms_take_three_pages_of_the_chosen_paper(tmp_path, context, paper, size):
    pdf = tmp_path / "forms.pdf"
    people = [siti(id=new_id()), siti(id=new_id(), full_name="Rina"), siti(id=new_id())]

    assert write_forms(pdf, people, context, paper) == 3

    info = run("pdfinfo", pdf)
    assert page_count(pdf) == 3
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    assert (round(float(width)), round(float(height))) == size


def test_a_filled_form_shows_the_worker_the_contribution_and_the_places(tmp_path, context):
    worker = siti(monthly_income=3_250_000, program_jht=False, contribution_months=1)
    pdf = tmp_path / "form.pdf"
    write_forms(pdf, [worker], context)

    text = words(run("pdftotext", pdf, "-"))
    monthly = (
        default_table()
        .contribution(3_250_000, jht=False, months=1, funding_source="apbd", on=TODAY)
        .monthly
    )
    assert monthly != 16_800  # not the lowest bracket: the income must have been used
    assert worker.nik in text
    assert worker.full_name in text
    assert rupiah(monthly) in text
    assert "Natai Sedawak" in text  # the desa of 62.08.01.2001
    assert "KABUPATEN SUKAMARA" in text.upper()
    assert "Budi Santoso" in text  # the officer who signs
    assert "Sukamara, 23-11-2026" in text
    for heading in SECTIONS:
        assert heading in text


def test_the_qr_code_leads_back_to_the_registration(tmp_path, context):
    worker = siti(id=new_id())
    pdf = tmp_path / "form.pdf"
    write_forms(pdf, [worker], context)
    tool("zbarimg")

    run("pdftoppm", "-png", "-r", "150", "-singlefile", pdf, tmp_path / "page")
    decoded = run("zbarimg", "--raw", "-q", tmp_path / "page.png")

    assert f"JARING:{worker.id}:{worker.nik}" in decoded


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_a_long_name_and_address_wrap_on_one_page(tmp_path, context, paper):
    # RT/RW empty: pdftotext -layout would otherwise put them between the address's lines.
    worker = siti(full_name=LONG_NAME, address=LONG_ADDRESS, rt="", rw="")
    assert (len(worker.full_name), len(worker.address)) == (80, 200)
    pdf = tmp_path / "form.pdf"

    assert write_forms(pdf, [worker], context, paper) == 1

    assert page_count(pdf) == 1
    text = words(run("pdftotext", "-layout", pdf, "-"))
    assert LONG_NAME in text
    assert LONG_ADDRESS in text


def test_a_form_with_every_field_at_its_longest_stays_inside_the_page(tmp_path, context):
    worker = siti(
        full_name=("Muhammad Abdurrahman " * 5)[:100],
        birth_place=("Pangkalan Bun Kotawaringin " * 3)[:60],
        mother_name=("Siti Nurhaliza Rahmawati " * 4)[:100],
        address=(LONG_ADDRESS + " ") * 2,
        email="nama.yang.sangat.panjang.sekali." * 2 + "x" * 24 + "@contoh.co.id",
        occupation=("Pedagang sayur keliling dan buruh " * 3)[:80],
        funding_source="csr",
        csr_company=("PT Perkebunan Kelapa Sawit Nusantara " * 4)[:120],
        heir_name=("Ahmad Fauzi Kurniawan Saputra " * 4)[:100],
        contribution_months=12,
    )
    pdf = tmp_path / "form.pdf"

    assert write_forms(pdf, [worker], context) == 1

    bbox = run("pdftotext", "-bbox", pdf, "-")
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', bbox).groups()
    margin = MARGIN_MM / 25.4 * 72 - 1  # points, less a point for rounding
    boxes = [
        tuple(map(float, found))
        for found in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', bbox
        )
    ]
    assert len(boxes) > 200
    assert all(x0 >= margin and y0 >= margin for x0, y0, _, _ in boxes)
    assert all(x1 <= float(page[0]) - margin for _, _, x1, _ in boxes)
    assert all(y1 <= float(page[1]) - margin for _, _, _, y1 in boxes)
    text = words(run("pdftotext", pdf, "-"))
    assert "Petugas pendaftar" in text  # the signatures, at the very bottom, are there


def test_a_blank_form_has_the_sections_and_no_ones_data(tmp_path, context):
    pdf = tmp_path / "blank.pdf"

    assert write_forms(pdf, [None], context) == 1

    assert page_count(pdf) == 1
    text = words(run("pdftotext", pdf, "-"))
    for heading in SECTIONS:
        assert heading in text
    assert "FORMULIR PENDAFTARAN PESERTA BPJS KETENAGAKERJAAN" in text
    assert "tulisan tangan" in text  # says it is for handwriting
    assert not re.search(r"\d{6}", text.replace(" ", ""))  # no NIK, KK or id digits
    assert "Siti" not in text and "Budi Santoso" not in text


def test_forms_and_blanks_mix_one_page_each(tmp_path, context):
    worker = siti()
    pdf = tmp_path / "mixed.pdf"

    assert write_forms(pdf, [worker, None, worker], context) == 3

    pages = [words(run("pdftotext", "-f", n, "-l", n, pdf, "-")) for n in (1, 2, 3)]
    assert [worker.nik in page for page in pages] == [True, False, True]


def test_progress_is_reported_after_each_page(tmp_path, context):
    seen = []
    write_forms(tmp_path / "a.pdf", [siti(), None], context, progress=lambda *p: seen.append(p))
    assert seen == [(1, 2), (2, 2)]

    seen.clear()
    people = (siti() for _ in range(2))  # no length: the total is unknown unless given
    write_forms(tmp_path / "b.pdf", people, context, progress=lambda *p: seen.append(p))
    assert seen == [(1, 0), (2, 0)]


def test_cancelling_after_the_first_page_leaves_no_file(tmp_path, context):
    seen = []
    with pytest.raises(PrintCancelled):
        write_forms(
            tmp_path / "forms.pdf",
            [siti(), siti(), siti()],
            context,
            progress=lambda done, total: seen.append(done),
            cancelled=lambda: bool(seen),
        )
    assert seen == [1]
    assert not [path.name for path in tmp_path.iterdir() if "forms.pdf" in path.name]
