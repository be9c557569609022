"""``jaring --version``: the app's version, the database schema it writes, Qt and Python.

Qt is reached through `ui.about_dialog` (the command line never imports Qt itself), and
only when ``--version`` is asked for, so other sub-commands do not pay for loading it.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

from models.version import APP_VERSION, python_version, schema_version


def version_text() -> str:
    """What ``--version`` prints: one fact a line."""
    try:
        from ui.about_dialog import qt_versions

        qt, pyside = qt_versions()
        qt_line = f"Qt {qt} (PySide6 {pyside})"
    except ImportError as exc:  # Qt's own libraries missing: still say the rest
        qt_line = f"Qt: not available ({exc})"
    return "\n".join(
        (
            f"Jaring {APP_VERSION}",
            f"database schema {schema_version()}",
            qt_line,
            f"Python {python_version()}",
        )
    )


_HELP = "show the versions of Jaring, its database schema, Qt and Python"


class VersionAction(argparse.Action):
    """``--version``: print `version_text` and exit 0, like argparse's own version action,
    but computed when asked for."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=_HELP)

    def __call__(self, parser, namespace, values, option_string=None) -> NoReturn:
        print(version_text())  # to stdout, as argparse's own --version
        parser.exit()
