namespace TextLens;

/// <summary>Options for <see cref="Pipeline"/>.</summary>
public sealed record PipelineOptions
{
    /// <summary>How many documents <see cref="Pipeline.Process(IEnumerable{string}, CancellationToken)"/> processes at once; defaults to the number of cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
