using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TextLens.Benchmarks;

/// <summary>The configurations <c>Program</c> applies to every benchmark class.</summary>
public static class BenchConfig
{
    /// <summary>
    /// The CI job: in-process (no generated project to build), 1 launch, 2 warmup and 7 measured iterations of
    /// about 120 ms each. About 2–6 s per benchmark on a 2-core machine.
    /// </summary>
    public static Job QuickJob { get; } = Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(7)
        .WithIterationTime(TimeInterval.FromMilliseconds(120))
        .WithId("Quick");

    /// <summary>
    /// The shared config: tokens/s column, memory diagnoser and the full JSON exporter (which the regression gate
    /// reads), on top of BenchmarkDotNet's defaults. With <paramref name="quick"/>, every benchmark runs the
    /// <see cref="QuickJob"/> instead of the default job.
    /// </summary>
    public static IConfig Create(bool quick)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddColumn(TokensPerSecondColumn.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(JsonExporter.Full)
            .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        if (quick) config = config.AddJob(QuickJob.AsDefault());
        return config;
    }
}
