#!/usr/bin/env bash
# Fuzz one TextLens target.
#   tools/fuzz.sh <target> <seconds> [seed]        built-in deterministic mutational fuzzer (default)
#   tools/fuzz.sh <target> <seconds> [seed] --large [BYTES]
#                                                  also run each input blanked of sentence ends and repeated to
#                                                  BYTES/4 and BYTES (default 1048576): superlinear time is a finding
#   tools/fuzz.sh all <seconds>                    every target in turn, <seconds> each, then the text targets in
#                                                  large-input mode; prints a summary line per run
#   tools/fuzz.sh <target> <seconds> --afl         AFL++ via SharpFuzz (needs `apt-get install afl++`; installs the sharpfuzz tool)
#   tools/fuzz.sh --list                           targets
#   tools/fuzz.sh <target> replay [FILE|DIR]       re-run saved inputs (default: the committed regressions)
# Findings (crash-*.bin / timeout-*.bin with a .txt stack trace) go to artifacts/fuzz/<target>/.
# Runs at nice 10: the machine is shared.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
proj=tools/TextLens.Fuzz
out="$root/artifacts/fuzz-bin"
[ "${3:-}" = "--afl" ] && { out="$root/artifacts/fuzz-bin-afl"; rm -rf "$out"; }   # fresh, instrumented copy kept apart from the built-in engine's
dotnet build "$proj" -c Release -o "$out" -v quiet -nologo >/dev/null
exe=(dotnet "$out/TextLens.Fuzz.dll")

if [ "${1:-}" = "--list" ] || [ $# -lt 2 ]; then "${exe[@]}" --list; [ $# -ge 2 ] || echo "usage: tools/fuzz.sh <target> <seconds> [seed|--afl]"; exit 0; fi
target=$1; seconds=$2; third=${3:-1}

if [ "$target" = "all" ]; then
  status=0
  for t in $("${exe[@]}" --list | awk '{print $1}'); do
    nice -n 10 "${exe[@]}" "$t" --seconds "$seconds" --seed 1 | grep -E '^(DONE|CRASH|TIMEOUT)' || status=1
  done
  for t in tokenizer pipeline patterns csv; do
    nice -n 10 "${exe[@]}" "$t" --seconds "$seconds" --seed 2 --large 1048576 | grep -E '^(DONE|CRASH|TIMEOUT|SUPERLINEAR)' || status=1
  done
  exit $status
fi

if [ "$seconds" = "replay" ]; then
  exec "${exe[@]}" "$target" --replay "${3:-$root/tests/TextLens.Tests/Reliability/FuzzRegressions/$target}"
fi

if [ "$third" = "--afl" ]; then
  command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install -y afl++" >&2; exit 2; }
  tools="$root/artifacts/fuzz-tools"
  [ -x "$tools/sharpfuzz" ] || dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
  # Instrument TextLens.dll in place (the harness itself stays uninstrumented).
  # Only TextLens.* types: the module initializer that CsvHelper's source generator adds runs before SharpFuzz's
  # shared memory exists and crashes when instrumented. (Instrumented code runs only under afl-fuzz, not in replay.)
  "$tools/sharpfuzz" "$out/TextLens.dll" TextLens
  in="$root/artifacts/fuzz/$target-afl-in"; outdir="$root/artifacts/fuzz/$target-afl-out"
  rm -rf "$in"; mkdir -p "$in" "$outdir"
  cp "$proj/seeds/$target"/* "$in"/ 2>/dev/null || true
  [ -n "$(ls -A "$in")" ] || printf 'seed' > "$in/seed"
  export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
  echo "afl-fuzz running for $seconds s (log: $outdir/afl.log)"
  nice -n 10 timeout --signal=INT "$seconds" afl-fuzz -i "$in" -o "$outdir" -t 10000 -m none -- "${exe[@]}" "$target" --afl > "$outdir/afl.log" 2>&1 || true
  stats="$outdir/default/fuzzer_stats"
  [ -f "$stats" ] && grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|bitmap_cvg|saved_crashes|saved_hangs)' "$stats"
  echo "crashing inputs (if any): $outdir/default/crashes/"
  exit 0
fi

if [ "${4:-}" = "--large" ]; then
  exec nice -n 10 "${exe[@]}" "$target" --seconds "$seconds" --seed "$third" --large "${5:-1048576}"
fi
exec nice -n 10 "${exe[@]}" "$target" --seconds "$seconds" --seed "$third"
