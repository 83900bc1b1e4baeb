# shellcheck shell=bash
# Shared helpers for the packaging scripts (sourced, not run).
# Every script that sources this has `set -euo pipefail` and sets `root` to the repository root.

# The project's own names, in one place.
# shellcheck disable=SC2034  # used by the scripts that source this file
KIOSK_APP_NAME=guangzhou-exhibit          # install folder /opt/$KIOSK_APP_NAME, unit and package names
# shellcheck disable=SC2034  # used by the scripts that source this file
KIOSK_DIST_NAME=gz-scitech-kiosk          # the Python distribution (pyproject.toml [project] name)
KIOSK_TARGET_PYTHON=${KIOSK_TARGET_PYTHON:-3.11}

say() { printf '%s: %s\n' "${0##*/}" "$*"; }
die() { printf '%s: ERROR: %s\n' "${0##*/}" "$*" >&2; exit 1; }

# ensure_apt_packages PKG...: install the Debian packages that are missing (as root, or with sudo).
ensure_apt_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  command -v apt-get >/dev/null || die "missing system packages (${missing[*]}) and no apt-get to install them"
  local sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  say "installing system packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

# find_python [VERSION]: the Python that builds things (PYTHON, else python3): 3.11 or newer, or exactly VERSION.
find_python() {
  local python=${PYTHON:-python3} want=${1:-} version
  version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) \
    || die "no Python found at '$python' (set PYTHON=/path/to/python3.11)"
  if [ -n "$want" ]; then
    [ "$version" = "$want" ] || die "$python is Python $version, but this needs Python $want (set PYTHON=/path/to/python$want)"
  else
    "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || die "$python is Python $version; 3.11 or newer is needed"
  fi
  printf '%s\n' "$python"
}

# tool_venv DIR VERSION LOCK...: a virtual environment at DIR (Python VERSION, or any 3.11+ when VERSION is "")
# with exactly the hashed LOCK files installed (made again only when a lock or the Python changed).
tool_venv() {
  local dir=$1 python stamp want
  python=$(find_python "$2")
  shift 2
  want=$( (cat "$@"; "$python" -c 'import sys; print(sys.version)') | sha256sum | cut -d' ' -f1)
  stamp="$dir/.locks.sha256"
  if [ -x "$dir/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  rm -rf "$dir"
  "$python" -m venv "$dir"
  local lock args=()
  for lock in "$@"; do args+=(-r "$lock"); done
  "$dir/bin/python" -m pip install -q --disable-pip-version-check --require-hashes --only-binary=:all: "${args[@]}"
  printf '%s\n' "$want" >"$stamp"
}

# pip_isolated: forget this machine's pip settings (extra indexes, local wheel folders, constraints), so that
# an offline install can only use the wheelhouse it is given.
pip_isolated() {
  local var
  for var in $(compgen -e); do
    case $var in PIP_*) unset "$var" ;; esac
  done
  export PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
}

# size_mb PATH: the size of a file or folder in MB (10^6 bytes, one decimal).
size_mb() {
  du -sb "$1" | awk '{ printf "%.1f", $1 / 1000000 }'
}

# safe_clean DIR MARKER: empty DIR for a rebuild, but only if it is empty or was made by us (holds MARKER).
safe_clean() {
  local dir=$1 marker=$2
  if [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
    [ -e "$dir/$marker" ] || die "$dir is not empty and was not made by this script (no $marker); choose another folder"
    rm -rf "$dir"
  fi
  mkdir -p "$dir"
}

# system_lib_packages KIND...: the Debian packages of packaging/linux/system-libs.txt ("system" and/or "carry"),
# one a line, each once.
system_lib_packages() {
  local kinds=" $* "
  # shellcheck disable=SC2154  # root is set by the script that sources this file (see the top)
  awk -v kinds="$kinds" '
    /^system / && index(kinds, " system ") { print $3 }
    /^carry:/ && index(kinds, " carry ") { for (i = 2; i <= NF; i++) print $i }
  ' "$root/packaging/linux/system-libs.txt" | awk '!seen[$0]++'
}

# check_render KIOSK OUT_DIR: the render step of the smoke tests. Runs `KIOSK render --out OUT_DIR --size 1920x1080`
# offscreen and checks what it wrote: valid PNGs, at least one screen of exactly 1920x1080 (other sizes, such as a
# contact sheet, are listed), and screens that are not one flat colour (with ImageMagick, when installed). While the
# exhibit has no `render` command it says SKIPPED and succeeds, unless KIOSK_REQUIRE_RENDER=1.
check_render() {
  local kiosk=$1 out=$2 start=$SECONDS
  if ! "$kiosk" render --help >/dev/null 2>&1; then
    if [ "${KIOSK_REQUIRE_RENDER:-0}" = 1 ]; then
      say "this kiosk has no 'render' command, and KIOSK_REQUIRE_RENDER=1"
      return 1
    fi
    say "SKIPPED render: this kiosk has no 'render' command yet (KIOSK_REQUIRE_RENDER=1 makes that a failure)"
    return 0
  fi
  rm -rf "$out"
  mkdir -p "$out"
  if ! QT_QPA_PLATFORM=offscreen "$kiosk" render --out "$out" --size 1920x1080 >"$out.log" 2>&1; then
    tail -n 30 "$out.log"
    say "kiosk render failed (log: $out.log)"
    return 1
  fi
  tail -n 2 "$out.log"
  local screens
  screens=$("${PYTHON:-python3}" - "$out" <<'PY'
import struct, sys
from collections import Counter
from pathlib import Path

pngs = sorted(Path(sys.argv[1]).rglob("*.png"))
sizes, bad, screens = Counter(), [], []
for png in pngs:
    head = png.read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        bad.append(str(png))
        continue
    size = struct.unpack(">II", head[16:24])
    sizes[size] += 1
    if size == (1920, 1080):
        screens.append(str(png))
summary = ", ".join(f"{n} at {w}x{h}" for (w, h), n in sizes.most_common())
print(f"render: {len(pngs)} PNG files ({summary or 'none'})", file=sys.stderr)
for path in bad:
    print(f"  not a PNG: {path}", file=sys.stderr)
if bad or not screens:
    sys.exit(1)
print("\n".join(screens[:: max(1, len(screens) // 5)][:5]))  # a few, spread out, for the flat-colour check
PY
  ) || { say "kiosk render wrote no 1920x1080 screen, or a broken file"; return 1; }
  if command -v convert >/dev/null; then
    local png spread
    while IFS= read -r png; do
      spread=$(convert "$png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
      awk -v s="$spread" 'BEGIN { exit !(s > 0.01) }' || { say "$png is one flat colour"; return 1; }
    done <<<"$screens"
    say "render: sampled screens are not blank"
  fi
  say "render: OK in $((SECONDS - start)) s ($out)"
}
