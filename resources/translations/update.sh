#!/usr/bin/env bash
# Refresh the English translation of Jaring's interface.
#
#   resources/translations/update.sh
#
# 1. pyside6-lupdate reads the source strings (Indonesian) from ui/*.py (and main.py when it
#    has any) into jaring_en.ts: translations already there are kept, new strings are added
#    as "unfinished", strings no longer in the code are dropped (-no-obsolete).
# 2. Translate the new strings in jaring_en.ts (Qt Linguist, or any editor: fill in
#    <translation> and remove type="unfinished"), then run this script again.
# 3. pyside6-lrelease compiles jaring_en.ts into jaring_en.qm, which the app loads
#    (ui/i18n.py). Commit both files. tests/ui/test_i18n.py fails while a string is untranslated
#    or the .qm is stale.
#
# ui/labels.py looks its strings up through two helpers, _t("...") for the context "Labels"
# and _p("...") for "Problems", which lupdate cannot follow. The sources are therefore copied
# to a temporary folder with those calls spelt out as QCoreApplication.translate("Labels", ...)
# (same lines, so the locations stay right) and the locations are pointed back at ui/ after.
#
# The Qt tools are the ones shipped with the PySide6 of the active Python: activate the
# project's virtualenv first, or set PYTHON=/path/to/venv/bin/python.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ts="$here/jaring_en.ts"
qm="$here/jaring_en.qm"

python="${PYTHON:-$(command -v python || command -v python3 || true)}"
if [ -z "$python" ] || ! pyside_dir="$("$python" -c 'import os, PySide6; print(os.path.dirname(PySide6.__file__))' 2>/dev/null)"; then
  echo "update.sh: no Python with PySide6 found (${python:-none}); activate the virtualenv or set PYTHON=" >&2
  exit 1
fi
lupdate="$pyside_dir/lupdate"
lrelease="$pyside_dir/lrelease"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

sources=("$root"/ui/*.py)
if grep -qE '(\btr|\btranslate)\(' "$root/main.py"; then
  sources+=("$root/main.py")
fi

# Copy the sources, spelling out the helpers of ui/labels.py; print the copies' paths.
copies=()
while IFS= read -r copy; do copies+=("$copy"); done < <("$python" - "$root" "$work" "${sources[@]}" <<'EOF'
import pathlib, re, sys

root, work = map(pathlib.Path, sys.argv[1:3])
sources = sys.argv[3:]
helpers = {"_t": "Labels", "_p": "Problems"}
call = re.compile(r"(?<![\w.])(_t|_p)\((?=\s*[\"'])")
for source in map(pathlib.Path, sources):
    folder = work / source.relative_to(root).parent
    folder.mkdir(parents=True, exist_ok=True)
    text = source.read_text(encoding="utf-8")
    text = call.sub(lambda m: f'QCoreApplication.translate("{helpers[m[1]]}", ', text)
    (folder / source.name).write_text(text, encoding="utf-8")
    print(folder / source.name)
EOF
)

"$lupdate" -no-obsolete -locations absolute -source-language id -target-language en \
  "${copies[@]}" -ts "$ts"

# Point the locations back at the real files (../../ui/x.py, relative to this folder).
"$python" - "$ts" "$work" "$root" <<'EOF'
import os, pathlib, re, sys

ts, work, root = map(pathlib.Path, sys.argv[1:])
text = ts.read_text(encoding="utf-8")

def real(match):
    copy = (ts.parent / match[1]).resolve()
    relative = copy.relative_to(work.resolve())
    return f'filename="{os.path.relpath(root / relative, ts.parent).replace(os.sep, "/")}"'

ts.write_text(re.sub(r'filename="([^"]*)"', real, text), encoding="utf-8")
EOF

"$lrelease" "$ts" -qm "$qm"

unfinished="$(grep -c 'type="unfinished"' "$ts" || true)"
if [ "$unfinished" != "0" ]; then
  echo "update.sh: $unfinished string(s) in $(basename "$ts") still need an English translation." >&2
fi
