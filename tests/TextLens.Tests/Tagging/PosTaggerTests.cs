using TextLens.Models;

namespace TextLens.Tests.Tagging;

public class PosTaggerTests
{
    [Test]
    public void TagsASentenceWithUniversalAndPennTags()
    {
        var doc = TextLens.Pipeline.CreateEnglish().Process("The committee rejected the new proposal on Tuesday.");
        var got = doc.Tokens.Select(t => $"{t.Text}/{t.Pos}/{t.Tag}").ToArray();
        Assert.That(got, Is.EqualTo(new[]
        {
            "The/Det/DT", "committee/Noun/NN", "rejected/Verb/VBD", "the/Det/DT", "new/Adj/JJ",
            "proposal/Noun/NN", "on/Adp/IN", "Tuesday/Propn/NNP", "./Punct/.",
        }));
    }

    [Test]
    public void PipelineHasTaggerAndLemmatizerAfterTheSentenceSplitter()
    {
        var names = TextLens.Pipeline.CreateEnglish().ComponentNames;
        int sentences = names.ToList().IndexOf("sentences");
        Assert.Multiple(() =>
        {
            Assert.That(names.ToList().IndexOf("tagger"), Is.EqualTo(sentences + 1));
            Assert.That(names.ToList().IndexOf("lemmatizer"), Is.EqualTo(sentences + 2));
        });
    }

    [Test]
    public void TagStringsAreSharedNotAllocatedPerToken()
    {
        var doc = TextLens.Pipeline.CreateEnglish().Process("Talks stalled. Talks resumed.");
        Assert.That(ReferenceEquals(doc.Tokens[0].Tag, doc.Tokens[3].Tag), Is.True);
    }

    [Test]
    public void TaggingIsDeterministicAndThreadSafe()
    {
        var text = File.ReadAllText(TestPaths.Article);
        var nlp = TextLens.Pipeline.CreateEnglish();
        var expected = nlp.Process(text).Tokens.Select(t => t.Tag).ToArray();
        var results = new string?[4][];
        Parallel.For(0, 4, i => results[i] = nlp.Process(text).Tokens.Select(t => t.Tag).ToArray());
        Assert.That(results, Has.All.EqualTo(expected));
    }

    [Test]
    public void EmptyAndHostileTextDoNotThrow()
    {
        var nlp = TextLens.Pipeline.CreateEnglish();
        Assert.Multiple(() =>
        {
            Assert.That(nlp.Process("").Tokens, Is.Empty);
            Assert.That(nlp.Process(new string('-', 5000)).Tokens.All(t => t.Pos != UPos.None), Is.True);
            Assert.That(nlp.Process(string.Concat(Enumerable.Repeat("a\u0301\uD83D\uDE00 ", 2000))).IsTagged, Is.True);
        });
    }

    [Test]
    public void NullDocumentThrows() =>
        Assert.Throws<ArgumentNullException>(() => PosTagger.Default.Process(null!, CancellationToken.None));

    [Test]
    public void ShippedModelDescribesItself()
    {
        var labels = PosTagger.Default.Labels;
        Assert.Multiple(() =>
        {
            Assert.That(labels, Does.Contain((UPos.Noun, "NN")));
            Assert.That(labels, Does.Contain((UPos.Aux, "MD")));
            Assert.That(labels.Select(l => l.Pos).Distinct().Count(), Is.EqualTo(17));
        });
    }
}

public class PosModelFileTests
{
    private static byte[] ShippedBytes()
    {
        using var s = typeof(PosTagger).Assembly.GetManifestResourceStream("TextLens.Data/models/pos.bin")!;
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    private static DataFileException LoadFails(byte[] bytes) =>
        Assert.Throws<DataFileException>(() => PosTagger.Load(new MemoryStream(bytes), "pos.bin"))!;

    [Test]
    public void ShippedModelIsSmallAndLoads()
    {
        var bytes = ShippedBytes();
        Assert.That(bytes.Length, Is.LessThan(15_000_000));
        Assert.That(PosTagger.Load(new MemoryStream(bytes), "pos.bin").Labels, Has.Count.GreaterThan(40));
    }

    [Test]
    public void TruncatedModelIsReported()
    {
        var bytes = ShippedBytes();
        var ex = LoadFails(bytes[..(bytes.Length / 2)]);
        Assert.That(ex.Message, Is.EqualTo($"pos.bin: truncated: header declares {bytes.Length} bytes but the file has {bytes.Length / 2}"));
    }

    [Test]
    public void CorruptModelIsReported()
    {
        var bytes = ShippedBytes();
        bytes[bytes.Length - 100] ^= 1;
        Assert.That(LoadFails(bytes).Problem, Does.StartWith("checksum mismatch"));
    }

    [Test]
    public void WrongVersionIsReported()
    {
        var bytes = ShippedBytes();
        bytes[8] = 2;
        Assert.That(LoadFails(bytes).Problem, Is.EqualTo("unsupported model format version 2 (this TextLens reads version 1)"));
    }

    [Test]
    public void ForeignFileIsReported() =>
        Assert.That(LoadFails(File.ReadAllBytes(TestPaths.Article)).Problem, Is.EqualTo("not a TextLens model file (bad magic bytes)"));

    [Test]
    public void OtherModelKindIsReported()
    {
        var other = new ModelFile("ner", 1).ToArray();
        Assert.That(LoadFails(other).Problem, Is.EqualTo("is a 'ner' model, expected a 'pos' model"));
    }

    [Test]
    public void MissingFileIsReported()
    {
        var ex = Assert.Throws<DataFileException>(() => PosTagger.Load(Path.Combine(Path.GetTempPath(), "no-such-textlens-model.bin")));
        Assert.That(ex!.Problem, Does.StartWith("cannot be read: "));
    }
}
