#!/usr/bin/env bash
# 1,000 certificates in one PDF, side by side: ACE Desk (app/pdf), Python
# ReportLab and LibreOffice headless converting HTML. Prints the times and
# how many times slower the others are. Installs what it needs (the other
# tools are not part of ACE Desk's build or tests).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${ARTIFACTS:-artifacts}
mkdir -p "$out"
scripts/ensure-deps.sh fonts-lxgw-wenkai python3-reportlab libreoffice-writer-nogui poppler-utils
# Debian's Python: python3-reportlab is installed for it, not for a pyenv.
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

# ACE Desk: the benchmarks run once each; ns/op is the time for 1,000.
go test -run '^$' -bench 'Certificates1000$|Separate1000$' -benchtime 1x ./app/pdf/ >"$tmp/go.txt"
ns() { awk -v b="$1" '$1 ~ b { for (i = 1; i < NF; i++) if ($(i+1) == "ns/op") print $i }' "$tmp/go.txt"; }
ace=$(awk -v n="$(ns '^BenchmarkCertificates1000')" 'BEGIN { printf "%.2f", n / 1e9 }')
each=$(awk -v n="$(ns '^BenchmarkSeparate1000')" 'BEGIN { printf "%.2f", n / 1e9 }')
perpage=$(awk '/^BenchmarkCertificates1000/ { for (i = 1; i < NF; i++) if ($(i+1) == "bytes/page") print $i }' "$tmp/go.txt")

t0=$(now)
"$py" scripts/bench-pdf/others.py reportlab "$tmp/reportlab.pdf"
rl=$(secs "$t0" "$(now)")

"$py" scripts/bench-pdf/others.py html "$tmp/certs.html"
t0=$(now)
soffice --headless --norestore "-env:UserInstallation=file://$tmp/lo-profile" \
  --convert-to pdf:writer_pdf_Export --outdir "$tmp" "$tmp/certs.html" >/dev/null 2>&1
lo=$(secs "$t0" "$(now)")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
{
  echo "1,000 certificates, one PDF (A4 landscape, LXGW WenKai):"
  printf "  %-34s %7s s  %s bytes/page\n" "ACE Desk (app/pdf)" "$ace" "$perpage"
  printf "  %-34s %7s s  %5s× ACE Desk  (%s pages, %s bytes)\n" "Python ReportLab (with QR)" "$rl" "$(ratio "$rl" "$ace")" "$(pages "$tmp/reportlab.pdf")" "$(stat -c %s "$tmp/reportlab.pdf")"
  printf "  %-34s %7s s  %5s× ACE Desk  (%s pages, %s bytes)\n" "LibreOffice headless (HTML, no QR)" "$lo" "$(ratio "$lo" "$ace")" "$(pages "$tmp/certs.pdf")" "$(stat -c %s "$tmp/certs.pdf")"
  printf "1,000 separate PDFs, ACE Desk: %s s\n" "$each"
} | tee "$out/bench-pdf.txt"
