namespace TextLens;

/// <summary>
/// One piece of a text too large to process as a single document: its annotations are relative to
/// <see cref="Document"/>'s own text; add <see cref="Offset"/> to get offsets into the whole text.
/// </summary>
/// <param name="Document">The processed piece.</param>
/// <param name="Index">Position of the piece (0, 1, 2, …).</param>
/// <param name="Offset">UTF-16 offset of the piece's first character in the whole text.</param>
public sealed record DocumentChunk(Document Document, int Index, long Offset)
{
    /// <summary>
    /// Set when the piece had to end inside a sentence because no sentence boundary lay within the largest piece:
    /// says where, so the cut is never silent. Null when the piece ends at a sentence boundary or the text's end.
    /// </summary>
    public string? Warning { get; init; }
}

/// <summary>Processing of texts too large to hold as one document (files of hundreds of megabytes).</summary>
public static class PipelineChunkExtensions
{
    /// <summary>Default largest piece: 524,288 UTF-16 characters (about 100,000 tokens of prose).</summary>
    public const int DefaultMaxChunkChars = 1 << 19;

    /// <summary>Text after a sentence start that the splitter must have seen for the start to be used as a cut.</summary>
    internal const int Lookahead = 256;

    /// <summary>
    /// Reads a text in pieces and processes them in parallel, streaming them back in order. A full piece ends where the
    /// pipeline's own sentence splitter (the <c>sentences</c> component) starts a sentence: the last sentence start with at
    /// least a few hundred characters of text after it, so the splitter decided it with the same context as in the whole
    /// text. Sentences, stance cues and sentiment are therefore those of the whole text shifted by
    /// <see cref="DocumentChunk.Offset"/>; paragraph numbering restarts in each piece, and an entity that needs evidence
    /// from elsewhere in the document (a name confirmed by a later mention) can be missed when that evidence lies in
    /// another piece. Only when no sentence starts within <paramref name="maxChunkChars"/> (one "sentence" longer than
    /// that: unpunctuated text) is the piece cut at a token boundary, and that piece carries a
    /// <see cref="DocumentChunk.Warning"/>. Memory stays bounded by a few pieces whatever the text's length, and time is
    /// linear in it.
    /// </summary>
    /// <param name="nlp">The pipeline.</param>
    /// <param name="reader">The text; read once, sequentially.</param>
    /// <param name="id">Identifier of the whole text; pieces are named <c>{id}</c> too.</param>
    /// <param name="maxChunkChars">Largest piece, in UTF-16 characters (at least 1,024).</param>
    /// <param name="cancellationToken">Stops processing; enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The processed pieces, in text order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nlp"/>, <paramref name="reader"/> or <paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxChunkChars"/> is below 1,024.</exception>
    public static IEnumerable<DocumentChunk> ProcessChunks(this Pipeline nlp, TextReader reader, string id,
        int maxChunkChars = DefaultMaxChunkChars, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nlp);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChunkChars, 1024);
        return Run(nlp, reader, id, maxChunkChars, cancellationToken);
    }

    private static IEnumerable<DocumentChunk> Run(Pipeline nlp, TextReader reader, string id, int maxChunkChars, CancellationToken cancellationToken)
    {
        var pending = new Queue<(long Offset, string? Warning)>();
        var pieces = Split(reader, maxChunkChars, SentenceCutter(nlp, cancellationToken)).Select(p =>
        {
            lock (pending) pending.Enqueue((p.Offset, p.Warning));
            return (p.Text, id);
        });
        int index = 0;
        foreach (var doc in nlp.Process(pieces, cancellationToken))
        {
            (long Offset, string? Warning) piece;
            lock (pending) piece = pending.Dequeue();
            yield return new DocumentChunk(doc, index++, piece.Offset) { Warning = piece.Warning };
        }
    }

    /// <summary>
    /// Where to end a full buffer: the last sentence start the pipeline's splitter finds with <see cref="Lookahead"/>
    /// characters after it; else (no sentence boundary: one overlong sentence) the last token start, with a warning;
    /// else (one overlong token) the buffer's end without splitting a surrogate pair. Without an enabled
    /// <c>sentences</c> component, <see cref="FindCut"/>'s blank-line rules.
    /// </summary>
    internal static Func<string, (int Cut, string? Warning)> SentenceCutter(Pipeline nlp, CancellationToken cancellationToken)
    {
        IPipelineComponent? splitter = nlp.EnabledComponentNames.Contains("sentences") ? nlp.GetComponent("sentences") : null;
        return buffer =>
        {
            if (splitter is null) return (FindCut(buffer), null);
            var doc = nlp.Tokenizer.Tokenize(buffer, "cut");
            splitter.Process(doc, cancellationToken);
            int limit = buffer.Length - Lookahead;
            var sentences = doc.Sentences;
            for (int i = sentences.Count - 1; i > 0; i--)
                if (sentences[i].Start <= limit) return (sentences[i].Start, null);
            var tokens = doc.TokenStore;
            for (int t = tokens.Length - 1; t > 0; t--)
                if (tokens[t].Start <= limit && tokens[t].Start > 0)
                    return (tokens[t].Start, $"no sentence boundary within {buffer.Length} characters: cut inside a sentence, between two tokens");
            int end = char.IsHighSurrogate(buffer[^1]) ? buffer.Length - 1 : buffer.Length;
            return (end, $"no sentence or token boundary within {buffer.Length} characters: cut inside a token");
        };
    }

    /// <summary>Cuts the text into pieces of at most <paramref name="maxChars"/> characters at the best boundary available.</summary>
    internal static IEnumerable<(string Text, long Offset)> Split(TextReader reader, int maxChars) =>
        Split(reader, maxChars, buffer => (FindCut(buffer), null)).Select(p => (p.Text, p.Offset));

    /// <summary>Cuts the text into pieces of at most <paramref name="maxChars"/> characters where <paramref name="cut"/> says.</summary>
    internal static IEnumerable<(string Text, long Offset, string? Warning)> Split(TextReader reader, int maxChars, Func<string, (int Cut, string? Warning)> cut)
    {
        var buffer = new char[maxChars];
        int filled = 0;
        long offset = 0;
        while (true)
        {
            int n;
            while (filled < buffer.Length && (n = reader.Read(buffer, filled, buffer.Length - filled)) > 0) filled += n;
            if (filled == 0) yield break;
            string text = new(buffer, 0, filled);
            var (at, warning) = filled < buffer.Length ? (filled, null) : cut(text);
            if (at <= 0 || at > filled) at = filled; // a cutter never makes an empty piece
            yield return (at == filled ? text : text[..at], offset, warning is null ? null : $"cut at offset {offset + at}: {warning}");
            offset += at;
            Array.Copy(buffer, at, buffer, 0, filled - at);
            filled -= at;
        }
    }

    /// <summary>
    /// Where to end a full buffer: after the last blank line that ends a sentence (terminal punctuation before it, no
    /// lower-case continuation after it), else after the last blank line not followed by a lower-case continuation, else
    /// any blank line, else the last line break, else the last white space, else without splitting a surrogate pair.
    /// </summary>
    internal static int FindCut(ReadOnlySpan<char> s)
    {
        int min = s.Length / 4; // never cut pieces smaller than a quarter of the maximum (keeps the count of pieces linear)
        for (int strength = 2; strength >= 0; strength--)
        {
            for (int i = s.Length - 1; i > min; i--)
            {
                if (s[i] != '\n') continue;
                // Blank line: this '\n' is preceded by a line holding only white space.
                int j = i - 1;
                while (j >= 0 && s[j] is ' ' or '\t' or '\r' or '\f' or '\v') j--;
                if (j < 0 || s[j] != '\n') continue;
                if (strength == 0) return i + 1;
                int next = i + 1;
                while (next < s.Length && char.IsWhiteSpace(s[next])) next++;
                if (next == s.Length || char.IsLower(s[next])) continue; // a sentence may continue after the blank line
                int prev = j;
                while (prev >= 0 && char.IsWhiteSpace(s[prev])) prev--;
                if (strength == 2 && !(prev >= 0 && s[prev] is '.' or '!' or '?' or '…' or ':' or ';' or '"' or '\u201D' or '\u2019' or '\'' or ')' or ']')) continue;
                return i + 1;
            }
        }
        for (int i = s.Length - 1; i > min; i--)
            if (s[i] is '\n' or '\u2029' or '\u2028') return i + 1;
        for (int i = s.Length - 1; i > min; i--)
            if (char.IsWhiteSpace(s[i])) return i + 1;
        return char.IsHighSurrogate(s[^1]) ? s.Length - 1 : s.Length;
    }
}
