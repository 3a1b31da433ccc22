using TextLens.Models;

namespace TextLens.Entities;

/// <summary>
/// The built-in world gazetteer (data/lexicons/gazetteer/*.csv): countries with their long names and
/// demonyms, capitals and major cities, world regions, international organisations. Loaded once.
/// </summary>
internal static class Gazetteer
{
    private static readonly Lazy<PhraseTrie> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The built-in phrase trie (case-sensitive).</summary>
    public static PhraseTrie Default => LazyDefault.Value;

    private static PhraseTrie Load()
    {
        var trie = new PhraseTrie();
        // Order matters: when a phrase is in two lists, the first list wins (countries before regions, …).
        LoadCountries(trie, "lexicons/gazetteer/countries.csv");
        LoadNamed(trie, "lexicons/gazetteer/cities.csv", EntityLabel.Gpe, null);
        LoadNamed(trie, "lexicons/gazetteer/organizations.csv", EntityLabel.Org, null);
        LoadNamed(trie, "lexicons/gazetteer/regions.csv", EntityLabel.Loc, "adjective");
        LoadNamed(trie, "lexicons/gazetteer/norp.csv", EntityLabel.Norp, null);
        return trie;
    }

    private static void LoadCountries(PhraseTrie trie, string path)
    {
        foreach (var row in CsvTable.Read(EmbeddedData.ReadText(path), EmbeddedData.DisplayName(path), "name", "aliases", "demonyms", "capital"))
        {
            trie.Add(row.Required("name"), EntityLabel.Gpe);
            foreach (var a in SplitList(row.Optional("aliases"))) trie.Add(a, EntityLabel.Gpe);
            foreach (var d in SplitList(row.Optional("demonyms"))) trie.Add(d, EntityLabel.Norp);
            foreach (var c in SplitList(row.Optional("capital"))) trie.Add(c, EntityLabel.Gpe);
        }
    }

    private static void LoadNamed(PhraseTrie trie, string path, EntityLabel label, string? adjectiveColumn)
    {
        string[] required = adjectiveColumn is null ? ["name", "aliases"] : ["name", "aliases", adjectiveColumn];
        foreach (var row in CsvTable.Read(EmbeddedData.ReadText(path), EmbeddedData.DisplayName(path), required))
        {
            trie.Add(row.Required("name"), label);
            foreach (var a in SplitList(row.Optional("aliases"))) trie.Add(a, label);
            if (adjectiveColumn is not null)
                foreach (var d in SplitList(row.Optional(adjectiveColumn))) trie.Add(d, EntityLabel.Norp);
        }
    }

    internal static IEnumerable<string> SplitList(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
