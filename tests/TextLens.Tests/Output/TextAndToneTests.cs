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
