"""Which Jaring this is: the version of the app, and of the database schema it writes.

`APP_VERSION` is the one place the version is written: pyproject.toml reads it for the
package, deploy/ for the bundle and the installer, `jaring --version` and Bantuan > Tentang
Jaring show it. The schema version is the number of migration steps this version applies
(`models.migrations.STEPS`), so it grows by one with every schema change.
"""

from __future__ import annotations

import platform

from models.migrations import STEPS

#: Read by setuptools without importing (pyproject.toml's dynamic version): keep it a plain
#: string literal.
APP_VERSION = "0.2.0"


def schema_version() -> int:
    """The database schema this version writes: its number of migration steps."""
    return len(STEPS)


def python_version() -> str:
    """The Python running the app, e.g. ``3.11.7``."""
    return platform.python_version()
