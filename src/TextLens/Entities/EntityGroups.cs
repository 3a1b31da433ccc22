namespace TextLens.Entities;

/// <summary>The mentions of one entity in a document, named by its longest mention.</summary>
internal sealed class EntityGroup(EntityLabel label, int first)
{
    public EntityLabel Label { get; } = label;

    /// <summary>The longest mention as written (the first of equally long ones).</summary>
    public string Text { get; set; } = "";

    /// <summary>Position of the group's first mention among the groups.</summary>
    public int First { get; } = first;

    /// <summary>Indexes into <see cref="Document.Entities"/>, in document order.</summary>
    public List<int> Members { get; } = [];
}

/// <summary>
/// Groups a document's entity mentions (dates excluded) into entities, for the tone per entity: the same label and
/// normalised text (case and spacing ignored), a gazetteer alias ("EU" with "European Union", "U.S." with "United
/// States"), or a person's surname with the full name the document gives ("Bayramov" with "Jeyhun Bayramov"; a surname
/// two full names share, like "Aliyev" after "Ilham Aliyev" and "Heydar Aliyev", stays on its own). Deterministic.
/// </summary>
internal static class EntityGroups
{
    public static IReadOnlyList<EntityGroup> Of(Document doc)
    {
        var fullNames = PersonFullNames(doc);
        var groups = new Dictionary<(string Label, string Key), EntityGroup>();
        var order = new List<EntityGroup>();
        for (int i = 0; i < doc.Entities.Count; i++)
        {
            var e = doc.Entities[i];
            if (e.Label == EntityLabel.Date) continue;
            string name = e.Label == EntityLabel.Person && fullNames.TryGetValue(e.Text, out var full) ? full : Gazetteer.CanonicalName(e.Text);
            var key = (e.Label.Name, Normalise(name));
            if (!groups.TryGetValue(key, out var g))
            {
                g = new EntityGroup(e.Label, order.Count) { Text = e.Text };
                groups.Add(key, g);
                order.Add(g);
            }
            g.Members.Add(i);
            if (e.Text.Length > g.Text.Length) g.Text = e.Text;
        }
        return order;
    }

    /// <summary>Lower case, curly quotes and dashes as their ASCII forms, white space runs as one space, trimmed.</summary>
    private static string Normalise(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02BC' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }
        return sb.ToString();
    }

    /// <summary>Surname or shorter full name → the longest full name the document gives for it; ambiguous surnames map to nothing.</summary>
    private static Dictionary<string, string> PersonFullNames(Document doc)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in doc.Entities)
        {
            if (e.Label != EntityLabel.Person) continue;
            int space = e.Text.LastIndexOf(' ');
            if (space <= 0) continue;
            string surname = e.Text[(space + 1)..];
            if (!map.TryGetValue(surname, out var known)) map[surname] = e.Text;
            else if (known == e.Text || known.EndsWith(" " + e.Text, StringComparison.Ordinal)) { } // the same or a shorter form
            else if (e.Text.EndsWith(" " + known, StringComparison.Ordinal)) map[surname] = e.Text; // a longer form
            else ambiguous.Add(surname); // "Ilham Aliyev" and "Heydar Aliyev"
        }
        foreach (var a in ambiguous) map.Remove(a);
        // shorter full names go to the longest one ending in them: "Tayyip Erdoğan" → "Recep Tayyip Erdoğan"
        foreach (var e in doc.Entities)
        {
            if (e.Label != EntityLabel.Person) continue;
            int space = e.Text.LastIndexOf(' ');
            if (space > 0 && map.TryGetValue(e.Text[(space + 1)..], out var longest) && longest.EndsWith(e.Text, StringComparison.Ordinal))
                map.TryAdd(e.Text, longest);
        }
        return map;
    }
}
