using System.Buffers;
using TextLens.Tagging;

namespace TextLens.Stance;

/// <summary>
/// Per-document token attributes that the stance model's features read: hashed word and lemma, part of speech, stance
/// word classes, sentiment valence, clause flags (negation scope, quotation, reported speech, conditional clause) and the
/// built-in cue lexicon's matches. Computed once per document in linear time; arrays are pooled, so dispose it.
/// </summary>
internal sealed class StanceFeatures : IDisposable
{
    [Flags]
    public enum Flag : ushort
    {
        None = 0,
        Negated = 1,          // a negator within the three tokens before, in the same clause
        Negator = 2,          // the token negates
        InQuote = 4,          // inside quotation marks
        AfterReporting = 8,   // a reporting verb or "according to" earlier in the sentence
        InConditional = 16,   // inside a clause opened by if/unless/provided
        SentenceInitial = 32, // first word of the sentence
        CommaAfter = 64,      // followed by a comma ("Unfortunately,")
        Capitalized = 128,
        Punct = 256,
        ClauseInitial = 512,  // first word after a comma, semicolon, colon or dash
    }

    private readonly Document _doc;
    private readonly int _n;

    public ulong[] Lower { get; }
    public ulong[] Lemma { get; }
    public ulong[] Suffix { get; }
    public byte[] Pos { get; }
    public ushort[] Classes { get; }
    public sbyte[] Valence { get; }
    public ushort[] Flags { get; }

    /// <summary>BILOU tag of the built-in lexicon's cue over each token (0 = none).</summary>
    public byte[] RuleTag { get; }

    public StanceFeatures(Document doc)
    {
        _doc = doc;
        _n = doc.TokenStore.Length;
        Lower = ArrayPool<ulong>.Shared.Rent(_n);
        Lemma = ArrayPool<ulong>.Shared.Rent(_n);
        Suffix = ArrayPool<ulong>.Shared.Rent(_n);
        Pos = ArrayPool<byte>.Shared.Rent(_n);
        RuleTag = ArrayPool<byte>.Shared.Rent(_n);
        Classes = ArrayPool<ushort>.Shared.Rent(_n);
        Flags = ArrayPool<ushort>.Shared.Rent(_n);
        Valence = ArrayPool<sbyte>.Shared.Rent(_n);
        Array.Clear(RuleTag, 0, _n);
        Fill();
    }

    public void Dispose()
    {
        ArrayPool<ulong>.Shared.Return(Lower);
        ArrayPool<ulong>.Shared.Return(Lemma);
        ArrayPool<ulong>.Shared.Return(Suffix);
        ArrayPool<byte>.Shared.Return(Pos);
        ArrayPool<byte>.Shared.Return(RuleTag);
        ArrayPool<ushort>.Shared.Return(Classes);
        ArrayPool<ushort>.Shared.Return(Flags);
        ArrayPool<sbyte>.Shared.Return(Valence);
    }

    /// <summary>Records a lexicon cue over tokens [start, end) as features.</summary>
    public void MarkRule(int type, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (RuleTag[i] != 0) continue; // the first (longest, earliest) cue keeps the token
            RuleTag[i] = (byte)Bilou.TagIn(type, start, end, i);
        }
    }

    /// <summary>Clears the lexicon features of a sentence's tokens.</summary>
    public void ClearRules(int start, int end)
    {
        Array.Clear(RuleTag, start, end - start);
    }

    private void Fill()
    {
        var tokens = _doc.TokenStore;
        var lowerText = _doc.LowerText;
        var classes = StanceWordClasses.Default;
        var sentiment = SentimentLexicon.Default;
        for (int i = 0; i < _n; i++)
        {
            ref readonly var t = ref tokens[i];
            var lower = lowerText.AsSpan(t.Start, t.Length);
            Lower[i] = FeatureHash.Of(0, lower);
            var lemmaText = _doc.LemmaAt(i);
            var lemma = lemmaText is { Length: > 0 } ? lemmaText.AsSpan() : lower;
            Lemma[i] = lemmaText is { Length: > 0 } ? FeatureHash.Of(0, lemma) : Lower[i];
            Suffix[i] = lower.Length > 3 ? FeatureHash.Of(0, lower[^3..]) : Lower[i];
            Pos[i] = (byte)_doc.PosAt(i);
            var c = classes.Of(lower);
            if (c == StanceWordClass.None && !lemma.SequenceEqual(lower)) c = classes.Of(lemma);
            Classes[i] = (ushort)c;
            Valence[i] = 0;
            if (t.Kind == TokenKind.Word && sentiment.Match(_doc, i, i + 1, out int len) is { HasEntry: true, Kind: SentimentCueKind.Valence } node && len == 1)
                Valence[i] = node.Weight <= -1.5f ? (sbyte)-2 : node.Weight < 0 ? (sbyte)-1 : node.Weight < 1.5f ? (sbyte)1 : (sbyte)2;
        }

        // clause flags, sentence by sentence
        var sentences = _doc.Sentences;
        if (sentences.Count == 0) FillSentence(0, _n);
        else foreach (var s in sentences) FillSentence(s.TokenStart, s.TokenEnd);
    }

    private void FillSentence(int start, int end)
    {
        var tokens = _doc.TokenStore;
        var norm = _doc.NormText;
        bool quote = false, reporting = false, conditional = false, clauseStart = true;
        int lastNegator = -10;
        for (int i = start; i < end; i++)
        {
            ref readonly var t = ref tokens[i];
            var lower = _doc.LowerText.AsSpan(t.Start, t.Length);
            Flag f = Flag.None;
            bool punct = t.Kind == TokenKind.Punctuation;
            if (punct)
            {
                f |= Flag.Punct;
                char ch = norm[t.Start];
                if (ch == '"' || lower is "“" or "”") quote = !quote;
                if (ch is ',' or ';' or ':' or '(' or ')' || lower is "–" or "—" or "-")
                {
                    lastNegator = -10;
                    clauseStart = true;
                    if (ch != ',') conditional = false;
                    else if (conditional) conditional = false;
                }
            }
            if (i == start) f |= Flag.SentenceInitial;
            else if (clauseStart && !punct) f |= Flag.ClauseInitial;
            if (!punct) clauseStart = false;
            if (i + 1 < end && _doc.NormText[tokens[i + 1].Start] == ',' && tokens[i + 1].Kind == TokenKind.Punctuation) f |= Flag.CommaAfter;
            if (t.Length > 0 && char.IsUpper(_doc.Text[t.Start])) f |= Flag.Capitalized;
            if (quote) f |= Flag.InQuote;
            if (reporting) f |= Flag.AfterReporting;
            if (conditional) f |= Flag.InConditional;
            if (i - lastNegator <= 3) f |= Flag.Negated;
            if (StanceWords.Negators.Contains(lower) && !lower.SequenceEqual("without")) { f |= Flag.Negator; lastNegator = i; }
            if (StanceWords.ReportingVerbs.Contains(lower) && !(StanceWords.AmbiguousReportingVerbs.Contains(lower) && _doc.IsTagged && _doc.PosAt(i) == UPos.Noun)
                || lower.SequenceEqual("according")) reporting = true;
            if (lower is "if" or "unless" or "provided" or "whether") conditional = true;
            Flags[i] = (ushort)f;
        }
    }

    public bool Has(int i, Flag flag) => (Flags[i] & (ushort)flag) != 0;
}
