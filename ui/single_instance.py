"""One window per database: a second start on the same database is refused and brings the
first window forward.

There is one autosave slot per database, so two windows on one database would overwrite
each other's unsaved typing. The first start holds a lock file beside the database
(``<db>.lock``; a lock left by a killed process is taken over) and listens on a local socket
named after the database's path; a second start finds the lock held, sends "show" on that
socket and stops. The command-line sub-commands take no lock: they write in their own
transactions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

SHOW = b"show"
WAIT_MS = 1000


def lock_path(db_path: Path) -> Path:
    """The lock file of the database at ``db_path``."""
    path = Path(db_path)
    return path.with_name(path.name + ".lock")


def server_name(db_path: Path) -> str:
    """The local socket the first window listens on: one name per database file."""
    digest = hashlib.sha256(str(Path(db_path).resolve()).encode()).hexdigest()[:16]
    return f"jaring-{digest}"


class SingleInstance(QObject):
    """The lock and the "show" listener of one database.

    ``acquire()`` is False when another running copy of the app holds the database; then
    ``ask_first_to_show()`` asks that copy to bring its window forward. After a successful
    ``acquire()``, ``listen(on_show)`` calls ``on_show`` whenever a later start asks."""

    def __init__(self, db_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self._lock = QLockFile(str(lock_path(self.db_path)))
        # Only a dead holder makes the lock stale, never its age: a copy may run for days.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        self._on_show: Callable[[], None] = lambda: None

    def acquire(self) -> bool:
        """Take the database; False only when another running copy holds it. A lock that
        cannot be made at all (read-only folder) does not stop the app: opening the
        database says what is wrong, if anything."""
        if self._lock.tryLock(0):
            return True
        return self._lock.error() != QLockFile.LockError.LockFailedError

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def listen(self, on_show: Callable[[], None]) -> None:
        """Call ``on_show`` when a second start on this database asks for the window."""
        self._on_show = on_show
        name = server_name(self.db_path)
        QLocalServer.removeServer(name)  # left by a killed copy; we hold the lock now
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._connected)
        self._server.listen(name)

    def _connected(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).strip() == SHOW:
            self._on_show()

    def ask_first_to_show(self) -> bool:
        """Ask the copy holding the database to bring its window forward; False when it
        does not answer."""
        socket = QLocalSocket()
        socket.connectToServer(server_name(self.db_path))
        if not socket.waitForConnected(WAIT_MS):
            return False
        socket.write(SHOW)
        sent = socket.waitForBytesWritten(WAIT_MS)
        socket.disconnectFromServer()
        return sent
