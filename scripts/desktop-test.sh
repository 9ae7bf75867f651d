#!/usr/bin/env bash
# Runs the real desktop binary in a virtual X display the size of the most
# common small laptop screen, 1366x768: waits for its window, checks that it
# fits the screen less a taskbar, header and all, that the dashboard rendered
# (window title and screenshot), that a second instance is refused; goes to
# the member page with the keyboard, types a search with xdotool and sees
# the list change, saves the trophy list through the native save dialog;
# checks that closing the app releases the database, and that the window
# opens again where and as large as it was left.
set -euo pipefail
SCREEN_W=1366
SCREEN_H=768
if [ -z "${DISPLAY:-}" ] || [ -z "${DESKTOP_TEST_INNER:-}" ]; then
  export DESKTOP_TEST_INNER=1
  exec xvfb-run -a -s "-screen 0 ${SCREEN_W}x${SCREEN_H}x24 -nolisten tcp" "$0" "$@"
fi

BIN=${ACEDESK_BIN:?set ACEDESK_BIN}
OUT=${ARTIFACTS:-artifacts}
mkdir -p "$OUT"
work=$(mktemp -d)
db=$work/acedesk.db
app_pid=""
cleanup() {
  # The app writes its window's place as it closes: wait for it before
  # removing the directory it writes into.
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    timeout 20 tail --pid="$app_pid" -f /dev/null || kill -9 "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "desktop test FAILED: $*" >&2
  import -window root "$OUT/desktop-failure.png" 2>/dev/null && echo "  the screen at that moment: $OUT/desktop-failure.png" >&2
  # A blank window under a right title is WebKit's web process not painting
  # (or gone): say whether it runs.
  echo "  web processes: $(pgrep -c -f WebKitWebProcess || true)" >&2
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
# Screenshots are of the window alone, so that places in them are places in
# the window's layout at its first size (1280x680), whatever its position.
window_shot() { import -window "$wid" "$1"; }
# The table rows below the first two: full of text when the roster is
# listed, plain background when one member is.
rows_colours() { /usr/bin/convert "$1" -crop 1000x280+250+330 +repage -format %k info:; }
# list_shown FILE / one_row_shown FILE: screenshot the window into FILE and
# check the table's rows area.
list_shown() { window_shot "$1" && [ "$(colours "$1")" -gt 100 ] && [ "$(rows_colours "$1")" -gt 100 ]; }
one_row_shown() { window_shot "$1" && [ "$(colours "$1")" -gt 100 ] && [ "$(rows_colours "$1")" -lt 10 ]; }
# geometry: the window's "X Y WIDTH HEIGHT" on the screen.
geometry() { xdotool getwindowgeometry --shell "$wid" | awk -F= '/^(X|Y|WIDTH|HEIGHT)=/{printf "%s ", $2}'; }

"$BIN" demo --db "$db" >/dev/null
"$BIN" setup --chapter HZ --db "$db" >/dev/null
phone=$("$BIN" members list --json --db "$db" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[42].phone))')
# The trophy page shows the latest published batch. Its members get shipping
# addresses, as a lead fills them in before ordering (the page asks before
# exporting a list with an address missing).
node -e '
const { execFileSync } = require("node:child_process")
const [bin, db] = process.argv.slice(1)
const y = new Date().getFullYear()
const preview = (id) => JSON.parse(execFileSync(bin, ["batch", "preview", id, "--json", "--db", db]))
let batch
for (const year of [y, y - 1]) for (let q = 4; q >= 1 && !batch; q--) { const b = preview(`${year}-Q${q}`); if (b.published) batch = b }
console.log("姓名,手机,地址")
for (const e of batch.entries) console.log(`${e.name},${e.phone},${e.city}市某区示范路 ${e.member_id} 号`)
' "$BIN" "$db" >"$work/addresses.csv"
"$BIN" import members "$work/addresses.csv" --db "$db" >/dev/null

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
charts_shown() { window_shot "$1" && [ "$(/usr/bin/convert "$1" -crop 900x250+250+210 +repage -format %k info:)" -gt 100 ]; }
wait_for "the dashboard to paint" 30 charts_shown "$OUT/desktop-dashboard.png"
import -window root "$OUT/desktop-screen.png"

# The window fits the screen less a taskbar and a title bar (88 px), its
# header on the screen; the header row (the page's title) is painted.
read -r x y w h <<<"$(geometry)"
[ "$y" -ge 0 ] && [ "$x" -ge 0 ] && [ $((x + w)) -le $SCREEN_W ] && [ $((y + h)) -le $SCREEN_H ] ||
  fail "the window ($w x $h at $x,$y) is not all on the ${SCREEN_W}x${SCREEN_H} screen"
[ "$h" -le $((SCREEN_H - 88)) ] || fail "the window is $h px high: more than a ${SCREEN_H}-px screen less a taskbar and a title bar"
header_colours=$(/usr/bin/convert "$OUT/desktop-dashboard.png" -crop 300x40+230+10 +repage -format %k info:)
[ "$header_colours" -gt 20 ] || fail "the page header is not painted ($header_colours colours)"
echo "desktop: the window opens at $w x $h, at $x,$y, on the ${SCREEN_W}x${SCREEN_H} screen"

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
# (its place in the window is fixed by the layout), replace what it holds,
# and type again if the title does not show the one match.
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
xdotool mousemove --window "$wid" 89 491 click 1
wait_for "the trophies page in the window title" 30 title_matches '^奖杯清单 — ACE Desk$'
saved=$work/saved/trophies.pdf
mkdir -p "$work/saved"
dialog_up() { xdotool search --onlyvisible --name '^保存 / Save$'; }
click_export() { xdotool mousemove --window "$wid" 1197 159 click 1; sleep 1; dialog_up; }
wait_for "the save dialog" 60 click_export
import -window root "$OUT/desktop-save-dialog.png"
xdotool key ctrl+a
xdotool type --delay 20 "$saved"
xdotool key Return
wait_for "the saved trophy list" 30 test -s "$saved"
[ "$(head -c 5 "$saved")" = "%PDF-" ] || fail "the saved file is not a PDF"
[ "$(stat -c %a "$saved")" = 600 ] || fail "the saved file is mode $(stat -c %a "$saved"), want 600"
echo "desktop: the trophy list was saved through the dialog ($(stat -c %s "$saved") bytes)"

# Resized and moved, then closed (SIGTERM closes it as its close button
# would): the place is kept beside the database, for the user alone, and
# the window opens there again.
xdotool windowsize --sync "$wid" 1100 620
xdotool windowmove --sync "$wid" 120 60
read -r want_x want_y want_w want_h <<<"$(geometry)"
kill "$app_pid"
timeout 20 tail --pid="$app_pid" -f /dev/null || fail "the app did not close on SIGTERM"
wait "$app_pid" 2>/dev/null || true
app_pid=""
"$BIN" members list --db "$db" >/dev/null || fail "the database is still locked after the app closed"
[ "$(stat -c %a "$db.window")" = 600 ] || fail "the window's place file is mode $(stat -c %a "$db.window"), want 600"
ACEDESK_DB=$db "$BIN" >"$work/app.log" 2>&1 &
app_pid=$!
wait_for "the window to appear again" 60 window_found
wait_for "the dashboard again" 60 title_matches '^仪表盘 — ACE Desk$'
at_last_place() { [ "$(geometry)" = "$want_x $want_y $want_w $want_h " ]; }
wait_for "the window at its last place ($want_w x $want_h at $want_x,$want_y; now: $(geometry))" 30 at_last_place
# The sidebar alone has 100 colours: wait for the dashboard's charts.
wait_for "the reopened window to paint" 30 charts_shown "$OUT/desktop-reopened.png"
echo "desktop: reopened at its last place: $want_w x $want_h at $want_x,$want_y"
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
echo "desktop: passed"
