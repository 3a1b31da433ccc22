using TextLens.Tagging;

namespace TextLens;

/// <summary>
/// Lemmatizer (pipeline component <c>lemmatizer</c>): POS-aware suffix rules plus exception tables learnt from
/// UD English-EWT (<c>went</c> → <c>go</c>, <c>children</c> → <c>child</c>, <c>better</c>/ADJ → <c>good</c>).
/// Runs after the <see cref="PosTagger"/> and uses its tags; without tags it treats every word as a noun-or-other.
/// Lemma strings are interned: lemmatising known words allocates nothing. Thread-safe.
/// </summary>
public sealed class Lemmatizer : IPipelineComponent
{
    private const int MaxRuleLength = 64;
    private static readonly Lazy<Lemmatizer> DefaultLemmatizer = new(() => new Lemmatizer(PosTagger.Default.Model.Lemmas));

    private readonly LemmaTable _table;

    internal Lemmatizer(LemmaTable table) => _table = table;

    /// <summary>Creates a lemmatizer that uses the exception tables stored with a tagger's model.</summary>
    /// <param name="tagger">The tagger whose model carries the tables (the same model file).</param>
    public Lemmatizer(PosTagger tagger) : this((tagger ?? throw new ArgumentNullException(nameof(tagger))).Model.Lemmas) { }

    /// <summary>The lemmatizer with the tables that ship inside TextLens.</summary>
    public static Lemmatizer Default => DefaultLemmatizer.Value;

    /// <inheritdoc/>
    public string Name => "lemmatizer";

    /// <summary>The lemma of one word with a given universal and (optionally) Penn tag.</summary>
    /// <param name="word">The word as written.</param>
    /// <param name="pos">Its universal tag.</param>
    /// <param name="tag">Its Penn Treebank tag (NNS, VBD, JJR …), or null when unknown.</param>
    /// <returns>The lemma (an interned string).</returns>
    public string Lemmatize(string word, UPos pos, string? tag = null)
    {
        ArgumentNullException.ThrowIfNull(word);
        string norm = TextNormalizer.Normalize(word);
        return Lemmatize(norm, norm.ToLowerInvariant(), pos, tag);
    }

    internal string Lemmatize(ReadOnlySpan<char> norm, ReadOnlySpan<char> lower, UPos pos, string? tag)
    {
        if (norm.Length == 0) return "";
        if (norm.Length > MaxRuleLength) return LemmaPool.Get(lower);
        Span<char> buffer = stackalloc char[MaxRuleLength + 8];
        int n = LemmaRules.Lemmatize(_table, norm, lower, pos, tag, buffer, out var exception);
        return n < 0 ? exception! : LemmaPool.Get(buffer[..n]);
    }

    /// <summary>Sets <see cref="Token.Lemma"/> on every token.</summary>
    /// <param name="document">A tokenized (and normally tagged) document.</param>
    /// <param name="cancellationToken">Not checked: lemmatising is linear and fast.</param>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var store = document.TokenStore;
        var lemmas = new string[store.Length];
        string norm = document.NormText, lower = document.LowerText;
        for (int i = 0; i < store.Length; i++)
        {
            ref readonly TokenData t = ref store[i];
            var pos = document.PosAt(i);
            lemmas[i] = Lemmatize(norm.AsSpan(t.Start, t.Length), lower.AsSpan(t.Start, t.Length), pos == UPos.None ? UPos.X : pos, document.TagAt(i));
        }
        document.SetLemmas(lemmas);
    }
}
