#!/usr/bin/env bash
# Instruction-count regression gate: counts the instructions of each pipeline stage under valgrind (callgrind, whose
# client requests let the workload count each stage on its own; deterministic where wall-clock time is not) and compares them with benchmarks/instructions-baseline.json.
# How it works and why: docs/benchmark-gates.md.
#
# Usage: tools/instr-gate.sh [options]
#            --update-baseline     record the baseline from this run instead of comparing
#            --baseline FILE       default benchmarks/instructions-baseline.json
#            --threshold PCT       the largest increase of a stage that passes; default 2%
#            --inputs LIST         comma list of article,policy (default: both; policy needs ../shared)
#            --slow STAGE:N        run the workload with N rounds of busy work per token added after STAGE
#                                  (the deliberately slowed stage the gate must catch; never with --update-baseline)
#            --out DIR             where counts and cachegrind files go; default benchmarks/results/instructions
#            --jobs N              valgrind processes at once (default 2; counts do not depend on it)
#            --no-build            use the benchmarks as already built (Release)
# Exit: 0 passed (or baseline written); 1 a stage's count grew beyond the threshold or is missing; 2 setup problem.
set -euo pipefail
cd "$(dirname "$0")/.."

baseline=benchmarks/instructions-baseline.json threshold=2% inputs=article,policy slow="" out=benchmarks/results/instructions
jobs=2 build=1 update=0
while [ $# -gt 0 ]; do
  case "$1" in
    --update-baseline) update=1 ;;
    --baseline) baseline="${2:?}"; shift ;;
    --threshold) threshold="${2:?}"; shift ;;
    --inputs) inputs="${2:?}"; shift ;;
    --slow) slow="${2:?}"; shift ;;
    --out) out="${2:?}"; shift ;;
    --jobs) jobs="${2:?}"; shift ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "instr-gate: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [ "$update" = 1 ] && [ -n "$slow" ]; then echo "instr-gate: --slow never records a baseline" >&2; exit 2; fi
if ! command -v valgrind > /dev/null; then
  echo "instr-gate: valgrind is not installed (Debian: apt-get install -y valgrind; .ci/run installs it)" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "$build" = 1 ]; then
  dotnet build benchmarks/TextLens.Benchmarks -c Release -v quiet -nologo > /dev/null
  dotnet build tools/TextLens.BenchGate -c Release -v quiet -nologo > /dev/null
fi
workload=benchmarks/TextLens.Benchmarks/bin/Release/net10.0/TextLens.Benchmarks.dll
gate=tools/TextLens.BenchGate/bin/Release/net10.0/TextLens.BenchGate.dll

# The runtime pinned down: no tiering or PGO (the same code is JIT-compiled once, fully optimised), precompiled
# framework code, a workstation non-concurrent GC with a 256 MB gen0 budget (no background GC thread, the same
# collections every run), and one thread of work (the pipeline runs with MaxDegreeOfParallelism 1).
# No diagnostics server either: one thread fewer that callgrind would follow.
export DOTNET_TieredCompilation=0 DOTNET_TieredPGO=0 DOTNET_ReadyToRun=1 DOTNET_gcServer=0 DOTNET_gcConcurrent=0 \
  DOTNET_GCgen0size=0x10000000 DOTNET_EnableDiagnostics=0

rm -rf "$out" && mkdir -p "$out"
set -- ${inputs//,/ }
slow_args=""
[ -n "$slow" ] && slow_args="--slow $slow"
echo "instr-gate: $# callgrind runs ($*), $jobs at a time${slow:+, slowed: $slow}"
start=$(date +%s)
export out workload slow_args
# --instr-atstart=no: start-up, JIT and the warm-up run uninstrumented (fast, not counted); the workload starts
# instrumenting itself, then zeroes the counters before each stage and dumps them after it (one file per stage).
printf '%s\n' "$@" | xargs -P "$jobs" -I{} sh -c '
  f="$out/{}"
  if ! valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$f.cg" dotnet "$workload" --instructions {} $slow_args > "$f.log" 2>&1; then
    echo "instr-gate: the {} run failed; see $f.log" >&2; exit 255
  fi
  for part in "$f".cg.*; do
    awk -v input={} "/^desc: Trigger: Client Request: stage / { stage = \$NF } /^summary:/ { n = \$2 } END { if (stage != \"\") printf \"%s\t%s\t%s\n\", input, stage, n }" "$part"
  done > "$f.tsv"'
for input in "$@"; do cat "$out/$input.tsv"; done > "$out/counts.tsv"
echo "instr-gate: counted in $(( $(date +%s) - start )) s"

if [ "$update" = 1 ]; then
  dotnet "$gate" instructions-update --counts "$out/counts.tsv" --baseline "$baseline" --commit "$(git rev-parse HEAD)"
else
  dotnet "$gate" instructions-compare --counts "$out/counts.tsv" --baseline "$baseline" --threshold "$threshold" --summary "$out/summary.md"
fi
