using System.Diagnostics;
using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using TextLens.Cli;

namespace TextLens.Tests.Output;

using Pipeline = TextLens.Pipeline;

/// <summary>
/// The corpus report over a corpus written by the hidden <c>textlens gen-corpus</c> command and analysed once: aggregates
/// against counts computed naively from the documents and from the generator's bylines, escaping, a table behind every
/// chart, and bounded aggregates over 10,000 documents.
/// </summary>
public class CorpusReportTests
{
    private const int Documents = 40;
    private static readonly DateTime FileTime = new(2024, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    private string _dir = "";
    private List<Document> _docs = [];
    private CorpusReportResult _result = null!;

    private string Texts => Path.Combine(_dir, "texts");
    private string Json => Path.Combine(_dir, "json");
    private string Report => Path.Combine(_dir, "report", "report.html");

    [OneTimeSetUp]
    public void GenerateAnalyseAndReport()
    {
        _dir = Path.Combine(Path.GetTempPath(), "textlens-corpus-" + Guid.NewGuid().ToString("N"));
        var io = new CliIO(new StringReader(""), new StringWriter(), new StringWriter(), false);
        int exit = CliApp.RunAsync(["gen-corpus", "-n", Documents.ToString(CultureInfo.InvariantCulture), "-o", Texts, "--seed", "7"], io, CancellationToken.None, handleSignals: false).GetAwaiter().GetResult();
        Assert.That(exit, Is.Zero);
        Directory.CreateDirectory(Json);
        var nlp = Pipeline.CreateEnglish();
        foreach (var file in Directory.GetFiles(Texts, "*.txt").Order(StringComparer.Ordinal))
        {
            File.SetLastWriteTimeUtc(file, FileTime); // the fallback date of documents without a byline date
            var doc = nlp.Process(File.ReadAllText(file), Path.GetFileNameWithoutExtension(file));
            File.WriteAllText(Path.Combine(Json, doc.Id + ".json"), doc.ToJson(source: file, textFile: file));
            _docs.Add(doc);
        }
        File.WriteAllText(Path.Combine(Json, "broken.json"), "{ \"id\": \"broken\", ");
        File.WriteAllText(Path.Combine(Json, "surrogate.json"), "{ \"id\": \"s\", \"source\": \"\\ud800\" }");
        _result = CorpusReport.Write(Json, Report);
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    // The generator's byline is "By <person>, <date>": "17 April 2025" and "March 2024" are dates, the others
    // ("last year", "2023", "April 11-13"…) are not, so those documents fall back to their file time.
    private static string ExpectedMonth(Document doc)
    {
        string byline = doc.Text.Split('\n')[2];
        return byline.EndsWith(", 17 April 2025", StringComparison.Ordinal) ? "2025-04"
            : byline.EndsWith(", March 2024", StringComparison.Ordinal) ? "2024-03"
            : "2024-06";
    }

    [Test]
    public void CountsDocumentsPerMonthFromBylinesFallingBackToFileTimes()
    {
        var s = _result.Summary;
        Assert.That(s.Documents, Is.EqualTo(Documents));
        Assert.That(_result.Failures, Has.Count.EqualTo(2).And.Some.Contains("broken.json").And.Some.Contains("surrogate.json"));
        var expected = _docs.GroupBy(ExpectedMonth).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(expected.Keys, Is.EquivalentTo(new[] { "2024-03", "2024-06", "2025-04" }), "the seed gives all three kinds of byline");
        Assert.That(s.PeriodsAreYears, Is.False);
        Assert.That(s.Periods.Select(p => p.Name), Is.EqualTo(Enumerable.Range(0, 14).Select(i => new DateOnly(2024, 3, 1).AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture))));
        Assert.That(s.Periods.Where(p => p.Documents > 0).ToDictionary(p => p.Name, p => p.Documents), Is.EquivalentTo(expected));
        Assert.That(s.DatedByByline, Is.EqualTo(expected["2024-03"] + expected["2025-04"]));
        Assert.That(s.DatedByFileTime, Is.EqualTo(expected["2024-06"]));
        Assert.That(s.Undated + s.DatedByFileName, Is.Zero);
    }

    [Test]
    public void EntityMentionsAndTonePerPeriodMatchTheDocuments()
    {
        var s = _result.Summary;
        Assert.That(s.EntityMentions, Is.EqualTo(_docs.Sum(d => d.Entities.Count(e => e.Label != EntityLabel.Date))));
        int checkedEntities = 0;
        foreach (var name in new[] { "Russia", "Armenia", "Iran", "Poland" })
        {
            var perDoc = _docs.Select(d => (Doc: d, Tone: EntityTone.Summarize(d, int.MaxValue).FirstOrDefault(t => t.Text == name && t.Label == EntityLabel.Gpe)))
                .Where(x => x.Tone is not null).ToList();
            if (perDoc.Count == 0) continue;
            var entity = s.AllEntities.Single(e => e.Name == name && e.Label == EntityLabel.Gpe);
            Assert.That(entity.Mentions, Is.EqualTo(perDoc.Sum(x => x.Tone!.Mentions)), name);
            Assert.That(entity.Documents, Is.EqualTo(perDoc.Count), name);
            Assert.That(entity.Tone, Is.EqualTo(Math.Round(perDoc.Average(x => x.Tone!.Tone), 4)).Within(1e-9), name);
            var byMonth = perDoc.GroupBy(x => ExpectedMonth(x.Doc)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            Assert.That(entity.Periods.Select(p => (p.Period, p.Mentions, p.Documents)),
                Is.EqualTo(byMonth.Select(g => (g.Key, (long)g.Sum(x => x.Tone!.Mentions), g.Count()))), name);
            checkedEntities++;
        }
        Assert.That(checkedEntities, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void ActorStanceCountsMatchTheCuesOfEachCountry()
    {
        var s = _result.Summary;
        int nonZero = 0;
        foreach (var country in new[] { "Armenia", "Azerbaijan", "Georgia", "Turkey", "Iran", "Russia", "France", "Germany", "Kazakhstan", "Ukraine", "Moldova", "Poland", "Greece" })
        {
            foreach (var type in CorpusAggregator.StanceTypes)
            {
                var cues = _docs.Select(d => d.StanceCues.Count(c => c.Type == type && c.Holder == country)).ToList();
                int expected = cues.Sum();
                var actor = s.AllActors.SingleOrDefault(a => a.Name == country);
                Assert.That(actor?[type].Cues ?? 0, Is.EqualTo(expected), $"{country} {type}");
                Assert.That(actor?[type].Documents ?? 0, Is.EqualTo(cues.Count(n => n > 0)), $"{country} {type} documents");
                if (expected > 0) nonZero++;
            }
        }
        Assert.That(nonZero, Is.GreaterThan(5), "the generated corpus has refusals, commitments and conditions held by countries");
        var top = s.TopRefusers[0];
        Assert.That(top[StanceCueType.Refusal].Cues, Is.EqualTo(s.AllActors.Max(a => a[StanceCueType.Refusal].Cues)));
        Assert.That(top[StanceCueType.Refusal].Phrases.Sum(p => p.Count), Is.LessThanOrEqualTo(top[StanceCueType.Refusal].Cues));
        var refuser = s.AllActors.First(a => a.Label == "GPE" && a[StanceCueType.Refusal].Cues > 0);
        var examples = refuser[StanceCueType.Refusal].Examples;
        var refusingDocs = _docs.Where(d => d.StanceCues.Any(c => c.Type == StanceCueType.Refusal && c.Holder == refuser.Name)).Select(d => d.Id).ToList();
        Assert.That(examples.Select(e => e.DocumentId), Is.EqualTo(refusingDocs.TakeLast(3)), $"{refuser.Name}: one example from each of the last documents");
        Assert.That(examples.Select(e => e.ReportHref), Is.All.EqualTo("../json/").Or.StartsWith("../json/"));
        Assert.That(s.AuthorCues.Sum(c => c.Count), Is.EqualTo(_docs.Sum(d => d.StanceCues.Count(c => c.Holder == StanceCue.Author))));
    }

    [Test]
    public void DocumentsCsvHasOneRowPerDocumentWithItsCounts()
    {
        var lines = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(Report)!, "documents.csv"));
        Assert.That(lines[0], Is.EqualTo("doc_id,group,date,date_source,tokens,entities,stance_cues,refusals,hedges,hedges_per_1000_tokens,sentiment_score,report"));
        Assert.That(lines, Has.Length.EqualTo(Documents + 1));
        for (int i = 0; i < Documents; i++)
        {
            var doc = _docs[i];
            var cells = lines[i + 1].Split(',');
            Assert.That(cells[0], Is.EqualTo(doc.Id));
            Assert.That(cells[1], Is.EqualTo("texts"));
            Assert.That(cells[2][..7], Is.EqualTo(ExpectedMonth(doc)));
            Assert.That(cells[3], Is.EqualTo(ExpectedMonth(doc) == "2024-06" ? "file_time" : "byline"));
            Assert.That(int.Parse(cells[4], CultureInfo.InvariantCulture), Is.EqualTo(doc.Tokens.Count));
            Assert.That(int.Parse(cells[7], CultureInfo.InvariantCulture), Is.EqualTo(doc.StanceCues.Count(c => c.Type == StanceCueType.Refusal)));
            Assert.That(int.Parse(cells[8], CultureInfo.InvariantCulture), Is.EqualTo(doc.StanceCues.Count(c => c.Type == StanceCueType.Hedge)));
            Assert.That(cells[11], Is.EqualTo("../json/" + doc.Id + ".json"));
        }
        foreach (var f in CorpusReport.CsvFileNames) Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(Report)!, f)), f);
    }

    [Test]
    public void SentimentDistributionAndOutliersMatchTheDocuments()
    {
        var s = _result.Summary;
        var group = s.SentimentByGroup.Single();
        Assert.That(group.Name, Is.EqualTo("texts"));
        Assert.That((group.Positive, group.Neutral, group.Negative), Is.EqualTo((
            _docs.Count(d => d.Sentiment!.Document.Label == SentimentLabel.Positive),
            _docs.Count(d => d.Sentiment!.Document.Label == SentimentLabel.Neutral),
            _docs.Count(d => d.Sentiment!.Document.Label == SentimentLabel.Negative))));
        Assert.That(group.Histogram.Sum(), Is.EqualTo(Documents));
        Assert.That(s.SentimentByYear.Select(y => (y.Name, y.Documents)),
            Is.EqualTo(_docs.GroupBy(d => ExpectedMonth(d)[..4]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count()))));

        var negative = _docs.OrderBy(d => Math.Round(d.Sentiment!.Document.Compound, 4)).First();
        Assert.That(s.MostNegative[0].Document.Id, Is.EqualTo(negative.Id));
        Assert.That(s.MostNegative, Has.Count.EqualTo(10));
        int maxRefusals = _docs.Max(d => d.StanceCues.Count(c => c.Type == StanceCueType.Refusal));
        Assert.That(s.MostRefusals[0].Value, Is.EqualTo(maxRefusals));
        Assert.That(s.MostRefusals.Select(o => o.Value), Is.Ordered.Descending);
    }

    [Test]
    public void EveryChartNamesATableThatExists()
    {
        var html = File.ReadAllText(Report);
        var page = new HtmlParser().ParseDocument(html);
        var charts = page.QuerySelectorAll("svg");
        Assert.That(charts.Length, Is.GreaterThan(10), "time chart, refusals chart, sentiment charts and sparklines");
        foreach (var svg in charts)
        {
            string? id = svg.GetAttribute("data-table");
            Assert.That(id, Is.Not.Null.And.Not.Empty, svg.OuterHtml[..Math.Min(120, svg.OuterHtml.Length)]);
            Assert.That(page.GetElementById(id!)?.LocalName, Is.EqualTo("table"), id);
        }
        var timeTable = page.GetElementById("t-time")!;
        Assert.That(timeTable.QuerySelectorAll("tbody tr").Select(r => r.Children[1].TextContent), Is.EqualTo(_result.Summary.Periods.Select(p => p.Documents.ToString(CultureInfo.InvariantCulture))));
        var phraseLinks = page.QuerySelectorAll("#t-actors a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.That(phraseLinks, Is.Not.Empty.And.All.Matches<string>(h => h!.StartsWith("../json/doc-", StringComparison.Ordinal) && h.EndsWith(".json", StringComparison.Ordinal)),
            "matrix phrases link to the documents' reports");
        Assert.That(page.QuerySelectorAll("script, link, img, iframe, object"), Is.Empty);
        Assert.That(page.QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content"), Does.StartWith("default-src 'none'"));
        Assert.That(new FileInfo(Report).Length, Is.LessThan(2_000_000));
    }

    [Test]
    public void ChromiumRendersThePageWithoutConsoleMessages()
    {
        string browser = FindChromium() ?? "";
        if (browser.Length == 0) Assert.Ignore("Chromium is not installed (apt-get install -y chromium): the page is not checked in a real browser.");
        var (dom, console) = RenderInChromium(browser, Report);
        Assert.That(console, Is.Empty, "console messages (CSP violations, errors) while rendering the report");
        Assert.That(dom, Does.Contain("id=\"t-refusals\"").And.Contain("<svg class=\"spark\""));

        // The check can fail: a page that breaks its own CSP logs a console message.
        string bad = Path.Combine(_dir, "bad.html");
        File.WriteAllText(bad, File.ReadAllText(Report).Replace("<body>", "<body><script>console.log(1)</script>", StringComparison.Ordinal));
        Assert.That(RenderInChromium(browser, bad).Console, Is.Not.Empty);
    }

    private static string? FindChromium()
    {
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        return null;
    }

    // Headless Chromium with console logging on stderr: returns the rendered DOM and the console lines.
    private (string Dom, List<string> Console) RenderInChromium(string browser, string page)
    {
        string profile = Path.Combine(_dir, "chromium-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                     "--disable-component-update", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(page).AbsoluteUri })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string dom = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish in 120 s");
        }
        var console = stderr.Result.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
        return (dom, console);
    }

    [Test]
    public void HostileNamesAreEscapedAndUnsafeLinksDropped()
    {
        const string evil = "<script>alert(1)</script>\"'&";
        var row = new CorpusDocumentRow("<img src=x onerror=alert(1)>", evil, new DateOnly(2025, 1, 2), CorpusDateSource.Byline, 100, 1, 1, 1, 0, -0.5, "javascript:alert(1)");
        var stance = new CorpusActorStance(StanceCueType.Refusal, 1, 1, [new CorpusCount(evil, 1), new CorpusCount("veto", 2, "d1", "javascript:alert(1)")],
            [new CorpusCount("</td><script>", 1, evil, "../x/\"onmouseover=alert(1).html")],
            [new CorpusExample("<b>doc</b>", "data:text/html,<script>alert(1)</script>", evil, evil)]);
        var cells = CorpusAggregator.StanceTypes.Select(t => t == StanceCueType.Refusal ? stance : new CorpusActorStance(t, 0, 0, [], [], [])).ToArray();
        var actor = new CorpusActor(evil, "<LABEL>", 1, cells);
        var summary = new CorpusSummary
        {
            Documents = 1,
            Periods = [new CorpusPeriod("2025-01", 1)],
            TopEntities = [new CorpusEntity(evil, new EntityLabel("<x-label onclick=alert(1)>"), 3, 1, -0.2, [new CorpusEntityPeriod("2025-01", 3, 1, -0.2)])],
            Actors = [actor],
            TopRefusers = [actor],
            SentimentByGroup = [new CorpusSentimentGroup(evil, 1, 0, 0, 1, -0.5, [0, 0, 1, 0, 0, 0, 0, 0, 0, 0])],
            MostNegative = [new CorpusOutlier(row, -0.5)],
        };
        string html = CorpusHtmlWriter.ToHtml(summary, evil);
        Assert.That(html, Does.Not.Contain("<script"));
        Assert.That(html, Does.Not.Contain("<img"));
        Assert.That(html, Does.Not.Contain("<b>doc"));
        Assert.That(html, Does.Not.Contain("javascript:"));
        Assert.That(html, Does.Not.Contain("href=\"data:"));
        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"));
        var page = new HtmlParser().ParseDocument(html);
        Assert.That(page.QuerySelectorAll("script, img"), Is.Empty);
        Assert.That(page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith('#') && !h.EndsWith(".csv", StringComparison.Ordinal)),
            Is.All.EqualTo("../x/\"onmouseover=alert(1).html"), "unsafe links are left out; a relative one keeps its quote inside the attribute");
        Assert.That(page.QuerySelectorAll("[onmouseover]"), Is.Empty);
        Assert.That(page.Title, Does.StartWith(evil));
    }

    [Test]
    public void TenThousandDocumentsAggregateInBoundedTables()
    {
        // The 40 analysed documents streamed 250 times over 24 months: the tables stop growing once every entity,
        // holder, phrase and month has been seen; only the document count and the sums keep growing.
        var corpus = new CorpusAggregator();
        (int Entities, int Actors, int Periods, int Phrases) sizesAt1000 = default;
        for (int i = 0; i < 10_000; i++)
        {
            var doc = _docs[i % _docs.Count];
            corpus.Add(doc, new CorpusDocumentInfo("g" + (i % 3), new DateOnly(2023, 1, 1).AddMonths(i % 24), CorpusDateSource.Byline, null));
            if (i == 999) sizesAt1000 = (corpus.TrackedEntities, corpus.TrackedActors, corpus.TrackedEntityPeriods, corpus.TrackedPhrases);
        }
        Assert.That(corpus.DocumentCount, Is.EqualTo(10_000));
        Assert.That((corpus.TrackedEntities, corpus.TrackedActors, corpus.TrackedEntityPeriods, corpus.TrackedPhrases), Is.EqualTo(sizesAt1000));
        var s = corpus.Summarize();
        Assert.That(s.EntityMentions, Is.EqualTo(250L * _docs.Sum(d => d.Entities.Count(e => e.Label != EntityLabel.Date))));
        Assert.That(s.Periods.Sum(p => p.Documents), Is.EqualTo(10_000));
        Assert.That(s.MostNegative, Has.Count.EqualTo(10));
        Assert.That(s.SentimentByGroup.Select(g => g.Documents), Is.EqualTo(new[] { 3334, 3333, 3333 }));
    }

    [Test]
    public void TablesNeverExceedTwiceTheirLimit()
    {
        var corpus = new CorpusAggregator(maxEntities: 3, maxActors: 2);
        int maxEntities = 0, maxActors = 0;
        foreach (var doc in _docs)
        {
            corpus.Add(doc, new CorpusDocumentInfo("g", null, CorpusDateSource.None, null));
            maxEntities = Math.Max(maxEntities, corpus.TrackedEntities);
            maxActors = Math.Max(maxActors, corpus.TrackedActors);
        }
        Assert.That(_docs.SelectMany(d => d.Entities).Select(e => e.Text).Distinct().Count(), Is.GreaterThan(6), "more entities than the limit allows");
        Assert.That(maxEntities, Is.InRange(3, 6));
        Assert.That(maxActors, Is.InRange(2, 4));
        Assert.That(corpus.Summarize().Periods, Is.Empty, "undated documents are in no period");
    }

    [Test]
    public void TheSameAnalysesGiveTheSameFiles()
    {
        string again = Path.Combine(_dir, "again", "report.html");
        CorpusReport.Write(Json, again);
        foreach (var name in CorpusReport.CsvFileNames.Append("report.html"))
        {
            string first = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Report)!, name));
            string second = File.ReadAllText(Path.Combine(Path.GetDirectoryName(again)!, name));
            Assert.That(second, Is.EqualTo(first), name);
        }
    }

    [Test]
    public void BylineDatesReadTheCommonFormats()
    {
        Assert.That(CorpusReport.ParseDate("17 April 2025"), Is.EqualTo(new DateOnly(2025, 4, 17)));
        Assert.That(CorpusReport.ParseDate("April 17, 2025"), Is.EqualTo(new DateOnly(2025, 4, 17)));
        Assert.That(CorpusReport.ParseDate("Sept. 3, 2024 | RUSI"), Is.EqualTo(new DateOnly(2024, 9, 3)));
        Assert.That(CorpusReport.ParseDate("March 2024"), Is.EqualTo(new DateOnly(2024, 3, 1)));
        Assert.That(CorpusReport.ParseDate("2019.07.12"), Is.EqualTo(new DateOnly(2019, 7, 12)));
        Assert.That(CorpusReport.ParseDate("2025-05-12"), Is.EqualTo(new DateOnly(2025, 5, 12)));
        Assert.That(CorpusReport.ParseDate("12/05/2025"), Is.EqualTo(new DateOnly(2025, 5, 12)));
        Assert.That(CorpusReport.ParseDate("05/13/2025"), Is.EqualTo(new DateOnly(2025, 5, 13)));
        Assert.That(CorpusReport.ParseDate("2023"), Is.Null);
        Assert.That(CorpusReport.ParseDate("31 February 2025"), Is.Null);
        Assert.That(CorpusReport.FileNameDate("texts/2022-02-18-russia-ukraine-warning.txt"), Is.EqualTo(new DateOnly(2022, 2, 18)));

        var nlp = Pipeline.CreateEnglish();
        var doc = nlp.Process("Talks Resume\n\nThe war began on February 24, 2022.\n\nJane Smith | 2022.03.04\n\nThe talks resumed on Monday.");
        Assert.That(CorpusReport.BylineDate(doc), Is.EqualTo(new DateOnly(2022, 3, 4)), "the subtitle ends like a sentence: not a byline");
        Assert.Throws<ArgumentNullException>(() => CorpusReport.BylineDate(null!));
    }

    [Test]
    public void ReportCommandWritesThePageAndReportsFailures()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var io = new CliIO(new StringReader(""), output, error, false);
        string page = Path.Combine(_dir, "cli", "corpus.html");
        int exit = CliApp.RunAsync(["report", Json, "-o", page, "--title", "Generated"], io, CancellationToken.None, handleSignals: false).GetAwaiter().GetResult();
        Assert.That(exit, Is.EqualTo(1), "one analysis is malformed");
        Assert.That(error.ToString(), Does.Contain("broken.json").And.Contain($"report of {Documents} documents"));
        Assert.That(File.ReadAllText(page), Does.Contain("<title>Generated \u2014 TextLens</title>"));
        Assert.That(File.Exists(Path.Combine(_dir, "cli", "actor_stance.csv")));

        exit = CliApp.RunAsync(["report", Path.Combine(_dir, "missing"), "-o", page], io, CancellationToken.None, handleSignals: false).GetAwaiter().GetResult();
        Assert.That(exit, Is.EqualTo(2));
    }
}
