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
        var byLabel = new Dictionary<string, Dictionary<string, EntityGroup>>(StringComparer.Ordinal);
        var order = new List<EntityGroup>();
        for (int i = 0; i < doc.Entities.Count; i++)
        {
            var e = doc.Entities[i];
            if (e.Label == EntityLabel.Date) continue;
            string name = e.Label == EntityLabel.Person && fullNames.TryGetValue(e.Text, out var full) ? full : Gazetteer.CanonicalName(e.Text);
            if (!byLabel.TryGetValue(e.Label.Name, out var groups)) byLabel[e.Label.Name] = groups = new(NormalisedComparer.Instance);
            if (!groups.TryGetValue(name, out var g))
            {
                g = new EntityGroup(e.Label, order.Count) { Text = e.Text };
                groups.Add(name, g);
                order.Add(g);
            }
            g.Members.Add(i);
            if (e.Text.Length > g.Text.Length) g.Text = e.Text;
        }
        return order;
    }

    /// <summary>
    /// Compares names as equal when they differ only in case, curly or straight quotes, dash forms and white space
    /// runs (leading and trailing white space ignored); no string is built.
    /// </summary>
    internal sealed class NormalisedComparer : IEqualityComparer<string>
    {
        public static readonly NormalisedComparer Instance = new();

        private static char Fold(char c) => c switch
        {
            '\u2018' or '\u2019' or '\u02BC' => '\'',
            '\u201C' or '\u201D' => '"',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
            _ => char.ToLowerInvariant(c),
        };

        // The folded characters in order, one ' ' for each run of white space between words.
        private static int Next(string s, ref int i, ref bool pendingSpace)
        {
            while (i < s.Length)
            {
                char c = s[i++];
                if (char.IsWhiteSpace(c)) { pendingSpace = true; continue; }
                if (pendingSpace) { pendingSpace = false; i--; return ' '; }
                return Fold(c);
            }
            return -1;
        }

        public bool Equals(string? x, string? y)
        {
            if (ReferenceEquals(x, y)) return true;
            if (x is null || y is null) return false;
            int i = 0, j = 0;
            bool sx = false, sy = false;
            SkipLeading(x, ref i);
            SkipLeading(y, ref j);
            while (true)
            {
                int a = Next(x, ref i, ref sx), b = Next(y, ref j, ref sy); // trailing white space yields nothing
                if (a != b) return false;
                if (a < 0) return true;
            }
        }

        public int GetHashCode(string s)
        {
            var hash = new HashCode();
            int i = 0;
            bool space = false;
            SkipLeading(s, ref i);
            for (int c = Next(s, ref i, ref space); c >= 0; c = Next(s, ref i, ref space)) hash.Add(c);
            return hash.ToHashCode();
        }

        private static void SkipLeading(string s, ref int i)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        }
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
            else if (known == e.Text || EndsWithName(known, e.Text)) { } // the same or a shorter form
            else if (EndsWithName(e.Text, known)) map[surname] = e.Text; // a longer form
            else ambiguous.Add(surname); // "Ilham Aliyev" and "Heydar Aliyev"
        }
        foreach (var a in ambiguous) map.Remove(a);
        // shorter full names go to the longest one ending in them: "Tayyip Erdoğan" → "Recep Tayyip Erdoğan"
        foreach (var e in doc.Entities)
        {
            if (e.Label != EntityLabel.Person) continue;
            int space = e.Text.LastIndexOf(' ');
            if (space > 0 && map.TryGetValue(e.Text[(space + 1)..], out var longest) && EndsWithName(longest, e.Text))
                map.TryAdd(e.Text, longest);
        }
        return map;
    }

    /// <summary>True when <paramref name="full"/> is <paramref name="tail"/> with more given names before it: "Recep Tayyip Erdoğan", "Tayyip Erdoğan".</summary>
    private static bool EndsWithName(string full, string tail) =>
        full.Length > tail.Length && full.EndsWith(tail, StringComparison.Ordinal) && full[^(tail.Length + 1)] == ' ';
}
