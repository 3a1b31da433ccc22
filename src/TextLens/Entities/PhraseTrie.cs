using System.Runtime.InteropServices;

namespace TextLens.Entities;

/// <summary>
/// A trie of unit sequences (phrases) with a label on each phrase end: one hash lookup per text unit
/// (span-keyed vocabulary) plus one integer lookup per trie step. Built once, then read-only and thread-safe.
/// </summary>
internal sealed class PhraseTrie
{
    private readonly Dictionary<string, int> _vocab;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _vocabLookup;
    private readonly Dictionary<long, int> _next = new();
    private readonly List<EntityLabel?> _labels = [null];
    // One bit per UTF-16 code unit: set when some phrase's first unit starts with that character. A text unit whose
    // first character is not set cannot start a match, so the matchers skip it without hashing the unit (most
    // lower-case words and punctuation in running text). Exact: the vocabulary lookup would fail for it anyway.
    private readonly ulong[] _firstChars = new ulong[65536 / 64];
    // One bit per ASCII pair (first two characters of a phrase's first unit; '\0' as the second for a one-character
    // unit): a text unit whose pair is not set cannot start a match either. Disabled (all pass) if a first unit starts
    // with a non-ASCII character. Exact like _firstChars: the vocabulary lookup would fail anyway.
    private readonly ulong[] _firstPairs = new ulong[128 * 128 / 64];
    private bool _pairsExact = true;

    public PhraseTrie(bool ignoreCase = false)
    {
        IgnoreCase = ignoreCase;
        _vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        _vocabLookup = _vocab.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when phrases match regardless of letter case.</summary>
    public bool IgnoreCase { get; }

    /// <summary>True when some phrase starts with a character that is not an upper-case letter.</summary>
    public bool HasNonCapitalStart { get; private set; }

    /// <summary>Number of phrases.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// A case-insensitive copy that every <see cref="Add"/> also fills (null when none was asked for): the same names for
    /// lines written in capitals ("KYIV", "UKRAINE AND POLAND SIGN GRAIN DEAL"), where the case-sensitive trie finds nothing.
    /// </summary>
    public PhraseTrie? CaseFolded { get; init; }

    /// <summary>Adds a phrase; returns false when the phrase is empty or already present (the first label wins).</summary>
    public bool Add(string phrase, EntityLabel label)
    {
        CaseFolded?.Add(phrase, label);
        var parts = EntityUnits.Split(IgnoreCase ? phrase.ToLowerInvariant() : phrase);
        if (parts.Count == 0) return false;
        int node = 0;
        _firstChars[parts[0][0] >> 6] |= 1UL << (parts[0][0] & 63);
        char a = parts[0][0], b = parts[0].Length > 1 ? parts[0][1] : '\0';
        if (a < 128 && b < 128) _firstPairs[(a * 128 + b) >> 6] |= 1UL << ((a * 128 + b) & 63);
        else _pairsExact = false;
        foreach (var p in parts)
        {
            ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(_vocab, p, out bool exists);
            if (!exists) id = _vocab.Count;
            long key = ((long)node << 32) | (uint)id;
            ref int child = ref CollectionsMarshal.GetValueRefOrAddDefault(_next, key, out bool has);
            if (!has) { child = _labels.Count; _labels.Add(null); }
            node = child;
        }
        if (_labels[node] is not null) return false;
        if (!char.IsUpper(parts[0][0])) HasNonCapitalStart = true;
        _labels[node] = label;
        Count++;
        return true;
    }

    /// <summary>Longest phrase starting at unit <paramref name="start"/>; returns its unit count (0 when none).</summary>
    public int LongestMatch(EntityUnits units, int start, out EntityLabel label)
    {
        label = default;
        if ((uint)start >= (uint)units.Count || !CanStart(units, start)) return 0;
        int node = 0, best = 0;
        for (int i = start; i < units.Count; i++)
        {
            var span = IgnoreCase ? units.LowerAt(i) : units[i];
            if (!_vocabLookup.TryGetValue(span, out int id)) break;
            if (!_next.TryGetValue(((long)node << 32) | (uint)id, out node)) break;
            var l = _labels[node];
            if (l is not null) { best = i - start + 1; label = l.Value; }
        }
        return best;
    }

    /// <summary>False when no phrase can start with unit <paramref name="i"/> (by its first one or two characters).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool CanStart(EntityUnits units, int i)
    {
        string text = IgnoreCase ? units.Lower : units.Text;
        int at = units.Start[i];
        char k = text[at];
        if ((_firstChars[k >> 6] & (1UL << (k & 63))) == 0) return false;
        if (!_pairsExact || k >= 128) return true;
        char b = units.Length[i] > 1 ? text[at + 1] : '\0';
        if (b >= 128) return true;
        int pair = k * 128 + b;
        return (_firstPairs[pair >> 6] & (1UL << (pair & 63))) != 0;
    }

    /// <summary>Label of the phrase that is exactly units [start, end), or null.</summary>
    public EntityLabel? Lookup(EntityUnits units, int start, int end)
    {
        if (start < end && !CanStart(units, start)) return null;
        int node = 0;
        for (int i = start; i < end; i++)
        {
            var span = IgnoreCase ? units.LowerAt(i) : units[i];
            if (!_vocabLookup.TryGetValue(span, out int id)) return null;
            if (!_next.TryGetValue(((long)node << 32) | (uint)id, out node)) return null;
        }
        return _labels[node];
    }

    /// <summary>True when the single unit is a known phrase (any label).</summary>
    public bool ContainsUnit(ReadOnlySpan<char> unit) =>
        _vocabLookup.TryGetValue(unit, out int id) && _next.TryGetValue(id, out int node) && _labels[node] is not null;
}
