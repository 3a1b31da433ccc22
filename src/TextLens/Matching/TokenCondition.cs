using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace TextLens.Matching;

/// <summary>Which token attribute a condition reads.</summary>
internal enum TokenAttribute : byte
{
    Text,
    Lower,
    Lemma,
    Pos,
    Tag,
    Shape,
    Ent,
    Kind,
    Flag,
}

/// <summary>Boolean token flags usable as bare conditions (<c>[is_title]</c>).</summary>
internal enum TokenFlag : byte
{
    IsTitle,
    IsUpper,
    IsLower,
    IsAlpha,
    IsDigit,
    IsPunct,
    SentStart,
}

/// <summary>
/// One test on one token (<c>lower=will|shall</c>, <c>pos!=PROPN</c>, <c>is_title</c>). Immutable and
/// thread-safe; evaluating it allocates nothing.
/// </summary>
internal sealed class TokenCondition
{
    private readonly string[] _values;          // literal alternatives (normalised; lower-cased for lower/lemma)
    private readonly string[] _prefixes;        // "refus*" alternatives
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _set; // used when there are many literals
    private readonly bool _useSet;
    private readonly bool _anyValue;            // "*" alone: any (entity: inside any entity)
    private readonly ulong _posMask;            // bit per UPos
    private readonly ulong _kindMask;           // bit per TokenKind

    public TokenCondition(TokenAttribute attribute, bool negated, IReadOnlyList<string> values, TokenFlag flag = default)
    {
        Attribute = attribute;
        Negated = negated;
        Flag = flag;
        var literals = new List<string>();
        var prefixes = new List<string>();
        foreach (var raw in values)
        {
            switch (attribute)
            {
                case TokenAttribute.Pos:
                    _posMask |= 1UL << (int)ParsePos(raw);
                    break;
                case TokenAttribute.Kind:
                    if (!Enum.TryParse(raw, true, out TokenKind k) || !Enum.IsDefined(k) || int.TryParse(raw, out _))
                        throw new PatternSyntaxException($"unknown token kind '{raw}' (expected one of {string.Join(", ", Enum.GetNames<TokenKind>())})");
                    _kindMask |= 1UL << (int)k;
                    break;
                default:
                    string v = attribute is TokenAttribute.Text or TokenAttribute.Lower or TokenAttribute.Lemma ? TextNormalizer.Normalize(raw) : raw;
                    if (attribute is TokenAttribute.Lower or TokenAttribute.Lemma) v = v.ToLowerInvariant();
                    if (v == "*") { _anyValue = true; break; }
                    if (v.EndsWith('*') && attribute is TokenAttribute.Text or TokenAttribute.Lower or TokenAttribute.Lemma)
                        prefixes.Add(v[..^1]);
                    else
                        literals.Add(v);
                    break;
            }
        }
        _values = literals.Distinct(StringComparer.Ordinal).ToArray();
        _prefixes = prefixes.Distinct(StringComparer.Ordinal).ToArray();
        if (_values.Length > 6)
        {
            var comparer = attribute is TokenAttribute.Lemma or TokenAttribute.Ent or TokenAttribute.Tag ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            _set = _values.ToFrozenSet(comparer).GetAlternateLookup<ReadOnlySpan<char>>();
            _useSet = true;
        }
    }

    public TokenAttribute Attribute { get; }

    public bool Negated { get; }

    public TokenFlag Flag { get; }

    /// <summary>Literal alternatives (lower-cased for <c>lower</c>/<c>lemma</c>), used to index patterns by their first token.</summary>
    public IReadOnlyList<string> Literals => _values;

    /// <summary>True when the condition only accepts tokens whose lower-case form is one of <see cref="Literals"/>.</summary>
    public bool IsLowerLiteral => !Negated && _prefixes.Length == 0 && !_anyValue && _values.Length > 0 &&
                                  Attribute is TokenAttribute.Lower or TokenAttribute.Text;

    /// <summary>True when the condition only accepts tokens whose lemma (or lower-case form, untagged) is one of <see cref="Literals"/>.</summary>
    public bool IsLemmaLiteral => !Negated && _prefixes.Length == 0 && !_anyValue && _values.Length > 0 && Attribute == TokenAttribute.Lemma;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Matches(Document doc, int index) => Test(doc, index) != Negated;

    private bool Test(Document doc, int index)
    {
        ref readonly var t = ref doc.TokenStore[index];
        switch (Attribute)
        {
            case TokenAttribute.Text:
                return MatchString(doc.NormText.AsSpan(t.Start, t.Length), StringComparison.Ordinal);
            case TokenAttribute.Lower:
                return MatchString(doc.LowerText.AsSpan(t.Start, t.Length), StringComparison.Ordinal);
            case TokenAttribute.Lemma:
            {
                var lemma = doc.LemmaAt(index);
                return lemma is null
                    ? MatchString(doc.LowerText.AsSpan(t.Start, t.Length), StringComparison.Ordinal)
                    : MatchString(lemma, StringComparison.OrdinalIgnoreCase);
            }
            case TokenAttribute.Pos:
                return (_posMask & (1UL << (int)doc.PosAt(index))) != 0;
            case TokenAttribute.Tag:
            {
                var tag = doc.TagAt(index);
                return tag is not null && MatchString(tag, StringComparison.OrdinalIgnoreCase);
            }
            case TokenAttribute.Kind:
                return (_kindMask & (1UL << (int)t.Kind)) != 0;
            case TokenAttribute.Shape:
            {
                var span = doc.Text.AsSpan(t.Start, t.Length);
                foreach (var v in _values)
                    if (TokenShape.Equals(span, v)) return true;
                return false;
            }
            case TokenAttribute.Ent:
            {
                var label = EntityLabelAt(doc, index);
                if (label is null) return false;
                if (_anyValue) return true;
                foreach (var v in _values)
                    if (string.Equals(v, label, StringComparison.OrdinalIgnoreCase)) return true;
                return false;
            }
            case TokenAttribute.Flag:
                return TestFlag(doc, index, in t);
            default:
                return false;
        }
    }

    private bool MatchString(ReadOnlySpan<char> s, StringComparison comparison)
    {
        if (_anyValue) return true;
        if (_useSet)
        {
            if (_set.Contains(s)) return true;
        }
        else
        {
            foreach (var v in _values)
                if (s.Equals(v, comparison)) return true;
        }
        foreach (var p in _prefixes)
            if (s.StartsWith(p, comparison)) return true;
        return false;
    }

    private bool TestFlag(Document doc, int index, in TokenData t)
    {
        var s = doc.Text.AsSpan(t.Start, t.Length);
        switch (Flag)
        {
            case TokenFlag.IsTitle:
                if (s.Length == 0 || !char.IsUpper(s[0])) return false;
                foreach (var c in s[1..]) if (char.IsUpper(c)) return false;
                return true;
            case TokenFlag.IsUpper:
            {
                bool any = false;
                foreach (var c in s) { if (char.IsLower(c)) return false; any |= char.IsUpper(c); }
                return any;
            }
            case TokenFlag.IsLower:
            {
                bool any = false;
                foreach (var c in s) { if (char.IsUpper(c)) return false; any |= char.IsLower(c); }
                return any;
            }
            case TokenFlag.IsAlpha:
                foreach (var c in s) if (!char.IsLetter(c)) return false;
                return s.Length > 0;
            case TokenFlag.IsDigit:
                foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
                return s.Length > 0;
            case TokenFlag.IsPunct:
                return t.Kind == TokenKind.Punctuation;
            case TokenFlag.SentStart:
                return index == 0 || (doc.SentenceIndexOf(index) >= 0 && doc.SentenceIndexOf(index) != doc.SentenceIndexOf(index - 1));
            default:
                return false;
        }
    }

    /// <summary>Label name of the entity that covers the token, or null (binary search; entities are sorted and non-overlapping).</summary>
    internal static string? EntityLabelAt(Document doc, int index)
    {
        var ents = doc.Entities;
        int lo = 0, hi = ents.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var e = ents[mid];
            if (index < e.TokenStart) hi = mid - 1;
            else if (index >= e.TokenEnd) lo = mid + 1;
            else return e.Label.Name;
        }
        return null;
    }

    private static UPos ParsePos(string raw)
    {
        if (Enum.TryParse(raw, true, out UPos p) && Enum.IsDefined(p) && !int.TryParse(raw, out _) && p != UPos.None) return p;
        throw new PatternSyntaxException($"unknown part of speech '{raw}' (expected a UPOS tag: {string.Join(", ", Enum.GetNames<UPos>().Where(n => n != nameof(UPos.None)).Select(n => n.ToUpperInvariant()))})");
    }
}

/// <summary>spaCy-style word shapes: letters become <c>x</c>/<c>X</c>, digits <c>d</c>, other characters stay; runs of the same shape character are cut at four.</summary>
internal static class TokenShape
{
    public static char ShapeChar(char c) => char.IsUpper(c) ? 'X' : char.IsLetter(c) ? 'x' : char.IsDigit(c) ? 'd' : c;

    /// <summary>True when the shape of <paramref name="token"/> equals <paramref name="shape"/>; allocation-free.</summary>
    public static bool Equals(ReadOnlySpan<char> token, string shape)
    {
        int j = 0, run = 0;
        char prev = '\0';
        foreach (var c in token)
        {
            char s = ShapeChar(c);
            if (s == prev) run++; else { prev = s; run = 1; }
            if (run > 4) continue;
            if (j >= shape.Length || shape[j] != s) return false;
            j++;
        }
        return j == shape.Length;
    }

    public static string Of(ReadOnlySpan<char> token)
    {
        var sb = new System.Text.StringBuilder(token.Length);
        int run = 0;
        char prev = '\0';
        foreach (var c in token)
        {
            char s = ShapeChar(c);
            if (s == prev) run++; else { prev = s; run = 1; }
            if (run <= 4) sb.Append(s);
        }
        return sb.ToString();
    }
}

/// <summary>A syntax error inside a pattern; converted to <see cref="ArgumentException"/> or <see cref="DataFileException"/> by the caller.</summary>
internal sealed class PatternSyntaxException(string message) : Exception(message);
