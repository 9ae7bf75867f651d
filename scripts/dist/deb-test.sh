#!/usr/bin/env bash
# The .deb packages as a user on Debian 12, UOS or Kylin meets them: lintian
# on both; then each is installed with apt-get (the 4.1 one too: Debian 12
# has WebKitGTK 4.1 as well), the installed /usr/bin/acedesk passes the
# desktop test (scripts/desktop-test.sh: its window under Xvfb on a demo
# database, a second instance refused, search, a save dialog), and the
# package is removed, leaving nothing behind. Installing needs root (or
# sudo without a password); without it, and on a machine where an acedesk
# package is already installed (not the test's to replace), that part is
# skipped, saying so. Environment: DIST, VERSION, ARTIFACTS.
set -euo pipefail
: "${DIST:?}" "${VERSION:?}"
OUT=${ARTIFACTS:-artifacts}
cd "$(dirname "$0")/../.."
fail() { echo "deb test FAILED: $*" >&2; exit 1; }

debs=("$DIST"/acedesk_*_amd64_webkit2gtk-4.0.deb "$DIST"/acedesk_*_amd64_webkit2gtk-4.1.deb)
for deb in "${debs[@]}"; do [ -f "$deb" ] || fail "no package $deb"; done

# lintian: errors fail, warnings are shown.
for deb in "${debs[@]}"; do
  report=$(lintian --tag-display-limit 0 "$deb" 2>&1 | grep -v 'running with root privileges' || true)
  [ -n "$report" ] && echo "$report" | sed "s|^|deb: lintian $(basename "$deb"): |"
  ! grep -q '^E:' <<<"$report" || fail "lintian found errors in $(basename "$deb")"
done
echo "deb: lintian found no errors"

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo); else
    echo "deb: SKIPPED installing the packages: that needs root or sudo without a password"
    exit 0
  fi
fi
if dpkg-query -W -f='${Status}' acedesk 2>/dev/null | grep -q 'install ok installed'; then
  echo "deb: SKIPPED installing the packages: an acedesk package is already installed on this machine"
  exit 0
fi
installed=""
cleanup() { [ -z "$installed" ] || "${sudo[@]}" apt-get remove -y -qq acedesk >/dev/null 2>&1 || true; }
trap cleanup EXIT
# apt-get, quiet unless it fails.
apt() {
  local out
  out=$("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -qq -o DPkg::Lock::Timeout=300 "$@" 2>&1) ||
    { echo "$out" >&2; return 1; }
}

for variant in 4.0 4.1; do
  deb=$(ls "$DIST"/acedesk_*_amd64_webkit2gtk-$variant.deb)
  installed=yes
  apt install --no-install-recommends "$(realpath "$deb")" || fail "apt-get install ./$(basename "$deb")"
  files=$(dpkg -L acedesk)
  for f in /usr/bin/acedesk /usr/share/applications/acedesk.desktop \
    /usr/share/icons/hicolor/{16x16,32x32,48x48,64x64,128x128,256x256,512x512}/apps/acedesk.png \
    /usr/share/doc/acedesk/copyright; do
    grep -qx "$f" <<<"$files" && [ -e "$f" ] || fail "$(basename "$deb") did not install $f"
  done
  desktop-file-validate /usr/share/applications/acedesk.desktop || fail "acedesk.desktop is not valid"
  version=$(/usr/bin/acedesk version)
  grep -qx "acedesk $VERSION" <<<"$version" && grep -q "^window:  WebKitGTK $variant" <<<"$version" ||
    fail "the installed acedesk says: $version"
  echo "deb: $(basename "$deb") installed; /usr/bin/acedesk says $(tr '\n' ' ' <<<"$version")"

  ACEDESK_BIN=/usr/bin/acedesk ARTIFACTS="$OUT/deb-webkit2gtk-$variant" scripts/desktop-test.sh 2>&1 |
    sed "s/^/deb $variant: /" || fail "the installed acedesk (WebKitGTK $variant) failed the desktop test"

  apt remove acedesk || fail "apt-get remove acedesk"
  installed=""
  ! dpkg-query -W -f='${Status}' acedesk 2>/dev/null | grep -q 'install ok installed' || fail "acedesk is still installed"
  for f in $files; do
    [ -d "$f" ] || [ ! -e "$f" ] || fail "apt-get remove left $f"
  done
  echo "deb: $(basename "$deb") removed, /usr/bin/acedesk is gone"
done
echo "deb: passed"
