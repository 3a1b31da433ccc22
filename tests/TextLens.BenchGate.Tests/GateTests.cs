namespace TextLens.BenchGate.Tests;

/// <summary>The gate's logic on edited copies of real BenchmarkDotNet reports. Nothing here measures time.</summary>
public class GateTests
{
    private static readonly DateTimeOffset When = new(2026, 11, 27, 21, 0, 0, TimeSpan.Zero);

    private static Baseline BaselineOf(BenchmarkRun run) => Baseline.FromRun(run, "0123abc", When);

    private static GateRow Row(GateReport report, string name) => report.Rows.Single(r => r.Name == name);

    [Test]
    public void ReadsRealBenchmarkDotNetReports()
    {
        using var files = new ResultFiles();
        var run = files.Load();
        Assert.Multiple(() =>
        {
            Assert.That(run.Problems, Is.Empty);
            Assert.That(run.Results.Keys, Is.EquivalentTo(new[] { ResultFiles.Calibration, ResultFiles.Article, ResultFiles.Policy }));
            Assert.That(run.Results[ResultFiles.Calibration].MeanNs, Is.EqualTo(ResultFiles.CalibrationMean));
            Assert.That(run.Results[ResultFiles.Calibration].AllocatedBytes, Is.EqualTo(0));
            Assert.That(run.Results[ResultFiles.Article].AllocatedBytes, Is.EqualTo(ResultFiles.ArticleBytes));
            Assert.That(run.Machine, Does.StartWith("Intel Xeon Processor, 2 logical cores, .NET 10.0.12"));
        });
    }

    [Test]
    public void ReadsCompressedReportNames()
    {
        using var files = new ResultFiles();
        files.RenameToCompressed();
        Assert.That(files.Load().Results, Has.Count.EqualTo(3));
    }

    [Test]
    public void UnchangedResultsPass()
    {
        using var files = new ResultFiles();
        var run = files.Load();
        var report = Gate.Compare(BaselineOf(run), [run]);
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.True);
            Assert.That(report.ExitCode, Is.EqualTo(0));
            Assert.That(report.Rows.Select(r => r.Status), Is.All.EqualTo(RowStatus.Ok));
            Assert.That(Row(report, ResultFiles.Article).TimeChange, Is.EqualTo(0));
        });
    }

    [Test]
    public void TwoTimesSlowerBenchmarkFails()
    {
        using var files = new ResultFiles();
        var baseline = BaselineOf(files.Load());
        var report = Gate.Compare(baseline, [files.ScaleTime(ResultFiles.Article, 2.0).Load()]);
        var row = Row(report, ResultFiles.Article);
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.ExitCode, Is.EqualTo(1), "only a time regression: worth re-measuring");
            Assert.That(row.Status, Is.EqualTo(RowStatus.Slower));
            Assert.That(row.TimeChange, Is.EqualTo(1.0).Within(1e-9));
            Assert.That(Row(report, ResultFiles.Policy).Status, Is.EqualTo(RowStatus.Ok));
            Assert.That(report.RetryFilters, Is.EqualTo(new[] { "TextLens.Benchmarks.PipelineBenchmarks.Process", ResultFiles.Calibration }));
        });
        var markdown = report.ToMarkdown();
        Assert.That(markdown, Does.Contain("**FAILED** — 1 of 3 benchmarks fail"));
        Assert.That(markdown, Does.Contain("| PipelineBenchmarks.Process(Corpus: Article) | FAIL slower (>25%) | 0.16425 | 0.32850 | +100.0% | 113.26 µs |"));
    }

    [Test]
    public void ThresholdIsConfigurable()
    {
        using var files = new ResultFiles();
        var baseline = BaselineOf(files.Load());
        var run = files.ScaleTime(ResultFiles.Article, 1.2).Load();
        Assert.Multiple(() =>
        {
            Assert.That(Gate.Compare(baseline, [run]).Passed, Is.True, "+20% is within the default 25%");
            Assert.That(Gate.Compare(baseline, [run], new GateOptions { TimeThreshold = 0.10 }).Passed, Is.False, "+20% exceeds 10%");
        });
    }

    [Test]
    public void PerBenchmarkThresholdInTheBaselineWins()
    {
        using var files = new ResultFiles();
        var baseline = BaselineOf(files.Load());
        baseline.Benchmarks.Single(e => e.Name == ResultFiles.Article).TimeThreshold = 0.5;
        var report = Gate.Compare(baseline, [files.ScaleTime(ResultFiles.Article, 1.4).Load()]);
        Assert.That(report.Passed, Is.True);
    }

    [Test]
    public void AllocationGrowthFails()
    {
        using var files = new ResultFiles();
        var baseline = BaselineOf(files.Load());
        var report = Gate.Compare(baseline, [files.ScaleAllocations(ResultFiles.Article, 1.10).Load()]);
        var row = Row(report, ResultFiles.Article);
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.ExitCode, Is.EqualTo(2), "allocations are deterministic: no re-run");
            Assert.That(row.Status, Is.EqualTo(RowStatus.MoreAllocations));
            Assert.That(row.AllocChange, Is.EqualTo(0.10).Within(1e-4));
        });
    }

    [Test]
    public void SmallAllocationJitterPasses()
    {
        using var files = new ResultFiles();
        var baseline = BaselineOf(files.Load());
        // +3% of 70 KB is under the 5% threshold
        Assert.That(Gate.Compare(baseline, [files.ScaleAllocations(ResultFiles.Article, 1.03).Load()]).Passed, Is.True);
    }

    [Test]
    public void MissingResultFails()
    {
        using var files = new ResultFiles();
        var baseline = BaselineOf(files.Load());
        var report = Gate.Compare(baseline, [files.Remove(ResultFiles.Policy).Load()]);
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.ExitCode, Is.EqualTo(2));
            Assert.That(Row(report, ResultFiles.Policy).Status, Is.EqualTo(RowStatus.Missing));
        });
    }

    [Test]
    public void BenchmarkThatThrewCountsAsMissing()
    {
        using var files = new ResultFiles();
        var baseline = BaselineOf(files.Load());
        var report = Gate.Compare(baseline, [files.DropStatistics(ResultFiles.Article).Load()]);
        var row = Row(report, ResultFiles.Article);
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(row.Status, Is.EqualTo(RowStatus.Missing));
            Assert.That(row.Note, Does.Contain("produced no result"));
        });
    }

    [Test]
    public void NoReportsAtAllFails()
    {
        using var files = new ResultFiles();
        var baseline = BaselineOf(files.Load());
        var empty = Path.Combine(files.Dir, "empty");
        Directory.CreateDirectory(empty);
        var report = Gate.Compare(baseline, [BenchmarkRun.Load(empty)]);
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.Problems, Has.Some.StartsWith("No BenchmarkDotNet JSON report"));
            Assert.That(report.Rows.Select(r => r.Status), Is.All.EqualTo(RowStatus.Missing));
        });
    }

    [Test]
    public void MissingCalibrationFails()
    {
        using var files = new ResultFiles();
        var baseline = BaselineOf(files.Load());
        var report = Gate.Compare(baseline, [files.Remove(ResultFiles.Calibration).Load()]);
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.Problems, Has.Some.Contains("no result for the calibration benchmark"));
        });
    }

    [Test]
    public void DebugBuildFails()
    {
        using var files = new ResultFiles();
        var baseline = BaselineOf(files.Load());
        var report = Gate.Compare(baseline, [files.SetConfiguration("DEBUG").Load()]);
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.Problems, Has.Some.Contains("built in DEBUG, not RELEASE"));
        });
    }

    [Test]
    public void CalibrationCancelsAUniformlySlowerMachine()
    {
        using var files = new ResultFiles();
        var baseline = BaselineOf(files.Load());
        var report = Gate.Compare(baseline, [files.ScaleTime(_ => true, 2.0).Load()]);
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.True);
            Assert.That(report.CalibrationMeanNs, Is.EqualTo(2 * ResultFiles.CalibrationMean).Within(1e-6));
            Assert.That(report.Rows.Select(r => r.TimeChange!.Value), Is.All.EqualTo(0).Within(1e-9));
            Assert.That(report.ToMarkdown(), Does.Contain("this machine is 2.00× the baseline's time"));
        });
    }

    [Test]
    public void SlowerBenchmarkOnAFasterMachineStillFails()
    {
        using var files = new ResultFiles();
        var baseline = BaselineOf(files.Load());
        // machine twice as fast (everything × 0.5) but Article 2× slower relative to it
        files.ScaleTime(_ => true, 0.5).ScaleTime(ResultFiles.Article, 2.0);
        var report = Gate.Compare(baseline, [files.Load()]);
        Assert.That(Row(report, ResultFiles.Article).Status, Is.EqualTo(RowStatus.Slower));
    }

    [Test]
    public void NewBenchmarkIsReportedNotFailed()
    {
        using var files = new ResultFiles();
        var baseline = BaselineOf(files.Load());
        baseline.Benchmarks.RemoveAll(e => e.Name == ResultFiles.Policy);
        var report = Gate.Compare(baseline, [files.Load()]);
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.True);
            Assert.That(Row(report, ResultFiles.Policy).Status, Is.EqualTo(RowStatus.New));
            Assert.That(report.ToMarkdown(), Does.Contain("| PipelineBenchmarks.Process(Corpus: Policy1MB) | new |"));
        });
    }

    [Test]
    public void FasterBenchmarkIsReportedNotFailed()
    {
        using var files = new ResultFiles();
        var baseline = BaselineOf(files.Load());
        var report = Gate.Compare(baseline, [files.ScaleTime(ResultFiles.Article, 0.5).Load()]);
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.True);
            Assert.That(Row(report, ResultFiles.Article).Status, Is.EqualTo(RowStatus.Faster));
        });
    }

    [Test]
    public void ReRunThatDoesNotReproduceTheSlowdownPasses()
    {
        using var slow = new ResultFiles();
        using var rerun = new ResultFiles();
        var baseline = BaselineOf(rerun.Load());
        slow.ScaleTime(ResultFiles.Article, 2.0);
        rerun.Remove(ResultFiles.Policy).ScaleTime(_ => true, 1.5); // re-run of the suspect + calibration on a busier machine
        var report = Gate.Compare(baseline, [slow.Load(), rerun.Load()]);
        Assert.Multiple(() =>
        {
            Assert.That(report.Passed, Is.True);
            Assert.That(Row(report, ResultFiles.Article).TimeChange, Is.EqualTo(0).Within(1e-9));
        });
    }

    [Test]
    public void ReRunThatReproducesTheSlowdownFails()
    {
        using var slow = new ResultFiles();
        using var rerun = new ResultFiles();
        var baseline = BaselineOf(rerun.Load());
        slow.ScaleTime(ResultFiles.Article, 2.0);
        rerun.ScaleTime(ResultFiles.Article, 1.9);
        var report = Gate.Compare(baseline, [slow.Load(), rerun.Load()]);
        Assert.That(Row(report, ResultFiles.Article).TimeChange, Is.EqualTo(0.9).Within(1e-9));
        Assert.That(report.Passed, Is.False);
    }
}

public class StatisticTests
{
    [Test]
    public void MedianBaselineIgnoresBurstsThatMoveOnlyTheMean()
    {
        using var files = new ResultFiles();
        var baseline = Baseline.FromRun(files.Load(), "x", DateTimeOffset.UnixEpoch, statistic: TimeStatistic.Median);
        // a burst of load: the mean doubles, the median stays
        files.Edit(ResultFiles.Article, b => b["Statistics"]!["Mean"] = b["Statistics"]!["Mean"]!.GetValue<double>() * 2);
        var run = files.Load();
        using var original = new ResultFiles();
        var byMean = Baseline.FromRun(original.Load(), "x", DateTimeOffset.UnixEpoch);
        Assert.Multiple(() =>
        {
            Assert.That(baseline.Statistic, Is.EqualTo(TimeStatistic.Median));
            Assert.That(baseline.CalibrationMeanNs, Is.EqualTo(run.Results[ResultFiles.Calibration].MedianNs));
            Assert.That(Gate.Compare(baseline, [run]).Passed, Is.True);
            Assert.That(Gate.Compare(byMean, [run]).Passed, Is.False);
        });
    }

    [Test]
    public void StatisticSurvivesSaveAndLoad()
    {
        using var files = new ResultFiles();
        var path = Path.Combine(files.Dir, "b.json");
        Baseline.FromRun(files.Load(), "x", DateTimeOffset.UnixEpoch, statistic: TimeStatistic.Median).Save(path);
        Assert.That(File.ReadAllText(path), Does.Contain("\"statistic\": \"Median\""));
        Assert.That(Baseline.Load(path).Statistic, Is.EqualTo(TimeStatistic.Median));
    }
}
