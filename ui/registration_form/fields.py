"""The form's field widgets, made from the field table (`models.entry_fields`).

`FieldWidgets` makes the widget of each `FieldSpec` (a line, a masked date line, a list, a
tick box) with a problem label under it, named after the field so tests and keyboard entry
find them, and reads and shows the values the entry session deals in. The keys of
heads-down entry (Enter moves on, type-ahead in the lists) are `keyboard`'s.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.entry_fields import FieldSpec, Kind
from ui.i18n import labels
from ui.registration_form.keyboard import EnterMovesOn, ListTypeAhead, SuggestionKeys

DATE_MASK = "99-99-9999;_"


class FieldWidgets(QObject):
    """The widget and problem label of every field, by field name.

    ``on_change`` runs when a value changes, ``on_leave(name)`` when the officer leaves a
    field (or changes a list or a tick box), ``on_link(href)`` when a link in a problem is
    clicked.
    """

    def __init__(
        self,
        parent: QWidget,
        on_change: Callable[[], None],
        on_leave: Callable[[str], None],
        on_link: Callable[[str], None],
    ):
        super().__init__(parent)
        self.widgets: dict[str, QWidget] = {}
        self.problem_labels: dict[str, QLabel] = {}
        self._on_change = on_change
        self._on_leave = on_leave
        self._on_link = on_link
        self._enter = EnterMovesOn(parent, self._left_widget)
        self._lists = ListTypeAhead(parent)

    def __getitem__(self, name: str) -> QWidget:
        return self.widgets[name]

    # --- making --------------------------------------------------------------------

    def hints(self) -> dict[str, str]:
        """Placeholder texts of lines, and the captions of tick boxes."""
        phone = "08xx-xxxx-xxxx"
        return {
            "nik": self.tr("16 angka, sesuai KTP"),
            "kk": self.tr("16 angka, dari Kartu Keluarga"),
            "address": self.tr("Jalan, nomor rumah, dusun"),
            "rt": "001",
            "rw": "001",
            "phone": phone,
            "email": self.tr("boleh kosong"),
            "monthly_income": "1.500.000",
            "program_jht": labels.field_labels()["program_jht"],
            "heir_phone": phone,
            "consent": self.tr("Pekerja menyetujui pemrosesan datanya"),
            "transport_worker": self.tr("Pekerja sektor transportasi (ojol, ojek, sopir, kurir)"),
            "working_now": self.tr("Saat ini bekerja (pernyataan pekerja)"),
            "previous_participant": self.tr("Sudah pernah jadi peserta BPJS Ketenagakerjaan"),
            "previous_kpj": self.tr("11 angka, dari kartu lama"),
        }

    @staticmethod
    def choices() -> dict[str, Mapping[object, str]]:
        """The fixed lists (the kecamatan and desa lists come from the region table)."""
        return {
            "sex": labels.sex_labels(),
            "marital_status": labels.marital_labels(),
            "target_group": labels.target_group_labels(),
            "funding_source": labels.funding_labels(),
            "contribution_months": labels.period_labels(),
            "heir_relation": labels.heir_relation_labels(),
        }

    def make(self, specs: list[FieldSpec]) -> None:
        """Make the widgets of ``specs``."""
        hints, choices = self.hints(), self.choices()
        for spec in specs:
            hint = hints.get(spec.name, "")
            if spec.kind is Kind.CHOICE:
                widget = self._combo(spec, choices.get(spec.name, {}))
            elif spec.kind is Kind.FLAG:
                widget = QCheckBox(hint, objectName=spec.name)
            else:
                widget = self._line(spec, hint)
            self._register(spec.name, widget)

    def _line(self, spec: FieldSpec, placeholder: str) -> QLineEdit:
        edit = QLineEdit(objectName=spec.name)
        if spec.max_length:
            edit.setMaxLength(spec.max_length)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        if spec.allowed:
            edit.setValidator(QRegularExpressionValidator(spec.allowed, edit))
        if spec.kind is Kind.DATE:
            edit.setInputMask(DATE_MASK)
        if spec.suggestions:
            completer = QCompleter(list(spec.suggestions), edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
            SuggestionKeys(edit, completer)
        return edit

    def _combo(self, spec: FieldSpec, items: Mapping[object, str]) -> QComboBox:
        combo = QComboBox(objectName=spec.name)
        if spec.blank:
            combo.addItem("", "")
        for value, text in items.items():
            combo.addItem(text, value)
        combo.setMinimumContentsLength(12)
        self._lists.watch(combo)
        return combo

    def _register(self, name: str, widget: QWidget) -> None:
        self.widgets[name] = widget
        problem = ProblemLabel(objectName=f"{name}_problem")
        problem.setWordWrap(True)
        problem.setVisible(False)
        problem.setTextFormat(Qt.TextFormat.RichText)
        problem.setProperty("problem", True)  # the app's style marks its focus
        links_by_keyboard(problem)
        problem.linkActivated.connect(self._on_link)
        self.problem_labels[name] = problem
        widget.installEventFilter(self._enter)
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self._on_change)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._on_change)
            widget.currentIndexChanged.connect(lambda _i, n=name: self._on_leave(n))
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self._on_change)
            widget.toggled.connect(lambda _c, n=name: self._on_leave(n))

    def with_problem(self, name: str) -> QWidget:
        """The field's widget with its problem label under it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.widgets[name])
        layout.addWidget(self.problem_labels[name])
        return box

    def _left_widget(self, widget: QObject) -> None:
        for name, field_widget in self.widgets.items():
            if field_widget is widget:
                self._on_leave(name)
                return

    # --- values --------------------------------------------------------------------

    def values(self) -> dict[str, object]:
        """What every field holds: a line's text, a list's chosen value, a box's tick."""
        values: dict[str, object] = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, QLineEdit):
                values[name] = widget.text()
            elif isinstance(widget, QComboBox):
                values[name] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                values[name] = widget.isChecked()
        return values

    def show(self, name: str, value: object) -> None:
        """Show ``value`` in field ``name`` (a value not in a list chooses its first entry)."""
        widget = self.widgets[name]
        if isinstance(widget, QLineEdit):
            widget.setText(str(value))
        elif isinstance(widget, QComboBox):
            select(widget, value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))


class ProblemLabel(QLabel):
    """The problems under a field. When Tab has reached its link, Enter or Space opens it
    (QLabel itself opens a link only once Tab has moved onto the link inside it)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        found = _LINK.search(self.text())
        if found and event.key() in _OPENS_LINK:
            self.linkActivated.emit(html.unescape(found.group(1)))
            return
        super().keyPressEvent(event)


_LINK = re.compile(r'<a href="([^"]*)"')
_OPENS_LINK = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


def links_by_keyboard(label: QLabel) -> None:
    """Let Tab reach a problem label that holds a link (Enter or Space opens it); other
    problem labels are no stop for Tab."""
    linked = "<a " in label.text()
    flags = Qt.TextInteractionFlag.LinksAccessibleByMouse
    if linked:
        flags |= Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    label.setTextInteractionFlags(flags)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus if linked else Qt.FocusPolicy.NoFocus)


def select(combo: QComboBox, value: object) -> None:
    """Choose the entry of ``combo`` holding ``value``, or its first entry."""
    combo.setCurrentIndex(max(combo.findData(value), 0))
