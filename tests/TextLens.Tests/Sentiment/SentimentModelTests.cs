using TextLens.Models;

namespace TextLens.Tests.Sentiment;

/// <summary>The shipped sentiment model (data/models/sentiment.bin): loading, its use in the default pipeline, file errors.</summary>
public class SentimentModelTests
{
    private sealed class FakeEntities(params string[] names) : IPipelineComponent
    {
        public string Name => "entities";

        public void Process(Document document, CancellationToken cancellationToken)
        {
            var list = new List<Entity>();
            foreach (var t in document.Tokens)
                if (names.Contains(t.Text))
                    list.Add(new Entity(EntityLabel.Gpe, t.Start, t.End, t.Index, t.Index + 1, t.Text, EntitySource.Rule, null));
            document.SetEntities(list);
        }
    }

    [Test]
    public void DefaultPipelineDecidesWithTheShippedModelAndKeepsTheExplanation()
    {
        var nlp = TextLens.Pipeline.CreateEnglish();
        var analyzer = (SentimentAnalyzer)nlp.GetComponent("sentiment");
        var s = nlp.Process("The summit was a great success for both countries.").Sentiment!.Sentences[0];
        Assert.Multiple(() =>
        {
            Assert.That(analyzer.Model, Is.SameAs(SentimentModel.Default));
            Assert.That(SentimentModel.Default.HasTargetModel, Is.True);
            Assert.That(s.ClassifierScore, Is.EqualTo(s.Compound));
            Assert.That(s.Label, Is.EqualTo(SentimentLabel.Positive));
            Assert.That(s.Contributions.Select(c => c.Text), Is.EqualTo(new[] { "great success" }).Or.EqualTo(new[] { "great", "success" }).Or.EqualTo(new[] { "success" }));
            Assert.That(s.LexiconCompound, Is.GreaterThan(0.15));
        });
    }

    [Test]
    public void EntityToneComesFromTheTargetModelPerMention()
    {
        var nlp = TextLens.Pipeline.CreateEnglish().Replace(new FakeEntities("Armenia", "Azerbaijan"));
        var doc = nlp.Process("Armenia welcomed the breakthrough, but Azerbaijan rejected the proposal.");
        var tones = doc.Sentiment!.Entities;
        TestContext.Out.WriteLine(string.Join("; ", tones.Select(t => $"{t.Text} {t.Compound:0.000} {t.Label}")));
        Assert.Multiple(() =>
        {
            Assert.That(tones.Select(t => t.Text), Is.EqualTo(new[] { "Armenia", "Azerbaijan" }));
            Assert.That(tones[0].Compound, Is.GreaterThan(tones[1].Compound), "one sentence, two targets, two tones");
        });
    }

    [Test]
    public void ModelIsDeterministic()
    {
        const string text = "The talks stalled again. Officials hope the new envoy can restore trust.";
        var a = TextLens.Pipeline.CreateEnglish().Process(text).Sentiment!.Sentences.Select(s => s.Compound);
        var b = TextLens.Pipeline.CreateEnglish().Process(text).Sentiment!.Sentences.Select(s => s.Compound);
        Assert.That(a, Is.EqualTo(b));
    }

    [Test]
    public void SavedModelLoadsBack()
    {
        string path = Path.Combine(Path.GetTempPath(), $"textlens-sentiment-{Guid.NewGuid():N}.bin");
        try
        {
            SentimentModel.Default.Save(path);
            var loaded = SentimentModel.Load(path);
            Assert.Multiple(() =>
            {
                Assert.That(loaded.HasTargetModel, Is.True);
                Assert.That(loaded.Sentence.WeightCount, Is.EqualTo(SentimentModel.Default.Sentence.WeightCount));
                Assert.That(loaded.Metadata["epochs"], Is.EqualTo(SentimentModel.Default.Metadata["epochs"]));
            });
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void CorruptModelFileNamesTheFileAndProblem()
    {
        string path = Path.Combine(Path.GetTempPath(), $"textlens-sentiment-{Guid.NewGuid():N}.bin");
        try
        {
            var bytes = SentimentModel.Default.ToFile().ToArray();
            bytes[bytes.Length / 2] ^= 0x55;
            File.WriteAllBytes(path, bytes);
            var ex = Assert.Throws<DataFileException>(() => SentimentModel.Load(path))!;
            Assert.That(ex.Message, Does.Contain(path).And.Contain("checksum mismatch"));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void AnotherKindOfModelIsRefused()
    {
        var ex = Assert.Throws<DataFileException>(() => SentimentModel.Load(TestPaths.Data("models/pos.bin")))!;
        Assert.That(ex.Message, Does.Contain("is a 'pos' model, expected a 'sentiment' model"));
    }

    [Test]
    public void MissingFileIsADataFileException()
    {
        Assert.Throws<DataFileException>(() => SentimentModel.Load(Path.Combine(Path.GetTempPath(), "no-such-textlens-model.bin")));
        Assert.Throws<ArgumentNullException>(() => SentimentModel.Load(null!));
    }
}
