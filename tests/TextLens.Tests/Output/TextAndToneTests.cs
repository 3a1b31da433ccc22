namespace TextLens.Tests.Output;

using Pipeline = TextLens.Pipeline;

public class TextAndToneTests
{
    [Test]
    public void EntityToneRanksByMentions()
    {
        var tones = EntityTone.Summarize(ArticleFixture.Article);
        Assert.That(tones.Select(t => (t.Text, t.Label.Name, t.Mentions)).Take(4),
            Is.EqualTo(new[] { ("Azerbaijan", "GPE", 14), ("Armenia", "GPE", 12), ("Baku", "GPE", 7), ("Antalya Diplomacy Forum", "EVENT", 3) }));
        Assert.That(tones.All(t => t.Tone is >= -1 and <= 1), Is.True);
        Assert.That(EntityTone.Summarize(ArticleFixture.Article, 2), Has.Count.EqualTo(2));
    }

    [Test]
    public void EntityToneIsTheMeanOfMentioningSentences()
    {
        var doc = ArticleFixture.Annotate("Baku wants peace. Baku does not want peace. Yerevan is not happy.", "t");
        var tones = EntityTone.Summarize(doc);
        var baku = tones.Single(t => t.Text == "Baku");
        Assert.That((baku.Mentions, baku.Sentences, baku.Positive, baku.Negative), Is.EqualTo((2, 2, 1, 1)));
        Assert.That(baku.Tone, Is.EqualTo((0.3 + -0.1) / 2).Within(1e-9));
        Assert.That(tones.Single(t => t.Text == "Yerevan").Tone, Is.EqualTo(-0.4).Within(1e-9));
    }

    [Test]
    public void EntityToneGroupsAliasesSurnamesAndQuoteVariantsLikeTheSentimentStage()
    {
        var doc = TextLens.Pipeline.CreateEnglish().Process(
            "Jeyhun Bayramov met the European Union’s envoy. Bayramov thanked the EU. The EU's envoy left. The EU’s mission stayed.");
        var tones = EntityTone.Summarize(doc);
        Assert.Multiple(() =>
        {
            Assert.That(tones.Select(t => (t.Text, t.Mentions)), Is.EqualTo(new[] { ("European Union", 4), ("Jeyhun Bayramov", 2) }));
            // the summary takes the sentiment stage's clause-level tone, which names the groups the same way
            Assert.That(doc.Sentiment!.Entities.Select(e => (e.Text, e.Mentions)), Is.EqualTo(new[] { ("Jeyhun Bayramov", 2), ("European Union", 4) }));
            Assert.That(tones[0].Tone, Is.EqualTo(Math.Round(doc.Sentiment.Entities[1].Compound, 4)));
        });
    }

    [Test]
    public void TextReportGroupsCuesByHolder()
    {
        string report = DocumentTextWriter.ToText(ArticleFixture.Article);
        Assert.That(report, Does.Contain("Azerbaijan — REFUSAL: will not sign · CONDITION: until"));
        Assert.That(report, Does.Contain("Entities (41)"));
        Assert.That(report, Does.Contain("  GPE      35  Azerbaijan ×14, Armenia ×12, Baku ×7, Yerevan ×2"));
        Assert.That(report, Does.Contain("Stance cues by holder (14)"));
    }

    [Test]
    public void TextReportShowsNoneForEmptyLayers()
    {
        var doc = new Pipeline().Process("Just tokens.", "bare");
        string report = DocumentTextWriter.ToText(doc);
        Assert.That(report.Split('\n').Count(l => l.Trim() == "(none)"), Is.EqualTo(4));
    }
}

public class OutputArgumentTests
{
    [Test]
    public void NullArgumentsThrowArgumentNullException()
    {
        var doc = ArticleFixture.Article;
        using (Assert.EnterMultipleScope())
        {
            Assert.Throws<ArgumentNullException>(() => DocumentHtmlWriter.ToHtml(null!));
            Assert.Throws<ArgumentNullException>(() => DocumentHtmlWriter.Write(doc, null!));
            Assert.Throws<ArgumentNullException>(() => DocumentTextWriter.ToText(null!));
            Assert.Throws<ArgumentNullException>(() => EntityTone.Summarize(null!));
            Assert.Throws<ArgumentNullException>(() => new DocumentCsvWriter((string)null!));
            Assert.Throws<ArgumentNullException>(() => new DocumentCsvWriter(null!, TextWriter.Null, TextWriter.Null, TextWriter.Null));
            Assert.Throws<ArgumentNullException>(() => DocumentCsvWriter.WriteFiles(null!, "x"));
        }
        using var csv = new DocumentCsvWriter(TextWriter.Null, TextWriter.Null, TextWriter.Null, TextWriter.Null);
        Assert.Throws<ArgumentNullException>(() => csv.Write(null!));
    }

    [Test]
    public void HostileTextRendersInLinearTime()
    {
        // Deeply repetitive markup-like text with many sentences: every writer handles it without exceptions.
        string text = string.Concat(Enumerable.Repeat("<b>&amp; \"Baku\" should not</b>.\u0000\u202E ", 3000));
        var doc = ArticleFixture.Annotate(text, "hostile");
        Assert.That(DocumentHtmlWriter.ToHtml(doc), Does.Not.Contain("<b>&amp;").And.Contain("&lt;b&gt;&amp;amp;"));
        Assert.That(DocumentTextWriter.ToText(doc), Does.Contain("hostile"));
        Assert.That(Document.FromJson(doc.ToJson()).Text, Is.EqualTo(text));
        var w = new StringWriter();
        using var csv = new DocumentCsvWriter(w, TextWriter.Null, TextWriter.Null, TextWriter.Null);
        csv.Write(doc);
        csv.Complete();
        Assert.That(w.ToString(), Does.StartWith("doc_id,"));
    }
}
