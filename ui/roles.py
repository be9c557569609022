"""What a ``staff`` account of the district database may not do in the window: enrol and
revoke devices, reject, manage accounts (`models.identity.require_supervisor` is the rule,
which the use cases check again). Those controls stay in view, disabled, and say why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from models.identity import IdentityError, require_supervisor


def supervisor_work_allowed(db: Database) -> bool:
    """False for a ``staff`` account of an encrypted database; True otherwise."""
    try:
        require_supervisor(db, "")
    except IdentityError:
        return False
    return True


def supervisors_only_text() -> str:
    return QCoreApplication.translate("Roles", "Hanya supervisor")


def limit_to_supervisors(db: Database, *controls: QWidget | QAction) -> None:
    """Disable ``controls`` for a staff account, with a tooltip that says why."""
    if supervisor_work_allowed(db):
        return
    for control in controls:
        control.setEnabled(False)
        control.setToolTip(supervisors_only_text())
