"""The registration form widget: shows what the entry session (`models.entry`) says.

The widget builds the fields from the field table, passes every change to the session and
shows back the problems, the NIK's autofill, the contribution and the outcome of saving; the
rules themselves live in the session.
"""

from __future__ import annotations

import html
import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget
from sqlite_utils import Database

from models.autosave import Typing
from models.contribution import ContributionTable, default_table
from models.entry import (
    Blocked,
    ChangedElsewhere,
    EntrySession,
    NeedsConfirmation,
    NotWritten,
    Saved,
    SaveOutcome,
    csr_company_applies,
)
from models.entry_fields import FIELDS, TYPED_KINDS
from models.formatting import arg, parse_amount
from models.problems import Problem
from models.regions import Regions, default_regions
from models.registration import Registration, names_transport_job
from models.settings import Settings
from models.store import RegistrationStore
from ui import dialogs
from ui.i18n import labels, messages
from ui.i18n.formats import thousands
from ui.printing.request import FORMS, RECEIPTS, by_ids
from ui.registration_form.fields import FieldWidgets, links_by_keyboard
from ui.registration_form.form_autosave import FormAutosave
from ui.registration_form.places import PlacePickers
from ui.registration_form.sheet import FormSheet

KECAMATAN = "kecamatan"
ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"


class RegistrationForm(QWidget):
    """Create or edit one registration. Each field's widget is also an attribute named
    after the field (``form.nik``)."""

    saved = Signal(str, str)  # registration id, status
    open_requested = Signal(str)  # open the registration that already holds the NIK
    message = Signal(str)  # for the status bar
    print_requested = Signal(object)  # a PrintRequest

    def __init__(
        self,
        db: Database,
        store: RegistrationStore,
        settings: Settings,
        regions: Regions | None = None,
        table: ContributionTable | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.store = store
        self.settings = settings
        self.regions = regions or default_regions()
        self.table = table or default_table()
        self.session = EntrySession(store, settings, self.regions, self.table)
        self.last_saved_id = ""  # of the last registration this form saved
        self._loading = True  # no reactions while the widgets are being built
        self.fields = FieldWidgets(self, self._changed, self._left, self._link)
        self._build()
        self._blank_values: dict = {}  # what a new, untouched form holds
        self.autosave = FormAutosave(self, db, self._unsaved, self.message.emit)
        QShortcut(
            QKeySequence.StandardKey.Save,
            self,
            activated=lambda: self.save(),
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence("Ctrl+D"),
            self,
            activated=lambda: self.save(draft=True),
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.new_registration()

    # --- building ------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(objectName="form_title")
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.status_label = QLabel(objectName="form_status")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.status_label)

        self.sheet = FormSheet(self.fields, self)
        for name, widget in self.fields.widgets.items():
            setattr(self, name, widget)

        self.summary = QLabel(objectName="problem_summary")
        self.clear_button = QPushButton(self.tr("Kosongkan"), objectName="clear_button")
        self.draft_button = QPushButton(self.tr("Simpan draf (Ctrl+D)"), objectName="draft_button")
        self.save_button = QPushButton(self.tr("Simpan (Ctrl+S)"), objectName="save_button")
        self.save_button.setDefault(True)
        self.print_button = QPushButton(self.tr("Cetak"), objectName="form_print_button")
        print_menu = QMenu(self.print_button)
        print_menu.addAction(self.tr("Formulir pendaftaran…"), lambda: self.print_this(FORMS))
        print_menu.addAction(self.tr("Tanda terima untuk pekerja…"),
                             lambda: self.print_this(RECEIPTS))  # fmt: skip
        self.print_button.setMenu(print_menu)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.save_button)
        self.clear_button.clicked.connect(self.discard)
        self.draft_button.clicked.connect(lambda: self.save(draft=True))
        self.save_button.clicked.connect(lambda: self.save())

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.sheet.scroll, 1)
        layout.addLayout(buttons)

        fields = self.fields
        self.places = PlacePickers(fields["kecamatan"], fields["village_code"], self.regions)
        self.places.fill(self.settings.regency_code)
        fields["nik"].textChanged.connect(self._nik_changed)
        fields["kecamatan"].currentIndexChanged.connect(self._kecamatan_changed)
        fields["village_code"].currentIndexChanged.connect(self.places.village_chosen)
        fields["funding_source"].currentIndexChanged.connect(self._funding_changed)
        fields["occupation"].textChanged.connect(self._occupation_changed)
        fields["previous_participant"].toggled.connect(self._previous_changed)
        fields["monthly_income"].editingFinished.connect(self._format_income)
        order = [fields[spec.name] for spec in FIELDS] + [self.save_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # --- loading -------------------------------------------------------------------

    def new_registration(self) -> None:
        """Start a blank registration."""
        self.load(self.session.blank())

    def load(self, reg: Registration, raw: dict | None = None) -> None:
        """Show ``reg``; ``raw`` restores texts that did not parse (from an autosave)."""
        self._loading = True
        values = self.session.start(reg)
        for spec in FIELDS:
            self.fields.show(spec.name, values[spec.name])
            if spec.name == "kecamatan":  # the desa list follows the kecamatan
                self.places.fill_villages()
        raw = raw or {}
        for spec in FIELDS:
            if spec.kind in TYPED_KINDS and spec.name in raw:
                self.fields.show(spec.name, raw[spec.name])
        if raw.get(KECAMATAN) and raw[KECAMATAN] != values[KECAMATAN]:
            # A kecamatan chosen (or suggested from the NIK) before any desa: the
            # registration keeps only the desa, so the autosave keeps the kecamatan apart.
            self.fields.show(KECAMATAN, raw[KECAMATAN])
            self.places.fill_villages()
        # Still loading: the field the focus leaves was the last record's, not this one's,
        # so its problems are not shown on this record.
        self.fields["nik"].setFocus()
        self.sheet.show_widget(self.fields["nik"])
        self._loading = False
        self.title.setText(
            self.tr("Pendaftaran baru")
            if reg.version == 0
            else arg(self.tr("Ubah pendaftaran: %1"), reg.full_name or "—")
        )
        self.status_label.setText(labels.status_labels().get(reg.status, reg.status))
        self.sheet.kpj.setText(reg.kpj or "—")
        self._funding_changed()
        self._occupation_changed()
        self._previous_changed()
        self.session.mark_clean(self.fields.values())
        if reg.version == 0 and not raw:
            self._blank_values = self.fields.values()
        self._changed()

    def set_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.session.settings = settings
        self.places.fill(settings.regency_code)
        self._changed()

    # --- reading the widgets -------------------------------------------------------

    def registration(self) -> tuple[Registration, list[Problem]]:
        """What the widgets hold, and the problems of parsing it (dates, amounts)."""
        return self.session.read(self.fields.values())

    def problems(self) -> list[Problem]:
        """Every problem of what is typed now."""
        return self.session.problems_of(self.fields.values())

    def is_dirty(self) -> bool:
        return self.session.is_dirty(self.fields.values())

    # --- reacting ------------------------------------------------------------------

    def _changed(self) -> None:
        if self._loading:
            return
        values = self.fields.values()
        self.session.check(values)
        self._show_problems()
        self.sheet.show_contribution(self.session.contribution(values))
        self.autosave.schedule()  # typing deleted again empties the autosave too

    def _left(self, name: str) -> None:
        if self._loading:
            return
        self.session.leave(name)
        self._show_problems()
        self.autosave.store_now()

    def _show_problems(self) -> None:
        shown = self.session.shown(self.fields.values())
        for name, label in self.fields.problem_labels.items():
            found = shown.get(name, [])
            if not found:
                label.setVisible(False)
                label.clear()
                continue
            lines = []
            for problem in found:
                text = html.escape(messages.problem_text(problem))
                if problem.code == "nik.duplicate":
                    link = html.escape(self.tr("Buka data itu"))
                    text += f' <a href="open:{problem.params["id"]}">{link}</a>'
                lines.append(text)
            label.setText("<br>".join(lines))
            label.setStyleSheet(ERROR_STYLE if any(p.is_error for p in found) else WARNING_STYLE)
            label.setVisible(True)
            links_by_keyboard(label)
        n_errors, n_warnings = self.session.tally()
        self.summary.setText(
            arg(self.tr("%1 kesalahan, %2 peringatan"), n_errors, n_warnings)
            if n_errors or n_warnings
            else self.tr("Tidak ada masalah.")
        )

    def _link(self, link: str) -> None:
        if link.startswith("open:"):
            self.open_requested.emit(link[5:])

    def _nik_changed(self) -> None:
        if self._loading:
            return
        fill = self.session.autofill(self.fields.values())
        if fill is None:
            return
        if fill.birth_date is not None:
            self.fields.show("birth_date", fill.birth_date)
        if fill.sex is not None:
            self.fields.show("sex", fill.sex)
        if fill.kecamatan is not None:
            self.fields.show("kecamatan", fill.kecamatan)
            self.message.emit(self.tr("Kecamatan diisi dari NIK; periksa kembali."))

    def _kecamatan_changed(self) -> None:
        if self._loading:
            return
        self.places.kecamatan_chosen()
        self._changed()

    def _funding_changed(self) -> None:
        funding = self.fields["funding_source"].currentData()
        applies = csr_company_applies(funding)
        self.fields["csr_company"].setEnabled(applies)
        if not applies and not self._loading:
            self.fields["csr_company"].clear()
        self.sheet.show_segment(funding or "")

    def _occupation_changed(self) -> None:
        """An occupation that names a transport job ticks the transport box (and holds it
        ticked); any other leaves the box for the officer to ask."""
        box = self.fields["transport_worker"]
        named = names_transport_job(self.fields["occupation"].text())
        if named:
            box.setChecked(True)
        elif not box.isEnabled():  # the occupation ticked it: it no longer does
            box.setChecked(False)
        box.setEnabled(not named)
        box.setToolTip(self.tr("Dari pekerjaan yang diisi.") if named else "")

    def _previous_changed(self) -> None:
        """The old KPJ is asked only of a former participant."""
        former = self.fields["previous_participant"].isChecked()
        self.fields["previous_kpj"].setEnabled(former)
        if not former and not self._loading:
            self.fields["previous_kpj"].clear()

    def _format_income(self) -> None:
        income = self.fields["monthly_income"]
        try:
            amount = parse_amount(income.text())
        except ValueError:
            return
        if amount is not None:
            income.setText(thousands(amount))

    # --- saving --------------------------------------------------------------------

    def save(self, draft: bool = False) -> bool:
        """Save what is typed; True when it was stored."""
        values = self.fields.values()
        outcome: SaveOutcome = self.session.save(values, draft=draft)
        self._show_problems()
        while isinstance(outcome, NeedsConfirmation):
            if not dialogs.confirm(
                self,
                self.tr("Periksa peringatan"),
                self.tr("Ada hal yang perlu dipastikan sebelum menyimpan:"),
                self.tr("Ya, data sudah benar"),
                self.tr("Kembali memeriksa"),
                details="\n".join("• " + messages.problem_text(p) for p in outcome.warnings),
            ):
                self._focus(outcome.warnings[0].field)
                return False
            outcome = self.session.save(values, confirmed=outcome.warnings)
            self._show_problems()
        if isinstance(outcome, Blocked):
            self._focus(outcome.errors[0].field)
            self.message.emit(
                arg(
                    self.tr(
                        "Belum bisa disimpan: %1 kesalahan. Perbaiki, atau simpan sebagai draf."
                    ),
                    len(outcome.errors),
                )
            )
        elif isinstance(outcome, ChangedElsewhere):
            dialogs.inform(
                self,
                self.tr("Data sudah berubah"),
                self.tr(
                    "Pendaftaran ini sudah diubah di tempat lain sejak dibuka. Isian Anda tetap di "
                    "formulir; salin yang perlu, lalu buka ulang datanya dari daftar."
                ),
                error=True,
            )
        elif isinstance(outcome, NotWritten):
            dialogs.inform(
                self,
                self.tr("Gagal menyimpan"),
                self.tr(
                    "Data tidak bisa ditulis ke basis data. Isian Anda tetap di formulir. Periksa "
                    "ruang disk, lalu coba lagi."
                ),
                error=True,
                details=outcome.reason,
            )
        if not isinstance(outcome, Saved):
            return False  # NikTaken: the problem shown next to the NIK says which
        self.autosave.clear()
        self.last_saved_id = outcome.registration.id
        self.saved.emit(outcome.registration.id, outcome.registration.status)
        self.new_registration()
        return True

    def _focus(self, name: str) -> None:
        self.fields.widgets.get(name, self.fields["nik"]).setFocus()

    def discard(self) -> bool:
        """Throw away what is typed (after asking) and start blank; True if discarded."""
        if self.is_dirty() and not dialogs.confirm(
            self,
            self.tr("Buang isian?"),
            self.tr("Isian yang belum disimpan akan hilang."),
            self.tr("Buang"),
            self.tr("Batal"),
        ):
            return False
        self.autosave.clear()
        self.new_registration()
        return True

    def print_this(self, kind: str) -> None:
        """Print the registration as saved: unsaved typing is saved first (as with Ctrl+S),
        so the paper never shows what the database does not hold."""
        rid = self.registration_id()
        if self.is_dirty() or not rid:
            if not self.save():
                return
            rid = self.last_saved_id
            self.load(self.store.get(rid))  # a save empties the form: keep this one on screen
        title = self.tr("Formulir pendaftaran") if kind == FORMS else self.tr("Tanda terima")
        self.print_requested.emit(by_ids(kind, title, [rid]))

    def registration_id(self) -> str:
        """Id of the registration in the form ("" for a new one not yet saved)."""
        return self.session.registration_id

    # --- autosave ------------------------------------------------------------------

    def _unsaved(self) -> Typing | None:
        """What the autosave keeps: None when nothing is unsaved, or when a new form is
        back to empty (typing deleted again is not offered back at the next start)."""
        values = self.fields.values()
        if not self.registration_id() and values == self._blank_values:
            return None
        typed = self.session.unsaved(values)
        if typed is not None and values[KECAMATAN]:
            typed.texts[KECAMATAN] = str(values[KECAMATAN])
        return typed

    def autosave_now(self) -> None:
        self.autosave.store_now()

    def forget_typing(self) -> None:
        """Throw away unsaved typing without asking (the caller asked)."""
        self.autosave.clear()
        self.session.mark_clean(self.fields.values())

    def restore_autosave(self) -> bool:
        """Offer to bring back what was being typed when the app last stopped."""
        kept = self.autosave.offer_back()
        if kept is None:
            return False
        self.load(kept.registration, kept.texts)
        self.session.mark_clean({})  # what came back is not saved yet
        return True
