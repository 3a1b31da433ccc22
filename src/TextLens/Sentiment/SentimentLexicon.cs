using System.Collections.Frozen;
using System.Globalization;
using TextLens.Models;

namespace TextLens;

/// <summary>The role a lexicon phrase plays in sentiment scoring (the <c>kind</c> column of the lexicon file).</summary>
public enum SentimentCueKind : byte
{
    /// <summary>A phrase with a valence (-4..+4, VADER's scale).</summary>
    Valence,
    /// <summary>An intensifier (positive weight) or dampener (negative weight), added to the magnitude of the valence it precedes.</summary>
    Booster,
    /// <summary>A negator; its weight (below zero) multiplies the valence of the phrases in its scope.</summary>
    Negator,
    /// <summary>A contrast word ("but", "however"): what follows is multiplied by the weight, what precedes by 2 − weight.</summary>
    Contrast,
    /// <summary>A concessive word ("although", "despite"): the clause it opens is multiplied by the weight, the rest of the sentence by 2 − weight.</summary>
    Concessive,
    /// <summary>A modal marker ("would", "could", "should", "need to"): from the start of its clause to the next contrast, the sentence is multiplied by the weight.</summary>
    Irrealis,
    /// <summary>A hedge ("likely", "perhaps"); used only when the document carries no stance cues. The sentence is multiplied by the weight.</summary>
    Hedge,
    /// <summary>A reporting phrase ("said", "according to"): the reported content is kept apart and multiplied by the weight.</summary>
    Reporting,
    /// <summary>A conditional subordinator ("if", "unless"): the clause it opens is multiplied by the weight.</summary>
    Conditional,
    /// <summary>A polarity shifter ("eliminate", "prevent", "ease"): like a negator for the phrases it governs, but neutral on its own.</summary>
    Shifter,
    /// <summary>
    /// An event word ("death", "killed", "war", "accused"): it reports what happened, so it carries no tone on its own; its
    /// valence (-4..+4) counts only when a negator or shifter governs it ("no casualties", "prevented a war").
    /// </summary>
    Event,
}

/// <summary>
/// The sentiment lexicon: phrases of one or more tokens with a <see cref="SentimentCueKind"/> and a weight, read from a CSV
/// file with columns <c>phrase,kind,weight</c> and an optional <c>scope</c> (see <c>data/lexicons/sentiment.csv</c>). Phrases are matched on token
/// boundaries, case-insensitively, longest first, through a trie keyed by lower-cased token spans (no allocation).
/// Immutable and thread-safe.
/// </summary>
public sealed class SentimentLexicon
{
    /// <summary>The format version this code reads (first line <c># TextLens sentiment lexicon, version 1</c>; optional in user files).</summary>
    public const int FormatVersion = 1;

    private const string VersionPrefix = "# TextLens sentiment lexicon, version ";
    private const string EmbeddedPath = "lexicons/sentiment.csv";
    private static readonly Lazy<SentimentLexicon> LazyDefault = new(() =>
        Parse(EmbeddedData.ReadText(EmbeddedPath), EmbeddedData.DisplayName(EmbeddedPath)), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Node _root;

    private SentimentLexicon(Node root, int count)
    {
        _root = root;
        Count = count;
    }

    /// <summary>The built-in lexicon (VADER plus policy and diplomatic vocabulary), loaded once.</summary>
    public static SentimentLexicon Default => LazyDefault.Value;

    /// <summary>Number of phrases (hyphenated phrases also match with spaces; those variants are not counted).</summary>
    public int Count { get; }

    /// <summary>Loads a lexicon file.</summary>
    /// <param name="path">Path of a CSV file with columns <c>phrase,kind,weight</c>.</param>
    /// <returns>The lexicon.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="DataFileException">The file cannot be read or is malformed; the message names the file, line and problem.</exception>
    public static SentimentLexicon Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, 0, $"cannot be read: {e.Message}", e);
        }
        return Parse(text, path);
    }

    /// <summary>Reads a lexicon from CSV text.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="name">Name used in error messages.</param>
    /// <returns>The lexicon.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="DataFileException">The text is malformed.</exception>
    public static SentimentLexicon Load(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        return Parse(reader.ReadToEnd(), name);
    }

    /// <summary>Looks up a phrase exactly (case-insensitive, tokenised like document text).</summary>
    /// <param name="phrase">The phrase, such as <c>territorial claims</c>.</param>
    /// <param name="kind">The phrase's kind when found.</param>
    /// <param name="weight">The phrase's weight when found.</param>
    /// <returns>True when the lexicon has the phrase.</returns>
    public bool TryGet(string phrase, out SentimentCueKind kind, out double weight)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var doc = Tokenizer.Default.Tokenize(phrase);
        var node = _root;
        foreach (var t in doc.Tokens)
        {
            if (node.Children is null || !node.Lookup.TryGetValue(t.Lower, out var next)) { node = null; break; }
            node = next;
        }
        if (node is { HasEntry: true } && doc.Tokens.Count > 0)
        {
            kind = node.Kind;
            weight = node.Weight;
            return true;
        }
        kind = default;
        weight = 0;
        return false;
    }

    /// <summary>
    /// Longest phrase starting at token <paramref name="i"/> and ending before <paramref name="end"/>; returns its node
    /// and sets <paramref name="length"/> (tokens), or null. A single token with no entry is retried with its lemma.
    /// </summary>
    internal Node? Match(Document doc, int i, int end, out int length)
    {
        var tokens = doc.TokenStore;
        string lower = doc.LowerText;
        Node? best = null;
        length = 0;
        var node = _root;
        for (int j = i; j < end; j++)
        {
            if (node.Children is null) break;
            ref readonly var t = ref tokens[j];
            if (!node.Lookup.TryGetValue(lower.AsSpan(t.Start, t.Length), out var next)) break;
            node = next;
            if (node.HasEntry)
            {
                best = node;
                length = j - i + 1;
            }
        }
        if (best is null && _root.Children is not null && doc.LemmaAt(i) is { Length: > 0 } lemma && _root.Lookup.TryGetValue(lemma.AsSpan(), out var byLemma) && byLemma.HasEntry && byLemma.Kind is SentimentCueKind.Valence or SentimentCueKind.Event)
        {
            best = byLemma;
            length = 1;
        }
        return best;
    }

    internal static SentimentLexicon Parse(string text, string name)
    {
        CheckVersion(text, name);
        var rows = CsvTable.Read(text, name, "phrase", "kind", "weight");
        var root = new Node();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        int count = 0;
        var variants = new List<(string Phrase, SentimentCueKind Kind, float Weight, bool Around)>();
        foreach (var row in rows)
        {
            string phrase = row.Required("phrase").Trim();
            var kind = row.Enum<SentimentCueKind>("kind");
            double weight = row.Double("weight");
            string? range = kind switch
            {
                SentimentCueKind.Valence or SentimentCueKind.Event when weight < -4 || weight > 4 => "-4..4",
                SentimentCueKind.Booster when weight < -1 || weight > 1 => "-1..1",
                SentimentCueKind.Negator or SentimentCueKind.Shifter when weight < -1 || weight >= 0 => "-1..0 (exclusive of 0)",
                SentimentCueKind.Contrast when weight < 1 || weight > 2 => "1..2",
                SentimentCueKind.Concessive or SentimentCueKind.Irrealis or SentimentCueKind.Hedge or SentimentCueKind.Reporting or SentimentCueKind.Conditional when weight < 0 || weight > 1 => "0..1",
                _ => null,
            };
            if (range is not null) throw row.Error($"weight {weight.ToString(CultureInfo.InvariantCulture)} is outside {range} for kind {kind}");
            bool around = (row.Optional("scope") ?? "").Trim().ToLowerInvariant() switch
            {
                "" or "after" => false,
                "around" when kind is SentimentCueKind.Negator or SentimentCueKind.Shifter => true,
                "around" => throw row.Error($"scope 'around' is only allowed for negators and shifters, not {kind}"),
                var other => throw row.Error($"column 'scope' has unknown value '{other}' (expected after or around)"),
            };
            string[] tokens = TokensOf(phrase);
            if (tokens.Length == 0) throw row.Error($"phrase '{phrase}' has no tokens");
            string key = string.Join(' ', tokens);
            if (firstLine.TryGetValue(key, out int first)) throw row.Error($"duplicate phrase '{phrase}' (first on line {first})");
            firstLine[key] = row.Line;
            Insert(root, phrase, tokens, kind, (float)weight, around);
            count++;
            if (phrase.Contains('-')) variants.Add((phrase.Replace('-', ' '), kind, (float)weight, around));
        }
        foreach (var (phrase, kind, weight, around) in variants)
        {
            string[] tokens = TokensOf(phrase);
            if (tokens.Length > 0 && !firstLine.ContainsKey(string.Join(' ', tokens))) Insert(root, phrase, tokens, kind, weight, around);
        }
        root.Freeze();
        return new SentimentLexicon(root, count);
    }

    private static void CheckVersion(string text, string name)
    {
        if (!text.StartsWith(VersionPrefix, StringComparison.Ordinal)) return;
        int eol = text.IndexOfAny(['\r', '\n']);
        var v = text.AsSpan(VersionPrefix.Length, (eol < 0 ? text.Length : eol) - VersionPrefix.Length).Trim();
        if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int version))
            throw new DataFileException(name, 1, $"unreadable version '{v}'");
        if (version != FormatVersion)
            throw new DataFileException(name, 1, $"lexicon format version {version} is not supported (this TextLens reads version {FormatVersion})");
    }

    /// <summary>The phrase's lower-cased tokens, split exactly as document text is (letters-only words skip the tokenizer).</summary>
    private static string[] TokensOf(string phrase)
    {
        bool simple = phrase.Length > 0;
        foreach (char c in phrase)
            if (!char.IsAsciiLetter(c)) { simple = false; break; }
        if (simple) return [phrase.ToLowerInvariant()];
        return Tokenizer.Default.Tokenize(phrase).Tokens.Select(t => t.Lower.ToString()).ToArray();
    }

    private static void Insert(Node root, string phrase, string[] tokens, SentimentCueKind kind, float weight, bool around)
    {
        var node = root;
        foreach (var k in tokens)
        {
            node.Building ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Building.TryGetValue(k, out var next)) node.Building[k] = next = new Node();
            node = next;
        }
        node.HasEntry = true;
        node.Kind = kind;
        node.Weight = weight;
        node.ReachesBack = around;
        node.Phrase = phrase;
        node.TokenCount = tokens.Length;
    }

    /// <summary>A trie node; after <see cref="Freeze"/> it is immutable.</summary>
    internal sealed class Node
    {
        public Dictionary<string, Node>? Building;
        public FrozenDictionary<string, Node>? Children;
        public FrozenDictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> Lookup;
        public bool HasEntry;
        public SentimentCueKind Kind;
        public float Weight;
        public bool ReachesBack;
        public string Phrase = "";
        public int TokenCount;

        public void Freeze()
        {
            if (Building is null) return;
            foreach (var child in Building.Values) child.Freeze();
            Children = Building.ToFrozenDictionary(StringComparer.Ordinal);
            Lookup = Children.GetAlternateLookup<ReadOnlySpan<char>>();
            Building = null;
        }
    }
}
