"""The workbook file before any library reads it: what kind of file it is, its package parts,
and what calamine does not give (error cells, the number of rows before loading).

The file is recognised by its content, not its name: an old binary ``.xls`` and a
password-protected ``.xlsx`` are both OLE2 containers (the second holds an
``EncryptedPackage`` stream), a CSV or any other text is not a ZIP at all, and an ``.ods`` is
a ZIP without a workbook. Each case gets an `ExcelImportError` with a stable ``code`` and a
message that says what to do. `excel.reader` opens the file only after these checks.
"""

from __future__ import annotations

import contextlib
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from openpyxl.utils import column_index_from_string

from models.formatting import thousands

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The most of an OLE2 file searched for the name of an encrypted package.
_OLE2_SCAN_BYTES = 64 * 1024 * 1024


class ExcelImportError(Exception):
    """A file that cannot be imported; ``code`` is stable (``not_xlsx``, ``old_xls``,
    ``encrypted``, ``empty``, ``no_sheet``, ``no_header``, ``too_many_rows``,
    ``too_large``, ``unreadable``), the message says what to do."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class ImportCancelled(Exception):
    """The user stopped the import; nothing was written."""


@dataclass(frozen=True)
class SizeLimits:
    """How large a workbook the import reads. A ZIP's parts can be packed a thousandfold
    (3.8 MB of repeated text unpacked to 2 GB and took 2.6 GB of memory), so the size that
    counts is the unpacked one, checked before anything is loaded.

    ``unpacked_bytes``: the parts together, as the ZIP declares them. The largest list the
    import takes (200,000 rows of 27 columns) unpacks to about 290 MB with every text in
    the sheet, 240 MB with a shared-strings table (bench/bench_excel_import.py).
    ``cell_chars``: one cell's text; the longest field (an address) has 200 characters."""

    unpacked_bytes: int = 512 * 1024 * 1024
    cell_chars: int = 2_000


#: What the import reads unless told otherwise.
SIZE_LIMITS = SizeLimits()


def check_unpacked_size(archive: zipfile.ZipFile, path: Path, limit: int) -> None:
    """`ExcelImportError` ``too_large`` when the workbook's parts unpack to more than
    ``limit`` bytes. Python's zipfile reads no more of a part than its declared size (and
    checks the CRC), so a part that lies about its size is caught as damaged when read."""
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > limit:
        raise ExcelImportError(
            "too_large",
            f"{path.name} berisi {thousands(unpacked)} byte setelah dibuka, lebih dari"
            f" {thousands(limit)} byte yang bisa diimpor: berkas ini terlalu besar atau"
            " rusak. Bagi daftarnya menjadi beberapa berkas, lalu impor satu per satu.",
        )


def cell_too_long(sheet: str, row: int, limit: int) -> ExcelImportError:
    return ExcelImportError(
        "too_large",
        f"Lembar {sheet!r} baris {row}: sebuah sel berisi lebih dari {thousands(limit)}"
        " karakter, jauh lebih panjang dari isian mana pun. Periksa sel itu (teks yang"
        " tertempel berkali-kali?), perbaiki, lalu impor lagi.",
    )


def check_signature(path: Path) -> None:
    """Raise ExcelImportError for a file that is not an xlsx by its first bytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise ExcelImportError("unreadable", f"{path.name}: the file does not exist.") from None
    except OSError as exc:
        raise ExcelImportError(
            "unreadable", f"{path.name}: cannot read the file ({exc.strerror or exc})."
        ) from None
    if not head:
        raise ExcelImportError("empty", f"{path.name} is empty (0 bytes). Copy it again.")
    if head == OLE2_MAGIC:
        if _ole2_encrypted(path):
            raise ExcelImportError(
                "encrypted",
                f"{path.name} is protected with a password. Open it in Excel or LibreOffice,"
                " remove the password (File > Info > Protect Workbook, or Save As without a"
                " password) and import that copy.",
            )
        raise ExcelImportError(
            "old_xls",
            f"{path.name} is an old Excel 97-2003 file (.xls). Open it in Excel or"
            " LibreOffice and save it as an Excel workbook (.xlsx), then import that file.",
        )
    if not head.startswith(b"PK"):
        raise ExcelImportError(
            "not_xlsx",
            f"{path.name} is not an Excel workbook (.xlsx). If it is a CSV or text file,"
            " open it in Excel or LibreOffice and save it as .xlsx.",
        )


def _ole2_encrypted(path: Path) -> bool:
    """Whether an OLE2 container holds an encrypted OOXML package: its directory names the
    stream ``EncryptedPackage`` (directory names are UTF-16LE)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(_OLE2_SCAN_BYTES)
    except OSError:
        return False
    return "EncryptedPackage".encode("utf-16-le") in data


def check_package(archive: zipfile.ZipFile, path: Path) -> None:
    names = set(archive.namelist())
    if "xl/workbook.xml" in names or any(n.endswith("/workbook.xml") for n in names):
        return
    if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
        raise ExcelImportError(
            "not_xlsx",
            f"{path.name} is an OpenDocument file (.ods). Open it in LibreOffice and save it"
            " as an Excel workbook (.xlsx).",
        )
    raise ExcelImportError(
        "not_xlsx",
        f"{path.name} is a ZIP file but not an Excel workbook (.xlsx). Save the list from"
        " Excel or LibreOffice as .xlsx.",
    )


def unreadable(path: Path, exc: Exception) -> ExcelImportError:
    return ExcelImportError(
        "unreadable",
        f"{path.name} cannot be read as an Excel workbook ({type(exc).__name__}: {exc})."
        " Open it in Excel or LibreOffice and save it again as .xlsx.",
    )


def damaged(path: Path) -> ExcelImportError:
    return ExcelImportError(
        "unreadable",
        f"{path.name} is damaged or incomplete (was the copy interrupted?). Copy it"
        " again or save it again from Excel.",
    )


def too_many_rows(sheet: str, max_rows: int) -> ExcelImportError:
    return ExcelImportError(
        "too_many_rows",
        f"The sheet {sheet!r} has more than {max_rows:,} rows. Split it into files of at"
        f" most {max_rows:,} rows and import them one by one.",
    )


# --- the package: where each sheet's XML is, the date system --------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship id -> target member of ``part`` (``xl/workbook.xml``)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    try:
        root = ElementTree.fromstring(archive.read(rels))
    except KeyError:
        return {}
    targets = {}
    for element in root:
        target = element.get("Target", "")
        if element.get("TargetMode") == "External" or not target:
            continue
        if target.startswith("/"):
            member = target.lstrip("/")
        else:
            member = posixpath.normpath(posixpath.join(folder, target))
        targets[element.get("Id", "")] = member
    return targets


def package_parts(archive: zipfile.ZipFile) -> tuple[dict[str, str], bool]:
    """(sheet name -> its XML member, whether dates count from 1904)."""
    workbook = "xl/workbook.xml"
    with contextlib.suppress(KeyError):
        for element in ElementTree.fromstring(archive.read("_rels/.rels")):
            if element.get("Type", "").endswith("/officeDocument"):
                workbook = element.get("Target", workbook).lstrip("/")
    root = ElementTree.fromstring(archive.read(workbook))
    targets = _relations(archive, workbook)
    members: dict[str, str] = {}
    date1904 = False
    for element in root.iter():
        tag = _local(element.tag)
        if tag == "workbookPr":
            date1904 = element.get("date1904", "").lower() in ("1", "true")
        elif tag == "sheet":
            rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            if rid in targets:
                members[element.get("name", "")] = targets[rid]
    return members, date1904


# --- what calamine does not give: error cells; the size before loading ----------------------

#: Bytes of a sheet's XML scanned at a time.
_CHUNK = 1 << 20
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_ERROR_CELL = re.compile(
    rb"""<(?:\w+:)?c\s([^>]*?)\bt=["']e["']([^>/]*)>(.*?)</(?:\w+:)?c>""", re.DOTALL
)
_REFERENCE = re.compile(rb"""\br=["']([A-Z]+)([0-9]+)["']""")
#: A value with content: ``<v>`` (numbers, shared strings, errors, formula results) or the
#: ``<t>`` of an inline string. An empty cell that only carries a style or a border
#: (``<c r="A25" s="1"/>``) has neither.
_HAS_VALUE = re.compile(rb"<(?:\w+:)?[vt](?:\s[^>]*)?>[^<]")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</")


class SheetTooBig(Exception):
    """A sheet holds more rows than the import takes."""


def scan_sheet_xml(archive: zipfile.ZipFile, member: str, limit: int) -> dict[int, list]:
    """One pass over a sheet's XML, without parsing it: the error cells (``#N/A``) by row,
    as {row: [(column, text)]}. Raises `SheetTooBig` as soon as more than ``limit`` rows hold
    a value (a row of empty cells with only a border or a fill, as templates have far below
    their data, is not counted). An error cell without its reference (``r``, optional in
    the format and written by no spreadsheet program) stays empty."""
    errors: dict[int, list] = {}
    rows = 0
    tail = b""
    with archive.open(member) as source:
        while True:
            chunk = source.read(_CHUNK)
            data = tail + chunk
            cut = len(data)
            if chunk:  # keep the unfinished last row for the next chunk
                last = data.rfind(b"row>")
                cut = last + 4 if last >= 0 else 0
            part, tail = data[:cut], data[cut:]
            start = 0
            for end in _ROW_END.finditer(part):
                if _HAS_VALUE.search(part, start, end.start()):
                    rows += 1
                start = end.end()
            if rows > limit:
                raise SheetTooBig()
            if b't="e"' in part or b"t='e'" in part:
                for match in _ERROR_CELL.finditer(part):
                    reference = _REFERENCE.search(match.group(1) + b" " + match.group(2))
                    value = _VALUE.search(match.group(3))
                    if reference and value:
                        column = column_index_from_string(reference.group(1).decode())
                        text = value.group(1).decode("utf-8", "replace")
                        errors.setdefault(int(reference.group(2)), []).append((column, text))
            if not chunk:
                return errors
