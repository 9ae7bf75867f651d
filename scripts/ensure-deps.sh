#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages given as arguments when any is missing:
# with apt-get as root, with sudo when it needs no password, otherwise it
# prints the exact command to run and fails.
set -euo pipefail

missing=()
for pkg in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

for tool in go node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "acedesk: '$tool' is not installed. Install Go (1.24 or newer) and Node.js (20 or newer) first." >&2
    exit 1
  fi
done

[ ${#missing[@]} -eq 0 ] && exit 0

cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
echo "acedesk: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  "${cmd[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive "${cmd[@]}" >/dev/null
else
  echo "acedesk: these packages are missing. Run this once, then try again:" >&2
  echo "  sudo apt-get update && sudo ${cmd[*]}" >&2
  exit 1
fi
