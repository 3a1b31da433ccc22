namespace TextLens.BenchGate.Tests;

public class BaselineTests
{
    [Test]
    public void FromRunRecordsCommitDateAndRatios()
    {
        using var files = new ResultFiles();
        var baseline = Baseline.FromRun(files.Load(), "0123abc", new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.FromHours(2)));
        var article = baseline.Benchmarks.Single(e => e.Name == ResultFiles.Article);
        Assert.Multiple(() =>
        {
            Assert.That(baseline.Commit, Is.EqualTo("0123abc"));
            Assert.That(baseline.Date, Is.EqualTo("2026-11-27T21:30:00Z"));
            Assert.That(baseline.Calibration, Is.EqualTo(ResultFiles.Calibration));
            Assert.That(baseline.CalibrationMeanNs, Is.EqualTo(ResultFiles.CalibrationMean));
            Assert.That(baseline.Benchmarks.Select(e => e.Name), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(article.Ratio, Is.EqualTo(article.MeanNs / ResultFiles.CalibrationMean));
            Assert.That(article.AllocatedBytes, Is.EqualTo(ResultFiles.ArticleBytes));
        });
    }

    [Test]
    public void SaveLoadRoundTripsAndKeepsThresholdOverrides()
    {
        using var files = new ResultFiles();
        var path = Path.Combine(files.Dir, "baseline.json");
        var first = Baseline.FromRun(files.Load(), "aaa", DateTimeOffset.UnixEpoch);
        first.Benchmarks.Single(e => e.Name == ResultFiles.Policy).TimeThreshold = 0.4;
        first.Save(path);
        var loaded = Baseline.Load(path);
        var second = Baseline.FromRun(files.ScaleTime(ResultFiles.Policy, 3).Load(), "bbb", DateTimeOffset.UnixEpoch, previous: loaded);
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Commit, Is.EqualTo("aaa"));
            Assert.That(loaded.Benchmarks, Has.Count.EqualTo(3));
            Assert.That(loaded.Benchmarks.Single(e => e.Name == ResultFiles.Policy).TimeThreshold, Is.EqualTo(0.4));
            Assert.That(second.Commit, Is.EqualTo("bbb"));
            Assert.That(second.Benchmarks.Single(e => e.Name == ResultFiles.Policy).TimeThreshold, Is.EqualTo(0.4));
            Assert.That(second.Benchmarks.Single(e => e.Name == ResultFiles.Article).TimeThreshold, Is.Null);
        });
    }

    [Test]
    public void RefusesToRecordARunWithoutCalibration()
    {
        using var files = new ResultFiles();
        var run = files.Remove(ResultFiles.Calibration).Load();
        Assert.That(() => Baseline.FromRun(run, "x", DateTimeOffset.UnixEpoch),
            Throws.InvalidOperationException.With.Message.Contains("calibration"));
    }

    [Test]
    public void RefusesToRecordAFailedBenchmark()
    {
        using var files = new ResultFiles();
        var run = files.DropStatistics(ResultFiles.Policy).Load();
        Assert.That(() => Baseline.FromRun(run, "x", DateTimeOffset.UnixEpoch),
            Throws.InvalidOperationException.With.Message.Contains(ResultFiles.Policy));
    }

    [Test]
    public void LoadRejectsAnEmptyOrWrongSchemaBaseline()
    {
        using var files = new ResultFiles();
        var path = Path.Combine(files.Dir, "b.json");
        File.WriteAllText(path, """{ "schema": 1, "commit": "x", "benchmarks": [] }""");
        Assert.That(() => Baseline.Load(path), Throws.TypeOf<InvalidDataException>().With.Message.Contains("no benchmarks"));
        File.WriteAllText(path, """{ "schema": 9, "benchmarks": [ { "name": "a", "ratio": 1 } ] }""");
        Assert.That(() => Baseline.Load(path), Throws.TypeOf<InvalidDataException>().With.Message.Contains("schema 9"));
        File.WriteAllText(path, "{ not json");
        Assert.That(() => Baseline.Load(path), Throws.TypeOf<InvalidDataException>());
    }
}

public class BaselineFromSeveralRunsTests
{
    [Test]
    public void EachBenchmarkGetsTheMedianOfItsPerRunRatios()
    {
        using var a = new ResultFiles();
        using var b = new ResultFiles();
        using var c = new ResultFiles();
        var plain = a.Load();
        b.ScaleTime(_ => true, 3.0);                   // uniformly slower machine: same ratios
        c.ScaleTime(ResultFiles.Article, 5.0);          // a burst of load during one benchmark
        var baseline = Baseline.FromRuns([plain, b.Load(), c.Load()], "x", DateTimeOffset.UnixEpoch);
        var article = baseline.Benchmarks.Single(e => e.Name == ResultFiles.Article);
        double ratio = plain.Results[ResultFiles.Article].MeanNs!.Value / ResultFiles.CalibrationMean;
        Assert.Multiple(() =>
        {
            Assert.That(article.Ratio, Is.EqualTo(ratio).Within(1e-12), "the outlier run does not move the median");
            Assert.That(baseline.CalibrationMeanNs, Is.EqualTo(ResultFiles.CalibrationMean), "median of 1×, 3×, 1×");
        });
    }

    [Test]
    public void RunsMustMeasureTheSameBenchmarks()
    {
        using var a = new ResultFiles();
        using var b = new ResultFiles();
        Assert.That(() => Baseline.FromRuns([a.Load(), b.Remove(ResultFiles.Policy).Load()], "x", DateTimeOffset.UnixEpoch),
            Throws.InvalidOperationException.With.Message.Contains("same benchmarks"));
    }
}
