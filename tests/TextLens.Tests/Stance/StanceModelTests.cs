using TextLens.Stance;

namespace TextLens.Tests.Stance;

/// <summary>The trained stance-cue tagger: shipped model, file format, rules that win over it, held-out accuracy.</summary>
public class StanceModelTests
{
    private static readonly TextLens.Pipeline Nlp = TextLens.Pipeline.CreateEnglish();

    private static string[] Cues(Document doc) => doc.StanceCues.Select(c => $"{c.Type.ToString().ToUpperInvariant()} '{c.Text}' ({c.Holder})").ToArray();

    [Test]
    public void TheDefaultPipelineUsesTheShippedModel()
    {
        var detector = (StanceDetector)Nlp.GetComponent("stance");
        Assert.Multiple(() =>
        {
            Assert.That(detector.Model, Is.Not.Null);
            Assert.That(detector.Model, Is.SameAs(StanceModel.Default));
            Assert.That(StanceModel.Default!.Metadata["features"], Is.EqualTo(StanceModel.FeatureVersion));
            Assert.That(StanceModel.Default.Metadata["documents"].Split(' '), Does.Contain("huseynov-2025-04-17"));
        });
    }

    [Test]
    public void FindsCuesOfEveryKindInNewText()
    {
        // sentences written for this test: cue words and frames the model generalises to
        var doc = Nlp.Process(
            "Ankara is determined to expand its influence in the region, but the plan will likely fail. " +
            "The Kremlin believes that the West is weak and divided. " +
            "Unfortunately, the ceasefire collapsed within days, a major setback for the mediators. " +
            "Brussels must act now if it wants to remain relevant. " +
            "Tehran refused to attend the summit and rejected the proposal.");
        Assert.That(Cues(doc), Is.EqualTo(new[]
        {
            "COMMITMENT 'is determined to' (Ankara)",
            "HEDGE 'likely' (author)",
            "HEDGE 'believes' (Kremlin)",
            "ATTITUDE 'weak' (Kremlin)",
            "ATTITUDE 'Unfortunately' (author)",
            "ATTITUDE 'a major setback' (author)",
            "DEONTIC 'must' (author)",
            "CONDITION 'if' (author)",
            "COMMITMENT 'wants to' (Brussels)",
            "REFUSAL 'refused to attend' (Tehran)",
            "REFUSAL 'rejected' (Tehran)",
        }));
    }

    [Test]
    public void BeliefVerbsBelongToTheirSubject()
    {
        var hedge = Nlp.Process("The Kremlin believes that sanctions will fail.").StanceCues.Single(c => c.Type == StanceCueType.Hedge);
        Assert.That((hedge.Text, hedge.Holder, hedge.HolderSpan?.Text), Is.EqualTo(("believes", "Kremlin", "Kremlin")));
    }

    [Test]
    public void AUserRowAlwaysFiresWithoutFlags()
    {
        // the model alone finds no cue here; a user's row needs no 'no_negation' to keep its own negation
        const string text = "Baku will not extend the deal.";
        var user = StanceLexicon.Default.Extend(new StringReader("type,pattern\nREFUSAL,will not extend\n"), "mine.csv");
        var nlp = TextLens.Pipeline.CreateEnglish().Replace(new StanceDetector(user));
        var cue = nlp.Process(text).StanceCues.Single();
        Assert.Multiple(() =>
        {
            Assert.That(Nlp.Process(text).StanceCues, Is.Empty);
            Assert.That((cue.Type, cue.Text, cue.Holder, cue.Polarity), Is.EqualTo((StanceCueType.Refusal, "will not extend", "Baku", StancePolarity.Negative)));
        });
    }

    [Test]
    public void AModelCueOverlappingAUserRuleGivesWay()
    {
        // the model reads "is determined to" as a commitment; the user's row claims the same words as a booster
        var user = StanceLexicon.Default.Extend(new StringReader("type,pattern\nBOOSTER,is determined\n"), "mine.csv");
        var nlp = TextLens.Pipeline.CreateEnglish().Replace(new StanceDetector(user));
        Assert.That(Cues(nlp.Process("Ankara is determined to expand its influence.")), Is.EqualTo(new[] { "BOOSTER 'is determined' (author)" }));
    }

    [Test]
    public void RulesOnlyWithoutAModel()
    {
        var rules = TextLens.Pipeline.CreateEnglish().Replace(new StanceDetector(StanceLexicon.Default, model: null));
        // "wants to" is a lexicon row; "weak" and "a major setback" are what the model adds
        Assert.That(Cues(rules.Process("Brussels wants to remain relevant, but the result was a major setback.")),
            Is.EqualTo(new[] { "COMMITMENT 'wants to' (Brussels)", "ATTITUDE 'a major setback' (author)" }));
    }

    [Test]
    public void SaveAndLoadGiveTheSameCues()
    {
        var path = Path.Combine(Path.GetTempPath(), $"textlens-stance-{Guid.NewGuid():N}.bin");
        try
        {
            StanceModel.Default!.Save(path);
            var loaded = StanceModel.Load(path);
            var doc = Nlp.Process(File.ReadAllText(TestPaths.Article));
            var again = new StanceDetector(StanceLexicon.Default, loaded).Detect(doc);
            Assert.That(again.Select(c => (c.Start, c.End, c.Type, c.Holder)), Is.EqualTo(doc.StanceCues.Select(c => (c.Start, c.End, c.Type, c.Holder))));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void CorruptOrForeignModelFilesAreDataFileExceptions()
    {
        var good = StanceModel.Default!.ToFile().ToArray();
        var flipped = (byte[])good.Clone();
        flipped[^10] ^= 0x40;
        var ner = TextLens.Entities.NerModel.Default!.ToFile().ToArray();
        var otherFeatures = StanceModel.Default.ToFile();
        otherFeatures.Metadata["features"] = "stance-v0";
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<DataFileException>(() => StanceModel.Read(new MemoryStream(flipped), "flipped.bin"))!.Problem, Does.Contain("checksum mismatch"));
            Assert.That(Assert.Throws<DataFileException>(() => StanceModel.Read(new MemoryStream(good[..40]), "cut.bin"))!.File, Is.EqualTo("cut.bin"));
            Assert.That(Assert.Throws<DataFileException>(() => StanceModel.Read(new MemoryStream(ner), "ner.bin"))!.Problem, Does.Contain("ner"));
            Assert.That(Assert.Throws<DataFileException>(() => StanceModel.Read(new MemoryStream(otherFeatures.ToArray()), "old.bin"))!.Problem,
                Does.Contain("features 'stance-v0' do not match"));
            Assert.Throws<DataFileException>(() => StanceModel.Load(Path.Combine(Path.GetTempPath(), "no-such-textlens-stance.bin")));
            Assert.Throws<ArgumentNullException>(() => StanceModel.Load(null!));
        });
    }

    [Test]
    public void TrainingIsDeterministic()
    {
        var doc = Nlp.Process(File.ReadAllText(TestPaths.Article), "article");
        var gold = doc.StanceCues.Select(c => new GoldCue(c.Start, c.End, c.Type, c.Holder)).ToList();
        var docs = new[] { new StanceGoldDocument("article", doc, gold) };
        var a = StanceTrainer.Train(docs, new StanceTrainingOptions { Epochs = 3 }).ToFile().ToArray();
        var b = StanceTrainer.Train(docs, new StanceTrainingOptions { Epochs = 3 }).ToFile().ToArray();
        Assert.That(a, Is.EqualTo(b));
    }

    [Test]
    public void ScoresMatchTheEvaluationScorer()
    {
        // strict = exact span, lenient = one-to-one overlap (exact first); holders compare without "the" and by surname
        var scores = new StanceScores();
        const string text = "Baku will not sign it and may wait.";
        var gold = new List<GoldCue> { new(5, 17, StanceCueType.Refusal, "Baku"), new(26, 29, StanceCueType.Hedge, "author") };
        var system = new List<StanceCue>
        {
            new(StanceCueType.Refusal, 10, 17, 2, 4, "not sign", "the Baku"),
            new(StanceCueType.Hedge, 26, 29, 6, 7, "may", "author"),
            new(StanceCueType.Booster, 0, 4, 0, 1, "Baku", "author"),
        };
        scores.Add(text, gold, system);
        Assert.Multiple(() =>
        {
            Assert.That(scores.Strict, Is.EqualTo(new Prf(1, 3, 2)));
            Assert.That(scores.Lenient, Is.EqualTo(new Prf(2, 3, 2)));
            Assert.That((scores.HolderCorrect, scores.HolderMatched), Is.EqualTo((2, 2)));
            Assert.That(StanceScores.SameHolder("Nikol Pashinyan", "Pashinyan"), Is.True);
            Assert.That(StanceScores.SameHolder("Armenia", "Azerbaijan"), Is.False);
        });
    }
}
