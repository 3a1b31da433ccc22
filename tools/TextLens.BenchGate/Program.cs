using System.Globalization;
using TextLens.BenchGate;

return Cli.Run(args, Console.Out, Console.Error);

/// <summary>The command line of the regression gate.</summary>
internal static class Cli
{
    public const string Usage = """
        TextLens.BenchGate — compares BenchmarkDotNet results with benchmarks/baseline.json by calibration ratios.

        Usage:
          TextLens.BenchGate compare --results DIR [--results DIR2 ...] --baseline FILE [--summary FILE]
                                     [--threshold 0.25] [--alloc-threshold 0.05] [--alloc-slack 1024]
                                     [--max-drift 0.25] [--retry-filters FILE]
          TextLens.BenchGate update  --results DIR [--results DIR2 ...] --baseline FILE --commit SHA [--date ISO-8601] [--summary FILE]
                                     [--statistic mean|median]   (stored in the baseline; compare uses it)
                                     (several runs: each benchmark gets the median of its per-run ratios)

          TextLens.BenchGate instructions-compare --counts FILE --baseline FILE [--threshold 2%] [--summary FILE]
          TextLens.BenchGate instructions-update  --counts FILE --baseline FILE --commit SHA [--date ISO-8601]
                                     (counts: input<TAB>run<TAB>instructions lines written by tools/instr-gate.sh)

        --max-drift: the most suite drift forgiven (the lower quartile of all ratio changes; 0 = off).
        compare exit codes: 0 passed; 1 only time regressions (re-measure them: --retry-filters lists them);
                            2 missing results, allocation growth or unusable runs; 3 bad arguments.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help") { stdout.WriteLine(Usage); return args.Length == 0 ? 3 : 0; }
        var command = args[0];
        if (command.StartsWith("instructions-", StringComparison.Ordinal)) return RunInstructions(args, stdout, stderr);
        var results = new List<string>();
        string? baselinePath = null, summary = null, commit = null, date = null, retryFilters = null;
        TimeStatistic? statistic = null; // update: default = the previous baseline's, else mean
        var options = new GateOptions();
        try
        {
            for (int i = 1; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--results": results.Add(Next()); break;
                    case "--baseline": baselinePath = Next(); break;
                    case "--summary": summary = Next(); break;
                    case "--commit": commit = Next(); break;
                    case "--date": date = Next(); break;
                    case "--retry-filters": retryFilters = Next(); break;
                    case "--statistic": statistic = Enum.Parse<TimeStatistic>(Next(), ignoreCase: true); break;
                    case "--threshold": options = options with { TimeThreshold = Fraction(Next()) }; break;
                    case "--alloc-threshold": options = options with { AllocThreshold = Fraction(Next()) }; break;
                    case "--max-drift": options = options with { MaxDrift = Fraction(Next()) }; break;
                    case "--alloc-slack": options = options with { AllocSlackBytes = long.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }
            if (results.Count == 0) throw new ArgumentException("--results is required.");
            if (baselinePath is null) throw new ArgumentException("--baseline is required.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException) // Enum.Parse: ArgumentException
        {
            stderr.WriteLine(e.Message);
            stderr.WriteLine(Usage);
            return 3;
        }

        switch (command)
        {
            case "compare":
            {
                Baseline baseline;
                try { baseline = Baseline.Load(baselinePath); }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    stderr.WriteLine($"bench-gate: cannot read the baseline: {e.Message}");
                    stderr.WriteLine("bench-gate: record one with tools/bench-gate.sh --update-baseline");
                    return 2;
                }
                var runs = results.Select(BenchmarkRun.Load).ToList();
                var report = Gate.Compare(baseline, runs, options);
                stdout.WriteLine(report.ToConsoleTable());
                if (summary is not null) WriteFile(summary, report.ToMarkdown());
                if (retryFilters is not null) WriteFile(retryFilters, report.ExitCode == 1 ? string.Join('\n', report.RetryFilters) + "\n" : "");
                stdout.WriteLine(report.Passed
                    ? $"bench-gate: PASSED ({report.Rows.Count} benchmarks; threshold +{options.TimeThreshold * 100:0.#}% time, +{options.AllocThreshold * 100:0.#}% allocations)"
                    : $"bench-gate: FAILED ({report.Rows.Count(r => r.Fails)} failing benchmarks, {report.Problems.Count} problems){(summary is null ? "" : $"; see {summary}")}");
                return report.ExitCode;
            }
            case "update":
            {
                if (commit is null) { stderr.WriteLine("update needs --commit."); return 3; }
                var when = date is null ? DateTimeOffset.UtcNow : DateTimeOffset.Parse(date, CultureInfo.InvariantCulture);
                Baseline? previous = null;
                if (File.Exists(baselinePath))
                    try { previous = Baseline.Load(baselinePath); } catch (InvalidDataException) { /* replaced below */ }
                var runs = results.Select(BenchmarkRun.Load).ToList();
                Baseline baseline;
                try { baseline = Baseline.FromRuns(runs, commit, when, previous?.Calibration ?? options.Calibration, previous, statistic ?? previous?.Statistic ?? TimeStatistic.Mean); }
                catch (InvalidOperationException e) { stderr.WriteLine("bench-gate: " + e.Message); return 2; }
                baseline.Save(baselinePath);
                stdout.WriteLine($"bench-gate: wrote {baselinePath}: {baseline.Benchmarks.Count} benchmarks (median of {runs.Count} run(s)), commit {commit}, {baseline.Date}");
                if (summary is not null)
                {
                    var report = Gate.Compare(baseline, runs, options);
                    WriteFile(summary, report.ToMarkdown());
                }
                return 0;
            }
            default:
                stderr.WriteLine($"Unknown command {command}.");
                stderr.WriteLine(Usage);
                return 3;
        }
    }

    /// <summary>instructions-compare (exit 0 passed, 1 a stage grew beyond the threshold or is missing, 2 unreadable input, 3 bad arguments) and instructions-update.</summary>
    private static int RunInstructions(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? counts = null, baselinePath = null, summary = null, commit = null, date = null;
        double threshold = 0.02;
        try
        {
            for (int i = 1; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--counts": counts = Next(); break;
                    case "--baseline": baselinePath = Next(); break;
                    case "--summary": summary = Next(); break;
                    case "--commit": commit = Next(); break;
                    case "--date": date = Next(); break;
                    case "--threshold": threshold = Fraction(Next()); break;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }
            if (counts is null || baselinePath is null) throw new ArgumentException("--counts and --baseline are required.");
            if (args[0] == "instructions-update" && commit is null) throw new ArgumentException("instructions-update needs --commit.");
            if (args[0] is not ("instructions-update" or "instructions-compare")) throw new ArgumentException($"Unknown command {args[0]}.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            stderr.WriteLine(e.Message);
            stderr.WriteLine(Usage);
            return 3;
        }

        List<StageCount> now;
        try { now = InstructionGate.StageCounts(File.ReadLines(counts)); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"instr-gate: cannot use the counts: {e.Message}");
            return 2;
        }
        if (args[0] == "instructions-update")
        {
            var when = date is null ? DateTimeOffset.UtcNow : DateTimeOffset.Parse(date, CultureInfo.InvariantCulture);
            // Per-stage thresholds of the previous baseline are kept.
            InstructionBaseline? previous = null;
            if (File.Exists(baselinePath))
                try { previous = InstructionBaseline.Load(baselinePath); } catch (InvalidDataException) { /* replaced below */ }
            var stages = now.Select(s => s with { Threshold = previous?.Stages.FirstOrDefault(p => p.Input == s.Input && p.Stage == s.Stage)?.Threshold }).ToList();
            new InstructionBaseline { Commit = commit!, Date = when.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), Stages = stages }.Save(baselinePath);
            stdout.WriteLine($"instr-gate: wrote {baselinePath}: {now.Count} stage counts, commit {commit}");
            return 0;
        }
        InstructionBaseline baseline;
        try { baseline = InstructionBaseline.Load(baselinePath); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"instr-gate: cannot read the baseline: {e.Message}");
            stderr.WriteLine("instr-gate: record one with tools/instr-gate.sh --update-baseline");
            return 2;
        }
        var rows = InstructionGate.Compare(baseline, now, threshold);
        string table = InstructionGate.Table(rows, threshold);
        stdout.Write(table);
        if (summary is not null) WriteFile(summary, table);
        int failing = rows.Count(r => r.Fails);
        stdout.WriteLine(failing == 0
            ? $"instr-gate: PASSED ({rows.Count} stage counts within +{threshold * 100:0.##}% of the baseline of {baseline.Commit})"
            : $"instr-gate: FAILED ({failing} stage counts above +{threshold * 100:0.##}% of the baseline of {baseline.Commit}, or missing)");
        return failing == 0 ? 0 : 1;
    }

    private static double Fraction(string s)
    {
        var v = s.EndsWith('%') ? double.Parse(s[..^1], CultureInfo.InvariantCulture) / 100 : double.Parse(s, CultureInfo.InvariantCulture);
        if (!(v >= 0) || v > 100) throw new ArgumentException($"Threshold {s} must be a non-negative fraction (0.25) or percentage (25%).");
        return v;
    }

    private static void WriteFile(string path, string text)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, text);
    }
}
