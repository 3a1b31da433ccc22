using System.Globalization;
using TextLens.Entities;
using TextLens.Output;

namespace TextLens;

/// <summary>Where a document's date in a corpus report comes from.</summary>
public enum CorpusDateSource
{
    /// <summary>No date found: the document counts in every total but in no period.</summary>
    None,
    /// <summary>A DATE entity on the byline (a short line near the top of the document).</summary>
    Byline,
    /// <summary>A <c>yyyy-mm-dd</c> date in the file name.</summary>
    FileName,
    /// <summary>The text file's last-write time.</summary>
    FileTime,
}

/// <summary>What a corpus report needs to know about a document besides its analysis.</summary>
/// <param name="Group">The source or folder the document belongs to (one sentiment distribution per group).</param>
/// <param name="Date">The document's date, or null when unknown.</param>
/// <param name="DateSource">Where <paramref name="Date"/> comes from.</param>
/// <param name="ReportHref">Relative link to the document's own report (HTML or JSON), or null for none.</param>
public sealed record CorpusDocumentInfo(string Group, DateOnly? Date, CorpusDateSource DateSource, string? ReportHref);

/// <summary>One document's figures in a corpus report: one row of <c>documents.csv</c>.</summary>
/// <param name="Id">Document id.</param>
/// <param name="Group">Source or folder.</param>
/// <param name="Date">Date, or null.</param>
/// <param name="DateSource">Where the date comes from.</param>
/// <param name="Tokens">Token count.</param>
/// <param name="Entities">Entity mentions (DATE included).</param>
/// <param name="StanceCues">Stance cues.</param>
/// <param name="Refusals">REFUSAL cues.</param>
/// <param name="Hedges">HEDGE cues.</param>
/// <param name="Sentiment">Whole-document sentiment (-1..+1), or null when sentiment was not computed.</param>
/// <param name="ReportHref">Link to the document's report, or null.</param>
public sealed record CorpusDocumentRow(string Id, string Group, DateOnly? Date, CorpusDateSource DateSource, int Tokens, int Entities,
    int StanceCues, int Refusals, int Hedges, double? Sentiment, string? ReportHref)
{
    /// <summary>HEDGE cues per 1,000 tokens.</summary>
    public double HedgesPerThousandTokens => Tokens == 0 ? 0 : Math.Round(1000.0 * Hedges / Tokens, 3);
}

/// <summary>
/// Streams a corpus of analysed documents into bounded aggregates for a corpus report: documents per period, the
/// tone toward each entity per period, stance cues per actor and type (with the phrases and what they are about),
/// sentiment distributions per group and per year, and outlier documents. <see cref="Add"/> keeps nothing of the
/// document itself, so a corpus of any size is aggregated one document at a time in bounded memory: at most
/// <c>2 × maxEntities</c> entities and <c>2 × maxActors</c> actors are tracked (when a table reaches that size it keeps
/// its most frequent half, so only long-tail counts can be approximate), and every phrase list is capped the same way.
/// Deterministic for a given order of documents.
/// <para>
/// Entities are grouped within a document as <see cref="EntityTone"/> groups them, and across documents by label and
/// canonical gazetteer name. A cue's holder is the entity its holder span (else its holder text) names, grouped the same
/// way; cues held by the author, and holders that are only a determiner or a pronoun, are counted apart. When the
/// summary is made, a person named by one word ("Putin") joins the corpus's dominant full name ending in it.
/// </para>
/// </summary>
/// <example>
/// <code>
/// var corpus = new CorpusAggregator();
/// foreach (var path in jsonFiles)
///     corpus.Add(Document.FromJson(File.ReadAllText(path)), new CorpusDocumentInfo("news", date, CorpusDateSource.Byline, null));
/// CorpusSummary summary = corpus.Summarize();
/// </code>
/// </example>
public sealed class CorpusAggregator
{
    /// <summary>Phrase and word lists per actor and cue type keep at most twice this many entries.</summary>
    private const int PhraseCap = 200;
    private const int OutlierCount = 10;
    private const int ExampleCount = 3;
    private const int MinTokensForRates = 200;

    private readonly int _maxEntities;
    private readonly int _maxActors;
    private readonly Dictionary<string, EntityStats> _entities = new(EntityGroups.NormalisedComparer.Instance);
    private readonly Dictionary<string, ActorStats> _actors = new(EntityGroups.NormalisedComparer.Instance);
    private readonly int[] _authorCues = new int[StanceTypes.Count];
    private readonly int[] _unresolvedCues = new int[StanceTypes.Count];
    private readonly SortedDictionary<int, int> _documentsByMonth = [];
    private readonly Dictionary<string, SentimentStats> _byGroup = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, SentimentStats> _byYear = [];
    private readonly TopList _mostNegative = new(OutlierCount);
    private readonly TopList _mostHedged = new(OutlierCount);
    private readonly TopList _mostRefusals = new(OutlierCount);
    private readonly int[] _datedBy = new int[4];
    private long _sequence;
    private long _mentions;
    private long _cues;

    /// <summary>Starts an empty aggregate.</summary>
    /// <param name="maxEntities">Entities tracked (at most twice this many at any time); the most mentioned survive.</param>
    /// <param name="maxActors">Stance holders tracked (at most twice this many at any time); those with the most cues survive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is below 1.</exception>
    public CorpusAggregator(int maxEntities = 20_000, int maxActors = 5_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntities, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxActors, 1);
        _maxEntities = maxEntities;
        _maxActors = maxActors;
    }

    /// <summary>The cue types in the order of the actor × stance matrix.</summary>
    public static IReadOnlyList<StanceCueType> StanceTypes { get; } = Enum.GetValues<StanceCueType>();

    /// <summary>Documents added.</summary>
    public int DocumentCount { get; private set; }

    /// <summary>Entities currently tracked (bounded by twice the <c>maxEntities</c> limit).</summary>
    public int TrackedEntities => _entities.Count;

    /// <summary>Stance holders currently tracked (bounded by twice the <c>maxActors</c> limit).</summary>
    public int TrackedActors => _actors.Count;

    /// <summary>Entity-period cells currently held (one per entity and month it is mentioned in).</summary>
    public int TrackedEntityPeriods => _entities.Values.Sum(e => e.Months.Count);

    /// <summary>Phrase and word entries currently held across all actors and cue types.</summary>
    public int TrackedPhrases => _actors.Values.Sum(a => a.Cells.Sum(c => c is null ? 0 : c.Phrases.Count + c.Targets.Count));

    /// <summary>Adds one document's figures to the aggregates. Nothing of the document is kept.</summary>
    /// <param name="document">An analysed document.</param>
    /// <param name="info">Its group, date and report link.</param>
    /// <returns>The document's own figures (a row of <c>documents.csv</c>).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CorpusDocumentRow Add(Document document, CorpusDocumentInfo info)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(info);
        var doc = document;
        long seq = _sequence++;
        DocumentCount++;
        int? month = info.Date is { } d ? d.Year * 12 + d.Month - 1 : null;
        _datedBy[(int)info.DateSource]++;
        if (month is int m) _documentsByMonth[m] = _documentsByMonth.GetValueOrDefault(m) + 1;

        AddEntities(doc, month, seq);
        int refusals = 0, hedges = 0;
        foreach (var c in doc.StanceCues)
        {
            if (c.Type == StanceCueType.Refusal) refusals++;
            else if (c.Type == StanceCueType.Hedge) hedges++;
        }
        AddActors(doc, info, seq);
        _cues += doc.StanceCues.Count;

        double? sentiment = doc.Sentiment?.Document.Compound is double s ? Math.Round(s, 4) : null;
        var row = new CorpusDocumentRow(doc.Id, info.Group, info.Date, info.DateSource, doc.Tokens.Count, doc.Entities.Count,
            doc.StanceCues.Count, refusals, hedges, sentiment, info.ReportHref);
        if (sentiment is double score)
        {
            var label = doc.Sentiment!.Document.Label;
            (_byGroup.TryGetValue(info.Group, out var g) ? g : _byGroup[info.Group] = new SentimentStats()).Add(score, label);
            if (info.Date is { } date)
                (_byYear.TryGetValue(date.Year, out var y) ? y : _byYear[date.Year] = new SentimentStats()).Add(score, label);
            _mostNegative.Offer(-score, seq, row);
        }
        if (doc.Tokens.Count >= MinTokensForRates && hedges > 0) _mostHedged.Offer(row.HedgesPerThousandTokens, seq, row);
        if (refusals > 0) _mostRefusals.Offer(refusals + (doc.Tokens.Count == 0 ? 0 : (double)refusals / doc.Tokens.Count), seq, row);
        return row;
    }

    private void AddEntities(Document doc, int? month, long seq)
    {
        foreach (var t in EntityTone.Summarize(doc, int.MaxValue))
        {
            string name = Gazetteer.CanonicalName(t.Text);
            string key = t.Label.Name + "\u001F" + name;
            if (!_entities.TryGetValue(key, out var e))
            {
                e = new EntityStats(name, t.Label, seq);
                _entities.Add(key, e);
            }
            _mentions += t.Mentions;
            e.Mentions += t.Mentions;
            e.Documents++;
            bool toned = doc.Sentiment is not null;
            if (toned) { e.ToneSum += t.Tone; e.ToneDocuments++; }
            if (month is int m)
            {
                if (!e.Months.TryGetValue(m, out var p)) e.Months[m] = p = new PeriodStats();
                p.Mentions += t.Mentions;
                p.Documents++;
                if (toned) { p.ToneSum += t.Tone; p.ToneDocuments++; }
            }
        }
        if (_entities.Count > 2 * _maxEntities)
            Prune(_entities, _maxEntities, e => e.Mentions, e => e.First);
    }

    private void AddActors(Document doc, CorpusDocumentInfo info, long seq)
    {
        if (doc.StanceCues.Count == 0) return;
        var groups = EntityGroups.Of(doc);
        // Each entity mention → its group, so a holder span or holder text finds the entity it names.
        var groupOf = new int[doc.Entities.Count];
        Array.Fill(groupOf, -1);
        var groupByText = new Dictionary<string, int>(EntityGroups.NormalisedComparer.Instance);
        for (int g = 0; g < groups.Count; g++)
            foreach (int i in groups[g].Members)
            {
                groupOf[i] = g;
                groupByText.TryAdd(doc.Entities[i].Text, g);
            }
        for (int ci = 0; ci < doc.StanceCues.Count; ci++)
        {
            var c = doc.StanceCues[ci];
            int type = (int)c.Type;
            if (type < 0 || type >= StanceTypes.Count) continue;
            if (string.IsNullOrWhiteSpace(c.Holder) || c.Holder == StanceCue.Author)
            {
                _authorCues[type]++;
                continue;
            }
            int group = HolderGroup(doc, c, groupOf);
            if (group < 0 && !groupByText.TryGetValue(c.Holder, out group)) group = -1;
            if (group < 0 && !NamesAnActor(c.Holder))
            {
                _unresolvedCues[type]++;
                continue;
            }
            string name = group >= 0 ? Gazetteer.CanonicalName(groups[group].Text) : Gazetteer.CanonicalName(c.Holder.Trim());
            string label = group >= 0 ? groups[group].Label.Name : "";
            if (!_actors.TryGetValue(name, out var actor))
            {
                actor = new ActorStats(name, label, seq);
                _actors.Add(name, actor);
            }
            else if (actor.Label.Length == 0 && label.Length > 0) actor.Label = label;
            actor.Total++;
            var cell = actor.Cells[type] ??= new CellStats();
            cell.Cues++;
            if (cell.LastDocument != seq) { cell.LastDocument = seq; cell.Documents++; }
            cell.Phrases.Add(c.Text.ReplaceLineEndings(" ").Trim().ToLowerInvariant(), seq, doc.Id, info.ReportHref);
            string target = c.Target?.Text.ReplaceLineEndings(" ").Trim() ?? "";
            if (c.Target is { } t && doc.IsTagged)
                for (int k = t.TokenStart; k < t.TokenEnd && k < doc.Tokens.Count; k++)
                {
                    var tok = doc.Tokens[k];
                    if (tok.Pos is UPos.Noun or UPos.Propn)
                        cell.Targets.Add(tok.Pos == UPos.Propn ? tok.Text : (tok.Lemma ?? tok.Text).ToLowerInvariant(), seq, doc.Id, info.ReportHref);
                }
            // The latest documents' cues, one per document: with files named by date the examples are the most recent.
            if (cell.Examples.Count == 0 || cell.Examples[^1].DocumentId != doc.Id)
            {
                cell.Examples.Add(new CorpusExample(doc.Id, info.ReportHref, c.Text.ReplaceLineEndings(" ").Trim(), Clip(target, 120)));
                if (cell.Examples.Count > ExampleCount) cell.Examples.RemoveAt(0);
            }
        }
        if (_actors.Count > 2 * _maxActors)
            Prune(_actors, _maxActors, a => a.Total, a => a.First);
    }

    // Words that cannot name an actor on their own: a holder that is only a determiner or a pronoun ("the", "a", "they")
    // and whose span names no entity was not resolved by the stance layer, and would merge unrelated actors.
    private static readonly HashSet<string> NotActors = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "they", "them", "their", "we", "us", "our", "he", "him", "his",
        "she", "her", "i", "me", "my", "you", "your", "one", "who", "which", "some", "others", "both", "all", "each", "such", "many", "most", "several", "few", "other",
    };

    private static bool NamesAnActor(string holder)
    {
        var h = holder.AsSpan().Trim();
        if (!h.ContainsAnyExcept(" '\u2019-.,;:0123456789")) return false;
        return !NotActors.GetAlternateLookup<ReadOnlySpan<char>>().Contains(h);
    }

    // The entity the holder span covers (its first mention overlapping the span), as a group index; -1 for none.
    private static int HolderGroup(Document doc, StanceCue c, int[] groupOf)
    {
        if (c.HolderSpan is not { } h) return -1;
        for (int i = 0; i < doc.Entities.Count; i++)
        {
            var e = doc.Entities[i];
            if (e.Start >= h.End) break;
            if (e.End > h.Start && groupOf[i] >= 0) return groupOf[i];
        }
        return -1;
    }

    private static void Prune<T>(Dictionary<string, T> table, int keep, Func<T, long> weight, Func<T, long> first)
    {
        var survivors = table.OrderByDescending(kv => weight(kv.Value)).ThenBy(kv => first(kv.Value)).Take(keep).ToList();
        table.Clear();
        foreach (var kv in survivors) table.Add(kv.Key, kv.Value);
    }

    /// <summary>
    /// A snapshot of the aggregates: periods are months, or years when the dated documents span more than 24 months.
    /// </summary>
    /// <param name="topEntitiesPerLabel">Entities listed per label, most mentioned first.</param>
    /// <param name="topActors">Actors listed in the actor × stance matrix, most cues first.</param>
    /// <returns>An immutable summary.</returns>
    public CorpusSummary Summarize(int topEntitiesPerLabel = 10, int topActors = 25)
    {
        bool byYear = _documentsByMonth.Count > 0 && _documentsByMonth.Keys.Max() - _documentsByMonth.Keys.Min() > 24;
        int PeriodOf(int month) => byYear ? month / 12 : month;
        string Name(int period) => byYear
            ? period.ToString(CultureInfo.InvariantCulture)
            : $"{(period / 12).ToString("0000", CultureInfo.InvariantCulture)}-{(period % 12 + 1).ToString("00", CultureInfo.InvariantCulture)}";
        var periodKeys = new List<int>();
        if (_documentsByMonth.Count > 0)
        {
            int first = PeriodOf(_documentsByMonth.Keys.Min()), last = PeriodOf(_documentsByMonth.Keys.Max());
            for (int p = first; p <= last; p++) periodKeys.Add(p);
        }
        var docsPerPeriod = new Dictionary<int, int>();
        foreach (var (m, n) in _documentsByMonth) docsPerPeriod[PeriodOf(m)] = docsPerPeriod.GetValueOrDefault(PeriodOf(m)) + n;
        var periods = periodKeys.Select(p => new CorpusPeriod(Name(p), docsPerPeriod.GetValueOrDefault(p))).ToArray();

        CorpusEntity ToEntity(EntityStats e)
        {
            var perPeriod = new SortedDictionary<int, PeriodStats>();
            foreach (var (m, s) in e.Months)
            {
                int p = PeriodOf(m);
                if (!perPeriod.TryGetValue(p, out var acc)) perPeriod[p] = acc = new PeriodStats();
                acc.Mentions += s.Mentions; acc.Documents += s.Documents; acc.ToneSum += s.ToneSum; acc.ToneDocuments += s.ToneDocuments;
            }
            return new CorpusEntity(e.Name, e.Label, e.Mentions, e.Documents, Mean(e.ToneSum, e.ToneDocuments),
                perPeriod.Select(kv => new CorpusEntityPeriod(Name(kv.Key), kv.Value.Mentions, kv.Value.Documents, Mean(kv.Value.ToneSum, kv.Value.ToneDocuments))).ToArray());
        }

        var allEntities = MergeSurnames(_entities.Values.OrderBy(e => e.First), e => e.Name, e => e.Label == EntityLabel.Person, e => e.Mentions, EntityStats.Merge)
            .OrderByDescending(e => e.Mentions).ThenBy(e => e.First).ToList();
        var allActors = MergeSurnames(_actors.Values.OrderBy(a => a.First), a => a.Name, a => a.Label == EntityLabel.Person.Name, a => a.Total, ActorStats.Merge)
            .OrderByDescending(a => a.Total).ThenBy(a => a.First).ToList();
        var topEntities = allEntities.GroupBy(e => e.Label.Name, StringComparer.Ordinal)
            .OrderBy(g => LabelOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Take(Math.Max(0, topEntitiesPerLabel)))
            .Select(ToEntity).ToArray();

        CorpusActor ToActor(ActorStats a) => new(a.Name, a.Label, a.Total, StanceTypes.Select((t, i) =>
        {
            var c = a.Cells[i];
            return c is null
                ? new CorpusActorStance(t, 0, 0, [], [], [])
                : new CorpusActorStance(t, c.Cues, c.Documents, c.Phrases.Top(5), c.Targets.Top(8), c.Examples.ToArray());
        }).ToArray());
        var actors = allActors.Take(Math.Max(0, topActors)).Select(ToActor).ToArray();
        var refusers = allActors.Where(a => a.Cells[(int)StanceCueType.Refusal] is not null)
            .OrderByDescending(a => a.Cells[(int)StanceCueType.Refusal]!.Cues).ThenBy(a => a.First).Take(10).Select(ToActor).ToArray();

        return new CorpusSummary
        {
            Documents = DocumentCount,
            DatedByByline = _datedBy[(int)CorpusDateSource.Byline],
            DatedByFileName = _datedBy[(int)CorpusDateSource.FileName],
            DatedByFileTime = _datedBy[(int)CorpusDateSource.FileTime],
            Undated = _datedBy[(int)CorpusDateSource.None],
            PeriodsAreYears = byYear,
            Periods = periods,
            EntityMentions = _mentions,
            StanceCues = _cues,
            TopEntities = topEntities,
            AllEntities = allEntities.Select(ToEntity).ToArray(),
            Actors = actors,
            AllActors = allActors.Select(ToActor).ToArray(),
            UnresolvedHolderCues = StanceTypes.Select((t, i) => new CorpusTypeCount(t, _unresolvedCues[i])).ToArray(),
            TopRefusers = refusers,
            AuthorCues = StanceTypes.Select((t, i) => new CorpusTypeCount(t, _authorCues[i])).ToArray(),
            SentimentByGroup = _byGroup.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value.ToGroup(kv.Key)).ToArray(),
            SentimentByYear = _byYear.Select(kv => kv.Value.ToGroup(kv.Key.ToString(CultureInfo.InvariantCulture))).ToArray(),
            MostNegative = _mostNegative.Rows(r => r.Sentiment ?? 0),
            MostHedged = _mostHedged.Rows(r => r.HedgesPerThousandTokens),
            MostRefusals = _mostRefusals.Rows(r => r.Refusals),
        };
    }

    // Across documents, as EntityGroups does within one: a person named by a single word ("Putin") joins the full name of
    // the corpus that ends in it ("Vladimir Putin") when that full name outweighs all the others ending in it together
    // (stray names like "Officials Vs Putin" do not block the merge; "Ilham Aliyev" and "Heydar Aliyev" do). The tables
    // are not changed: merged copies are returned.
    private static List<T> MergeSurnames<T>(IEnumerable<T> items, Func<T, string> name, Func<T, bool> isPerson, Func<T, long> weight, Func<T, T, T> merge)
        where T : class
    {
        var list = items.ToList();
        var fullNames = new Dictionary<string, List<T>>(EntityGroups.NormalisedComparer.Instance);
        foreach (var item in list)
        {
            if (!isPerson(item)) continue;
            string n = name(item).Trim();
            int space = n.LastIndexOf(' ');
            if (space <= 0) continue;
            string surname = n[(space + 1)..];
            if (!fullNames.TryGetValue(surname, out var names)) fullNames[surname] = names = [];
            names.Add(item);
        }
        var merged = new Dictionary<T, T>(ReferenceEqualityComparer.Instance);
        var result = new List<T>(list.Count);
        foreach (var item in list)
        {
            string n = name(item).Trim();
            if (isPerson(item) && !n.Contains(' ') && fullNames.TryGetValue(n, out var names))
            {
                // list order is deterministic (first seen first), so ties go to the first seen
                var top = names.MaxBy(weight)!;
                if (2 * weight(top) > names.Sum(weight))
                {
                    merged[top] = merge(merged.TryGetValue(top, out var acc) ? acc : top, item);
                    continue;
                }
            }
            result.Add(item);
        }
        for (int i = 0; i < result.Count; i++)
            if (merged.TryGetValue(result[i], out var m)) result[i] = m;
        return result;
    }

    private static int LabelOrder(string label) => label switch
    {
        "PERSON" => 0, "ORG" => 1, "GPE" => 2, "NORP" => 3, "LOC" => 4, "EVENT" => 5, _ => 6,
    };

    private static double Mean(double sum, int n) => n == 0 ? 0 : Math.Round(sum / n, 4);

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "\u2026";

    // ------------------------------------------------------------------ state

    private sealed class EntityStats(string name, EntityLabel label, long first)
    {
        public string Name { get; } = name;
        public EntityLabel Label { get; } = label;
        public long First { get; } = first;
        public long Mentions { get; set; }
        public int Documents { get; set; }
        public double ToneSum { get; set; }
        public int ToneDocuments { get; set; }
        public Dictionary<int, PeriodStats> Months { get; } = [];

        /// <summary>A new entity with the counts of both, named and ordered like <paramref name="a"/>.</summary>
        public static EntityStats Merge(EntityStats a, EntityStats b)
        {
            var m = new EntityStats(a.Name, a.Label, Math.Min(a.First, b.First))
            {
                Mentions = a.Mentions + b.Mentions, Documents = a.Documents + b.Documents,
                ToneSum = a.ToneSum + b.ToneSum, ToneDocuments = a.ToneDocuments + b.ToneDocuments,
            };
            foreach (var source in new[] { a, b })
                foreach (var (month, p) in source.Months)
                {
                    if (!m.Months.TryGetValue(month, out var q)) m.Months[month] = q = new PeriodStats();
                    q.Mentions += p.Mentions; q.Documents += p.Documents; q.ToneSum += p.ToneSum; q.ToneDocuments += p.ToneDocuments;
                }
            return m;
        }
    }

    private sealed class PeriodStats
    {
        public long Mentions;
        public int Documents;
        public double ToneSum;
        public int ToneDocuments;
    }

    private sealed class ActorStats(string name, string label, long first)
    {
        public string Name { get; } = name;
        public string Label { get; set; } = label;
        public long First { get; } = first;
        public long Total { get; set; }
        public CellStats?[] Cells { get; } = new CellStats?[StanceTypes.Count];

        /// <summary>A new actor with the cues of both, named and ordered like <paramref name="a"/>.</summary>
        public static ActorStats Merge(ActorStats a, ActorStats b)
        {
            var m = new ActorStats(a.Name, a.Label, Math.Min(a.First, b.First)) { Total = a.Total + b.Total };
            for (int i = 0; i < m.Cells.Length; i++)
            {
                if (a.Cells[i] is null && b.Cells[i] is null) continue;
                var cell = m.Cells[i] = new CellStats();
                foreach (var source in new[] { a.Cells[i], b.Cells[i] })
                {
                    if (source is null) continue;
                    cell.Cues += source.Cues;
                    cell.Documents += source.Documents;
                    cell.Phrases.AddAll(source.Phrases);
                    cell.Targets.AddAll(source.Targets);
                    cell.Examples.AddRange(source.Examples);
                }
                if (cell.Examples.Count > ExampleCount) cell.Examples.RemoveRange(0, cell.Examples.Count - ExampleCount);
            }
            return m;
        }
    }

    private sealed class CellStats
    {
        public int Cues;
        public int Documents;
        public long LastDocument = -1;
        public BoundedCounter Phrases { get; } = new(PhraseCap);
        public BoundedCounter Targets { get; } = new(PhraseCap);
        public List<CorpusExample> Examples { get; } = [];
    }

    private sealed class SentimentStats
    {
        private readonly int[] _bins = new int[CorpusSentimentGroup.Bins];
        private int _pos, _neu, _neg;
        private double _sum;

        public void Add(double score, SentimentLabel label)
        {
            int bin = (int)Math.Floor((Math.Clamp(score, -1, 1) + 1) / 2 * CorpusSentimentGroup.Bins);
            _bins[Math.Min(CorpusSentimentGroup.Bins - 1, bin)]++;
            if (label == SentimentLabel.Positive) _pos++; else if (label == SentimentLabel.Negative) _neg++; else _neu++;
            _sum += score;
        }

        public CorpusSentimentGroup ToGroup(string name)
        {
            int n = _pos + _neu + _neg;
            return new CorpusSentimentGroup(name, n, _pos, _neu, _neg, Mean(_sum, n), _bins.ToArray());
        }
    }

    /// <summary>
    /// Counts strings, holding at most twice <c>cap</c> entries: when full it keeps the most frequent half. Each string
    /// remembers the last document it was seen in, so a phrase can link to where it was read.
    /// </summary>
    private sealed class BoundedCounter(int cap)
    {
        private readonly Dictionary<string, Entry> _counts = new(StringComparer.Ordinal);

        private readonly record struct Entry(int Count, long First, string? DocumentId, string? Href);

        public int Count => _counts.Count;

        public void Add(string key, long seq, string documentId, string? href)
        {
            if (key.Length == 0) return;
            _counts[key] = _counts.TryGetValue(key, out var c) ? c with { Count = c.Count + 1, DocumentId = documentId, Href = href } : new Entry(1, seq, documentId, href);
            Trim();
        }

        public void AddAll(BoundedCounter other)
        {
            foreach (var (key, e) in other._counts)
                _counts[key] = _counts.TryGetValue(key, out var c) ? c with { Count = c.Count + e.Count, First = Math.Min(c.First, e.First) } : e;
            Trim();
        }

        private void Trim()
        {
            if (_counts.Count <= 2 * cap) return;
            var keep = Ordered().Take(cap).ToList();
            _counts.Clear();
            foreach (var kv in keep) _counts.Add(kv.Key, kv.Value);
        }

        private IEnumerable<KeyValuePair<string, Entry>> Ordered() =>
            _counts.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.First).ThenBy(kv => kv.Key, StringComparer.Ordinal);

        public CorpusCount[] Top(int n) =>
            Ordered().Take(n).Select(kv => new CorpusCount(kv.Key, kv.Value.Count, kv.Value.DocumentId, kv.Value.Href)).ToArray();
    }

    /// <summary>The <c>n</c> rows with the highest key (ties: first added first).</summary>
    private sealed class TopList(int n)
    {
        private readonly List<(double Key, long Seq, CorpusDocumentRow Row)> _rows = [];

        public void Offer(double key, long seq, CorpusDocumentRow row)
        {
            int i = _rows.FindIndex(r => r.Key < key);
            if (i < 0) i = _rows.Count;
            if (i >= n) return;
            _rows.Insert(i, (key, seq, row));
            if (_rows.Count > n) _rows.RemoveAt(_rows.Count - 1);
        }

        public CorpusOutlier[] Rows(Func<CorpusDocumentRow, double> value) =>
            _rows.Select(r => new CorpusOutlier(r.Row, value(r.Row))).ToArray();
    }
}
