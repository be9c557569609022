"""The PySide6 user interface: windows, forms, table models and background workers.

Widgets call the domain (`models/`, `exchange/`, `excel/`, `httpsync/`) and `ui/printing/`, and
show what comes back; no SQL and no file handling here.
"""
