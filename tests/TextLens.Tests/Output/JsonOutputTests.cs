using System.Text.Json;

namespace TextLens.Tests.Output;

using Pipeline = TextLens.Pipeline;

public class JsonOutputTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Test]
    public void ArticleJsonFollowsTheEvaluationSchema()
    {
        var doc = ArticleFixture.Article;
        var root = Parse(doc.ToJson(source: "seed"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("id").GetString(), Is.EqualTo("huseynov-2025-04-17"));
            Assert.That(root.GetProperty("source").GetString(), Is.EqualTo("seed"));
            Assert.That(root.GetProperty("text_file").GetString(), Is.EqualTo("texts/huseynov-2025-04-17.txt"));
            Assert.That(root.GetProperty("sentences").GetArrayLength(), Is.EqualTo(doc.Sentences.Count));
            Assert.That(root.GetProperty("entities").GetArrayLength(), Is.EqualTo(ArticleFixture.EntityCount));
            Assert.That(root.GetProperty("stance_cues").GetArrayLength(), Is.EqualTo(ArticleFixture.CueCount));
            Assert.That(root.GetProperty("tokens").GetArrayLength(), Is.EqualTo(doc.Tokens.Count));
            Assert.That(root.GetProperty("text").GetString(), Is.EqualTo(doc.Text));
        }

        var first = root.GetProperty("entities")[0];
        Assert.That(first.GetProperty("start").GetInt32(), Is.EqualTo(74));
        Assert.That(first.GetProperty("end").GetInt32(), Is.EqualTo(81));
        Assert.That(first.GetProperty("label").GetString(), Is.EqualTo("GPE"));
        Assert.That(first.GetProperty("text").GetString(), Is.EqualTo("Armenia"));

        var refusal = root.GetProperty("stance_cues").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "REFUSAL");
        Assert.That(refusal.GetProperty("start").GetInt32(), Is.EqualTo(1623));
        Assert.That(refusal.GetProperty("end").GetInt32(), Is.EqualTo(1636));
        Assert.That(refusal.GetProperty("text").GetString(), Is.EqualTo("will not sign"));
        Assert.That(refusal.GetProperty("holder").GetString(), Is.EqualTo("Azerbaijan"));

        foreach (var s in root.GetProperty("sentences").EnumerateArray())
            Assert.That(s.GetProperty("sentiment").GetInt32(), Is.InRange(-1, 1));
        // Sentence of "will not sign ... until ..." has one "not" and one "peace" → compound -0.1 → negative.
        var sentence = doc.Sentences.Single(s => s.Start <= 1623 && 1623 < s.End);
        Assert.That(root.GetProperty("sentences")[sentence.Index].GetProperty("sentiment").GetInt32(), Is.EqualTo(-1));
    }

    [Test]
    public void SchemaFieldNamesAreExact()
    {
        var root = Parse(ArticleFixture.Article.ToJson());
        Assert.That(root.GetProperty("sentences")[0].EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "start", "end", "sentiment" }));
        Assert.That(root.GetProperty("entities")[0].EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "start", "end", "label", "text" }));
        Assert.That(root.GetProperty("stance_cues")[0].EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "start", "end", "type", "text", "holder" }));
        Assert.That(root.GetProperty("tokens")[0].EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "start", "end", "kind", "space_after" }));
    }

    [Test]
    public void RoundTripRebuildsTheWholeDocument()
    {
        var doc = ArticleFixture.Annotate(File.ReadAllText(TestPaths.Article), "article", tagged: true);
        string json = doc.ToJson(source: "a", textFile: "b.txt");
        var back = Document.FromJson(json);

        Assert.That(back.IsFrozen, Is.True);
        Assert.That(back.Id, Is.EqualTo("article"));
        Assert.That(back.Text, Is.EqualTo(doc.Text));
        Assert.That(back.Tokens.Count, Is.EqualTo(doc.Tokens.Count));
        for (int i = 0; i < doc.Tokens.Count; i++)
        {
            Token a = doc.Tokens[i], b = back.Tokens[i];
            Assert.That((b.Start, b.End, b.Kind, b.SpaceAfter, b.Pos, b.Tag, b.Lemma, b.SentenceIndex),
                Is.EqualTo((a.Start, a.End, a.Kind, a.SpaceAfter, a.Pos, a.Tag, a.Lemma, a.SentenceIndex)), $"token {i}");
        }
        Assert.That(back.Sentences.Select(s => (s.Start, s.End, s.TokenStart, s.TokenEnd)), Is.EqualTo(doc.Sentences.Select(s => (s.Start, s.End, s.TokenStart, s.TokenEnd))));
        Assert.That(back.Paragraphs, Is.EqualTo(doc.Paragraphs));
        Assert.That(back.Entities, Is.EqualTo(doc.Entities));
        Assert.That(back.StanceCues, Is.EqualTo(doc.StanceCues));
        Assert.That(back.Sentiment!.Document, Is.EqualTo(doc.Sentiment!.Document));
        Assert.That(back.Sentiment.Sentences, Is.EqualTo(doc.Sentiment.Sentences));
        Assert.That(back.ToJson(source: "a", textFile: "b.txt"), Is.EqualTo(json));
    }

    [Test]
    public void RoundTripOfTheFullEnglishPipeline()
    {
        var doc = Pipeline.CreateEnglish().Process(File.ReadAllText(TestPaths.Article), "huseynov-2025-04-17");
        string json = doc.ToJson();
        var back = Document.FromJson(json);
        Assert.That(back.ToJson(), Is.EqualTo(json));
        Assert.That(back.StanceCues.Select(c => (c.Type, c.Start, c.End, c.Holder, c.Polarity, c.HolderSpan, c.Target, c.LinkedCue)),
            Is.EqualTo(doc.StanceCues.Select(c => (c.Type, c.Start, c.End, c.Holder, c.Polarity, c.HolderSpan, c.Target, c.LinkedCue))));
        Assert.That(back.Entities, Is.EqualTo(doc.Entities));
        Assert.That(back.Sentiment?.Entities.Count ?? 0, Is.EqualTo(doc.Sentiment?.Entities.Count ?? 0));
        Assert.That(back.Sentiment?.Sentences.Sum(s => s.Contributions.Count) ?? 0, Is.EqualTo(doc.Sentiment?.Sentences.Sum(s => s.Contributions.Count) ?? 0));
    }

    [Test]
    public void RoundTripOfAnUntaggedDocumentWithoutLayers()
    {
        var doc = new Pipeline().Process("Plain words, no layers.", "p");
        var back = Document.FromJson(doc.ToJson());
        Assert.That(back.IsTagged, Is.False);
        Assert.That(back.Sentiment, Is.Null);
        Assert.That(back.Entities, Is.Empty);
        Assert.That(back.Tokens.Count, Is.EqualTo(doc.Tokens.Count));
        Assert.That(back.Tokens[0].Lemma, Is.Null);
    }

    [TestCase("{", "malformed JSON")]
    [TestCase("[]", "malformed JSON")]
    [TestCase("null", "null")]
    [TestCase("{\"id\":\"x\",\"sentences\":[],\"entities\":[],\"stance_cues\":[]}", "'text' field is missing")]
    [TestCase("{\"id\":\"x\",\"text\":\"ab\",\"tokens\":[{\"start\":0,\"end\":5,\"kind\":\"Word\"}]}", "token 0 has offsets [0, 5) outside the text (length 2)")]
    [TestCase("{\"id\":\"x\",\"text\":\"ab\",\"tokens\":[{\"start\":0,\"end\":2,\"kind\":\"Banana\"}]}", "unknown kind 'Banana'")]
    [TestCase("{\"id\":\"x\",\"text\":\"ab\",\"tokens\":[],\"stance_cues\":[{\"start\":0,\"end\":1,\"type\":\"SHRUG\",\"text\":\"a\",\"holder\":\"\"}]}", "unknown type 'SHRUG'")]
    [TestCase("{\"id\":\"x\",\"text\":\"ab\",\"tokens\":[{\"start\":0,\"end\":2,\"kind\":\"Word\"}],\"sentences\":[{\"start\":0,\"end\":2,\"sentiment\":7}]}", "sentiment 7")]
    public void MalformedJsonGivesAClearFormatException(string json, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => Document.FromJson(json));
        Assert.That(ex!.Message, Does.Contain(expected));
    }

    [Test]
    public void FromJsonRejectsNull() => Assert.Throws<ArgumentNullException>(() => Document.FromJson(null!));
}
