#!/usr/bin/env bash
# Install the exhibit's bundle on a Linux kiosk so that it boots straight into the exhibit. Needs no network.
#
# Usage: sudo BUNDLE/linux/install.sh [--display wayland|x11|none] [--autostart] [--start] [--bundle DIR]
#   --display   which kiosk session to enable (default: x11 when xinit is installed, else wayland when cage is,
#               else none; see README.md for why X11 comes first): wayland = guangzhou-exhibit-wayland.service (cage on tty1),
#               x11 = guangzhou-exhibit-x11.service (automatic login on tty1 + xinit), none = enable nothing
#   --autostart also start the exhibit in every desktop session (XDG autostart), for machines with a desktop
#   --start     start the session now (it takes over tty1: do not use from a login on tty1; reboot instead)
#   --bundle    the bundle folder to install (default: the one this script is in)
#   --root DIR  install into DIR instead of / (for tests: no user is created and nothing is started)
#   --setup-only  what the .deb runs after unpacking: user, state folder, content, drop-ins (no copy, no enable)
#
# What it does: copies the bundle to /opt/guangzhou-exhibit (replacing an older one), creates the system user
# "kiosk", creates /var/lib/guangzhou-exhibit and copies the bundle's content there unless content is already
# there (an operator's content is never overwritten), installs the systemd units, the PAM service and
# /etc/default/guangzhou-exhibit (kept if present), and enables the chosen session.
set -euo pipefail

app=guangzhou-exhibit
user=kiosk
prefix=/opt/$app
state=/var/lib/$app
units=("$app-wayland.service" "$app-x11.service")
here=$(cd "$(dirname "$0")" && pwd)

say() { printf 'install.sh: %s\n' "$*"; }
die() { printf 'install.sh: ERROR: %s\n' "$*" >&2; exit 1; }

display=auto autostart=0 start=0 setup_only=0 root="" bundle=$(dirname "$here")
while [ $# -gt 0 ]; do
  case $1 in
    --display) display=$2; shift 2 ;;
    --autostart) autostart=1; shift ;;
    --start) start=1; shift ;;
    --bundle) bundle=$2; shift 2 ;;
    --root) root=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    --setup-only) setup_only=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
case $display in auto|wayland|x11|none) ;; *) die "--display must be wayland, x11 or none" ;; esac
[ -n "$root" ] || [ "$(id -u)" -eq 0 ] || die "run as root (sudo $0 ...)"
bundle=$(cd "$bundle" && pwd)
[ -x "$bundle/kiosk" ] && [ -f "$bundle/BUNDLE.txt" ] || die "$bundle is not an exhibit bundle (no kiosk, BUNDLE.txt)"
linux="$bundle/linux"
systemd_running() { [ -z "$root" ] && [ -d /run/systemd/system ]; }

# 1. The program: a fresh copy next to the old one, then swapped in (a failed copy leaves the old one working).
if ((setup_only)); then
  :
elif [ "$bundle" = "$root$prefix" ]; then
  say "the bundle is already $root$prefix"
else
  mkdir -p "$root/opt"
  rm -rf "$root$prefix.new" "$root$prefix.old"
  cp -a "$bundle" "$root$prefix.new"
  [ ! -e "$root$prefix" ] || mv "$root$prefix" "$root$prefix.old"
  mv "$root$prefix.new" "$root$prefix"
  rm -rf "$root$prefix.old"
  say "installed $(sed -n 's/^version=//p' "$bundle/BUNDLE.txt") ($(sed -n 's/^commit=//p' "$bundle/BUNDLE.txt")) to $root$prefix"
fi

# 2. The user the exhibit runs as: no password, no shell, no home but the state folder.
if [ -n "$root" ]; then
  say "--root: not creating the user $user"
elif id "$user" >/dev/null 2>&1; then
  say "user $user exists"
else
  useradd --system --user-group --home-dir "$state" --no-create-home --shell /usr/sbin/nologin \
    --comment "Guangzhou Sci-Tech exhibit" "$user"
  say "created the system user $user"
fi
if [ -z "$root" ]; then
  for group in video input render; do
    getent group "$group" >/dev/null && usermod -a -G "$group" "$user"
  done
fi

# 3. State folder and the content it shows (never overwritten: the operator's content lives here).
install -d -m 0750 "$root$state"
if [ -d "$root$state/content" ]; then
  say "kept the content in $root$state/content"
else
  cp -a "$root$prefix/content" "$root$state/content"
  say "copied the bundle's content to $root$state/content"
fi
[ -n "$root" ] || chown -R "$user:$user" "$root$state"

# 4. System files: PAM service, settings (kept if present), units (the .deb ships these itself).
# A bundle that the .deb installed has its units and /etc files from the package already.
from_deb=0
[ -e "$root/var/lib/dpkg/info/$app.list" ] && [ "$bundle" = "$root$prefix" ] && from_deb=1
if ! ((setup_only || from_deb)); then
  install -D -m 0644 "$linux/pam.d/$app" "$root/etc/pam.d/$app"
  [ -e "$root/etc/default/$app" ] || install -D -m 0644 "$linux/default" "$root/etc/default/$app"
  for unit in "${units[@]}"; do install -D -m 0644 "$linux/$unit" "$root/etc/systemd/system/$unit"; done
fi
# Until the exhibit sends READY=1/WATCHDOG=1 itself (BUNDLE.txt: sd_notify=yes), a notify unit would be killed
# for never becoming ready: this drop-in makes it a simple unit without a watchdog.
for unit in "${units[@]}"; do
  dropin="$root/etc/systemd/system/$unit.d/no-notify.conf"
  if grep -q '^sd_notify=yes' "$root$prefix/BUNDLE.txt"; then
    rm -f "$dropin"
  else
    install -D -m 0644 /dev/stdin "$dropin" <<'EOF'
# Installed by install.sh because this bundle does not notify systemd yet (BUNDLE.txt: sd_notify=no).
[Service]
Type=simple
WatchdogSec=0
EOF
  fi
done
[ -e "$root/etc/systemd/system/${units[0]}.d/no-notify.conf" ] && say "this bundle does not notify systemd yet: units run as Type=simple (no-notify.conf drop-ins)"
if ((autostart)); then
  install -D -m 0644 "$linux/$app.desktop" "$root/etc/xdg/autostart/$app.desktop"
  say "XDG autostart: the exhibit starts in every desktop session"
fi
if systemd_running; then systemctl daemon-reload; fi

# 5. Enable one kiosk session.
((setup_only)) && display=none
if [ "$display" = auto ]; then
  if [ -x "$root/usr/bin/xinit" ]; then display=x11
  elif [ -x "$root/usr/bin/cage" ]; then display=wayland
  else display=none; say "neither cage nor xinit is installed: no session enabled (see README.md)"
  fi
fi
systemctl_root=()
[ -z "$root" ] || systemctl_root=(--root="$root")
if [ "$display" != none ]; then
  for unit in "${units[@]}"; do
    [ "$unit" = "$app-$display.service" ] || systemctl "${systemctl_root[@]}" disable --quiet "$unit" 2>/dev/null || true
  done
  systemctl "${systemctl_root[@]}" enable --quiet "$app-$display.service"
  say "enabled $app-$display.service: the exhibit starts on tty1 at the next boot"
  if ((start)) && systemd_running; then
    systemctl restart "$app-$display.service"
    say "started $app-$display.service"
  fi
fi

# 6. Check that the installed exhibit accepts the content it will show.
if [ -z "$root" ]; then
  runuser -u "$user" -- "$prefix/kiosk" validate "$state/content" || die "the content in $state/content has errors (above)"
fi
say "done"
