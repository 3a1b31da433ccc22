using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace TextLens.Tokenization;

/// <summary>What the tokenizer needs to know about one UTF-16 code unit.</summary>
internal enum CharClass : byte
{
    /// <summary>Control characters, private use, unassigned code points.</summary>
    Other,
    /// <summary>Whitespace (<see cref="char.IsWhiteSpace(char)"/>): separates tokens and is never part of one.</summary>
    Space,
    /// <summary>Letters of any script.</summary>
    Letter,
    /// <summary>Decimal digits and other numeric characters.</summary>
    Digit,
    /// <summary>Combining marks and format characters (ZWJ, ZWNJ, soft hyphen, …): they continue the current word.</summary>
    Mark,
    /// <summary><c>-</c>, U+2010 hyphen, U+2011 non-breaking hyphen.</summary>
    Hyphen,
    /// <summary>Other dashes: en dash, em dash, …</summary>
    Dash,
    /// <summary><c>'</c>, <c>’</c>, <c>ʼ</c>.</summary>
    Apostrophe,
    Period,
    Comma,
    Colon,
    Semicolon,
    Exclamation,
    Question,
    /// <summary><c>…</c>.</summary>
    Ellipsis,
    /// <summary>Opening brackets.</summary>
    Open,
    /// <summary>Closing brackets.</summary>
    Close,
    /// <summary>Double quotes and guillemets, straight or typographic.</summary>
    Quote,
    /// <summary>Opening single quotes and back-ticks.</summary>
    SingleQuote,
    Slash,
    Ampersand,
    Underscore,
    /// <summary><c>·</c> (Catalan <c>l·l</c>).</summary>
    MiddleDot,
    Currency,
    /// <summary><c>%</c>, <c>‰</c>, <c>‱</c>, <c>٪</c>.</summary>
    Percent,
    /// <summary>Other symbols: maths, <c>#</c>, <c>@</c>, <c>§</c>, …</summary>
    Symbol,
    /// <summary>Other punctuation: <c>*</c>, <c>\</c>, <c>¿</c>, …</summary>
    Punct,
    /// <summary>An emoji in the Basic Multilingual Plane (☀, ✅, ❤, ⭐, …).</summary>
    Emoji,
    HighSurrogate,
    LowSurrogate,
}

/// <summary>Character classification by a 64K lookup table built once.</summary>
internal static class CharClasses
{
    private static readonly CharClass[] Table = Build();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CharClass Of(char c) => Table[c];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => Table[c] == CharClass.Space;

    /// <summary>Letters, digits and marks: characters that build words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordClass(CharClass c) => c is CharClass.Letter or CharClass.Digit or CharClass.Mark;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiLetterOrDigit(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;

    /// <summary>True for a supplementary-plane emoji or a BMP emoji code point.</summary>
    public static bool IsEmojiRune(int r) =>
        r is >= 0x1F000 and <= 0x1FAFF
        || (r <= 0xFFFF && Table[r] == CharClass.Emoji);

    /// <summary>Emoji-sequence continuation: skin tones and tag characters (supplementary plane).</summary>
    private static bool IsEmojiModifierRune(int r) => r is >= 0x1F3FB and <= 0x1F3FF or >= 0xE0020 and <= 0xE007F;

    /// <summary>Reads the code point at <paramref name="i"/>: a surrogate pair as one value, anything else as the code unit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RuneAt(ReadOnlySpan<char> t, int i, int end, out int length)
    {
        char c = t[i];
        if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(t[i + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(c, t[i + 1]);
        }
        length = 1;
        return c;
    }

    /// <summary>True when the code unit(s) at <paramref name="i"/> start an emoji.</summary>
    public static bool IsEmojiAt(ReadOnlySpan<char> t, int i, int end)
    {
        int r = RuneAt(t, i, end, out int len);
        return (len == 2 || !char.IsSurrogate((char)r)) && IsEmojiRune(r);
    }

    /// <summary>Consumes one emoji sequence (flag pair, modifiers, variation selectors, keycaps, ZWJ joins) starting at an emoji.</summary>
    public static int ConsumeEmoji(ReadOnlySpan<char> t, int i, int end)
    {
        int r0 = RuneAt(t, i, end, out int len);
        int j = i + len;
        if (r0 is >= 0x1F1E6 and <= 0x1F1FF)
        {
            // Regional indicators come in pairs (flags).
            if (j < end)
            {
                int r1 = RuneAt(t, j, end, out int l1);
                if (r1 is >= 0x1F1E6 and <= 0x1F1FF) j += l1;
            }
            return j;
        }
        while (j < end)
        {
            char c = t[j];
            if (c is '\uFE0F' or '\uFE0E' or '\u20E3') { j++; continue; }
            if (char.IsHighSurrogate(c))
            {
                int r = RuneAt(t, j, end, out int l);
                if (l == 2 && IsEmojiModifierRune(r)) { j += 2; continue; }
                break;
            }
            if (c == '\u200D' && j + 1 < end && IsEmojiAt(t, j + 1, end))
            {
                RuneAt(t, j + 1, end, out int l);
                j += 1 + l;
                continue;
            }
            break;
        }
        return j;
    }

    /// <summary>Category of a supplementary-plane code point as a tokenizer class (Letter, Digit, Mark, Symbol, Emoji or Other).</summary>
    public static CharClass OfRune(int r)
    {
        if (IsEmojiRune(r)) return CharClass.Emoji;
        return FromCategory(CharUnicodeInfo.GetUnicodeCategory(r));
    }

    private static CharClass FromCategory(UnicodeCategory cat) => cat switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => CharClass.Letter,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => CharClass.Digit,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format => CharClass.Mark,
        UnicodeCategory.DashPunctuation => CharClass.Dash,
        UnicodeCategory.OpenPunctuation => CharClass.Open,
        UnicodeCategory.ClosePunctuation => CharClass.Close,
        UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation => CharClass.Quote,
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.OtherPunctuation => CharClass.Punct,
        UnicodeCategory.CurrencySymbol => CharClass.Currency,
        UnicodeCategory.MathSymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => CharClass.Symbol,
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => CharClass.Space,
        _ => CharClass.Other,
    };

    private static CharClass[] Build()
    {
        var t = new CharClass[65536];
        for (int i = 0; i < t.Length; i++) t[i] = Compute((char)i);
        return t;
    }

    private static CharClass Compute(char c)
    {
        if (char.IsWhiteSpace(c)) return CharClass.Space;
        if (char.IsHighSurrogate(c)) return CharClass.HighSurrogate;
        if (char.IsLowSurrogate(c)) return CharClass.LowSurrogate;
        switch (c)
        {
            case '-' or '\u2010' or '\u2011': return CharClass.Hyphen;
            case '\'' or '\u2019' or '\u02BC': return CharClass.Apostrophe;
            case '.': return CharClass.Period;
            case ',': return CharClass.Comma;
            case ':': return CharClass.Colon;
            case ';': return CharClass.Semicolon;
            case '!': return CharClass.Exclamation;
            case '?': return CharClass.Question;
            case '\u2026': return CharClass.Ellipsis;
            case '"': return CharClass.Quote;
            case '\u2018' or '\u201A' or '\u201B' or '`' or '\u00B4': return CharClass.SingleQuote;
            case '/': return CharClass.Slash;
            case '&': return CharClass.Ampersand;
            case '_': return CharClass.Underscore;
            case '\u00B7': return CharClass.MiddleDot;
            case '%' or '\u2030' or '\u2031' or '\u066A': return CharClass.Percent;
            case '#' or '@' or '\u00A7' or '\u00B6' or '\u2020' or '\u2021': return CharClass.Symbol;
        }
        var cat = char.GetUnicodeCategory(c);
        if (cat == UnicodeCategory.OtherSymbol && IsBmpEmoji(c)) return CharClass.Emoji;
        return FromCategory(cat);
    }

    private static bool IsBmpEmoji(char c) =>
        c is >= '\u2600' and <= '\u27BF' or >= '\u2B00' and <= '\u2BFF' or '\u231A' or '\u231B'
            or >= '\u23E9' and <= '\u23FA' or '\u3030' or '\u303D' or '\u3297' or '\u3299';

    /// <summary>Lower-case test that also handles surrogate pairs (for the sentence splitter).</summary>
    public static bool StartsLower(ReadOnlySpan<char> t, int i, int end)
    {
        int r = RuneAt(t, i, end, out int len);
        if (len == 1) return char.IsLower((char)r);
        return Rune.IsLower(new Rune(r));
    }

    /// <summary>Upper-case (or title-case) test that also handles surrogate pairs.</summary>
    public static bool StartsUpper(ReadOnlySpan<char> t, int i, int end)
    {
        int r = RuneAt(t, i, end, out int len);
        if (len == 1) return char.IsUpper((char)r) || char.GetUnicodeCategory((char)r) == UnicodeCategory.TitlecaseLetter;
        return Rune.IsUpper(new Rune(r));
    }
}
