"""What the user asked to print: the kind and how to read its registrations.

Pages that offer printing build a `PrintRequest` and hand it to the main window, which
opens the print dialog (`ui.print_dialog`); they need not know how anything is painted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from models.store import RegistrationStore

FORMS, BLANK, RECEIPTS, LIST = "forms", "blank", "receipts", "list"
#: The note for a deceased participant's heirs; next year's renewal list.
HEIR_NOTE, RENEWAL = "heir_note", "renewal"


@dataclass(frozen=True)
class PrintRequest:
    """``load`` reads the registrations from a connection; it is called on whichever
    thread paints, with that thread's own connection."""

    kind: str
    title: str
    load: Callable[[Database], list]
    count: int  # shown before anything is read
    file_name: str = "jaring.pdf"
    desa: str | None = None
    kecamatan: str | None = None
    #: RENEWAL: the `ui.printing.list_plan.ListVariant` of the registrations ``load`` gives.
    variant: object = None

    @property
    def landscape(self) -> bool:
        return self.kind in (LIST, RENEWAL)


def by_ids(kind: str, title: str, ids: list[str]) -> PrintRequest:
    """A request for the registrations with these ids (in this order)."""
    name = "formulir.pdf" if kind == FORMS else "tanda-terima.pdf"
    return PrintRequest(
        kind, title,
        lambda db: [r for r in map(RegistrationStore(db).get, ids) if r is not None],
        len(ids), name,
    )  # fmt: skip


def blank_form_request(title: str) -> PrintRequest:
    return PrintRequest(BLANK, title, lambda db: [None], 1, "formulir-kosong.pdf")
