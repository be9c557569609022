"""What every printed page needs to know besides the registrations: the regency, the
programme, who prints and when, and where the region names come from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from models.contribution import ContributionTable, default_table
from models.regions import Regions, default_regions
from models.settings import load_settings


@dataclass(frozen=True)
class PrintContext:
    regency_code: str  # "62.08"
    regency_name: str  # "Kabupaten Sukamara" (as the regions file names it)
    officer: str  # who prints / countersigns
    today: date
    regions: Regions
    contributions: ContributionTable
    paper: str = "A4"  # "A4" or "F4"

    @property
    def programme(self) -> str:
        return QCoreApplication.translate(
            "Printing", "Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan (peserta BPU)"
        )

    @property
    def place(self) -> str:
        """The town for "<place>, <date>" above signatures: the regency without its prefix."""
        for prefix in ("Kabupaten ", "Kota ", "Kab. "):
            if self.regency_name.startswith(prefix):
                return self.regency_name[len(prefix) :]
        return self.regency_name


def print_context(
    db: Database,
    *,
    paper: str = "A4",
    today: date | None = None,
    regions: Regions | None = None,
) -> PrintContext:
    """The context for this installation, from its settings."""
    settings = load_settings(db)
    regions = regions or default_regions()
    return PrintContext(
        regency_code=settings.regency_code,
        regency_name=_title(regions.regency_name(settings.regency_code)) or settings.regency_code,
        officer=settings.officer_name,
        today=today or date.today(),
        regions=regions,
        contributions=default_table(),
        paper=paper,
    )


def _title(name: str) -> str:
    """ "KABUPATEN SUKAMARA" (as the regions file writes it) -> "Kabupaten Sukamara"."""
    return " ".join(word.capitalize() for word in name.split())
