using System.Text.Json;

namespace TextLens.Tests.Sentiment;

/// <summary>Sentence sentiment on ../shared/eval/public, scored like score.py (gold sentence ↔ most-overlapping system sentence).</summary>
public class SentimentEvalTests
{
    internal static (double Accuracy, double MacroF1, List<string> Lines) Evaluate(TextLens.Pipeline nlp, string goldDir, string textDir)
    {
        var lines = new List<string>();
        var pairs = new List<(int Gold, int? Pred)>();
        foreach (var goldFile in Directory.GetFiles(goldDir, "*.json").Order(StringComparer.Ordinal))
        {
            string id = Path.GetFileNameWithoutExtension(goldFile);
            string text = File.ReadAllText(Path.Combine(textDir, id + ".txt"));
            var doc = nlp.Process(text, id);
            using var system = JsonDocument.Parse(doc.ToJson());
            var sys = system.RootElement.GetProperty("sentences").EnumerateArray()
                .Select(x => (S: x.GetProperty("start").GetInt32(), E: x.GetProperty("end").GetInt32(), L: x.GetProperty("sentiment").GetInt32())).ToList();
            using var gold = JsonDocument.Parse(File.ReadAllText(goldFile));
            foreach (var g in gold.RootElement.GetProperty("sentences").EnumerateArray())
            {
                if (!g.TryGetProperty("sentiment", out var gs) || gs.ValueKind != JsonValueKind.Number) continue;
                int s = g.GetProperty("start").GetInt32(), e = g.GetProperty("end").GetInt32();
                int best = -1, bestOverlap = 0;
                for (int i = 0; i < sys.Count; i++)
                {
                    int ov = Math.Min(e, sys[i].E) - Math.Max(s, sys[i].S);
                    if (ov > bestOverlap) { bestOverlap = ov; best = i; }
                }
                int? pred = best < 0 ? null : sys[best].L;
                pairs.Add((gs.GetInt32(), pred));
                double compound = best < 0 ? double.NaN : doc.Sentiment!.Sentences[best].Compound;
                lines.Add($"{(pred == gs.GetInt32() ? "  " : "XX")} gold {gs.GetInt32(),2} pred {pred,2} {compound,6:0.000} | {text[s..Math.Min(e, s + 110)].ReplaceLineEndings(" ")}");
            }
        }
        double acc = pairs.Count(p => p.Pred == p.Gold) / (double)pairs.Count;
        var classes = new[] { -1, 0, 1 }.Where(c => pairs.Any(p => p.Gold == c || p.Pred == c)).ToArray();
        double f1 = 0;
        foreach (int c in classes)
        {
            int tp = pairs.Count(p => p.Gold == c && p.Pred == c), fp = pairs.Count(p => p.Gold != c && p.Pred == c), fn = pairs.Count(p => p.Gold == c && p.Pred != c);
            f1 += tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        }
        return (acc, f1 / classes.Length, lines);
    }

    [Test]
    public void PublicEvalMeetsTargets()
    {
        string gold = TestPaths.RequireShared("eval/public/gold");
        string texts = TestPaths.RequireShared("eval/public/texts");
        var (acc, f1, lines) = Evaluate(TextLens.Pipeline.CreateEnglish(), gold, texts);
        foreach (var l in lines) TestContext.Out.WriteLine(l);
        TestContext.Out.WriteLine($"sentiment accuracy {acc:0.000}, macro-F1 {f1:0.000}");
        Assert.Multiple(() =>
        {
            Assert.That(acc, Is.GreaterThanOrEqualTo(0.75));
            Assert.That(f1, Is.GreaterThanOrEqualTo(0.70));
        });
    }
}
