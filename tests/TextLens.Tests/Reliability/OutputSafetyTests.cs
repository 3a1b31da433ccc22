using AngleSharp.Html.Parser;
using CsCheck;
using CsvHelper;
using TextLens.Cli;

namespace TextLens.Reliability;

/// <summary>
/// Randomised hostile content through every writer: HTML stays inert (no script, handler, foreign element or unsafe
/// URL), CSV cells never start a formula, and no document id can place a file outside the output folder.
/// </summary>
public class OutputSafetyTests
{
    private static readonly Lazy<TextLens.Pipeline> Nlp = new(() => TextLens.Pipeline.CreateEnglish());

    private static readonly string[] HostilePieces =
    [
        "<script>alert(1)</script>", "</script>", "<SCRIPT SRC=//x.js>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>",
        "<iframe src=javascript:alert(1)>", "\" onmouseover=\"alert(1)", "' onfocus='alert(1)", "javascript:alert(1)", "JaVaScRiPt:x",
        "data:text/html,<script>x</script>", "vbscript:x", "<!--", "-->", "<![CDATA[", "]]>", "</style><style>", "}{", "&amp;", "&#x3C;",
        "&lt;", "\u0000", "\u2028", "\u202E", "\uD83D\uDE00", "=cmd|' /C calc'!A0", "+SUM(1)", "-2+3", "@A1", "\t=1", "\r=1", "=HYPERLINK(\"http://e\")",
        "Azerbaijan", "Armenia will not sign.", "Aliyev said", " ", "\n", "\n\n", ".", ",", "\"", "'", "<", ">", "&", "../", "..\\", "/etc/passwd",
        "C:\\Windows\\", "\\\\server\\share\\", "CON", "nul.txt", "a/b", "%2e%2e%2f", "~", "$HOME",
    ];

    private static readonly Gen<string> Hostile = Gen.OneOf(HostilePieces).Array[1, 12].Select(a => string.Concat(a));

    [Test]
    public void HtmlReportStaysInert()
    {
        var parser = new HtmlParser();
        Gen.Select(Hostile, Hostile, Hostile).Sample((text, id, source) =>
        {
            var doc = Nlp.Value.Process(text, id);
            var page = parser.ParseDocument(DocumentHtmlWriter.ToHtml(doc, title: id, source: source));
            Assert.That(page.QuerySelectorAll("script, img, iframe, object, embed, form, input, base, link, foreignObject, meta[http-equiv=refresh]"), Is.Empty);
            Assert.That(page.QuerySelectorAll("svg").Select(e => e.ClassName), Is.All.EqualTo("tone"), "only the writer's own tone chart");
            Assert.That(page.QuerySelectorAll("style"), Has.Length.EqualTo(1));
            foreach (var element in page.All)
                foreach (var attribute in element.Attributes)
                    Assert.That(attribute.Name, Does.Not.StartWith("on"), $"<{element.LocalName} {attribute.Name}>");
            foreach (var a in page.QuerySelectorAll("a[href]"))
                Assert.That(a.GetAttribute("href"), Does.StartWith("#").Or.StartWith("https://").Or.StartWith("http://"));
        }, iter: 150, seed: "0N0XIzNsQ0O2");
    }

    [Test]
    public void CsvCellsNeverStartAFormula()
    {
        Gen.Select(Hostile, Hostile).Sample((text, id) =>
        {
            var doc = Nlp.Value.Process(text, id);
            var w = new[] { new StringWriter(), new StringWriter(), new StringWriter(), new StringWriter() };
            using (var csv = new DocumentCsvWriter(w[0], w[1], w[2], w[3]))
            {
                csv.Write(doc, id);
                csv.Complete();
            }
            foreach (var table in w)
            {
                using var r = CsvReader.FromText(table.ToString());
                var headers = r.Headers.ToArray();
                while (r.Read())
                    foreach (var h in headers)
                    {
                        string cell = r.GetString(h);
                        bool number = double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
                        if (!number) Assert.That(cell, Does.Not.Match("^[=+@\\t\\r-]"), $"{h}: {cell}");
                    }
            }
        }, iter: 150, seed: "0N0XIzNsQ0O2");
    }

    [Test]
    public void NoIdEscapesTheOutputFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "textlens-out-" + Environment.ProcessId);
        string full = Path.GetFullPath(dir);
        var anyChars = Gen.Char.Array[0, 40].Select(c => new string(c));
        Gen.Frequency((3, Hostile), (1, anyChars)).Sample(id =>
        {
            var names = new OutputNames();
            string stem = names.Reserve(id);
            foreach (var ext in new[] { ".json", ".html" })
            {
                string path = OutputNames.PathIn(dir, stem, ext);
                Assert.That(Path.GetDirectoryName(path), Is.EqualTo(full), id);
                Assert.That(Path.GetFileName(path), Is.EqualTo(stem + ext));
            }
            Assert.That(stem, Does.Not.Contain("/").And.Not.Contain("\\").And.Not.StartWith("."));
            string bare = stem.Split('.')[0];
            Assert.That(bare.ToUpperInvariant(), Is.Not.AnyOf("CON", "PRN", "AUX", "NUL", "COM1", "LPT1"));
        }, iter: 2000, seed: "0N0XIzNsQ0O2");
    }
}
