using System.Collections.Concurrent;
using System.Collections.Frozen;
using TextLens.Models;

namespace TextLens.Tagging;

/// <summary>
/// Exceptions for the rule-based lemmatizer, learnt from a treebank: for each (lower-case form, UPOS) whose
/// lemma the suffix rules get wrong (<c>went</c>/VERB → <c>go</c>, <c>children</c>/NOUN → <c>child</c>,
/// <c>better</c>/ADJ → <c>good</c>, <c>me</c>/PRON → <c>I</c>), the treebank's most frequent lemma; plus the set of
/// known lemmas that lets the rules choose between candidates (<c>baked</c> → <c>bake</c>, not <c>bak</c>).
/// Keys are 64-bit hashes of (UPOS, form); lemma strings are stored once.
/// </summary>
internal sealed class LemmaTable
{
    private readonly U64Map<string> _exceptions;
    private readonly U64Map<byte> _known;

    public LemmaTable(IReadOnlyDictionary<ulong, string> exceptions, IEnumerable<ulong> knownLemmas)
    {
        _exceptions = new U64Map<string>(exceptions);
        var known = knownLemmas.Distinct().Order().ToArray();
        _known = new U64Map<byte>(known, new byte[known.Length]);
    }

    private LemmaTable(U64Map<string> exceptions, U64Map<byte> known)
    {
        _exceptions = exceptions;
        _known = known;
    }

    public static LemmaTable Empty { get; } = new(new Dictionary<ulong, string>(), []);

    public int ExceptionCount => _exceptions.Count;
    public int KnownCount => _known.Count;

    public static ulong Key(UPos pos, ReadOnlySpan<char> lower) => FeatureHash.Of(600 + (int)pos, lower);
    public static ulong KnownKey(ReadOnlySpan<char> lemmaLower) => FeatureHash.Of(700, lemmaLower);

    public bool TryGetException(UPos pos, ReadOnlySpan<char> lower, out string lemma) =>
        _exceptions.TryGetValue(Key(pos, lower), out lemma!);

    public bool IsKnown(ReadOnlySpan<char> lemmaLower) => _known.ContainsKey(KnownKey(lemmaLower));

    public void Write(ModelWriter w)
    {
        var pairs = _exceptions.Pairs().ToArray();
        var strings = pairs.Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < strings.Length; i++) index[strings[i]] = i;
        w.WriteStrings(strings);
        w.WriteArray<ulong>(pairs.Select(p => p.Key).ToArray());
        w.WriteArray<int>(pairs.Select(p => index[p.Value]).ToArray());
        w.WriteArray<ulong>(_known.Pairs().Select(p => p.Key).ToArray());
    }

    public static LemmaTable Read(ModelReader r)
    {
        var strings = r.ReadStrings();
        for (int i = 0; i < strings.Length; i++) strings[i] = string.Intern(strings[i]);
        var keys = r.ReadArray<ulong>();
        var refs = r.ReadArray<int>();
        var known = r.ReadArray<ulong>();
        r.EnsureEnd();
        if (keys.Length != refs.Length) throw r.Error("exception keys and lemmas differ in number");
        var values = new string[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            if ((uint)refs[i] >= (uint)strings.Length) throw r.Error($"lemma index {refs[i]} out of range");
            values[i] = strings[refs[i]];
        }
        try { return new LemmaTable(new U64Map<string>(keys, values), new U64Map<byte>(known, new byte[known.Length])); }
        catch (ArgumentException) { throw r.Error("duplicate lemma key"); }
    }
}

/// <summary>
/// POS-aware suffix rules for English lemmas (plural nouns, verb inflections, comparative adjectives),
/// consulting a <see cref="LemmaTable"/> first. Writes the lemma into a caller buffer: no allocation.
/// </summary>
internal static class LemmaRules
{
    /// <summary>
    /// Writes the lemma of a token into <paramref name="dest"/> (at least <c>norm.Length + 2</c> chars) and returns its length,
    /// or −1 when the lemma is an exception string, returned in <paramref name="exception"/>.
    /// </summary>
    public static int Lemmatize(LemmaTable table, ReadOnlySpan<char> norm, ReadOnlySpan<char> lower, UPos pos, string? xpos,
        Span<char> dest, out string? exception)
    {
        exception = null;
        // Hyphenated compounds: lemmatise the last part, keep the rest as written (follow-ups → follow-up).
        int hyphen = lower.LastIndexOf('-');
        if (hyphen > 0 && hyphen < lower.Length - 1 && pos is not (UPos.Punct or UPos.Sym or UPos.Num or UPos.Propn))
        {
            var head = LowerOrKeep(norm[..(hyphen + 1)], lower[..(hyphen + 1)], pos);
            head.CopyTo(dest);
            int n = Lemmatize(table, norm[(hyphen + 1)..], lower[(hyphen + 1)..], pos, xpos, dest[(hyphen + 1)..], out var ex);
            if (n < 0)
            {
                ex.AsSpan().CopyTo(dest[(hyphen + 1)..]);
                n = ex!.Length;
            }
            return hyphen + 1 + n;
        }
        if (table.TryGetException(pos, lower, out var lemma))
        {
            exception = lemma;
            return -1;
        }
        ReadOnlySpan<char> w = lower;
        switch (pos)
        {
            case UPos.Propn:
                if (xpos == "NNPS" && norm.Length > 3 && norm[^1] == 's' && norm[^2] != 's') return Copy(norm[..^1], dest);
                return Copy(norm, dest);
            case UPos.Noun:
                if (xpos == "NNS" || (xpos is null && w.Length > 3 && w[^1] == 's')) return Copy(KeepCase(norm, Singular(table, w, dest)), dest);
                break;
            case UPos.Verb:
            case UPos.Aux:
                if (xpos is "VBD" or "VBN" && w.EndsWith("ed") && w.Length > 3) return Copy(KeepCase(norm, Stem(table, w[..^2], dest, ied: w.EndsWith("ied"))), dest);
                if (xpos == "VBG" && w.EndsWith("ing") && w.Length > 4) return Copy(KeepCase(norm, Stem(table, w[..^3], dest, ied: false)), dest);
                if (xpos == "VBZ" && w.Length > 2 && w[^1] == 's') return Copy(KeepCase(norm, VerbS(table, w, dest)), dest);
                break;
            case UPos.Adj:
            case UPos.Adv:
                if (xpos is "JJR" or "RBR" && w.EndsWith("er") && w.Length > 4) return Copy(KeepCase(norm, Stem(table, w[..^2], dest, ied: w.EndsWith("ier"))), dest);
                if (xpos is "JJS" or "RBS" && w.EndsWith("est") && w.Length > 5) return Copy(KeepCase(norm, Stem(table, w[..^3], dest, ied: w.EndsWith("iest"))), dest);
                break;
        }
        return Copy(LowerOrKeep(norm, lower, pos), dest);
    }

    /// <summary>Lower-case, except all-capital abbreviations and capitalised adjectives (American, United), which UD keeps.</summary>
    private static ReadOnlySpan<char> LowerOrKeep(ReadOnlySpan<char> norm, ReadOnlySpan<char> lower, UPos pos)
    {
        if (norm.Length == 0 || !char.IsUpper(norm[0])) return lower;
        if (pos == UPos.Adj || pos == UPos.Propn) return norm;
        if (norm.Length > 1 && IsAllUpper(norm)) return norm;
        return lower;
    }

    private static bool IsAllUpper(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (char.IsLower(c)) return false;
        return true;
    }

    // The suffix rules produce lower-case output; all-capital words (NGOS) keep their case.
    private static ReadOnlySpan<char> KeepCase(ReadOnlySpan<char> norm, ReadOnlySpan<char> lemmaLower)
    {
        // NGOs → NGO: when the part the lemma keeps is written in capitals, keep them (a slice of the original).
        int n = Math.Min(norm.Length, lemmaLower.Length);
        if (n > 1 && IsAllUpper(norm[..n]) && norm[..n].Equals(lemmaLower, StringComparison.OrdinalIgnoreCase)) return norm[..n];
        return lemmaLower;
    }

    private static int Copy(ReadOnlySpan<char> s, Span<char> dest)
    {
        if (!s.Overlaps(dest, out int offset) || offset != 0) s.CopyTo(dest);
        return s.Length;
    }

    private static ReadOnlySpan<char> Singular(LemmaTable t, ReadOnlySpan<char> w, Span<char> buf)
    {
        if (w.Length > 4 && w.EndsWith("ies")) return Join(w[..^3], "y", buf);
        if (w.EndsWith("sses") || w.EndsWith("xes") || w.EndsWith("ches") || w.EndsWith("shes") || w.EndsWith("zzes")) return w[..^2];
        if (w.EndsWith("ss") || w.EndsWith("us") || w.EndsWith("is") || w[^1] != 's') return w;
        if (w.EndsWith("oes") && t.IsKnown(w[..^2])) return w[..^2];
        return w[..^1];
    }

    private static ReadOnlySpan<char> VerbS(LemmaTable t, ReadOnlySpan<char> w, Span<char> buf)
    {
        if (w.Length > 4 && w.EndsWith("ies")) return Join(w[..^3], "y", buf);
        if (w.EndsWith("sses") || w.EndsWith("xes") || w.EndsWith("ches") || w.EndsWith("shes") || w.EndsWith("zzes") || (w.EndsWith("oes") && !t.IsKnown(w[..^1])))
            return w[..^2];
        return w[..^1];
    }

    /// <summary>Undoes -ed/-ing/-er/-est: tri(ed) → try, bak(ed) → bake, stopp(ed) → stop, walk(ed) → walk — known lemmas decide.</summary>
    private static ReadOnlySpan<char> Stem(LemmaTable t, ReadOnlySpan<char> stem, Span<char> buf, bool ied)
    {
        if (ied && stem.Length > 1 && stem[^1] == 'i') return Join(stem[..^1], "y", buf);
        if (t.IsKnown(stem)) return stem;
        var withE = Join(stem, "e", buf);
        if (t.IsKnown(withE)) return withE;
        if (stem.Length > 2 && stem[^1] == stem[^2] && !IsVowel(stem[^1]) && stem[^1] is not ('l' or 's' or 'z' or 'f'))
            return stem[..^1];
        if (stem.Length >= 2 && !t.IsKnown(stem))
        {
            // Unknown word: add e after consonant-vowel-consonant endings that English spells with e (-at, -iz, -ur, -ag …)?
            // Without a lexicon the safest default is the bare stem, except a few productive patterns.
            if (stem.EndsWith("at") || stem.EndsWith("iz") || stem.EndsWith("is") || stem.EndsWith("uc") || stem.EndsWith("ut") && stem.Length > 4 || stem.EndsWith("v") || stem.EndsWith("rg") || stem.EndsWith("dg"))
                return Join(stem, "e", buf);
        }
        return stem;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static ReadOnlySpan<char> Join(ReadOnlySpan<char> a, string b, Span<char> buf)
    {
        // buf may alias the input (it is the output buffer); copy through a temporary when needed.
        Span<char> tmp = stackalloc char[a.Length + b.Length];
        a.CopyTo(tmp);
        b.AsSpan().CopyTo(tmp[a.Length..]);
        tmp.CopyTo(buf);
        return buf[..tmp.Length];
    }
}

/// <summary>
/// Interns lemma strings so that lemmatising a known word allocates nothing: lookups by span, shared across
/// threads, bounded in size (beyond the bound, new lemmas are allocated but not kept).
/// </summary>
internal static class LemmaPool
{
    private const int MaxEntries = 200_000;
    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    // Entries added, counted here because ConcurrentDictionary.Count takes every lock of the table: on varied text,
    // where many lemmas are new, that cost more than the rest of the lemmatizer.
    private static int _added;

    public static string Get(ReadOnlySpan<char> s)
    {
        if (Lookup.TryGetValue(s, out var v)) return v;
        var str = s.ToString();
        if (Volatile.Read(ref _added) >= MaxEntries) return str;
        var pooled = Pool.GetOrAdd(str, str);
        if (ReferenceEquals(pooled, str)) Interlocked.Increment(ref _added);
        return pooled;
    }
}
