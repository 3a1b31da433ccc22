using System.Text.Json;
using System.Text.Json.Serialization;

namespace TextLens.BenchGate;

/// <summary>One benchmark in the committed baseline.</summary>
public sealed class BaselineEntry
{
    /// <summary>BenchmarkDotNet's FullName.</summary>
    public string Name { get; set; } = "";

    /// <summary>Time per operation (by the baseline's <see cref="Baseline.Statistic"/>) when the baseline was recorded (ns); informative only.</summary>
    public double MeanNs { get; set; }

    /// <summary>Time ÷ calibration time (both by the baseline's statistic) in the baseline run: what the gate compares.</summary>
    public double Ratio { get; set; }

    /// <summary>Allocated bytes per operation, if measured.</summary>
    public long? AllocatedBytes { get; set; }

    /// <summary>Per-benchmark override of the time threshold (e.g. 0.5 for a noisy multi-core benchmark); kept by updates.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TimeThreshold { get; set; }

    /// <summary>Per-benchmark override of the allocation threshold; kept by updates.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? AllocThreshold { get; set; }
}

/// <summary>The committed baseline (<c>benchmarks/baseline.json</c>).</summary>
public sealed class Baseline
{
    /// <summary>The file format version this tool writes and reads.</summary>
    public const int CurrentSchema = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>File format version.</summary>
    public int Schema { get; set; } = CurrentSchema;

    /// <summary>The commit the baseline was measured on.</summary>
    public string Commit { get; set; } = "";

    /// <summary>When it was measured (ISO 8601, UTC).</summary>
    public string Date { get; set; } = "";

    /// <summary>The machine it was measured on (informative; ratios make it portable).</summary>
    public string? Machine { get; set; }

    /// <summary>FullName of the calibration benchmark every ratio is relative to.</summary>
    public string Calibration { get; set; } = GateOptions.DefaultCalibration;

    /// <summary>The calibration benchmark's time in the baseline run (ns).</summary>
    public double CalibrationMeanNs { get; set; }

    /// <summary>The statistic every time in this baseline uses, and the gate compares: <c>mean</c> (default) or <c>median</c>.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<TimeStatistic>))]
    public TimeStatistic Statistic { get; set; } = TimeStatistic.Mean;

    /// <summary>The benchmarks, sorted by name.</summary>
    public List<BaselineEntry> Benchmarks { get; set; } = [];

    /// <summary>Reads a baseline file.</summary>
    /// <exception cref="InvalidDataException">The file is not a baseline this tool understands.</exception>
    public static Baseline Load(string path)
    {
        Baseline? b;
        try { b = JsonSerializer.Deserialize<Baseline>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not a valid baseline ({e.Message})", e); }
        if (b is null) throw new InvalidDataException($"{path}: empty baseline.");
        if (b.Schema != CurrentSchema) throw new InvalidDataException($"{path}: schema {b.Schema}, this tool reads schema {CurrentSchema}.");
        if (b.Benchmarks.Count == 0) throw new InvalidDataException($"{path}: the baseline lists no benchmarks.");
        if (b.Benchmarks.Any(e => string.IsNullOrEmpty(e.Name) || !(e.Ratio > 0))) throw new InvalidDataException($"{path}: an entry has no name or a non-positive ratio.");
        return b;
    }

    /// <summary>Writes the baseline (indented JSON, benchmarks sorted by name).</summary>
    public void Save(string path)
    {
        Benchmarks = Benchmarks.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
    }

    /// <summary>
    /// Builds a baseline from a run. Per-benchmark threshold overrides of <paramref name="previous"/> are kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">The run has problems, no calibration result, or failed benchmarks.</exception>
    public static Baseline FromRun(BenchmarkRun run, string commit, DateTimeOffset date, string calibration = GateOptions.DefaultCalibration, Baseline? previous = null, TimeStatistic statistic = TimeStatistic.Mean) =>
        FromRuns([run], commit, date, calibration, previous, statistic);

    /// <summary>
    /// Builds a baseline from one or more runs of the same benchmarks: each benchmark's ratio is the median of its
    /// per-run ratios (each run normalised by its own calibration), which steadies a baseline recorded on a busy machine.
    /// Per-benchmark threshold overrides of <paramref name="previous"/> are kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">A run has problems, no calibration result, failed benchmarks, or a different set of benchmarks.</exception>
    public static Baseline FromRuns(IReadOnlyList<BenchmarkRun> runs, string commit, DateTimeOffset date, string calibration = GateOptions.DefaultCalibration, Baseline? previous = null, TimeStatistic statistic = TimeStatistic.Mean)
    {
        double T(BenchmarkRun run, string name) => run.Results[name].Time(statistic)!.Value;
        if (runs.Count == 0) throw new InvalidOperationException("Cannot record a baseline from no run.");
        foreach (var run in runs)
        {
            if (run.Problems.Count > 0) throw new InvalidOperationException("Cannot record a baseline from this run: " + string.Join(" ", run.Problems));
            if (!run.Results.TryGetValue(calibration, out var cal) || cal.MeanNs is null)
                throw new InvalidOperationException($"Cannot record a baseline: the run has no result for the calibration benchmark {calibration}.");
            var failed = run.Results.Values.Where(r => r.MeanNs is null).Select(r => r.Name).ToList();
            if (failed.Count > 0) throw new InvalidOperationException("Cannot record a baseline: these benchmarks failed: " + string.Join(", ", failed));
            if (!run.Results.Keys.ToHashSet().SetEquals(runs[0].Results.Keys))
                throw new InvalidOperationException("Cannot record a baseline: the runs did not measure the same benchmarks.");
        }
        var old = previous?.Benchmarks.ToDictionary(e => e.Name, StringComparer.Ordinal) ?? [];
        return new Baseline
        {
            Commit = commit,
            Date = date.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            Machine = runs[0].Machine,
            Calibration = calibration,
            CalibrationMeanNs = Median(runs.Select(r => T(r, calibration))),
            Statistic = statistic,
            Benchmarks = runs[0].Results.Keys
                .OrderBy(n => n, StringComparer.Ordinal)
                .Select(name => new BaselineEntry
                {
                    Name = name,
                    MeanNs = Median(runs.Select(r => T(r, name))),
                    Ratio = Median(runs.Select(r => T(r, name) / T(r, calibration))),
                    AllocatedBytes = runs.Any(r => r.Results[name].AllocatedBytes is null) ? null
                        : (long)Median(runs.Select(r => (double)r.Results[name].AllocatedBytes!.Value)),
                    TimeThreshold = old.GetValueOrDefault(name)?.TimeThreshold,
                    AllocThreshold = old.GetValueOrDefault(name)?.AllocThreshold,
                })
                .ToList(),
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }
}
