"""Translated words for the domain: field names, choices and statuses, and stored values as
people read them.

The words themselves, in Indonesian, are defined once in `models.vocabulary` (the Excel
exports write them untranslated); here they go through Qt's translator, so
`resources/translations/jaring_en.qm` gives English. Functions, not constants, so the text is
looked up after the translator is installed. The sentences for the domain's codes (problems,
conflicts, errors) are in `ui.i18n.messages`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models import vocabulary
from models.registration import FLAG_FIELDS
from models.vocabulary import CONTEXT

__all__ = [
    "display_value",
    "field_labels",
    "funding_labels",
    "heir_relation_labels",
    "marital_labels",
    "period_labels",
    "sex_labels",
    "sex_letters",
    "status_labels",
    "target_group_labels",
    "yes_no",
]

translate = QCoreApplication.translate


def _translated(table: dict) -> dict:
    return {code: translate(CONTEXT, text) for code, text in table.items()}


def field_labels() -> dict[str, str]:
    return _translated(vocabulary.FIELD_LABELS)


def sex_labels() -> dict[str, str]:
    return _translated(vocabulary.SEX_LABELS)


def sex_letters() -> dict[str, str]:
    """The one-letter code a list shows for each sex: L/P in Indonesian, M/F in English (the
    letter that starts its label, ``M — Male``)."""
    return {code: label.split("—")[0].strip() for code, label in sex_labels().items()}


def marital_labels() -> dict[str, str]:
    return _translated(vocabulary.MARITAL_LABELS)


def target_group_labels() -> dict[str, str]:
    return _translated(vocabulary.TARGET_GROUP_LABELS)


def funding_labels() -> dict[str, str]:
    return _translated(vocabulary.FUNDING_LABELS)


def heir_relation_labels() -> dict[str, str]:
    return _translated(vocabulary.HEIR_RELATION_LABELS)


def period_labels() -> dict[int, str]:
    return _translated(vocabulary.PERIOD_LABELS)


def status_labels() -> dict[str, str]:
    return _translated(vocabulary.STATUS_LABELS)


def yes_no(value: object) -> str:
    """``Ya`` or ``Tidak``, translated."""
    return translate(CONTEXT, vocabulary.yes_no(value))


def display_value(field: str, value, regions=None) -> str:
    """A stored value as people read it: labels for codes, names for villages, Indonesian
    dates and amounts."""
    from datetime import date

    from models.regions import default_regions
    from ui.i18n.formats import tanggal, thousands

    if value is None or value == "":
        return ""
    if field == "contribution_months":
        return period_labels().get(int(value), str(value))
    if field in vocabulary.CHOICES:
        table = vocabulary.CHOICES[field]
        return translate(CONTEXT, table[value]) if value in table else str(value)
    if field in FLAG_FIELDS:
        return yes_no(value)
    if field == "birth_date":
        return tanggal(date.fromisoformat(value)) if isinstance(value, str) else tanggal(value)
    if field == "monthly_income":
        return thousands(int(value))
    if field == "village_code":
        village = (regions or default_regions()).village(value)
        return f"{village.name} ({value})" if village else str(value)
    return str(value)
