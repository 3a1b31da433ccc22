using System.Collections.Frozen;
using TextLens.Models;

namespace TextLens.Tokenization;

/// <summary>What a full stop at the end of an abbreviation means to the sentence splitter.</summary>
internal enum AbbreviationClass : byte
{
    /// <summary>Not an abbreviation.</summary>
    None,
    /// <summary>A title before a name (<c>Dr.</c>): never ends a sentence.</summary>
    Title,
    /// <summary>Never ends a sentence (<c>e.g.</c>, <c>vs.</c>).</summary>
    Inner,
    /// <summary>Does not end a sentence before a number (<c>No. 5</c>).</summary>
    Numeric,
    /// <summary>Ends a sentence only before a typical sentence opener or a line break (<c>etc.</c>, <c>U.S.</c>).</summary>
    Ambiguous,
}

/// <summary>
/// The tokenizer's special cases (spaCy's tokenizer exceptions): exact strings that become fixed pieces,
/// and abbreviations that keep their full stop. Immutable; the default table is the embedded
/// <c>data/lexicons/tokenizer_exceptions.csv</c>.
/// </summary>
internal sealed class TokenizerExceptions
{
    public const string ResourcePath = "lexicons/tokenizer_exceptions.csv";
    public const string FormatHeader = "#format: textlens-tokenizer-exceptions 1";

    private static readonly Lazy<TokenizerExceptions> LazyDefault = new(
        () => Parse(EmbeddedData.ReadText(ResourcePath), EmbeddedData.DisplayName(ResourcePath)),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>One special case: the lengths of its pieces (they add up to the key's length) and its abbreviation class.</summary>
    public sealed record Entry(int[] Pieces, AbbreviationClass Class);

    private readonly FrozenDictionary<string, Entry> _map;
    private readonly FrozenDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    // Quick rejection: which (first, last) character pairs occur in keys; non-ASCII characters map to slot 127.
    private readonly bool[] _firstLast = new bool[128 * 128];

    private TokenizerExceptions(Dictionary<string, Entry> entries)
    {
        _map = entries.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
        MinLength = int.MaxValue;
        foreach (var key in _map.Keys)
        {
            MinLength = Math.Min(MinLength, key.Length);
            MaxLength = Math.Max(MaxLength, key.Length);
            _firstLast[Slot(key[0]) * 128 + Slot(key[^1])] = true;
        }
        if (_map.Count == 0) MinLength = 0;
    }

    /// <summary>The built-in table.</summary>
    public static TokenizerExceptions Default => LazyDefault.Value;

    /// <summary>Length of the shortest key.</summary>
    public int MinLength { get; }

    /// <summary>Length of the longest key: longer chunks are never looked up, which keeps tokenizing linear.</summary>
    public int MaxLength { get; }

    /// <summary>Number of special cases.</summary>
    public int Count => _map.Count;

    /// <summary>Looks up a chunk (case-sensitive, exact).</summary>
    public bool TryGet(ReadOnlySpan<char> chunk, out Entry entry)
    {
        entry = null!;
        if (chunk.Length < MinLength || chunk.Length > MaxLength) return false;
        if (!_firstLast[Slot(chunk[0]) * 128 + Slot(chunk[^1])]) return false;
        return _lookup.TryGetValue(chunk, out entry!);
    }

    private static int Slot(char c) => c < 127 ? c : 127;

    /// <summary>The abbreviation class of a token, or <see cref="AbbreviationClass.None"/> when it is not in the table.</summary>
    public AbbreviationClass ClassOf(ReadOnlySpan<char> token) =>
        TryGet(token, out var e) ? e.Class : AbbreviationClass.None;

    /// <summary>A copy of this table with one more special case (replacing an existing one with the same text).</summary>
    public TokenizerExceptions With(string text, IReadOnlyList<string> pieces)
    {
        var lengths = Validate(text, pieces, out string? problem);
        if (lengths is null) throw new ArgumentException(problem, nameof(pieces));
        var entries = new Dictionary<string, Entry>(_map, StringComparer.Ordinal)
        {
            [text] = new Entry(lengths, AbbreviationClass.None),
        };
        return new TokenizerExceptions(entries);
    }

    /// <summary>Parses the CSV table (columns <c>text</c>, <c>pieces</c>, <c>class</c>) after checking the format header.</summary>
    /// <exception cref="DataFileException">The header is missing or a row is invalid.</exception>
    public static TokenizerExceptions Parse(string csv, string name)
    {
        ArgumentNullException.ThrowIfNull(csv);
        int eol = csv.IndexOf('\n');
        string first = (eol < 0 ? csv : csv[..eol]).TrimEnd('\r').TrimStart('\uFEFF');
        if (first != FormatHeader)
            throw new DataFileException(name, 1, $"missing or unsupported format header: expected '{FormatHeader}', found '{(first.Length > 60 ? first[..60] + "…" : first)}'");
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var row in CsvTable.Read(csv, name, "text", "pieces", "class"))
        {
            string text = row.Required("text");
            string piecesField = row.Optional("pieces") ?? "";
            string[] pieces = piecesField.Length == 0 ? [text] : piecesField.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var lengths = Validate(text, pieces, out string? problem) ?? throw row.Error(problem!);
            string cls = (row.Optional("class") ?? "").Trim();
            var abbreviation = cls switch
            {
                "" or "none" => AbbreviationClass.None,
                "title" => AbbreviationClass.Title,
                "inner" => AbbreviationClass.Inner,
                "numeric" => AbbreviationClass.Numeric,
                "abbr" => AbbreviationClass.Ambiguous,
                _ => throw row.Error($"column 'class' has unknown value '{cls}' (expected title, inner, numeric, abbr or empty)"),
            };
            if (abbreviation != AbbreviationClass.None && (pieces.Length != 1 || !text.EndsWith('.')))
                throw row.Error($"abbreviation '{text}' must be one piece ending with a full stop");
            if (!entries.TryAdd(text, new Entry(lengths, abbreviation)))
                throw row.Error($"duplicate special case '{text}'");
        }
        return new TokenizerExceptions(entries);
    }

    private static int[]? Validate(string text, IReadOnlyList<string> pieces, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(text)) { problem = "the special case's text is empty"; return null; }
        foreach (char c in text)
            if (CharClasses.IsSpace(c)) { problem = $"special case '{text}' contains whitespace"; return null; }
        if (pieces is null || pieces.Count == 0) { problem = $"special case '{text}' has no pieces"; return null; }
        var lengths = new int[pieces.Count];
        int total = 0;
        for (int i = 0; i < pieces.Count; i++)
        {
            string? p = pieces[i];
            if (string.IsNullOrEmpty(p) || total + p.Length > text.Length || string.CompareOrdinal(text, total, p, 0, p.Length) != 0)
            {
                problem = $"the pieces of special case '{text}' ({string.Join(" ", pieces)}) do not spell it exactly";
                return null;
            }
            lengths[i] = p.Length;
            total += p.Length;
        }
        if (total != text.Length) { problem = $"the pieces of special case '{text}' ({string.Join(" ", pieces)}) do not spell it exactly"; return null; }
        return lengths;
    }
}
