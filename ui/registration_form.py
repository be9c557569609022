"""The registration form: sections, keyboard-first entry, problems shown as you type.

Typing a valid NIK fills the birth date and sex and suggests the kecamatan; the income shows
its bracket and contribution live. "Simpan draf" always saves; "Simpan" needs no errors and
confirmed warnings. What is typed is autosaved (apart from the registrations) so a crash
loses at most the field being typed.
"""

from __future__ import annotations

import html
import itertools
import sqlite3

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from models import autosave
from models.contribution import ContributionTable, default_table
from models.formatting import parse_amount, parse_tanggal, rupiah, tanggal, thousands
from models.identity import is_officer_device
from models.nik import NikError, parse_nik
from models.problems import Problem, error, errors, warnings
from models.regions import Regions, default_regions
from models.registration import Registration
from models.settings import Settings
from models.store import DuplicateNik, NotReady, RegistrationStore, StaleRegistration
from models.validation import (
    ValidationContext,
    readiness,
    status_after_edit,
    validate,
    with_warnings_confirmed,
)
from printing.request import FORMS, RECEIPTS, by_ids
from ui import dialogs, labels
from ui.region_combos import fill_choices, villages_for

OCCUPATIONS = (
    "Petani", "Petani karet", "Petani sawit", "Pekebun", "Nelayan", "Peternak",
    "Pedagang", "Pedagang keliling", "Penjahit", "Tukang kayu", "Tukang batu", "Ojek",
    "Buruh harian lepas", "Atlet", "Pelatih olahraga", "Guru honorer", "Tenaga kesehatan honorer",
    "Pegawai non-ASN", "Sopir", "Penganyam", "Pengrajin",
)  # fmt: skip

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"
# Fields whose problem is only shown once the officer has left the field (or tried to save),
# so a half-typed NIK is not scolded at every keystroke.
SHOWN_WHEN_LEFT = {"required", "nik.length", "kk.length", "birth_date.format"}


class _EnterMovesOn(QObject):
    """Enter in a field moves to the next one, as Tab does; an empty date field starts typing
    at its first digit wherever it was clicked; leaving a field tells ``on_leave`` (a masked
    date field that is half typed never sends editingFinished)."""

    def __init__(self, parent: QObject, on_leave):
        super().__init__(parent)
        self._on_leave = on_leave

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            watched.focusNextChild()
            return True
        if (
            event.type() in (QEvent.Type.FocusIn, QEvent.Type.KeyPress)
            and isinstance(watched, QLineEdit)
            and watched.inputMask()
            and not watched.text().strip("-")
        ):
            watched.setCursorPosition(0)
        if event.type() == QEvent.Type.FocusOut:
            self._on_leave(watched)
        return False


class RegistrationForm(QWidget):
    """Create or edit one registration."""

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
        self._base = Registration()
        self.last_saved_id = ""  # of the last registration this form saved
        self._clean_state: dict = {}
        self._touched: set[str] = set()
        self._loading = True  # no reactions while the widgets are being built
        self._problems: list[Problem] = []
        self._fields: dict[str, QWidget] = {}
        self._problem_labels: dict[str, QLabel] = {}
        self._enter = _EnterMovesOn(self, self._left_widget)
        self._autofilled: dict[str, object] = {}
        self._build()
        self._autosave_timer = QTimer(self, singleShot=True, interval=1000)
        self._autosave_timer.timeout.connect(self.autosave_now)
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
        names = labels.field_labels()
        self.title = QLabel(objectName="form_title")
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.status_label = QLabel(objectName="form_status")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.status_label)

        # Identity
        self.nik = self._line("nik", 20, self.tr("16 angka, sesuai KTP"), r"[0-9 .\-]*")
        self.kk = self._line("kk", 20, self.tr("16 angka, dari Kartu Keluarga"), r"[0-9 .\-]*")
        self.full_name = self._line("full_name", 100)
        self.birth_place = self._line("birth_place", 60)
        self.birth_date = self._line("birth_date")
        self.birth_date.setInputMask("99-99-9999;_")
        self.sex = self._combo("sex", labels.sex_labels())
        self.marital_status = self._combo("marital_status", labels.marital_labels())
        self.mother_name = self._line("mother_name", 100)
        identity = self._section(
            self.tr("Identitas"),
            [
                "nik",
                "kk",
                "full_name",
                "birth_place",
                "birth_date",
                "sex",
                "marital_status",
                "mother_name",
            ],
        )

        # Address
        self.address = self._line("address", 200, self.tr("Jalan, nomor rumah, dusun"))
        self.rt = self._line("rt", 3, "001", r"[0-9]*")
        self.rw = self._line("rw", 3, "001", r"[0-9]*")
        self.kecamatan = self._combo("kecamatan", {})
        self.village_code = self._combo("village_code", {})
        self.postal_code = self._line("postal_code", 5, "", r"[0-9]*")
        self.phone = self._line("phone", 20, "08xx-xxxx-xxxx", r"[0-9 +\-]*")
        self.email = self._line("email", 100, self.tr("boleh kosong"))
        rt_rw = QWidget()
        rt_rw_layout = QHBoxLayout(rt_rw)
        rt_rw_layout.setContentsMargins(0, 0, 0, 0)
        rt_rw_layout.addWidget(self._with_problem("rt"))
        rt_rw_layout.addWidget(QLabel(names["rw"]))
        rt_rw_layout.addWidget(self._with_problem("rw"))
        address = self._section(
            self.tr("Alamat"),
            [
                "address",
                ("rt", self.tr("RT / RW"), rt_rw),
                "kecamatan",
                "village_code",
                "postal_code",
                "phone",
                "email",
            ],
        )

        # Work and income
        self.occupation = self._line("occupation", 80)
        completer = QCompleter(list(OCCUPATIONS), self.occupation)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.occupation.setCompleter(completer)
        self.target_group = self._combo("target_group", labels.target_group_labels())
        self.monthly_income = self._line("monthly_income", 15, "1.500.000", r"[0-9 .Rp]*")
        self.income_bracket = QLabel(objectName="income_bracket")
        self.income_bracket.setStyleSheet("color: #555;")
        work = self._section(
            self.tr("Pekerjaan dan penghasilan"), ["occupation", "target_group", "monthly_income"]
        )
        work.layout().addRow("", self.income_bracket)

        # Programs and contribution
        self.jkk = QCheckBox(
            self.tr("JKK (Jaminan Kecelakaan Kerja)"),
            checked=True,
            enabled=False,
            objectName="program_jkk",
        )
        self.jkm = QCheckBox(
            self.tr("JKM (Jaminan Kematian)"), checked=True, enabled=False, objectName="program_jkm"
        )
        self.program_jht = QCheckBox(names["program_jht"], objectName="program_jht")
        self._register("program_jht", self.program_jht)
        self.funding_source = self._combo("funding_source", labels.funding_labels(), blank=False)
        self.csr_company = self._line("csr_company", 120)
        self.contribution_months = self._combo(
            "contribution_months", labels.period_labels(), blank=False
        )
        self.contribution_summary = QLabel(objectName="contribution_summary")
        self.contribution_summary.setStyleSheet("font-weight: bold;")
        programs = self._section(
            self.tr("Program dan iuran"),
            [
                ("program_jkk", self.tr("Program"), self.jkk),
                ("program_jkm", "", self.jkm),
                ("program_jht", "", self._with_problem("program_jht")),
                "funding_source",
                "csr_company",
                "contribution_months",
            ],
        )
        programs.layout().addRow(self.tr("Iuran"), self.contribution_summary)

        # Heir
        self.heir_name = self._line("heir_name", 100)
        self.heir_relation = self._combo("heir_relation", labels.heir_relation_labels())
        self.heir_phone = self._line("heir_phone", 20, "08xx-xxxx-xxxx", r"[0-9 +\-]*")
        heir = self._section(self.tr("Ahli waris"), ["heir_name", "heir_relation", "heir_phone"])

        # Consent
        self.consent = QCheckBox(
            self.tr("Pekerja menyetujui pemrosesan datanya"), objectName="consent"
        )
        consent_note = QLabel(
            self.tr(
                "Data dipakai hanya untuk pendaftaran dan kepesertaan BPJS Ketenagakerjaan, "
                "sesuai UU 27/2022 tentang Pelindungan Data Pribadi. Bacakan ini kepada pekerja."
            )
        )
        consent_note.setWordWrap(True)
        consent_note.setStyleSheet("color: #555;")
        self._register("consent", self.consent)
        self.kpj = QLabel(objectName="kpj")
        consent = self._section(
            self.tr("Persetujuan"),
            [
                ("consent", "", self._with_problem("consent")),
                ("note", "", consent_note),
                ("kpj", names["kpj"], self.kpj),
            ],
        )

        columns = QHBoxLayout()
        for sections in ((identity, address), (work, programs, heir, consent)):
            column = QVBoxLayout()
            for section in sections:
                column.addWidget(section)
            column.addStretch(1)
            columns.addLayout(column, 1)
        inner = QWidget()
        inner.setLayout(columns)
        scroll = QScrollArea(objectName="form_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)

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
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self._fill_kecamatan()
        self.nik.textChanged.connect(self._nik_changed)
        self.kecamatan.currentIndexChanged.connect(self._kecamatan_changed)
        self.village_code.currentIndexChanged.connect(self._village_changed)
        self.funding_source.currentIndexChanged.connect(self._funding_changed)
        self.monthly_income.editingFinished.connect(self._format_income)
        order = [
            self.nik,
            self.kk,
            self.full_name,
            self.birth_place,
            self.birth_date,
            self.sex,
            self.marital_status,
            self.mother_name,
            self.address,
            self.rt,
            self.rw,
            self.kecamatan,
            self.village_code,
            self.postal_code,
            self.phone,
            self.email,
            self.occupation,
            self.target_group,
            self.monthly_income,
            self.program_jht,
            self.funding_source,
            self.csr_company,
            self.contribution_months,
            self.heir_name,
            self.heir_relation,
            self.heir_phone,
            self.consent,
            self.save_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _register(self, name: str, widget: QWidget) -> None:
        self._fields[name] = widget
        problem = QLabel(objectName=f"{name}_problem")
        problem.setWordWrap(True)
        problem.setVisible(False)
        problem.setTextFormat(Qt.TextFormat.RichText)
        problem.linkActivated.connect(self._link)
        self._problem_labels[name] = problem
        widget.installEventFilter(self._enter)
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self._changed)
            widget.editingFinished.connect(lambda n=name: self._left(n))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._changed)
            widget.currentIndexChanged.connect(lambda _i, n=name: self._left(n))
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self._changed)
            widget.toggled.connect(lambda _c, n=name: self._left(n))

    def _line(
        self, name: str, max_length: int = 0, placeholder: str = "", allowed: str = ""
    ) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        if max_length:
            edit.setMaxLength(max_length)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        if allowed:
            edit.setValidator(QRegularExpressionValidator(allowed, edit))
        self._register(name, edit)
        return edit

    def _combo(self, name: str, items: dict, blank: bool = True) -> QComboBox:
        combo = QComboBox(objectName=name)
        if blank:
            combo.addItem("", "")
        for value, text in items.items():
            combo.addItem(text, value)
        combo.setMinimumContentsLength(12)
        self._register(name, combo)
        return combo

    def _with_problem(self, name: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._fields[name])
        layout.addWidget(self._problem_labels[name])
        return box

    def _section(self, title: str, rows: list) -> QGroupBox:
        names = labels.field_labels()
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for row in rows:
            if isinstance(row, tuple):
                _name, text, widget = row
                form.addRow(text, widget)
            else:
                form.addRow(names[row], self._with_problem(row))
        return group

    # --- loading -------------------------------------------------------------------

    def new_registration(self) -> None:
        """Start a blank registration."""
        self.load(
            Registration(created_by=self.settings.officer_name, device_id=self.settings.device_id)
        )

    def load(self, reg: Registration, raw: dict | None = None) -> None:
        """Show ``reg``; ``raw`` restores texts that did not parse (from an autosave)."""
        self._loading = True
        self._base = reg
        self._touched = set()
        self._autofilled = {}
        self.nik.setText(reg.nik)
        self.kk.setText(reg.kk)
        self.full_name.setText(reg.full_name)
        self.birth_place.setText(reg.birth_place)
        self.birth_date.setText(tanggal(reg.birth_date))
        self._select(self.sex, reg.sex)
        self._select(self.marital_status, reg.marital_status)
        self.mother_name.setText(reg.mother_name)
        self.address.setText(reg.address)
        self.rt.setText(reg.rt)
        self.rw.setText(reg.rw)
        self._select(self.kecamatan, reg.kecamatan_code)
        self._fill_villages()
        self._select(self.village_code, reg.village_code)
        self.postal_code.setText(reg.postal_code)
        self.phone.setText(reg.phone)
        self.email.setText(reg.email)
        self.occupation.setText(reg.occupation)
        self._select(self.target_group, reg.target_group)
        self.monthly_income.setText(
            thousands(reg.monthly_income) if reg.monthly_income is not None else ""
        )
        self.program_jht.setChecked(reg.program_jht)
        self._select(self.funding_source, reg.funding_source)
        self.csr_company.setText(reg.csr_company)
        self._select(self.contribution_months, reg.contribution_months)
        self.heir_name.setText(reg.heir_name)
        self._select(self.heir_relation, reg.heir_relation)
        self.heir_phone.setText(reg.heir_phone)
        self.consent.setChecked(reg.consent)
        for name, text in (raw or {}).items():
            if name in ("birth_date", "monthly_income"):
                self._fields[name].setText(text)
        self._loading = False
        self.title.setText(
            self.tr("Pendaftaran baru")
            if reg.version == 0
            else self.tr("Ubah pendaftaran: %1").replace("%1", reg.full_name or "—")
        )
        self.status_label.setText(labels.status_labels().get(reg.status, reg.status))
        self.kpj.setText(reg.kpj or "—")
        self._funding_changed()
        self._clean_state = self._state_fields()
        self._changed()
        self.nik.setFocus()

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def _fill_kecamatan(self) -> None:
        self.kecamatan.blockSignals(True)
        fill_choices(self.kecamatan, "", self.regions.kecamatan_of(self.settings.regency_code))
        self.kecamatan.blockSignals(False)
        self._fill_villages()

    def _fill_villages(self) -> None:
        current = self.village_code.currentData()
        code = self.kecamatan.currentData()
        villages = villages_for(self.regions, self.settings.regency_code, code)
        self.village_code.blockSignals(True)
        self.village_code.clear()
        self.village_code.addItem("", "")
        for village in villages:
            kecamatan = self.regions.kecamatan_name(village.parent)
            where = f" ({kecamatan})" if kecamatan and not code else ""
            text = village.name + where
            self.village_code.addItem(text, village.code)
        self._select(self.village_code, current)
        self.village_code.blockSignals(False)

    def set_settings(self, settings: Settings) -> None:
        self.settings = settings
        self._fill_kecamatan()
        self._changed()

    # --- reading the widgets -------------------------------------------------------

    def registration(self) -> tuple[Registration, list[Problem]]:
        """What the widgets hold, and the problems of parsing it (dates, amounts)."""
        parse_problems = []
        try:
            birth = parse_tanggal(self.birth_date.text())
        except ValueError:
            birth = None
            parse_problems.append(error("birth_date.format", "birth_date"))
        try:
            income = parse_amount(self.monthly_income.text())
        except ValueError:
            income = None
            parse_problems.append(error("income.format", "monthly_income"))
        reg = self._base.copy(
            nik=self.nik.text().strip(),
            kk=self.kk.text().strip(),
            full_name=self.full_name.text(),
            birth_place=self.birth_place.text(),
            birth_date=birth,
            sex=self.sex.currentData(),
            marital_status=self.marital_status.currentData(),
            mother_name=self.mother_name.text(),
            address=self.address.text(),
            rt=self.rt.text(),
            rw=self.rw.text(),
            village_code=self.village_code.currentData() or "",
            postal_code=self.postal_code.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            occupation=self.occupation.text().strip(),
            target_group=self.target_group.currentData(),
            monthly_income=income,
            program_jht=self.program_jht.isChecked(),
            funding_source=self.funding_source.currentData(),
            csr_company=self.csr_company.text().strip(),
            contribution_months=self.contribution_months.currentData(),
            heir_name=self.heir_name.text().strip(),
            heir_relation=self.heir_relation.currentData(),
            heir_phone=self.heir_phone.text(),
            consent=self.consent.isChecked(),
        )
        return reg, parse_problems

    def _context(self) -> ValidationContext:
        return ValidationContext(
            regency_code=self.settings.regency_code,
            age_min=self.settings.age_min,
            age_max=self.settings.age_max,
            regions=self.regions,
            nik_holders=self.store.nik_holders,
        )

    def problems(self) -> list[Problem]:
        """Every problem of what is typed now."""
        reg, parse_problems = self.registration()
        context = self._context()
        parsed_fields = {p.field for p in parse_problems}
        found = [
            p
            for p in validate(reg, context)
            if not (p.field in parsed_fields and p.code == "required")
        ]
        return parse_problems + found

    def _state_fields(self) -> dict:
        state = {}
        for name, widget in self._fields.items():
            if isinstance(widget, QLineEdit):
                state[name] = widget.text()
            elif isinstance(widget, QComboBox):
                state[name] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                state[name] = widget.isChecked()
        return state

    def is_dirty(self) -> bool:
        return self._state_fields() != self._clean_state

    # --- reacting ------------------------------------------------------------------

    def _changed(self) -> None:
        if self._loading:
            return
        self._problems = self.problems()
        self._show_problems()
        self._update_contribution()
        if self.is_dirty():
            self._autosave_timer.start()

    def _left_widget(self, widget: QObject) -> None:
        for name, field_widget in self._fields.items():
            if field_widget is widget:
                self._left(name)
                return

    def _left(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        self._show_problems()
        if self.is_dirty():
            self.autosave_now()

    def _show_problems(self) -> None:
        by_field: dict[str, list[Problem]] = {}
        for problem in self._problems:
            value = self._state_fields().get(problem.field)
            hidden = problem.field not in self._touched and (
                problem.code in SHOWN_WHEN_LEFT or value in ("", None, False)
            )
            if not hidden:
                by_field.setdefault(problem.field, []).append(problem)
        for name, label in self._problem_labels.items():
            found = by_field.get(name, [])
            if not found:
                label.setVisible(False)
                label.clear()
                continue
            lines = []
            for problem in found:
                text = html.escape(labels.problem_text(problem))
                if problem.code == "nik.duplicate":
                    link = html.escape(self.tr("Buka data itu"))
                    text += f' <a href="open:{problem.params["id"]}">{link}</a>'
                lines.append(text)
            label.setText("<br>".join(lines))
            label.setStyleSheet(ERROR_STYLE if any(p.is_error for p in found) else WARNING_STYLE)
            label.setVisible(True)
        n_errors, n_warnings = len(errors(self._problems)), len(warnings(self._problems))
        self.summary.setText(
            self.tr("%1 kesalahan, %2 peringatan")
            .replace("%1", str(n_errors))
            .replace("%2", str(n_warnings))
            if n_errors or n_warnings
            else self.tr("Tidak ada masalah.")
        )

    def _link(self, link: str) -> None:
        if link.startswith("open:"):
            self.open_requested.emit(link[5:])

    def _nik_changed(self) -> None:
        if self._loading:
            return
        try:
            info = parse_nik(self.nik.text())
        except NikError:
            return
        # Fill what is empty, and refresh what an earlier (mistyped) NIK filled in and
        # nobody has changed since.
        filled = self._autofilled
        date_text = self.birth_date.text()
        if not date_text.replace("-", "").strip() or date_text == filled.get("birth_date"):
            self.birth_date.setText(tanggal(info.birth_date))
            filled["birth_date"] = self.birth_date.text()
        if not self.sex.currentData() or self.sex.currentData() == filled.get("sex"):
            self._select(self.sex, info.sex)
            filled["sex"] = info.sex
        kecamatan = self.kecamatan.currentData()
        if (not kecamatan or kecamatan == filled.get("kecamatan")) and (
            self.kecamatan.findData(info.kecamatan_code) > 0
        ):
            if kecamatan != info.kecamatan_code:
                self._select(self.kecamatan, info.kecamatan_code)
                self.message.emit(self.tr("Kecamatan diisi dari NIK; periksa kembali."))
            filled["kecamatan"] = info.kecamatan_code

    def _kecamatan_changed(self) -> None:
        if self._loading:
            return
        village = self.village_code.currentData() or ""
        self._fill_villages()
        if village and not village.startswith(self.kecamatan.currentData() or "-"):
            self._select(self.village_code, "")
        self._changed()

    def _village_changed(self) -> None:
        code = self.village_code.currentData() or ""
        if code and not self.kecamatan.currentData():
            self.kecamatan.blockSignals(True)
            self._select(self.kecamatan, code[:8])
            self.kecamatan.blockSignals(False)
            self._fill_villages()

    def _funding_changed(self) -> None:
        is_csr = self.funding_source.currentData() == "csr"
        self.csr_company.setEnabled(is_csr)
        if not is_csr and not self._loading:
            self.csr_company.clear()

    def _format_income(self) -> None:
        try:
            amount = parse_amount(self.monthly_income.text())
        except ValueError:
            return
        if amount is not None:
            self.monthly_income.setText(thousands(amount))

    def _update_contribution(self) -> None:
        try:
            income = parse_amount(self.monthly_income.text())
        except ValueError:
            income = None
        if income is None:
            self.income_bracket.setText(self.tr("Isi penghasilan untuk melihat iuran."))
            self.contribution_summary.setText("—")
            return
        months = self.contribution_months.currentData() or 1
        contribution = self.table.contribution(
            income,
            jht=self.program_jht.isChecked(),
            months=months,
            funding_source=self.funding_source.currentData(),
        )
        self.income_bracket.setText(
            self.tr("Upah dasar iuran: %1").replace("%1", rupiah(contribution.base_income))
        )
        parts = [f"JKK {rupiah(contribution.jkk)}", f"JKM {rupiah(contribution.jkm)}"]
        if contribution.jht:
            parts.append(f"JHT {rupiah(contribution.jht)}")
        text = (
            " + ".join(parts)
            + " = "
            + self.tr("%1 per bulan").replace("%1", rupiah(contribution.monthly))
        )
        if months > 1:
            text += "\n" + self.tr("Dibayar per %1 bulan: %2").replace("%1", str(months)).replace(
                "%2", rupiah(contribution.per_period)
            )
        self.contribution_summary.setText(text)

    # --- saving --------------------------------------------------------------------

    def save(self, draft: bool = False) -> bool:
        """Save what is typed; True when it was stored."""
        reg, parse_problems = self.registration()
        context = self._context()
        officer_device = is_officer_device(self.db)
        if draft:
            reg = reg.copy(
                status=status_after_edit(reg.status, draft=True, officer_device=officer_device)
            )
        else:
            self._touched = set(self._fields)
            self._problems = self.problems()
            self._show_problems()
            check = readiness(reg, context)
            blocking = parse_problems + check.errors
            if blocking:
                self._fields.get(blocking[0].field, self.nik).setFocus()
                self.message.emit(
                    self.tr(
                        "Belum bisa disimpan: %1 kesalahan. Perbaiki, atau simpan sebagai draf."
                    ).replace("%1", str(len(blocking)))
                )
                return False
            if check.unconfirmed and not dialogs.confirm(
                self,
                self.tr("Periksa peringatan"),
                self.tr("Ada hal yang perlu dipastikan sebelum menyimpan:"),
                self.tr("Ya, data sudah benar"),
                self.tr("Kembali memeriksa"),
                details="\n".join("• " + labels.problem_text(p) for p in check.unconfirmed),
            ):
                self._fields.get(check.unconfirmed[0].field, self.nik).setFocus()
                return False
            reg = with_warnings_confirmed(reg, context).copy(
                status=status_after_edit(reg.status, draft=False, officer_device=officer_device)
            )
        try:
            stored = self.store.save(
                reg, actor=self.settings.officer_name, context=None if draft else context
            )
        except NotReady:  # the checks above passed a moment ago: only a race gets here
            self._changed()
            return False
        except DuplicateNik as exc:
            self._problems = [
                error("nik.duplicate", "nik", id=h.id, name=h.full_name) for h in exc.holders
            ]
            self._touched.add("nik")
            self._show_problems()
            return False
        except StaleRegistration:
            dialogs.inform(
                self,
                self.tr("Data sudah berubah"),
                self.tr(
                    "Pendaftaran ini sudah diubah di tempat lain sejak dibuka. Isian Anda tetap di "
                    "formulir; salin yang perlu, lalu buka ulang datanya dari daftar."
                ),
                error=True,
            )
            return False
        except sqlite3.Error as exc:
            dialogs.inform(
                self,
                self.tr("Gagal menyimpan"),
                self.tr(
                    "Data tidak bisa ditulis ke basis data. Isian Anda tetap di formulir. Periksa "
                    "ruang disk, lalu coba lagi."
                ),
                error=True,
                details=str(exc),
            )
            return False
        self._clear_autosave()
        self.last_saved_id = stored.id
        self.saved.emit(stored.id, stored.status)
        self.new_registration()
        return True

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
        self._clear_autosave()
        self.new_registration()
        return True

    # --- autosave ------------------------------------------------------------------

    def autosave_now(self) -> None:
        self._autosave_timer.stop()
        if not self.is_dirty():
            return
        reg, _ = self.registration()
        raw = {"birth_date": self.birth_date.text(), "monthly_income": self.monthly_income.text()}
        try:
            autosave.store(self.db, {"registration": reg.to_row(), "raw": raw})
        except sqlite3.Error:
            self.message.emit(self.tr("Simpan otomatis gagal: periksa ruang disk."))

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
        return self._base.id if self._base.version else ""

    def forget_typing(self) -> None:
        """Throw away unsaved typing without asking (the caller asked)."""
        self._clear_autosave()
        self._clean_state = self._state_fields()

    def _clear_autosave(self) -> None:
        self._autosave_timer.stop()
        try:
            autosave.clear(self.db)
        except sqlite3.Error:
            self.message.emit(self.tr("Simpan otomatis gagal: periksa ruang disk."))

    def restore_autosave(self) -> bool:
        """Offer to bring back what was being typed when the app last stopped."""
        saved = autosave.load(self.db)
        if not saved:
            return False
        reg = Registration.from_row(saved["registration"])
        name = reg.full_name or reg.nik or self.tr("(tanpa nama)")
        if not dialogs.confirm(
            self,
            self.tr("Pulihkan isian?"),
            self.tr(
                "Ada isian formulir yang belum disimpan dari sesi sebelumnya: %1. Pulihkan?"
            ).replace("%1", name),
            self.tr("Pulihkan"),
            self.tr("Buang"),
        ):
            self._clear_autosave()
            return False
        self.load(reg, saved.get("raw"))
        self._clean_state = {}
        return True
