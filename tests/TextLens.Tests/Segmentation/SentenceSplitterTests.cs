namespace TextLens.Tests.Segmentation;

public class SentenceSplitterTests
{
    private static readonly TextLens.Pipeline Nlp = new TextLens.Pipeline().Add(new SentenceSplitter());

    internal static string[] Sentences(string text) => Nlp.Process(text).Sentences.Select(s => s.Text).ToArray();

    [Test]
    public void AbbreviationsDoNotEndSentences() =>
        Assert.That(Sentences("Dr. Huseynov met U.S. officials in Baku. They agreed, e.g. on trade, and Mr. Smith left."),
            Is.EqualTo(new[] { "Dr. Huseynov met U.S. officials in Baku.", "They agreed, e.g. on trade, and Mr. Smith left." }));

    [Test]
    public void AmbiguousAbbreviationEndsBeforeSentenceOpener() =>
        Assert.That(Sentences("The talks were held in the U.S. The next round is in Baku on Jan. 3. See No. 5 on the list, etc. However, nothing changed."),
            Is.EqualTo(new[] { "The talks were held in the U.S.", "The next round is in Baku on Jan. 3.", "See No. 5 on the list, etc.", "However, nothing changed." }));

    [Test]
    public void HeadlineIsNotSplitAtAnAbbreviationBeforeACapitalisedOpener() =>
        Assert.That(Sentences("Why the U.S. Still Matters in the South Caucasus\n\nTalks were held in the U.S. Still, nothing changed."),
            Is.EqualTo(new[] { "Why the U.S. Still Matters in the South Caucasus", "Talks were held in the U.S.", "Still, nothing changed." }));

    [TestCase("Why the U.S. Still Matters in the South Caucasus", true)]
    [TestCase("Why the U.S. Still Matters in the South Caucasus.", false)] // final punctuation: prose
    [TestCase("The talks were held in the U.S. The next round is in Baku", false)] // mostly lower case
    [TestCase("Too Short", false)]
    public void HeadlineLines(string line, bool headline)
    {
        string text = "intro\n" + line + "\nmore";
        Assert.That(SentenceSplitter.IsHeadlineLine(text, "intro\n".Length + 2), Is.EqualTo(headline));
    }

    [Test]
    public void HeadlineCheckLooksNoFurtherThan200Characters()
    {
        // a title-case line of 2,000 characters is no headline, and a megabyte of them costs no more than 400 characters each
        var line = string.Concat(Enumerable.Repeat("Still Matters ", 150));
        Assert.That(SentenceSplitter.IsHeadlineLine(line, 1000), Is.False);
        Assert.That(SentenceSplitter.IsHeadlineLine(line.AsSpan(0, 150), 10), Is.True);
    }

    [Test]
    public void AbbreviationBeforeBracket() =>
        Assert.That(Sentences("It suits the U.K. and the U.S. (respectively) well. They wrote to the U.N. (See the annex.) Nothing came of it."),
            Is.EqualTo(new[] { "It suits the U.K. and the U.S. (respectively) well.", "They wrote to the U.N.", "(See the annex.)", "Nothing came of it." }));

    [Test]
    public void InitialsAndPlaceAbbreviations() =>
        Assert.That(Sentences("Foreign Minister J. Bayramov spoke. The talks in Washington, D.C. were long."),
            Is.EqualTo(new[] { "Foreign Minister J. Bayramov spoke.", "The talks in Washington, D.C. were long." }));

    [Test]
    public void ClosingQuotesAndBracketsStayInTheSentence() =>
        Assert.That(Sentences("He said \"We will sign.\" Then he left. (See the annex.) It ended with “peace.” Next."),
            Is.EqualTo(new[] { "He said \"We will sign.\"", "Then he left.", "(See the annex.)", "It ended with “peace.”", "Next." }));

    [Test]
    public void QuestionsAndExclamations() =>
        Assert.That(Sentences("Will they sign? Nobody knows! “Why not?” asked the minister. Really?! Yes."),
            Is.EqualTo(new[] { "Will they sign?", "Nobody knows!", "“Why not?” asked the minister.", "Really?!", "Yes." }));

    [Test]
    public void Ellipses() =>
        Assert.That(Sentences("Prices rose... Then they fell. It was … odd, and wait… nothing."),
            Is.EqualTo(new[] { "Prices rose...", "Then they fell.", "It was … odd, and wait… nothing." }));

    [Test]
    public void SpacedEllipsisCaseNamesAndQuestions() =>
        Assert.That(Sentences("The ruling in Hamdan v. Rumsfeld stands . . . The court met on Main St. Does anyone know why?"),
            Is.EqualTo(new[] { "The ruling in Hamdan v. Rumsfeld stands . . .", "The court met on Main St.", "Does anyone know why?" }));

    [Test]
    public void InlineNumberedListItemsAreSentences() =>
        Assert.That(Sentences("Two demands stand out: 1. Lift the sanctions 2. Reopen the border crossings"),
            Is.EqualTo(new[] { "Two demands stand out:", "1. Lift the sanctions", "2. Reopen the border crossings" }));

    [TestCase("1.) Sign the accord 2.) Open the corridor", "1.) Sign the accord", "2.) Open the corridor")]
    [TestCase("1) Sign the accord. 2) Open the corridor.", "1) Sign the accord.", "2) Open the corridor.")]
    [TestCase("a. Sign the accord b. Open the corridor", "a. Sign the accord", "b. Open the corridor")]
    [TestCase("\u2022 4. Sign the accord \u2022 5. Open the corridor", "\u2022 4. Sign the accord", "\u2022 5. Open the corridor")]
    [TestCase("i. Sign the accord ii. Open the corridor", "i. Sign the accord", "ii. Open the corridor")]
    public void InlineListMarkerStyles(string text, string first, string second) =>
        Assert.That(Sentences(text), Is.EqualTo(new[] { first, second }));

    [TestCase("The clause in Article 1. The second clause in Article 2. Nothing else.", 3)] // no anchored first item: prose
    [TestCase("The plan has two parts: 1) a ceasefire and 2) talks.", 1)] // items in lower case: one sentence
    [TestCase("Analysts J. K. Rowe and L. M. Hart disagreed.", 1)] // capital initials are no list letters
    public void ProseIsNotReadAsAnInlineList(string text, int count) =>
        Assert.That(Sentences(text), Has.Length.EqualTo(count));

    [Test]
    public void TimeBeforeATitleEndsTheSentenceUnlessFronted() =>
        Assert.That(Sentences("At 9 a.m. Dr. Aliyev opened the session. The vote came at 4 P.M. Mrs. Grant then spoke."),
            Is.EqualTo(new[] { "At 9 a.m. Dr. Aliyev opened the session.", "The vote came at 4 P.M.", "Mrs. Grant then spoke." }));

    [Test]
    public void NumeroSignBeforeANumberIsNoSentenceEnd() =>
        Assert.That(Sentences("The decree is filed as N\u00B0. 417.22. Nobody read it."),
            Is.EqualTo(new[] { "The decree is filed as N\u00B0. 417.22.", "Nobody read it." }));

    [Test]
    public void BracketedEllipsisAndCitationStayInTheQuotation() =>
        Assert.That(Sentences("\"The treaty [...] binds both parties [\u2026]\" (Aliyev 12). Critics disagree."),
            Is.EqualTo(new[] { "\"The treaty [...] binds both parties [\u2026]\" (Aliyev 12).", "Critics disagree." }));

    [Test]
    public void SpacedEllipsisAfterAFunctionWordIsAnOmission() =>
        Assert.That(Sentences("What they want is . . . Baku to give in. The envoy left . . . . Talks resumed later. It was late. . . . We waited."),
            Is.EqualTo(new[] { "What they want is . . . Baku to give in.", "The envoy left . . . .", "Talks resumed later.", "It was late. . . .", "We waited." }));

    [Test]
    public void NumberedAndBulletedLists() =>
        Assert.That(Sentences("Three steps are needed:\n1. Sign the treaty\n2. Open the borders.\n- Build trust\n- Trade more"),
            Is.EqualTo(new[] { "Three steps are needed:", "1. Sign the treaty", "2. Open the borders.", "- Build trust", "- Trade more" }));

    [Test]
    public void DatelineStaysWithItsSentence() =>
        Assert.That(Sentences("BAKU, 3 March (Reuters) – Azerbaijan said on Monday it would sign. Armenia disagreed."),
            Is.EqualTo(new[] { "BAKU, 3 March (Reuters) – Azerbaijan said on Monday it would sign.", "Armenia disagreed." }));

    [Test]
    public void HeadingsBylinesAndDatelinesOnTheirOwnLines() =>
        Assert.That(Sentences("Opinion: Why Peace Matters\nBy Jane Doe\nBAKU, 3 March 2025\n\nThe talks resumed. They went well."),
            Is.EqualTo(new[] { "Opinion: Why Peace Matters", "By Jane Doe", "BAKU, 3 March 2025", "The talks resumed.", "They went well." }));

    [Test]
    public void HardWrappedLinesContinue() =>
        Assert.That(Sentences("The minister said that the talks with\nArmenia would go on, and that\nBaku was ready."),
            Is.EqualTo(new[] { "The minister said that the talks with\nArmenia would go on, and that\nBaku was ready." }));

    [Test]
    public void HardWrappedTextBreaksOnlyAtShortLines()
    {
        const string text =
            "Talks Resume in Baku\n" +
            "By Jane Doe\n" +
            "\n" +
            "The foreign ministers of the two countries met on Monday with\n" +
            "representatives of the mediators, and they discussed the draft\n" +
            "treaty that had been negotiated for months with Armenia's Prime Minister\n" +
            "Nikol Pashinyan had presented. The meeting was described as\n" +
            "constructive by both sides.\n";
        Assert.That(Sentences(text), Is.EqualTo(new[]
        {
            "Talks Resume in Baku",
            "By Jane Doe",
            "The foreign ministers of the two countries met on Monday with\nrepresentatives of the mediators, and they discussed the draft\ntreaty that had been negotiated for months with Armenia's Prime Minister\nNikol Pashinyan had presented.",
            "The meeting was described as\nconstructive by both sides.",
        }));
    }

    [Test]
    public void LowerCaseContinuationAcrossBlankLineIsOneSentenceAndParagraph()
    {
        var doc = Nlp.Process("Title\n\nThe expert community\n\nis not engaging. It should.\n\nNext paragraph.");
        Assert.Multiple(() =>
        {
            Assert.That(doc.Sentences.Select(s => s.Text).ToArray(), Is.EqualTo(new[]
            {
                "Title", "The expert community\n\nis not engaging.", "It should.", "Next paragraph.",
            }));
            Assert.That(doc.Paragraphs.Select(p => (p.Start, p.End, p.SentenceStart, p.SentenceEnd)).ToArray(), Is.EqualTo(new[]
            {
                (0, 5, 0, 1), (7, 56, 1, 3), (58, 73, 3, 4),
            }));
        });
    }

    [Test]
    public void BlankLineEndsASentenceWithoutPunctuation() =>
        Assert.That(Sentences("A heading\n\nAnother heading\r\n\r\nthe end."),
            Is.EqualTo(new[] { "A heading", "Another heading\r\n\r\nthe end." }));

    [Test]
    public void TokensKnowTheirSentence()
    {
        var doc = Nlp.Process("One. Two three.");
        Assert.That(doc.Tokens.Select(t => t.SentenceIndex).ToArray(), Is.EqualTo(new[] { 0, 0, 1, 1, 1 }));
    }

    [TestCase("")]
    [TestCase(" \n\n\t")]
    public void EmptyTextHasNoSentencesOrParagraphs(string text)
    {
        var doc = Nlp.Process(text);
        Assert.Multiple(() =>
        {
            Assert.That(doc.Sentences, Is.Empty);
            Assert.That(doc.Paragraphs, Is.Empty);
        });
    }

    [Test]
    public void ArticleParagraphs()
    {
        var text = File.ReadAllText(TestPaths.Article);
        var doc = Nlp.Process(text);
        Assert.Multiple(() =>
        {
            Assert.That(doc.Sentences, Has.Count.EqualTo(49));
            // 21 blank-line blocks, two of which continue a sentence in lower case.
            Assert.That(doc.Paragraphs, Has.Count.EqualTo(19));
            Assert.That(doc.Paragraphs[0].Start, Is.EqualTo(2));
            Assert.That(doc.Paragraphs[^1].End, Is.EqualTo(text.TrimEnd().Length));
            for (int i = 1; i < doc.Paragraphs.Count; i++)
                Assert.That(doc.Paragraphs[i].SentenceStart, Is.EqualTo(doc.Paragraphs[i - 1].SentenceEnd));
            Assert.That(doc.Sentences.Single(s => s.Text.Contains("expert community")).Text, Does.EndWith("regional security."));
        });
    }
}
