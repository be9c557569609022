"""The form's sections, laid out from the field table: identity and address on the left;
work, programmes, heir and consent on the right; all in one scroll area.

Each field gets a row with its label (a tick box carries its own caption; RW sits beside RT),
plus the rows that are not fields: the income's bracket, the fixed programmes JKK and JKM,
the contribution, the consent note and the KPJ number.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.contribution import Contribution
from models.entry_fields import FieldSpec, Kind, Section, fields_in
from models.formatting import arg
from models.segments import default_segment_codes
from ui.i18n import labels
from ui.i18n.formats import rupiah
from ui.registration_form.fields import FieldWidgets

translate = QCoreApplication.translate

#: Room kept around a field scrolled into view (pixels): its label and problem stay visible.
FOCUS_MARGIN = 40

COLUMNS = (
    (Section.IDENTITY, Section.ADDRESS),
    (Section.WORK, Section.PROGRAMS, Section.HEIR, Section.CONSENT),
)


def section_titles() -> dict[Section, str]:
    return {
        Section.IDENTITY: translate("FormSheet", "Identitas"),
        Section.ADDRESS: translate("FormSheet", "Alamat"),
        Section.WORK: translate("FormSheet", "Pekerjaan dan penghasilan"),
        Section.PROGRAMS: translate("FormSheet", "Program dan iuran"),
        Section.HEIR: translate("FormSheet", "Ahli waris"),
        Section.CONSENT: translate("FormSheet", "Pernyataan dan persetujuan"),
    }


class FormSheet(QObject):
    """Makes the field widgets section by section and lays them out; keeps the labels the
    form fills in (income bracket, contribution, KPJ). Whichever field gets the focus, by
    key, click or code, is scrolled into view."""

    def __init__(self, fields: FieldWidgets, parent: QObject):
        super().__init__(parent)
        self.fields = fields
        self.income_bracket = QLabel(objectName="income_bracket")
        self.income_bracket.setStyleSheet("color: #555;")
        self.contribution_summary = QLabel(objectName="contribution_summary")
        self.contribution_summary.setStyleSheet("font-weight: bold;")
        # Wrapped, so a long line (JKK + JKM + JHT, per period) never widens its column and
        # squeezes the identity column on a small screen.
        self.contribution_summary.setWordWrap(True)
        self.kpj = QLabel(objectName="kpj")
        # BPJS's segment code for who pays: the mapping is not confirmed by the branch yet.
        self.segment = QLabel(objectName="segment_code")
        self.segment.setWordWrap(True)
        self.segment.setStyleSheet("color: #555;")
        boxes = {}
        for section in Section:
            specs = fields_in(section)
            fields.make(specs)
            boxes[section] = self._box(section, specs)
        columns = QHBoxLayout()
        for sections in COLUMNS:
            column = QVBoxLayout()
            for section in sections:
                column.addWidget(boxes[section])
            column.addStretch(1)
            columns.addLayout(column, 1)
        inner = QWidget()
        inner.setLayout(columns)
        self.scroll = QScrollArea(objectName="form_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(inner)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            self.show_widget(new)

    def show_widget(self, widget: QWidget) -> None:
        """Scroll ``widget`` into view with some room around it, if it is on the sheet: the
        field being typed in is never out of sight."""
        inner = self.scroll.widget()
        if inner.isAncestorOf(widget):
            # The whole widget with its margin, not just a line's text cursor (which is all
            # ensureWidgetVisible looks at for a line edit).
            centre = widget.mapTo(inner, widget.rect().center())
            self.scroll.ensureVisible(
                centre.x(), centre.y(), 0, widget.height() // 2 + FOCUS_MARGIN
            )

    def _box(self, section: Section, specs: list[FieldSpec]) -> QGroupBox:
        group = QGroupBox(section_titles()[section])
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        before, after = self._extra_rows(section)
        for text, widget in before + self._field_rows(specs) + after:
            form.addRow(text, widget)
        return group

    def _field_rows(self, specs: list[FieldSpec]) -> list[tuple[str, QWidget]]:
        names = labels.field_labels()
        rows: list[tuple[str, QWidget]] = []
        for spec, following in itertools.zip_longest(specs, specs[1:]):
            if spec.beside:
                continue  # in the row of the field before it
            if following is not None and following.beside:
                pair = QWidget()
                layout = QHBoxLayout(pair)
                layout.setContentsMargins(0, 0, 0, 0)
                layout.addWidget(self.fields.with_problem(spec.name))
                layout.addWidget(QLabel(names[following.name]))
                layout.addWidget(self.fields.with_problem(following.name))
                rows.append((f"{names[spec.name]} / {names[following.name]}", pair))
            else:
                text = "" if spec.kind is Kind.FLAG else names[spec.name]
                rows.append((text, self.fields.with_problem(spec.name)))
        return rows

    def _extra_rows(self, section: Section) -> tuple[list, list]:
        """Rows before and after the fields of ``section`` that are not fields."""
        if section is Section.WORK:
            return [], [("", self.income_bracket)]
        if section is Section.PROGRAMS:
            jkk = QCheckBox(
                translate("FormSheet", "JKK (Jaminan Kecelakaan Kerja)"),
                checked=True,
                enabled=False,
                objectName="program_jkk",
            )
            jkm = QCheckBox(
                translate("FormSheet", "JKM (Jaminan Kematian)"),
                checked=True,
                enabled=False,
                objectName="program_jkm",
            )
            return [(translate("FormSheet", "Program"), jkk), ("", jkm)], [
                (translate("FormSheet", "Kode segmen"), self.segment),
                (translate("FormSheet", "Iuran"), self.contribution_summary),
            ]
        if section is Section.CONSENT:
            note = QLabel(
                translate(
                    "FormSheet",
                    "Data dipakai hanya untuk pendaftaran dan kepesertaan BPJS Ketenagakerjaan, "
                    "sesuai UU 27/2022 tentang Pelindungan Data Pribadi. Bacakan ini kepada "
                    "pekerja.",
                )
            )
            note.setWordWrap(True)
            note.setStyleSheet("color: #555;")
            return [], [("", note), (labels.field_labels()["kpj"], self.kpj)]
        return [], []

    def show_contribution(self, contribution: Contribution | None) -> None:
        """What the typed income costs, or how to see it."""
        if contribution is None:
            self.income_bracket.setText(
                translate("FormSheet", "Isi penghasilan untuk melihat iuran.")
            )
            self.contribution_summary.setText("—")
            return
        self.income_bracket.setText(
            arg(translate("FormSheet", "Upah dasar iuran: %1"), rupiah(contribution.base_income))
        )
        parts = [f"JKK {rupiah(contribution.jkk)}", f"JKM {rupiah(contribution.jkm)}"]
        if contribution.jht:
            parts.append(f"JHT {rupiah(contribution.jht)}")
        text = (
            " + ".join(parts)
            + " = "
            + arg(translate("FormSheet", "%1 per bulan"), rupiah(contribution.monthly))
        )
        if contribution.months > 1:
            text += "\n" + arg(
                translate("FormSheet", "Dibayar per %1 bulan: %2"),
                contribution.months,
                rupiah(contribution.per_period),
            )
        if not contribution.rule_verified:
            text += "\n" + arg(
                translate("FormSheet", "Tarif %1 (belum dipastikan)"),
                contribution.rule_label or contribution.rule,
            )
        self.contribution_summary.setText(text)

    def show_segment(self, funding_source: str) -> None:
        """BPJS's segment code for ``funding_source``, said to be unconfirmed while the
        table is."""
        codes = default_segment_codes()
        code = codes.code_for(funding_source)
        text = f"{code} — {codes.name_of(code)}"
        if not codes.verified:
            text += " " + translate("FormSheet", "(belum dipastikan kantor cabang BPJS)")
        self.segment.setText(text)
