#!/usr/bin/env bash
# Issue 16 probes: peak memory and time of the bounded input path, and linear time on unpunctuated text.
# Too large for the test suite (a 1 GB CSV takes about 15 minutes on 2 shared cores). Usage:
#   tools/probe-limits.sh [WORKDIR]        (default /tmp/textlens-probes; needs ~6 GB of disk)
#   QUICK=1 tools/probe-limits.sh          everything but the 1 GB CSV
# Prints one line per probe: exit code, wall time, peak RSS, and the CLI's summary line.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-/tmp/textlens-probes}"
mkdir -p "$work"
bin="$work/bin"
dotnet build "$root/src/TextLens.Cli" -c Release -o "$bin" -v quiet -nologo >/dev/null   # a private copy: rebuilding the tree cannot disturb a run
cli="$bin/TextLens.Cli"
article="$root/data/huseynov-2025-04-17.txt"

python3 - "$article" "$work" "${QUICK:-0}" <<'PY'
import csv, os, random, sys
article, work, quick = sys.argv[1], sys.argv[2], sys.argv[3] == '1'

a = open(article, encoding='utf-8').read().strip()
paras = [p.strip() for p in a.split('\n\n') if p.strip()]
def write(name, text):
    path = os.path.join(work, name)
    if not os.path.exists(path): open(path, 'w', encoding='utf-8').write(text)
prose = '\n\n'.join([a] * ((50 << 20) // len(a) + 1))
write('stdin50m.txt', prose[:50 << 20])
write('prose1m.txt', prose[:1 << 20])
for i in range(4): write(f'eight{i}.txt', prose[:8 << 20])
random.seed(1)
words = a.replace('.', ' ').replace('!', ' ').replace('?', ' ').split()
unp = []; n = 0
while n < (1 << 20):
    w = random.choice(words); unp.append(w); n += len(w) + 1
write('unpunctuated1m.txt', ' '.join(unp)[:1 << 20])
write('baku1m.txt', ('according to Baku good ' * 50000)[:1 << 20])
write('usuk.txt', 'the U.S. and the U.K. ' * 100000)
path = os.path.join(work, 'corpus1g.csv')
if not quick and not os.path.exists(path):
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f); w.writerow(['id', 'text']); size = 0; i = 0
        while size < (1 << 30):
            t = '\n\n'.join(paras[(i + k) % len(paras)] for k in range(1 + i % 4))
            w.writerow([f'r{i}', t]); size += len(t) + 12; i += 1
PY

probe() {
  local name=$1; shift
  rm -rf "$work/out-$name"
  local rc=0
  /usr/bin/time -v "$@" > /dev/null 2> "$work/$name.log" || rc=$?
  printf '%-14s exit %s  wall %s  peak RSS %s kB  %s\n' "$name" "$rc" \
    "$(grep -oP 'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): \K.*' "$work/$name.log")" \
    "$(grep -oP 'Maximum resident set size \(kbytes\): \K\d+' "$work/$name.log")" \
    "$(grep '^textlens: .* documents' "$work/$name.log" | tail -1)"
}
cd "$work"
probe prose1m       "$cli" analyze prose1m.txt -f json -o out-prose1m -p 2
probe unpunct1m     "$cli" analyze unpunctuated1m.txt -f json -o out-unpunct1m -p 2
probe baku1m        "$cli" analyze baku1m.txt -f json -o out-baku1m -p 2
probe usuk          "$cli" analyze usuk.txt -f json -o out-usuk -p 2
probe stdin50m      sh -c "'$cli' analyze - -f json,csv -o out-stdin50m -p 2 < stdin50m.txt"
probe four8m-p4     "$cli" analyze eight0.txt eight1.txt eight2.txt eight3.txt -f json,csv -o out-four8m-p4 -p 4
[ "${QUICK:-0}" = 1 ] || probe csv1g         "$cli" analyze corpus1g.csv -f csv -o out-csv1g -p 2 --no-progress
