using TextLens.Models;

namespace TextLens.Entities;

/// <summary>
/// The built-in world gazetteer (data/lexicons/gazetteer/*.csv): countries with their long names and
/// demonyms, capitals and major cities, states and provinces, world regions, international organisations,
/// well-known companies; plus a list of given names (a model feature, not entities) and a lower-case
/// place trie for web text ("i live in california"). Loaded once.
/// </summary>
internal static class Gazetteer
{
    private sealed record Tables(PhraseTrie Trie, PhraseTrie LowerPlaces, HashSet<string> GivenNames, Dictionary<string, string> Canonical);

    private static readonly Lazy<Tables> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The built-in phrase trie (case-sensitive).</summary>
    public static PhraseTrie Default => LazyDefault.Value.Trie;

    /// <summary>
    /// Countries, states, cities (GPE) and companies (ORG) matched regardless of case, for names written in lower case;
    /// single words shorter than four letters and names that are also common lower-case words ("turkey", "nice") are left out.
    /// </summary>
    public static PhraseTrie LowerCaseNames => LazyDefault.Value.LowerPlaces;

    /// <summary>Common given names (data/lexicons/gazetteer/given_names.csv), case-sensitive, looked up by span.</summary>
    public static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GivenNames => LazyDefault.Value.GivenNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The name a gazetteer alias stands for ("EU" → "European Union", "U.S." → "United States"), or the text itself
    /// when it is a name or unknown. Only aliases of the same kind: demonyms and capitals are other entities.
    /// </summary>
    public static string CanonicalName(string text) => LazyDefault.Value.Canonical.GetValueOrDefault(text, text);

    /// <summary>Place names that are ordinary words (or too ambiguous) when written in lower case.</summary>
    private static readonly HashSet<string> LowerCaseStop = new(StringComparer.Ordinal)
    {
        "china", "turkey", "chad", "jordan", "georgia", "guinea", "niger", "japan", "nice", "split", "reading", "bath",
        "mobile", "phoenix", "victoria", "cork", "sale", "orange", "queens", "manhattan", "hollywood", "oxford",
        "cambridge", "wellington", "columbia", "tyre", "surrey", "kent", "essex", "goa", "bali", "basel", "lille",
        "pisa", "perth", "halifax", "newcastle", "brighton", "bristol", "leeds", "richmond", "cleveland", "denver",
        "berkeley", "nassau", "tripoli", "malaga", "sidon", "hebron", "giza", "fez", "kano", "cali", "cusco", "congress",
        "senate", "milan", "florence", "naples", "venice", "medina", "mecca", "lagos", "homs", "brest", "salvador",
        "kingston", "providence", "buffalo", "austin", "madison", "charlotte", "quad",
        "america", "states", "union", "republic", "kingdom", "wall street", "silicon valley", "macau", "malta", "male", "lima",
        "manila", "cayenne", "togo", "colombo", "praia", "sucre", "valletta", "apia",
        "yahoo", "adobe", "intel", "chevron", "twitter", "universal studios", "columbia university",
    };

    private static Tables Load()
    {
        var trie = new PhraseTrie { CaseFolded = new PhraseTrie(ignoreCase: true) };
        var lower = new PhraseTrie(ignoreCase: true);
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        // Order matters: when a phrase is in two lists, the first list wins (countries before regions, …).
        LoadCountries(trie, lower, canonical, "lexicons/gazetteer/countries.csv");
        LoadNamed(trie, lower, canonical, "lexicons/gazetteer/cities.csv", EntityLabel.Gpe, null);
        LoadNamed(trie, null, canonical, "lexicons/gazetteer/organizations.csv", EntityLabel.Org, null);
        LoadNamed(trie, null, canonical, "lexicons/gazetteer/regions.csv", EntityLabel.Loc, "adjective");
        LoadNamed(trie, null, canonical, "lexicons/gazetteer/norp.csv", EntityLabel.Norp, null);
        LoadNamed(trie, lower, canonical, "lexicons/gazetteer/places.csv", EntityLabel.Gpe, null);
        LoadNamed(trie, lower, canonical, "lexicons/gazetteer/companies.csv", EntityLabel.Org, null);
        const string names = "lexicons/gazetteer/given_names.csv";
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in CsvTable.Read(EmbeddedData.ReadText(names), EmbeddedData.DisplayName(names), "name"))
            given.Add(row.Required("name"));
        return new Tables(trie, lower, given, canonical);
    }

    private static void AddLower(PhraseTrie? lower, string name, EntityLabel label)
    {
        if (lower is null) return;
        string key = name.ToLowerInvariant();
        var parts = EntityUnits.Split(key);
        if (parts.Count == 0 || !char.IsLetter(parts[0][0]) || (parts.Count == 1 && key.Length < 4) || LowerCaseStop.Contains(key)) return;
        lower.Add(key, label);
    }

    // The first list that names an alias keeps it, as in the trie.
    private static void AddAlias(Dictionary<string, string> canonical, string alias, string name)
    {
        if (alias != name) canonical.TryAdd(alias, name);
    }

    private static void LoadCountries(PhraseTrie trie, PhraseTrie lower, Dictionary<string, string> canonical, string path)
    {
        foreach (var row in CsvTable.Read(EmbeddedData.ReadText(path), EmbeddedData.DisplayName(path), "name", "aliases", "demonyms", "capital"))
        {
            trie.Add(row.Required("name"), EntityLabel.Gpe);
            AddLower(lower, row.Required("name"), EntityLabel.Gpe);
            foreach (var a in SplitList(row.Optional("aliases")))
            {
                AddAlias(canonical, a, row.Required("name"));
                trie.Add(a, EntityLabel.Gpe);
                if (a.Contains(' ') && !a.Contains('.')) AddLower(lower, a, EntityLabel.Gpe);
            }
            foreach (var d in SplitList(row.Optional("demonyms"))) trie.Add(d, EntityLabel.Norp);
            foreach (var c in SplitList(row.Optional("capital"))) { trie.Add(c, EntityLabel.Gpe); AddLower(lower, c, EntityLabel.Gpe); }
        }
    }

    private static void LoadNamed(PhraseTrie trie, PhraseTrie? lower, Dictionary<string, string> canonical, string path, EntityLabel label, string? adjectiveColumn)
    {
        string[] required = adjectiveColumn is null ? ["name", "aliases"] : ["name", "aliases", adjectiveColumn];
        foreach (var row in CsvTable.Read(EmbeddedData.ReadText(path), EmbeddedData.DisplayName(path), required))
        {
            trie.Add(row.Required("name"), label);
            AddLower(lower, row.Required("name"), label);
            foreach (var a in SplitList(row.Optional("aliases")))
            {
                trie.Add(a, label);
                AddAlias(canonical, a, row.Required("name"));
            }
            if (adjectiveColumn is not null)
                foreach (var d in SplitList(row.Optional(adjectiveColumn))) trie.Add(d, EntityLabel.Norp);
        }
    }

    internal static IEnumerable<string> SplitList(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
