"""Starting the GUI removes what a killed job left in the database's private temporary
folder (`models.private_temp`), before anything else."""

from models.private_temp import temp_root
from ui.app import run_app


def test_the_gui_start_removes_a_killed_jobs_leftovers(qapp, answers, tmp_path):
    database = tmp_path / "notes.db"
    database.write_text("not a database " * 200)  # the start ends at the first message
    left = temp_root(database) / "0123456789abcdef"
    left.mkdir(parents=True)
    (left / "jaring-rows-x.xml").write_text("6208014507900001")
    answers.queue.append("ok")
    assert run_app(database) == 2
    assert not left.exists()
