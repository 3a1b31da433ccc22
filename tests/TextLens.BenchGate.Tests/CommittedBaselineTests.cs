namespace TextLens.BenchGate.Tests;

/// <summary>The committed benchmarks/baseline.json is one the gate can use.</summary>
public class CommittedBaselineTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("TextLens.sln not found above " + AppContext.BaseDirectory);
    }

    [Test]
    public void CommittedBaselineIsUsable()
    {
        var baseline = Baseline.Load(Path.Combine(RepoRoot(), "benchmarks", "baseline.json"));
        var calibration = baseline.Benchmarks.SingleOrDefault(e => e.Name == baseline.Calibration);
        Assert.Multiple(() =>
        {
            Assert.That(baseline.Calibration, Is.EqualTo(GateOptions.DefaultCalibration));
            Assert.That(baseline.Commit, Is.Not.Empty);
            Assert.That(DateTimeOffset.TryParse(baseline.Date, System.Globalization.CultureInfo.InvariantCulture, out _), Is.True, baseline.Date);
            Assert.That(calibration, Is.Not.Null, "the calibration benchmark is in the baseline");
            Assert.That(calibration!.Ratio, Is.EqualTo(1.0));
            Assert.That(baseline.CalibrationMeanNs, Is.EqualTo(calibration.MeanNs));
            Assert.That(baseline.Benchmarks.Select(e => e.Name), Is.Unique);
            Assert.That(baseline.Benchmarks.Select(e => e.Name), Has.Some.StartsWith("TextLens.Benchmarks.PipelineBenchmarks.Process("));
        });
    }

    [Test]
    public void CommittedInstructionBaselineHasEveryStageOfBothInputs()
    {
        var baseline = InstructionBaseline.Load(Path.Combine(RepoRoot(), "benchmarks", "instructions-baseline.json"));
        Assert.Multiple(() =>
        {
            Assert.That(baseline.Commit, Does.Match("^[0-9a-f]{40}$"));
            Assert.That(baseline.Stages.Select(s => (s.Input, s.Stage)), Is.EquivalentTo(
                from input in new[] { "article", "policy" } from stage in InstructionGate.Stages select (input, stage)));
            Assert.That(baseline.Stages.Where(s => s.Threshold is not null).Select(s => (s.Input, s.Stage, s.Threshold)),
                Is.EqualTo(new[] { ("policy", "sentiment", (double?)0.05) }), "only the stage with a known per-run step has its own threshold");
        });
    }
}
