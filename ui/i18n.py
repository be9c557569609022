"""Loading the app's translation: the translators live in `printing.translators` (Qt core
only, so that the command line's print jobs load them without widgets); the GUI takes them
from there through this module."""

from __future__ import annotations

from printing.translators import LANGUAGES, install_translators

__all__ = ["LANGUAGES", "install_translators"]
