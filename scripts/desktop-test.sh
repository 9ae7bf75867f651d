#!/usr/bin/env bash
# Runs the real desktop binary in a virtual X display: waits for its window,
# checks that the dashboard rendered (window title and screenshot), checks
# that a second instance is refused, goes to the member page with the
# keyboard, types a search with xdotool and sees the list change, saves the
# trophy list through the native save dialog, and checks that closing the app
# releases the database.
set -euo pipefail
if [ -z "${DISPLAY:-}" ] || [ -z "${DESKTOP_TEST_INNER:-}" ]; then
  export DESKTOP_TEST_INNER=1
  exec xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" "$0" "$@"
fi

BIN=${ACEDESK_BIN:?set ACEDESK_BIN}
OUT=${ARTIFACTS:-artifacts}
mkdir -p "$OUT"
work=$(mktemp -d)
db=$work/acedesk.db
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "desktop test FAILED: $*" >&2
  import -window root "$OUT/desktop-failure.png" 2>/dev/null && echo "  the screen at that moment: $OUT/desktop-failure.png" >&2
  [ -f "$work/app.log" ] && sed 's/^/  app: /' "$work/app.log" >&2
  exit 1
}

# wait_for DESCRIPTION SECONDS COMMAND...: retry COMMAND until it succeeds.
wait_for() {
  local what=$1 limit=$2; shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || fail "timed out after ${limit}s waiting for $what"
    sleep 0.2
  done
}
title_matches() { xdotool getwindowname "$wid" | grep -q -- "$1"; }
colours() { /usr/bin/convert "$1" -format %k info:; }
# The table rows below the first two, at the window's 1280x860 layout: full of
# text when the roster is listed, plain background when one member is.
rows_colours() { /usr/bin/convert "$1" -crop 1000x400+250+350 +repage -format %k info:; }
# list_shown FILE / one_row_shown FILE: screenshot the display into FILE and
# check the table's rows area.
list_shown() { import -window root "$1" && [ "$(colours "$1")" -gt 100 ] && [ "$(rows_colours "$1")" -gt 100 ]; }
one_row_shown() { import -window root "$1" && [ "$(colours "$1")" -gt 100 ] && [ "$(rows_colours "$1")" -lt 10 ]; }

"$BIN" demo --db "$db" >/dev/null
"$BIN" setup --chapter HZ --db "$db" >/dev/null
phone=$("$BIN" members list --json --db "$db" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[42].phone))')

start=$(date +%s%N)
ACEDESK_DB=$db "$BIN" >"$work/app.log" 2>&1 &
app_pid=$!
# Polled rather than `search --sync`: a window that WebKit creates and
# destroys while xdotool walks the tree makes one search fail (BadWindow).
window_found() { wid=$(xdotool search --onlyvisible --name 'ACE Desk' 2>/dev/null | head -1) && [ -n "$wid" ]; }
wait_for "the window to appear" 60 window_found
wait_for "the dashboard in the window title" 60 title_matches '^仪表盘 — ACE Desk$'
echo "desktop: first screen after $(( ($(date +%s%N) - start) / 1000000 )) ms (window title: $(xdotool getwindowname "$wid"))"

# The charts' area (right of the sidebar, below the level cards) is full of
# bars and labels once the dashboard has painted.
charts_shown() { import -window root "$1" && [ "$(/usr/bin/convert "$1" -crop 900x250+250+230 +repage -format %k info:)" -gt 100 ]; }
wait_for "the dashboard to paint" 30 charts_shown "$OUT/desktop-dashboard.png"

# A second ACE Desk on the same file is refused within 2 s, with exit code 3.
t0=$(date +%s%N)
set +e; "$BIN" members list --db "$db" >/dev/null 2>"$work/second.err"; code=$?; set -e
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
[ "$code" -eq 3 ] || fail "second instance exit code $code, want 3"
[ "$ms" -lt 2000 ] || fail "second instance took ${ms} ms to be refused"
echo "desktop: second instance refused in ${ms} ms: $(cat "$work/second.err")"

# A second desktop ACE Desk on the same file shows a dialog, then exits 3.
# Its windows are titled exactly "ACE Desk": the message page, then the dialog.
refusal_windows() { xdotool search --onlyvisible --name '^ACE Desk$' 2>/dev/null; }
dialog_shown() { [ "$(refusal_windows | wc -l)" -ge 2 ]; }
t0=$(date +%s%N)
ACEDESK_DB=$db "$BIN" >"$work/second-desktop.log" 2>&1 &
second_pid=$!
wait_for "the second instance's dialog" 10 dialog_shown
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
wait_for "the dialog to paint" 10 import -window root "$OUT/desktop-second-instance.png"
dialog=$(refusal_windows | sort -n | tail -1)
xdotool windowfocus --sync "$dialog" key Return
timeout 10 tail --pid="$second_pid" -f /dev/null || { kill "$second_pid"; fail "the second instance did not exit after OK"; }
set +e; wait "$second_pid"; code=$?; set -e
[ "$code" -eq 3 ] || fail "second desktop instance exit code $code, want 3"
grep -q "open in another ACE Desk" "$work/second-desktop.log" || fail "second desktop instance did not say why"
echo "desktop: second window refused with a dialog after ${ms} ms, exit 3"

# To the member list with the keyboard: the first Tab reaches the first
# menu link (仪表盘), the second 成员.
xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool key --delay 100 Tab Tab Return
wait_for "the member list in the window title" 30 title_matches '(300)'
wait_for "the member list to paint" 30 list_shown "$OUT/desktop-members.png"

# Type into the search box and see the list change. The box takes focus on
# arrival, but on a loaded machine that can come after the first keys, and
# xdotool's synthetic keys can be dropped while WebKit is busy: click the box
# (its place in the 1280x860 window is fixed by the layout), replace what it
# holds, and type again if the title does not show the one match.
typed() {
  xdotool mousemove --window "$wid" 424 87 click 1
  xdotool key ctrl+a BackSpace
  xdotool type --delay 80 "$phone"
  local deadline=$((SECONDS + 20))
  until title_matches '(1)'; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}
typed || typed || typed || fail "the search result never reached the window title (now: $(xdotool getwindowname "$wid"))"
wait_for "the list to narrow to one row" 30 one_row_shown "$OUT/desktop-search.png"
echo "desktop: search for $phone narrowed the list (window title: $(xdotool getwindowname "$wid"))"

# Export the trophy list: the native save dialog (its Save button is the
# default, so Return takes the typed path) writes the file, readable by the
# user only. The export button is disabled until the list has loaded, so
# click it until the dialog comes.
xdotool mousemove 89 511 click 1
wait_for "the trophies page in the window title" 30 title_matches '^奖杯清单 — ACE Desk$'
saved=$work/saved/trophies.pdf
mkdir -p "$work/saved"
dialog_up() { xdotool search --onlyvisible --name '^保存 / Save$'; }
click_export() { xdotool mousemove 1197 179 click 1; sleep 1; dialog_up; }
wait_for "the save dialog" 60 click_export
import -window root "$OUT/desktop-save-dialog.png"
xdotool key ctrl+a
xdotool type --delay 20 "$saved"
xdotool key Return
wait_for "the saved trophy list" 30 test -s "$saved"
[ "$(head -c 5 "$saved")" = "%PDF-" ] || fail "the saved file is not a PDF"
[ "$(stat -c %a "$saved")" = 600 ] || fail "the saved file is mode $(stat -c %a "$saved"), want 600"
echo "desktop: the trophy list was saved through the dialog ($(stat -c %s "$saved") bytes)"

kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
"$BIN" members list --db "$db" >/dev/null || fail "the database is still locked after the app closed"
echo "desktop: passed"
