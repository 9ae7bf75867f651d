#!/usr/bin/env bash
# macos.sh arm64|amd64: the macOS browser-mode build (no window,
# CGO_ENABLED=0: started with no command it runs serve and opens the
# browser), as $DIST/acedesk-<version>-macos-<arch>-browser.tar.gz holding
# a folder of the same name with acedesk (executable: a tar keeps the mode,
# a bare download would not), README.txt and the licences.
# Environment: DIST, VERSION, LDFLAGS.
set -euo pipefail
arch=${1:?usage: macos.sh arm64|amd64}
: "${DIST:?}" "${VERSION:?}" "${LDFLAGS:?}"
cd "$(dirname "$0")/../.."
name=acedesk-$VERSION-macos-$arch-browser
stage=$DIST/.macos-$arch
rm -rf "$stage"
mkdir -p "$stage/$name"
GOOS=darwin GOARCH=$arch CGO_ENABLED=0 go build -ldflags "$LDFLAGS" -o "$stage/$name/acedesk" .
sed "s/VERSION/$VERSION/" build/darwin/README.txt >"$stage/$name/README.txt"
cp LICENSE "$stage/$name/LICENSE.txt"
cp app/pdf/fonts/OFL.txt "$stage/$name/OFL.txt"
chmod 0755 "$stage/$name/acedesk"
chmod 0644 "$stage/$name/"*.txt
tar -C "$stage" --owner=0 --group=0 --numeric-owner --sort=name -czf "$DIST/$name.tar.gz" "$name"
rm -rf "$stage"
