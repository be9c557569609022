"""The PySide6 user interface: windows, forms, table models and background workers.

Widgets call functions of `models/` (and later `sync/`) and show what comes back; no SQL and
no file handling here.
"""
