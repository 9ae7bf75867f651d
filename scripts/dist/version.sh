#!/usr/bin/env bash
# version.sh deb|windows: the version that `git describe` gives ($VERSION
# when set, as make passes it) in the form a package needs.
#   deb      a Debian version: 1.2.0 on a tag v1.2.0, 1.2.0+git5.g0123abc
#            five commits later, 0~git213.g0123abc before the first tag
#            (".dirty" for uncommitted changes); ~ and + order them right
#   windows  four numbers up to 65535, for the version resources and the
#            installer: 1.2.0.5 (the tag's numbers and the commits since)
set -euo pipefail
describe=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
if tag=$(git describe --tags --abbrev=0 --match 'v[0-9]*' 2>/dev/null); then
  base=${tag#v}
  count=$(git rev-list --count "$tag"..HEAD)
else
  tag="" base="" count=$(git rev-list --count HEAD 2>/dev/null || echo 0)
fi
hash=$(git rev-parse --short=7 HEAD 2>/dev/null || echo unknown)
dirty=""
[[ $describe == *-dirty ]] && dirty=.dirty

case ${1:-} in
deb)
  if [ -z "$tag" ]; then
    echo "0~git$count.g$hash$dirty"
  else
    # v1.2.0-rc1 → 1.2.0~rc1 (before 1.2.0).
    deb=${base//-/\~}
    if [ "$count" -eq 0 ] && [ -z "$dirty" ]; then echo "$deb"; else echo "$deb+git$count.g$hash$dirty"; fi
  fi
  ;;
windows)
  IFS=. read -r a b c _ <<<"${base%%[-+~]*}.."
  num() { local n=${1//[^0-9]/}; n=${n:-0}; echo $((10#$n > 65535 ? 65535 : 10#$n)); }
  echo "$(num "$a").$(num "$b").$(num "$c").$(num "$count")"
  ;;
*)
  echo "usage: $0 deb|windows" >&2
  exit 2
  ;;
esac
