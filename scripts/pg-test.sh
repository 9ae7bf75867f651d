#!/usr/bin/env bash
# Runs the PostgreSQL tests (go test -run PG, and with ACEDESK_BIN the
# browser tests in scripts/e2e-pg) against a real server: a
# fresh cluster in a temporary folder, listening on a free loopback port
# with password authentication, stopped and deleted on exit.
# As root the server runs as "nobody", since postgres refuses to run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ ! -x "$PGBIN/postgres" ]; then
  echo "pg-test: PostgreSQL server binaries not found (install the 'postgresql' package)" >&2
  exit 1
fi

dir=$(mktemp -d /tmp/acedesk-pg.XXXXXX)
as=()
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$dir"
  as=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
fi
pid=""
cleanup() {
  if [ -n "$pid" ]; then
    kill -INT "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT

# A port nothing listens on: bash's /dev/tcp fails to connect to it.
port=""
for try in $(shuf -i 20000-60000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$try") 2>/dev/null; then port=$try; break; fi
done
[ -n "$port" ] || { echo "pg-test: no free port found" >&2; exit 1; }

password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf '%s\n' "$password" >"$dir/pw"
chmod 0644 "$dir/pw"
"${as[@]}" "$PGBIN/initdb" -D "$dir/data" -U acedesk --pwfile="$dir/pw" --auth-local=trust --auth-host=scram-sha-256 \
  --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
rm -f "$dir/pw"

"${as[@]}" "$PGBIN/postgres" -D "$dir/data" -h 127.0.0.1 -p "$port" -k "$dir" -c fsync=off -c full_page_writes=off \
  >"$dir/server.log" 2>&1 &
pid=$!

for _ in $(seq 1 100); do
  if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$dir/server.log" >&2; exit 1; fi
  sleep 0.1
done
"$PGBIN/pg_isready" -h 127.0.0.1 -p "$port"

export ACEDESK_PG_DSN="postgres://acedesk:$password@127.0.0.1:$port/postgres?sslmode=disable"
export PATH="$PGBIN:$PATH"
timeout 900 go test -count=1 -run 'PG' "$@" ./...
# The browser tests against this server, when a built binary is given.
if [ -n "${ACEDESK_BIN:-}" ]; then
  timeout 600 node --test --test-concurrency=1 scripts/e2e-pg/
fi
