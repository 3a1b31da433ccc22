#!/usr/bin/env bash
# Benchmark regression gate (issue #8): runs the quick BenchmarkDotNet suite (in-process, short iterations,
# JSON export) and compares every benchmark's mean ÷ the calibration benchmark's mean with
# benchmarks/baseline.json. Writes benchmarks/results/summary.md. Exit 0 = passed, non-zero = failed.
#
#   tools/bench-gate.sh                      run the quick suite and compare (what .ci/run does)
#   tools/bench-gate.sh --update-baseline    run the quick suite --runs times (default 3) and record the median
#                                            ratio of each benchmark as the new baseline (commit + date)
#   options: --threshold 0.25 | 25%    time-ratio growth that fails (default 25%)
#            --max-drift 0.25          the most suite drift forgiven: when the whole suite is slower than the calibration
#                                      predicts (slower caches or memory, a busy neighbour), the lower quartile of the
#                                      ratio changes, capped at this, is divided out before the threshold (0 = off)
#            --alloc-threshold 0.05    allocated-bytes growth that fails (default 5%, plus --alloc-slack 1024 bytes)
#            --filter GLOB             run only these benchmarks (compare then reports the rest as missing)
#            --results DIR             compare (or record) an existing BenchmarkDotNet artifacts folder; runs nothing
#            --retries N               on a time regression, re-run the suite up to N times before failing; each
#                                      benchmark is judged by the upper median of its ratios over the runs (default 2)
#            --no-build                skip the Release build (.ci/run: dotnet test already built the solution)
#            --runs N                  with --update-baseline: how many runs the median is taken over (default 3)
#            --statistic mean|median   with --update-baseline: the statistic the baseline (and so the gate) uses;
#                                      default: the current baseline's, else mean
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

update=0 build=1 results="" retries=2 nruns=3 filter='*'
gate_args=()
loads=()
while [ $# -gt 0 ]; do
  case "$1" in
    --update-baseline) update=1 ;;
    --no-build) build=0 ;;
    --threshold|--max-drift|--alloc-threshold|--alloc-slack|--statistic) gate_args+=("$1" "${2:?$1 needs a value}"); shift ;;
    --filter) filter="${2:?--filter needs a value}"; shift ;;
    --results) results="${2:?--results needs a value}"; shift ;;
    --retries) retries="${2:?--retries needs a value}"; shift ;;
    --runs) nruns="${2:?--runs needs a value}"; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "bench-gate: unknown option $1 (see --help)" >&2; exit 3 ;;
  esac
  shift
done

baseline=benchmarks/baseline.json
out=benchmarks/results
mkdir -p "$out"

if [ "$build" -eq 1 ]; then
  echo "bench-gate: building (Release)"
  dotnet build benchmarks/TextLens.Benchmarks -c Release --nologo -v q "-clp:NoSummary;ErrorsOnly" || exit 2
  dotnet build tools/TextLens.BenchGate -c Release --nologo -v q "-clp:NoSummary;ErrorsOnly" || exit 2
fi
for f in benchmarks/TextLens.Benchmarks/bin/Release/net10.0/TextLens.Benchmarks.dll tools/TextLens.BenchGate/bin/Release/net10.0/TextLens.BenchGate.dll; do
  [ -f "$f" ] || { echo "bench-gate: $f is missing: build in Release first (or drop --no-build)" >&2; exit 2; }
done
gate() { dotnet tools/TextLens.BenchGate/bin/Release/net10.0/TextLens.BenchGate.dll "$@"; }

# run_suite DIR FILTER... : the quick suite into DIR; BenchmarkDotNet's chatter goes to DIR.log,
# its GitHub-markdown tables (with the Tokens/s column) to the console.
run_suite() {
  local dir=$1; shift
  rm -rf "$dir" "$dir.log"
  local start=$SECONDS load_before
  load_before=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
  echo "bench-gate: running the quick suite (--filter $*) into $dir"
  dotnet benchmarks/TextLens.Benchmarks/bin/Release/net10.0/TextLens.Benchmarks.dll \
    --quick --artifacts "$dir" --filter "$@" > "$dir.log" 2>&1
  local rc=$?
  for md in "$dir"/results/*-report-github.md; do [ -f "$md" ] && { grep '^|' "$md"; echo; }; done
  local load="load average $load_before -> $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?') on $(nproc 2>/dev/null || echo '?') cores"
  loads+=("$dir: $((SECONDS - start)) s, $load")
  echo "bench-gate: suite finished in $((SECONDS - start)) s (exit $rc; log: $dir.log); $load"
  if [ "$rc" -ne 0 ]; then tail -n 40 "$dir.log"; fi
  return 0 # the gate itself decides: it checks that every expected result exists
}

if [ "$update" -eq 1 ]; then
  commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
  if [ -n "$(git status --porcelain -- . ':!benchmarks/baseline.json' ':!benchmarks/results' 2>/dev/null)" ]; then commit="$commit+dirty"; fi
  update_runs=()
  if [ -n "$results" ]; then
    update_runs=(--results "$results")
  else
    for i in $(seq 1 "$nruns"); do
      run_suite "$out/baseline-run$i" "$filter"
      update_runs+=(--results "$out/baseline-run$i")
    done
  fi
  gate update "${update_runs[@]}" --baseline "$baseline" --commit "$commit" --summary "$out/summary.md" "${gate_args[@]}"
  exit $?
fi

if [ -z "$results" ]; then
  results=$out/artifacts
  run_suite "$results" "$filter"
else
  retries=0 # comparing given results: never run benchmarks
fi

gate compare --results "$results" --baseline "$baseline" --summary "$out/summary.md" --retry-filters "$out/retry-filters.txt" "${gate_args[@]}"
rc=$?
runs=(--results "$results")
attempt=0
# Exit 1 = only time regressions: on a shared machine a burst of load can fake one, so measure again; each benchmark
# is then judged by the upper median of its ratios (2 of 3 runs, or 3 of 5, must be slow). A real regression reproduces. The re-run is the whole suite, not just the suspects: the
# suite runs in one process, and a benchmark measured in a fresh process with a small heap (GC budgets not yet
# grown, memory not yet faulted in) ran up to 2x slower here than the same benchmark after the rest of the suite,
# which is how the baseline measured it.
while [ "$rc" -eq 1 ] && [ "$attempt" -lt "$retries" ]; do
  attempt=$((attempt + 1))
  mapfile -t filters < "$out/retry-filters.txt"
  echo "bench-gate: time regression suspected (${filters[*]}); re-measuring the suite (${attempt}/${retries})"
  run_suite "$out/artifacts-retry$attempt" "$filter"
  runs+=(--results "$out/artifacts-retry$attempt")
  gate compare "${runs[@]}" --baseline "$baseline" --summary "$out/summary.md" --retry-filters "$out/retry-filters.txt" "${gate_args[@]}"
  rc=$?
done

# For people: BenchmarkDotNet's own tables (mean, allocations, Tokens/s) under the gate's verdict.
{
  echo
  if [ "${#loads[@]}" -gt 0 ]; then
    echo "## Runs (a load average above the core count makes timings unreliable)"
    echo
    for l in "${loads[@]}"; do echo "- $l"; done
    echo
  fi
  echo "## BenchmarkDotNet tables (quick job; Tokens/s = tokens per operation ÷ mean)"
  for dir in "${runs[@]}"; do
    [ "$dir" = "--results" ] && continue
    echo
    echo "### $dir"
    for md in "$dir"/results/*-report-github.md; do [ -f "$md" ] && { echo; grep '^|' "$md"; }; done
  done
} >> "$out/summary.md"
exit "$rc"
