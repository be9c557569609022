"""What the list and receipt tests share: registrations to print, and reading the PDF back
the way a reader sees it, with poppler's command-line tools (a test needing a missing tool
is skipped and says which)."""

import re
import shutil
import subprocess
from datetime import date

import pytest

from tests.factories import siti
from ui.printing.paper import PrintCancelled, write_pdf

NATAI = "62.08.01.2001"  # Desa Natai Sedawak, Kecamatan Sukamara
TODAY = date(2026, 11, 23)
LONG_NAME = "Raden Mas Muhammad Abdurrahman Wahyudi Kusumaningrat Hadiningrat Prawiro Santoso"
OCCUPATIONS = ["Petani sawit", "Nelayan tangkap", "Buruh harian lepas", "Pedagang kecil"]


def needs(*tools: str) -> pytest.MarkDecorator:
    """Skip the test when one of these command-line tools is not installed."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    return pytest.mark.skipif(
        bool(missing),
        reason=f"{', '.join(missing)} not installed (apt-get install poppler-utils zbar-tools)",
    )


needs_poppler = needs("pdftotext", "pdfinfo")


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


def flat(value: str) -> str:
    return " ".join(value.split())


def cancel_after_one_page(tmp_path, paint, **pdf_options) -> tuple[list, list]:
    """Write a PDF with ``paint(device, progress=…, cancelled=…)``, cancelled as soon as its
    first page is painted; returns the progress reported and the files left behind."""
    done = []
    out = tmp_path / "out"
    out.mkdir()

    def cancelled() -> bool:
        return bool(done)

    with pytest.raises(PrintCancelled):
        write_pdf(
            out / "batal.pdf",
            lambda device: paint(device, progress=lambda *p: done.append(p), cancelled=cancelled),
            **pdf_options,
        )
    return done, list(out.iterdir())
