using System.Globalization;
using System.Text;

namespace TextLens.BenchGate;

/// <summary>Thresholds and names the gate uses.</summary>
public sealed record GateOptions
{
    /// <summary>The calibration benchmark of the TextLens suite.</summary>
    public const string DefaultCalibration = "TextLens.Benchmarks.CalibrationBenchmarks.FixedWork";

    /// <summary>A benchmark fails when its ratio grows by more than this fraction (0.25 = 25%).</summary>
    public double TimeThreshold { get; init; } = 0.25;

    /// <summary>A benchmark fails when its allocated bytes per operation grow by more than this fraction …</summary>
    public double AllocThreshold { get; init; } = 0.05;

    /// <summary>… and by more than this many bytes (absorbs jitter in tiny allocations).</summary>
    public long AllocSlackBytes { get; init; } = 1024;

    /// <summary>FullName of the calibration benchmark; overridden by the baseline's own.</summary>
    public string Calibration { get; init; } = DefaultCalibration;

    /// <summary>
    /// The most suite drift the gate forgives (0.25 = 25%; 0 turns the correction off). The calibration benchmark
    /// cancels single-core speed, not a machine whose caches or memory are slower (or busier) than the baseline's:
    /// on such a machine every benchmark's ratio grows together. The drift is the lower quartile of the
    /// benchmarks' ratio changes, clamped to [1, 1 + MaxDrift]; each benchmark is judged net of it. A code
    /// regression would have to slow three quarters of the suite to move the quartile, and a uniform slowdown
    /// beyond MaxDrift still fails.
    /// </summary>
    public double MaxDrift { get; init; } = 0.25;

    /// <summary>Fewer compared benchmarks than this: no drift correction (a quartile of a handful means nothing).</summary>
    public const int MinBenchmarksForDrift = 8;
}

/// <summary>What the gate concluded about one benchmark.</summary>
public enum RowStatus
{
    /// <summary>Within thresholds.</summary>
    Ok,
    /// <summary>Faster (ratio shrank by more than the threshold): fine, consider updating the baseline.</summary>
    Faster,
    /// <summary>In the run but not in the baseline: reported, not a failure.</summary>
    New,
    /// <summary>Ratio grew beyond the threshold: fails.</summary>
    Slower,
    /// <summary>Allocated bytes per operation grew beyond the threshold: fails.</summary>
    MoreAllocations,
    /// <summary>Both slower and allocating more: fails.</summary>
    SlowerAndMoreAllocations,
    /// <summary>In the baseline but absent from the run, or it failed: fails.</summary>
    Missing,
}

/// <summary>One line of the gate's table.</summary>
public sealed record GateRow(
    string Name,
    RowStatus Status,
    double? BaselineRatio,
    double? CurrentRatio,
    double? CurrentMeanNs,
    long? BaselineBytes,
    long? CurrentBytes,
    double TimeThreshold,
    string? Note = null,
    double Drift = 1)
{
    /// <summary>Relative change of the ratio (0.5 = 50% slower), when both sides exist.</summary>
    public double? TimeChange => BaselineRatio is double b && CurrentRatio is double c ? c / b - 1 : null;

    /// <summary>Relative change of the ratio net of the suite drift (what the time threshold is applied to).</summary>
    public double? NetTimeChange => BaselineRatio is double b && CurrentRatio is double c ? c / (b * Drift) - 1 : null;

    /// <summary>Relative change of allocated bytes, when both sides exist and the baseline is not zero.</summary>
    public double? AllocChange => BaselineBytes is long b && CurrentBytes is long c ? (b == 0 ? (c == 0 ? 0 : null) : (double)c / b - 1) : null;

    /// <summary>True when this row fails the gate.</summary>
    public bool Fails => Status is RowStatus.Slower or RowStatus.MoreAllocations or RowStatus.SlowerAndMoreAllocations or RowStatus.Missing;
}

/// <summary>The gate's verdict: rows, problems, and the calibration figures.</summary>
public sealed class GateReport
{
    /// <summary>One row per benchmark of the baseline and of the run.</summary>
    public required IReadOnlyList<GateRow> Rows { get; init; }

    /// <summary>Failures that are not about one benchmark (no calibration, Debug build, unreadable files).</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    /// <summary>The baseline compared against.</summary>
    public required Baseline Baseline { get; init; }

    /// <summary>The calibration mean of the (first) current run, ns.</summary>
    public double? CalibrationMeanNs { get; init; }

    /// <summary>The current run's machine.</summary>
    public string? Machine { get; init; }

    /// <summary>The lower quartile of the benchmarks' ratio changes (1.2 = the suite ran 20% slower than calibration predicts); null when too few benchmarks were compared.</summary>
    public double? MeasuredDrift { get; init; }

    /// <summary>The drift the rows are judged net of: <see cref="MeasuredDrift"/> clamped to [1, 1 + MaxDrift], else 1.</summary>
    public double Drift { get; init; } = 1;

    /// <summary>The options used.</summary>
    public required GateOptions Options { get; init; }

    /// <summary>How many runs were compared (the first run and its re-runs).</summary>
    public int RunCount { get; init; }

    /// <summary>True when nothing fails.</summary>
    public bool Passed => Problems.Count == 0 && !Rows.Any(r => r.Fails);

    /// <summary>0 = passed; 1 = only time regressions (worth re-measuring); 2 = anything else failed.</summary>
    public int ExitCode => Passed ? 0 : Problems.Count == 0 && Rows.Where(r => r.Fails).All(r => r.Status == RowStatus.Slower) ? 1 : 2;

    /// <summary>The benchmarks whose time regressed, as BenchmarkDotNet filter globs (Namespace.Type.Method), for a re-run.</summary>
    public IReadOnlyList<string> RetryFilters => Rows.Where(r => r.Status is RowStatus.Slower or RowStatus.SlowerAndMoreAllocations)
        .Select(r => FilterOf(r.Name)).Append(FilterOf(Baseline.Calibration)).Distinct().ToList();

    private static string FilterOf(string fullName)
    {
        int paren = fullName.IndexOf('(');
        return paren < 0 ? fullName : fullName[..paren];
    }

    /// <summary>A Markdown report: verdict, problems, and the table.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        var failing = Rows.Count(r => r.Fails);
        sb.AppendLine("# Benchmark regression gate");
        sb.AppendLine();
        sb.AppendLine(Passed
            ? $"**PASSED** — {Rows.Count} benchmarks, none slower than +{Pct(Options.TimeThreshold)} ({Baseline.Statistic.ToString().ToLowerInvariant()} ÷ calibration, net of the suite drift) or allocating more than +{Pct(Options.AllocThreshold)}."
            : $"**FAILED** — {failing} of {Rows.Count} benchmarks fail{(Problems.Count > 0 ? $", {Problems.Count} problem(s)" : "")}.");
        sb.AppendLine();
        sb.AppendLine($"- Baseline: commit `{Baseline.Commit}`, {Baseline.Date}{(Baseline.Machine is null ? "" : $", {Baseline.Machine}")}");
        sb.AppendLine($"- This run: {Machine ?? "machine unknown"}" + (RunCount > 1 ? $"; {RunCount} runs, each benchmark judged by the upper median of its ratios" : ""));
        sb.AppendLine($"- Calibration `{Baseline.Calibration}`: baseline {Time(Baseline.CalibrationMeanNs)}, now {(CalibrationMeanNs is double c ? Time(c) : "missing")}"
            + (CalibrationMeanNs is double c2 && Baseline.CalibrationMeanNs > 0 ? $" (this machine is {c2 / Baseline.CalibrationMeanNs:0.00}× the baseline's time; ratios cancel that)" : ""));
        if (Machine is not null && Baseline.Machine is not null && Machine != Baseline.Machine)
            sb.AppendLine("- Note: this machine differs from the baseline's. The calibration cancels single-core speed, not core count or cache sizes: multi-core results (Cores: All) compare only between machines with the same core count.");
        sb.AppendLine($"- Thresholds: time ratio +{Pct(Options.TimeThreshold)} net of the suite drift (per-benchmark overrides in the baseline), allocations +{Pct(Options.AllocThreshold)} and +{Options.AllocSlackBytes} B");
        sb.AppendLine($"- {DriftText()}");
        if (Problems.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("## Problems");
            foreach (var p in Problems) sb.AppendLine($"- {p}");
        }
        sb.AppendLine();
        sb.AppendLine("| Benchmark | Status | Baseline ratio | Current ratio | Change | Net of drift | Mean now | Baseline alloc | Current alloc | Alloc change |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Rows.OrderByDescending(r => r.Fails).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            sb.Append("| ").Append(Short(r.Name).Replace("|", "\\|"))
              .Append(" | ").Append(StatusText(r))
              .Append(" | ").Append(Ratio(r.BaselineRatio))
              .Append(" | ").Append(Ratio(r.CurrentRatio))
              .Append(" | ").Append(Change(r.TimeChange))
              .Append(" | ").Append(Change(r.NetTimeChange))
              .Append(" | ").Append(r.CurrentMeanNs is double m ? Time(m) : "-")
              .Append(" | ").Append(Bytes(r.BaselineBytes))
              .Append(" | ").Append(Bytes(r.CurrentBytes))
              .Append(" | ").Append(Change(r.AllocChange))
              .AppendLine(" |");
        }
        var notes = Rows.Where(r => r.Note is not null).ToList();
        if (notes.Count > 0)
        {
            sb.AppendLine();
            foreach (var r in notes) sb.AppendLine($"- {Short(r.Name)}: {r.Note}");
        }
        sb.AppendLine();
        sb.AppendLine($"Ratio = the benchmark's {Baseline.Statistic.ToString().ToLowerInvariant()} ÷ the calibration benchmark's {Baseline.Statistic.ToString().ToLowerInvariant()} in the same run. Update the baseline with `tools/bench-gate.sh --update-baseline` when a change is intentionally slower or faster.");
        return sb.ToString();
    }

    /// <summary>A plain-text table for the console.</summary>
    public string ToConsoleTable()
    {
        var rows = Rows.OrderByDescending(r => r.Fails).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new[] { Short(r.Name), StatusText(r), Ratio(r.BaselineRatio), Ratio(r.CurrentRatio), Change(r.TimeChange), Change(r.NetTimeChange), Bytes(r.BaselineBytes), Bytes(r.CurrentBytes), Change(r.AllocChange) })
            .Prepend(["Benchmark", "Status", "Baseline", "Current", "Change", "Net", "Alloc base", "Alloc now", "Alloc chg"]).ToList();
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var sb = new StringBuilder();
        for (int i = 0; i < rows.Count; i++)
        {
            sb.AppendLine(string.Join("  ", rows[i].Select((c, j) => j == 0 || j == 1 ? c.PadRight(widths[j]) : c.PadLeft(widths[j]))).TrimEnd());
            if (i == 0) sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
        sb.AppendLine(DriftText());
        foreach (var p in Problems) sb.AppendLine("PROBLEM: " + p);
        return sb.ToString();
    }

    /// <summary>One line on the suite drift: measured, applied, and the limit.</summary>
    public string DriftText() => MeasuredDrift is double m
        ? $"Suite drift (lower quartile of the ratio changes): {Change(m - 1)}; judged net of {Change(Drift - 1)} (forgiven: 0 to +{Pct(Options.MaxDrift)})."
        : $"Suite drift: not estimated ({(Options.MaxDrift > 0 ? $"fewer than {GateOptions.MinBenchmarksForDrift} benchmarks compared" : "turned off")}); rows are judged by calibration alone.";

    private static string StatusText(GateRow r) => r.Status switch
    {
        RowStatus.Ok => "ok",
        RowStatus.Faster => "faster",
        RowStatus.New => "new",
        RowStatus.Slower => $"FAIL slower (>{Pct(r.TimeThreshold)})",
        RowStatus.MoreAllocations => "FAIL allocations",
        RowStatus.SlowerAndMoreAllocations => "FAIL slower+allocations",
        RowStatus.Missing => "FAIL missing",
        _ => r.Status.ToString(),
    };

    private static string Short(string name) => name.StartsWith("TextLens.Benchmarks.", StringComparison.Ordinal) ? name["TextLens.Benchmarks.".Length..] : name;
    private static string Pct(double f) => (f * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
    private static string Ratio(double? r) => r is double v ? v.ToString(v >= 100 ? "0.0" : v >= 1 ? "0.000" : "0.00000", CultureInfo.InvariantCulture) : "-";
    private static string Change(double? c) => c is double v ? (v >= 0 ? "+" : "") + (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Bytes(long? b) => b switch
    {
        null => "-",
        < 10_000 => b.Value.ToString(CultureInfo.InvariantCulture) + " B",
        < 10_000_000 => (b.Value / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        _ => (b.Value / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
    };

    internal static string Time(double ns) => ns switch
    {
        < 1e3 => ns.ToString("0.0", CultureInfo.InvariantCulture) + " ns",
        < 1e6 => (ns / 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " µs",
        < 1e9 => (ns / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        _ => (ns / 1e9).ToString("0.000", CultureInfo.InvariantCulture) + " s",
    };
}

/// <summary>The regression gate: compares runs with a baseline by calibration-normalised ratios.</summary>
public static class Gate
{
    /// <summary>
    /// Compares one or more runs with the baseline. Every run is normalised by its own calibration result; when a
    /// benchmark appears in several runs (the first run and re-runs after a suspected regression), the upper median
    /// of its ratios counts: the median of an odd number of runs, the higher middle value of an even number. So one
    /// re-run never clears a suspect by itself; two out of three runs (or three of five) must agree. The best ratio
    /// (what this gate used first) let a real 2× slowdown through whenever one run in five happened to be quiet: on
    /// this 2-core VM a benchmark's run-to-run ratio ranged from 0.56 to 2.1 times its median.
    /// </summary>
    public static GateReport Compare(Baseline baseline, IReadOnlyList<BenchmarkRun> runs, GateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(runs);
        options ??= new GateOptions();
        var calibration = string.IsNullOrEmpty(baseline.Calibration) ? options.Calibration : baseline.Calibration;
        var problems = new List<string>();
        if (runs.Count == 0) problems.Add("No run to compare.");

        // name -> every run's (ratio, mean), and the lowest allocation
        var perRun = new Dictionary<string, (List<(double Ratio, double Mean)> Times, long? Bytes)>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        double? firstCalibration = null;
        for (int i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            string label = runs.Count == 1 ? "The run" : $"Run {i + 1}";
            problems.AddRange(run.Problems.Select(p => runs.Count == 1 ? p : $"{label}: {p}"));
            if (!run.Results.TryGetValue(calibration, out var cal) || cal.Time(baseline.Statistic) is not double calMean)
            {
                problems.Add($"{label} has no result for the calibration benchmark {calibration}, so no ratio can be computed.");
                continue;
            }
            firstCalibration ??= calMean;
            foreach (var r in run.Results.Values)
            {
                if (r.Time(baseline.Statistic) is not double mean) { failed.Add(r.Name); continue; }
                if (perRun.TryGetValue(r.Name, out var prev))
                {
                    prev.Times.Add((mean / calMean, mean));
                    perRun[r.Name] = (prev.Times, Min(prev.Bytes, r.AllocatedBytes));
                }
                else perRun[r.Name] = ([(mean / calMean, mean)], r.AllocatedBytes);
            }
        }
        var current = perRun.ToDictionary(p => p.Key, p =>
        {
            var (ratio, mean) = UpperMedian(p.Value.Times);
            return (Ratio: ratio, Mean: mean, p.Value.Bytes, Runs: p.Value.Times.Count);
        }, StringComparer.Ordinal);
        failed.ExceptWith(current.Keys);

        // The suite drift: how much more than the calibration predicts the whole suite slowed down (see GateOptions.MaxDrift).
        var changes = baseline.Benchmarks
            .Where(e => e.Name != calibration && e.Ratio > 0 && current.ContainsKey(e.Name))
            .Select(e => current[e.Name].Ratio / e.Ratio).Order().ToList();
        double? measuredDrift = options.MaxDrift > 0 && changes.Count >= GateOptions.MinBenchmarksForDrift ? LowerQuartile(changes) : null;
        double drift = measuredDrift is double md ? Math.Clamp(md, 1, 1 + options.MaxDrift) : 1;

        var rows = new List<GateRow>();
        var inBaseline = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in baseline.Benchmarks)
        {
            inBaseline.Add(e.Name);
            double timeThreshold = e.TimeThreshold ?? options.TimeThreshold;
            double allocThreshold = e.AllocThreshold ?? options.AllocThreshold;
            if (!current.TryGetValue(e.Name, out var c))
            {
                rows.Add(new GateRow(e.Name, RowStatus.Missing, e.Ratio, null, null, e.AllocatedBytes, null, timeThreshold,
                    failed.Contains(e.Name) ? "the benchmark ran but produced no result (it threw or was refused)" : "no result in this run"));
                continue;
            }
            double rowDrift = e.Name == calibration ? 1 : drift; // the calibration is the yardstick, 1 by definition
            bool slower = c.Ratio > e.Ratio * rowDrift * (1 + timeThreshold);
            bool faster = c.Ratio < e.Ratio / (1 + timeThreshold);
            bool moreAlloc = e.AllocatedBytes is long bb && c.Bytes is long cb && cb > bb * (1 + allocThreshold) + options.AllocSlackBytes;
            string? note = e.AllocatedBytes is not null && c.Bytes is null ? "allocations were not measured in this run (MemoryDiagnoser missing?)" : null;
            var status = slower && moreAlloc ? RowStatus.SlowerAndMoreAllocations
                : slower ? RowStatus.Slower
                : moreAlloc ? RowStatus.MoreAllocations
                : faster ? RowStatus.Faster
                : RowStatus.Ok;
            rows.Add(new GateRow(e.Name, status, e.Ratio, c.Ratio, c.Mean, e.AllocatedBytes, c.Bytes, timeThreshold, note, rowDrift));
        }
        foreach (var (name, c) in current)
            if (!inBaseline.Contains(name))
                rows.Add(new GateRow(name, RowStatus.New, null, c.Ratio, c.Mean, null, c.Bytes, options.TimeThreshold,
                    name == calibration ? null : "not in the baseline yet; add it with tools/bench-gate.sh --update-baseline"));
        foreach (var name in failed)
            if (!inBaseline.Contains(name))
                problems.Add($"{name} ran but produced no result (it threw or was refused).");

        return new GateReport
        {
            Rows = rows,
            Problems = problems,
            Baseline = baseline,
            CalibrationMeanNs = firstCalibration,
            Machine = runs.FirstOrDefault()?.Machine,
            Options = options with { Calibration = calibration },
            MeasuredDrift = measuredDrift,
            Drift = drift,
            RunCount = runs.Count,
        };
    }

    /// <summary>The 25th percentile of sorted values, interpolating linearly between neighbours.</summary>
    internal static double LowerQuartile(IReadOnlyList<double> sorted)
    {
        double pos = (sorted.Count - 1) * 0.25;
        int lo = (int)pos;
        return lo + 1 < sorted.Count ? sorted[lo] + (sorted[lo + 1] - sorted[lo]) * (pos - lo) : sorted[lo];
    }

    /// <summary>The run with the upper-median ratio: index count / 2 of the runs sorted by ratio.</summary>
    internal static (double Ratio, double Mean) UpperMedian(List<(double Ratio, double Mean)> runs)
    {
        var sorted = runs.OrderBy(r => r.Ratio).ToList();
        return sorted[sorted.Count / 2];
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
