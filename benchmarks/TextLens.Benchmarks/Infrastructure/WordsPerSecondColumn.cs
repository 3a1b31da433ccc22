using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TextLens.Benchmarks;

/// <summary>
/// A summary column "Words/s" = words of the benchmark's <see cref="Corpus"/> parameter (counted like <c>wc -w</c>,
/// the unit other NLP libraries quote) ÷ mean time per operation. Benchmarks without a Corpus parameter show "-".
/// </summary>
public sealed class WordsPerSecondColumn : IColumn
{
    /// <summary>The shared instance (added to every config by <see cref="BenchConfig"/>).</summary>
    public static readonly WordsPerSecondColumn Instance = new();

    /// <inheritdoc/>
    public string Id => nameof(WordsPerSecondColumn);

    /// <inheritdoc/>
    public string ColumnName => "Words/s";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 1;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Words (runs of non-white-space) of the Corpus parameter per second";

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var corpus = benchmarkCase.Parameters.Items.Select(p => p.Value).OfType<Corpus>().Cast<Corpus?>().FirstOrDefault();
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean; // nanoseconds per operation
        if (corpus is null || mean is null or <= 0) return "-";
        return (Corpora.WordCount(corpus.Value) / (mean.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public override string ToString() => ColumnName;
}
