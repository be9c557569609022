"""Excel in and out: the master list, BPJS's collective-upload files, village lists and
BPJS's KPJ results. Never imports Qt.
"""
