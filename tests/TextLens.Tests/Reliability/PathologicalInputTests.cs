using System.Text;

namespace TextLens.Reliability;

/// <summary>Hostile inputs through the whole English pipeline: no exception, invariants hold (each test runs in seconds).</summary>
public class PathologicalInputTests
{
    private static readonly Lazy<TextLens.Pipeline> Nlp = new(() => TextLens.Pipeline.CreateEnglish());

    private static Document Run(string text)
    {
        var doc = Nlp.Value.Process(text, "hostile");
        DocumentInvariants.Check(doc, text);
        Assert.That(doc.ToJson(), Does.StartWith("{"));
        return doc;
    }

    [Test]
    public void OneFiveMegabyteToken()
    {
        var doc = Run(new string('a', 5_000_000));
        Assert.That(doc.Tokens[0].Start, Is.Zero);
        Assert.That(doc.Tokens[^1].End, Is.EqualTo(5_000_000));
    }

    [Test]
    public void FiveMegabyteTokenBetweenSentences()
    {
        string text = "It begins. " + new string('x', 5_000_000) + ". It ends.";
        var doc = Run(text);
        Assert.That(doc.Sentences[^1].Text, Is.EqualTo("It ends."));
    }

    [Test]
    public void OneSentenceWithTwentyThousandEntityMentions()
    {
        // The entity tone model looks at a bounded window around each mention: no scan of the whole sentence per mention.
        string text = "Mr Smith said that " + string.Join(", ", Enumerable.Repeat("Armenia welcomed the good talks", 20_000)) + ".";
        var doc = Run(text);
        Assert.Multiple(() =>
        {
            Assert.That(doc.Sentiment!.Sentences, Has.Count.EqualTo(doc.Sentences.Count));
            Assert.That(doc.Sentiment.Entities.Single(e => e.Text == "Armenia").Mentions, Is.EqualTo(20_000));
        });
    }

    [Test]
    public void OneMillionNewlines()
    {
        var doc = Run(new string('\n', 1_000_000));
        Assert.Multiple(() =>
        {
            Assert.That(doc.Tokens, Is.Empty);
            Assert.That(doc.Sentences, Is.Empty);
        });
    }

    [Test]
    public void WordsOnTwoHundredThousandLines()
    {
        string text = string.Join("\n", Enumerable.Repeat("word", 200_000));
        var doc = Run(text);
        Assert.That(doc.Tokens, Has.Count.EqualTo(200_000));
    }

    [Test]
    public void HundredThousandNestedBrackets()
    {
        string text = new string('(', 100_000) + "x" + new string(')', 100_000);
        var doc = Run(text);
        Assert.That(doc.Tokens, Has.Count.EqualTo(200_001));
    }

    [Test]
    public void MixedNestedBracketsAndQuotes()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) sb.Append("([{\"“«'");
        sb.Append("Azerbaijan must sign.");
        for (int i = 0; i < 10_000; i++) sb.Append("'»”\"}])");
        Run(sb.ToString());
    }

    [Test]
    public void OnlyPunctuation()
    {
        var rng = new Random(7);
        const string punct = ".,;:!?…-—–'\"“”‘’()[]{}<>/\\|@#$%^&*_+=~`";
        var chars = new char[100_000];
        for (int i = 0; i < chars.Length; i++) chars[i] = punct[rng.Next(punct.Length)];
        Run(new string(chars));
        Run(new string('.', 200_000));
        Run(new string('!', 50_000) + "?" + new string('-', 50_000));
    }

    [Test]
    public void MixedScriptsAndRightToLeft()
    {
        string text = string.Concat(Enumerable.Repeat(
            "Azerbaijan \u200Fأذربيجان\u200E وأرمينيا signed. שלום עולם! Привет, мир. 中文句子。 日本語の文。 한국어 문장. " +
            "\u202Eevil override\u202C \u2067isolate\u2069 e\u0301\u0302 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \uFEFF\u200B\u200D Ελλάδα.\n\n", 2_000));
        var doc = Run(text);
        Assert.That(doc.Sentences, Is.Not.Empty);
    }

    [Test]
    public void ControlCharactersAndLoneSurrogates()
    {
        var rng = new Random(11);
        var chars = new char[100_000];
        for (int i = 0; i < chars.Length; i++)
            chars[i] = (rng.Next(6)) switch
            {
                0 => (char)rng.Next(0, 32),
                1 => (char)rng.Next(0xD800, 0xE000),
                2 => (char)rng.Next(0xFFF0, 0x10000),
                3 => ' ',
                _ => (char)rng.Next('a', 'z' + 1),
            };
        Run(new string(chars));
    }

    [Test]
    public void InvalidUtf8BytesInAFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"textlens-invalid-{Environment.ProcessId}.txt");
        try
        {
            var bytes = new List<byte>();
            bytes.AddRange(Encoding.UTF8.GetBytes("Baku said no. "));
            bytes.AddRange(new byte[] { 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x90, 0x28, 0xBC, 0xFF, 0xFE, 0xC0, 0xAF, 0xED, 0xA0, 0x80 });
            bytes.AddRange(Encoding.UTF8.GetBytes(" Yerevan agreed."));
            File.WriteAllBytes(path, bytes.ToArray());
            string text = File.ReadAllText(path); // invalid sequences become U+FFFD, as the CLI reads files
            var doc = Run(text);
            Assert.That(text, Does.Contain("\uFFFD"));
            Assert.That(doc.Tokens[0].Text, Is.EqualTo("Baku"));
            Assert.That(doc.Tokens[^1].Text, Is.EqualTo("."));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void CsvLoaderWithInvalidUtf8RejectsOrReadsCleanly()
    {
        string path = Path.Combine(Path.GetTempPath(), $"textlens-invalid-{Environment.ProcessId}.csv");
        try
        {
            File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("term,type\nok,"), 0xFF, 0xC3, 0x28, (byte)'\n', (byte)'"', 0xE2, 0x28]);
            try
            {
                var rows = Models.CsvTable.ReadFile(path, "term").ToList();
                Assert.That(rows[0].Required("term"), Is.EqualTo("ok"));
            }
            catch (DataFileException e)
            {
                Assert.That(e.File, Is.EqualTo(path));
            }
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void ManyTinyDocumentsInOneBatch()
    {
        var texts = Enumerable.Range(0, 10_000).Select(i => (i % 4) switch { 0 => "", 1 => ".", 2 => " ", _ => "a" });
        Assert.That(Nlp.Value.Process(texts).Count(), Is.EqualTo(10_000));
    }
}
