"""Printing: registration forms, blank forms, village lists and receipt slips, painted with
QPainter onto a PDF writer or a printer (see `ui.printing.paper`)."""
