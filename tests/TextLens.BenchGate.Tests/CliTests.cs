namespace TextLens.BenchGate.Tests;

/// <summary>The command line end to end on files: update, compare, summary, exit codes.</summary>
public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Cli.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Test]
    public void UpdateThenCompareWritesSummaryAndExitCodes()
    {
        using var files = new ResultFiles();
        var baseline = Path.Combine(files.Dir, "baseline.json");
        var summary = Path.Combine(files.Dir, "out", "summary.md");
        var retry = Path.Combine(files.Dir, "out", "retry.txt");

        var update = Run("update", "--results", files.Dir, "--baseline", baseline, "--commit", "cafe123", "--date", "2026-11-27T21:00:00Z");
        Assert.That(update.Code, Is.EqualTo(0), update.Err);
        Assert.That(File.ReadAllText(baseline), Does.Contain("\"commit\": \"cafe123\"").And.Contain("\"date\": \"2026-11-27T21:00:00Z\""));

        var pass = Run("compare", "--results", files.Dir, "--baseline", baseline, "--summary", summary, "--retry-filters", retry);
        Assert.Multiple(() =>
        {
            Assert.That(pass.Code, Is.EqualTo(0));
            Assert.That(pass.Out, Does.Contain("bench-gate: PASSED (3 benchmarks; threshold +25% time, +5% allocations)"));
            Assert.That(File.ReadAllText(summary), Does.StartWith("# Benchmark regression gate\n\n**PASSED**"));
            Assert.That(File.ReadAllText(retry), Is.Empty);
        });

        files.ScaleTime(ResultFiles.Policy, 2.0);
        var fail = Run("compare", "--results", files.Dir, "--baseline", baseline, "--summary", summary, "--retry-filters", retry, "--threshold", "30%");
        Assert.Multiple(() =>
        {
            Assert.That(fail.Code, Is.EqualTo(1));
            Assert.That(fail.Out, Does.Contain("PipelineBenchmarks.Process(Corpus: Policy1MB)  FAIL slower (>30%)"));
            Assert.That(File.ReadAllText(summary), Does.Contain("**FAILED**"));
            Assert.That(File.ReadAllLines(retry), Is.EqualTo(new[] { "TextLens.Benchmarks.PipelineBenchmarks.Process", ResultFiles.Calibration }));
        });
    }

    [Test]
    public void MissingBaselineAndBadArgumentsFail()
    {
        using var files = new ResultFiles();
        Assert.Multiple(() =>
        {
            Assert.That(Run("compare", "--results", files.Dir, "--baseline", Path.Combine(files.Dir, "none.json")).Code, Is.EqualTo(2));
            Assert.That(Run("compare", "--results", files.Dir).Code, Is.EqualTo(3));
            Assert.That(Run("compare", "--results", files.Dir, "--baseline", "b.json", "--threshold", "abc").Code, Is.EqualTo(3));
            Assert.That(Run("frobnicate", "--results", files.Dir, "--baseline", "b.json").Code, Is.EqualTo(3));
        });
    }
}
