#!/usr/bin/env bash
# Builds ACE Desk for Windows (make dist), with no cgo, into $DIST:
#   acedesk-<version>-windows-amd64-setup.exe  the installer (NSIS): both programs
#   acedesk-<version>-windows-amd64.exe        the desktop window (WebView2), no console
#   acedesk-<version>-windows-amd64-cli.exe    the console build: the command line with
#                                              output and exit codes, browser mode
# Both programs carry the icon, the version and the manifest (scripts/winres).
# Needs makensis (Debian's nsis). Environment: DIST, VERSION, LDFLAGS, TAGS.
set -euo pipefail
: "${DIST:?}" "${VERSION:?}" "${LDFLAGS:?}" "${TAGS:?}"
cd "$(dirname "$0")/../.."
work=$DIST/.windows
rm -rf "$work"
mkdir -p "$work"
numeric=$(scripts/dist/version.sh windows)
# The resources go into package main as a .syso that only windows/amd64
# links; it is removed when done, so no stale one stays behind.
syso=rsrc_windows_amd64.syso
trap 'rm -f "$syso"' EXIT
resources() { go run ./scripts/winres -version "$numeric" -display "$VERSION" -syso "$syso" "$@"; }

resources -description "ACE Desk" -filename acedesk.exe -ico "$work/acedesk.ico"
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -tags "$TAGS" -ldflags "$LDFLAGS -H windowsgui" -o "$work/acedesk.exe" .
resources -description "ACE Desk command line (browser mode)" -filename acedesk-cli.exe
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -ldflags "$LDFLAGS" -o "$work/acedesk-cli.exe" .
rm -f "$syso"

# The WebView2 bootstrapper Wails ships, from the module cache: nothing is
# downloaded while building.
wails_dir=$(go list -m -f '{{.Dir}}' github.com/wailsapp/wails/v2)
bootstrapper=$wails_dir/internal/webview2runtime/MicrosoftEdgeWebview2Setup.exe
[ -f "$bootstrapper" ] || { echo "windows.sh: no WebView2 bootstrapper at $bootstrapper" >&2; exit 1; }

setup=$DIST/acedesk-$VERSION-windows-amd64-setup.exe
abs() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
makensis -V2 -INPUTCHARSET UTF8 \
  -DARG_WAILS_AMD64_BINARY="$(abs "$work/acedesk.exe")" \
  -DARG_CLI_AMD64_BINARY="$(abs "$work/acedesk-cli.exe")" \
  -DVERSION_NUMERIC="$numeric" -DVERSION_DISPLAY="$VERSION" \
  -DINSTALLER_ICON="$(abs "$work/acedesk.ico")" \
  -DWEBVIEW2_BOOTSTRAPPER="$bootstrapper" \
  -DLICENSE_FILE="$(abs LICENSE)" -DFONT_LICENSE_FILE="$(abs app/pdf/fonts/OFL.txt)" \
  -DOUTFILE="$(abs "$setup")" \
  build/windows/installer/project.nsi
cp "$work/acedesk.exe" "$DIST/acedesk-$VERSION-windows-amd64.exe"
cp "$work/acedesk-cli.exe" "$DIST/acedesk-$VERSION-windows-amd64-cli.exe"
rm -rf "$work"
