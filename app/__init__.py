"""Use cases: each is one function taking plain arguments; the command line (cli/) and ui/
call them and none orchestrates on its own.

Layers: app/ may import models/, exchange/, excel/ and httpsync/; it never imports ui/ or Qt.
Printing paints with Qt, so its jobs are `ui.printing.print_jobs`, which the print dialog and
the ``print-*`` sub-commands both call. Results are plain dataclasses; problems that
do not stop a use case come back as values (the command line prints them, the GUI shows
them). The one step the sync endpoint shares with the import, merging a verified batch, is
`exchange.incoming.merge_verified`, which both call: the endpoint does not import app/,
since app/ imports the HTTP client (`app.officer.sync_with_district`) and the layers must
not go round in a circle.

- `app.officer`: set-up, export to a folder (receipt and status updates read first), a lost
  batch written again, a receipt or an updates file read, sync with the district.
- `app.district`: set-up, enrolling and revoking officer devices, writing updates files,
  rejecting registrations.
- `app.hand_over`: the document a set-up hands over, written again when the first write
  failed.
- `app.batch_import`: importing batches, with receipts and updates files beside them.
- `app.excel_jobs`: the master list and BPJS files out; a village's list and KPJs in.
"""
