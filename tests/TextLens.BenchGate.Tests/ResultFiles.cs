using System.Text.Json.Nodes;

namespace TextLens.BenchGate.Tests;

/// <summary>
/// A temporary results folder holding real BenchmarkDotNet 0.15.8 JSON reports (Fixtures/, from a quick run of the
/// suite) that a test can edit: scale a benchmark's mean or allocations, or remove it. No benchmark is ever run.
/// </summary>
internal sealed class ResultFiles : IDisposable
{
    public const string Calibration = "TextLens.Benchmarks.CalibrationBenchmarks.FixedWork";
    public const string Article = "TextLens.Benchmarks.PipelineBenchmarks.Process(Corpus: Article)";
    public const string Policy = "TextLens.Benchmarks.PipelineBenchmarks.Process(Corpus: Policy1MB)";

    // The values in the fixtures.
    public const double CalibrationMean = 344767.856505102;
    public const long ArticleBytes = 71778;

    public ResultFiles()
    {
        Dir = Path.Combine(Path.GetTempPath(), "benchgate-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Dir, "results"));
        foreach (var f in Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures")))
            File.Copy(f, Path.Combine(Dir, "results", Path.GetFileName(f)));
    }

    /// <summary>The artifacts folder (reports are in its results/ subfolder, as BenchmarkDotNet writes them).</summary>
    public string Dir { get; }

    public BenchmarkRun Load() => BenchmarkRun.Load(Dir);

    /// <summary>Multiplies the mean (and every statistic the gate could read) of the benchmarks matching <paramref name="match"/>.</summary>
    public ResultFiles ScaleTime(Func<string, bool> match, double factor) => Edit(match, b =>
    {
        var stats = b["Statistics"]!.AsObject();
        foreach (var key in new[] { "Mean", "Median", "Min", "Max", "Q1", "Q3" })
            stats[key] = stats[key]!.GetValue<double>() * factor;
        var values = stats["OriginalValues"]!.AsArray();
        for (int i = 0; i < values.Count; i++) values[i] = values[i]!.GetValue<double>() * factor;
    });

    public ResultFiles ScaleTime(string name, double factor) => ScaleTime(n => n == name, factor);

    public ResultFiles ScaleAllocations(string name, double factor) => Edit(n => n == name, b =>
    {
        var memory = b["Memory"]!.AsObject();
        memory["BytesAllocatedPerOperation"] = (long)Math.Round(memory["BytesAllocatedPerOperation"]!.GetValue<long>() * factor);
    });

    /// <summary>What BenchmarkDotNet writes when a benchmark throws: the entry stays, without statistics.</summary>
    public ResultFiles DropStatistics(string name) => Edit(n => n == name, b => b.AsObject().Remove("Statistics"));

    public ResultFiles Remove(string name)
    {
        foreach (var (file, root) in Reports())
        {
            var list = root["Benchmarks"]!.AsArray();
            foreach (var b in list.Where(b => b!["FullName"]!.GetValue<string>() == name).ToList()) list.Remove(b);
            File.WriteAllText(file, root.ToJsonString());
        }
        return this;
    }

    public ResultFiles SetConfiguration(string configuration)
    {
        foreach (var (file, root) in Reports())
        {
            root["HostEnvironmentInfo"]!["Configuration"] = configuration;
            File.WriteAllText(file, root.ToJsonString());
        }
        return this;
    }

    /// <summary>Renames the reports to the compressed exporter's file names (what `--exporters json` writes).</summary>
    public ResultFiles RenameToCompressed()
    {
        foreach (var f in Directory.GetFiles(Path.Combine(Dir, "results"), "*-report-full.json"))
            File.Move(f, f.Replace("-report-full.json", "-report-full-compressed.json"));
        return this;
    }

    public ResultFiles Edit(string name, Action<JsonNode> edit) => Edit(n => n == name, edit);

    private ResultFiles Edit(Func<string, bool> match, Action<JsonNode> edit)
    {
        int edited = 0;
        foreach (var (file, root) in Reports())
        {
            foreach (var b in root["Benchmarks"]!.AsArray())
                if (match(b!["FullName"]!.GetValue<string>())) { edit(b); edited++; }
            File.WriteAllText(file, root.ToJsonString());
        }
        if (edited == 0) throw new InvalidOperationException("No benchmark matched.");
        return this;
    }

    private IEnumerable<(string File, JsonNode Root)> Reports() =>
        Directory.GetFiles(Path.Combine(Dir, "results"), "*.json").Select(f => (f, JsonNode.Parse(File.ReadAllText(f))!)).ToList();

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
