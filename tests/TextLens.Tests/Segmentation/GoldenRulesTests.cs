namespace TextLens.Tests.Segmentation;

/// <summary>
/// The 48 English "Golden Rules" of sentence boundary detection (pySBD, MIT; see NOTICE),
/// read from english-golden-rules.txt beside this file and scored case by case: a case passes when the splitter
/// returns exactly the expected sentences.
/// </summary>
public class GoldenRulesTests
{
    private sealed record GoldenCase(int Line, string Text, string[] Expected);

    private static List<GoldenCase> LoadCases()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "tests", "TextLens.Tests", "Segmentation", "english-golden-rules.txt");
        var cases = new List<GoldenCase>();
        string? text = null;
        int textLine = 0;
        var expected = new List<string>();
        var lines = File.ReadAllLines(path);
        for (int k = 0; k <= lines.Length; k++)
        {
            var line = k < lines.Length ? lines[k] : "";
            if (line.StartsWith("> ", StringComparison.Ordinal)) { text = line[2..]; textLine = k + 1; }
            else if (line.StartsWith("= ", StringComparison.Ordinal)) expected.Add(line[2..]);
            else if (line.Length == 0 && text is not null)
            {
                cases.Add(new GoldenCase(textLine, text, expected.ToArray()));
                text = null;
                expected.Clear();
            }
        }
        return cases;
    }

    [Test]
    public void SuiteHas48Cases() => Assert.That(LoadCases(), Has.Count.EqualTo(48));

    [Test]
    public void AtLeast46Of48GoldenRulesPass()
    {
        var failures = new List<string>();
        var cases = LoadCases();
        foreach (var c in cases)
        {
            var got = SentenceSplitterTests.Sentences(c.Text);
            if (!got.SequenceEqual(c.Expected))
                failures.Add($"line {c.Line}: {c.Text}\n    got: {string.Join(" | ", got)}");
        }
        int passed = cases.Count - failures.Count;
        TestContext.Out.WriteLine($"Golden Rules: {passed}/{cases.Count}");
        foreach (var f in failures) TestContext.Out.WriteLine(f);
        Assert.That(passed, Is.GreaterThanOrEqualTo(46), string.Join("\n", failures));
    }
}
