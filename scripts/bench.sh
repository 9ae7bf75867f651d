#!/usr/bin/env bash
# Runs the Go benchmarks of this tree; with BASE=<git revision>, also of that
# revision (in a temporary worktree), alternating runs so both see the same
# machine load, then compares them with benchstat.
set -euo pipefail
out=${ARTIFACTS:-artifacts}
count=${COUNT:-6}
pattern=${BENCH:-.}
mkdir -p "$out"
bench() { (cd "$1" && go test -run '^$' -bench "$pattern" -benchmem -count 1 ./... 2>/dev/null | grep -E '^(Benchmark|goos|goarch|pkg|cpu)'); }

if [ -z "${BASE:-}" ]; then
  for _ in $(seq "$count"); do bench .; done | tee "$out/bench.txt"
  exit 0
fi
base=$(mktemp -d)
trap 'git worktree remove --force "$base" >/dev/null 2>&1 || true' EXIT
git worktree add --detach "$base" "$BASE" >/dev/null
# The frontend is embedded by the main package: benchmarks do not need it.
mkdir -p "$base/frontend/dist" && touch "$base/frontend/dist/index.html"
# The PDF font is embedded too, and not in git (make fonts copies it).
cp app/pdf/fonts/*.ttf "$base/app/pdf/fonts/"
: >"$out/bench-base.txt"; : >"$out/bench-head.txt"
for i in $(seq "$count"); do
  echo "run $i of $count" >&2
  bench "$base" >>"$out/bench-base.txt"
  bench . >>"$out/bench-head.txt"
done
go run golang.org/x/perf/cmd/benchstat@latest "$out/bench-base.txt" "$out/bench-head.txt" | tee "$out/benchstat.txt"
