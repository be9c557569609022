"""Excel use cases: the master list and BPJS's collective upload files out; a village's list
of workers and BPJS's KPJ numbers in. The command line and the GUI's Excel dialogs call these;
the work itself is `excel/`'s.

The exports, reading and writing a village's list and the KPJ import are `excel/`'s own
functions, already plain use cases: they are offered here under their names (`__all__`) so
that callers have one place to go. A village's list comes in two steps, so that the user sees
what would happen first: `read_list` (a plan; nothing written), then `write_list`; the
command line does both at once with `import_village_list` (or only the first, ``dry_run``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from excel.export import export_bpjs, export_master
from excel.kpj_import import import_kpj
from excel.list_import import ImportPlan, ImportResult, read_list, write_list

__all__ = [
    "VillageListImport",
    "export_bpjs",
    "export_master",
    "import_kpj",
    "import_village_list",
    "read_list",
    "write_list",
]


@dataclass(frozen=True)
class VillageListImport:
    """A village's list read (``plan``) and, unless it was a dry run, written."""

    plan: ImportPlan
    written: ImportResult | None


def import_village_list(
    db: Database,
    path: Path | str,
    actor: str,
    *,
    sheet: str | None = None,
    dry_run: bool = False,
) -> VillageListImport:
    """Read a village's list and, unless ``dry_run``, write what it holds."""
    plan = read_list(db, path, sheet=sheet)
    return VillageListImport(plan, None if dry_run else write_list(db, plan, actor))
