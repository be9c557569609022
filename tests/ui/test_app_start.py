"""Starting the GUI on a --db path that is no database: one message, all of it in
Indonesian (the installation's language is stored in the database it cannot read), with
the error icon."""

import re

import pytest
from PySide6.QtWidgets import QMessageBox

from ui.app import run_app

#: Words of SQLite's own (English) reasons, which must not be mixed into the message.
ENGLISH = re.compile(r"\b(unable|file is not|database file|not a database|folder does)\b", re.I)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda tmp: tmp, "Itu sebuah folder, bukan berkas basis data."),
        (lambda tmp: tmp / "no-such-folder" / "jaring.db", "Folder tempat berkas itu tidak ada."),
        (
            lambda tmp: (tmp / "notes.db").write_text("not a database " * 200) and tmp / "notes.db",
            "Berkas itu bukan basis data Jaring, atau rusak.",
        ),
    ],
    ids=["folder", "missing-folder", "not-a-database"],
)
def test_a_bad_db_path_is_an_indonesian_error(qapp, answers, tmp_path, make, reason):
    path = make(tmp_path)
    answers.queue.append("ok")
    assert run_app(path) == 2
    [message] = answers.asked
    assert message.icon == QMessageBox.Icon.Critical
    assert message.text == (
        f"Basis data tidak bisa dibuka:\n{path}\n\n{reason}\n\n"
        "Periksa berkasnya atau pilih berkas lain dengan --db."
    )
    assert not ENGLISH.search(message.text), message.text
    assert message.answers == [("ok", "Tutup")]
