using System.Text.RegularExpressions;

namespace TextLens.Tests.Output;

using Pipeline = TextLens.Pipeline;

/// <summary>
/// Fixed, hand-written annotation layers for the output tests, so the writers are tested on known entities,
/// cues and sentiment whatever the statistical stages currently produce. Tokens and sentences come from the
/// real tokenizer and splitter.
/// </summary>
internal sealed class FixedAnnotator : IPipelineComponent
{
    public static readonly (string Text, string Label)[] Names =
    [
        ("Antalya Diplomacy Forum", "EVENT"), ("Azerbaijan", "GPE"), ("Armenia", "GPE"), ("Baku", "GPE"),
        ("Yerevan", "GPE"), ("Bayramov", "PERSON"), ("Mirzoyan", "PERSON"),
    ];

    public static readonly (string Text, StanceCueType Type, string Holder)[] Cues =
    [
        ("will not sign", StanceCueType.Refusal, "Azerbaijan"), ("until", StanceCueType.Condition, "author"),
        ("should", StanceCueType.Deontic, "author"), ("must", StanceCueType.Deontic, "author"),
        ("likely", StanceCueType.Hedge, "author"), ("Clearly", StanceCueType.Booster, "author"),
        ("unfortunately", StanceCueType.Attitude, "author"),
    ];

    public string Name => "fixed";

    public void Process(Document document, CancellationToken cancellationToken)
    {
        var text = document.Text;
        var entities = new List<Entity>();
        foreach (var (name, label) in Names)
            foreach (Match m in Regex.Matches(text, $@"\b{Regex.Escape(name)}\b"))
                if (!entities.Any(e => e.Start < m.Index + m.Length && m.Index < e.End))
                {
                    var (ts, te) = Tokens(document, m.Index, m.Index + m.Length);
                    entities.Add(new Entity(new EntityLabel(label), m.Index, m.Index + m.Length, ts, te, m.Value, EntitySource.Gazetteer, null));
                }
        document.SetEntities(entities.OrderBy(e => e.Start).ToList());

        var cues = new List<StanceCue>();
        foreach (var (phrase, type, holder) in Cues)
            foreach (Match m in Regex.Matches(text, $@"\b{Regex.Escape(phrase)}\b"))
            {
                var (ts, te) = Tokens(document, m.Index, m.Index + m.Length);
                // The first "until" after "will not sign" is Azerbaijan's condition.
                string h = type == StanceCueType.Condition && m.Index == 1678 ? "Azerbaijan" : holder;
                cues.Add(new StanceCue(type, m.Index, m.Index + m.Length, ts, te, m.Value, h));
            }
        document.SetStanceCues(cues.OrderBy(c => c.Start).ToList());

        var scores = new List<SentimentScore>();
        foreach (var s in document.Sentences)
        {
            var span = s.Text;
            double compound = Math.Clamp(0.3 * Regex.Matches(span, @"\bpeace\b").Count - 0.4 * Regex.Matches(span, @"\bnot\b").Count, -1, 1);
            scores.Add(new SentimentScore(s.Start, s.End, compound, compound > 0.05 ? SentimentLabel.Positive : compound < -0.05 ? SentimentLabel.Negative : SentimentLabel.Neutral));
        }
        double mean = scores.Count == 0 ? 0 : Math.Round(scores.Average(x => x.Compound), 4);
        document.SetSentiment(new DocumentSentiment(new SentimentScore(0, text.Length, mean, mean > 0.05 ? SentimentLabel.Positive : mean < -0.05 ? SentimentLabel.Negative : SentimentLabel.Neutral), scores));
    }

    private static (int, int) Tokens(Document doc, int start, int end)
    {
        int first = doc.TokenIndexAt(start), last = first;
        while (last < doc.TokenStore.Length && doc.TokenStore[last].Start < end) last++;
        return (first, last);
    }
}

/// <summary>Adds deterministic POS tags and lemmas (tests of the JSON round trip only).</summary>
internal sealed class FakeTagger : IPipelineComponent
{
    public string Name => "faketagger";

    public void Process(Document document, CancellationToken cancellationToken)
    {
        int n = document.TokenStore.Length;
        var pos = new UPos[n];
        var tags = new string[n];
        var lemmas = new string[n];
        for (int i = 0; i < n; i++)
        {
            var t = document.Tokens[i];
            pos[i] = t.Kind switch { TokenKind.Punctuation => UPos.Punct, TokenKind.Number => UPos.Num, _ => char.IsUpper(t.Span[0]) ? UPos.Propn : UPos.Noun };
            tags[i] = pos[i] switch { UPos.Punct => ".", UPos.Num => "CD", UPos.Propn => "NNP", _ => "NN" };
            lemmas[i] = t.Text.ToLowerInvariant();
        }
        document.SetTags(pos, tags);
        document.SetLemmas(lemmas);
    }
}

internal static class ArticleFixture
{
    public const int EntityCount = 41;   // Azerbaijan 14, Armenia 12, Baku 7, Antalya Diplomacy Forum 3, Yerevan 2, Bayramov 2, Mirzoyan 1
    public const int CueCount = 14;      // will not sign 1, until 4, should 4, must 1, likely 2, Clearly 1, unfortunately 1

    private static readonly Lazy<Document> Lazy = new(() => Annotate(File.ReadAllText(TestPaths.Article), "huseynov-2025-04-17"));

    /// <summary>The article with real tokens and sentences and the fixed layers above.</summary>
    public static Document Article => Lazy.Value;

    public static Pipeline CreatePipeline(bool tagged = false)
    {
        var nlp = new Pipeline().Add(new SentenceSplitter());
        if (tagged) nlp.Add(new FakeTagger());
        return nlp.Add(new FixedAnnotator());
    }

    public static Document Annotate(string text, string id, bool tagged = false) => CreatePipeline(tagged).Process(text, id);
}
