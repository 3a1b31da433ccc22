namespace TextLens.Benchmarks;

/// <summary>
/// Tells the tokens/s column how many tokens one benchmark operation processes, when the benchmark has no
/// <see cref="Corpus"/> parameter (or processes the corpus more than once per operation).
/// Put it on the benchmark method or on the class (the method wins).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class TokensPerOperationAttribute : Attribute
{
    /// <summary>One operation processes <paramref name="corpus"/> <see cref="Copies"/> times.</summary>
    public TokensPerOperationAttribute(Corpus corpus) => Corpus = corpus;

    /// <summary>One operation processes a fixed number of tokens.</summary>
    public TokensPerOperationAttribute(long tokens) => Tokens = tokens;

    /// <summary>The corpus processed per operation, if given.</summary>
    public Corpus? Corpus { get; }

    /// <summary>A fixed token count per operation, if given.</summary>
    public long? Tokens { get; }

    /// <summary>How many times the corpus is processed per operation (default 1).</summary>
    public int Copies { get; set; } = 1;

    internal long Resolve() => Tokens ?? (long)Corpora.TokenCount(Corpus!.Value) * Copies;
}
