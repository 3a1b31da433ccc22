namespace TextLens.Tests.Stance;

/// <summary>Cues, types and holders of the lexicon rules on commentaries written for these tests (not the evaluation article).</summary>
public class CommentaryTests
{
    // The lexicon rules alone (no model): negation, conditions, holders and targets as the rules define them. The trained
    // model's cues are tested in StanceModelTests; holders, targets and links are found the same way for both.
    private static readonly TextLens.Pipeline Nlp = TextLens.Pipeline.CreateEnglish().Replace(new StanceDetector(StanceLexicon.Default, model: null));

    private static IEnumerable<TestCaseData> Cases() => Commentaries.All.Select(c => new TestCaseData(c).SetName("Commentary_" + c.Name));

    [TestCaseSource(nameof(Cases))]
    public void FindsTheAnnotatedCuesWithHolders(Commentaries.Case c)
    {
        var doc = Nlp.Process(c.Text, c.Name);
        var got = doc.StanceCues.Select(x => $"{x.Type.ToString().ToUpperInvariant()} '{x.Text}' ({x.Holder})").ToArray();
        var want = c.Cues.Select(x => $"{x.Type} '{x.Text}' ({x.Holder})").ToArray();
        TestContext.Out.WriteLine("got:\n  " + string.Join("\n  ", got));
        Assert.That(got, Is.EqualTo(want));
    }
}
