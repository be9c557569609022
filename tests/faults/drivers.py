"""Jobs the command line cannot be told to do as the fault tests need, run in a process of
their own (``python -m tests.faults.drivers JOB ARGS``) so they can be killed:

- ``bpjs DB OUT ROWS_PER_FILE DAY``: the BPJS export with ``--mark-submitted``, at most
  ROWS_PER_FILE rows a file (to kill it between two files), as if it were DAY;
- ``save DB COUNT``: the officer saves COUNT people one by one through the form's path
  (`models.store.RegistrationStore.save`), printing each id once it is stored; people held
  already are not saved again, so a second run finishes what a killed one began.
"""

from __future__ import annotations

import sys
from contextlib import closing
from datetime import date

from models.db import open_database
from models.store import RegistrationStore
from tests.factories import person


def bpjs(path: str, out: str, rows_per_file: str, day: str) -> None:
    from excel.bpjs_export import export_bpjs

    with closing(open_database(path)) as db:
        done = export_bpjs(
            db, out, mark_submitted=True, actor="staf", max_rows_per_file=int(rows_per_file),
            today=date.fromisoformat(day),
        )  # fmt: skip
    for path in done.paths:
        print(path)


def save(path: str, count: str) -> None:
    with closing(open_database(path)) as db:
        store = RegistrationStore(db)
        for serial in range(1, int(count) + 1):
            reg = person(serial, f"Pekerja {serial}", "62.08.01.2001", status="ready")
            if store.get(reg.id) is None:
                store.save(reg.copy(version=0), "budi")
            print(reg.id, flush=True)


if __name__ == "__main__":
    {"bpjs": bpjs, "save": save}[sys.argv[1]](*sys.argv[2:])
