namespace TextLens.Tests.Sentiment;

/// <summary>The lexicon scorer's heuristics, each on sentences written for these tests.</summary>
public class SentimentScorerTests
{
    private static readonly SentimentAnalyzer Analyzer = new();

    private static SentimentContribution Contribution(SentimentScore s, string text) =>
        s.Contributions.Single(c => c.Text == text);

    [Test]
    public void NegationWithScopeMakesEscalationPositive()
    {
        var s = Analyzer.Score("No significant military escalation has occurred.");
        var c = Contribution(s, "escalation");
        Assert.Multiple(() =>
        {
            Assert.That(s.Label, Is.EqualTo(SentimentLabel.Positive));
            // (-2.0 - 0.293 × 0.95) × -0.74: "significant" intensifies, "no" (3 tokens back) flips.
            Assert.That(c.Weight, Is.EqualTo(1.686).Within(1e-4));
            Assert.That(c.Valence, Is.EqualTo(-2.0));
            Assert.That(c.Modifiers, Is.EqualTo(SentimentModifiers.Negated | SentimentModifiers.Intensified));
            Assert.That(s.Compound, Is.EqualTo(1.686 / Math.Sqrt(1.686 * 1.686 + 15)).Within(1e-3));
        });
    }

    [Test]
    public void WordsOfNamesAndTitlesCarryNoToneButHeadlinesKeepTheirs()
    {
        var title = Analyzer.Score("Iran's Supreme Leader Ali Khamenei has warned against foreign meddling.");
        var agreement = Analyzer.Score("They met to mark the Good Friday Agreement.");
        var headline = Analyzer.Score("A Great Opportunity for Peace in the Caucasus");
        var sentenceStart = Analyzer.Score("Great progress was made.");
        Assert.Multiple(() =>
        {
            Assert.That(title.Contributions.Select(c => c.Text), Does.Not.Contain("Supreme"));
            Assert.That(title.Label, Is.EqualTo(SentimentLabel.Negative));
            Assert.That(agreement.Contributions.Select(c => c.Text), Does.Not.Contain("Good"));
            Assert.That(headline.Contributions.Select(c => c.Text), Does.Contain("Great").And.Contain("Peace"));
            Assert.That(sentenceStart.Contributions.Select(c => c.Text), Does.Contain("Great"));
        });
    }

    [Test]
    public void NotSufficientlyEngagingIsNegative()
    {
        var s = Analyzer.Score("The expert community is not sufficiently engaging with the public.");
        var c = Contribution(s, "engaging");
        Assert.Multiple(() =>
        {
            Assert.That(s.Label, Is.EqualTo(SentimentLabel.Negative));
            Assert.That(c.Weight, Is.EqualTo((1.0 + 0.293) * -0.74).Within(1e-4));
            Assert.That(c.Modifiers, Is.EqualTo(SentimentModifiers.Negated | SentimentModifiers.Intensified));
        });
    }

    [Test]
    public void NegationDoesNotCrossAClauseBoundary()
    {
        var s = Analyzer.Score("The talks did not stop, and progress followed.");
        Assert.That(Contribution(s, "progress").Modifiers & SentimentModifiers.Negated, Is.EqualTo(SentimentModifiers.None));
    }

    [TestCase("The talks were productive.", 1.6, SentimentModifiers.None)]
    [TestCase("The talks were highly productive.", 1.893, SentimentModifiers.Intensified)]
    [TestCase("The talks were significantly productive.", 1.893, SentimentModifiers.Intensified)]
    [TestCase("The talks were slightly productive.", 1.307, SentimentModifiers.Dampened)]
    [TestCase("The talks were largely productive.", 1.4, SentimentModifiers.Dampened)]
    public void IntensifiersAndDampeners(string text, double weight, SentimentModifiers modifiers)
    {
        var c = Contribution(Analyzer.Score(text), "productive");
        Assert.Multiple(() =>
        {
            Assert.That(c.Weight, Is.EqualTo(weight).Within(1e-4));
            Assert.That(c.Modifiers, Is.EqualTo(modifiers));
        });
    }

    [Test]
    public void HardlyReversesAndWeakens()
    {
        var s = Analyzer.Score("The talks were hardly productive.");
        Assert.Multiple(() =>
        {
            Assert.That(Contribution(s, "productive").Weight, Is.EqualTo(1.6 * -0.5).Within(1e-4));
            Assert.That(s.Label, Is.EqualTo(SentimentLabel.Negative));
        });
    }

    [Test]
    public void NegatorAfterThePhraseReachesBack()
    {
        var s = Analyzer.Score("A breakthrough is hardly possible this year.");
        var c = Contribution(s, "breakthrough");
        Assert.Multiple(() =>
        {
            // 2.5 × -0.5 = -1.25, capped: a negated positive weighs at most MaxNegatedValence (1).
            Assert.That(c.Weight, Is.EqualTo(-1.0).Within(1e-4));
            Assert.That(c.Modifiers, Is.EqualTo(SentimentModifiers.Negated | SentimentModifiers.PostNegated));
            Assert.That(s.Label, Is.EqualTo(SentimentLabel.Negative));
        });
    }

    [Test]
    public void LoneNegatorCarriesNoToneByDefault()
    {
        var s = Analyzer.Score("The government will not sign the treaty.");
        Assert.Multiple(() =>
        {
            Assert.That(s.Contributions, Is.Empty);
            Assert.That(s.Compound, Is.EqualTo(0));
            Assert.That(s.Label, Is.EqualTo(SentimentLabel.Neutral));
        });
    }

    [Test]
    public void LoneNegatorScoresWhenConfigured()
    {
        var analyzer = new SentimentAnalyzer(options: new SentimentOptions { UnpairedNegationValence = -0.8 });
        var s = analyzer.Score("The government will not sign the treaty.");
        var c = Contribution(s, "not");
        Assert.Multiple(() =>
        {
            Assert.That(c.Weight, Is.EqualTo(-0.8));
            Assert.That(c.Modifiers, Is.EqualTo(SentimentModifiers.UnpairedNegation));
            Assert.That(s.Label, Is.EqualTo(SentimentLabel.Negative));
        });
    }

    [TestCase("Three soldiers were killed near the border on Tuesday.")]
    [TestCase("The minister was accused of taking bribes.")]
    [TestCase("The war entered its third year.")]
    [TestCase("His death was announced in the morning.")]
    public void EventWordsAloneCarryNoTone(string text)
    {
        var s = Analyzer.Score(text);
        Assert.Multiple(() =>
        {
            Assert.That(s.Contributions, Is.Empty);
            Assert.That(s.Label, Is.EqualTo(SentimentLabel.Neutral));
        });
    }

    [Test]
    public void NegatedEventWordCounts()
    {
        var s = Analyzer.Score("There were no casualties.");
        var c = Contribution(s, "casualties");
        Assert.Multiple(() =>
        {
            Assert.That(c.Valence, Is.EqualTo(-2.5));
            Assert.That(c.Weight, Is.EqualTo(-2.5 * -0.74).Within(1e-4));
            Assert.That(c.Modifiers, Is.EqualTo(SentimentModifiers.Negated));
            Assert.That(s.Label, Is.EqualTo(SentimentLabel.Positive));
        });
    }

    [Test]
    public void NegatedSuperlativeIsAMildReservation()
    {
        var s = Analyzer.Score("A second referendum isn't the best option.");
        var c = Contribution(s, "best");
        Assert.Multiple(() =>
        {
            Assert.That(c.Weight, Is.EqualTo(-1.0));
            Assert.That(s.Compound, Is.EqualTo(-1 / Math.Sqrt(1 + 15)).Within(1e-9));
        });
    }

    [Test]
    public void FallingCasualtiesAreNotNegative()
    {
        var s = Analyzer.Score("Casualties fell from 9 to 4.");
        Assert.That(s.Compound, Is.GreaterThanOrEqualTo(0));
    }

    [Test]
    public void ShifterFlipsWhatItGoverns()
    {
        var s = Analyzer.Score("The accord ended the hostilities.");
        Assert.Multiple(() =>
        {
            Assert.That(Contribution(s, "hostilities").Weight, Is.EqualTo(-2.1 * -0.74).Within(1e-4));
            Assert.That(s.Label, Is.EqualTo(SentimentLabel.Positive));
        });
    }

    [Test]
    public void ButMakesTheClauseAfterWeighMore()
    {
        var s = Analyzer.Score("The talks were productive, but the ceasefire collapsed.");
        Assert.Multiple(() =>
        {
            Assert.That(Contribution(s, "productive").Weight, Is.EqualTo(1.6 * 0.5).Within(1e-4));
            Assert.That(Contribution(s, "productive").Modifiers, Is.EqualTo(SentimentModifiers.BeforeContrast));
            Assert.That(Contribution(s, "collapsed").Weight, Is.EqualTo(-2.0 * 1.5).Within(1e-4));
            Assert.That(Contribution(s, "collapsed").Modifiers, Is.EqualTo(SentimentModifiers.AfterContrast));
            Assert.That(s.Label, Is.EqualTo(SentimentLabel.Negative));
        });
    }

    [TestCase("Although the talks were difficult, the outcome is a breakthrough.")]
    [TestCase("While the talks were difficult, the outcome is a breakthrough.")]
    [TestCase("The talks were difficult; however, the outcome is a breakthrough.")]
    public void ContrastAndConcessionFavourTheMainClause(string text)
    {
        var s = Analyzer.Score(text);
        Assert.Multiple(() =>
        {
            Assert.That(Contribution(s, "difficult").Weight, Is.EqualTo(-0.5).Within(1e-4));
            Assert.That(Contribution(s, "breakthrough").Weight, Is.EqualTo(3.75).Within(1e-4));
            Assert.That(s.Label, Is.EqualTo(SentimentLabel.Positive));
        });
    }

    [Test]
    public void ModalClauseIsIrrealis()
    {
        var s = Analyzer.Score("A breakthrough would be welcome.");
        Assert.Multiple(() =>
        {
            Assert.That(Contribution(s, "breakthrough").Weight, Is.EqualTo(1.25).Within(1e-4));
            Assert.That(Contribution(s, "welcome").Weight, Is.EqualTo(1.0).Within(1e-4));
            Assert.That(Contribution(s, "welcome").Modifiers, Is.EqualTo(SentimentModifiers.Irrealis));
        });
    }

    [Test]
    public void ConditionalClauseIsIrrealisButTheMainClauseIsNot()
    {
        var s = Analyzer.Score("If the talks succeed, the region will prosper.");
        Assert.Multiple(() =>
        {
            Assert.That(Contribution(s, "succeed").Weight, Is.EqualTo(1.1).Within(1e-4));
            Assert.That(Contribution(s, "succeed").Modifiers, Is.EqualTo(SentimentModifiers.Irrealis));
            Assert.That(Contribution(s, "prosper").Weight, Is.EqualTo(2.0).Within(1e-4));
            Assert.That(Contribution(s, "prosper").Modifiers, Is.EqualTo(SentimentModifiers.None));
        });
    }

    [Test]
    public void LexiconHedgesSoftenWithoutAStanceLayer()
    {
        var s = Analyzer.Score("The agreement will likely bring prosperity.");
        var c = Contribution(s, "prosperity");
        Assert.Multiple(() =>
        {
            Assert.That(c.Weight, Is.EqualTo(2.5 * 0.85).Within(1e-4));
            Assert.That(c.Modifiers, Is.EqualTo(SentimentModifiers.Hedged));
        });
    }

    [Test]
    public void QuotedAndReportedSpeechIsKeptApart()
    {
        var quoted = Analyzer.Score("The minister called the meeting \"a breakthrough\" yesterday.");
        var reported = Analyzer.Score("According to the envoy, the talks collapsed.");
        var said = Analyzer.Score("The minister said that the talks were a disaster.");
        Assert.Multiple(() =>
        {
            Assert.That(Contribution(quoted, "breakthrough").Weight, Is.EqualTo(1.25).Within(1e-4));
            Assert.That(Contribution(quoted, "breakthrough").Modifiers, Is.EqualTo(SentimentModifiers.Reported));
            Assert.That(quoted.AuthorCompound, Is.Zero);
            Assert.That(quoted.ReportedCompound, Is.GreaterThan(0));
            Assert.That(Contribution(reported, "collapsed").Modifiers, Is.EqualTo(SentimentModifiers.Reported));
            Assert.That(reported.AuthorCompound, Is.Zero);
            Assert.That(reported.ReportedCompound, Is.LessThan(0));
            Assert.That(Contribution(said, "disaster").Modifiers, Is.EqualTo(SentimentModifiers.Reported));
        });
    }

    [Test]
    public void EvaluativeSentenceAdverbWeighsDouble()
    {
        var s = Analyzer.Score("Unfortunately, the talks continue.");
        var c = Contribution(s, "Unfortunately");
        Assert.Multiple(() =>
        {
            Assert.That(c.Weight, Is.EqualTo(-2.8).Within(1e-4));
            Assert.That(c.Modifiers, Is.EqualTo(SentimentModifiers.SentenceAdverb));
            Assert.That(s.Label, Is.EqualTo(SentimentLabel.Negative));
        });
    }

    [Test]
    public void MultiWordEntriesWinOverTheirWords()
    {
        // "peace treaty" is a neutral topic phrase; "peace" alone is positive.
        var s = Analyzer.Score("The peace treaty was discussed.");
        var t = Analyzer.Score("Territorial claims remain.");
        Assert.Multiple(() =>
        {
            Assert.That(s.Contributions, Is.Empty);
            Assert.That(s.Label, Is.EqualTo(SentimentLabel.Neutral));
            Assert.That(Contribution(t, "Territorial claims").Weight, Is.EqualTo(-1.5).Within(1e-4));
        });
    }

    [Test]
    public void ContributionsCarryExactOffsets()
    {
        const string text = "Relations improved after the impasse ended.";
        foreach (var c in Analyzer.Score(text).Contributions)
            Assert.That(text[c.Start..c.End], Is.EqualTo(c.Text));
    }

    [Test]
    public void ScoresAreDeterministicAndBounded()
    {
        const string text = "The breakthrough was welcome, but the stalemate continues and hostilities may resume.";
        var a = Analyzer.Score(text);
        var b = Analyzer.Score(text);
        Assert.Multiple(() =>
        {
            Assert.That(a.Compound, Is.EqualTo(b.Compound));
            Assert.That(a.Contributions, Is.EqualTo(b.Contributions));
            Assert.That(a.Compound, Is.InRange(-1.0, 1.0));
        });
    }

    [Test]
    public void NullAndHostileInput()
    {
        Assert.Throws<ArgumentNullException>(() => Analyzer.Score(null!));
        Assert.Throws<ArgumentNullException>(() => Analyzer.Process(null!, CancellationToken.None));
        string hostile = string.Concat(Enumerable.Repeat("not \"but ,if (no) \uD800 ", 5000)) + new string('x', 10000);
        var s = Analyzer.Score(hostile);
        Assert.That(s.Compound, Is.InRange(-1.0, 1.0));
        // One 64,000-token "sentence" full of scope-bearing words (concessive, modal, reporting) stays linear.
        string scoped = string.Concat(Enumerable.Repeat("while they would say that peace is good ", 8000));
        var doc = new TextLens.Pipeline().Add(new SentenceSplitter()).Add(new SentimentAnalyzer()).Process(scoped);
        Assert.That(doc.Sentiment!.Sentences, Has.Count.EqualTo(1));
    }

    [Test]
    public void OptionsAreValidated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SentimentAnalyzer(options: new SentimentOptions { PositiveThreshold = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SentimentAnalyzer(options: new SentimentOptions { ClassifierWeight = 2 }));
    }
}
