#!/usr/bin/env bash
# deb.sh 4.0|4.1 BINARY: the Debian package of the desktop app built for
# WebKitGTK 4.0 (Debian 12, UOS, Kylin) or 4.1 (Ubuntu 24.04, Debian 13;
# Wails' webkit2_41 tag), written to
# $DIST/acedesk_<version>_amd64_webkit2gtk-<4.0|4.1>.deb with
#   /usr/bin/acedesk
#   /usr/share/applications/acedesk.desktop            (build/linux)
#   /usr/share/icons/hicolor/<size>/apps/acedesk.png    (build/appicon.png, resized)
#   /usr/share/doc/acedesk/copyright, changelog.gz
# No debhelper: dpkg-deb on a staged tree, files owned by root.
# Environment: DIST, VERSION (git describe); DEB_MAINTAINER.
set -euo pipefail
variant=${1:?usage: deb.sh 4.0|4.1 BINARY} bin=${2:?usage: deb.sh 4.0|4.1 BINARY}
: "${DIST:?}" "${VERSION:?}"
maintainer=${DEB_MAINTAINER:-"ACE Desk <acedesk@postgresql.invalid>"}
cd "$(dirname "$0")/../.."
case $variant in
4.0) webkit="libwebkit2gtk-4.0-37" gtk="libgtk-3-0" ;;
4.1) webkit="libwebkit2gtk-4.1-0" gtk="libgtk-3-0t64 | libgtk-3-0" ;;
*) echo "deb.sh: variant 4.0 or 4.1, not $variant" >&2; exit 2 ;;
esac
grep -q "libwebkit2gtk-$variant" <(objdump -p "$bin" | grep NEEDED) ||
  { echo "deb.sh: $bin does not link WebKitGTK $variant" >&2; exit 1; }
# The newest glibc symbol version the binary uses: where it was built
# (Debian 12: 2.34) is the oldest glibc it runs on, so say so to apt
# rather than fail at start.
glibc=$(objdump -T "$bin" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
debver=$(scripts/dist/version.sh deb)
out=$DIST/acedesk_${debver}_amd64_webkit2gtk-$variant.deb

stage=$DIST/.deb-$variant
rm -rf "$stage"
install -D -m 0755 "$bin" "$stage/usr/bin/acedesk"
install -D -m 0644 build/linux/acedesk.desktop "$stage/usr/share/applications/acedesk.desktop"
for size in 16 24 32 48 64 128 256 512; do
  dir=$stage/usr/share/icons/hicolor/${size}x${size}/apps
  mkdir -p "$dir"
  /usr/bin/convert build/appicon.png -resize "${size}x${size}" -depth 8 -strip "png:$dir/acedesk.png"
done

doc=$stage/usr/share/doc/acedesk
mkdir -p "$doc"
indent() { sed -e 's/^[[:space:]]*$/./' -e 's/^/ /' "$1"; }
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: ACE Desk"
  echo
  echo "Files: *"
  echo "Copyright: 2026 the PostgreSQL chapter of the China Open Source Software Promotion Union"
  echo " (中国开源软件推进联盟 PostgreSQL 分会) and ACE Desk contributors"
  echo "License: PostgreSQL"
  indent LICENSE
  echo
  echo "Files: usr/bin/acedesk"
  echo "Comment: The program embeds the font LXGW WenKai (LXGWWenKai-Regular.ttf),"
  echo " unmodified, as Debian's fonts-lxgw-wenkai packages it, to set its PDFs."
  echo "Copyright: 2021-2022 lxgw <calxgw2018@gmail.com>"
  echo "License: OFL-1.1"
  indent app/pdf/fonts/OFL.txt
} >"$doc/copyright"
# A native package (no Debian revision): changelog.gz.
{
  echo "acedesk ($debver) unstable; urgency=medium"
  echo
  echo "  * Built from git $VERSION for WebKitGTK $variant,"
  echo "    commit ${COMMIT:-unknown}."
  echo
  echo " -- $maintainer  $(date -R -u ${SOURCE_DATE_EPOCH:+-d @$SOURCE_DATE_EPOCH})"
} | gzip -9n >"$doc/changelog.gz"
# What lintian would otherwise warn about, and why it is so.
mkdir -p "$stage/usr/share/lintian/overrides"
cat >"$stage/usr/share/lintian/overrides/acedesk" <<'OVERRIDES'
# `acedesk --help` is the manual; the README has the rest.
acedesk: no-manual-page [usr/bin/acedesk]
# Built as Wails and the rest of make build build it (not -buildmode=pie).
acedesk: hardening-no-pie [usr/bin/acedesk]
OVERRIDES
chmod 0644 "$stage/usr/share/lintian/overrides/acedesk"

mkdir -p "$stage/DEBIAN"
cat >"$stage/DEBIAN/control" <<CONTROL
Package: acedesk
Version: $debver
Architecture: amd64
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: libc6 (>= $glibc), $gtk, $webkit
Section: misc
Priority: optional
Description: PostgreSQL ACE contributor honor program desk (WebKitGTK $variant)
 ACE Desk is the desktop tool of the regional organizers of the China
 PostgreSQL chapter's PostgreSQL ACE contributor honor program: the roster,
 groups, events, contributions and points, each year's levels with their
 reasons, quarterly batches, the year-end renewal, certificates and trophy
 lists, and data files for headquarters. One program, no server; Chinese
 first, English second.
 .
 This package is built for WebKitGTK $variant.
CONTROL
dpkg-deb --root-owner-group -Zxz --build "$stage" "$out" >/dev/null
rm -rf "$stage"
echo "$out"
