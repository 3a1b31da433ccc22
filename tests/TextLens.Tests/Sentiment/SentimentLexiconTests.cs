namespace TextLens.Tests.Sentiment;

/// <summary>The lexicon file: loading, multi-word and hyphen variants, errors with file and line.</summary>
public class SentimentLexiconTests
{
    private static SentimentLexicon Parse(string csv) => SentimentLexicon.Load(new StringReader(csv), "lex.csv");

    [Test]
    public void DefaultLexiconHasVaderAndPolicyEntries()
    {
        var lex = SentimentLexicon.Default;
        Assert.Multiple(() =>
        {
            Assert.That(lex.Count, Is.GreaterThan(7000));
            Assert.That(lex.TryGet("Territorial claims", out var k1, out var w1), Is.True);
            Assert.That((k1, w1), Is.EqualTo((SentimentCueKind.Valence, -1.5)));
            Assert.That(lex.TryGet("confidence-building", out _, out var w2), Is.True);
            Assert.That(lex.TryGet("confidence building", out _, out var w3), Is.True, "hyphenated entries also match with a space");
            Assert.That(w3, Is.EqualTo(w2));
            Assert.That(lex.TryGet("impasse", out _, out var w4) && w4 < 0, Is.True);
            Assert.That(lex.TryGet("reconciliation", out _, out var w5) && w5 > 0, Is.True);
            Assert.That(lex.TryGet("not", out var k6, out _), Is.True);
            Assert.That(k6, Is.EqualTo(SentimentCueKind.Negator));
            Assert.That(lex.TryGet("no such phrase here", out _, out _), Is.False);
        });
    }

    [Test]
    public void UserLexiconIsUsedByTheAnalyzer()
    {
        var lex = Parse("phrase,kind,weight\nfrozen talks,valence,-2\nthaw,valence,1.5\nnot,negator,-0.74,\n");
        var analyzer = new SentimentAnalyzer(lex);
        var s = analyzer.Score("The frozen talks are not a thaw.");
        Assert.Multiple(() =>
        {
            Assert.That(lex.Count, Is.EqualTo(3));
            // 1.5 × -0.74 = -1.11, but a negated positive weighs at most MaxNegatedValence (1).
            Assert.That(s.Contributions.Select(c => (c.Text, c.Weight)), Is.EqualTo(new[] { ("frozen talks", -2.0), ("thaw", -1.0) }));
        });
    }

    [TestCase("phrase,kind,weight\ngood,valence,x\n", "lex.csv, line 2: column 'weight' is not a number: 'x'")]
    [TestCase("phrase,kind,weight\ngood,happy,1\n", "lex.csv, line 2: column 'kind' has unknown value 'happy' (expected one of Valence, Booster, Negator, Contrast, Concessive, Irrealis, Hedge, Reporting, Conditional, Shifter, Event)")]
    [TestCase("phrase,kind,weight\ngood,valence,5\n", "lex.csv, line 2: weight 5 is outside -4..4 for kind Valence")]
    [TestCase("phrase,kind,weight\nnot,negator,0.5\n", "lex.csv, line 2: weight 0.5 is outside -1..0 (exclusive of 0) for kind Negator")]
    [TestCase("phrase,kind,weight\ngood,valence,1\n\nGood,valence,2\n", "lex.csv, line 4: duplicate phrase 'Good' (first on line 2)")]
    [TestCase("phrase,kind,weight,scope\ngood,valence,1,around\n", "lex.csv, line 2: scope 'around' is only allowed for negators and shifters, not Valence")]
    [TestCase("phrase,kind\ngood,valence\n", "lex.csv, line 1: header lacks required column 'weight' (has: phrase, kind)")]
    [TestCase("# TextLens sentiment lexicon, version 2\nphrase,kind,weight\n", "lex.csv, line 1: lexicon format version 2 is not supported (this TextLens reads version 1)")]
    [TestCase("phrase,kind,weight\n\"unclosed,valence,1\n", null)]
    public void MalformedLexiconNamesFileLineAndProblem(string csv, string? message)
    {
        var ex = Assert.Throws<DataFileException>(() => Parse(csv));
        Assert.That(ex!.File, Is.EqualTo("lex.csv"));
        if (message is not null) Assert.That(ex.Message, Is.EqualTo(message));
        else Assert.That(ex.Line, Is.GreaterThan(0));
    }

    [Test]
    public void MissingFileIsADataFileException()
    {
        var ex = Assert.Throws<DataFileException>(() => SentimentLexicon.Load(Path.Combine(Path.GetTempPath(), "no-such-textlens-lexicon.csv")));
        Assert.That(ex!.Problem, Does.StartWith("cannot be read"));
    }
}
