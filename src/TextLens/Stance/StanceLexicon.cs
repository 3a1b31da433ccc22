using System.Text;
using System.Text.RegularExpressions;
using TextLens.Models;

namespace TextLens;

/// <summary>
/// The stance cue lexicon: token patterns per cue type with context constraints, read from a CSV file
/// (columns <c>type, pattern, polarity, before, after, not_before, not_after, context, comment</c>; see the README).
/// Immutable and thread-safe. The built-in lexicon is <see cref="Default"/>; users can replace it
/// (<see cref="Load(string)"/>) or extend it (<see cref="Extend(string)"/>).
/// </summary>
public sealed partial class StanceLexicon
{
    internal const string ResourcePath = "lexicons/stance_cues.csv";

    private static readonly Lazy<StanceLexicon> DefaultLexicon = new(() =>
        FromRows(CsvTable.Read(EmbeddedData.ReadText(ResourcePath), EmbeddedData.DisplayName(ResourcePath), "type", "pattern"), null, EmbeddedData.DisplayName(ResourcePath), builtIn: true),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, string> _macros;

    internal sealed record Entry(
        StanceCueType Type,
        StancePolarity? Polarity,
        TokenPattern Pattern,
        TokenPattern? Before,
        TokenPattern? After,
        TokenPattern? NotBefore,
        TokenPattern? NotAfter,
        bool AfterNegative,
        bool NoNegation,
        string File,
        int Line)
    {
        /// <summary>The row is one of the built-in lexicon's: with a stance model it is a feature, not a verdict, unless <see cref="IsRule"/>.</summary>
        public bool IsBuiltIn { get; init; }

        /// <summary>The built-in row carries the context flag <c>rule</c>: precise enough that the model must not override it.</summary>
        public bool IsRule { get; init; }

    }

    private StanceLexicon(List<Entry> entries, Dictionary<string, string> macros)
    {
        Entries = entries.ToArray();
        _macros = macros;
        Matcher = new PatternMatcher();
        for (int i = 0; i < Entries.Length; i++) Matcher.Add(Entries[i].Type.ToString(), Entries[i].Pattern);
        int max = 1;
        foreach (var e in Entries)
            foreach (var p in new[] { e.Before, e.NotBefore })
                if (p is not null) max = Math.Max(max, p.MaxLength ?? TokenPattern.DefaultMaxMatchLength);
        MaxBeforeLength = max;
    }

    /// <summary>The built-in English lexicon (embedded <c>data/lexicons/stance_cues.csv</c>).</summary>
    /// <exception cref="DataFileException">The embedded file is corrupt.</exception>
    public static StanceLexicon Default => DefaultLexicon.Value;

    /// <summary>Number of cue patterns.</summary>
    public int Count => Entries.Length;

    internal Entry[] Entries { get; }

    internal PatternMatcher Matcher { get; }

    internal int MaxBeforeLength { get; }

    /// <summary>Reads a lexicon file that replaces the built-in one.</summary>
    /// <param name="path">A CSV file in the lexicon format.</param>
    /// <returns>The lexicon.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="DataFileException">The file cannot be read or is malformed; the message names the file, line and problem.</exception>
    public static StanceLexicon Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromRows(CsvTable.ReadFile(path, "type", "pattern"), null, path);
    }

    /// <summary>Reads a lexicon in CSV form that replaces the built-in one.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="name">Name used in error messages (a path or resource name).</param>
    /// <returns>The lexicon.</returns>
    /// <exception cref="DataFileException">The text is malformed.</exception>
    public static StanceLexicon Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        return FromRows(CsvTable.Read(reader, name, "type", "pattern"), null, name);
    }

    /// <summary>Returns a new lexicon with this one's entries and macros followed by those of a file.</summary>
    /// <param name="path">A CSV file in the lexicon format; it may use this lexicon's macros (<c>@be</c>, <c>@neg</c> …).</param>
    /// <returns>The combined lexicon.</returns>
    /// <exception cref="DataFileException">The file cannot be read or is malformed.</exception>
    public StanceLexicon Extend(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromRows(CsvTable.ReadFile(path, "type", "pattern"), this, path);
    }

    /// <summary>Returns a new lexicon with this one's entries and macros followed by those read from CSV text.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="name">Name used in error messages.</param>
    /// <returns>The combined lexicon.</returns>
    /// <exception cref="DataFileException">The text is malformed.</exception>
    public StanceLexicon Extend(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        return FromRows(CsvTable.Read(reader, name, "type", "pattern"), this, name);
    }

    private static StanceLexicon FromRows(IEnumerable<CsvRow> rows, StanceLexicon? baseLexicon, string name, bool builtIn = false)
    {
        var entries = baseLexicon is null ? new List<Entry>() : [.. baseLexicon.Entries];
        var macros = baseLexicon is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(baseLexicon._macros, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var typeText = row.Required("type").Trim();
            var patternText = row.Required("pattern");
            if (typeText.Equals("MACRO", StringComparison.OrdinalIgnoreCase))
            {
                var m = MacroDefinition().Match(patternText);
                if (!m.Success) throw row.Error($"macro definition '{patternText}' is not of the form '@name = pattern'");
                var body = Expand(m.Groups[2].Value, macros, row);
                if (!TokenPattern.TryParse(body, out _, out var error)) throw row.Error($"macro @{m.Groups[1].Value}: invalid token pattern '{body}': {error}");
                macros[m.Groups[1].Value] = body;
                continue;
            }
            var type = row.Enum<StanceCueType>("type");
            StancePolarity? polarity = null;
            var pol = row.Optional("polarity")?.Trim();
            if (!string.IsNullOrEmpty(pol)) polarity = row.Enum<StancePolarity>("polarity");
            var context = row.Optional("context")?.Trim() ?? "";
            bool afterNegative = false, noNegation = false, rule = false;
            foreach (var c in context.Split([' ', ';', '|'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (c.Equals("after_negative", StringComparison.OrdinalIgnoreCase)) afterNegative = true;
                else if (c.Equals("no_negation", StringComparison.OrdinalIgnoreCase)) noNegation = true;
                else if (c.Equals("rule", StringComparison.OrdinalIgnoreCase)) rule = true;
                else throw row.Error($"column 'context' has unknown value '{c}' (expected after_negative, no_negation or rule)");
            }
            entries.Add(new Entry(type, polarity,
                TokenPattern.Parse(Expand(patternText, macros, row), row.File, row.Line),
                OptionalPattern(row, "before", macros), OptionalPattern(row, "after", macros),
                OptionalPattern(row, "not_before", macros), OptionalPattern(row, "not_after", macros),
                afterNegative, noNegation, row.File, row.Line)
            {
                IsBuiltIn = builtIn,
                IsRule = rule,
            });
        }
        if (entries.Count == 0) throw new DataFileException(name, 0, "lexicon has no cue patterns");
        return new StanceLexicon(entries, macros);
    }

    private static TokenPattern? OptionalPattern(CsvRow row, string column, Dictionary<string, string> macros)
    {
        var text = row.Optional(column);
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return TokenPattern.Parse(Expand(text, macros, row), row.File, row.Line); }
        catch (DataFileException e) { throw row.Error($"column '{column}': {e.Problem}"); }
    }

    private static string Expand(string pattern, Dictionary<string, string> macros, CsvRow row)
    {
        if (!pattern.Contains('@')) return pattern;
        var sb = new StringBuilder(pattern.Length * 2);
        int last = 0;
        foreach (Match m in MacroUse().Matches(pattern))
        {
            if (!macros.TryGetValue(m.Groups[1].Value, out var body))
                throw row.Error($"unknown macro '@{m.Groups[1].Value}' (define it first with a MACRO row)");
            sb.Append(pattern, last, m.Index - last).Append(body);
            last = m.Index + m.Length;
        }
        return sb.Append(pattern, last, pattern.Length - last).ToString();
    }

    [GeneratedRegex(@"^\s*@([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+?)\s*$")]
    private static partial Regex MacroDefinition();

    [GeneratedRegex(@"@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex MacroUse();
}
