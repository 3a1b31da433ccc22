using System.Diagnostics;
using System.Text;

namespace TextLens.Reliability;

/// <summary>
/// Every stage is linear in sentence length: one unpunctuated "sentence" four times longer takes about four times as
/// long, never sixteen (issue 16: entity tone walked the clause and every contribution once per mention, and reporting
/// scopes marked the rest of the sentence once per reporting cue, so 1 MB took 9–229 s).
/// </summary>
[NonParallelizable]
public class LinearTimeTests
{
    private static readonly Pipeline Nlp = Pipeline.CreateEnglish();

    private static string Repeat(string unit, int chars)
    {
        var sb = new StringBuilder(chars + unit.Length);
        while (sb.Length < chars) sb.Append(unit);
        return sb.ToString();
    }

    private static string ArticleWords(int chars)
    {
        // The article's words without sentence punctuation, in a fixed pseudo-random order: one sentence of real vocabulary.
        var words = File.ReadAllText(TextLens.Tests.TestPaths.Article).Split((char[])[' ', '\n', '\r', '\t', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries);
        var random = new Random(16);
        var sb = new StringBuilder(chars + 64);
        while (sb.Length < chars) sb.Append(words[random.Next(words.Length)]).Append(' ');
        return sb.ToString();
    }

    private static double MinSeconds(string text)
    {
        double best = double.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            var sw = Stopwatch.StartNew();
            var doc = Nlp.Process(text);
            sw.Stop();
            Assert.That(doc.Tokens.Count, Is.GreaterThan(0));
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return best;
    }

    [TestCase("according to Baku good ")]
    [TestCase("the U.S. and the U.K. ")]
    [TestCase("Vasif Huseynov said Armenia and Azerbaijan will not sign if the talks fail although peace is good ")]
    [TestCase("Moscow rejects the plan but may well seek to join ")] // rule cues and model cues in one endless sentence
    [TestCase(null)]
    public void FourTimesTheSentenceTakesAboutFourTimesAsLong(string? unit)
    {
        const int small = 160 * 1024;
        string Make(int chars) => unit is null ? ArticleWords(chars) : Repeat(unit, chars);
        string a = Make(small), b = Make(4 * small);
        Nlp.Process(a); // warm up: JIT and lazily loaded models
        double ta = MinSeconds(a), tb = MinSeconds(b);
        double ratio = tb / Math.Max(ta, 1e-3);
        // Linear is ~4 and quadratic ~16; 8 leaves room for a noisy shared machine and for garbage collection of the larger document.
        Assert.That(ratio, Is.LessThan(8), $"{small} chars: {ta:0.000} s; {4 * small} chars: {tb:0.000} s");
        TestContext.Out.WriteLine($"{unit ?? "article words"}: {ta:0.000} s → {tb:0.000} s (×{ratio:0.0})");
    }
}
