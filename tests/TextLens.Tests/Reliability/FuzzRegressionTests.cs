namespace TextLens.Reliability;

/// <summary>Every input the fuzzer ever found failing (Reliability/FuzzRegressions/&lt;target&gt;/*.bin) stays fixed.</summary>
public class FuzzRegressionTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        string dir = Path.Combine(TextLens.Tests.TestPaths.RepoRoot, "tests", "TextLens.Tests", "Reliability", "FuzzRegressions");
        foreach (var targetDir in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
            foreach (var file in Directory.GetFiles(targetDir, "*.bin").Order(StringComparer.Ordinal))
                yield return new TestCaseData(Path.GetFileName(targetDir), Path.GetFileName(file)).SetName($"{Path.GetFileName(targetDir)}/{Path.GetFileName(file)}");
    }

    [TestCaseSource(nameof(Cases))]
    public void SavedInputStillPasses(string target, string file)
    {
        string path = Path.Combine(TextLens.Tests.TestPaths.RepoRoot, "tests", "TextLens.Tests", "Reliability", "FuzzRegressions", target, file);
        Assert.DoesNotThrow(() => FuzzTargets.Run(target, File.ReadAllBytes(path)));
    }

    [Test]
    public void EveryTargetHasARegressionFolder()
    {
        string dir = Path.Combine(TextLens.Tests.TestPaths.RepoRoot, "tests", "TextLens.Tests", "Reliability", "FuzzRegressions");
        foreach (var target in FuzzTargets.Descriptions.Keys)
            Assert.That(Directory.Exists(Path.Combine(dir, target)), Is.True, target);
    }

    [Test]
    public void SurrogatePairIsOneToken()
    {
        var doc = Tokenizer.Default.Tokenize("ok \uD83D\uDE00 \uD83C\uDDE6\uD83C\uDDFF.");
        Assert.That(doc.Tokens.Select(t => t.Text), Is.EqualTo(new[] { "ok", "\uD83D\uDE00", "\uD83C\uDDE6\uD83C\uDDFF", "." }).Or.EqualTo(new[] { "ok", "\uD83D\uDE00", "\uD83C\uDDE6", "\uD83C\uDDFF", "." }));
        DocumentInvariants.Check(doc, doc.Text);
    }

    [Test]
    public void LoneSurrogatesDoNotBreakInvariants()
    {
        string text = "a\uD800b \uDC00 \uDC00\uD800 end\uD83D";
        var doc = TextLens.Pipeline.CreateEnglish().Process(text);
        Assert.DoesNotThrow(() => DocumentInvariants.Check(doc, text));
    }
}
