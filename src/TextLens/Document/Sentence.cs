namespace TextLens;

/// <summary>A sentence: a contiguous range of tokens with its character offsets into the document text.</summary>
public sealed class Sentence
{
    private readonly Document _doc;

    internal Sentence(Document doc, int index, int tokenStart, int tokenEnd, int start, int end)
    {
        _doc = doc;
        Index = index;
        TokenStart = tokenStart;
        TokenEnd = tokenEnd;
        Start = start;
        End = end;
    }

    /// <summary>Position of the sentence in <see cref="Document.Sentences"/>.</summary>
    public int Index { get; }

    /// <summary>Index of the first token.</summary>
    public int TokenStart { get; }

    /// <summary>Index just past the last token (exclusive).</summary>
    public int TokenEnd { get; }

    /// <summary>UTF-16 offset of the first character (the first token's start).</summary>
    public int Start { get; }

    /// <summary>UTF-16 offset just past the last character (the last token's end).</summary>
    public int End { get; }

    /// <summary>Number of tokens.</summary>
    public int TokenCount => TokenEnd - TokenStart;

    /// <summary>The sentence's tokens.</summary>
    public TokenList Tokens => new(_doc, TokenStart, TokenEnd);

    /// <summary>The sentence's text (a substring of the document, allocated on each call).</summary>
    public string Text => _doc.Text[Start..End];

    /// <summary>The sentence's characters, without allocating.</summary>
    public ReadOnlySpan<char> Span => _doc.Text.AsSpan(Start, End - Start);

    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>A paragraph: a run of text separated from its neighbours by blank lines, as character offsets and a sentence range.</summary>
/// <param name="Index">Position in <see cref="Document.Paragraphs"/>.</param>
/// <param name="Start">UTF-16 offset of the first character.</param>
/// <param name="End">UTF-16 offset just past the last character.</param>
/// <param name="SentenceStart">Index of the first sentence that starts in the paragraph.</param>
/// <param name="SentenceEnd">Index just past the last sentence that starts in the paragraph.</param>
public sealed record Paragraph(int Index, int Start, int End, int SentenceStart, int SentenceEnd);
