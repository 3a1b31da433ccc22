namespace TextLens.Tests.Tagging;

public class LemmatizerTests
{
    private static Lemmatizer L => Lemmatizer.Default;

    [TestCase("went", UPos.Verb, "VBD", "go")]
    [TestCase("gone", UPos.Verb, "VBN", "go")]
    [TestCase("children", UPos.Noun, "NNS", "child")]
    [TestCase("better", UPos.Adj, "JJR", "good")]
    [TestCase("best", UPos.Adj, "JJS", "good")]
    [TestCase("was", UPos.Aux, "VBD", "be")]
    [TestCase("is", UPos.Aux, "VBZ", "be")]
    [TestCase("has", UPos.Verb, "VBZ", "have")]
    [TestCase("men", UPos.Noun, "NNS", "man")]
    [TestCase("me", UPos.Pron, "PRP", "I")]
    [TestCase("n't", UPos.Part, "RB", "not")]
    public void IrregularFormsComeFromTheExceptionTable(string word, UPos pos, string tag, string lemma) =>
        Assert.That(L.Lemmatize(word, pos, tag), Is.EqualTo(lemma));

    [TestCase("negotiations", UPos.Noun, "NNS", "negotiation")]
    [TestCase("policies", UPos.Noun, "NNS", "policy")]
    [TestCase("churches", UPos.Noun, "NNS", "church")]
    [TestCase("ceasefires", UPos.Noun, "NNS", "ceasefire")]
    [TestCase("normalized", UPos.Verb, "VBN", "normalize")]
    [TestCase("delimitating", UPos.Verb, "VBG", "delimitate")]
    [TestCase("signed", UPos.Verb, "VBD", "sign")]
    [TestCase("stopped", UPos.Verb, "VBD", "stop")]
    [TestCase("insists", UPos.Verb, "VBZ", "insist")]
    [TestCase("follow-ups", UPos.Noun, "NNS", "follow-up")]
    [TestCase("Azerbaijanis", UPos.Propn, "NNPS", "Azerbaijani")]
    [TestCase("Armenia", UPos.Propn, "NNP", "Armenia")]
    [TestCase("Peace", UPos.Noun, "NN", "peace")]
    [TestCase("NGOs", UPos.Noun, "NNS", "NGO")]
    public void SuffixRulesHandleRegularAndUnseenWords(string word, UPos pos, string tag, string lemma) =>
        Assert.That(L.Lemmatize(word, pos, tag), Is.EqualTo(lemma));

    [Test]
    public void SamePosDifferentLemma_BetterAsAdverbIsWell() =>
        Assert.That(L.Lemmatize("better", UPos.Adv, "RBR"), Is.EqualTo("well"));

    [Test]
    public void LemmasAreInterned()
    {
        var a = L.Lemmatize("negotiations", UPos.Noun, "NNS");
        var b = L.Lemmatize("Negotiations", UPos.Noun, "NNS");
        Assert.That(ReferenceEquals(a, b), Is.True);
    }

    [Test]
    public void HostileInputIsHandled()
    {
        var longWord = new string('x', 10_000) + "ing";
        Assert.Multiple(() =>
        {
            Assert.That(L.Lemmatize("", UPos.Noun), Is.EqualTo(""));
            Assert.That(L.Lemmatize(longWord, UPos.Verb, "VBG"), Is.EqualTo(longWord));
            Assert.Throws<ArgumentNullException>(() => L.Lemmatize(null!, UPos.Noun));
        });
    }

    [Test]
    public void PipelineSetsLemmasFromPredictedTags()
    {
        var doc = TextLens.Pipeline.CreateEnglish().Process("The ministers went to Baku and signed two agreements.");
        var lemmas = doc.Tokens.Select(t => t.Lemma).ToArray();
        Assert.That(lemmas, Is.EqualTo(new[] { "the", "minister", "go", "to", "Baku", "and", "sign", "two", "agreement", "." }));
    }
}
