using System.Globalization;
using System.Runtime.CompilerServices;

namespace TextLens.Entities;

/// <summary>
/// The sequence entity recognition works on: every token is cut into runs of letters/digits and single other
/// characters ("Armenia-Azerbaijan" → <c>Armenia</c> <c>-</c> <c>Azerbaijan</c>, "Azerbaijan's" → <c>Azerbaijan</c> <c>'</c> <c>s</c>).
/// Units never cross token boundaries, so the same units come out whatever the tokenizer keeps whole,
/// gazetteer phrases are cut the same way, and entities inside hyphenated tokens ("Baku-based") get exact offsets.
/// </summary>
internal sealed class EntityUnits
{
    public readonly string Text;      // normalised text (quotes, dashes) — same offsets as the original
    public readonly string Lower;     // lower-cased normalised text
    public readonly int[] Start;
    public readonly int[] Length;
    public readonly int[] Token;      // index of the token that holds the unit
    public readonly bool[] SpaceBefore;
    public readonly int Count;

    /// <summary>UPOS of each unit's token (from the tagger), or null when the text is not tagged.</summary>
    public byte[]? Pos;

    private EntityUnits(string text, string lower, int[] start, int[] length, int[] token, bool[] spaceBefore, int count)
    {
        Text = text;
        Lower = lower;
        Start = start;
        Length = length;
        Token = token;
        SpaceBefore = spaceBefore;
        Count = count;
    }

    public static EntityUnits From(Document doc)
    {
        // Token bounds are read straight from the token store (no intermediate (start, end) array per document).
        var tokens = doc.TokenStore;
        var units = Build(doc.NormText, doc.LowerText, tokens.Length, t => (tokens[t].Start, tokens[t].End));
        if (doc.IsTagged)
        {
            var pos = new byte[units.Count];
            for (int i = 0; i < pos.Length; i++) pos[i] = (byte)doc.PosAt(units.Token[i]);
            units.Pos = pos;
        }
        return units;
    }

    /// <summary>Units of pre-tokenised text (training corpora): the tokens joined by single spaces.</summary>
    public static EntityUnits FromTokens(IReadOnlyList<string> tokens, PosTagger? tagger = null)
    {
        var sb = new System.Text.StringBuilder();
        var spans = new (int Start, int End)[tokens.Count];
        for (int t = 0; t < tokens.Count; t++)
        {
            if (t > 0) sb.Append(' ');
            int s = sb.Length;
            sb.Append(tokens[t]);
            spans[t] = (s, sb.Length);
        }
        string raw = sb.ToString();
        string text = TextNormalizer.Normalize(raw);
        var units = Build(text, text.ToLowerInvariant(), spans.Length, t => spans[t]);
        if (tagger is not null)
        {
            // Tag the text as TextLens would (its own tokens), then give each unit the tag of the token it starts in.
            var doc = Tokenizer.Default.Tokenize(raw, "training");
            tagger.Process(doc, CancellationToken.None);
            var pos = new byte[units.Count];
            for (int i = 0; i < pos.Length; i++)
            {
                int t = doc.TokenIndexAt(units.Start[i]);
                pos[i] = t < doc.TokenStore.Length ? (byte)doc.PosAt(t) : (byte)0;
            }
            units.Pos = pos;
        }
        return units;
    }

    private static EntityUnits Build(string text, string lower, int tokenCount, Func<int, (int Start, int End)> tokenAt)
    {
        // Two passes over the tokens: count the units, then fill arrays of exactly that size. (Growing by doubling from
        // the token count allocated every array twice, since hyphens and apostrophes make more units than tokens.)
        int n = 0;
        for (int t = 0; t < tokenCount; t++)
        {
            var (s, e) = tokenAt(t);
            for (int i = s; i < e; n++) i = NextUnit(text, i, e);
        }
        var start = new int[n];
        var length = new int[n];
        var token = new int[n];
        var spaceBefore = new bool[n];
        n = 0;
        int prevEnd = 0;
        for (int t = 0; t < tokenCount; t++)
        {
            var (s, e) = tokenAt(t);
            int i = s;
            while (i < e)
            {
                int u = i;
                i = NextUnit(text, i, e);
                start[n] = u;
                length[n] = i - u;
                token[n] = t;
                spaceBefore[n] = u > 0 && u == s && (t == 0 || prevEnd < s);
                n++;
            }
            prevEnd = e;
        }
        return new EntityUnits(text, lower, start, length, token, spaceBefore, n);
    }

    /// <summary>End of the unit that starts at <paramref name="i"/> inside a token ending at <paramref name="end"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextUnit(string text, int i, int end)
    {
        if (IsWordChar(text[i])) { i++; while (i < end && IsWordChar(text[i])) i++; return i; }
        return i + (char.IsHighSurrogate(text[i]) && i + 1 < end ? 2 : 1);
    }

    /// <summary>Cuts a phrase (gazetteer entry, user pattern) into units the same way.</summary>
    public static List<string> Split(string phrase)
    {
        var parts = new List<string>();
        string text = TextNormalizer.Normalize(phrase);
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            int u = i;
            if (IsWordChar(text[i])) { i++; while (i < text.Length && IsWordChar(text[i])) i++; }
            else i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            parts.Add(text[u..i]);
        }
        return parts;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) =>
        // ASCII fast path (same answer: no ASCII character is a combining mark), then the general Unicode test.
        c < 128 ? char.IsAsciiLetterOrDigit(c)
            : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    public ReadOnlySpan<char> this[int i]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Text.AsSpan(Start[i], Length[i]);
    }

    public ReadOnlySpan<char> LowerAt(int i) => Lower.AsSpan(Start[i], Length[i]);

    public int End(int i) => Start[i] + Length[i];

    /// <summary>True when the unit starts with an upper-case letter.</summary>
    public bool IsCap(int i) => (uint)i < (uint)Count && char.IsUpper(Text[Start[i]]);

    /// <summary>True when the unit is letters and starts lower-case.</summary>
    public bool IsLowerWord(int i) => (uint)i < (uint)Count && char.IsLower(Text[Start[i]]);

    public bool IsAllCaps(int i)
    {
        var s = this[i];
        if (s.Length < 2) return false;
        foreach (char c in s) if (!char.IsUpper(c) && !char.IsDigit(c)) return false;
        return char.IsUpper(s[0]);
    }

    public bool IsDigits(int i)
    {
        if ((uint)i >= (uint)Count) return false;
        foreach (char c in this[i]) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    public bool IsWord(int i) => (uint)i < (uint)Count && char.IsLetter(Text[Start[i]]);

    public bool Is(int i, string s) => (uint)i < (uint)Count && this[i].SequenceEqual(s);

    public bool IsIgnoreCase(int i, string s) => (uint)i < (uint)Count && this[i].Equals(s, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when units <paramref name="i"/> and <paramref name="i"/>+1 touch (no space between them).</summary>
    public bool Touches(int i) => i + 1 < Count && !SpaceBefore[i + 1] && End(i) == Start[i + 1];

    /// <summary>True when a line break separates unit <paramref name="i"/> from the next unit.</summary>
    public bool LineBreakAfter(int i)
    {
        if (i + 1 >= Count) return true;
        for (int c = End(i); c < Start[i + 1]; c++) if (Text[c] is '\n' or '\r') return true;
        return false;
    }

    /// <summary>Number of the unit, at or after which the unit starts at offset <paramref name="charStart"/>.</summary>
    public int UnitAt(int charStart)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (End(mid) <= charStart) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
