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
#   --root DIR  install into DIR instead of / (for tests: no user is created, nothing is chowned or started)
#   --setup-only  what the .deb runs after unpacking: user, state folder, settings, content (no copy, no enable)
#
# What it does: copies the bundle to /opt/guangzhou-exhibit (replacing an older one), creates the system user
# "kiosk", creates the settings file /etc/guangzhou-exhibit/kiosk.yaml from `kiosk config --example` unless it
# exists (an operator's settings are never overwritten), creates /var/lib/guangzhou-exhibit with the content
# releases in content/ (the bundle's content becomes the first release when there is no current one; content of
# an older install, a plain folder, is moved aside and becomes a release), installs the systemd units, the PAM
# service and /etc/default/guangzhou-exhibit (kept if present), and enables the chosen session.
set -euo pipefail

app=guangzhou-exhibit
user=kiosk
prefix=/opt/$app
state=/var/lib/$app
settings_dir=/etc/$app
settings=$settings_dir/kiosk.yaml
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
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
case $display in auto|wayland|x11|none) ;; *) die "--display must be wayland, x11 or none" ;; esac
[ -n "$root" ] || [ "$(id -u)" -eq 0 ] || die "run as root (sudo $0 ...)"
bundle=$(cd "$bundle" && pwd)
if [ ! -x "$bundle/kiosk" ] || [ ! -f "$bundle/BUNDLE.txt" ]; then
  die "$bundle is not an exhibit bundle (no kiosk, BUNDLE.txt)"
fi
grep -q '^sd_notify=yes' "$bundle/BUNDLE.txt" \
  || die "$bundle predates settings files and content releases (BUNDLE.txt: no sd_notify=yes): install it with its own linux/install.sh"
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
  for group in video input render audio; do  # audio: the headphone jack, for reading aloud
    getent group "$group" >/dev/null && usermod -a -G "$group" "$user"
  done
fi

# 3. State folder, settings file and content releases. The kiosk commands run as root here; the state folder is
# given to the user kiosk afterwards.
kiosk="$root$prefix/kiosk"
install -d -m 0750 "$root$state"

# The folder is root:kiosk with the setgid bit: a file written into it (`kiosk set-pin` replaces the settings file
# with a new one) gets the group kiosk, so the exhibit can still read it.
install -d -m 2750 "$root$settings_dir"
if [ -z "$root" ]; then chgrp "$user" "$root$settings_dir" && chmod 2750 "$root$settings_dir"; fi
if [ -e "$root$settings" ]; then
  say "kept the settings in $root$settings"
else
  new_settings=$(mktemp "$root$settings_dir/.kiosk.yaml.XXXXXX")
  # The example with every default, with the state folder written out: then `sudo kiosk bundle ...` from a
  # shell uses the same releases as the service (which has $STATE_DIRECTORY, a shell does not).
  "$kiosk" config --example | sed "s|^  state_dir: null\$|  state_dir: $state|" >"$new_settings"
  grep -q "^  state_dir: $state\$" "$new_settings" || { rm -f "$new_settings"; die "kiosk config --example has no 'state_dir: null' line to fill in"; }
  chmod 0640 "$new_settings"
  [ -n "$root" ] || chgrp "$user" "$new_settings"
  mv "$new_settings" "$root$settings"
  say "created the settings $root$settings ($( [ -n "$root" ] && echo 0640 || echo "root:$user, 0640")) from 'kiosk config --example'"
fi
# (Read whole, then searched: `grep -q` in a pipe may stop reading early, and pipefail would count that.)
printed=$("$kiosk" config --print --config "$root$settings" 2>/dev/null || true)
if grep -q '^operator\.pin_hash *= not set' <<<"$printed"; then
  say "no operator PIN yet: set one with 'sudo $prefix/kiosk set-pin' (until then the operator panel cannot be opened)"
fi

# install_release CONTENT_DIR VERSION: pack a content folder as a bundle and install it as the current release.
# An empty settings file stands in for the operator's: the shipped content is not signed, and must go in even when
# the settings ask for signed bundles.
releases="$root$state/content"
install_release() {
  local work status=0
  work=$(mktemp -d)
  : >"$work/no-settings.yaml"
  "$kiosk" bundle create "$1" "$work/content.zip" --version "$2" \
    && "$kiosk" bundle install "$work/content.zip" --releases-dir "$releases" --config "$work/no-settings.yaml" \
      --max-mb 4096 || status=$?
  rm -rf "$work"
  return "$status"
}
# Release names start with "0-" so that they sort below every bundle made later (dates like 2026.12.01-093000,
# or 1.2.3): the USB watch folder only installs bundles newer than the current release.
stamp=$(date -u +%Y%m%d-%H%M%S)
shipped_version=$(sed -n 's/^version=//p' "$root$prefix/BUNDLE.txt" | tr -c '0-9A-Za-z._\n-' '_')
case $shipped_version in ''|unknown) shipped_version=$stamp ;; esac
install_shipped() {
  install_release "$root$prefix/content" "0-shipped-$shipped_version" \
    || die "could not install the bundle's own content as a release in $releases (above)"
  say "installed the bundle's content as the release 0-shipped-$shipped_version in $releases"
}
if [ -f "$releases/exhibit.yaml" ]; then
  # An install from before content releases: the content folder itself. Moved aside (kept), then made a release.
  aside="$root$state/content.before-releases-$stamp"
  mv "$releases" "$aside"
  say "moved the content of an older install to $aside (kept; delete it once the exhibit shows it)"
  if install_release "$aside" "0-local-$stamp"; then
    say "installed that content as the release 0-local-$stamp in $releases"
  else
    say "WARNING: the content in $aside could not be made a release (above): installing the bundle's content instead; fix it, then install it with 'kiosk bundle create' and 'kiosk bundle install'"
    install_shipped
  fi
elif [ -e "$releases/current" ] || [ -L "$releases/current" ]; then
  say "kept the content releases in $releases (current: $(readlink "$releases/current"))"
else
  install_shipped
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
# Older installs added no-notify.conf drop-ins (Type=simple) for bundles that did not notify systemd; this one does.
for unit in "${units[@]}"; do
  rm -f "$root/etc/systemd/system/$unit.d/no-notify.conf"
  rmdir "$root/etc/systemd/system/$unit.d" 2>/dev/null || true
done
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

# 6. Check that the installed exhibit, as the user it runs as, reads its settings and accepts its content.
as_user=()
[ -n "$root" ] || as_user=(runuser -u "$user" --)
"${as_user[@]}" "$kiosk" config --print --config "$root$settings" >/dev/null \
  || die "the user $user cannot use the settings $root$settings (above)"
"${as_user[@]}" "$kiosk" validate "$releases/current/content" \
  || die "the content in $releases/current/content has errors (above)"
say "done"
