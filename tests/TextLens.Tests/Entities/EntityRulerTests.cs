namespace TextLens.Tests.Entities;

/// <summary>User patterns (EntityRuler): custom labels, files, malformed files.</summary>
public class EntityRulerTests
{
    private static TextLens.Pipeline NewPipeline() => new TextLens.Pipeline().Add(new SentenceSplitter()).Add(new EntityRecognizer(EntityRuler.Empty, (EntityModel?)null));

    [Test]
    public void CustomLabelsWorkBesideBuiltInOnes()
    {
        var nlp = NewPipeline().AddEntityPatterns([
            EntityPattern.ForPhrase("TREATY", "Washington Agreement"),
            EntityPattern.ForTokens("TREATY", "Treaty of [is_title]"),
        ]);
        const string text = "Armenia and Azerbaijan initialled the Washington Agreement; the Treaty of Kars still stands.";
        var got = nlp.Process(text).Entities.Select(e => (e.Label.Name, e.Text, e.Source)).ToList();
        Assert.That(got, Is.EqualTo(new[]
        {
            ("GPE", "Armenia", EntitySource.Gazetteer), ("GPE", "Azerbaijan", EntitySource.Gazetteer),
            ("TREATY", "Washington Agreement", EntitySource.Rule), ("TREATY", "Treaty of Kars", EntitySource.Rule),
        }));
    }

    [Test]
    public void IgnoreCasePhrases()
    {
        var nlp = NewPipeline().AddEntityPatterns([EntityPattern.ForPhrase("PROGRAM", "eastern partnership", ignoreCase: true)]);
        Assert.That(nlp.Process("The Eastern Partnership summit").Entities.Single().Text, Is.EqualTo("Eastern Partnership"));
    }

    [Test]
    public void LoadsCsvAndJsonFiles()
    {
        var dir = Directory.CreateTempSubdirectory("textlens-ruler");
        try
        {
            var csv = Path.Combine(dir.FullName, "p.csv");
            File.WriteAllText(csv, "# my patterns\nlabel,phrase,pattern\nTREATY,Kars Treaty,\nPIPELINE,,Trans [is_title] Pipeline\n");
            var json = Path.Combine(dir.FullName, "p.json");
            File.WriteAllText(json, "[\n  {\"label\": \"TREATY\", \"phrase\": \"Kars Treaty\"},\n  {\"label\": \"PIPELINE\", \"pattern\": \"Trans [is_title] Pipeline\"}\n]\n");
            foreach (var path in new[] { csv, json })
            {
                var nlp = NewPipeline().AddEntityPatterns(path);
                var got = nlp.Process("The Kars Treaty and the Trans Anatolian Pipeline.").Entities.Select(e => $"{e.Label}:{e.Text}");
                Assert.That(got, Is.EqualTo(new[] { "TREATY:Kars Treaty", "PIPELINE:Trans Anatolian Pipeline" }), path);
            }
        }
        finally { dir.Delete(true); }
    }

    [Test]
    public void MalformedCsvPatternNamesFileAndLine()
    {
        var e = Assert.Throws<DataFileException>(() => EntityRuler.ReadCsv("label,phrase,pattern\nTREATY,Kars Treaty,\nTREATY,,[lower=\n", "bad.csv"));
        Assert.That((e!.File, e.Line), Is.EqualTo(("bad.csv", 3)));
        e = Assert.Throws<DataFileException>(() => EntityRuler.ReadCsv("label,phrase,pattern\n,Kars Treaty,\n", "bad.csv"));
        Assert.That((e!.Line, e.Problem), Is.EqualTo((2, "the pattern has no label")));
        e = Assert.Throws<DataFileException>(() => EntityRuler.ReadCsv("label,phrase,pattern\nX,a b,c\n", "bad.csv"));
        Assert.That((e!.Line, e.Problem), Is.EqualTo((2, "give exactly one of 'phrase' and 'pattern'")));
    }

    [Test]
    public void MalformedJsonPatternNamesFileAndLine()
    {
        var e = Assert.Throws<DataFileException>(() => EntityRuler.ReadJson("[\n {\"label\": \"A\", \"phrase\": \"x\"},\n {\"phrase\": \"y\"}\n]", "bad.json"));
        Assert.That((e!.File, e.Line, e.Problem), Is.EqualTo(("bad.json", 3, "the pattern has no label")));
        e = Assert.Throws<DataFileException>(() => EntityRuler.ReadJson("[\n {\"label\": \"A\", \"phrase\": \"x\"\n", "bad.json"));
        Assert.That(e!.File, Is.EqualTo("bad.json"));
        e = Assert.Throws<DataFileException>(() => EntityRuler.ReadJson("[{\"label\": \"A\", \"colour\": \"x\"}]", "bad.json"));
        Assert.That(e!.Problem, Does.StartWith("unknown property 'colour'"));
    }

    [Test]
    public void BadArguments()
    {
        Assert.Throws<ArgumentNullException>(() => NewPipeline().AddEntityPatterns((IEnumerable<EntityPattern>)null!));
        Assert.Throws<ArgumentException>(() => EntityPattern.ForPhrase("BAD LABEL", "x"));
        Assert.Throws<ArgumentException>(() => EntityPattern.ForPhrase("X", " - "));
        Assert.Throws<KeyNotFoundException>(() => new TextLens.Pipeline().AddEntityPatterns([EntityPattern.ForPhrase("X", "y")]));
    }
}
