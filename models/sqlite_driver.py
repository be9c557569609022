"""The SQLite driver of every connection Jaring opens: sqlcipher3, SQLite with SQLCipher
built in. A database without a key is a plain SQLite file; with ``PRAGMA key`` every page,
the write-ahead log included, is encrypted (AES-256 with an HMAC per page).

One driver for everything, never the standard library's ``sqlite3`` beside it: two copies
of SQLite in one process do not see each other's POSIX locks on the same file, and closing
one's file handle drops the other's locks. Its errors are its own classes, so code catches
``sqlite.Error``, ``sqlite.IntegrityError``… from here, not from ``sqlite3``.
"""

from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite

__all__ = ["sqlite"]
