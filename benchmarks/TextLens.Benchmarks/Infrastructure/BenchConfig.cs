using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Filters;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
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

    /// <summary>True when <paramref name="benchmarkCase"/> runs the <see cref="QuickJob"/>'s settings.</summary>
    public static bool IsQuick(BenchmarkCase benchmarkCase)
    {
        var job = benchmarkCase.Job;
        return job.Infrastructure.Toolchain is InProcessEmitToolchain
            && job.Run.IterationCount == QuickJob.Run.IterationCount
            && job.Run.WarmupCount == QuickJob.Run.WarmupCount
            && job.Run.IterationTime == QuickJob.Run.IterationTime;
    }

    /// <summary>
    /// The shared config: tokens/s column, memory diagnoser and the full JSON exporter (which the regression gate
    /// reads), on top of BenchmarkDotNet's defaults. With <paramref name="quick"/>, every benchmark runs the
    /// <see cref="QuickJob"/> only, whatever job attributes its class carries.
    /// </summary>
    public static IConfig Create(bool quick)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddColumn(TokensPerSecondColumn.Instance)
            .AddColumn(WordsPerSecondColumn.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(JsonExporter.Full)
            .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        // Quick: a class's own [ShortRunJob]/[SimpleJob] would add an out-of-process job to the CI run
        // (BenchmarkDotNet unions attribute jobs with config jobs), so keep only cases running the quick job.
        if (quick) config = config.AddJob(QuickJob).AddFilter(new SimpleFilter(IsQuick));
        return config;
    }
}
