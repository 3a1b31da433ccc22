using System.Buffers;
using System.Runtime.InteropServices;
using TextLens.Segmentation;

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

    private static readonly Comparison<EntityCandidate> ByStart = (a, b) => a.UnitStart.CompareTo(b.UnitStart);

    /// <summary>A model span that overlaps a gazetteer or rule span needs at least this confidence to compete with it.</summary>
    public const double OverrideConfidence = 0.9;

    public static List<EntityCandidate> Resolve(EntityUnits u, List<EntityCandidate> candidates, PhraseTrie gazetteer)
    {
        DropWeakModelSpans(u, candidates);
        DropModelNonNames(u, candidates);
        SortForResolution(candidates);
        // Pooled (possibly longer than u.Count; only indices below u.Count are used): the unit → chosen-entity map.
        var owner = ArrayPool<int>.Shared.Rent(u.Count);
        Array.Fill(owner, -1);
        var chosen = new List<EntityCandidate>();
        foreach (var c in candidates)
        {
            if (c.UnitStart < 0 || c.UnitEnd > u.Count || c.UnitEnd <= c.UnitStart) continue;
            if (IsFree(owner, c.UnitStart, c.UnitEnd)) Take(owner, chosen, c);
        }
        Bylines(u, owner, chosen);
        PropagatePersons(u, owner, chosen, gazetteer);
        ExtendPersonsLeft(u, owner, chosen, gazetteer);
        JoinNameParticles(u, owner, chosen, gazetteer);
        BracketAcronyms(u, owner, chosen);
        OrganisationContexts(u, owner, chosen);
        PropagateAcronyms(u, owner, chosen);
        ShopNames(u, owner, chosen, gazetteer);
        ArrayPool<int>.Shared.Return(owner);
        chosen.RemoveAll(c => c.Label == BuiltInRules.NotAnEntity); // names that are no entity held their units; now they go
        chosen.Sort(ByStart);
        return chosen;
    }

    /// <summary>
    /// Sorts the candidates into <see cref="Order"/>, fast: the first three criteria (longer, higher rank, earlier start)
    /// are packed into one 64-bit key sorted as a primitive (a delegate call and a 40-byte struct per comparison made the
    /// plain sort the resolver's biggest cost); runs with equal keys are then ordered by label name. Candidates equal
    /// under <see cref="Order"/> are identical (same span, label and source), so the result is the same sequence.
    /// </summary>
    private static void SortForResolution(List<EntityCandidate> candidates)
    {
        var span = CollectionsMarshal.AsSpan(candidates);
        int n = span.Length;
        foreach (var c in span)
            if (c.UnitStart < 0 || c.UnitStart >= 1 << 30 || c.Length < 0 || (uint)c.Rank > 7) { candidates.Sort(Order); return; }
        var keys = ArrayPool<ulong>.Shared.Rent(n);
        var items = ArrayPool<EntityCandidate>.Shared.Rent(n);
        for (int i = 0; i < n; i++)
        {
            var c = span[i];
            keys[i] = ((ulong)(uint)(int.MaxValue - c.Length) << 33) | ((ulong)(uint)(7 - c.Rank) << 30) | (uint)c.UnitStart;
            items[i] = c;
        }
        Array.Sort(keys, items, 0, n);
        for (int i = 0; i < n;)
        {
            int j = i + 1;
            while (j < n && keys[j] == keys[i]) j++;
            if (j - i > 1) items.AsSpan(i, j - i).Sort(Order);
            i = j;
        }
        items.AsSpan(0, n).CopyTo(span);
        ArrayPool<ulong>.Shared.Return(keys);
        ArrayPool<EntityCandidate>.Shared.Return(items, clearArray: true);
    }

    /// <summary>
    /// Model spans never compete with rule spans (titles, dates, head words are more specific than the model) and
    /// compete with gazetteer spans only when the model is confident and the line is not a title-case headline.
    /// </summary>
    private static void DropWeakModelSpans(EntityUnits u, List<EntityCandidate> candidates)
    {
        // Pooled, like owner: per unit, the gazetteer candidate covering it (1 + index, 0 for none) and whether a
        // gazetteer (1) or rule (2) span covers it.
        var gazetteerSpan = ArrayPool<int>.Shared.Rent(u.Count);
        var covered = ArrayPool<byte>.Shared.Rent(u.Count);
        Array.Clear(gazetteerSpan, 0, u.Count);
        Array.Clear(covered, 0, u.Count);
        for (int ci = 0; ci < candidates.Count; ci++)
        {
            var c = candidates[ci];
            if (c.Source == EntitySource.Model) continue;
            byte mark = c.Source == EntitySource.Rule ? (byte)2 : (byte)1;
            for (int i = Math.Max(c.UnitStart, 0); i < c.UnitEnd && i < u.Count; i++)
            {
                covered[i] = Math.Max(covered[i], mark);
                if (c.Source == EntitySource.Gazetteer) gazetteerSpan[i] = ci + 1;
            }
        }
        var headline = TitleCaseLines(u);
        candidates.RemoveAll(c =>
        {
            if (c.Source != EntitySource.Model) return false;
            if (headline[c.UnitStart] && c.Label != EntityLabel.Person) return true; // capitalisation says little on a headline
            if (SplitByGazetteer(gazetteerSpan, u.Count, c)) return true;
            bool confident = c.Confidence >= OverrideConfidence && !headline[c.UnitStart];
            for (int i = c.UnitStart; i < c.UnitEnd; i++)
                if (covered[i] == 2 || (covered[i] == 1 && !confident)) return true;
            return false;
        });
        ArrayPool<int>.Shared.Return(gazetteerSpan);
        ArrayPool<byte>.Shared.Return(covered);
    }

    private static readonly WordSet Determiners = new(
        ["the", "this", "these", "those", "its", "their", "our", "his", "her", "every", "each", "whose"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Model spans that are no names: plural acronyms ("EVs", "NGOs") and acronyms of common nouns ("GDP", "UAV",
    /// <see cref="EntityWords.CommonAcronyms"/>); acronyms the text defines as a common noun
    /// ("battery electric vehicles (BEVs)", "internal combustion engine (ICE)"), everywhere in the document; and
    /// persons after a determiner ("the Concept offers", "this Hydra", "the mythical Hydra") — a person's name takes
    /// no article, unless it modifies a noun ("the Trump administration").
    /// </summary>
    private static void DropModelNonNames(EntityUnits u, List<EntityCandidate> candidates)
    {
        HashSet<string>? defined = null;
        for (int i = 1; i + 2 < u.Count; i++)
        {
            if (!u.Is(i, "(") || !u.Is(i + 2, ")") || !u.IsLowerWord(i - 1)) continue;
            if (IsAcronym(u, i + 1) || IsPluralAcronym(u, i + 1))
            {
                var acronym = u[i + 1];
                if (IsPluralAcronym(u, i + 1)) acronym = acronym[..^1];
                (defined ??= new HashSet<string>(StringComparer.Ordinal)).Add(acronym.ToString());
            }
        }
        var definedLookup = defined?.GetAlternateLookup<ReadOnlySpan<char>>();
        candidates.RemoveAll(c =>
        {
            if (c.Source != EntitySource.Model) return false;
            if (c.Length == 1 && (IsPluralAcronym(u, c.UnitStart) || EntityWords.CommonAcronyms.Contains(u[c.UnitStart]))) return true;
            if (c.Length == 1 && definedLookup is { } d && (IsAcronym(u, c.UnitStart) || IsPluralAcronym(u, c.UnitStart))
                && d.Contains(IsPluralAcronym(u, c.UnitStart) ? u[c.UnitStart][..^1] : u[c.UnitStart]))
                return true;
            if (c.Label != EntityLabel.Person) return false;
            if (c.Length == 1) return AfterDeterminer(u, c.UnitStart) && !ModifiesANoun(u, c.UnitEnd);
            return PlaceHeads.Contains(u[c.UnitEnd - 1]) || CommonWordsOnly(u, c);
        });
    }

    /// <summary>Words that end the name of a street, building or site, never a person's: "Marsham Street", "Eclipse Avenue".</summary>
    private static readonly WordSet PlaceHeads = new(
        ["Street", "Road", "Avenue", "Square", "Lane", "Boulevard", "Building", "Palace", "Airport", "Station", "Stadium"],
        StringComparer.Ordinal);

    /// <summary>
    /// A model person of several words that are all common English words and none a given name ("Policy Concept",
    /// "Direct Investment"): a capitalised phrase, not a name. ("Gordon Brown" keeps its given name.)
    /// </summary>
    private static bool CommonWordsOnly(EntityUnits u, EntityCandidate c) => BuiltInRules.CommonWordsOnly(u, c.UnitStart, c.UnitEnd);

    private static bool IsAcronym(EntityUnits u, int i) => u.IsAllCaps(i) && u.Length[i] >= 2;

    /// <summary>"EVs", "NGOs": capitals and a plural s.</summary>
    private static bool IsPluralAcronym(EntityUnits u, int i)
    {
        if ((uint)i >= (uint)u.Count || u.Length[i] < 3) return false;
        var w = u[i];
        if (w[^1] != 's') return false;
        foreach (char ch in w[..^1]) if (!char.IsUpper(ch)) return false;
        return true;
    }

    /// <summary>A determiner right before <paramref name="s"/>, or before adjectives right before it ("the mythical Hydra").</summary>
    private static bool AfterDeterminer(EntityUnits u, int s)
    {
        int k = s - 1;
        for (int skipped = 0; k >= 0 && skipped < 2 && u.Pos is { } pos && (UPos)pos[k] == UPos.Adj && u.IsLowerWord(k); skipped++) k--;
        return k >= 0 && u.IsWord(k) && Determiners.Contains(u[k]) && !u.LineBreakAfter(k);
    }

    /// <summary>A lower-case noun right after the name: "the Trump administration".</summary>
    private static bool ModifiesANoun(EntityUnits u, int end) =>
        end < u.Count && u.IsLowerWord(end) && u.Pos is { } pos && (UPos)pos[end] == UPos.Noun;

    /// <summary>
    /// True when the gazetteer covers every unit of a model span with two or more of its own names: "Christian Armenia"
    /// is NORP "Christian" and GPE "Armenia", not one place, however sure the model is.
    /// </summary>
    private static bool SplitByGazetteer(int[] gazetteerSpan, int count, EntityCandidate c)
    {
        if (c.UnitStart < 0 || c.UnitEnd > count || c.Length < 2) return false;
        int first = gazetteerSpan[c.UnitStart];
        bool several = false;
        for (int i = c.UnitStart; i < c.UnitEnd; i++)
        {
            if (gazetteerSpan[i] == 0) return false;
            several |= gazetteerSpan[i] != first;
        }
        return several;
    }

    /// <summary>
    /// Units on title-case lines ("Water Diplomacy in Central Asia Needs a New Push"): capitalisation says nothing about
    /// names there, so the model cannot override the gazetteer or the rules on them.
    /// </summary>
    private static bool[] TitleCaseLines(EntityUnits u)
    {
        var flags = new bool[u.Count];
        int start = 0;
        for (int i = 0; i < u.Count; i++)
        {
            if (!u.LineBreakAfter(i)) continue;
            if (Headlines.IsHeadline(u.Text.AsSpan(u.Start[start], u.End(i) - u.Start[start])))
                for (int k = start; k <= i; k++) flags[k] = true;
            start = i + 1;
        }
        return flags;
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
        // names indexed by their first unit, longest first: one hash lookup per capitalised unit (linear in the text)
        var byFirst = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        void AddName(string[] parts)
        {
            if (!byFirst.TryGetValue(parts[0], out var list)) byFirst[parts[0]] = list = [];
            foreach (var p in list) if (p.AsSpan().SequenceEqual(parts)) return;
            list.Add(parts);
            list.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
        foreach (var c in chosen)
        {
            if (c.Label != EntityLabel.Person || c.Length > 8) continue;
            var parts = new string[c.Length];
            for (int i = 0; i < parts.Length; i++) parts[i] = u[c.UnitStart + i].ToString();
            AddName(parts);
            if (parts.Length >= 2 && char.IsUpper(parts[^1][0]) && parts[^1].Length > 2) AddName([parts[^1]]);
        }
        if (byFirst.Count == 0) return;
        var lookup = byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < u.Count; i++)
        {
            if (!u.IsCap(i)) continue;
            if (owner[i] >= 0 && chosen[owner[i]].Source != EntitySource.Model) continue;
            if (i > 0 && u.Touches(i - 1) && EntityUnits.IsWordChar(u.Text[u.Start[i - 1]])) continue;
            if (!lookup.TryGetValue(u[i], out var names)) continue;
            foreach (var name in names)
            {
                int end = i + name.Length;
                if (end > u.Count) continue;
                bool match = true;
                for (int k = 0; k < name.Length && match; k++) match = u[i + k].SequenceEqual(name[k]) && owner[i + k] < 0;
                if (!match)
                {
                    // the model gave exactly this name another label elsewhere: the person reading wins (one name, one label per document)
                    int o = owner[i];
                    if (o >= 0 && chosen[o].Source == EntitySource.Model && chosen[o].UnitStart == i && chosen[o].UnitEnd == end && chosen[o].Label != EntityLabel.Person)
                    {
                        bool same = true;
                        for (int k = 0; k < name.Length && same; k++) same = u[i + k].SequenceEqual(name[k]);
                        if (same) chosen[o] = chosen[o] with { Label = EntityLabel.Person };
                    }
                    continue;
                }
                if (end < u.Count && u.IsCap(end) && !u.LineBreakAfter(end - 1) && u.IsWord(end)) continue; // part of a longer name
                if (name.Length == 1 && gazetteer.Lookup(u, i, end) is not null) continue;
                if (name.Length == 1 && AfterDeterminer(u, i) && !ModifiesANoun(u, end)) break; // "the Concept", "this Hydra": no person
                Take(owner, chosen, new EntityCandidate(i, end, EntityLabel.Person, EntitySource.Rule, EntityCandidate.BuiltInRuleRank, null));
                i = end - 1;
                break;
            }
        }
    }

    /// <summary>
    /// A person the document mentions more than once ("Kallas" in the headline and the text) takes up to two given
    /// names written right before a mention: "Recep Tayyip Erdoğan", "Kaja Kallas" at the start of a sentence, where
    /// the model often leaves the given name out. A one-off name is left alone: in web text the capitalised word
    /// before it is as often a greeting or a shop ("Hey Vladi").
    /// </summary>
    private static void ExtendPersonsLeft(EntityUnits u, int[] owner, List<EntityCandidate> chosen, PhraseTrie gazetteer)
    {
        Dictionary<string, int>? mentions = null; // surname → mentions, looked up by span: one key string per surname
        foreach (var p in chosen)
            if (p.Label == EntityLabel.Person)
            {
                var bySpan = (mentions ??= new Dictionary<string, int>(StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();
                var surname = u[p.UnitEnd - 1];
                bySpan[surname] = bySpan.TryGetValue(surname, out int n) ? n + 1 : 1;
            }
        if (mentions is null) return;
        var counts = mentions.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int c = 0; c < chosen.Count; c++)
        {
            var p = chosen[c];
            if (p.Label != EntityLabel.Person || counts[u[p.UnitEnd - 1]] < 2) continue;
            int start = p.UnitStart;
            while (start > p.UnitStart - 2 && IsGivenNameBefore(u, owner, gazetteer, start)) start--;
            if (start == p.UnitStart) continue;
            for (int i = start; i < p.UnitStart; i++) owner[i] = c;
            chosen[c] = p with { UnitStart = start };
        }
    }

    /// <summary>True when the unit before <paramref name="i"/> can be a given name of the person starting at <paramref name="i"/>: a free, capitalised word on the same line that is no function word, title, head word or known place.</summary>
    private static bool IsGivenNameBefore(EntityUnits u, int[] owner, PhraseTrie gazetteer, int i)
    {
        int k = i - 1;
        if (k < 0 || owner[k] >= 0 || !u.IsWord(k) || !u.IsCap(k) || u.IsAllCaps(k) || u.LineBreakAfter(k) || u.Touches(k)) return false;
        var w = u[k];
        return !EntityWords.CapitalStopWords.Contains(w) && !EntityWords.Titles.Contains(w) && !EntityWords.OrgHeads.Contains(w)
            && !EntityWords.EventHeads.Contains(w) && !EntityWords.Months.Contains(w) && !EntityWords.Weekdays.Contains(w)
            && !EntityWords.EnumeratingOrdinals.Contains(w) && !EntityWords.Greetings.Contains(w) && gazetteer.Lookup(u, k, k + 1) is null;
    }

    private static readonly WordSet PlacePrepositions = new(["at", "to", "from", "near", "into", "inside", "outside"], StringComparer.OrdinalIgnoreCase);

    private static readonly WordSet NotANoun = new(
        ["in", "on", "at", "for", "and", "or", "but", "with", "is", "was", "are", "were", "has", "had", "tonight", "today",
         "yesterday", "last", "next", "this", "again", "because", "when", "where", "near", "before", "after", "instead", "yet"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// "went to Del Frisco's in November", "lunch at Kenneally's.": after a place preposition, a model name the gazetteer
    /// does not know followed by "'s" and no noun is a shop or restaurant named after its owner, not a possessive: the
    /// "'s" is part of the name and the name is a place (LOC).
    /// </summary>
    private static void ShopNames(EntityUnits u, int[] owner, List<EntityCandidate> chosen, PhraseTrie gazetteer)
    {
        for (int c = 0; c < chosen.Count; c++)
        {
            var e = chosen[c];
            if (e.Source != EntitySource.Model) continue; // the model's type is a guess; rules and user patterns know theirs
            if (e.Label != EntityLabel.Person && e.Label != EntityLabel.Org && e.Label != EntityLabel.Gpe && e.Label != EntityLabel.Loc) continue;
            int s = e.UnitStart, end = e.UnitEnd;
            if (s == 0 || !u.IsWord(s - 1) || !PlacePrepositions.Contains(u[s - 1])) continue;
            int k = end;
            if (u.Is(k, "'") && u.Is(k + 1, "s") && u.Touches(k)) k += 2;   // Wendy's (or the token "'s" after a space)
            else if (u.Is(k, "s") && u.Length[k] == 1) k += 1;                                 // Wendy s (apostrophe lost)
            else continue;
            if (k < u.Count && !u.LineBreakAfter(k - 1) && (u.IsWord(k) || u.IsDigits(k)) && !NotANoun.Contains(u[k])) continue; // a possessive: "to Ray's house"
            if (gazetteer.Lookup(u, s, end) is not null) continue;
            bool free = true;
            for (int i = end; i < k; i++) free &= owner[i] < 0;
            if (!free) continue;
            for (int i = end; i < k; i++) owner[i] = c;
            chosen[c] = e with { UnitEnd = k, Label = EntityLabel.Loc };
        }
    }

    private static readonly WordSet NameParticles = new(
        ["da", "de", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "bint", "al", "el", "du", "le", "la", "ter", "ten"],
        StringComparer.Ordinal);

    /// <summary>
    /// Lower-case particles inside a person's name ("Lula da Silva", "Joana de Deus Pereira", "Sultan bin Abdulaziz",
    /// "Ursula von der Leyen"): the model ends a name at them, so a person takes a capitalised name word written before
    /// one or two particles — or the person found there — as part of the same name.
    /// </summary>
    private static void JoinNameParticles(EntityUnits u, int[] owner, List<EntityCandidate> chosen, PhraseTrie gazetteer)
    {
        for (int c = 0; c < chosen.Count; c++)
        {
            var p = chosen[c];
            if (p.Label != EntityLabel.Person) continue;
            ExtendOverParticlesRight(u, owner, chosen, gazetteer, c);
            p = chosen[c];
            int k = p.UnitStart - 1, particles = 0;
            while (k >= 0 && particles < 2 && owner[k] < 0 && u.IsWord(k) && NameParticles.Contains(u[k]) && !u.LineBreakAfter(k)) { k--; particles++; }
            if (particles == 0 || k < 0 || !u.IsWord(k) || !u.IsCap(k) || u.IsAllCaps(k) || u.LineBreakAfter(k)) continue;
            int start = k;
            if (owner[k] >= 0)
            {
                var before = chosen[owner[k]];
                if (before.Label != EntityLabel.Person || before.UnitEnd != k + 1) continue;
                start = before.UnitStart;
                chosen[owner[k]] = before with { Label = BuiltInRules.NotAnEntity }; // removed at the end; its units are this person's
            }
            else if (EntityWords.CapitalStopWords.Contains(u[k]) || gazetteer.Lookup(u, k, k + 1) is not null) continue;
            for (int i = start; i < p.UnitStart; i++) owner[i] = c;
            chosen[c] = p with { UnitStart = start };
        }
    }

    /// <summary>"Maria" + "da Costa": one or two particles and up to two capitalised words after a person continue the name.</summary>
    private static void ExtendOverParticlesRight(EntityUnits u, int[] owner, List<EntityCandidate> chosen, PhraseTrie gazetteer, int c)
    {
        var p = chosen[c];
        int k = p.UnitEnd, particles = 0;
        while (k < u.Count && particles < 2 && owner[k] < 0 && u.IsWord(k) && NameParticles.Contains(u[k]) && !u.LineBreakAfter(k - 1)) { k++; particles++; }
        if (particles == 0) return;
        int end = k;
        while (end < u.Count && end - k < 2 && u.IsWord(end) && u.IsCap(end) && !u.IsAllCaps(end) && !u.LineBreakAfter(end - 1)
               && (owner[end] < 0 || chosen[owner[end]].Source == EntitySource.Model && chosen[owner[end]].Label == EntityLabel.Person)
               && !EntityWords.CapitalStopWords.Contains(u[end]) && gazetteer.Lookup(u, end, end + 1) is null)
            end++;
        if (end == k) return;
        for (int i = p.UnitEnd; i < end; i++)
        {
            if (owner[i] >= 0) chosen[owner[i]] = chosen[owner[i]] with { Label = BuiltInRules.NotAnEntity }; // removed at the end
            owner[i] = c;
        }
        chosen[c] = p with { UnitEnd = end };
    }

    /// <summary>
    /// Bylines: a line of two to four capitalised words before " | " ("Jane Roe | 2024.06.18", "Ann Lee and Tom Wu | …")
    /// names its authors.
    /// </summary>
    private static void Bylines(EntityUnits u, int[] owner, List<EntityCandidate> chosen)
    {
        for (int bar = 2; bar < u.Count; bar++)
        {
            if (!u.Is(bar, "|") || u.LineBreakAfter(bar - 1)) continue;
            int lineStart = bar;
            while (lineStart > 0 && !u.LineBreakAfter(lineStart - 1) && bar - lineStart < 12) lineStart--;
            if (lineStart > 0 && !u.LineBreakAfter(lineStart - 1)) continue;
            int nameStart = lineStart;
            for (int i = lineStart; i <= bar; i++)
            {
                if (i < bar && (u.IsCap(i) && u.IsWord(i) && !u.IsAllCaps(i) || NameParticles.Contains(u[i]))) continue;
                if (i < bar && !u.Is(i, "and") && !u.Is(i, ",") && !u.Is(i, "&")) break;
                int len = i - nameStart;
                if (len >= 2 && len <= 4 && u.IsCap(nameStart) && u.IsCap(i - 1))
                {
                    bool free = true;
                    for (int k = nameStart; k < i; k++) free &= owner[k] < 0 || chosen[owner[k]].Source == EntitySource.Model;
                    if (free)
                    {
                        for (int k = nameStart; k < i; k++)
                            if (owner[k] >= 0) chosen[owner[k]] = chosen[owner[k]] with { Label = BuiltInRules.NotAnEntity };
                        Take(owner, chosen, new EntityCandidate(nameStart, i, EntityLabel.Person, EntitySource.Rule, EntityCandidate.BuiltInRuleRank, null));
                    }
                }
                nameStart = i + 1;
            }
        }
    }

    /// <summary>Lower-case nouns that, right after a name, say it is an organisation: "Norvik officials", "Veltrax shares".</summary>
    private static readonly WordSet OrgFollowers = new(
        ["officials", "executives", "shares", "shareholders", "employees", "spokesman", "spokeswoman", "spokesperson", "subsidiary", "headquarters"],
        StringComparer.Ordinal);

    /// <summary>
    /// Organisation contexts beat the model's person or place and an unknown capitalised name: after "shares of",
    /// "stake in", "chief executive of", "CEO of", "subsidiary of", "spokesperson for" (also over a gazetteer place: a
    /// company named after a city), before "officials", "shares", "executives" …, and a single unknown word before
    /// "said in a statement" (persons are quoted, organisations issue statements).
    /// </summary>
    private static void OrganisationContexts(EntityUnits u, int[] owner, List<EntityCandidate> chosen)
    {
        var givenNames = Gazetteer.GivenNames;
        for (int i = 0; i < u.Count; i++)
        {
            if (!u.IsWord(i) || !u.IsCap(i) || (i > 0 && u.IsCap(i - 1) && owner[i - 1] == owner[i] && owner[i] >= 0)) continue;
            // the name at i: the chosen span starting here, or a run of up to three free capitalised words
            int end, o = owner[i];
            if (o >= 0)
            {
                if (chosen[o].UnitStart != i || chosen[o].Label == EntityLabel.Org || chosen[o].Length > 3) continue;
                end = chosen[o].UnitEnd;
            }
            else
            {
                end = i;
                while (end < u.Count && end - i < 3 && owner[end] < 0 && u.IsWord(end) && u.IsCap(end) && !u.LineBreakAfter(Math.Max(end - 1, i))
                       && !EntityWords.CapitalStopWords.Contains(u[end]) && !EntityWords.Titles.Contains(u[end]))
                    end++;
                if (end == i) continue;
                // a name, not a capitalised adjective or noun ("Local officials", "Health officials"): a proper noun or a
                // word the tagger's dictionary does not know
                bool proper = true;
                for (int k = i; k < end && proper; k++)
                    proper = (u.Pos is { } pos && (UPos)pos[k] == UPos.Propn) || !BuiltInRules.IsEnglishWord(u.LowerAt(k));
                if (!proper) continue;
            }
            // "a spokesperson for Krivosheev's company": the possessor is not the organisation
            bool possessive = end < u.Count && u.Is(end, "'");
            bool left = OrgContextBefore(u, i) && !possessive;
            bool modelName = o >= 0 && chosen[o].Source == EntitySource.Model && chosen[o].Label is var l && (l == EntityLabel.Person || l == EntityLabel.Gpe || l == EntityLabel.Loc);
            // a place before "'s" is the place: "chief executive of Ukraine's gas company"
            bool gazetteerPlace = o >= 0 && chosen[o].Source == EntitySource.Gazetteer && (chosen[o].Label == EntityLabel.Gpe || chosen[o].Label == EntityLabel.Loc)
                && !possessive;
            bool free = o < 0 && i > 0 && !u.LineBreakAfter(i - 1) && !u.Is(i - 1, ".") && u.IsLowerWord(i - 1); // not opening a sentence
            bool right = end < u.Count && !u.LineBreakAfter(end - 1) && u.IsWord(end) && OrgFollowers.Contains(u[end]);
            bool statement = end - i == 1 && !givenNames.Contains(u[i]) && u.Is(end, "said") && u.Is(end + 1, "in") && u.Is(end + 2, "a") && u.Is(end + 3, "statement")
                && !PersonalPronounWithin(u, end + 4, 10); // "Smith said in a statement that he …"
            bool org = left ? modelName || gazetteerPlace || (o < 0) : (right || statement) && (modelName || free || (o < 0 && right));
            if (!org) continue;
            if (o >= 0) chosen[o] = chosen[o] with { Label = EntityLabel.Org };
            else Take(owner, chosen, new EntityCandidate(i, end, EntityLabel.Org, EntitySource.Rule, EntityCandidate.BuiltInRuleRank, null));
            i = end - 1;
        }
    }

    private static bool PersonalPronounWithin(EntityUnits u, int from, int window)
    {
        for (int k = from; k < u.Count && k < from + window; k++)
            if (u.IsWord(k) && u.LowerAt(k) is "he" or "she" or "his" or "her" or "him") return true;
        return false;
    }

    /// <summary>"shares of", "stake in", "chief executive of", "CEO of", "subsidiary of", "spokesperson for" right before <paramref name="i"/>.</summary>
    private static bool OrgContextBefore(EntityUnits u, int i)
    {
        if (i < 2) return false;
        var prep = u.LowerAt(i - 1);
        var noun = u.LowerAt(i - 2);
        if (prep is "of") return noun is "shares" or "executive" or "ceo" or "subsidiary" or "shareholders" or "stock"
            || (noun is "officer" && i >= 3 && u.LowerAt(i - 3) is "executive");
        if (prep is "in") return noun is "stake";
        if (prep is "for") return noun is "spokesperson" or "spokesman" or "spokeswoman";
        return false;
    }

    /// <summary>
    /// One acronym, one label: an acronym the document names as an organisation somewhere ("BYD", "IPEF") is one
    /// wherever it is unlabelled or only the model gave it another label.
    /// </summary>
    private static void PropagateAcronyms(EntityUnits u, int[] owner, List<EntityCandidate> chosen)
    {
        HashSet<string>? orgs = null;
        foreach (var c in chosen)
            if (c.Label == EntityLabel.Org && c.Length == 1 && IsAcronym(u, c.UnitStart) && u.Length[c.UnitStart] is >= 3 and <= 5
                && !EntityWords.CommonAcronyms.Contains(u[c.UnitStart]))
                (orgs ??= new HashSet<string>(StringComparer.Ordinal)).Add(u[c.UnitStart].ToString());
        if (orgs is null) return;
        var lookup = orgs.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < u.Count; i++)
        {
            if (!IsAcronym(u, i) || !lookup.Contains(u[i])) continue;
            if (i > 0 && u.Touches(i - 1) && EntityUnits.IsWordChar(u.Text[u.Start[i - 1]])) continue;
            if ((i > 0 && u.IsAllCaps(i - 1)) || (i + 1 < u.Count && u.IsAllCaps(i + 1))) continue; // a line in capitals
            int o = owner[i];
            if (o < 0) Take(owner, chosen, new EntityCandidate(i, i + 1, EntityLabel.Org, EntitySource.Rule, EntityCandidate.BuiltInRuleRank, null));
            else if (chosen[o].Source == EntitySource.Model && chosen[o].UnitStart == i && chosen[o].UnitEnd == i + 1 && chosen[o].Label != EntityLabel.Org)
                chosen[o] = chosen[o] with { Label = EntityLabel.Org };
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
