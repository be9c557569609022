#!/usr/bin/env bash
# Refresh the English translation of Jaring's interface.
#
#   resources/translations/update.sh
#
# 1. pyside6-lupdate reads the source strings (Indonesian) from ui/, ui/printing/, ui/i18n/ and app/, from the
#    Qt-free modules that mark theirs with QT_TRANSLATE_NOOP (models/vocabulary.py: the names
#    of the domain's codes) and from main.py when it has any, into jaring_en.ts: translations
#    already there are kept, new strings are added as "unfinished", strings no longer in the
#    code are dropped (-no-obsolete).
# 2. Translate the new strings in jaring_en.ts (Qt Linguist, or any editor: fill in
#    <translation> and remove type="unfinished"), then run this script again.
# 3. pyside6-lrelease compiles jaring_en.ts into jaring_en.qm, which the app loads
#    (ui/i18n/translators.py). Commit both files. tests/ui/test_i18n.py fails while a string is untranslated
#    or the .qm is stale.
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

shopt -s nullglob
sources=("$root"/ui/*.py "$root"/ui/*/*.py "$root"/ui/*/*/*.py "$root"/app/*.py)
for core in "$root"/models/*.py "$root"/exchange/*.py "$root"/excel/*.py "$root"/httpsync/*.py "$root"/demo/*.py; do
  if grep -q 'QT_TRANSLATE_NOOP(' "$core"; then
    sources+=("$core")
  fi
done
if grep -qE '(\btr|\btranslate)\(' "$root/main.py"; then
  sources+=("$root/main.py")
fi

"$lupdate" -no-obsolete -locations relative -source-language id -target-language en \
  "${sources[@]}" -ts "$ts"

"$lrelease" "$ts" -qm "$qm"

unfinished="$(grep -c 'type="unfinished"' "$ts" || true)"
if [ "$unfinished" != "0" ]; then
  echo "update.sh: $unfinished string(s) in $(basename "$ts") still need an English translation." >&2
fi
