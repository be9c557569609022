"""The village list (daftar nominatif), read back from the PDF with poppler's command-line
tools."""

import re

import pytest

from models.contribution import default_table
from models.formatting import rupiah
from models.nominatif import registrations_for_list
from models.store import RegistrationStore
from tests.ui.printed import (
    LONG_NAME,
    NATAI,
    TODAY,
    cancel_after_one_page,
    flat,
    needs_poppler,
    pages,
    people,
    text,
)
from ui.printing.context import print_context
from ui.printing.lists import paint_village_list
from ui.printing.paper import PrintCancelled, write_pdf


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


# --- cancelling -------------------------------------------------------------------------


def test_cancelling_raises_and_leaves_no_file(context, tmp_path):
    everyone = people(60)
    done, left = cancel_after_one_page(
        tmp_path,
        lambda device, **job: paint_village_list(device, everyone, context, desa=NATAI, **job),
        landscape=True,
    )
    assert done == [(1, done[0][1])] and done[0][1] > 1
    assert left == []


def test_cancelling_before_the_first_page(context, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PrintCancelled):
        write_pdf(
            out / "batal.pdf",
            lambda device: paint_village_list(device, people(2), context, cancelled=lambda: True),
        )
    assert list(out.iterdir()) == []
