"""What went wrong, in the user's language: kept so that ``from ui.errors import explain``
goes on working. The texts now live in `ui.messages`, with the other sentences for the
domain's codes."""

from __future__ import annotations

from i18n.messages import explain, receipt_text, rejection_text

__all__ = ["explain", "receipt_text", "rejection_text"]
