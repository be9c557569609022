"""The files shipped in resources/ are found from the code's own place, whatever the working
folder: started from a desktop icon, an installed command or the bundle, the working folder
is anything but the checkout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, os
from PySide6.QtCore import QCoreApplication
from excel.bpjs_template import load_template
from models.contribution import default_table
from models.regions import default_regions
from models.resources import resource_folder
from ui.i18n.translators import install_translators
app = QCoreApplication([])
install_translators(app, "en")
print(json.dumps({
    "cwd": os.getcwd(),
    "resources": str(resource_folder()),
    "regency": default_regions().regency_name("62.08"),
    "template_columns": len(load_template().columns),
    "table": type(default_table()).__name__,
    "english": QCoreApplication.translate("MainWindow", "Tentang Jaring"),
}))
"""


def test_resources_are_found_from_another_working_folder(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert Path(found["cwd"]) == tmp_path
    assert Path(found["resources"]) == ROOT / "resources"
    assert found["regency"].upper() == "KABUPATEN SUKAMARA"
    assert found["template_columns"] > 10
    assert found["table"] == "ContributionTable"
    assert found["english"] == "About Jaring"  # resources/translations/jaring_en.qm
