using System.Text;

namespace TextLens.Tests.Tagging;

public class PosTrainingTests
{
    // A tiny hand-written treebank (not corpus text): enough to check training end to end in well under a second.
    private static readonly string[][] Sentences =
    [
        ["The/the/DET/DT", "talks/talk/NOUN/NNS", "resumed/resume/VERB/VBD", "././PUNCT/."],
        ["Armenia/Armenia/PROPN/NNP", "signed/sign/VERB/VBD", "the/the/DET/DT", "treaty/treaty/NOUN/NN", "././PUNCT/."],
        ["The/the/DET/DT", "ministers/minister/NOUN/NNS", "met/meet/VERB/VBD", "in/in/ADP/IN", "Baku/Baku/PROPN/NNP", "././PUNCT/."],
        ["Azerbaijan/Azerbaijan/PROPN/NNP", "will/will/AUX/MD", "sign/sign/VERB/VB", "a/a/DET/DT", "long-term/long-term/ADJ/JJ", "deal/deal/NOUN/NN", "././PUNCT/."],
        ["Peace/peace/NOUN/NN", "talks/talk/VERB/VBZ", "slowly/slowly/ADV/RB", "././PUNCT/."],
    ];

    private static string WriteTreebank(string name)
    {
        var sb = new StringBuilder();
        int n = 0;
        foreach (var s in Sentences)
        {
            sb.Append("# sent_id = t").Append(++n).Append('\n');
            sb.Append("# text = ").Append(string.Join(' ', s.Select(w => w.Split('/')[0]))).Append('\n');
            for (int i = 0; i < s.Length; i++)
            {
                var f = s[i].Split('/');
                sb.Append($"{i + 1}\t{f[0]}\t{f[1]}\t{f[2]}\t{f[3]}\t_\t0\tdep\t_\t_\n");
            }
            sb.Append('\n');
        }
        var path = Path.Combine(Path.GetTempPath(), $"textlens-{name}-{Environment.ProcessId}.conllu");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    private static PosTaggerTrainingOptions Options(int seed) => new() { Epochs = 3, Seed = seed, Folds = 2, FixedTagMinCount = 3, PruneBelow = 0 };

    [Test]
    public void SameSeedGivesTheSameModelBytes()
    {
        var train = WriteTreebank("train");
        var a = Path.ChangeExtension(train, ".a.bin");
        var b = Path.ChangeExtension(train, ".b.bin");
        try
        {
            PosTaggerTrainer.Train(train, train, Options(7)).Save(a);
            PosTaggerTrainer.Train(train, train, Options(7)).Save(b);
            Assert.That(File.ReadAllBytes(b), Is.EqualTo(File.ReadAllBytes(a)));
        }
        finally
        {
            File.Delete(train);
            File.Delete(a);
            File.Delete(b);
        }
    }

    [Test]
    public void TrainedModelLearnsItsDataAndRoundTrips()
    {
        var train = WriteTreebank("train2");
        var path = Path.ChangeExtension(train, ".bin");
        var lines = new List<string>();
        try
        {
            var tagger = PosTaggerTrainer.Train(train, train, Options(1) with { Epochs = 5, Log = lines.Add });
            tagger.Save(path);
            var loaded = PosTagger.Load(path);
            var result = PosEvaluator.Evaluate(train, loaded, new Lemmatizer(loaded));
            Assert.Multiple(() =>
            {
                Assert.That(result.Words, Is.EqualTo(26));
                Assert.That(result.UposAccuracy, Is.EqualTo(1.0));
                Assert.That(result.XposAccuracy, Is.EqualTo(1.0));
                Assert.That(lines, Has.Some.Contains("epoch 1/5"));
                Assert.That(lines, Has.Some.Contains("dev UPOS"));
            });
        }
        finally
        {
            File.Delete(train);
            File.Delete(path);
        }
    }

    [Test]
    public void MalformedTreebankIsReported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"textlens-bad-{Environment.ProcessId}.conllu");
        try
        {
            File.WriteAllText(path, "# text = a b\n1\ta\ta\tNOUN\n");
            var ex = Assert.Throws<DataFileException>(() => PosTaggerTrainer.Train(path));
            Assert.That(ex!.Message, Is.EqualTo($"{path}, line 2: expected 10 tab-separated columns, found 4"));
        }
        finally { File.Delete(path); }
    }
}

public class EwtEvaluationTests
{
    [Test]
    public void ShippedModelMeetsTheTargetsOnEwtTest()
    {
        var test = TestPaths.RequireShared("corpora/ud-english-ewt/en_ewt-ud-test.conllu");
        var result = PosEvaluator.Evaluate(test);
        TestContext.Out.WriteLine(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.Words, Is.EqualTo(25094));
            Assert.That(result.UposAccuracy, Is.GreaterThanOrEqualTo(UposFloor));
            Assert.That(result.XposAccuracy, Is.GreaterThanOrEqualTo(0.950));
            Assert.That(result.LemmaAccuracyGoldTags, Is.GreaterThanOrEqualTo(0.95));
            Assert.That(result.LemmaAccuracy, Is.GreaterThanOrEqualTo(0.94));
        });
    }

    // Issue #3's target.
    private const double UposFloor = 0.960;
}
