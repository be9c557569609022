"""The worker's receipt slips, read back from the PDF: the words with poppler's pdftotext, the
QR codes with pdftoppm and zbarimg."""

import re
import subprocess

import pytest

from tests.ui.printed import (
    LONG_NAME,
    TODAY,
    cancel_after_one_page,
    flat,
    needs,
    needs_poppler,
    pages,
    people,
    text,
)
from ui.printing.context import print_context
from ui.printing.paper import write_pdf
from ui.printing.receipt_slips import paint_receipts


@pytest.fixture
def context(qapp, configured_db):
    return print_context(configured_db, today=TODAY)


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


@needs("pdftoppm", "zbarimg")
@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_each_slip_has_a_qr_code_that_leads_to_its_record(context, tmp_path, paper):
    two = people(2)
    two[1] = two[1].copy(full_name=LONG_NAME)  # a slip that needs more room still fits
    pdf = tmp_path / "tanda-terima.pdf"

    assert write_pdf(pdf, lambda device: paint_receipts(device, two, context), paper=paper) == 1

    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    decoded = subprocess.run(
        ["zbarimg", "--raw", "-q", str(tmp_path / "page.png")],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    # The id finds the record; the NIK the slip masks is not given away by its code.
    assert sorted(decoded) == [f"JARING:{reg.id}:" for reg in two]


def test_cancelling_raises_and_leaves_no_file(context, tmp_path):
    everyone = people(60)
    done, left = cancel_after_one_page(
        tmp_path, lambda device, **job: paint_receipts(device, everyone, context, **job)
    )
    assert done == [(1, done[0][1])] and done[0][1] > 1
    assert left == []


@needs_poppler
def test_a_slip_says_when_the_kpj_card_was_handed_over(context, tmp_path):
    handed, waiting = people(2)
    handed = handed.copy(status="registered", kpj_card_handed_on="2026-03-14")
    pdf = tmp_path / "tanda-terima.pdf"

    write_pdf(pdf, lambda device: paint_receipts(device, [handed, waiting], context))

    laid_out = text(pdf, None, "-layout")
    assert flat(laid_out).count("Kartu KPJ diserahkan") == 1  # only the slip of the card handed
    assert re.search(r"Kartu KPJ diserahkan\s*:\s*14-03-2026", laid_out)
    body = flat(text(pdf))
    assert body.index(handed.full_name) < body.index("14-03-2026") < body.index(waiting.full_name)
