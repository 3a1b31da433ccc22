using System.Diagnostics;

namespace TextLens;

/// <summary>
/// Storage of one token inside a <see cref="Document"/>: offsets and the tokenizer's classification.
/// Kept as a small struct in one array per document so tokenising allocates nothing per token.
/// </summary>
[DebuggerDisplay("{Start}+{Length} {Kind}")]
internal struct TokenData
{
    public int Start;
    public int Length;
    public TokenKind Kind;
    public bool SpaceAfter;

    public TokenData(int start, int length, TokenKind kind, bool spaceAfter)
    {
        Start = start;
        Length = length;
        Kind = kind;
        SpaceAfter = spaceAfter;
    }

    public readonly int End => Start + Length;
}

/// <summary>
/// A token of a <see cref="Document"/>: a view (document + index), like spaCy's <c>Token</c>.
/// Reading its span, normalised form or lower-case form allocates nothing; <see cref="Text"/> allocates a string.
/// </summary>
[DebuggerDisplay("{Text} [{Start}..{End}) {Kind}")]
public readonly struct Token : IEquatable<Token>
{
    private readonly Document _doc;

    internal Token(Document doc, int index)
    {
        _doc = doc;
        Index = index;
    }

    /// <summary>The document this token belongs to.</summary>
    public Document Document => _doc;

    /// <summary>Position of the token in <see cref="TextLens.Document.Tokens"/>.</summary>
    public int Index { get; }

    private ref readonly TokenData Data => ref _doc.TokenStore[Index];

    /// <summary>UTF-16 offset of the first character in <see cref="TextLens.Document.Text"/>.</summary>
    public int Start => Data.Start;

    /// <summary>UTF-16 offset just past the last character (exclusive).</summary>
    public int End => Data.Start + Data.Length;

    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => Data.Length;

    /// <summary>What kind of token this is.</summary>
    public TokenKind Kind => Data.Kind;

    /// <summary>True when whitespace follows the token in the original text.</summary>
    public bool SpaceAfter => Data.SpaceAfter;

    /// <summary>The token's characters in the original text, without allocating.</summary>
    public ReadOnlySpan<char> Span => _doc.Text.AsSpan(Data.Start, Data.Length);

    /// <summary>The token's text as a new string (allocates; prefer <see cref="Span"/> on hot paths).</summary>
    public string Text => _doc.Text.Substring(Data.Start, Data.Length);

    /// <summary>
    /// The normalised form: curly quotes and apostrophes become straight ones, dashes become <c>-</c>,
    /// other characters are unchanged. Same length as <see cref="Span"/>; allocates nothing.
    /// </summary>
    public ReadOnlySpan<char> Norm => _doc.NormText.AsSpan(Data.Start, Data.Length);

    /// <summary>The lower-cased normalised form (invariant culture), without allocating.</summary>
    public ReadOnlySpan<char> Lower => _doc.LowerText.AsSpan(Data.Start, Data.Length);

    /// <summary>Universal part-of-speech tag (UPOS), or <see cref="UPos.None"/> when the tagger has not run.</summary>
    public UPos Pos => _doc.PosAt(Index);

    /// <summary>Penn Treebank tag (XPOS), such as <c>NNP</c> or <c>VBZ</c>; null when the tagger has not run.</summary>
    public string? Tag => _doc.TagAt(Index);

    /// <summary>Dictionary form (<c>went</c> → <c>go</c>); null when the lemmatizer has not run.</summary>
    public string? Lemma => _doc.LemmaAt(Index);

    /// <summary>Index of the sentence that contains this token, or -1 when sentences were not split.</summary>
    public int SentenceIndex => _doc.SentenceIndexOf(Index);

    /// <inheritdoc/>
    public bool Equals(Token other) => ReferenceEquals(_doc, other._doc) && Index == other.Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Token t && Equals(t);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_doc, Index);

    /// <summary>Tokens are equal when they are the same position of the same document.</summary>
    public static bool operator ==(Token left, Token right) => left.Equals(right);

    /// <summary>Tokens differ when they are different positions or documents.</summary>
    public static bool operator !=(Token left, Token right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => Text;
}
