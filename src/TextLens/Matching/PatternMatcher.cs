using System.Collections.Frozen;
using TextLens.Matching;
using TextLens.Models;

namespace TextLens;

/// <summary>A match of one <see cref="PatternMatcher"/> pattern: a token range and the pattern's label.</summary>
/// <param name="PatternIndex">Index of the pattern in the matcher (the order patterns were added).</param>
/// <param name="Label">The label the pattern was added with.</param>
/// <param name="TokenStart">Index of the first matched token.</param>
/// <param name="TokenEnd">Index just past the last matched token.</param>
public readonly record struct PatternMatch(int PatternIndex, string Label, int TokenStart, int TokenEnd)
{
    /// <summary>Number of matched tokens.</summary>
    public int Length => TokenEnd - TokenStart;

    /// <summary>UTF-16 offset of the match's first character in <paramref name="document"/>.</summary>
    /// <param name="document">The document that was matched.</param>
    public int StartOffset(Document document) => document.TokenStore[TokenStart].Start;

    /// <summary>UTF-16 offset just past the match's last character in <paramref name="document"/>.</summary>
    /// <param name="document">The document that was matched.</param>
    public int EndOffset(Document document) => document.TokenStore[TokenEnd - 1].End;

    /// <summary>The matched text (allocates a string).</summary>
    /// <param name="document">The document that was matched.</param>
    public string Text(Document document) => document.Text[StartOffset(document)..EndOffset(document)];
}

/// <summary>
/// Finds many <see cref="TokenPattern"/>s in documents at once (spaCy's <c>Matcher</c>). Patterns are indexed by the
/// literal words their first token can take, so a document is scanned once and only candidate patterns are tried at each
/// token; each attempt is a backtracking-free automaton run bounded by the pattern length, so matching is linear in the
/// document length. Adding patterns is not thread-safe; matching is, and allocates nothing beyond the result list.
/// </summary>
/// <example>
/// <code>
/// var matcher = new PatternMatcher();
/// matcher.Add("REFUSAL", "will|shall not [lemma=sign|ratify]");
/// matcher.Add("REFUSAL", "[lemma=be] not [lower=willing|ready|prepared] to");
/// foreach (var m in matcher.FindAll(doc)) Console.WriteLine($"{m.Label}: {m.Text(doc)}");
/// </code>
/// </example>
public sealed class PatternMatcher
{
    private readonly List<(string Label, TokenPattern Pattern)> _patterns = [];
    private readonly Lock _lock = new();
    private volatile Index? _index;

    private sealed class Index
    {
        public required FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> Lower;
        public required FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> Lemma;
        public required int[] Unanchored;
        public required (string Label, TokenPattern Pattern)[] Patterns;
    }

    /// <summary>Creates an empty matcher.</summary>
    /// <param name="maxMatchLength">The longest match, in tokens, that patterns with unbounded operators (<c>*</c>, <c>+</c>, <c>{m,}</c>) may produce.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMatchLength"/> is less than 1.</exception>
    public PatternMatcher(int maxMatchLength = TokenPattern.DefaultMaxMatchLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMatchLength, 1);
        MaxMatchLength = maxMatchLength;
    }

    /// <summary>The longest match, in tokens, that patterns with unbounded operators may produce.</summary>
    public int MaxMatchLength { get; }

    /// <summary>Number of patterns.</summary>
    public int Count => _patterns.Count;

    /// <summary>The label of the pattern at <paramref name="patternIndex"/>.</summary>
    /// <param name="patternIndex">The index returned by <see cref="Add(string, TokenPattern)"/>.</param>
    public string GetLabel(int patternIndex) => _patterns[patternIndex].Label;

    /// <summary>The pattern at <paramref name="patternIndex"/>.</summary>
    /// <param name="patternIndex">The index returned by <see cref="Add(string, TokenPattern)"/>.</param>
    public TokenPattern GetPattern(int patternIndex) => _patterns[patternIndex].Pattern;

    /// <summary>Parses and adds a pattern.</summary>
    /// <param name="label">A label reported with every match of the pattern (several patterns may share one).</param>
    /// <param name="pattern">The pattern text (syntax: <see cref="TokenPattern"/>).</param>
    /// <returns>The pattern's index, reported as <see cref="PatternMatch.PatternIndex"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The pattern is malformed.</exception>
    public int Add(string label, string pattern) => Add(label, TokenPattern.Parse(pattern));

    /// <summary>Adds a compiled pattern.</summary>
    /// <param name="label">A label reported with every match of the pattern.</param>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The pattern's index, reported as <see cref="PatternMatch.PatternIndex"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public int Add(string label, TokenPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(pattern);
        lock (_lock)
        {
            _patterns.Add((label, pattern));
            _index = null;
            return _patterns.Count - 1;
        }
    }

    /// <summary>
    /// Reads patterns from a CSV file with the columns <c>label</c> and <c>pattern</c> (lines starting with <c>#</c> are comments).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>A new matcher with the file's patterns in file order.</returns>
    /// <exception cref="DataFileException">The file cannot be read, lacks a column, or has a malformed pattern; the message names the file and line.</exception>
    public static PatternMatcher LoadCsv(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromRows(CsvTable.ReadFile(path, "label", "pattern"));
    }

    /// <summary>Reads patterns in CSV form (columns <c>label</c>, <c>pattern</c>) from a reader.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="name">The name used in error messages (a path or resource name).</param>
    /// <returns>A new matcher with the patterns in order.</returns>
    /// <exception cref="DataFileException">A column is missing or a pattern is malformed.</exception>
    public static PatternMatcher ReadCsv(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        return FromRows(CsvTable.Read(reader, name, "label", "pattern"));
    }

    private static PatternMatcher FromRows(IEnumerable<CsvRow> rows)
    {
        var m = new PatternMatcher();
        foreach (var row in rows)
            m.Add(row.Required("label").Trim(), TokenPattern.Parse(row.Required("pattern"), row.File, row.Line));
        return m;
    }

    /// <summary>Finds all matches in a document.</summary>
    /// <param name="document">The document.</param>
    /// <returns>For each start token and each pattern that matches there, the longest match; ordered by start token, then pattern index.</returns>
    public IReadOnlyList<PatternMatch> FindAll(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var results = new List<PatternMatch>();
        FindAll(document, 0, document.TokenStore.Length, results);
        return results;
    }

    /// <summary>Finds all matches inside a token range (such as a sentence); matches never extend past <paramref name="tokenEnd"/>.</summary>
    /// <param name="document">The document.</param>
    /// <param name="tokenStart">First token of the range.</param>
    /// <param name="tokenEnd">Token index just past the range.</param>
    /// <returns>The matches, ordered by start token, then pattern index.</returns>
    public IReadOnlyList<PatternMatch> FindAll(Document document, int tokenStart, int tokenEnd)
    {
        var results = new List<PatternMatch>();
        FindAll(document, tokenStart, tokenEnd, results);
        return results;
    }

    /// <summary>
    /// Appends the matches inside a token range to <paramref name="results"/>; allocates nothing when the list has room.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="tokenStart">First token of the range.</param>
    /// <param name="tokenEnd">Token index just past the range.</param>
    /// <param name="results">Receives the matches, ordered by start token, then pattern index.</param>
    /// <returns>The number of matches appended.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the document.</exception>
    public int FindAll(Document document, int tokenStart, int tokenEnd, List<PatternMatch> results)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(results);
        var tokens = document.TokenStore;
        if (tokenStart < 0 || tokenEnd > tokens.Length || tokenStart > tokenEnd)
            throw new ArgumentOutOfRangeException(nameof(tokenStart), $"Token range [{tokenStart}, {tokenEnd}) is outside the document's {tokens.Length} tokens.");
        var index = _index ?? BuildIndex();
        int before = results.Count;
        var lower = document.LowerText;
        bool hasLemma = index.Lemma.Dictionary.Count > 0;
        for (int i = tokenStart; i < tokenEnd; i++)
        {
            int first = results.Count;
            ref readonly var t = ref tokens[i];
            var key = lower.AsSpan(t.Start, t.Length);
            if (index.Lower.TryGetValue(key, out var ids)) Try(index, ids, document, i, tokenEnd, results);
            if (hasLemma)
            {
                var lemma = document.LemmaAt(i);
                if (index.Lemma.TryGetValue(lemma is null ? key : lemma.AsSpan(), out ids)) Try(index, ids, document, i, tokenEnd, results);
            }
            if (index.Unanchored.Length > 0) Try(index, index.Unanchored, document, i, tokenEnd, results);
            if (results.Count - first > 1) results.Sort(first, results.Count - first, ByPattern.Instance);
        }
        return results.Count - before;
    }

    private void Try(Index index, int[] ids, Document doc, int i, int limit, List<PatternMatch> results)
    {
        foreach (int id in ids)
        {
            var (label, pattern) = index.Patterns[id];
            int end = pattern.MatchAt(doc, i, limit, MaxMatchLength);
            if (end > i) results.Add(new PatternMatch(id, label, i, end));
        }
    }

    /// <summary>
    /// Keeps the longest of overlapping matches (then the earliest, then the lowest pattern index), like spaCy's
    /// <c>filter_spans</c>; the result is ordered by start token.
    /// </summary>
    /// <param name="matches">Matches, in any order.</param>
    /// <returns>Non-overlapping matches.</returns>
    public static List<PatternMatch> SelectLongest(IEnumerable<PatternMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var sorted = matches.OrderByDescending(m => m.Length).ThenBy(m => m.TokenStart).ThenBy(m => m.PatternIndex).ToList();
        var kept = new List<PatternMatch>();
        foreach (var m in sorted)
        {
            bool overlaps = false;
            foreach (var k in kept)
                if (m.TokenStart < k.TokenEnd && k.TokenStart < m.TokenEnd) { overlaps = true; break; }
            if (!overlaps) kept.Add(m);
        }
        kept.Sort((a, b) => a.TokenStart != b.TokenStart ? a.TokenStart.CompareTo(b.TokenStart) : a.PatternIndex.CompareTo(b.PatternIndex));
        return kept;
    }

    private Index BuildIndex()
    {
        lock (_lock)
        {
            if (_index is { } existing) return existing;
            var lower = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var lemma = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
            var unanchored = new List<int>();
            for (int id = 0; id < _patterns.Count; id++)
            {
                var firsts = _patterns[id].Pattern.FirstElements.ToList();
                var lowerKeys = Keys(firsts, c => c.IsLowerLiteral);
                var lemmaKeys = lowerKeys is null ? Keys(firsts, c => c.IsLemmaLiteral) : null;
                if (lowerKeys is not null) foreach (var k in lowerKeys) Bucket(lower, k).Add(id);
                else if (lemmaKeys is not null) foreach (var k in lemmaKeys) Bucket(lemma, k).Add(id);
                else unanchored.Add(id);
            }
            var index = new Index
            {
                Lower = lower.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Distinct().ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(),
                Lemma = lemma.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Distinct().ToArray(), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
                Unanchored = unanchored.ToArray(),
                Patterns = _patterns.ToArray(),
            };
            _index = index;
            return index;
        }
    }

    /// <summary>Lower-cased literal keys when every possible first element has a literal condition of the wanted kind; otherwise null.</summary>
    private static HashSet<string>? Keys(List<TokenCondition[]> firsts, Func<TokenCondition, bool> literal)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var conditions in firsts)
        {
            var c = conditions.FirstOrDefault(literal);
            if (c is null) return null;
            foreach (var v in c.Literals) keys.Add(v.ToLowerInvariant());
        }
        return keys;
    }

    private static List<int> Bucket(Dictionary<string, List<int>> d, string key)
    {
        if (!d.TryGetValue(key, out var list)) d[key] = list = [];
        return list;
    }

    private sealed class ByPattern : IComparer<PatternMatch>
    {
        public static readonly ByPattern Instance = new();
        public int Compare(PatternMatch x, PatternMatch y) => x.PatternIndex.CompareTo(y.PatternIndex);
    }
}
