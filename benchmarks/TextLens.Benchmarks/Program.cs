using BenchmarkDotNet.Running;
using TextLens.Benchmarks;

// `--quick`: the CI mode (in-process, short iterations, JSON for tools/bench-gate.sh). Everything else goes to
// BenchmarkDotNet's command line (--filter, --job, --artifacts, --list flat, ...).
// `--instructions`: the workload tools/instr-gate.sh runs under cachegrind (no BenchmarkDotNet involved).
if (args.Length > 0 && args[0] == "--instructions") return InstructionRun.Run(args);

bool quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Corpora).Assembly).Run(rest, BenchConfig.Create(quick));

// BenchmarkDotNet exits 0 when it refuses to run; make a run with errors visible to scripts too.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
