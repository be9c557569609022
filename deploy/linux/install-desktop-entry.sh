#!/bin/sh
# Put Jaring in the desktop's application menu, for this user: run it from the unpacked
# Jaring folder (e.g. ~/.local/opt/Jaring/install-desktop-entry.sh). It writes
# ~/.local/share/applications/jaring.desktop pointing at this folder's Jaring and copies the
# icon; run it again after moving the folder. `--remove` takes the menu entry away.
# Neither touches the data (~/.local/share/Jaring: the database and its keys).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$data_home/applications/jaring.desktop"
icon="$data_home/icons/hicolor/256x256/apps/jaring.png"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$entry" "$icon"
  echo "Jaring dihapus dari menu aplikasi. Data tetap di $data_home/Jaring."
  exit 0
fi
case "$here" in
  *[\\\"\`\$\|\&%]*)
    echo "Pindahkan folder Jaring ke tempat yang namanya tanpa \\ \" \` \$ | & % lalu coba lagi." >&2
    exit 1 ;;
esac
mkdir -p "$(dirname "$entry")" "$(dirname "$icon")"
cp "$here/jaring.png" "$icon"
# Exec quotes the path in double quotes, for a folder name with spaces.
sed -e "s|@EXEC@|\"$here/Jaring\"|" "$here/jaring.desktop" > "$entry.tmp"
mv "$entry.tmp" "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
echo "Jaring ada di menu aplikasi ($entry)."
