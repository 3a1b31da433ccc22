using System.Text.Json;
using System.Text.Json.Nodes;

namespace TextLens.BenchGate;

/// <summary>One benchmark's result in a run: mean time per operation and allocated bytes per operation.</summary>
/// <param name="Name">BenchmarkDotNet's FullName, e.g. <c>TextLens.Benchmarks.PipelineBenchmarks.Process(Corpus: Article)</c>.</param>
/// <param name="MeanNs">Mean time per operation in nanoseconds; null when the benchmark ran but produced no statistics (it failed).</param>
/// <param name="AllocatedBytes">Allocated bytes per operation; null when not measured.</param>
/// <param name="MedianNs">Median time per operation in nanoseconds, when the report has it.</param>
public sealed record BenchmarkResult(string Name, double? MeanNs, long? AllocatedBytes, double? MedianNs = null)
{
    /// <summary>The time per operation by <paramref name="statistic"/> (the mean when the median is absent).</summary>
    public double? Time(TimeStatistic statistic) => statistic == TimeStatistic.Median ? MedianNs ?? MeanNs : MeanNs;
}

/// <summary>Which BenchmarkDotNet statistic the gate compares.</summary>
public enum TimeStatistic
{
    /// <summary>The mean (BenchmarkDotNet's headline figure, upper outliers removed): the default.</summary>
    Mean,

    /// <summary>The median of the iterations: steadier on a machine with bursts of load.</summary>
    Median,
}

/// <summary>The results of one BenchmarkDotNet run (one or more JSON report files from the same artifacts folder).</summary>
public sealed class BenchmarkRun
{
    /// <summary>Creates a run from results (the last result wins for a duplicated name).</summary>
    public BenchmarkRun(IEnumerable<BenchmarkResult> results, string? machine = null, IEnumerable<string>? problems = null)
    {
        foreach (var r in results) Results[r.Name] = r;
        Machine = machine;
        Problems = problems?.ToList() ?? [];
    }

    /// <summary>Results by FullName.</summary>
    public Dictionary<string, BenchmarkResult> Results { get; } = new(StringComparer.Ordinal);

    /// <summary>Processor, core count and runtime, from the report's host environment, if known.</summary>
    public string? Machine { get; }

    /// <summary>Problems found while reading (e.g. a Debug build): each one fails the gate.</summary>
    public List<string> Problems { get; }

    /// <summary>The file names BenchmarkDotNet's JSON exporters write.</summary>
    public static readonly string[] ReportPatterns = ["*-report-full-compressed.json", "*-report-full.json", "*-report-brief.json", "*-report-brief-compressed.json", "*-report.json"];

    /// <summary>
    /// Reads every BenchmarkDotNet JSON report in <paramref name="path"/> (a results folder, an artifacts folder
    /// containing <c>results/</c>, or a single file).
    /// </summary>
    public static BenchmarkRun Load(string path)
    {
        var files = FindReports(path);
        var results = new List<BenchmarkResult>();
        var problems = new List<string>();
        string? machine = null;
        if (files.Count == 0) problems.Add($"No BenchmarkDotNet JSON report (*-report-full*.json) found in {path}: the run did not happen, matched no benchmark, or was refused (Debug build?).");
        foreach (var file in files)
        {
            JsonNode? root;
            try { root = JsonNode.Parse(File.ReadAllText(file)); }
            catch (JsonException e) { problems.Add($"{Path.GetFileName(file)}: not valid JSON ({e.Message})."); continue; }
            var host = root?["HostEnvironmentInfo"];
            var configuration = host?["Configuration"]?.GetValue<string>();
            if (configuration is not null && !configuration.Equals("RELEASE", StringComparison.OrdinalIgnoreCase))
                problems.Add($"{Path.GetFileName(file)}: built in {configuration}, not RELEASE.");
            if (host?["HasAttachedDebugger"]?.GetValue<bool>() == true)
                problems.Add($"{Path.GetFileName(file)}: a debugger was attached.");
            machine ??= DescribeMachine(host);
            if (root?["Benchmarks"] is not JsonArray benchmarks) { problems.Add($"{Path.GetFileName(file)}: no Benchmarks array."); continue; }
            foreach (var b in benchmarks)
            {
                var name = b?["FullName"]?.GetValue<string>();
                if (string.IsNullOrEmpty(name)) { problems.Add($"{Path.GetFileName(file)}: a benchmark without FullName."); continue; }
                double? mean = b!["Statistics"]?["Mean"] is JsonValue m && m.TryGetValue(out double d) && double.IsFinite(d) && d > 0 ? d : null;
                double? median = b["Statistics"]?["Median"] is JsonValue md && md.TryGetValue(out double e) && double.IsFinite(e) && e > 0 ? e : null;
                long? bytes = b["Memory"]?["BytesAllocatedPerOperation"] is JsonValue a && a.TryGetValue(out long l) ? l : null;
                results.Add(new BenchmarkResult(name, mean, bytes, mean is null ? null : median));
            }
        }
        return new BenchmarkRun(results, machine, problems);
    }

    /// <summary>The JSON report files under <paramref name="path"/>, sorted, one per benchmark type (full wins over brief).</summary>
    public static List<string> FindReports(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) return [];
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal); // report stem -> file
        foreach (var pattern in ReportPatterns) // earlier patterns are preferred
            foreach (var file in Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories))
            {
                var name = Path.GetFileName(file);
                var stem = name[..name.LastIndexOf("-report", StringComparison.Ordinal)];
                found.TryAdd(Path.Combine(Path.GetDirectoryName(file)!, stem), file);
            }
        return found.Values.ToList();
    }

    private static string? DescribeMachine(JsonNode? host)
    {
        if (host is null) return null;
        string? S(string key) => host[key] is JsonValue v && v.TryGetValue(out string? s) ? s : host[key]?.ToJsonString();
        var parts = new[] { S("ProcessorName"), host["LogicalCoreCount"] is { } c ? $"{c.ToJsonString()} logical cores" : null, S("RuntimeVersion"), S("OsVersion") };
        var text = string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return text.Length == 0 ? null : text;
    }
}
