// Shared by the tests and by tools/TextLens.Fuzz (linked there): the offset invariants every annotation layer
// of a processed document must satisfy, whatever the input text.
namespace TextLens.Reliability;

/// <summary>Checks the structural invariants of a processed <see cref="Document"/>; throws <see cref="InvariantException"/> on the first violation.</summary>
internal static class DocumentInvariants
{
    /// <param name="doc">The document.</param>
    /// <param name="originalText">The text it was made from.</param>
    /// <param name="external">
    /// True for documents rebuilt from outside data (<see cref="Document.FromJson"/>): only the hard guarantees are checked
    /// (bounds, order, slices), not what the pipeline itself guarantees (every non-space character in a token, sentences
    /// tiling the tokens, entity token ranges, sentiment spans).
    /// </param>
    public static void Check(Document doc, string originalText, bool external = false)
    {
        string text = doc.Text;
        Require(ReferenceEquals(text, originalText) || text == originalText, "document text differs from the input");
        Require(doc.IsFrozen, "document is not frozen after processing");

        // Tokens: non-empty, within bounds, strictly ordered, non-overlapping, never split a surrogate pair.
        var tokens = doc.Tokens;
        int prevEnd = 0;
        var starts = new HashSet<int>();
        var ends = new HashSet<int>();
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            Require(t.Index == i, $"token {i} has index {t.Index}");
            Require(t.Length > 0, $"token {i} is empty");
            Require(t.Start >= prevEnd, $"token {i} [{t.Start},{t.End}) overlaps or precedes the previous token ending at {prevEnd}");
            Require(t.End <= text.Length, $"token {i} [{t.Start},{t.End}) is beyond the text length {text.Length}");
            Require(t.Span.SequenceEqual(text.AsSpan(t.Start, t.Length)), $"token {i} span differs from the text");
            Require(t.Norm.Length == t.Length && t.Lower.Length == t.Length, $"token {i} normalised view has a different length");
            Require(external || !(t.Start > 0 && char.IsHighSurrogate(text[t.Start - 1]) && char.IsLowSurrogate(text[t.Start])),
                $"token {i} starts inside a surrogate pair at {t.Start}");
            Require(external || !(t.End < text.Length && char.IsHighSurrogate(text[t.End - 1]) && char.IsLowSurrogate(text[t.End])),
                $"token {i} ends inside a surrogate pair at {t.End}");
            for (int k = prevEnd; !external && k < t.Start; k++)
                Require(IsSkippable(text[k]), $"character U+{(int)text[k]:X4} at {k} is in no token but is not whitespace");
            prevEnd = t.End;
            starts.Add(t.Start);
            ends.Add(t.End);
        }
        for (int k = prevEnd; !external && k < text.Length; k++)
            Require(IsSkippable(text[k]), $"character U+{(int)text[k]:X4} at {k} is in no token but is not whitespace");

        // Sentences: tile the tokens in order, offsets are the first/last token's.
        var sentences = doc.Sentences;
        if (sentences.Count > 0)
        {
            int nextToken = 0;
            for (int s = 0; s < sentences.Count; s++)
            {
                var sent = sentences[s];
                Require(sent.Index == s, $"sentence {s} has index {sent.Index}");
                Require(external ? sent.TokenStart >= nextToken : sent.TokenStart == nextToken, $"sentence {s} starts at token {sent.TokenStart}, expected {nextToken}");
                Require(sent.TokenEnd > sent.TokenStart, $"sentence {s} is empty");
                Require(sent.TokenEnd <= tokens.Count, $"sentence {s} ends past the last token");
                Require(sent.Start == tokens[sent.TokenStart].Start && sent.End == tokens[sent.TokenEnd - 1].End,
                    $"sentence {s} [{sent.Start},{sent.End}) is not aligned to its tokens");
                for (int i = sent.TokenStart; !external && i < sent.TokenEnd; i++)
                    Require(tokens[i].SentenceIndex == s, $"token {i} claims sentence {tokens[i].SentenceIndex}, expected {s}");
                nextToken = sent.TokenEnd;
            }
            Require(external || nextToken == tokens.Count, $"sentences cover {nextToken} of {tokens.Count} tokens");
        }

        // Paragraphs: ordered, within bounds, sentence ranges ordered.
        int prevParEnd = 0, prevSentEnd = 0;
        foreach (var p in doc.Paragraphs)
        {
            Require(p.Start >= prevParEnd && p.Start <= p.End && p.End <= text.Length, $"paragraph {p.Index} [{p.Start},{p.End}) out of order or bounds");
            Require(p.SentenceStart >= prevSentEnd && p.SentenceStart <= p.SentenceEnd && p.SentenceEnd <= sentences.Count,
                $"paragraph {p.Index} sentence range [{p.SentenceStart},{p.SentenceEnd}) invalid");
            prevParEnd = p.End;
            prevSentEnd = p.SentenceEnd;
        }

        // Entities: ordered, non-overlapping, aligned to token or sub-token unit boundaries, text equal to the slice.
        int prevEntEnd = 0;
        foreach (var e in doc.Entities)
        {
            if (external) Require(0 <= e.Start && e.Start < e.End && e.End <= text.Length && e.Text == text[e.Start..e.End], $"entity [{e.Start},{e.End}) out of bounds or text differs");
            else CheckEntitySpan(e, doc, starts, ends);
            Require(e.Start >= prevEntEnd, $"entity [{e.Start},{e.End}) overlaps or precedes the previous one ending at {prevEntEnd}");
            Require(!string.IsNullOrEmpty(e.Label.Name), $"entity [{e.Start},{e.End}) has no label");
            Require(e.Confidence is null || (e.Confidence >= 0 && e.Confidence <= 1), $"entity [{e.Start},{e.End}) confidence {e.Confidence} outside 0..1");
            prevEntEnd = e.End;
        }

        // Stance cues: ordered by start, aligned to tokens.
        int prevCueStart = 0;
        foreach (var c in doc.StanceCues)
        {
            if (external) Require(0 <= c.Start && c.Start < c.End && c.End <= text.Length && c.Text == text[c.Start..c.End], $"stance cue [{c.Start},{c.End}) out of bounds or text differs");
            else CheckSpan("stance cue", c.Start, c.End, c.TokenStart, c.TokenEnd, c.Text, doc, starts, ends);
            Require(c.Start >= prevCueStart, $"stance cue [{c.Start},{c.End}) is out of order");
            Require(c.Holder is not null, $"stance cue [{c.Start},{c.End}) has a null holder");
            prevCueStart = c.Start;
        }

        // Sentiment: one score per sentence, scores finite in -1..1, offsets within the text.
        if (doc.Sentiment is { } sentiment)
        {
            Require(sentiment.Sentences.Count == sentences.Count, $"{sentiment.Sentences.Count} sentence scores for {sentences.Count} sentences");
            CheckScore(sentiment.Document, text.Length, "document");
            for (int s = 0; s < sentiment.Sentences.Count; s++)
            {
                CheckScore(sentiment.Sentences[s], text.Length, $"sentence {s}");
                Require(external || sentiment.Sentences[s].Start == sentences[s].Start && sentiment.Sentences[s].End == sentences[s].End,
                    $"sentence {s} score covers [{sentiment.Sentences[s].Start},{sentiment.Sentences[s].End}), not the sentence");
            }
        }

        // Tags and lemmas: one per token when tagged.
        if (doc.IsTagged)
            for (int i = 0; i < tokens.Count; i++)
                Require(tokens[i].Tag is not null, $"token {i} has no tag in a tagged document");
    }

    private static void CheckSpan(string what, int start, int end, int tokenStart, int tokenEnd, string spanText, Document doc, HashSet<int> starts, HashSet<int> ends)
    {
        var tokens = doc.Tokens;
        Require(0 <= start && start < end && end <= doc.Text.Length, $"{what} [{start},{end}) out of bounds (text length {doc.Text.Length})");
        Require(0 <= tokenStart && tokenStart < tokenEnd && tokenEnd <= tokens.Count, $"{what} token range [{tokenStart},{tokenEnd}) invalid");
        Require(starts.Contains(start) && ends.Contains(end), $"{what} [{start},{end}) is not aligned to token boundaries");
        Require(tokens[tokenStart].Start == start && tokens[tokenEnd - 1].End == end, $"{what} [{start},{end}) does not match its token range [{tokenStart},{tokenEnd})");
        Require(spanText == doc.Text[start..end], $"{what} [{start},{end}) text '{spanText}' differs from the slice");
    }

    // Entities may start/end inside a token, at a boundary between a letter/digit run and another character
    // ("Baku-based" → "Baku"; the entity recogniser works on such sub-token units by design), but never inside a
    // run of letters/digits or a surrogate pair, and their token range is exactly the tokens they overlap.
    private static void CheckEntitySpan(Entity e, Document doc, HashSet<int> starts, HashSet<int> ends)
    {
        var tokens = doc.Tokens;
        string text = doc.Text;
        int start = e.Start, end = e.End;
        Require(0 <= start && start < end && end <= text.Length, $"entity [{start},{end}) out of bounds (text length {text.Length})");
        Require(0 <= e.TokenStart && e.TokenStart < e.TokenEnd && e.TokenEnd <= tokens.Count, $"entity token range [{e.TokenStart},{e.TokenEnd}) invalid");
        Require(tokens[e.TokenStart].Start <= start && start < tokens[e.TokenStart].End && tokens[e.TokenEnd - 1].Start < end && end <= tokens[e.TokenEnd - 1].End,
            $"entity [{start},{end}) is not inside its token range [{e.TokenStart},{e.TokenEnd})");
        Require(starts.Contains(start) || IsUnitBoundary(text, start), $"entity [{start},{end}) starts inside a word");
        Require(ends.Contains(end) || IsUnitBoundary(text, end), $"entity [{start},{end}) ends inside a word");
        Require(e.Text == text[start..end], $"entity [{start},{end}) text '{e.Text}' differs from the slice");
    }

    private static bool IsUnitBoundary(string text, int at) =>
        at > 0 && at < text.Length && !char.IsSurrogatePair(text[at - 1], text[at])
        && !(char.IsLetterOrDigit(text[at - 1]) && char.IsLetterOrDigit(text[at]));

    private static void CheckScore(SentimentScore score, int length, string what)
    {
        Require(double.IsFinite(score.Compound) && score.Compound >= -1 && score.Compound <= 1, $"{what} sentiment {score.Compound} outside -1..1");
        Require(0 <= score.Start && score.Start <= score.End && score.End <= length, $"{what} sentiment span [{score.Start},{score.End}) out of bounds");
    }

    /// <summary>Characters the tokenizer may leave outside every token: white space, controls and format/invisible characters.</summary>
    private static bool IsSkippable(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format;

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new InvariantException(message);
    }
}

/// <summary>A document violates an offset invariant.</summary>
internal sealed class InvariantException(string message) : Exception(message);
