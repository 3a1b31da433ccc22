using System.Text.Json;
using TextLens.Entities;
using TextLens.Models;

namespace TextLens;

/// <summary>
/// The user-extensible rule set of the entity recogniser (spaCy's <c>EntityRuler</c>): phrase lists matched with a
/// token trie and token patterns matched with <see cref="PatternMatcher"/>. Immutable: <see cref="Add"/> returns a new ruler.
/// Matches compete with the built-in sources in the resolver and win ties (longest span first, then user rules).
/// </summary>
public sealed class EntityRuler
{
    private readonly PhraseTrie _phrases;
    private readonly PhraseTrie _phrasesIgnoreCase;
    private readonly PatternMatcher? _matcher;

    /// <summary>A ruler without patterns.</summary>
    public static EntityRuler Empty { get; } = new([]);

    private EntityRuler(IReadOnlyList<EntityPattern> patterns)
    {
        Patterns = patterns;
        _phrases = new PhraseTrie();
        _phrasesIgnoreCase = new PhraseTrie(ignoreCase: true);
        foreach (var p in patterns)
        {
            if (p.Phrase is not null) (p.IgnoreCase ? _phrasesIgnoreCase : _phrases).Add(p.Phrase, new EntityLabel(p.Label));
            else
            {
                _matcher ??= new PatternMatcher();
                _matcher.Add(p.Label, p.Tokens!);
            }
        }
        if (_matcher is not null) _matcher.FindAll(Tokenizer.Default.Tokenize("x")); // build the index now: matching is then lock-free
    }

    /// <summary>The patterns, in the order they were added.</summary>
    public IReadOnlyList<EntityPattern> Patterns { get; }

    /// <summary>Returns a ruler with the given patterns added after the existing ones.</summary>
    /// <param name="patterns">The patterns.</param>
    /// <exception cref="ArgumentNullException"><paramref name="patterns"/> or one of them is null.</exception>
    public EntityRuler Add(IEnumerable<EntityPattern> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var list = Patterns.ToList();
        foreach (var p in patterns) list.Add(p ?? throw new ArgumentNullException(nameof(patterns), "A pattern is null."));
        return new EntityRuler(list);
    }

    /// <summary>
    /// Reads patterns from a file: CSV (<c>.csv</c>) with the columns <c>label</c> and either <c>phrase</c> or <c>pattern</c>
    /// (a row fills one of them; optional <c>ignore_case</c> = true/false), or JSON (<c>.json</c>): an array of objects
    /// <c>{"label": "TREATY", "phrase": "Washington Agreement"}</c> or <c>{"label": …, "pattern": "[is_title]+ Treaty"}</c>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The patterns in file order.</returns>
    /// <exception cref="DataFileException">The file cannot be read or a pattern is malformed; the message names the file and line.</exception>
    public static IReadOnlyList<EntityPattern> LoadPatterns(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            string text;
            try { text = File.ReadAllText(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new DataFileException(path, 0, $"cannot be read: {e.Message}", e); }
            return ReadJson(text, path);
        }
        return FromCsvRows(CsvTable.ReadFile(path, "label"));
    }

    /// <summary>Reads patterns in CSV form (see <see cref="LoadPatterns"/>).</summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="name">Name for error messages.</param>
    /// <returns>The patterns in order.</returns>
    /// <exception cref="DataFileException">A pattern is malformed.</exception>
    public static IReadOnlyList<EntityPattern> ReadCsv(string csv, string name)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(name);
        return FromCsvRows(CsvTable.Read(csv, name, "label"));
    }

    /// <summary>Reads patterns in JSON form (see <see cref="LoadPatterns"/>).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="name">Name for error messages.</param>
    /// <returns>The patterns in order.</returns>
    /// <exception cref="DataFileException">The JSON or a pattern is malformed.</exception>
    public static IReadOnlyList<EntityPattern> ReadJson(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(name);
        var result = new List<EntityPattern>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        int LineOf(long byteOffset)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(json);
            int line = 1;
            for (long i = 0; i < byteOffset && i < bytes.Length; i++) if (bytes[i] == '\n') line++;
            return line;
        }
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw new DataFileException(name, 1, "expected a JSON array of patterns");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                int line = LineOf(reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject) throw new DataFileException(name, line, "each pattern must be a JSON object");
                string? label = null, phrase = null, pattern = null;
                bool ignoreCase = false;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string prop = reader.GetString() ?? "";
                    reader.Read();
                    switch (prop)
                    {
                        case "label": label = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new DataFileException(name, LineOf(reader.TokenStartIndex), "'label' must be a string"); break;
                        case "phrase": phrase = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new DataFileException(name, LineOf(reader.TokenStartIndex), "'phrase' must be a string"); break;
                        case "pattern": pattern = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new DataFileException(name, LineOf(reader.TokenStartIndex), "'pattern' must be a string"); break;
                        case "ignore_case": ignoreCase = reader.TokenType == JsonTokenType.True; break;
                        default: throw new DataFileException(name, LineOf(reader.TokenStartIndex), $"unknown property '{prop}' (expected label, phrase, pattern, ignore_case)");
                    }
                }
                result.Add(Make(label, phrase, pattern, ignoreCase, name, line));
            }
        }
        catch (JsonException e)
        {
            throw new DataFileException(name, (int)(e.LineNumber ?? 0) + 1, $"malformed JSON: {e.Message}", e);
        }
        return result;
    }

    private static List<EntityPattern> FromCsvRows(IEnumerable<CsvRow> rows)
    {
        var result = new List<EntityPattern>();
        foreach (var row in rows)
        {
            string? ic = row.Optional("ignore_case")?.Trim();
            bool ignoreCase = ic is not null && ic.Length > 0 && (ic.Equals("true", StringComparison.OrdinalIgnoreCase) || ic == "1"
                || (ic.Equals("false", StringComparison.OrdinalIgnoreCase) || ic == "0" ? false : throw row.Error($"column 'ignore_case' must be true or false, not '{ic}'")));
            result.Add(Make(row.Optional("label"), row.Optional("phrase"), row.Optional("pattern"), ignoreCase, row.File, row.Line));
        }
        return result;
    }

    private static EntityPattern Make(string? label, string? phrase, string? pattern, bool ignoreCase, string file, int line)
    {
        if (string.IsNullOrWhiteSpace(label)) throw new DataFileException(file, line, "the pattern has no label");
        bool hasPhrase = !string.IsNullOrWhiteSpace(phrase), hasPattern = !string.IsNullOrWhiteSpace(pattern);
        if (hasPhrase == hasPattern) throw new DataFileException(file, line, "give exactly one of 'phrase' and 'pattern'");
        try
        {
            return hasPhrase ? EntityPattern.ForPhrase(label, phrase!, ignoreCase) : EntityPattern.FromParsed(label.Trim(), TokenPattern.Parse(pattern!, file, line));
        }
        catch (ArgumentException e)
        {
            throw new DataFileException(file, line, e.Message, e);
        }
    }

    internal void Find(Document doc, EntityUnits units, List<EntityCandidate> output)
    {
        if (_phrases.Count > 0 || _phrasesIgnoreCase.Count > 0)
        {
            for (int i = 0; i < units.Count; i++)
            {
                if (!EntityUnits.IsWordChar(units.Text[units.Start[i]])) continue;
                if (i > 0 && units.Touches(i - 1) && EntityUnits.IsWordChar(units.Text[units.Start[i - 1]])) continue;
                foreach (var trie in (ReadOnlySpan<PhraseTrie>)[_phrases, _phrasesIgnoreCase])
                {
                    if (trie.Count == 0) continue;
                    int n = trie.LongestMatch(units, i, out var label);
                    if (n > 0) output.Add(new EntityCandidate(i, i + n, label, EntitySource.Rule, EntityCandidate.UserRuleRank, null));
                }
            }
        }
        if (_matcher is not null)
        {
            var matches = new List<PatternMatch>();
            _matcher.FindAll(doc, 0, doc.TokenStore.Length, matches);
            foreach (var m in matches)
            {
                int us = units.UnitAt(doc.TokenStore[m.TokenStart].Start);
                int ue = units.UnitAt(doc.TokenStore[m.TokenEnd - 1].End);
                if (ue > us) output.Add(new EntityCandidate(us, ue, new EntityLabel(m.Label), EntitySource.Rule, EntityCandidate.UserRuleRank, null));
            }
        }
    }
}
