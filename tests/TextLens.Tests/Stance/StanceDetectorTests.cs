namespace TextLens.Tests.Stance;

public class StanceDetectorTests
{
    // The lexicon rules alone (no model): negation, conditions, holders and targets as the rules define them. The trained
    // model's cues are tested in StanceModelTests; holders, targets and links are found the same way for both.
    private static readonly TextLens.Pipeline Nlp = TextLens.Pipeline.CreateEnglish().Replace(new StanceDetector(StanceLexicon.Default, model: null));

    private static StanceCue Single(Document doc, StanceCueType type) => doc.StanceCues.Single(c => c.Type == type);

    [Test]
    public void NegationTurnsCommitmentIntoRefusal()
    {
        var yes = Nlp.Process("Azerbaijan will sign the treaty.");
        var no = Nlp.Process("Azerbaijan will not sign the treaty.");
        var c = Single(yes, StanceCueType.Commitment);
        var r = Single(no, StanceCueType.Refusal);
        Assert.Multiple(() =>
        {
            Assert.That((c.Text, c.Holder, c.Polarity), Is.EqualTo(("will sign", "Azerbaijan", StancePolarity.Positive)));
            Assert.That((r.Text, r.Holder, r.Polarity), Is.EqualTo(("will not sign", "Azerbaijan", StancePolarity.Negative)));
            Assert.That(r.Target?.Text, Is.EqualTo("the treaty"));
            Assert.That(r.HolderSpan, Is.EqualTo(new StanceSpan(0, 10, 0, 1, "Azerbaijan")));
        });
    }

    [TestCase("Georgia is not willing to join the alliance.", "is not willing to join", "Georgia")]
    [TestCase("Georgia does not intend to join the alliance.", "does not intend to join", "Georgia")]
    [TestCase("The government refuses to negotiate.", "refuses to negotiate", "The government")]
    [TestCase("Moscow rejects the proposal.", "rejects", "Moscow")]
    [TestCase("Tehran has no intention of leaving the talks.", "has no intention of", "Tehran")]
    [TestCase("The Kremlin, however, is reluctant to engage.", "is reluctant to engage", "Kremlin")]
    public void Refusals(string text, string cue, string holder)
    {
        var r = Single(Nlp.Process(text), StanceCueType.Refusal);
        Assert.That((r.Text, r.Holder, r.Polarity), Is.EqualTo((cue, holder, StancePolarity.Negative)));
    }

    [Test]
    public void ShouldNotIsDeonticWithNegativePolarity()
    {
        var doc = Nlp.Process("The opportunity should not be wasted, and leaders should act now.");
        Assert.That(doc.StanceCues.Select(c => (c.Type, c.Text, c.Polarity)), Is.EqualTo(new[]
        {
            (StanceCueType.Deontic, "should not", StancePolarity.Negative),
            (StanceCueType.Deontic, "should", StancePolarity.Positive),
        }));
    }

    [Test]
    public void NegationScopeIsTheClause()
    {
        // the "not" of the first clause does not reach the commitment of the second
        var doc = Nlp.Process("Paris did not comment, but Berlin is ready to help.");
        var c = Single(doc, StanceCueType.Commitment);
        Assert.That((c.Text, c.Holder), Is.EqualTo(("is ready to", "Berlin")));
        Assert.That(doc.StanceCues.Any(x => x.Type == StanceCueType.Refusal), Is.False);
    }

    [Test]
    public void UntilIsAConditionOnlyAfterARefusalOrRestriction()
    {
        var conditional = Nlp.Process("Serbia will not recognize Kosovo until the dialogue ends.");
        var temporal = Nlp.Process("The talks will continue until the end of May.");
        var cond = Single(conditional, StanceCueType.Condition);
        Assert.Multiple(() =>
        {
            Assert.That(cond.Text, Is.EqualTo("until"));
            Assert.That(cond.Holder, Is.EqualTo("Serbia"));
            Assert.That(cond.LinkedCue, Is.EqualTo(0));
            Assert.That(conditional.StanceCues[0].Type, Is.EqualTo(StanceCueType.Refusal));
            Assert.That(cond.Target?.Text, Is.EqualTo("the dialogue ends"));
            Assert.That(temporal.StanceCues, Is.Empty);
        });
    }

    [Test]
    public void ConditionBeforeItsCueLinksForward()
    {
        var doc = Nlp.Process("Unless sanctions are lifted, Caracas will not resume talks.");
        var cond = Single(doc, StanceCueType.Condition);
        Assert.That(cond.LinkedCue, Is.EqualTo(1));
        Assert.That(doc.StanceCues[1].Text, Is.EqualTo("will not resume"));
        Assert.That(cond.Holder, Is.EqualTo("Caracas"));
    }

    [TestCase("Elections may be postponed.", 1)]
    [TestCase("Elections were held in May.", 0)]
    [TestCase("May 2025 saw new protests.", 0)]
    [TestCase("The potential deal collapsed.", 1)]
    [TestCase("The region has considerable potential for trade.", 0)]
    [TestCase("It is clear that the deal failed.", 1)]
    [TestCase("Both sides made clear territorial claims.", 0)]
    public void ContextDisambiguation(string text, int cues)
    {
        Assert.That(Nlp.Process(text).StanceCues, Has.Count.EqualTo(cues));
    }

    [Test]
    public void ReportedSpeechSourcesHoldEpistemicCues()
    {
        var doc = Nlp.Process("According to Ambassador Maria Lopez, the sanctions are likely to fail. " +
                              "Analysts warned that the truce could collapse. The truce could collapse, the minister said.");
        Assert.That(doc.StanceCues.Select(c => (c.Text, c.Holder)), Is.EqualTo(new[]
        {
            ("likely", "Lopez"), ("could", "Analysts"), ("could", "the minister"),
        }));
    }

    [Test]
    public void FirstPersonIsTheAuthorAndPossessiveOwnsNominalCues()
    {
        var doc = Nlp.Process("We will support the plan. Turkey's bid to mediate was welcomed.");
        Assert.That(doc.StanceCues.Where(c => c.Type == StanceCueType.Commitment).Select(c => (c.Text, c.Holder)),
            Is.EqualTo(new[] { ("bid to", "Turkey") }));
    }

    [Test]
    public void OffsetsAreExact()
    {
        var text = "In short, Armenia \u201Cclearly\u201D rejects it.";
        var doc = Nlp.Process(text);
        foreach (var c in doc.StanceCues)
            Assert.That(text[c.Start..c.End], Is.EqualTo(c.Text));
        Assert.That(doc.StanceCues.Select(c => c.Text), Is.EqualTo(new[] { "clearly", "rejects" }));
    }

    [Test]
    public void SummaryCountsPerTypeAndHolder()
    {
        var doc = Nlp.Process("Azerbaijan will not sign until Armenia changes its constitution. Azerbaijan rejects the draft. " +
                              "Armenia seeks to sign quickly. Clearly, this is a missed opportunity.");
        var s = StanceSummary.Of(doc);
        Assert.Multiple(() =>
        {
            Assert.That(s.CountOf(StanceCueType.Refusal), Is.EqualTo(2));
            Assert.That(s.CountOf(StanceCueType.Hedge), Is.Zero);
            Assert.That(s.ByHolder.Select(h => h.ToString()), Is.EqualTo(new[]
            {
                "Azerbaijan: 2 refusals, 1 condition", "author: 1 booster, 1 attitude marker", "Armenia: 1 commitment",
            }));
            Assert.That(s.Total, Is.EqualTo(6));
        });
    }

    [Test]
    public void JsonUsesSchemaTypeNames()
    {
        var json = Nlp.Process("Baku rejects it.").ToJson();
        Assert.That(json, Does.Contain("\"type\": \"REFUSAL\""));
        Assert.That(json, Does.Contain("\"holder\": \"Baku\""));
    }

    [Test]
    public void HostileTextIsHandled()
    {
        var text = string.Concat(Enumerable.Repeat("not not will , until if ' s May may [ ] ", 5000));
        var doc = Nlp.Process(text);
        Assert.That(doc.StanceCues, Is.Not.Null);
        Assert.That(Nlp.Process("").StanceCues, Is.Empty);
        Assert.Throws<ArgumentNullException>(() => new StanceDetector().Detect(null!));
    }

    [Test]
    public void ReadmeExample()
    {
        var doc = Nlp.Process("Azerbaijan is not willing to sign a peace treaty until Armenia changes its constitution.");
        Assert.That(doc.StanceCues.Select(c => (c.Type, c.Text, c.Holder, c.Target?.Text, c.LinkedCue)), Is.EqualTo(new (StanceCueType, string, string, string?, int?)[]
        {
            (StanceCueType.Refusal, "is not willing to sign", "Azerbaijan", "a peace treaty", null),
            (StanceCueType.Condition, "until", "Azerbaijan", "Armenia changes its constitution", 0),
        }));
        Assert.That(StanceSummary.Of(doc).ToString(), Is.EqualTo("Azerbaijan: 1 refusal, 1 condition" + Environment.NewLine));
    }

    [Test]
    public void DemandsBelongToTheirSubject()
    {
        var doc = Nlp.Process("The Security Council urged both parties to show restraint. Both parties should show restraint.");
        Assert.That(doc.StanceCues.Select(c => (c.Type, c.Text, c.Holder)), Is.EqualTo(new[]
        {
            (StanceCueType.Deontic, "urged", "Security Council"),
            (StanceCueType.Deontic, "should", "author"),
        }));
    }

    [Test]
    public void RunOnSentencesStayLinear()
    {
        // no sentence or clause boundaries, a cue on every other token: every search is bounded by a clause window
        foreach (var unit in new[] { "Baku will sign ", "Analysts said that it may ", "according to as Tehran noted ", "a a a the ", "will not sign until " })
        {
            var text = string.Concat(Enumerable.Repeat(unit, 10_000));
            var doc = new StanceDetector().Detect(new TextLens.Pipeline().Add(new SentenceSplitter()).Process(text).Tokens[0].Document);
            Assert.That(doc, Is.Not.Null);
        }
    }
}
