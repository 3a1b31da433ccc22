using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text;
using TextLens.Matching;

namespace TextLens;

/// <summary>
/// A compiled token pattern (spaCy's <c>Matcher</c> pattern) in a compact text syntax that fits in a CSV cell.
/// Immutable and thread-safe; matching allocates nothing and never backtracks.
/// </summary>
/// <remarks>
/// <para>A pattern is a sequence of token specifications separated by whitespace:</para>
/// <list type="bullet">
/// <item><c>will</c> — a bare word matches the token's lower-case form (<c>lower=will</c>); <c>will|shall</c> gives alternatives;
/// <c>"?"</c> quotes a word that contains special characters (<c>\"</c> and <c>\\</c> escape inside quotes).</item>
/// <item><c>[lower=not lemma!=be pos=VERB|AUX]</c> — conditions on one token, all of which must hold. Attributes:
/// <c>text</c> (exact, with normalised quotes/dashes), <c>lower</c>, <c>lemma</c> (falls back to <c>lower</c> when the document
/// has no lemmas), <c>pos</c> (UPOS: NOUN, VERB, AUX, ADJ …), <c>tag</c> (Penn XPOS), <c>shape</c> (<c>Xxxxx</c>, <c>dddd</c>),
/// <c>ent</c> (label of the covering entity; <c>ent=*</c> = any entity) and <c>kind</c> (<see cref="TokenKind"/> name).
/// <c>=</c> tests equality with any of the <c>|</c>-separated values, <c>!=</c> its negation; a value ending in <c>*</c>
/// is a prefix (<c>lower=refus*</c>). Flags: <c>is_title</c>, <c>is_upper</c>, <c>is_lower</c>, <c>is_alpha</c>,
/// <c>is_digit</c>, <c>is_punct</c>, <c>sent_start</c>, negated with <c>!</c> (<c>[!is_title]</c>).</item>
/// <item><c>[]</c> — any one token.</item>
/// <item>Operators right after a specification: <c>?</c> (optional), <c>*</c> (zero or more), <c>+</c> (one or more),
/// <c>{m,n}</c>, <c>{m}</c>, <c>{,n}</c>, <c>{m,}</c>. A bounded gap is <c>[]{0,3}</c>.</item>
/// </list>
/// <para>Example: <c>will|shall not [lemma=sign|ratify]</c>; <c>[lemma=be] not? [lower=willing|ready|prepared] to</c>;
/// <c>[ent=GPE] [lemma=reject]</c>.</para>
/// <para>Matching is greedy (the longest match at a start) and runs a set-of-states automaton, so its cost is at most
/// linear in the tokens examined times the pattern length. Unbounded operators are limited by the matcher's maximum
/// match length.</para>
/// </remarks>
public sealed class TokenPattern
{
    /// <summary>The largest number of token positions a pattern may expand to (counted repeats included).</summary>
    public const int MaxPositions = 63;

    /// <summary>Longest match (in tokens) that <see cref="TryMatchAt"/> considers for patterns with unbounded operators.</summary>
    public const int DefaultMaxMatchLength = 64;

    private readonly TokenCondition[][] _elements;   // conjunction of conditions per element
    private readonly byte[] _elementOf;              // position → element
    private readonly ulong[] _closure;               // position → positions reachable without consuming (incl. itself); index Length = accept
    private readonly ulong _loops;                   // positions that may consume again

    private TokenPattern(string source, TokenCondition[][] elements, byte[] elementOf, ulong[] closure, ulong loops, int minLength, int? maxLength)
    {
        Source = source;
        _elements = elements;
        _elementOf = elementOf;
        _closure = closure;
        _loops = loops;
        MinLength = minLength;
        MaxLength = maxLength;
    }

    /// <summary>The pattern text it was parsed from.</summary>
    public string Source { get; }

    /// <summary>The fewest tokens a match can have (at least 1).</summary>
    public int MinLength { get; }

    /// <summary>The most tokens a match can have, or null when an operator is unbounded.</summary>
    public int? MaxLength { get; }

    internal int PositionCount => _elementOf.Length;

    internal ulong StartStates => _closure[0];

    /// <summary>The conditions a first token must satisfy (one array per alternative first element).</summary>
    internal IEnumerable<TokenCondition[]> FirstElements
    {
        get
        {
            ulong s = _closure[0];
            var seen = new HashSet<int>();
            while (s != 0)
            {
                int p = BitOperations.TrailingZeroCount(s);
                s &= s - 1;
                if (p < _elementOf.Length && seen.Add(_elementOf[p])) yield return _elements[_elementOf[p]];
            }
        }
    }

    /// <summary>Parses a pattern.</summary>
    /// <param name="pattern">The pattern text (see the class remarks for the syntax).</param>
    /// <returns>The compiled pattern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    /// <exception cref="ArgumentException">The pattern is malformed; the message says where and why.</exception>
    public static TokenPattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try { return Compile(pattern); }
        catch (PatternSyntaxException e) { throw new ArgumentException($"Invalid token pattern '{pattern}': {e.Message}", nameof(pattern)); }
    }

    /// <summary>Parses a pattern without throwing.</summary>
    /// <param name="pattern">The pattern text.</param>
    /// <param name="result">The compiled pattern, or null.</param>
    /// <param name="error">Why the pattern is malformed, or null.</param>
    /// <returns>True when the pattern is valid.</returns>
    public static bool TryParse(string? pattern, [NotNullWhen(true)] out TokenPattern? result, out string? error)
    {
        result = null;
        error = null;
        if (pattern is null) { error = "pattern is null"; return false; }
        try { result = Compile(pattern); return true; }
        catch (PatternSyntaxException e) { error = e.Message; return false; }
    }

    /// <summary>Parses a pattern read from a data file; a malformed one becomes a <see cref="DataFileException"/> naming file and line.</summary>
    internal static TokenPattern Parse(string pattern, string file, int line)
    {
        try { return Compile(pattern); }
        catch (PatternSyntaxException e) { throw new DataFileException(file, line, $"invalid token pattern '{pattern}': {e.Message}"); }
    }

    /// <summary>Matches the pattern starting at one token and returns the end of the longest match.</summary>
    /// <param name="document">The document.</param>
    /// <param name="tokenIndex">Index of the first token of the match.</param>
    /// <param name="tokenEnd">Index just past the last matched token, when there is a match.</param>
    /// <returns>True when the pattern matches at <paramref name="tokenIndex"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tokenIndex"/> is not a token index.</exception>
    public bool TryMatchAt(Document document, int tokenIndex, out int tokenEnd)
    {
        ArgumentNullException.ThrowIfNull(document);
        int n = document.TokenStore.Length;
        ArgumentOutOfRangeException.ThrowIfNegative(tokenIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(tokenIndex, n);
        tokenEnd = MatchAt(document, tokenIndex, n, DefaultMaxMatchLength);
        return tokenEnd > tokenIndex;
    }

    /// <summary>The end of the longest match starting at <paramref name="start"/> and ending at or before <paramref name="limit"/>, or -1.</summary>
    internal int MatchAt(Document doc, int start, int limit, int maxMatchLength)
    {
        int stop = MaxLength is int max ? Math.Min(limit, start + max) : Math.Min(limit, start + maxMatchLength);
        ulong cur = _closure[0];
        ulong acceptBit = 1UL << _elementOf.Length;
        int best = -1;
        for (int i = start; i < stop && cur != 0; i++)
        {
            ulong next = 0, tested = 0, passed = 0;
            ulong s = cur & ~acceptBit;
            while (s != 0)
            {
                int p = BitOperations.TrailingZeroCount(s);
                s &= s - 1;
                int e = _elementOf[p];
                ulong eb = 1UL << e;
                if ((tested & eb) == 0)
                {
                    tested |= eb;
                    if (AllMatch(_elements[e], doc, i)) passed |= eb;
                }
                if ((passed & eb) == 0) continue;
                next |= _closure[p + 1];
                if ((_loops & (1UL << p)) != 0) next |= _closure[p];
            }
            if ((next & acceptBit) != 0) best = i + 1;
            cur = next;
        }
        return best;
    }

    private static bool AllMatch(TokenCondition[] conditions, Document doc, int i)
    {
        foreach (var c in conditions)
            if (!c.Matches(doc, i)) return false;
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Source;

    // ---------------------------------------------------------------- parsing

    private readonly record struct Element(TokenCondition[] Conditions, int Min, int Max); // Max = -1: unbounded

    private static TokenPattern Compile(string source)
    {
        var elements = ParseElements(source);
        if (elements.Count == 0) throw new PatternSyntaxException("pattern is empty");
        var elementOf = new List<byte>();
        var optional = new List<bool>();
        ulong loops = 0;
        int min = 0, max = 0;
        bool unbounded = false;
        for (int e = 0; e < elements.Count; e++)
        {
            var el = elements[e];
            min += el.Min;
            if (el.Max < 0) unbounded = true; else max += el.Max;
            int copies = el.Max < 0 ? Math.Max(el.Min, 1) : el.Max;
            if (elementOf.Count + copies > MaxPositions)
                throw new PatternSyntaxException($"pattern expands to more than {MaxPositions} token positions (lower the {{m,n}} counts)");
            for (int c = 0; c < copies; c++)
            {
                elementOf.Add((byte)e);
                optional.Add(c >= el.Min);
            }
            if (el.Max < 0) loops |= 1UL << (elementOf.Count - 1);
        }
        if (min == 0) throw new PatternSyntaxException("pattern can match zero tokens; at least one token must be required");
        int n = elementOf.Count;
        var closure = new ulong[n + 1];
        closure[n] = 1UL << n;
        for (int p = n - 1; p >= 0; p--)
            closure[p] = (1UL << p) | (optional[p] ? closure[p + 1] : 0);
        return new TokenPattern(source, elements.Select(x => x.Conditions).ToArray(), elementOf.ToArray(), closure, loops, min, unbounded ? null : max);
    }

    private static List<Element> ParseElements(string s)
    {
        var list = new List<Element>();
        int i = 0;
        while (true)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (i >= s.Length) break;
            int at = i;
            TokenCondition[] conditions;
            if (s[i] == '[')
            {
                int close = FindClose(s, i);
                conditions = ParseConditions(s, i + 1, close);
                i = close + 1;
            }
            else if (s[i] is ']' or '{' or '}' || (s[i] is '?' or '*' or '+' && !(i + 1 >= s.Length || char.IsWhiteSpace(s[i + 1]))))
            {
                throw new PatternSyntaxException($"unexpected '{s[i]}' at position {i + 1}");
            }
            else
            {
                var values = new List<string>();
                while (true)
                {
                    values.Add(ReadValue(s, ref i, bare: true));
                    if (i < s.Length && s[i] == '|') { i++; continue; }
                    break;
                }
                conditions = [new TokenCondition(TokenAttribute.Lower, false, values)];
            }
            var (min, max) = ParseQuantifier(s, ref i);
            if (i < s.Length && !char.IsWhiteSpace(s[i]))
                throw new PatternSyntaxException($"expected a space after the token at position {at + 1}, found '{s[i]}'");
            list.Add(new Element(conditions, min, max));
        }
        return list;
    }

    private static int FindClose(string s, int open)
    {
        bool quoted = false;
        for (int j = open + 1; j < s.Length; j++)
        {
            if (quoted && s[j] == '\\') j++;
            else if (s[j] == '"') quoted = !quoted;
            else if (s[j] == ']' && !quoted) return j;
            else if (s[j] == '[' && !quoted) throw new PatternSyntaxException($"'[' inside brackets at position {j + 1}");
        }
        throw new PatternSyntaxException($"'[' at position {open + 1} is not closed");
    }

    private static (int Min, int Max) ParseQuantifier(string s, ref int i)
    {
        if (i >= s.Length) return (1, 1);
        switch (s[i])
        {
            case '?': i++; return (0, 1);
            case '*': i++; return (0, -1);
            case '+': i++; return (1, -1);
            case '{':
            {
                int close = s.IndexOf('}', i);
                if (close < 0) throw new PatternSyntaxException($"'{{' at position {i + 1} is not closed");
                var body = s.AsSpan(i + 1, close - i - 1).Trim();
                int comma = body.IndexOf(',');
                int min, max;
                if (comma < 0)
                {
                    min = max = ParseCount(body, i);
                }
                else
                {
                    var a = body[..comma].Trim();
                    var b = body[(comma + 1)..].Trim();
                    min = a.IsEmpty ? 0 : ParseCount(a, i);
                    max = b.IsEmpty ? -1 : ParseCount(b, i);
                }
                if (max >= 0 && max < min) throw new PatternSyntaxException($"repeat {{{body}}} at position {i + 1} has max < min");
                if (max == 0) throw new PatternSyntaxException($"repeat {{{body}}} at position {i + 1} allows no token");
                i = close + 1;
                return (min, max);
            }
            default: return (1, 1);
        }
    }

    private static int ParseCount(ReadOnlySpan<char> t, int at)
    {
        if (!int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int v) || v > MaxPositions)
            throw new PatternSyntaxException($"repeat count '{t}' at position {at + 1} is not a number from 0 to {MaxPositions}");
        return v;
    }

    private static TokenCondition[] ParseConditions(string s, int from, int to)
    {
        var list = new List<TokenCondition>();
        int i = from;
        while (true)
        {
            while (i < to && (char.IsWhiteSpace(s[i]) || s[i] == '&')) i++;
            if (i >= to) break;
            int keyStart = i;
            bool neg = false;
            if (s[i] == '!') { neg = true; i++; keyStart = i; }
            while (i < to && (char.IsLetter(s[i]) || s[i] == '_')) i++;
            string key = s[keyStart..i].ToLowerInvariant();
            if (key.Length == 0) throw new PatternSyntaxException($"expected an attribute name at position {i + 1}, found '{s[i]}'");
            if (i >= to || char.IsWhiteSpace(s[i]) || s[i] == '&')
            {
                list.Add(new TokenCondition(TokenAttribute.Flag, neg, [], ParseFlag(key, keyStart)));
                continue;
            }
            if (neg) throw new PatternSyntaxException($"'!' before attribute '{key}' at position {keyStart}: write {key}!=value");
            if (s[i] == '!' && i + 1 < to && s[i + 1] == '=') { neg = true; i += 2; }
            else if (s[i] == '=') i++;
            else throw new PatternSyntaxException($"expected '=' or '!=' after '{key}' at position {i + 1}, found '{s[i]}'");
            var attribute = key switch
            {
                "text" or "orth" => TokenAttribute.Text,
                "lower" or "norm" => TokenAttribute.Lower,
                "lemma" => TokenAttribute.Lemma,
                "pos" => TokenAttribute.Pos,
                "tag" => TokenAttribute.Tag,
                "shape" => TokenAttribute.Shape,
                "ent" or "ent_type" => TokenAttribute.Ent,
                "kind" => TokenAttribute.Kind,
                _ => throw new PatternSyntaxException($"unknown attribute '{key}' at position {keyStart + 1} (expected text, lower, lemma, pos, tag, shape, ent, kind or a flag such as is_title)"),
            };
            var values = new List<string>();
            while (true)
            {
                int vStart = i;
                var v = ReadValue(s, ref i, bare: false, limit: to);
                if (v.Contains('=')) throw new PatternSyntaxException($"value '{v}' at position {vStart + 1} contains '='; separate conditions with spaces, alternatives with '|'");
                values.Add(v);
                if (i < to && s[i] == '|') { i++; continue; }
                break;
            }
            list.Add(new TokenCondition(attribute, neg, values));
        }
        return list.ToArray();
    }

    private static TokenFlag ParseFlag(string key, int at) => key switch
    {
        "is_title" => TokenFlag.IsTitle,
        "is_upper" => TokenFlag.IsUpper,
        "is_lower" => TokenFlag.IsLower,
        "is_alpha" => TokenFlag.IsAlpha,
        "is_digit" => TokenFlag.IsDigit,
        "is_punct" => TokenFlag.IsPunct,
        "sent_start" or "is_sent_start" => TokenFlag.SentStart,
        _ => throw new PatternSyntaxException($"'{key}' at position {at + 1} is neither a flag (is_title, is_upper, is_lower, is_alpha, is_digit, is_punct, sent_start) nor followed by '=value'"),
    };

    /// <summary>Reads a value: a quoted string or a run up to whitespace, '|', ']' (and a quantifier for bare words).</summary>
    private static string ReadValue(string s, ref int i, bool bare, int limit = -1)
    {
        if (limit < 0) limit = s.Length;
        if (i < limit && s[i] == '"')
        {
            var q = new StringBuilder();
            int open = i;
            for (i++; ; i++)
            {
                if (i >= limit) throw new PatternSyntaxException($"quote at position {open + 1} is not closed");
                if (s[i] == '\\' && i + 1 < limit) { q.Append(s[++i]); continue; }
                if (s[i] == '"') break;
                q.Append(s[i]);
            }
            i++;
            if (q.Length == 0) throw new PatternSyntaxException($"empty quoted value at position {open + 1}");
            return q.ToString();
        }
        var sb = new StringBuilder();
        int start = i;
        while (i < limit)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c) || c == '|' || c == ']' || c == '"' || c == '[') break;
            if (bare && c is '?' or '+' or '{' && sb.Length > 0) break;
            if (bare && c == '*' && sb.Length > 0) break;
            sb.Append(c);
            i++;
        }
        if (sb.Length == 0)
            throw new PatternSyntaxException(i < limit ? $"expected a value at position {start + 1}, found '{s[i]}'" : $"expected a value at position {start + 1}");
        return sb.ToString();
    }
}
