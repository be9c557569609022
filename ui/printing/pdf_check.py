"""Reading a written PDF back to know it is whole: Qt's PDF writer (`QPdfWriter`) does not
report a write that failed (a full disk), so a print checks its file before putting it in
place (`ui.printing.paper.write_pdf`).

Whole, as Qt writes a PDF, means: it begins ``%PDF-`` and ends ``%%EOF``; ``startxref``
points at a cross-reference table whose every object starts where the table says (bytes lost
in the middle move them); and the page tree of the catalogue counts the pages painted. Qt
writes a classic cross-reference table and no object streams; anything else is a problem.
No Qt here: the file is only read.
"""

from __future__ import annotations

import mmap
import os
import re
from pathlib import Path

_TAIL = 1024  # startxref, its offset and %%EOF are in the last bytes
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSECTION = re.compile(rb"\s*(\d+)[ \t]+(\d+)[ \t]*\r?\n")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)")
_TRAILER = re.compile(rb"\s*trailer\s*<<(.*?)>>\s*startxref", re.DOTALL)
_OBJECT = re.compile(rb"(\d+) (\d+) obj\b")


class _Broken(Exception):
    """What is wrong, in words for the user."""


def pdf_problem(path: Path | str, pages: int) -> str | None:
    """What is wrong with the PDF at ``path``, which should have ``pages`` pages, in
    Indonesian words; None when it is whole."""
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size == 0:
            return "file kosong"
        with mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
            try:
                _check(data, size, pages)
            except _Broken as problem:
                return str(problem)
    return None


def _check(data: mmap.mmap, size: int, pages: int) -> None:
    if data[:5] != b"%PDF-":
        raise _Broken("awal file bukan PDF")
    tail = data[max(0, size - _TAIL) :]
    found = _STARTXREF.search(tail)
    if found is None:
        raise _Broken("akhir file (%%EOF) tidak ada")
    offsets, trailer = _cross_references(data, int(found[1]))
    for number, offset in offsets.items():
        at = _OBJECT.match(data, offset)
        if at is None or int(at[1]) != number:
            raise _Broken(f"objek {number} tidak ada di tempatnya")
    catalog = _dictionary(data, offsets, _reference(trailer, b"Root"))
    tree = _dictionary(data, offsets, _reference(catalog, b"Pages"))
    count = re.search(rb"/Count\s+(\d+)", tree)
    if count is None or int(count[1]) != pages:
        counted = "tidak tercatat" if count is None else count[1].decode()
        raise _Broken(f"jumlah halaman {counted}, seharusnya {pages}")


def _cross_references(data: mmap.mmap, start: int) -> tuple[dict[int, int], bytes]:
    """The offset of each object in use, and the trailer's dictionary."""
    if data[start : start + 4] != b"xref":
        raise _Broken("tabel objek (xref) tidak ada di tempatnya")
    position = start + 4
    offsets: dict[int, int] = {}
    while section := _SUBSECTION.match(data, position):
        first, count = int(section[1]), int(section[2])
        position = section.end()
        for number in range(first, first + count):
            entry = _ENTRY.match(data, position)
            if entry is None:
                raise _Broken("tabel objek (xref) rusak")
            if entry[3] == b"n":
                offsets[number] = int(entry[1])
            position = entry.end()
    trailer = _TRAILER.match(data, position)
    if not offsets or trailer is None:
        raise _Broken("tabel objek (xref) rusak")
    return offsets, trailer[1]


def _reference(dictionary: bytes, key: bytes) -> int:
    found = re.search(rb"/" + key + rb"\s+(\d+)\s+\d+\s+R", dictionary)
    if found is None:
        raise _Broken(f"/{key.decode()} tidak ada")
    return int(found[1])


def _dictionary(data: mmap.mmap, offsets: dict[int, int], number: int) -> bytes:
    """The text of object ``number``, up to its ``endobj``."""
    if number not in offsets:
        raise _Broken(f"objek {number} tidak ada")
    start = offsets[number]
    end = data.find(b"endobj", start)
    if end < 0:
        raise _Broken(f"objek {number} terpotong")
    return data[start:end]
