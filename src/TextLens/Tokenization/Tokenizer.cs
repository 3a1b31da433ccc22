using System.Runtime.CompilerServices;
using TextLens.Tokenization;

namespace TextLens;

/// <summary>
/// Rule-based tokenizer in the style of spaCy: the text is split on whitespace, then each chunk loses its
/// leading punctuation (prefixes) and trailing punctuation and clitics (suffixes, such as <c>'s</c>, <c>n't</c>,
/// <c>.</c>, <c>)</c>), then what remains is split at infixes (<c>11-13</c>, <c>and/or</c>, brackets, dashes).
/// A table of special cases (<c>cannot</c> → <c>can</c> <c>not</c>; abbreviations such as <c>Dr.</c>, <c>e.g.</c>,
/// <c>Jan.</c> that keep their full stop) is consulted at every step, and web addresses, domains and e-mail
/// addresses are kept whole. Immutable and thread-safe; linear time on any input.
/// </summary>
/// <remarks>
/// Conventions: hyphenated words stay whole (<c>de-facto</c>, <c>S-400</c>) but a hyphen between two numbers is
/// its own token (<c>11</c> <c>-</c> <c>13</c>); possessives and contractions are split off (<c>Azerbaijan</c>
/// <c>'s</c>, <c>do</c> <c>n't</c>, <c>ca</c> <c>n't</c>); currency signs, <c>%</c> and number units are separate
/// tokens (<c>$</c> <c>5</c> <c>bn</c>, <c>5</c> <c>%</c>); numbers keep their separators (<c>1,500.75</c>);
/// every emoji sequence is one token. Offsets are exact: every non-whitespace character of the text is in
/// exactly one token and whitespace is in none.
/// </remarks>
public sealed class Tokenizer
{
    private readonly TokenizerExceptions _exceptions;

    /// <summary>Creates a tokenizer with the built-in English rules and special cases (same as <see cref="Default"/>).</summary>
    public Tokenizer() : this(TokenizerExceptions.Default)
    {
    }

    private Tokenizer(TokenizerExceptions exceptions) => _exceptions = exceptions;

    /// <summary>The default English tokenizer.</summary>
    public static Tokenizer Default { get; } = new();

    /// <summary>
    /// Returns a new tokenizer that also splits <paramref name="text"/> into <paramref name="pieces"/> wherever it
    /// occurs as a whole chunk, or as what remains of one after punctuation is split off (spaCy's
    /// <c>add_special_case</c>). Special cases are case-sensitive. This tokenizer is not changed.
    /// </summary>
    /// <example><c>var tok = Tokenizer.Default.WithSpecialCase("gimme", "gim", "me");</c> then
    /// <c>new Pipeline(tok)</c>. A single piece keeps a string whole: <c>WithSpecialCase("Gov't", "Gov't")</c>.</example>
    /// <param name="text">The exact text, without whitespace.</param>
    /// <param name="pieces">The tokens it becomes; they must spell <paramref name="text"/> exactly, in order.</param>
    /// <returns>The new tokenizer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="pieces"/> is null.</exception>
    /// <exception cref="ArgumentException">The pieces do not spell the text, or the text is empty or contains whitespace.</exception>
    public Tokenizer WithSpecialCase(string text, params string[] pieces)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(pieces);
        return new Tokenizer(_exceptions.With(text, pieces));
    }

    /// <summary>Tokenizes <paramref name="text"/> without running any pipeline component.</summary>
    /// <param name="text">The text.</param>
    /// <returns>A frozen document that has tokens only.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public Document Tokenize(string text)
    {
        var doc = Tokenize(text, "doc");
        doc.Freeze();
        return doc;
    }

    /// <summary>Tokenizes <paramref name="text"/> into a new, unfrozen document.</summary>
    internal Document Tokenize(string text, string id)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Document(text, id, TokenizeToArray(text));
    }

    /// <summary>The token array of <paramref name="text"/> (exactly sized).</summary>
    internal TokenData[] TokenizeToArray(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return [];
        var scanner = new Scanner(text, _exceptions);
        ReadOnlySpan<char> t = text;
        int i = 0, n = t.Length;
        while (i < n)
        {
            while (i < n && CharClasses.IsSpace(t[i])) i++;
            if (i == n) break;
            int s = i;
            while (i < n && !CharClasses.IsSpace(t[i])) i++;
            scanner.Chunk(s, i);
        }
        return scanner.ToArray();
    }

    /// <summary>Per-call state: the text, the growing token array and the stack of pending suffixes.</summary>
    private ref struct Scanner
    {
        private readonly ReadOnlySpan<char> _t;
        private readonly TokenizerExceptions _ex;
        private TokenData[] _tokens;
        private int _count;
        private int[] _suffixes;
        private int _top;

        public Scanner(string text, TokenizerExceptions exceptions)
        {
            _t = text;
            _ex = exceptions;
            _tokens = new TokenData[Math.Min(text.Length / 4 + 16, 1 << 22)]; // ~5.5 characters per token in prose: rarely grows
            _suffixes = new int[16];
        }

        public TokenData[] ToArray()
        {
            if (_count == _tokens.Length) return _tokens;
            var result = new TokenData[_count];
            Array.Copy(_tokens, result, _count);
            return result;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Add(int start, int length, TokenKind kind)
        {
            if (_count == _tokens.Length) Array.Resize(ref _tokens, _tokens.Length * 2);
            int end = start + length;
            _tokens[_count++] = new TokenData(start, length, kind, end < _t.Length && CharClasses.IsSpace(_t[end]));
        }

        private void Emit(int start, int length) => Add(start, length, Classify(start, length));

        private void Push(int length)
        {
            if (_top == _suffixes.Length) Array.Resize(ref _suffixes, _suffixes.Length * 2);
            _suffixes[_top++] = length;
        }

        /// <summary>Tokenizes one whitespace-delimited chunk [s, e).</summary>
        public void Chunk(int s, int e)
        {
            // Fast path for the common case: ASCII letters, optionally followed by one , ; : . ! or ?
            int j = s;
            while (j < e && char.IsAsciiLetter(_t[j])) j++;
            if (j > s && (j == e || (j == e - 1 && _t[j] is ',' or ';' or ':' or '.' or '!' or '?'))
                && !(j == e - 1 && _t[j] == '.' && j - s == 1) // an initial (J.) takes the general path
                && !_ex.TryGet(_t[s..e], out _) && (j == e || !_ex.TryGet(_t[s..j], out _)))
            {
                Add(s, j - s, TokenKind.Word);
                if (j < e) Add(j, 1, TokenKind.Punctuation);
                return;
            }

            // A telephone number (853-7906, 732-657-3416) is one token, unlike a range (11-13, 2020-2024).
            if (PhoneLength(s, e) is > 0 and var phone)
            {
                Add(s, phone, TokenKind.Number);
                if (s + phone < e) Chunk(s + phone, e);
                return;
            }

            // 1. Special cases, prefixes and addresses from the left.
            while (true)
            {
                if (s >= e) return;
                if (TryException(s, e)) return;
                int p = PrefixLength(s, e);
                if (p > 0) { Emit(s, p); s += p; continue; }
                int u = UrlMatcher.Match(_t, s, e, out var kind);
                if (u > 0) { Add(s, u, kind); s += u; continue; }
                break;
            }

            // 2. Special cases, abbreviations and suffixes from the right.
            int stackBase = _top, end = e;
            bool whole = false;
            while (end > s)
            {
                if (TryException(s, end)) { whole = true; break; }
                if (IsAbbreviation(s, end)) { Add(s, end - s, TokenKind.Word); whole = true; break; }
                int q = SuffixLength(s, end);
                if (q == 0) break;
                Push(q);
                end -= q;
            }

            // 3. Infixes in what remains.
            if (!whole && end > s) Infix(s, end);

            // 4. The suffixes, in text order (the last one pushed is the leftmost).
            int pos = end;
            while (_top > stackBase)
            {
                int len = _suffixes[--_top];
                Emit(pos, len);
                pos += len;
            }
        }

        private bool TryException(int s, int e)
        {
            if (!_ex.TryGet(_t[s..e], out var entry)) return false;
            int pos = s;
            foreach (int len in entry.Pieces)
            {
                Emit(pos, len);
                pos += len;
            }
            return true;
        }

        /// <summary>Letter-period sequences (<c>U.S.</c>, <c>e.g.</c>, <c>a.m.</c>) and initials (<c>J.</c>) keep their full stop.</summary>
        private readonly bool IsAbbreviation(int s, int e)
        {
            int len = e - s;
            if (len < 2 || len > 12 || _t[e - 1] != '.') return false;
            if (len == 2) return char.IsUpper(_t[s]);
            if ((len & 1) != 0) return false;
            for (int i = s; i < e; i += 2)
                if (CharClasses.Of(_t[i]) != CharClass.Letter || _t[i + 1] != '.') return false;
            return true;
        }

        private readonly int PrefixLength(int s, int e)
        {
            char c = _t[s];
            switch (CharClasses.Of(c))
            {
                case CharClass.Period:
                    {
                        int r = Run(s, e, c);
                        return r >= 2 ? r : 0; // a single full stop stays: .NET, .5
                    }
                case CharClass.Hyphen:
                    {
                        if (s + 1 < e && (char.IsAsciiDigit(_t[s + 1]) || _t[s + 1] == '.')) return 0; // -5, -.5
                        return Run(s, e, c);
                    }
                case var k when IsDetachableMark(k):
                    return IsRunChar(c) ? Run(s, e, c) : 1;
                default:
                    return 0;
            }
        }

        /// <summary>Marks that split off a word's edge as their own token (one mark, or a run of <see cref="IsRunChar"/>).</summary>
        private static bool IsDetachableMark(CharClass k) => k is CharClass.Dash or CharClass.Apostrophe or CharClass.Comma
            or CharClass.Colon or CharClass.Semicolon or CharClass.Exclamation or CharClass.Question or CharClass.Ellipsis
            or CharClass.Open or CharClass.Close or CharClass.Quote or CharClass.SingleQuote or CharClass.Slash
            or CharClass.Ampersand or CharClass.Underscore or CharClass.MiddleDot or CharClass.Currency or CharClass.Percent
            or CharClass.Symbol or CharClass.Punct;

        /// <summary>Repeated marks that form one token: <c>!!!</c>, <c>???</c>, <c>**</c>, <c>====</c>, <c>___</c>.</summary>
        private static bool IsRunChar(char c) => c is '!' or '?' or '*' or '=' or '_' or '~' or '#' or '+' or '<' or '>' or '^' or '|' or '/' or '\\';

        private readonly int SuffixLength(int s, int e)
        {
            int last = e - 1;
            char c = _t[last];
            switch (CharClasses.Of(c))
            {
                case CharClass.Period:
                    return RunBack(s, e, c);
                case CharClass.Hyphen:
                    {
                        int r = RunBack(s, e, c);
                        if (r == 1 && last > s && CharClasses.Of(_t[last - 1]) == CharClass.Letter) return 0; // pre- and post-war
                        return r;
                    }
                case CharClass.Letter:
                    return CliticOrUnit(s, e);
                case var k when IsDetachableMark(k):
                    return IsRunChar(c) ? RunBack(s, e, c) : 1;
                default:
                    return 0;
            }
        }

        /// <summary>Possessive and contraction clitics (<c>'s</c>, <c>n't</c>, <c>'ll</c>, …) and units after a number (<c>5bn</c>).</summary>
        private readonly int CliticOrUnit(int s, int e)
        {
            int len = e - s;
            char a = (char)(_t[e - 1] | 0x20);
            if (len >= 3 && IsApostrophe(_t[e - 2]))
            {
                if (a == 's' && CharClasses.Of(_t[e - 3]) is CharClass.Letter or CharClass.Digit or CharClass.Mark or CharClass.Period) return 2; // U.S.'s
                if (a is 'm' or 'd' && CharClasses.Of(_t[e - 3]) is CharClass.Letter or CharClass.Mark) return 2;
            }
            if (len >= 4 && CharClasses.Of(_t[e - 4]) is CharClass.Letter or CharClass.Mark)
            {
                char b = (char)(_t[e - 2] | 0x20);
                if (IsApostrophe(_t[e - 3]) && ((b == 'l' && a == 'l') || (b == 'r' && a == 'e') || (b == 'v' && a == 'e'))) return 3;
                if (a == 't' && IsApostrophe(_t[e - 2]) && (_t[e - 3] | 0x20) == 'n') return 3;
            }
            // Units: lower-case ASCII letters right after a number.
            int k = 0;
            while (k < 4 && e - 1 - k > s && char.IsAsciiLetterLower(_t[e - 1 - k])) k++;
            if (k == 0 || k == 4 || !char.IsAsciiDigit(_t[e - 1 - k]) || !IsUnit(_t[(e - k)..e])) return 0;
            for (int i = s; i < e - k; i++)
                if (!char.IsAsciiDigit(_t[i]) && _t[i] is not (',' or '.' or ':')) return 0;
            return k;
        }

        private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

        private static bool IsUnit(ReadOnlySpan<char> u) => u switch
        {
            "bn" or "bln" or "mn" or "mln" or "trn" or "tn" or "k" or "m" or "km" or "kg" or "mg" or "g" or "t" or "cm" or "mm"
                or "ml" or "kw" or "mw" or "gw" or "kwh" or "mwh" or "gwh" or "twh" or "bcm" or "tcm" or "h" or "hr" or "hrs"
                or "min" or "am" or "pm" or "sq" or "ha" => true,
            _ => false,
        };

        private readonly int Run(int s, int e, char c)
        {
            int j = s;
            while (j < e && _t[j] == c) j++;
            return j - s;
        }

        private readonly int RunBack(int s, int e, char c)
        {
            int j = e;
            while (j > s && _t[j - 1] == c) j--;
            return e - j;
        }

        /// <summary>Splits [s, e) at infixes: punctuation inside words, brackets, dashes, emoji, control characters.</summary>
        private void Infix(int s, int e)
        {
            var t = _t;
            int ps = s, i = s;
            while (i < e)
            {
                char c = t[i];
                var cls = CharClasses.Of(c);
                if (CharClasses.IsWordClass(cls)) { i++; continue; }
                if (cls == CharClass.HighSurrogate && i + 1 < e && char.IsLowSurrogate(t[i + 1]))
                {
                    var rc = CharClasses.OfRune(char.ConvertToUtf32(c, t[i + 1]));
                    if (CharClasses.IsWordClass(rc)) { i += 2; continue; }
                    Flush(ps, i);
                    int len = rc == CharClass.Emoji ? CharClasses.ConsumeEmoji(t, i, e) - i : 2;
                    Emit(i, len);
                    i += len;
                    ps = i;
                    i = AfterSplit(i, e, ref ps);
                    continue;
                }
                if (i > ps && i + 1 < e && Joins(cls, t[i - 1], t[i + 1])) { i++; continue; }
                if (cls == CharClass.Hyphen && i == e - 1 && i > ps && CharClasses.Of(t[i - 1]) == CharClass.Letter) { i++; continue; } // pre-
                if (i == ps && i == s && i + 1 < e && char.IsAsciiDigit(t[i + 1]) && cls is CharClass.Period or CharClass.Hyphen)
                {
                    i++; // a sign or leading decimal point: -5, .5
                    continue;
                }
                if (cls == CharClass.Period && i > ps && IsAbbreviation(ps, i + 1))
                {
                    Add(ps, i + 1 - ps, TokenKind.Word); // U.S.-led
                    i++;
                    ps = i;
                    continue;
                }
                Flush(ps, i);
                int n = SplitLength(i, e, cls);
                Emit(i, n);
                i += n;
                ps = i;
                if (cls is not (CharClass.Hyphen or CharClass.Period)) i = AfterSplit(i, e, ref ps); // 11-13, end.The: no address follows
            }
            Flush(ps, e);
        }

        /// <summary>After a split, an address may start (<c>](https://…)</c>).</summary>
        private int AfterSplit(int i, int e, ref int ps)
        {
            if (i < e && CharClasses.IsAsciiLetterOrDigit(_t[i]))
            {
                int u = UrlMatcher.Match(_t, i, e, out var kind);
                if (u > 0)
                {
                    Add(i, u, kind);
                    i += u;
                    ps = i;
                }
            }
            return i;
        }

        private void Flush(int ps, int i)
        {
            if (i > ps) Emit(ps, i - ps);
        }

        /// <summary>
        /// Length of a telephone number starting at <paramref name="s"/>: three digits, a hyphen and four digits, or three,
        /// three and four digits joined by hyphens, followed by the chunk's end or punctuation; 0 otherwise.
        /// </summary>
        private readonly int PhoneLength(int s, int e)
        {
            var t = _t;
            static int Digits(ReadOnlySpan<char> t, int at, int e, int count)
            {
                for (int k = 0; k < count; k++)
                    if (at + k >= e || !char.IsAsciiDigit(t[at + k])) return -1;
                return at + count;
            }
            int j = Digits(t, s, e, 3);
            if (j < 0 || j >= e || t[j] != '-') return 0;
            int end = Digits(t, j + 1, e, 4);
            if (end < 0)
            {
                int mid = Digits(t, j + 1, e, 3);
                if (mid < 0 || mid >= e || t[mid] != '-') return 0;
                end = Digits(t, mid + 1, e, 4);
                if (end < 0) return 0;
            }
            if (end < e && (char.IsLetterOrDigit(t[end]) || t[end] is '-' or '/' or '.' && end + 1 < e && char.IsLetterOrDigit(t[end + 1]))) return 0;
            return end - s;
        }

        /// <summary>Whether a punctuation character between two word characters stays inside the word.</summary>
        private static bool Joins(CharClass cls, char prev, char next)
        {
            var pc = CharClasses.Of(prev);
            var nc = CharClasses.Of(next);
            if (!CharClasses.IsWordClass(nc)) return false;
            if (pc == CharClass.LowSurrogate) pc = CharClass.Letter; // a supplementary letter ends the piece so far
            bool prevLetter = pc is CharClass.Letter or CharClass.Mark, nextLetter = nc is CharClass.Letter or CharClass.Mark;
            return cls switch
            {
                CharClass.Apostrophe => prevLetter && nextLetter,                      // O'Neill, rock'n'roll
                CharClass.Hyphen => !(pc == CharClass.Digit && nc == CharClass.Digit), // de-facto, S-400; 11-13 splits
                CharClass.Period => !(char.IsUpper(next) && !char.IsUpper(prev)),      // U.S, 1.5, Node.js; end.The splits
                CharClass.Comma or CharClass.Colon or CharClass.Slash => pc == CharClass.Digit && nc == CharClass.Digit, // 1,500 10:30 24/7
                CharClass.Ampersand or CharClass.MiddleDot => prevLetter && nextLetter, // AT&T, l·l
                CharClass.Underscore => true,
                _ => false,
            };
        }

        private readonly int SplitLength(int i, int e, CharClass cls)
        {
            var t = _t;
            switch (cls)
            {
                case CharClass.Period or CharClass.Hyphen:
                    return Run(i, e, t[i]);
                case CharClass.Exclamation or CharClass.Question or CharClass.Underscore or CharClass.Slash or CharClass.Symbol or CharClass.Punct:
                    return IsRunChar(t[i]) ? Run(i, e, t[i]) : 1;
                case CharClass.Emoji:
                    return CharClasses.ConsumeEmoji(t, i, e) - i;
                case CharClass.Other or CharClass.HighSurrogate or CharClass.LowSurrogate:
                    {
                        // A run of control characters and lone surrogates is one token.
                        int j = i;
                        while (j < e)
                        {
                            var k = CharClasses.Of(t[j]);
                            if (k == CharClass.Other || k == CharClass.LowSurrogate) { j++; continue; }
                            if (k == CharClass.HighSurrogate && !(j + 1 < e && char.IsLowSurrogate(t[j + 1]))) { j++; continue; }
                            break;
                        }
                        return j - i;
                    }
                default:
                    return 1;
            }
        }

        /// <summary>The kind of the token [start, start + length).</summary>
        private readonly TokenKind Classify(int start, int length)
        {
            var t = _t;
            bool letter = false, digit = false;
            int end = start + length;
            for (int i = start; i < end; i++)
            {
                var cls = CharClasses.Of(t[i]);
                if (cls == CharClass.Letter) letter = true;
                else if (cls == CharClass.Digit) digit = true;
                else if (cls == CharClass.HighSurrogate && i + 1 < end && char.IsLowSurrogate(t[i + 1]))
                {
                    var rc = CharClasses.OfRune(char.ConvertToUtf32(t[i], t[i + 1]));
                    if (rc == CharClass.Letter) letter = true;
                    else if (rc == CharClass.Digit) digit = true;
                    i++;
                }
            }
            if (letter) return digit ? TokenKind.Alphanumeric : TokenKind.Word;
            if (digit) return TokenKind.Number;
            var first = CharClasses.Of(t[start]);
            if (first == CharClass.HighSurrogate)
                first = length > 1 && char.IsLowSurrogate(t[start + 1]) ? CharClasses.OfRune(char.ConvertToUtf32(t[start], t[start + 1])) : CharClass.Other;
            return first switch
            {
                CharClass.Emoji => TokenKind.Emoji,
                CharClass.Currency or CharClass.Percent or CharClass.Symbol or CharClass.Ampersand => TokenKind.Symbol,
                CharClass.Other or CharClass.Mark or CharClass.LowSurrogate or CharClass.HighSurrogate or CharClass.Letter
                    or CharClass.Digit or CharClass.Space => TokenKind.Other,
                _ => TokenKind.Punctuation,
            };
        }
    }
}
