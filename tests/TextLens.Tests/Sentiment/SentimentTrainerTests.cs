namespace TextLens.Tests.Sentiment;

/// <summary>Training on tiny synthetic sets (never the full training file): CSV errors, save/load, blending, any label set.</summary>
public class SentimentTrainerTests
{
    private static readonly string[] Positive =
    [
        "The talks were a great success.", "Relations improved a lot this year.", "The deal brings welcome relief.",
        "Trade is growing and people are hopeful.", "The summit was productive and friendly.", "Both sides praised the agreement.",
    ];

    private static readonly string[] Negative =
    [
        "The talks collapsed in anger.", "Relations worsened badly this year.", "The deal brought bitter disappointment.",
        "Trade is shrinking and people are afraid.", "The summit was hostile and tense.", "Both sides condemned the attack.",
    ];

    private static readonly string[] Neutral =
    [
        "The talks took place in Vienna.", "The ministers met on Tuesday.", "The report has forty pages.",
        "The delegation travelled by train.", "The summit starts next week.", "The council has nine members.",
    ];

    private static IEnumerable<LabeledSentence> Examples() =>
        Positive.Select(t => new LabeledSentence(t, "1"))
            .Concat(Negative.Select(t => new LabeledSentence(t, "-1")))
            .Concat(Neutral.Select(t => new LabeledSentence(t, "0")));

    private static string TempFile(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"textlens-train-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    [Test]
    public void TrainsFromCsvSavesLoadsAndBlends()
    {
        string csv = "text,label\n" + string.Join("\n", Examples().Select(e => $"\"{e.Text}\",{e.Label}")) + "\n";
        string path = TempFile(csv), model = Path.ChangeExtension(path, ".zip");
        try
        {
            var log = new StringWriter();
            var classifier = new SentimentTrainer(new SentimentTrainerOptions { Folds = 2 }).Train(path, log);
            classifier.Save(model);
            var loaded = SentenceClassifier.Load(model);
            const string probe = "The talks were a great success and relations improved.";
            Assert.Multiple(() =>
            {
                Assert.That(log.ToString(), Does.Contain("cross-validation (2 folds, 18 sentences): accuracy "));
                Assert.That(classifier.CrossValidation!.Folds, Has.Count.EqualTo(2));
                Assert.That(classifier.Labels, Is.EquivalentTo(new[] { "-1", "0", "1" }));
                Assert.That(classifier.HasSentimentLabels, Is.True);
                Assert.That(classifier.Predict(probe).Label, Is.EqualTo("1"));
                Assert.That(loaded.Labels, Is.EqualTo(classifier.Labels));
                Assert.That(loaded.Predict(probe).Probabilities, Is.EqualTo(classifier.Predict(probe).Probabilities).Within(1e-6));
                Assert.That(loaded.Predict("The summit was hostile and the talks collapsed.").Label, Is.EqualTo("-1"));
            });
            var nlp = TextLens.Pipeline.CreateEnglish().Replace(new SentimentAnalyzer(classifier: loaded, options: new SentimentOptions { ClassifierWeight = 0.5 }));
            var s = nlp.Process(probe).Sentiment!.Sentences[0];
            Assert.Multiple(() =>
            {
                Assert.That(s.ClassifierScore, Is.Not.Null);
                Assert.That(s.Compound, Is.EqualTo(0.5 * s.LexiconCompound + 0.5 * s.ClassifierScore!.Value).Within(1e-12));
                Assert.That(s.Label, Is.EqualTo(SentimentLabel.Positive));
            });
        }
        finally
        {
            File.Delete(path);
            File.Delete(model);
        }
    }

    [Test]
    public void AnyLabelSetTrainsButOnlySentimentLabelsBlend()
    {
        var stance = new[]
        {
            new LabeledSentence("Baku will not sign the treaty.", "REFUSAL"), new LabeledSentence("Yerevan refuses to attend.", "REFUSAL"),
            new LabeledSentence("The government rejects the plan.", "REFUSAL"), new LabeledSentence("Ankara seeks to mediate.", "COMMITMENT"),
            new LabeledSentence("Tbilisi is ready to host talks.", "COMMITMENT"), new LabeledSentence("Brussels aims to help.", "COMMITMENT"),
        };
        var classifier = new SentimentTrainer(new SentimentTrainerOptions { Folds = 0 }).Train(stance);
        Assert.Multiple(() =>
        {
            Assert.That(classifier.Labels, Is.EquivalentTo(new[] { "REFUSAL", "COMMITMENT" }));
            Assert.That(classifier.HasSentimentLabels, Is.False);
            Assert.That(classifier.CrossValidation, Is.Null);
            Assert.That(classifier.Predict("Moscow refuses to sign.").Label, Is.EqualTo("REFUSAL"));
        });
        Assert.Throws<ArgumentException>(() => _ = new SentimentAnalyzer(classifier: classifier));
    }

    [Test]
    public void MalformedTrainingCsvNamesFileAndLine()
    {
        string path = TempFile("text,label\n\"fine\",1\n\"unclosed,0\n");
        try
        {
            var ex = Assert.Throws<DataFileException>(() => SentimentTrainer.ReadCsv(path));
            Assert.That(ex!.File, Is.EqualTo(path));
            Assert.That(ex.Line, Is.EqualTo(3));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void EmptyLabelAndMissingColumnAreReported()
    {
        string a = TempFile("text,label\nThe talks went well.,\n"), b = TempFile("sentence,label\nx,1\n");
        try
        {
            Assert.That(Assert.Throws<DataFileException>(() => SentimentTrainer.ReadCsv(a))!.Message, Is.EqualTo($"{a}, line 2: column 'label' is empty"));
            Assert.That(Assert.Throws<DataFileException>(() => SentimentTrainer.ReadCsv(b))!.Message, Is.EqualTo($"{b}, line 1: header lacks required column 'text' (has: sentence, label)"));
        }
        finally { File.Delete(a); File.Delete(b); }
    }

    [Test]
    public void EmptyTrainingSetIsAClearError()
    {
        string path = TempFile("# nothing yet\ntext,label\n");
        try
        {
            var ex = Assert.Throws<DataFileException>(() => new SentimentTrainer().Train(path));
            Assert.That(ex!.Message, Is.EqualTo($"{path}: the training set is empty (a header but no rows)"));
        }
        finally { File.Delete(path); }
        var ex2 = Assert.Throws<ArgumentException>(() => new SentimentTrainer().Train(Array.Empty<LabeledSentence>()));
        Assert.That(ex2!.Message, Does.StartWith("The training set is empty"));
        var ex3 = Assert.Throws<ArgumentException>(() => new SentimentTrainer().Train([new LabeledSentence("a", "x"), new LabeledSentence("b", "x")]));
        Assert.That(ex3!.Message, Does.StartWith("The training set has only one label ('x')"));
    }

    [Test]
    public void CorruptOrForeignModelFilesAreDataFileExceptions()
    {
        string path = Path.Combine(Path.GetTempPath(), $"textlens-model-{Guid.NewGuid():N}.zip");
        try
        {
            File.WriteAllBytes(path, [1, 2, 3, 4, 5]);
            Assert.That(Assert.Throws<DataFileException>(() => SentenceClassifier.Load(path))!.Problem, Does.StartWith("not a sealed TextLens model zip"));

            using (var ms = new MemoryStream())
            {
                using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
                    zip.CreateEntry("other.txt");
                File.WriteAllBytes(path, ms.ToArray());
                Assert.That(Assert.Throws<DataFileException>(() => SentenceClassifier.Load(path))!.Problem, Does.StartWith("not a sealed TextLens model zip"));
                File.WriteAllBytes(path, SentenceClassifier.Seal(ms.ToArray()));
            }
            Assert.That(Assert.Throws<DataFileException>(() => SentenceClassifier.Load(path))!.Problem, Is.EqualTo("not a TextLens sentence classifier (no TextLens.txt entry)"));

            var shipped = new MemoryStream();
            SentenceClassifier.Default.Save(shipped);
            var bytes = shipped.ToArray();
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            Assert.Throws<DataFileException>(() => SentenceClassifier.Load(path));

            // issue 16: one flipped bit in a local file header (which zip readers do not check) is caught by the seal
            var flipped = (byte[])bytes.Clone();
            flipped[6] ^= 0x01; // general-purpose flag of the first local header
            File.WriteAllBytes(path, flipped);
            Assert.That(Assert.Throws<DataFileException>(() => SentenceClassifier.Load(path))!.Problem, Does.StartWith("checksum mismatch (stored "));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void ShippedModelLoadsWithSentimentLabels()
    {
        var c = SentenceClassifier.Default;
        Assert.Multiple(() =>
        {
            Assert.That(c.Labels, Is.EquivalentTo(new[] { "-1", "0", "1" }));
            Assert.That(c.HasSentimentLabels, Is.True);
            Assert.That(c.Predict("The ceasefire collapsed and fighting resumed.").Label, Is.EqualTo("-1"));
            Assert.That(c.Predict("The agreement is a historic breakthrough for peace.").Label, Is.EqualTo("1"));
        });
    }
}
