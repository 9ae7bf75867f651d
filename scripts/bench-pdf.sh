#!/usr/bin/env bash
# 1,000 honor certificates of one batch, as `acedesk certs` prints them (a
# new process, the database included, codes signed with the chapter key),
# side by side with Python ReportLab and LibreOffice headless making the
# same certificates (the same names, serials and signed codes, read from
# ACE Desk's own export) in the same run. Prints the times, the bytes a
# page and how many times slower the others are. Installs what it needs
# (the other tools are not part of ACE Desk's build or tests).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${ARTIFACTS:-artifacts}
mkdir -p "$out"
scripts/ensure-deps.sh fonts-lxgw-wenkai python3-reportlab libreoffice-writer-nogui poppler-utils unzip
# Debian's Python: python3-reportlab is installed for it, not for a pyenv.
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", a / b }'; }

# The program as a user has it, and a chapter with 1,000 new members in
# last year's fourth quarter: a talk at a regional summit each (200 points,
# ACE Partner), names of two and three characters, rare ones among them.
go build -o "$tmp/acedesk" .
ace() { ACEDESK_DB="$tmp/bench.db" "$tmp/acedesk" "$@"; }
year=$(( $(date +%Y) - 1 ))
batch="$year-Q4"
"$py" - "$tmp" "$year" <<'EOF'
import sys
tmp, year = sys.argv[1], sys.argv[2]
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高欧阳"
given = "喆堃玥伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂昇"
with open(f"{tmp}/members.csv", "w", encoding="utf-8") as m, open(f"{tmp}/talks.csv", "w", encoding="utf-8") as c:
    m.write("name,phone,city\n")
    c.write("phone,kind,date,title\n")
    for i in range(1000):
        name = surnames[i % len(surnames)] + given[i % len(given)] + (given[(i // 7) % len(given)] if i % 3 else "")
        phone = "139%08d" % i
        m.write(f"{name},{phone},杭州\n")
        c.write(f"{phone},talk_regional,{year}-11-{1 + i % 28:02d},PostgreSQL 实践 {i}\n")
EOF
ace setup --chapter HZ --operator bench >/dev/null
ace import members "$tmp/members.csv" >/dev/null
ace import contributions "$tmp/talks.csv" >/dev/null
ace batch publish "$batch" >/dev/null
# Issuing signs and numbers each certificate once; what is timed is the
# printing, as often as the chapter prints (the same serials each time).
ace certs --batch "$batch" --split "$tmp/issued" >/dev/null

t0=$(now)
ace certs --batch "$batch" --out "$tmp/ace.pdf" >/dev/null
one=$(secs "$t0" "$(now)")
t0=$(now)
ace certs --batch "$batch" --split "$tmp/ace-each" >/dev/null
each=$(secs "$t0" "$(now)")
n=$(pages "$tmp/ace.pdf")
perpage=$(( $(stat -c %s "$tmp/ace.pdf") / n ))

# The same certificates for the others, from ACE Desk's own export.
ace export --format csv --out "$tmp/data.zip" >/dev/null
unzip -q -o "$tmp/data.zip" certificates.csv -d "$tmp"

t0=$(now)
"$py" scripts/bench-pdf/others.py reportlab "$tmp/certificates.csv" "$tmp/reportlab.pdf"
rl=$(secs "$t0" "$(now)")
t0=$(now)
"$py" scripts/bench-pdf/others.py reportlab-each "$tmp/certificates.csv" "$tmp/reportlab-each"
rleach=$(secs "$t0" "$(now)")

"$py" scripts/bench-pdf/others.py html "$tmp/certificates.csv" "$tmp/certs.html"
t0=$(now)
soffice --headless --norestore "-env:UserInstallation=file://$tmp/lo-profile" \
  --convert-to pdf:writer_pdf_Export --outdir "$tmp" "$tmp/certs.html" >/dev/null 2>&1
lo=$(secs "$t0" "$(now)")

{
  echo "1,000 honor certificates of one batch (A4 landscape, LXGW WenKai, CJK names, signed QR codes), $(nproc) cores:"
  printf "  %-44s %7s s  %5s bytes/page (%s pages)\n" "acedesk certs --out (one PDF)" "$one" "$perpage" "$n"
  printf "  %-44s %7s s  %5s× ACE Desk  (%s bytes/page)\n" "Python ReportLab, one PDF" "$rl" "$(ratio "$rl" "$one")" "$(( $(stat -c %s "$tmp/reportlab.pdf") / $(pages "$tmp/reportlab.pdf") ))"
  printf "  %-44s %7s s  %5s× ACE Desk  (%s bytes/page, no QR)\n" "LibreOffice headless (HTML), one PDF" "$lo" "$(ratio "$lo" "$one")" "$(( $(stat -c %s "$tmp/certs.pdf") / $(pages "$tmp/certs.pdf") ))"
  printf "  %-44s %7s s\n" "acedesk certs --split (1,000 PDFs)" "$each"
  printf "  %-44s %7s s  %5s× ACE Desk\n" "Python ReportLab, 1,000 PDFs" "$rleach" "$(ratio "$rleach" "$each")"
} | tee "$out/bench-pdf.txt"
