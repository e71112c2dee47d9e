#!/bin/sh
# build-debian-flatpak.sh: build Gloss as a real Flatpak and run it sandboxed,
# on a Debian 12 machine that cannot reach Flathub.
#
#   sh flatpak/build-debian-flatpak.sh
#
# Without Flathub there is no GNOME runtime, so this assembles one from
# Debian 12 packages: a Platform (what Gloss needs at run time) and an Sdk
# (the Platform plus compilers, -dev packages, meson), each made with
# mmdebstrap, turned into a Flatpak runtime and exported to a local
# repository. Then flatpak-builder builds Gloss from
# io.github.glossreader.Gloss.debian.json (the Flathub manifest with only
# the runtime's names changed), installs it into a scratch installation,
# and runs it under Xvfb: the window must come up showing the bundled
# corpus (a screenshot is saved), and `gloss list` inside the sandbox must
# list the two bundled documents.
#
# Run as root (mmdebstrap and apt need it). Everything slow is cached in
# GLOSS_FLATPAK_CACHE (default /var/cache/gloss-flatpak), keyed by the
# package lists, so a second run only rebuilds and runs the app. Outputs
# (screenshot, logs) go to GLOSS_FLATPAK_OUT (default _build/flatpak).
# Exits non-zero on any failure; prints how long each stage took.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
app_id=io.github.glossreader.Gloss
branch=12
cache=${GLOSS_FLATPAK_CACHE:-/var/cache/gloss-flatpak}
out=${GLOSS_FLATPAK_OUT:-$top/_build/flatpak}
mirror=${GLOSS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${GLOSS_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

# Bump when the way a root file system becomes a runtime changes, so that
# cached runtimes are rebuilt.
recipe=4

# What Gloss needs at run time, like the GNOME Platform: no Poppler (the
# manifest builds it into /app, as it must for GNOME). mmdebstrap installs
# no Recommends, so the SVG loader (symbolic icons), the icon themes and
# the MIME database are named. fonts-noto-cjk: Chinese must render even
# where the host has no CJK font; fontconfig's tools check that inside
# the sandbox.
platform_packages="libgtk-4-1 libadwaita-1-0 libjson-glib-1.0-0 libsqlite3-0
libpango-1.0-0 libpangocairo-1.0-0 libcairo2 libglib2.0-0 libfreetype6
libfontconfig1 libjpeg62-turbo libpng16-16 zlib1g libstdc++6
libgdk-pixbuf-2.0-0 librsvg2-common adwaita-icon-theme hicolor-icon-theme
shared-mime-info fontconfig fonts-noto-cjk fonts-dejavu-core libdbus-1-3 dbus"

# The Platform, plus what building Gloss and Poppler takes. appstream-util
# because flatpak-builder 1.2 runs appstream-compose inside the Sdk once
# the app ships metainfo; libgtk-4-bin for gtk4-update-icon-cache (meson's
# post-install step); make for poppler-data.
sdk_packages="$platform_packages
libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev
libpango1.0-dev libcairo2-dev libglib2.0-dev libglib2.0-dev-bin
libglib2.0-bin libgtk-4-bin libfreetype-dev libfontconfig-dev libjpeg-dev
libpng-dev zlib1g-dev
meson ninja-build cmake make gcc g++ libc6-dev pkg-config python3
gettext desktop-file-utils appstream appstream-util"

# On the host: flatpak-builder strips with the host's elfutils; Xvfb,
# D-Bus, ImageMagick (screenshot) and xdotool (waiting for the window)
# run the app.
host_packages="flatpak flatpak-builder mmdebstrap elfutils binutils python3
xvfb xauth dbus imagemagick xdotool"

log() { echo "build-debian-flatpak: $*"; }
die() { echo "build-debian-flatpak: error: $*" >&2; exit 1; }

# stage NAME FUNCTION: run one stage and say how long it took.
stage() {
  log "stage $1 ..."
  stage_start=$(date +%s)
  "$2"
  log "stage $1 took $(( $(date +%s) - stage_start )) s"
}

# ---------------------------------------------------------------------
# Stage: host tools

install_host_packages() {
  missing=""
  for p in $host_packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
      missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  log "installing$missing"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

# ---------------------------------------------------------------------
# Stage: root file systems, then runtimes

# A short key for a package list: a runtime is rebuilt when it changes.
key_of() {
  printf '%s\n' "recipe $recipe" $1 | sha256sum | cut -c1-16
}

# make_rootfs DIR PACKAGES: a Debian 12 tree with PACKAGES, in DIR.
# Downloaded .debs are kept in $cache/debs for the next tree.
make_rootfs() {
  dir=$1
  rm -rf "$dir" "$dir.tmp"
  mkdir -p "$cache/debs" "$(dirname "$dir")"
  # No manuals or documentation (copyright files stay): nothing reads
  # them in a sandbox, and they would be exported and installed twice.
  mmdebstrap --variant=essential --skip=essential/unlink \
    --include="$(echo $2 | tr ' ' ,)" \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --setup-hook='mkdir -p "$1/var/cache/apt/archives"' \
    --setup-hook="sync-in $cache/debs /var/cache/apt/archives/" \
    --customize-hook="sync-out /var/cache/apt/archives $cache/debs" \
    bookworm "$dir.tmp" \
    "deb $mirror bookworm main" \
    "deb $mirror bookworm-updates main" \
    "deb $security_mirror bookworm-security main"
  mv "$dir.tmp" "$dir"
}

# make_runtime NAME ROOTFS DEST: turn a root file system into a Flatpak
# runtime directory (metadata + files/, where files/ becomes /usr).
make_runtime() {
  name=$1 rootfs=$2 dest=$3
  rm -rf "$dest"
  mkdir -p "$dest"
  cp -a "$rootfs/usr" "$dest/files"
  # Flatpak mounts files/etc at /usr/etc and links /etc's entries to it.
  cp -a "$rootfs/etc" "$dest/files/etc"

  # Flatpak rebuilds the dynamic linker's cache for every app by running
  # "ldconfig" from the runtime's /usr/bin; Debian keeps it in /usr/sbin.
  ln -s ../sbin/ldconfig "$dest/files/bin/ldconfig"
  # ... and that cache must cover the app's own libraries in /app/lib.
  cat >"$dest/files/etc/ld.so.conf" <<'EOF'
# Flatpak: the app's libraries first, then Debian's.
/app/lib
include /etc/ld.so.conf.d/*.conf
EOF

  # Fonts: the app's own (/app/share/fonts), and the host's, which Flatpak
  # mounts under /run/host/fonts and describes in /run/host/font-dirs.xml.
  # In the sandbox /var/cache is the app's cache dir, so Debian's
  # /var/cache/fontconfig and ~/.cache/fontconfig are one directory: read
  # twice, its caches trip an assertion in FcFini (fc-match aborts).
  sed -i '\|<cachedir>/var/cache/fontconfig</cachedir>|d' "$dest/files/etc/fonts/fonts.conf"
  cat >"$dest/files/etc/fonts/conf.d/50-flatpak.conf" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/app/share/fonts</dir>
  <include ignore_missing="yes">/run/host/font-dirs.xml</include>
</fontconfig>
EOF

  cat >"$dest/metadata" <<EOF
[Runtime]
name=$name
runtime=org.debian.Platform/$arch/$branch
sdk=org.debian.Sdk/$arch/$branch
EOF
}

# build_runtime NAME PACKAGES: rootfs, runtime dir, export to the local
# repository; skipped when the same package list was exported before.
build_runtime() {
  name=$1 packages=$2
  key=$(key_of "$packages")
  stamp="$cache/runtimes/$name.exported"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ]; then
    log "$name//$branch is up to date ($key)"
    return 0
  fi
  mkdir -p "$cache/runtimes"
  make_rootfs "$cache/rootfs/$name" "$packages"
  make_runtime "$name" "$cache/rootfs/$name" "$cache/runtimes/$name"
  flatpak build-export --runtime --files=files --subject="$name from Debian 12 ($key)" \
    "$cache/repo" "$cache/runtimes/$name" "$branch"
  # The tree is in the repository now; the copies are only disk space.
  rm -rf "$cache/rootfs/$name" "$cache/runtimes/$name"
  echo "$key" >"$stamp"
}

build_platform() { build_runtime org.debian.Platform "$platform_packages"; }
build_sdk() { build_runtime org.debian.Sdk "$sdk_packages"; }

# ---------------------------------------------------------------------
# Stage: a scratch installation with both runtimes

install_runtimes() {
  flatpak --user remote-add --if-not-exists --no-gpg-verify gloss-debian "file://$cache/repo"
  flatpak --user install -y --noninteractive --or-update gloss-debian \
    "org.debian.Platform//$branch" "org.debian.Sdk//$branch"
}

# ---------------------------------------------------------------------
# Stage: build and install the app

# The Debian manifest must stay the Flathub one with other runtime names:
# otherwise CI would test something that is not shipped.
check_manifests() {
  python3 - "$top/flatpak/$app_id.json" "$top/flatpak/$app_id.debian.json" <<'EOF'
import json, sys
gnome = json.load(open(sys.argv[1]))
debian = json.load(open(sys.argv[2]))
for m in (gnome, debian):
    for k in ("runtime", "runtime-version", "sdk"):
        m.pop(k, None)
if gnome != debian:
    sys.exit("the two manifests differ in more than the runtime")
EOF
}

build_app() {
  check_manifests
  # No FUSE in containers: copy instead of rofiles-fuse.
  flatpak-builder --user --install --force-clean --disable-rofiles-fuse \
    --state-dir="$cache/builder-state" \
    "$cache/app-build" "$top/flatpak/$app_id.debian.json"
}

# ---------------------------------------------------------------------
# Stage: run it sandboxed

# Runs inside Xvfb and a D-Bus session (see run_app): start the app, wait
# for its window, take the screenshot, check it is still alive.
in_display() {
  shot=$1
  flatpak run "$app_id" >"$out/app.log" 2>&1 &
  pid=$!
  waited=0
  until xdotool search --onlyvisible --class "^gloss$" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      cat "$out/app.log" >&2
      die "the app exited before showing a window"
    fi
    waited=$((waited + 1))
    [ "$waited" -le 120 ] || die "no Gloss window after 60 s"
    sleep 0.5
  done
  # The first start imports the corpus and builds the font cache; give
  # the first page time to paint.
  sleep 5
  import -window root "$shot"
  kill -0 "$pid" 2>/dev/null || die "the app died after showing its window"
  flatpak kill "$app_id" 2>/dev/null || kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

run_app() {
  # What the sandbox may reach: no network, no host file system.
  perms=$(flatpak info --show-permissions "$app_id")
  printf '%s\n' "$perms"
  if printf '%s\n' "$perms" | grep -q -e '^filesystems=' -e '^shared=.*network'; then
    die "the app may reach the network or the host's files"
  fi

  # A scratch home: the sandbox's data dir is $HOME/.var/app/$app_id.
  home="$out/home"
  rm -rf "$home"
  mkdir -p "$home"
  HOME=$home GSK_RENDERER=cairo \
    xvfb-run -a -s "-screen 0 1600x1000x24" \
    dbus-run-session -- sh "$0" _in-display "$out/gloss-flatpak.png"
  log "screenshot: $out/gloss-flatpak.png"

  # The command line in the same sandbox, on the library the window made
  # in the app's own data dir (no host file system is shared).
  listing=$(HOME=$home flatpak run --command=gloss "$app_id" list)
  printf '%s\n' "$listing" >"$out/list.txt"
  printf '%s\n' "$listing"
  for id in 000_19fab0aeb8cf70aa 002_ba12018ce53e1c1f; do
    printf '%s\n' "$listing" | grep -q "$id" || die "gloss list does not show $id"
  done
  [ -f "$home/.var/app/$app_id/data/gloss/user.db" ] ||
    die "the library is not in the sandbox's data dir"

  # Poppler is the app's own, found through /app/lib in ld.so.conf.
  poppler=$(HOME=$home flatpak run --command=ldd "$app_id" /app/bin/gloss | grep libpoppler-glib)
  log "Poppler: $poppler"
  case $poppler in
    *"=> /app/lib/"*) ;;
    *) die "gloss does not use the Poppler built into /app" ;;
  esac

  # Chinese needs a CJK face inside the sandbox, whatever the host has.
  face=$(HOME=$home flatpak run --command=fc-match "$app_id" -f '%{file}' "Noto Serif CJK SC:lang=zh-cn")
  log "Chinese text uses: $face"
  case $face in
    */run/host/*) die "the CJK font comes from the host, not the sandbox" ;;
    *CJK*) ;;
    *) die "no CJK font inside the sandbox" ;;
  esac
}

# ---------------------------------------------------------------------

if [ "${1:-}" = _in-display ]; then
  in_display "$2"
  exit 0
fi

[ "$(id -u)" = 0 ] || die "run as root (mmdebstrap and apt-get need it)"
mkdir -p "$cache" "$out"
# The scratch installation: nothing touches the machine's own Flatpaks.
export FLATPAK_USER_DIR="$cache/installation"
arch=$(uname -m)
all_start=$(date +%s)

stage host-packages install_host_packages
stage platform build_platform
stage sdk build_sdk
stage install-runtimes install_runtimes
stage build-app build_app
stage run-app run_app

log "all stages took $(( $(date +%s) - all_start )) s"
log "OK: Gloss ran as a Flatpak on org.debian.Platform//$branch"
