using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace TextLens.Tests.Output;

using Pipeline = TextLens.Pipeline;

public class HtmlOutputTests
{
    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [Test]
    public void ArticleReportHighlightsEntitiesAndCues()
    {
        var doc = ArticleFixture.Article;
        var page = Parse(DocumentHtmlWriter.ToHtml(doc, source: "https://example.org/article?a=1&b=2"));
        var text = page.QuerySelector("article.text")!;

        // Every entity is one mark (none of the fixed entities crosses a sentence or cue).
        var marks = text.QuerySelectorAll("mark.ent");
        Assert.That(marks.Select(m => m.GetAttribute("data-i")).Distinct().Count(), Is.EqualTo(ArticleFixture.EntityCount));
        Assert.That(marks.Count(m => m.GetAttribute("data-label") == "GPE"), Is.EqualTo(35));
        var first = marks[0];
        Assert.That(first.GetAttribute("data-label"), Is.EqualTo("GPE"));
        Assert.That(first.TextContent, Is.EqualTo("ArmeniaGPE"));
        Assert.That(first.QuerySelector(".lbl")!.TextContent, Is.EqualTo("GPE"));

        var cues = text.QuerySelectorAll("span.cue");
        Assert.That(cues.Select(c => c.GetAttribute("data-i")).Distinct().Count(), Is.EqualTo(ArticleFixture.CueCount));
        var refusal = cues.Single(c => c.GetAttribute("data-type") == "REFUSAL");
        Assert.That(refusal.TextContent, Does.StartWith("will not sign"));
        Assert.That(refusal.GetAttribute("title"), Is.EqualTo("REFUSAL · holder: Azerbaijan"));

        // The visible text (without badges) is the document text.
        var clone = (IElement)text.Clone();
        foreach (var badge in clone.QuerySelectorAll(".lbl, .ctag").ToList()) badge.Remove();
        Assert.That(clone.TextContent, Is.EqualTo(doc.Text));

        // Sentences: one id per sentence, one band segment per sentence, coloured by label.
        Assert.That(text.QuerySelectorAll("span.sent[id]"), Has.Length.EqualTo(doc.Sentences.Count));
        var band = page.QuerySelectorAll(".band a.seg");
        Assert.That(band, Has.Length.EqualTo(doc.Sentences.Count));
        Assert.That(band.Count(a => a.ClassList.Contains("neg")), Is.EqualTo(doc.Sentiment!.Sentences.Count(s => s.Label == SentimentLabel.Negative)));

        // Summary tables and the tone chart.
        var gpeRow = page.QuerySelector("table.entities tr[data-label=GPE]")!;
        Assert.That(gpeRow.QuerySelector("td.n")!.TextContent, Is.EqualTo("35"));
        Assert.That(gpeRow.Children[2].TextContent, Does.StartWith("Azerbaijan (14), Armenia (12), Baku (7), Yerevan (2)"));
        Assert.That(page.QuerySelectorAll("table.cues .ci"), Has.Length.EqualTo(ArticleFixture.CueCount));
        var azerbaijan = page.QuerySelectorAll("table.cues tr[data-holder=Azerbaijan]");
        Assert.That(azerbaijan.Select(r => r.QuerySelector(".cue")!.TextContent), Is.EqualTo(new[] { "REFUSAL", "CONDITION" }));
        Assert.That(azerbaijan[0].QuerySelector(".ci")!.TextContent, Does.StartWith("will not sign "));
        var bars = page.QuerySelectorAll("svg.tone g.bar");
        Assert.That(bars, Has.Length.EqualTo(7));
        Assert.That(bars[0].QuerySelector("text")!.TextContent, Is.EqualTo("Azerbaijan"));

        // Self-contained: no scripts, stylesheets, images or fonts from anywhere; the only link is the source.
        Assert.That(page.QuerySelectorAll("script, link, img, iframe, object, embed"), Is.Empty);
        Assert.That(page.QuerySelectorAll("[src]"), Is.Empty);
        var external = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith('#')).ToList();
        Assert.That(external, Is.EqualTo(new[] { "https://example.org/article?a=1&b=2" }));
    }

    [Test]
    public void HostileTextIsEscapedEverywhere()
    {
        const string hostile = "Azerbaijan said <script>alert(1)</script> & <img src=x onerror=alert(2)> \"quoted\" 'single'. Armenia will not sign.";
        var nlp = ArticleFixture.CreatePipeline();
        var doc = nlp.Process(hostile, "<script>alert(3)</script>");
        string html = DocumentHtmlWriter.ToHtml(doc, title: "\"><script>alert(4)</script>", source: "javascript:alert(5)");
        var page = Parse(html);

        Assert.That(page.QuerySelectorAll("script"), Is.Empty);
        Assert.That(page.QuerySelectorAll("img"), Is.Empty);
        Assert.That(page.QuerySelectorAll("a[href^=javascript]"), Is.Empty);
        Assert.That(page.QuerySelector(".src")!.TextContent, Is.EqualTo("javascript:alert(5)"));
        Assert.That(page.Title, Is.EqualTo("\"><script>alert(4)</script> — TextLens"));
        var text = (IElement)page.QuerySelector("article.text")!.Clone();
        foreach (var badge in text.QuerySelectorAll(".lbl, .ctag").ToList()) badge.Remove();
        Assert.That(text.TextContent, Is.EqualTo(hostile));
        Assert.That(html, Does.Not.Contain("<script>"));
    }

    [Test]
    public void HostileLabelsAndHoldersStayInsideTheirAttributes()
    {
        var nlp = new Pipeline().Add(new SentenceSplitter()).Add(new HostileAnnotator());
        var doc = nlp.Process("Alpha beta gamma delta.", "x");
        var page = Parse(DocumentHtmlWriter.ToHtml(doc));
        Assert.That(page.QuerySelectorAll("script, img"), Is.Empty);
        Assert.That(page.QuerySelectorAll("style"), Has.Length.EqualTo(1));
        var mark = page.QuerySelector("article.text mark.ent")!;
        Assert.That(mark.GetAttribute("data-label"), Is.EqualTo(HostileAnnotator.Label));
        var cue = page.QuerySelector("article.text span.cue")!;
        Assert.That(cue.GetAttribute("title"), Is.EqualTo("HEDGE · holder: " + HostileAnnotator.Holder));
    }

    [Test]
    public void CrossingAnnotationsStayWellFormed()
    {
        // Entity [0,11) "Alpha beta " crosses cue [6,16) "beta gamma": both render, text is intact.
        var nlp = new Pipeline().Add(new SentenceSplitter()).Add(new CrossingAnnotator());
        var doc = nlp.Process("Alpha beta gamma delta.", "x");
        var page = Parse(DocumentHtmlWriter.ToHtml(doc));
        var text = (IElement)page.QuerySelector("article.text")!.Clone();
        Assert.That(text.QuerySelectorAll("mark.ent").Select(m => m.GetAttribute("data-i")).Distinct().Count(), Is.EqualTo(1));
        Assert.That(text.QuerySelectorAll("span.cue").Select(m => m.GetAttribute("data-i")).Distinct().Count(), Is.EqualTo(1));
        foreach (var badge in text.QuerySelectorAll(".lbl, .ctag").ToList()) badge.Remove();
        Assert.That(text.TextContent, Is.EqualTo("Alpha beta gamma delta."));
    }

    [Test]
    public void EmptyLayersShowNone()
    {
        var doc = new Pipeline().Add(new SentenceSplitter()).Process("Nothing to see here.", "empty");
        var page = Parse(DocumentHtmlWriter.ToHtml(doc));
        Assert.That(page.QuerySelectorAll(".none").Select(e => e.TextContent).ToList(), Has.Count.EqualTo(4).And.All.EqualTo("(none)"));
    }

    private sealed class HostileAnnotator : IPipelineComponent
    {
        public const string Label = "X\"]{}</style><script>alert(1)</script>";
        public const string Holder = "\"><img src=x onerror=alert(1)>";

        public string Name => "hostile";

        public void Process(Document document, CancellationToken cancellationToken)
        {
            document.SetEntities([new Entity(new EntityLabel(Label), 0, 5, 0, 1, "Alpha", EntitySource.Rule, null)]);
            document.SetStanceCues([new StanceCue(StanceCueType.Hedge, 6, 10, 1, 2, "beta", Holder)]);
        }
    }

    private sealed class CrossingAnnotator : IPipelineComponent
    {
        public string Name => "crossing";

        public void Process(Document document, CancellationToken cancellationToken)
        {
            document.SetEntities([new Entity(EntityLabel.Org, 0, 10, 0, 2, "Alpha beta", EntitySource.Model, 0.9)]);
            document.SetStanceCues([new StanceCue(StanceCueType.Hedge, 6, 16, 1, 3, "beta gamma", "author")]);
        }
    }
}
