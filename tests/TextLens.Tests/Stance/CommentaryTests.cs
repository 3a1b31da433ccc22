namespace TextLens.Tests.Stance;

/// <summary>Cues, types and holders on commentaries written for these tests (not the evaluation article).</summary>
public class CommentaryTests
{
    private static readonly TextLens.Pipeline Nlp = TextLens.Pipeline.CreateEnglish();

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
