using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TextLens.Benchmarks;

/// <summary>
/// A summary column "Tokens/s" = tokens per operation ÷ mean time per operation.
/// Tokens per operation come from, in order: a <see cref="TokensPerOperationAttribute"/> on the method, then a
/// parameter whose value is a <see cref="Corpus"/> (its token count), then the attribute on the class, then a public
/// instance property <c>TokensPerOperation</c> or <c>TokenCount</c> read after <c>[GlobalSetup]</c>.
/// Benchmarks with none of these (calibration, model load) show "-".
/// </summary>
public sealed class TokensPerSecondColumn : IColumn
{
    /// <summary>The shared instance (added to every config by <see cref="BenchConfig"/>).</summary>
    public static readonly TokensPerSecondColumn Instance = new();

    /// <inheritdoc/>
    public string Id => nameof(TokensPerSecondColumn);

    /// <inheritdoc/>
    public string ColumnName => "Tokens/s";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Tokens processed per second (tokens per operation / mean time per operation)";

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var tokens = TokensPerOperation(benchmarkCase);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean; // nanoseconds per operation
        if (tokens is null or <= 0 || mean is null or <= 0) return "-";
        return (tokens.Value / (mean.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <summary>Tokens one operation of <paramref name="benchmarkCase"/> processes, or null when unknown.</summary>
    public static long? TokensPerOperation(BenchmarkCase benchmarkCase)
    {
        var method = benchmarkCase.Descriptor.WorkloadMethod;
        if (method.GetCustomAttribute<TokensPerOperationAttribute>() is { } onMethod) return onMethod.Resolve();
        foreach (var p in benchmarkCase.Parameters.Items)
            if (p.Value is Corpus corpus) return Corpora.TokenCount(corpus);
        if (benchmarkCase.Descriptor.Type.GetCustomAttribute<TokensPerOperationAttribute>() is { } onType) return onType.Resolve();
        return FromInstance(benchmarkCase);
    }

    private static readonly ConcurrentDictionary<string, long?> InstanceCounts = new();

    /// <summary>
    /// Last resort: a public instance property <c>TokensPerOperation</c> or <c>TokenCount</c> (int or long) on the
    /// benchmark class, read from a fresh instance after setting the case's parameters and running its
    /// <c>[GlobalSetup]</c> (once per case, in the process that prints the summary). Not for methods named
    /// <c>Load…</c> (model loads); <c>[TokensPerOperation(0L)]</c> also opts a method out.
    /// </summary>
    private static long? FromInstance(BenchmarkCase benchmarkCase)
    {
        var type = benchmarkCase.Descriptor.Type;
        if (benchmarkCase.Descriptor.WorkloadMethod.Name.StartsWith("Load", StringComparison.Ordinal)) return null; // model loads process no tokens
        var property = type.GetProperty("TokensPerOperation", BindingFlags.Public | BindingFlags.Instance)
            ?? type.GetProperty("TokenCount", BindingFlags.Public | BindingFlags.Instance);
        if (property is null || (property.PropertyType != typeof(int) && property.PropertyType != typeof(long))) return null;
        return InstanceCounts.GetOrAdd(type.FullName + "|" + benchmarkCase.Parameters.FolderInfo, _ =>
        {
            try
            {
                var instance = Activator.CreateInstance(type)!;
                foreach (var p in benchmarkCase.Parameters.Items)
                {
                    if (type.GetProperty(p.Name, BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true } prop) prop.SetValue(instance, p.Value);
                    else type.GetField(p.Name, BindingFlags.Public | BindingFlags.Instance)?.SetValue(instance, p.Value);
                }
                var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
                foreach (var m in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
                    if (m.GetCustomAttribute<GlobalSetupAttribute>() is { } setup && m.GetParameters().Length == 0
                        && (setup.Targets is null || setup.Targets.Length == 0 || setup.Targets.Contains(method)))
                        m.Invoke(instance, null);
                return Convert.ToInt64(property.GetValue(instance), CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is TargetInvocationException or MissingMethodException or ArgumentException or InvalidOperationException or MemberAccessException)
            {
                return null;
            }
        });
    }

    /// <inheritdoc/>
    public override string ToString() => ColumnName;
}
