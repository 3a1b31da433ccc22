namespace TextLens.Entities;

/// <summary>
/// Merges the candidates of the model, the gazetteer and the rules deterministically: the longest span wins, then the
/// more specific source (user rule, built-in rule, gazetteer, model), then the earlier start. Afterwards it propagates
/// person names through the document ("Jeyhun Bayramov" … "Bayramov") and labels an acronym in brackets after an organisation.
/// </summary>
internal static class EntityResolver
{
    private static readonly Comparison<EntityCandidate> Order = (a, b) =>
    {
        int c = b.Length.CompareTo(a.Length);
        if (c != 0) return c;
        c = b.Rank.CompareTo(a.Rank);
        if (c != 0) return c;
        c = a.UnitStart.CompareTo(b.UnitStart);
        if (c != 0) return c;
        return string.CompareOrdinal(a.Label.Name, b.Label.Name);
    };

    /// <summary>A model span that overlaps a gazetteer or rule span needs at least this confidence to compete with it.</summary>
    public const double OverrideConfidence = 0.9;

    public static List<EntityCandidate> Resolve(EntityUnits u, List<EntityCandidate> candidates, PhraseTrie gazetteer)
    {
        DropWeakModelSpans(u, candidates);
        candidates.Sort(Order);
        var owner = new int[u.Count];
        Array.Fill(owner, -1);
        var chosen = new List<EntityCandidate>();
        foreach (var c in candidates)
        {
            if (c.UnitStart < 0 || c.UnitEnd > u.Count || c.UnitEnd <= c.UnitStart) continue;
            if (IsFree(owner, c.UnitStart, c.UnitEnd)) Take(owner, chosen, c);
        }
        PropagatePersons(u, owner, chosen, gazetteer);
        BracketAcronyms(u, owner, chosen);
        chosen.Sort((a, b) => a.UnitStart.CompareTo(b.UnitStart));
        return chosen;
    }

    /// <summary>Model spans that overlap a gazetteer or rule span compete only when the model is confident.</summary>
    private static void DropWeakModelSpans(EntityUnits u, List<EntityCandidate> candidates)
    {
        var covered = new bool[u.Count];
        bool any = false;
        foreach (var c in candidates)
        {
            if (c.Source == EntitySource.Model) continue;
            for (int i = c.UnitStart; i < c.UnitEnd && i < covered.Length; i++) covered[i] = true;
            any = true;
        }
        if (!any) return;
        candidates.RemoveAll(c =>
        {
            if (c.Source != EntitySource.Model || c.Confidence >= OverrideConfidence) return false;
            for (int i = c.UnitStart; i < c.UnitEnd; i++) if (covered[i]) return true;
            return false;
        });
    }

    private static bool IsFree(int[] owner, int start, int end)
    {
        for (int i = start; i < end; i++) if (owner[i] >= 0) return false;
        return true;
    }

    private static void Take(int[] owner, List<EntityCandidate> chosen, EntityCandidate c)
    {
        for (int i = c.UnitStart; i < c.UnitEnd; i++) owner[i] = chosen.Count;
        chosen.Add(c);
    }

    /// <summary>Other mentions of a found person — the full name or the surname alone — are the same person.</summary>
    private static void PropagatePersons(EntityUnits u, int[] owner, List<EntityCandidate> chosen, PhraseTrie gazetteer)
    {
        var names = new List<string[]>();
        foreach (var c in chosen)
        {
            if (c.Label != EntityLabel.Person) continue;
            var parts = new string[c.Length];
            for (int i = 0; i < parts.Length; i++) parts[i] = u[c.UnitStart + i].ToString();
            names.Add(parts);
            if (parts.Length >= 2 && char.IsUpper(parts[^1][0]) && parts[^1].Length > 2) names.Add([parts[^1]]);
        }
        if (names.Count == 0) return;
        names.Sort((a, b) => b.Length.CompareTo(a.Length));
        for (int i = 0; i < u.Count; i++)
        {
            if (owner[i] >= 0 || !u.IsCap(i)) continue;
            if (i > 0 && u.Touches(i - 1) && EntityUnits.IsWordChar(u.Text[u.Start[i - 1]])) continue;
            foreach (var name in names)
            {
                int end = i + name.Length;
                if (end > u.Count) continue;
                bool match = true;
                for (int k = 0; k < name.Length && match; k++) match = u[i + k].SequenceEqual(name[k]) && owner[i + k] < 0;
                if (!match) continue;
                if (end < u.Count && u.IsCap(end) && !u.LineBreakAfter(end - 1) && u.IsWord(end)) continue; // part of a longer name
                if (name.Length == 1 && gazetteer.Lookup(u, i, end) is not null) continue;
                Take(owner, chosen, new EntityCandidate(i, end, EntityLabel.Person, EntitySource.Rule, EntityCandidate.BuiltInRuleRank, null));
                i = end - 1;
                break;
            }
        }
    }

    /// <summary>"Center for Strategic Studies (CSS)": the bracketed acronym is an organisation too.</summary>
    private static void BracketAcronyms(EntityUnits u, int[] owner, List<EntityCandidate> chosen)
    {
        int n = chosen.Count;
        for (int c = 0; c < n; c++)
        {
            var e = chosen[c];
            if (e.Label != EntityLabel.Org) continue;
            int i = e.UnitEnd;
            if (u.Is(i, "(") && i + 2 < u.Count && u.IsAllCaps(i + 1) && u.Is(i + 2, ")") && owner[i + 1] < 0)
                Take(owner, chosen, new EntityCandidate(i + 1, i + 2, EntityLabel.Org, EntitySource.Rule, EntityCandidate.BuiltInRuleRank, null));
        }
    }
}
