namespace TextLens.Tests.Stance;

public class StanceLexiconTests
{
    private const string Header = "type,pattern,polarity,before,after,not_before,not_after,context,comment\n";

    [Test]
    public void DefaultLexiconLoads()
    {
        Assert.That(StanceLexicon.Default.Count, Is.GreaterThan(80));
    }

    [TestCase("SNARK,foo,,,,,,,\n", 2, "column 'type' has unknown value 'SNARK'")]
    [TestCase("HEDGE,[lower=may,,,,,,,\n", 2, "is not closed")]
    [TestCase("HEDGE,may,sideways,,,,,,\n", 2, "column 'polarity' has unknown value 'sideways'")]
    [TestCase("# c\nHEDGE,may,,,,,,,\nHEDGE,@nope x,,,,,,,\n", 4, "unknown macro '@nope'")]
    [TestCase("HEDGE,may,,,,,[pos=XYZ],,\n", 2, "column 'not_after'")]
    [TestCase("HEDGE,may,,,,,,sometimes,\n", 2, "column 'context' has unknown value 'sometimes'")]
    [TestCase("MACRO,@x [lower=a],,,,,,,\n", 2, "is not of the form '@name = pattern'")]
    [TestCase("HEDGE,,,,,,,,\n", 2, "column 'pattern' is empty")]
    public void BadLexiconNamesFileLineAndProblem(string body, int line, string problem)
    {
        var e = Assert.Throws<DataFileException>(() => StanceLexicon.Read(new StringReader(Header + body), "my_cues.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(e!.File, Is.EqualTo("my_cues.csv"));
            Assert.That(e.Line, Is.EqualTo(line));
            Assert.That(e.Problem, Does.Contain(problem));
        });
    }

    [Test]
    public void MissingFileAndMissingColumnAreDataFileExceptions()
    {
        Assert.Throws<DataFileException>(() => StanceLexicon.Load(Path.Combine(Path.GetTempPath(), "no-such-textlens-lexicon.csv")));
        var e = Assert.Throws<DataFileException>(() => StanceLexicon.Read(new StringReader("kind,pattern\nHEDGE,may\n"), "x.csv"));
        Assert.That(e!.Problem, Does.Contain("'type'"));
    }

    [Test]
    public void UsersCanReplaceOrExtendTheLexicon()
    {
        var own = StanceLexicon.Read(new StringReader(Header + "MACRO,@fx = [lower=forex|fx],,,,,,,\nCOMMITMENT,[lower=targets] @fx,,,,,,,\n"), "own.csv");
        var extended = StanceLexicon.Default.Extend(new StringReader(Header + "HEDGE,@be [lower=murky],,,,,,,\n"), "extra.csv");
        var nlp = new TextLens.Pipeline().Add(new SentenceSplitter()).Add(new StanceDetector(own, model: null));
        var nlp2 = new TextLens.Pipeline().Add(new SentenceSplitter()).Add(new StanceDetector(extended));
        Assert.Multiple(() =>
        {
            Assert.That(own.Count, Is.EqualTo(1));
            Assert.That(extended.Count, Is.EqualTo(StanceLexicon.Default.Count + 1));
            Assert.That(nlp.Process("The bank clearly targets FX stability.").StanceCues.Select(c => c.Text), Is.EqualTo(new[] { "targets FX" }));
            Assert.That(nlp2.Process("The outlook is murky and clearly bad.").StanceCues.Select(c => $"{c.Type}:{c.Text}"),
                Is.EqualTo(new[] { "Hedge:is murky", "Booster:clearly" }));
        });
    }
}
