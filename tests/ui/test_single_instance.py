"""One window per database: a second start is refused and brings the first window forward;
a lock left by a killed copy is taken over; the command line is not blocked."""

import subprocess
import sys

from PySide6.QtWidgets import QMessageBox

from ui.app import run_app
from ui.single_instance import SingleInstance, lock_path, server_name


def test_a_second_start_on_the_same_database_is_refused(qtbot, tmp_path):
    db_path = tmp_path / "jaring.db"
    first = SingleInstance(db_path)
    assert first.acquire()
    shown = []
    first.listen(lambda: shown.append("show"))
    second = SingleInstance(db_path)
    assert not second.acquire()
    assert second.ask_first_to_show()
    qtbot.waitUntil(lambda: shown == ["show"], timeout=3000)
    first.release()
    assert second.acquire()  # free again once the first copy has stopped
    second.release()


def test_another_database_is_not_blocked(tmp_path):
    first = SingleInstance(tmp_path / "a.db")
    other = SingleInstance(tmp_path / "b.db")
    assert first.acquire()
    assert other.acquire()
    assert server_name(tmp_path / "a.db") != server_name(tmp_path / "b.db")
    first.release()
    other.release()


def test_run_app_refuses_and_brings_the_first_window_forward(qtbot, answers, tmp_path):
    db_path = tmp_path / "jaring.db"
    first = SingleInstance(db_path)
    assert first.acquire()
    shown = []
    first.listen(lambda: shown.append("show"))
    answers.queue.append("ok")
    assert run_app(db_path) == 3
    [message] = answers.asked
    assert message.icon == QMessageBox.Icon.Critical
    assert message.text.startswith("Jaring sudah terbuka untuk basis data ini:")
    assert str(db_path) in message.text
    qtbot.waitUntil(lambda: shown == ["show"], timeout=3000)
    assert not db_path.exists()  # the refused start did not even open the database
    first.release()


def test_a_lock_left_by_a_killed_copy_is_taken_over(tmp_path):
    db_path = tmp_path / "jaring.db"
    # A copy that takes the lock and dies without unlocking (as after kill -9).
    script = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1])\n"
        "assert lock.tryLock(0)\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(lock_path(db_path))], check=True)
    assert lock_path(db_path).exists()
    instance = SingleInstance(db_path)
    assert instance.acquire()
    instance.release()


def test_the_command_line_is_not_blocked_by_the_window(tmp_path):
    db_path = tmp_path / "jaring.db"
    first = SingleInstance(db_path)
    assert first.acquire()
    done = subprocess.run(
        [
            sys.executable,
            "main.py",
            "--db",
            str(db_path),
            "--no-encryption",
            "demo",
            "--records",
            "2",
        ],
        capture_output=True,
        text=True,
    )
    first.release()
    assert done.returncode == 0, done.stderr
    assert db_path.exists()  # the sub-command wrote while the window's lock was held
