"""The sentences for the domain's codes live in `i18n.messages`; this name stays for the
widgets that import it."""

from i18n.messages import (  # noqa: F401
    conflict_kind,
    conflict_reason,
    explain,
    problem_text,
    receipt_text,
    rejection_text,
)
