using CsvHelper;

namespace TextLens.Tests.Output;

using Pipeline = TextLens.Pipeline;

public class CsvOutputTests
{
    private static (string Documents, string Sentences, string Entities, string Cues) Write(params Document[] docs)
    {
        var w = new[] { new StringWriter(), new StringWriter(), new StringWriter(), new StringWriter() };
        using (var csv = new DocumentCsvWriter(w[0], w[1], w[2], w[3]))
        {
            foreach (var d in docs) csv.Write(d, "data/" + d.Id + ".txt");
            csv.Complete();
        }
        return (w[0].ToString(), w[1].ToString(), w[2].ToString(), w[3].ToString());
    }

    private static List<Dictionary<string, string>> Rows(string csv)
    {
        var rows = new List<Dictionary<string, string>>();
        using var r = CsvReader.FromText(csv);
        var headers = r.Headers.ToArray();
        while (r.Read()) rows.Add(headers.ToDictionary(h => h, h => r.GetString(h)));
        return rows;
    }

    [Test]
    public void ArticleTables()
    {
        var doc = ArticleFixture.Article;
        var (documents, sentences, entities, cues) = Write(doc);

        Assert.That(documents.Split("\r\n")[0], Is.EqualTo("doc_id,source,characters,tokens,sentences,paragraphs,entities,stance_cues,sentiment,sentiment_label,sentiment_score"));
        Assert.That(entities.Split("\r\n")[0], Is.EqualTo("doc_id,entity,start,end,token_start,token_end,sentence,label,text,source,confidence"));
        Assert.That(cues.Split("\r\n")[0], Is.EqualTo("doc_id,cue,start,end,token_start,token_end,sentence,type,text,holder,polarity,holder_start,holder_end,target_start,target_end,target,linked_cue"));

        var d = Rows(documents).Single();
        Assert.That(d["doc_id"], Is.EqualTo("huseynov-2025-04-17"));
        Assert.That(d["source"], Is.EqualTo("data/huseynov-2025-04-17.txt"));
        Assert.That(d["characters"], Is.EqualTo("7372"));
        Assert.That(d["tokens"], Is.EqualTo(doc.Tokens.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(d["entities"], Is.EqualTo("41"));
        Assert.That(d["stance_cues"], Is.EqualTo("14"));

        var s = Rows(sentences);
        Assert.That(s, Has.Count.EqualTo(doc.Sentences.Count));
        Assert.That(s.Select(r => r["text"]), Is.EqualTo(doc.Sentences.Select(x => x.Text)));

        var e = Rows(entities);
        Assert.That(e, Has.Count.EqualTo(ArticleFixture.EntityCount));
        Assert.That(e.Count(r => r["label"] == "GPE"), Is.EqualTo(35));
        Assert.That((e[0]["start"], e[0]["end"], e[0]["label"], e[0]["text"], e[0]["source"], e[0]["confidence"]), Is.EqualTo(("74", "81", "GPE", "Armenia", "gazetteer", "")));

        var c = Rows(cues);
        Assert.That(c, Has.Count.EqualTo(ArticleFixture.CueCount));
        var refusal = c.Single(r => r["type"] == "REFUSAL");
        Assert.That((refusal["start"], refusal["end"], refusal["text"], refusal["holder"]), Is.EqualTo(("1623", "1636", "will not sign", "Azerbaijan")));
        int sentence = doc.Sentences.Single(x => x.Start <= 1623 && 1623 < x.End).Index;
        Assert.That(refusal["sentence"], Is.EqualTo(sentence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void FormulaLikeCellsAreNeutralised()
    {
        var doc = ArticleFixture.Annotate("=HYPERLINK(\"http://evil\",\"x\") is bad. +1 more. -2 less. @SUM(A1) here. \tTab start.", "=cmd|' /C calc'!A0");
        var (documents, sentences, _, _) = Write(doc);
        var d = Rows(documents).Single();
        Assert.That(d["doc_id"], Is.EqualTo("'=cmd|' /C calc'!A0"));
        var texts = Rows(sentences).Select(r => r["text"]).ToList();
        Assert.That(texts, Has.Some.StartsWith("'=HYPERLINK"));
        Assert.That(texts, Has.Some.EqualTo("'+1 more."));
        Assert.That(texts, Has.Some.EqualTo("'-2 less."));
        Assert.That(texts, Has.Some.StartsWith("'@SUM"));
        foreach (var cell in texts.Concat(Rows(documents).SelectMany(r => r.Values)))
            Assert.That(cell, Does.Not.Match("^[=+@\\t\\r-]"), cell);
        // Numbers stay numbers: negative scores are not escaped.
        Assert.That(Rows(sentences).Select(r => r["sentiment_score"]), Has.None.StartsWith("'"));
    }

    [Test]
    public void DirectoryFilesAppearOnlyOnComplete()
    {
        string dir = Path.Combine(Path.GetTempPath(), "textlens-csv-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var csv = new DocumentCsvWriter(dir))
            {
                csv.Write(ArticleFixture.Article);
                Assert.That(DocumentCsvWriter.FileNames.Select(f => File.Exists(Path.Combine(dir, f))), Is.All.False);
            }
            Assert.That(Directory.GetFiles(dir), Is.Empty, "an abandoned writer leaves nothing behind");

            DocumentCsvWriter.WriteFiles([ArticleFixture.Article], dir);
            Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "documents.csv", "entities.csv", "sentences.csv", "stance_cues.csv" }));
            Assert.That(File.ReadAllLines(Path.Combine(dir, "entities.csv")), Has.Length.EqualTo(ArticleFixture.EntityCount + 1));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
