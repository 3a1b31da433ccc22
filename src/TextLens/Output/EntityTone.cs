using TextLens.Entities;

namespace TextLens;

/// <summary>How the sentences that mention an entity sound: one row of a "tone per entity" summary.</summary>
/// <param name="Text">The entity's longest mention as written. Mentions are grouped by label and normalised text (case and
/// spacing ignored), gazetteer aliases ("EU" with "European Union") and surnames with the document's full names.</param>
/// <param name="Label">The entity's label.</param>
/// <param name="Mentions">Number of mentions.</param>
/// <param name="Sentences">Number of distinct sentences that mention it.</param>
/// <param name="Tone">The sentiment stage's tone towards the entity (<see cref="DocumentSentiment.Entities"/>) when it has
/// one, else the mean sentiment score (-1..+1) of the sentences that mention it; 0 when sentiment was not computed.</param>
/// <param name="Positive">How many of those sentences are positive.</param>
/// <param name="Negative">How many of those sentences are negative.</param>
public sealed record EntityTone(string Text, EntityLabel Label, int Mentions, int Sentences, double Tone, int Positive, int Negative)
{
    /// <summary>
    /// The tone of the document's main entities (every label but DATE), most mentioned first (ties: first
    /// mention first). Mentions of one entity are grouped as in <see cref="DocumentSentiment.Entities"/>: label and
    /// normalised text (case and spacing ignored), gazetteer aliases, and surnames with the document's full names. Deterministic.
    /// </summary>
    /// <param name="document">A processed document.</param>
    /// <param name="max">At most this many entities.</param>
    /// <returns>The entities with their tone.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static IReadOnlyList<EntityTone> Summarize(Document document, int max = 10)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentiment = document.Sentiment;
        var order = EntityGroups.Of(document).Select(eg =>
        {
            var g = new Group(eg.Text, eg.Label, eg.First) { Mentions = eg.Members.Count };
            foreach (int i in eg.Members)
            {
                var e = document.Entities[i];
                if (e.TokenStart >= document.TokenStore.Length) continue;
                int s = document.SentenceIndexOf(e.TokenStart);
                if (s >= 0) g.SentenceIndexes.Add(s);
            }
            return g;
        }).ToList();
        return order
            .OrderByDescending(g => g.Mentions).ThenBy(g => g.First)
            .Take(Math.Max(0, max))
            .Select(g =>
            {
                double sum = 0;
                int pos = 0, neg = 0, n = 0;
                foreach (int s in g.SentenceIndexes.Order())
                {
                    n++;
                    if (sentiment is null || s >= sentiment.Sentences.Count) continue;
                    var score = sentiment.Sentences[s];
                    sum += score.Compound;
                    if (score.Label == SentimentLabel.Positive) pos++;
                    else if (score.Label == SentimentLabel.Negative) neg++;
                }
                // Prefer the sentiment stage's own entity tone (clause-level) when it has one for this entity.
                var own = sentiment?.Entities.FirstOrDefault(x => x.EntityLabel == g.Label && string.Equals(x.Text, g.Text, StringComparison.Ordinal));
                double tone = own is not null ? Math.Round(own.Compound, 4) : n == 0 ? 0 : Math.Round(sum / n, 4);
                return new EntityTone(g.Text, g.Label, g.Mentions, n, tone, pos, neg);
            })
            .ToArray();
    }

    private sealed class Group(string text, EntityLabel label, int first)
    {
        public string Text { get; } = text;
        public EntityLabel Label { get; } = label;
        public int First { get; } = first;
        public int Mentions { get; set; }
        public HashSet<int> SentenceIndexes { get; } = [];
    }
}
