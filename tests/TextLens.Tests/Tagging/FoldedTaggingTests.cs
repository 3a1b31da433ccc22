using TextLens.Tagging;

namespace TextLens.Tests.Tagging;

/// <summary>
/// The tagger's run-time shortcuts (pre-summed word rows, the confident-token skip of the stacked pass) against the
/// plain feature sum they replace, on the Huseynov article.
/// </summary>
public class FoldedTaggingTests
{
    private static (Document Doc, TokenAtoms[][] Atoms) Article(PosModel model)
    {
        var doc = new TextLens.Pipeline().Add(new SentenceSplitter()).Process(File.ReadAllText(TestPaths.Article));
        var atoms = doc.Sentences.Select(s =>
        {
            var a = new TokenAtoms[s.TokenCount + 2 * TaggerFeatures.Pad];
            model.FillAtoms(doc, s.TokenStart, s.TokenEnd, a);
            return a;
        }).ToArray();
        return (doc, atoms);
    }

    private static int[] Tag(PosModel model, TokenAtoms[][] atoms) =>
        atoms.SelectMany(a =>
        {
            var labels = new int[a.Length - 2 * TaggerFeatures.Pad];
            model.TagSentence(a, labels);
            return labels;
        }).ToArray();

    private static int[] Plain(PosModel model, TokenAtoms[][] atoms, bool stacked) =>
        atoms.SelectMany(a =>
        {
            var first = new int[a.Length - 2 * TaggerFeatures.Pad];
            PosModel.Greedy(model.Weights, a, first, default);
            if (!stacked) return first;
            var labels = new int[first.Length];
            PosModel.Greedy(model.Second!, a, labels, first);
            return labels;
        }).ToArray();

    private static PosModel Copy(PosModel m, string[] vocabulary, float margin, int learnedLimit = FoldedWeights.MaxLearned) =>
        m.With(secondPassMargin: margin, vocabulary: vocabulary, learnedLimit: learnedLimit);

    [Test]
    public void ShippedModelFoldsItsMostFrequentWords()
    {
        var model = PosTagger.Default.Model;
        Assert.Multiple(() =>
        {
            Assert.That(model.Vocabulary, Has.Length.EqualTo(4096));
            Assert.That(model.Vocabulary.Take(3), Is.EqualTo(new[] { ".", "the", "," }));
            Assert.That(model.Folded.First.TypeCount, Is.EqualTo(4096 + 2)); // + the two sentence-boundary pads
        });
    }

    [Test]
    public void FoldedWeightsTagExactlyAsThePlainFeatureSum()
    {
        var shipped = PosTagger.Default.Model;
        var every = Copy(shipped, shipped.Vocabulary, float.PositiveInfinity);
        var (doc, atoms) = Article(every);
        var plain = Plain(every, atoms, stacked: true);
        Assert.Multiple(() =>
        {
            Assert.That(plain, Has.Length.EqualTo(doc.Tokens.Count));
            Assert.That(Tag(every, atoms), Is.EqualTo(plain));
        });
    }

    [Test]
    public void TheFoldedVocabularyChangesSpeedNotTags()
    {
        var shipped = PosTagger.Default.Model;
        var (_, atoms) = Article(shipped);
        Assert.That(Tag(Copy(shipped, [], shipped.SecondPassMargin), atoms), Is.EqualTo(Tag(shipped, atoms)));
    }

    [Test]
    public void LearnedBlocksChangeSpeedNotTags()
    {
        var shipped = PosTagger.Default.Model;
        var (_, atoms) = Article(shipped);
        var learning = Copy(shipped, shipped.Vocabulary, shipped.SecondPassMargin);
        var first = Tag(learning, atoms);                                    // learns the article's rare words
        Assert.Multiple(() =>
        {
            Assert.That(learning.Folded.First.LearnedCount, Is.GreaterThan(0));
            Assert.That(Tag(learning, atoms), Is.EqualTo(first));                 // now served from what was learned
            Assert.That(Tag(Copy(shipped, shipped.Vocabulary, shipped.SecondPassMargin, learnedLimit: 0), atoms), Is.EqualTo(first)); // nothing kept
        });
    }

    [Test]
    public void LearningStopsAtItsLimit()
    {
        var shipped = PosTagger.Default.Model;
        var (_, atoms) = Article(shipped);
        var model = Copy(shipped, [], shipped.SecondPassMargin, learnedLimit: 10);
        Tag(model, atoms);
        Assert.That(model.Folded.First.LearnedCount, Is.EqualTo(10));
    }

    [Test]
    public void MarginZeroKeepsEveryFirstPassTag()
    {
        var shipped = PosTagger.Default.Model;
        var (_, atoms) = Article(shipped);
        Assert.That(Tag(Copy(shipped, shipped.Vocabulary, 0f), atoms), Is.EqualTo(Plain(shipped, atoms, stacked: false)));
    }

    [Test]
    public void ShippedMarginIsFiniteAndTheSkipChangesFewTags()
    {
        var shipped = PosTagger.Default.Model;
        var (_, atoms) = Article(shipped);
        var full = Tag(Copy(shipped, shipped.Vocabulary, float.PositiveInfinity), atoms);
        var cascade = Tag(shipped, atoms);
        int changed = full.Zip(cascade).Count(p => p.First != p.Second);
        Assert.Multiple(() =>
        {
            Assert.That(shipped.SecondPassMargin, Is.EqualTo(8f));
            Assert.That(changed, Is.LessThan(full.Length / 100)); // < 1 % of the article's tokens
        });
    }
}
