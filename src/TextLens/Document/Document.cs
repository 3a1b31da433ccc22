using System.Runtime.CompilerServices;

namespace TextLens;

/// <summary>
/// A processed text and all its annotation layers (spaCy's <c>Doc</c>). The original text is kept
/// untouched: every token, sentence, entity and stance cue carries UTF-16 offsets into <see cref="Text"/>,
/// so <c>doc.Text[x.Start..x.End]</c> is always the annotation's text.
/// </summary>
/// <remarks>
/// Pipeline components fill the layers while the document is processed; once
/// <see cref="Pipeline.Process(string, string?)"/> returns, the document is frozen and immutable,
/// and it is safe to read from any number of threads.
/// </remarks>
public sealed class Document
{
    private static readonly Sentence[] NoSentences = [];
    private static readonly Paragraph[] NoParagraphs = [];

    private readonly TokenData[] _tokens;
    private Sentence[] _sentences = NoSentences;
    private int[]? _sentenceOfToken;
    private Paragraph[] _paragraphs = NoParagraphs;
    private UPos[]? _pos;
    private string[]? _tags;
    private string[]? _lemmas;
    private IReadOnlyList<Entity> _entities = [];
    private IReadOnlyList<StanceCue> _stanceCues = [];
    private DocumentSentiment? _sentiment;
    private Dictionary<string, object>? _extensions;
    private bool _frozen;

    internal Document(string text, string id, TokenData[] tokens)
    {
        Text = text;
        Id = id;
        _tokens = tokens;
        NormText = TextNormalizer.Normalize(text);
        LowerText = TextNormalizer.ToLowerInvariant(NormText);
    }

    /// <summary>The original text, exactly as given.</summary>
    public string Text { get; }

    /// <summary>The document's identifier (the input file name without extension, a CSV id, or one given by the caller).</summary>
    public string Id { get; }

    /// <summary>The text with quotes, apostrophes and dashes normalised; same length as <see cref="Text"/>.</summary>
    internal string NormText { get; }

    /// <summary>The lower-cased <see cref="NormText"/>; same length as <see cref="Text"/>.</summary>
    internal string LowerText { get; }

    internal TokenData[] TokenStore => _tokens;

    /// <summary>All tokens, in text order.</summary>
    public TokenList Tokens => new(this, 0, _tokens.Length);

    /// <summary>All sentences, in text order; they tile the tokens. Empty when the sentence stage is disabled.</summary>
    public IReadOnlyList<Sentence> Sentences => _sentences;

    /// <summary>Paragraphs (blocks separated by blank lines), in text order.</summary>
    public IReadOnlyList<Paragraph> Paragraphs => _paragraphs;

    /// <summary>Named entities, ordered by start offset, non-overlapping.</summary>
    public IReadOnlyList<Entity> Entities => _entities;

    /// <summary>Stance cues (refusals, conditions, commitments, obligations, hedges, boosters, attitude), ordered by start offset.</summary>
    public IReadOnlyList<StanceCue> StanceCues => _stanceCues;

    /// <summary>Sentiment of the document, its paragraphs, sentences and entities; null when the sentiment stage is disabled.</summary>
    public DocumentSentiment? Sentiment => _sentiment;

    /// <summary>True when part-of-speech tags have been assigned.</summary>
    public bool IsTagged => _pos is not null;

    /// <summary>True once processing has finished; a frozen document can no longer change.</summary>
    public bool IsFrozen => _frozen;

    /// <summary>Values that user components attached with <see cref="SetExtension"/> (spaCy's <c>doc._</c>).</summary>
    public IReadOnlyDictionary<string, object> Extensions =>
        _extensions ?? (IReadOnlyDictionary<string, object>)System.Collections.Frozen.FrozenDictionary<string, object>.Empty;

    /// <summary>Attaches a value for a user component while the document is being processed.</summary>
    /// <param name="key">Name of the value; use a prefix of your own to avoid clashes.</param>
    /// <param name="value">The value; it should be immutable.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The document is frozen.</exception>
    public void SetExtension(string key, object value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        EnsureMutable();
        (_extensions ??= new Dictionary<string, object>(StringComparer.Ordinal))[key] = value;
    }

    /// <summary>Index of the first token whose end is after <paramref name="offset"/>, or the token count.</summary>
    /// <param name="offset">A UTF-16 offset into <see cref="Text"/>.</param>
    public int TokenIndexAt(int offset)
    {
        int lo = 0, hi = _tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_tokens[mid].End <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// Writes the document as JSON in the TextLens evaluation schema (<c>id</c>, <c>source</c>, <c>text_file</c>,
    /// <c>sentences</c>, <c>entities</c>, <c>stance_cues</c>), plus extra fields that <see cref="FromJson"/> reads back:
    /// the text, tokens with tags and lemmas, paragraphs, token ranges, cue details and sentiment scores with their explanations.
    /// </summary>
    /// <param name="source">Where the text came from (an address, a path); written as <c>source</c>.</param>
    /// <param name="textFile">Path of the text file, written as <c>text_file</c>; defaults to <c>texts/{Id}.txt</c>.</param>
    /// <returns>Indented JSON.</returns>
    public string ToJson(string? source = null, string? textFile = null) => Output.DocumentJson.ToJson(this, source, textFile);

    /// <summary>
    /// Rebuilds a frozen document from the JSON that <see cref="ToJson"/> wrote: text, tokens (with tags and
    /// lemmas), sentences, paragraphs, entities, stance cues and sentiment scores. The compact JSON of
    /// <c>textlens analyze -f json</c> holds a <c>token_count</c> instead of the tokens: the text is then re-tokenized
    /// with the default tokenizer (which must give that many tokens) and the document has no tags or lemmas.
    /// </summary>
    /// <param name="json">JSON written by <see cref="ToJson"/>.</param>
    /// <returns>A frozen document equal to the one that was written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The JSON is malformed, lacks the text or tokens (evaluation-only JSON), or has
    /// offsets, labels or types that do not fit; the message names the problem.</exception>
    public static Document FromJson(string json) => Output.DocumentJson.FromJson(json);

    /// <inheritdoc/>
    public override string ToString() => $"Document {Id}: {_tokens.Length} tokens, {_sentences.Length} sentences";

    internal int SentenceIndexOf(int tokenIndex) => _sentenceOfToken is null ? -1 : _sentenceOfToken[tokenIndex];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal UPos PosAt(int tokenIndex) => _pos is null ? UPos.None : _pos[tokenIndex];

    internal string? TagAt(int tokenIndex) => _tags?[tokenIndex];

    internal string? LemmaAt(int tokenIndex) => _lemmas?[tokenIndex];

    internal UPos[]? PosStore => _pos;

    internal void SetSentences(Sentence[] sentences, Paragraph[] paragraphs)
    {
        EnsureMutable();
        var map = new int[_tokens.Length];
        Array.Fill(map, -1);
        foreach (var s in sentences)
            for (int i = s.TokenStart; i < s.TokenEnd; i++) map[i] = s.Index;
        _sentences = sentences;
        _paragraphs = paragraphs;
        _sentenceOfToken = map;
    }

    internal void SetTags(UPos[] pos, string[] tags)
    {
        EnsureMutable();
        _pos = pos;
        _tags = tags;
    }

    internal void SetLemmas(string[] lemmas)
    {
        EnsureMutable();
        _lemmas = lemmas;
    }

    internal void SetEntities(IReadOnlyList<Entity> entities)
    {
        EnsureMutable();
        _entities = entities;
    }

    internal void SetStanceCues(IReadOnlyList<StanceCue> cues)
    {
        EnsureMutable();
        _stanceCues = cues;
    }

    internal void SetSentiment(DocumentSentiment sentiment)
    {
        EnsureMutable();
        _sentiment = sentiment;
    }

    internal Sentence NewSentence(int index, int tokenStart, int tokenEnd) =>
        new(this, index, tokenStart, tokenEnd, _tokens[tokenStart].Start, _tokens[tokenEnd - 1].End);

    internal void Freeze()
    {
        if (_extensions is not null) _extensions = new Dictionary<string, object>(_extensions, StringComparer.Ordinal);
        _frozen = true;
    }

    private void EnsureMutable()
    {
        if (_frozen) throw new InvalidOperationException($"Document '{Id}' is frozen: annotations can only be added while a pipeline processes it.");
    }
}
