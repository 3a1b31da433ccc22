using System.Text.Json;

namespace TextLens.Tests.Sentiment;

/// <summary>The sentiment component inside a pipeline: sentences, paragraphs, document, entities, stance hedges.</summary>
public class SentimentPipelineTests
{
    /// <summary>Stands in for the entity recogniser: marks every occurrence of the given names as GPE.</summary>
    private sealed class FakeEntities(params string[] names) : IPipelineComponent
    {
        public string Name => "entities";

        public void Process(Document document, CancellationToken cancellationToken)
        {
            var list = new List<Entity>();
            foreach (var t in document.Tokens)
                if (names.Contains(t.Text))
                    list.Add(new Entity(EntityLabel.Gpe, t.Start, t.End, t.Index, t.Index + 1, t.Text, EntitySource.Rule, null));
            document.SetEntities(list);
        }
    }

    /// <summary>Stands in for the stance layer: marks every "likely" as a hedge.</summary>
    private sealed class FakeStance : IPipelineComponent
    {
        public string Name => "stance";

        public void Process(Document document, CancellationToken cancellationToken)
        {
            var list = new List<StanceCue>();
            foreach (var t in document.Tokens)
                if (t.Text is "likely" or "perhaps")
                    list.Add(new StanceCue(StanceCueType.Hedge, t.Start, t.End, t.Index, t.Index + 1, t.Text, "author"));
            document.SetStanceCues(list);
        }
    }

    [Test]
    public void SentimentIsTheLastComponentOfTheEnglishPipeline()
    {
        var nlp = TextLens.Pipeline.CreateEnglish();
        Assert.That(nlp.ComponentNames[^1], Is.EqualTo("sentiment"));
    }

    [Test]
    public void SentencesParagraphsAndDocumentAreScored()
    {
        const string text = "The ceasefire collapsed. The envoy travelled to the north.\n\nThe new talks are a breakthrough. Both sides welcomed them.";
        // The lexicon scorer alone: paragraph and document averaging is the same whichever decides the sentences.
        var doc = TextLens.Pipeline.CreateEnglish().Replace(new SentimentAnalyzer()).Process(text);
        var s = doc.Sentiment!;
        Assert.Multiple(() =>
        {
            Assert.That(s.Sentences.Select(x => x.Label), Is.EqualTo(new[] { SentimentLabel.Negative, SentimentLabel.Neutral, SentimentLabel.Positive, SentimentLabel.Positive }));
            Assert.That(s.Sentences.Select(x => (x.Start, x.End)), Is.EqualTo(doc.Sentences.Select(x => (x.Start, x.End))));
            Assert.That(s.Paragraphs.Select(x => x.Label), Is.EqualTo(new[] { SentimentLabel.Negative, SentimentLabel.Positive }));
            Assert.That(s.Paragraphs[0].Compound, Is.EqualTo(s.Sentences[0].Compound), "a sentence without sentiment does not dilute its paragraph");
            Assert.That(s.Document.Compound, Is.EqualTo((s.Sentences[0].Compound + s.Sentences[2].Compound + s.Sentences[3].Compound) / 3).Within(1e-12));
            Assert.That(s.Document.Start, Is.Zero);
            Assert.That(s.Document.End, Is.EqualTo(text.Length));
        });
    }

    [Test]
    public void JsonCarriesEachSentenceLabel()
    {
        var doc = TextLens.Pipeline.CreateEnglish().Process("The summit was a success. The envoy arrived on Monday. The talks collapsed.");
        using var json = JsonDocument.Parse(doc.ToJson());
        var labels = json.RootElement.GetProperty("sentences").EnumerateArray().Select(x => x.GetProperty("sentiment").GetInt32());
        Assert.That(labels, Is.EqualTo(new[] { 1, 0, -1 }));
    }

    [Test]
    public void EntityToneIsTheMeanOfTheClausesMentioningIt()
    {
        // The lexicon scorer alone (no target model): the tone of the clause holding each mention.
        var nlp = TextLens.Pipeline.CreateEnglish().Replace(new FakeEntities("Armenia", "Azerbaijan")).Replace(new SentimentAnalyzer());
        var doc = nlp.Process("Armenia welcomed the breakthrough, but Azerbaijan rejected the proposal. Azerbaijan blocked the talks again.");
        var tones = doc.Sentiment!.Entities;
        Assert.Multiple(() =>
        {
            Assert.That(tones.Select(t => t.Text), Is.EqualTo(new[] { "Armenia", "Azerbaijan" }));
            Assert.That(tones[0].Label, Is.EqualTo(SentimentLabel.Positive));
            Assert.That(tones[0].Mentions, Is.EqualTo(1));
            Assert.That(tones[1].Label, Is.EqualTo(SentimentLabel.Negative));
            Assert.That(tones[1].Mentions, Is.EqualTo(2));
            Assert.That(tones[1].EntityLabel, Is.EqualTo(EntityLabel.Gpe));
        });
    }

    [Test]
    public void EntityToneGroupsAliasesAndSurnames()
    {
        var doc = TextLens.Pipeline.CreateEnglish().Process(
            "Foreign Minister Jeyhun Bayramov praised the European Union. Bayramov said the EU had been helpful. " +
            "Ilham Aliyev and Heydar Aliyev shaped the country; Aliyev is a common name. The U.S. and the United States are one.");
        var tones = doc.Sentiment!.Entities.Where(t => t.EntityLabel != EntityLabel.Norp).Select(t => $"{t.Text}×{t.Mentions}");
        // "Aliyev" alone could be either Aliyev: it stays on its own
        Assert.That(tones, Is.EqualTo(new[] { "Jeyhun Bayramov×2", "European Union×2", "Ilham Aliyev×1", "Heydar Aliyev×1", "Aliyev×1", "United States×2" }));
    }

    [Test]
    public void StanceHedgesSoftenWhenTheStanceLayerRan()
    {
        const string text = "Perhaps the agreement brings prosperity.";
        var plain = TextLens.Pipeline.CreateEnglish().Process(text).Sentiment!.Sentences[0];
        var withStance = TextLens.Pipeline.CreateEnglish().Replace(new FakeStance()).Process(text).Sentiment!.Sentences[0];
        var c = withStance.Contributions.Single(x => x.Text == "prosperity");
        Assert.Multiple(() =>
        {
            // The stance layer found "Perhaps": one hedge → × 0.85. Without it, the lexicon's own hedge list does the same.
            Assert.That(c.Weight, Is.EqualTo(2.5 * 0.85).Within(1e-4));
            Assert.That(c.Modifiers, Is.EqualTo(SentimentModifiers.Hedged));
            Assert.That(plain.Contributions.Single(x => x.Text == "prosperity").Weight, Is.EqualTo(2.5 * 0.85).Within(1e-4));
        });
    }

    [Test]
    public void StanceCuesReplaceTheLexiconHedgeList()
    {
        // "likely" is a stance hedge here, and the stance layer's list is the one used: two hedges → 0.85².
        const string text = "The deal will likely, perhaps, bring prosperity.";
        var doc = TextLens.Pipeline.CreateEnglish().Replace(new FakeStance()).Process(text);
        var c = doc.Sentiment!.Sentences[0].Contributions.Single(x => x.Text == "prosperity");
        Assert.That(c.Weight, Is.EqualTo(2.5 * 0.85 * 0.85).Within(1e-4));
    }

    [Test]
    public void ArticleDocumentScoresAreDeterministic()
    {
        string text = File.ReadAllText(TestPaths.Article);
        var nlp = TextLens.Pipeline.CreateEnglish();
        var a = nlp.Process(text).Sentiment!;
        var b = nlp.Process(text).Sentiment!;
        Assert.That(a.Sentences.Select(s => s.Compound), Is.EqualTo(b.Sentences.Select(s => s.Compound)));
    }

    [Test]
    public void WithoutSentencesTheWholeTextIsScored()
    {
        var nlp = new TextLens.Pipeline().Add(new SentimentAnalyzer());
        var doc = nlp.Process("The ceasefire collapsed and fighting resumed");
        Assert.Multiple(() =>
        {
            Assert.That(doc.Sentiment!.Sentences, Is.Empty);
            Assert.That(doc.Sentiment.Document.Label, Is.EqualTo(SentimentLabel.Negative));
            Assert.That(doc.Sentiment.Document.Contributions.Select(c => c.Text), Is.EqualTo(new[] { "ceasefire", "collapsed", "fighting" }));
        });
    }
}
