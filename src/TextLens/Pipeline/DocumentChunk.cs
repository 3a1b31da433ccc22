namespace TextLens;

/// <summary>
/// One piece of a text too large to process as a single document: its annotations are relative to
/// <see cref="Document"/>'s own text; add <see cref="Offset"/> to get offsets into the whole text.
/// </summary>
/// <param name="Document">The processed piece.</param>
/// <param name="Index">Position of the piece (0, 1, 2, …).</param>
/// <param name="Offset">UTF-16 offset of the piece's first character in the whole text.</param>
public sealed record DocumentChunk(Document Document, int Index, long Offset);

/// <summary>Processing of texts too large to hold as one document (files of hundreds of megabytes).</summary>
public static class PipelineChunkExtensions
{
    /// <summary>Default largest piece: one million UTF-16 characters.</summary>
    public const int DefaultMaxChunkChars = 1 << 20;

    /// <summary>
    /// Reads a text in pieces cut at paragraph boundaries (blank lines; failing that, a line break, then white space)
    /// and processes them in parallel, streaming them back in order. Memory stays bounded by a few pieces whatever the
    /// text's length, and time is linear in it. Sentences, stance cues and sentiment never cross a blank line, so they are
    /// those of the whole text shifted by <see cref="DocumentChunk.Offset"/>; an entity that needs evidence from elsewhere in
    /// the document (a name confirmed by a later mention) can be missed when that evidence lies in another piece.
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
        var offsets = new Queue<long>();
        var pieces = Split(reader, maxChunkChars).Select(p =>
        {
            lock (offsets) offsets.Enqueue(p.Offset);
            return (p.Text, id);
        });
        int index = 0;
        foreach (var doc in nlp.Process(pieces, cancellationToken))
        {
            long offset;
            lock (offsets) offset = offsets.Dequeue();
            yield return new DocumentChunk(doc, index++, offset);
        }
    }

    /// <summary>Cuts the text into pieces of at most <paramref name="maxChars"/> characters at the best boundary available.</summary>
    internal static IEnumerable<(string Text, long Offset)> Split(TextReader reader, int maxChars)
    {
        var buffer = new char[maxChars];
        int filled = 0;
        long offset = 0;
        while (true)
        {
            int n;
            while (filled < buffer.Length && (n = reader.Read(buffer, filled, buffer.Length - filled)) > 0) filled += n;
            if (filled == 0) yield break;
            int cut = filled < buffer.Length ? filled : FindCut(buffer.AsSpan(0, filled));
            yield return (new string(buffer, 0, cut), offset);
            offset += cut;
            Array.Copy(buffer, cut, buffer, 0, filled - cut);
            filled -= cut;
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
