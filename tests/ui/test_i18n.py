"""English through Qt's translation system: the window in English, no untranslated string
(in the widgets, the printouts and the vocabulary of `models.vocabulary`), and a compiled .qm
that matches its .ts.

When a test here fails after a string was added or changed, run
`resources/translations/update.sh`, translate the new strings in `jaring_en.ts` and run it
again (it compiles `jaring_en.qm`); commit both files.
"""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from models import vocabulary
from models.problems import error
from models.settings import load_settings
from ui.i18n import labels
from ui.i18n.messages import problem_text
from ui.i18n.translators import LANGUAGES, install_translators
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "jaring_en.ts"
QM = TRANSLATIONS / "jaring_en.qm"

PLACEHOLDER = re.compile(r"%\d")

#: Each table of `models.vocabulary` with the `ui.i18n.labels` function that shows it translated.
VOCABULARY = [
    (vocabulary.FIELD_LABELS, labels.field_labels),
    (vocabulary.SEX_LABELS, labels.sex_labels),
    (vocabulary.MARITAL_LABELS, labels.marital_labels),
    (vocabulary.TARGET_GROUP_LABELS, labels.target_group_labels),
    (vocabulary.FUNDING_LABELS, labels.funding_labels),
    (vocabulary.HEIR_RELATION_LABELS, labels.heir_relation_labels),
    (vocabulary.PERIOD_LABELS, labels.period_labels),
    (vocabulary.STATUS_LABELS, labels.status_labels),
    ({True: vocabulary.YES, False: vocabulary.NO}, lambda: {v: labels.yes_no(v) for v in (1, 0)}),
]


def qt_tool(name: str) -> Path:
    """A Qt tool shipped with the PySide6 in use (what pyside6-<name> runs)."""
    tool = Path(PySide6.__file__).parent / (name + (".exe" if sys.platform == "win32" else ""))
    assert tool.exists(), f"{tool} not found: PySide6 comes without its Qt Linguist tools"
    return tool


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source text) -> the <translation> element of every message in ``ts``."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def finished(translation: ET.Element | None) -> bool:
    return (
        translation is not None
        and bool((translation.text or "").strip())
        and translation.get("type") not in ("unfinished", "vanished", "obsolete")
    )


def test_the_window_speaks_english_with_the_english_translator(qapp, configured_db, answers):
    install_translators(qapp, "en")
    window = None
    try:
        window = MainWindow(configured_db, load_settings(configured_db))
        window.show()
        assert window.windowTitle().startswith("Jaring — registering vulnerable workers")
        assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
            "Dashboard",
            "Worker list",
            "Registration form",
            "Data exchange",  # not yet set up as an officer device or the district office
        ]
        form_labels = {label.text() for label in window.form.findChildren(QLabel)}
        assert {"Date of birth", "District", "NIK"} <= form_labels
        assert window.form.save_button.text() == "Save (Ctrl+S)"
        assert window.form.draft_button.text() == "Save draft (Ctrl+D)"
        model = window.records.model
        headers = [
            model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())
        ]
        assert "Per month" in headers
        assert problem_text(error("nik.length", "nik")) == "The NIK must be 16 digits."
        assert (
            problem_text(error("required", "full_name")) == "Full name (as on the KTP) is required."
        )
    finally:
        if window is not None:
            answers.otherwise = "discard"
            window.close()
            window.deleteLater()
        install_translators(qapp, "id")
    assert QCoreApplication.translate("Labels", "Kecamatan") == "Kecamatan"
    assert problem_text(error("nik.length", "nik")) == "NIK harus 16 angka."


#: The application's packages: every module in them that marks a text for translation is read.
PACKAGES = ("ui", "app", "models", "exchange", "excel", "httpsync", "demo", "cli")
MARKED = re.compile(r"\b(tr|translate|QT_TRANSLATE_NOOP|QT_TR_NOOP)\(")


def marked_sources() -> list[Path]:
    """Every module of the app with a text for Qt's translator: the widgets' and printouts'
    tr()/translate() and the Qt-free modules' QT_TRANSLATE_NOOP markers. Found by looking,
    not by update.sh's list, so a module update.sh does not read shows up as untranslated."""
    candidates = [path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))]
    candidates.append(ROOT / "main.py")
    return [path for path in candidates if MARKED.search(path.read_text(encoding="utf-8"))]


def test_every_string_in_the_code_has_an_english_translation(tmp_path):
    sources = marked_sources()
    assert ROOT / "models" / "vocabulary.py" in sources
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            str(qt_tool("lupdate")),
            "-silent",
            "-locations",
            "none",
            *map(str, sources),
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    in_code = messages(fresh)
    assert len(in_code) > 100, "lupdate found too few strings: is the extraction broken?"
    committed = messages(TS)
    missing = sorted(key for key in in_code if not finished(committed.get(key)))
    assert not missing, (
        f"{len(missing)} string(s) have no English translation in {TS.relative_to(ROOT)}; run "
        "resources/translations/update.sh, translate them and run it again:\n"
        + "\n".join(f"  [{context}] {source!r}" for context, source in missing)
    )


def test_translations_keep_the_placeholders():
    wrong = [
        f"  [{context}] {source!r} -> {translation.text!r}"
        for (context, source), translation in messages(TS).items()
        if finished(translation)
        and sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation.text))
    ]
    assert not wrong, "translations whose %1, %2… differ from the source:\n" + "\n".join(wrong)


def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path):
    compiled = tmp_path / "jaring_en.qm"
    subprocess.run(
        [str(qt_tool("lrelease")), "-silent", str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == QM.read_bytes(), (
        f"{QM.relative_to(ROOT)} is stale: run resources/translations/update.sh and commit it"
    )


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "id"])
def test_every_offered_language_has_its_qm_file(language):
    assert (TRANSLATIONS / f"jaring_{language}.qm").is_file()


def test_every_word_of_the_vocabulary_has_an_english_translation():
    # Read from the tables at run time, not by lupdate: a label written without its
    # QT_TRANSLATE_NOOP marker would never reach jaring_en.ts and would stay Indonesian.
    committed = messages(TS)
    checked = [id(table) for table, _ in VOCABULARY]
    assert all(id(table) in checked for table in vocabulary.CHOICES.values())
    missing = [
        text
        for table, _ in VOCABULARY
        for text in table.values()
        if not finished(committed.get((vocabulary.CONTEXT, text)))
    ]
    assert not missing, f"words of models.vocabulary with no English in jaring_en.ts: {missing}"


def test_the_screens_show_the_vocabulary_in_the_chosen_language(qapp):
    committed = messages(TS)
    install_translators(qapp, "en")
    try:
        for table, shown in VOCABULARY:
            english = {
                code: committed[(vocabulary.CONTEXT, text)].text for code, text in table.items()
            }
            assert shown() == english
        assert labels.display_value("marital_status", "kawin") == "Married"
        assert labels.display_value("status", "ready") == "Ready to send"
        assert labels.display_value("contribution_months", 3) == "3 months"
        assert labels.display_value("consent", True) == "Yes"
    finally:
        install_translators(qapp, "id")
    for table, shown in VOCABULARY:
        assert shown() == table
