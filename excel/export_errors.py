"""The errors of the Excel exports, shared by `excel.export` and its parts.

A leaf module (no other sync import) so that the template loader and the writers can raise
them without importing the export entry points.
"""

from __future__ import annotations


class ExcelExportError(Exception):
    """An export that cannot be made: ``code`` is stable (``folder_missing``,
    ``not_a_folder``, ``nothing_to_export``, ``bad_filter``, ``template_invalid``,
    ``write_failed``, ``mark_failed``), ``message`` a short English sentence."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"ExcelExportError({self.code!r}, {self.message!r})"


class ExportCancelled(Exception):
    """The user cancelled the export: no file was left behind and nothing was marked."""
