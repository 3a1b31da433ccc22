using System.Text;

namespace TextLens.Tests.Tokenization;

/// <summary>Hostile input completes without an exception (linear-time algorithms; no timing asserts).</summary>
public class HostileInputTests
{
    private static readonly TextLens.Pipeline Nlp = new TextLens.Pipeline().Add(new SentenceSplitter());

    private static Document Run(string text)
    {
        var doc = Nlp.Process(text);
        Assert.That(doc.Text, Is.SameAs(text));
        return doc;
    }

    [Test]
    public void TenMegabyteSingleLine()
    {
        var sb = new StringBuilder(10_000_100);
        while (sb.Length < 10_000_000) sb.Append("Dr. Huseynov’s peace-plan (COP29) costs $5bn, e.g. 1,500.75% – see commonsplace.eu! ");
        var doc = Run(sb.ToString());
        Assert.That(doc.Tokens.Count, Is.GreaterThan(1_000_000));
    }

    [Test]
    public void OneMillionCharacterWord()
    {
        var doc = Run(new string('a', 1_000_000));
        Assert.That(doc.Tokens.Count, Is.EqualTo(1));
    }

    [TestCase("(", ")")]
    [TestCase("[", "]")]
    [TestCase("“", "”")]
    [TestCase("\"", "'")]
    public void HundredThousandNestedBrackets(string open, string close)
    {
        string text = string.Concat(Enumerable.Repeat(open, 100_000)) + "word" + string.Concat(Enumerable.Repeat(close, 100_000)) + ".";
        var doc = Run(text);
        Assert.That(doc.Tokens.Count, Is.EqualTo(200_002));
    }

    [Test]
    public void LoneSurrogatesControlsAndNul()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) sb.Append((i % 5) switch { 0 => '\uD800', 1 => '\uDC00', 2 => '\0', 3 => '\u0007', _ => 'x' });
        var doc = Run(sb.ToString());
        Assert.That(doc.Tokens.Count, Is.GreaterThan(0));
        Run(new string('\uD83D', 100_000));
        Run(new string('\0', 100_000));
    }

    [TestCase("a.")]
    [TestCase("1-")]
    [TestCase("a]")]
    [TestCase("a.b(")]
    [TestCase("x@")]
    [TestCase("'s")]
    [TestCase(".")]
    [TestCase("-")]
    [TestCase("\u0301")]
    [TestCase("👍\u200D")]
    [TestCase("U.")]
    [TestCase("5bn")]
    [TestCase("\n")]
    [TestCase("?\n\n")]
    public void LongRepetitions(string unit)
    {
        var doc = Run(string.Concat(Enumerable.Repeat(unit, 200_000)));
        Assert.That(doc.Tokens.Count, unit == "\n" ? Is.Zero : Is.GreaterThan(0));
    }

    [Test]
    public void VeryLongUrlLikeChunks()
    {
        Run("https://" + new string('a', 1_000_000));
        Run(string.Concat(Enumerable.Repeat("a.", 500_000)) + "com");
        Run(new string('a', 500_000) + "@" + new string('b', 500_000) + ".com");
    }
}
