"""What the domain's codes mean, in the user's language: one module to import them from
(`ui.i18n.messages`), one entry point per kind of code, the texts kept by kind in the modules
beside it.

- `problem_text`: a check's problem (`models.problems`, codes of `models.validation` and of
  the Excel import), context "Problems";
- `conflict_kind`, `conflict_reason`: why the merge set a registration aside
  (`models.conflicts`, `models.duplicates`);
- `rejection_text`: why a batch or a sync request was refused; `receipt_text`: why a
  receipt or status update could not be used (context "Errors");
- `explain`: an exception (the domain's, the operating system's) as a sentence with what to do;
- `sync_failure_text`, `export_error_text`, `import_error_text`, `kpj_conflict_text`: why a
  sync, an Excel export, an Excel import or a row of BPJS's KPJ list did not go through.

The translation contexts are the ones these texts had where they were first written, so
jaring_en.ts keeps their English. The names for codes (statuses, target groups…) are not
messages: they are in `models.vocabulary`, translated by `ui.i18n.labels`.
"""

from ui.i18n.messages.errors import explain
from ui.i18n.messages.jobs import (
    export_error_text,
    import_error_text,
    kpj_conflict_text,
    sync_failure_text,
)
from ui.i18n.messages.problem_texts import conflict_kind, conflict_reason, problem_text
from ui.i18n.messages.refusals import receipt_text, rejection_text

__all__ = [
    "conflict_kind",
    "conflict_reason",
    "explain",
    "export_error_text",
    "import_error_text",
    "kpj_conflict_text",
    "problem_text",
    "receipt_text",
    "rejection_text",
    "sync_failure_text",
]
