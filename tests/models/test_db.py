"""models.db: rows as dicts."""

from __future__ import annotations

from models.db import dict_rows, select_rows


def test_rows_are_keyed_by_the_names_the_select_gives(db):
    db.execute("CREATE TABLE t (a INTEGER, b TEXT)")
    db.execute("INSERT INTO t VALUES (1, 'x'), (2, 'y')")
    assert select_rows(db, "SELECT a AS number, b FROM t WHERE a >= ? ORDER BY a", [1]) == [
        {"number": 1, "b": "x"},
        {"number": 2, "b": "y"},
    ]
    assert select_rows(db, "SELECT * FROM t WHERE a = ?", [3]) == []


def test_dict_rows_reads_what_the_cursor_has_left(db):
    db.execute("CREATE TABLE t (a INTEGER)")
    db.execute("INSERT INTO t VALUES (1), (2), (3)")
    cursor = db.execute("SELECT a FROM t ORDER BY a")
    cursor.fetchone()
    rows = dict_rows(cursor)
    assert next(rows) == {"a": 2}
    assert list(rows) == [{"a": 3}]
