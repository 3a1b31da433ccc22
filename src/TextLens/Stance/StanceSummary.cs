using System.Collections.Frozen;
using System.Text;

namespace TextLens;

/// <summary>The stance cues of one holder, counted by type.</summary>
/// <param name="Holder">The holder as written (or <c>author</c>).</param>
/// <param name="Counts">Number of cues per type (types without cues are absent).</param>
public sealed record HolderStance(string Holder, IReadOnlyDictionary<StanceCueType, int> Counts)
{
    /// <summary>Total number of cues of this holder.</summary>
    public int Total => Counts.Values.Sum();

    /// <summary>The counts as text, such as <c>Azerbaijan: 2 refusals, 1 condition</c>.</summary>
    public override string ToString() =>
        $"{Holder}: {string.Join(", ", Enum.GetValues<StanceCueType>().Where(Counts.ContainsKey).Select(t => StanceSummary.Describe(t, Counts[t])))}";
}

/// <summary>
/// A per-document overview of stance: cue counts per type and per holder ("Azerbaijan: 2 refusals, 1 condition").
/// </summary>
/// <example>
/// <code>
/// var summary = StanceSummary.Of(doc);
/// Console.WriteLine(summary);                    // one line per holder
/// int refusals = summary.CountOf(StanceCueType.Refusal);
/// </code>
/// </example>
public sealed class StanceSummary
{
    private StanceSummary(IReadOnlyDictionary<StanceCueType, int> byType, IReadOnlyList<HolderStance> byHolder)
    {
        ByType = byType;
        ByHolder = byHolder;
    }

    /// <summary>Number of cues per type (types without cues are absent).</summary>
    public IReadOnlyDictionary<StanceCueType, int> ByType { get; }

    /// <summary>Cue counts per holder, most cues first (ties: the holder that appears first in the text).</summary>
    public IReadOnlyList<HolderStance> ByHolder { get; }

    /// <summary>Total number of cues.</summary>
    public int Total => ByType.Values.Sum();

    /// <summary>The number of cues of one type.</summary>
    /// <param name="type">The cue type.</param>
    public int CountOf(StanceCueType type) => ByType.TryGetValue(type, out int n) ? n : 0;

    /// <summary>Summarises a document's stance cues.</summary>
    /// <param name="document">A processed document.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static StanceSummary Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Of(document.StanceCues);
    }

    /// <summary>Summarises a list of stance cues.</summary>
    /// <param name="cues">The cues, in text order.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cues"/> is null.</exception>
    public static StanceSummary Of(IEnumerable<StanceCue> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var byType = new Dictionary<StanceCueType, int>();
        var byHolder = new Dictionary<string, (int First, Dictionary<StanceCueType, int> Counts)>(StringComparer.Ordinal);
        int n = 0;
        foreach (var c in cues)
        {
            byType[c.Type] = byType.GetValueOrDefault(c.Type) + 1;
            if (!byHolder.TryGetValue(c.Holder, out var h)) byHolder[c.Holder] = h = (n, new Dictionary<StanceCueType, int>());
            h.Counts[c.Type] = h.Counts.GetValueOrDefault(c.Type) + 1;
            n++;
        }
        var holders = byHolder
            .Select(kv => (kv.Value.First, Stance: new HolderStance(kv.Key, kv.Value.Counts.ToFrozenDictionary())))
            .OrderByDescending(x => x.Stance.Total).ThenBy(x => x.First)
            .Select(x => x.Stance).ToArray();
        return new StanceSummary(byType.ToFrozenDictionary(), holders);
    }

    /// <summary>One line per holder, such as <c>Azerbaijan: 2 refusals, 1 condition</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var h in ByHolder) sb.AppendLine(h.ToString());
        return sb.ToString();
    }

    internal static string Describe(StanceCueType type, int count)
    {
        string noun = type switch
        {
            StanceCueType.Refusal => "refusal",
            StanceCueType.Condition => "condition",
            StanceCueType.Commitment => "commitment",
            StanceCueType.Deontic => "obligation",
            StanceCueType.Hedge => "hedge",
            StanceCueType.Booster => "booster",
            _ => "attitude marker",
        };
        return $"{count} {noun}{(count == 1 ? "" : "s")}";
    }
}
