#!/usr/bin/env bash
# Starts the desktop window N times under Xvfb (1366x768) on a demo
# database and counts the starts whose dashboard never painted within 40 s:
# the measure behind "the window stays white" (a GTK call off its main
# thread did that about once in twenty cold starts). With --cold, the page
# cache is dropped before each start (root only, and it slows the whole
# machine), as on a machine that has just booted or installed the package;
# warm starts hardly ever showed it.
# usage: scripts/desktop-starts.sh BIN N [--cold]
set -euo pipefail
if [ -z "${DISPLAY:-}" ] || [ -z "${DESKTOP_STARTS_INNER:-}" ]; then
  export DESKTOP_STARTS_INNER=1
  exec xvfb-run -a -s "-screen 0 1366x768x24 -nolisten tcp" "$0" "$@"
fi
BIN=${1:?usage: desktop-starts.sh BIN N [--cold]}
N=${2:?usage: desktop-starts.sh BIN N [--cold]}
cold=${3:-}
[ -z "$cold" ] || [ "$cold" = --cold ] || { echo "usage: desktop-starts.sh BIN N [--cold]" >&2; exit 2; }
work=$(mktemp -d)
pid=""
cleanup() {
  [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; } || true
  rm -rf "$work"
}
trap cleanup EXIT
db=$work/acedesk.db
"$BIN" demo --db "$db" >/dev/null

# The charts' area right of the sidebar has over 100 colours once painted.
painted() {
  local wid
  wid=$(xdotool search --onlyvisible --name 'ACE Desk' 2>/dev/null | head -1) && [ -n "$wid" ] &&
    import -window "$wid" "$work/shot.png" 2>/dev/null &&
    [ "$(convert "$work/shot.png" -crop 900x250+250+210 +repage -format %k info:)" -gt 100 ]
}
white=0
for i in $(seq "$N"); do
  rm -f "$db.window"
  [ -z "$cold" ] || { sync && echo 3 >/proc/sys/vm/drop_caches; }
  start=$(date +%s%N)
  ACEDESK_DB=$db "$BIN" >"$work/app.log" 2>&1 &
  pid=$!
  deadline=$((SECONDS + 40))
  until painted; do
    [ $SECONDS -lt $deadline ] || break
    sleep 0.2
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if painted; then echo "start $i: painted after $ms ms"; else
    white=$((white + 1))
    echo "start $i: NOT painted after $ms ms (window title: $(xdotool search --name 'ACE Desk' getwindowname 2>/dev/null | head -1))"
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=""
done
echo "desktop starts: $white of $N stayed white${cold:+ (cold page cache)}"
