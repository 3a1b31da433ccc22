using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace TextLens.Tests.Segmentation;

/// <summary>Sentence-boundary F1 on ../shared/eval/public, scored by the shared score.py on Document.ToJson() output.</summary>
public class SentenceEvaluationTests
{
    [Test]
    public void SentenceBoundaryF1OnPublicEvalIsAtLeast098()
    {
        var gold = TestPaths.RequireShared("eval/public/gold");
        var texts = TestPaths.RequireShared("eval/public/texts");
        var score = TestPaths.RequireShared("eval/score.py");
        var outDir = Path.Combine(Path.GetTempPath(), "textlens-sent-eval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        try
        {
            var nlp = new TextLens.Pipeline().Add(new SentenceSplitter());
            foreach (var file in Directory.GetFiles(texts, "*.txt"))
            {
                var id = Path.GetFileNameWithoutExtension(file);
                var doc = nlp.Process(File.ReadAllText(file), id);
                File.WriteAllText(Path.Combine(outDir, id + ".json"), doc.ToJson(source: "seed", textFile: $"texts/{id}.txt"));
            }

            var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { score, gold, outDir, "--json" }) psi.ArgumentList.Add(a);
            Process? p;
            try { p = Process.Start(psi); }
            catch (Win32Exception) { p = null; }
            if (p is null) Assert.Ignore("python3 is not installed: the shared scorer cannot run here.");
            using (p)
            {
                var stdoutTask = p!.StandardOutput.ReadToEndAsync();
                var stderr = p.StandardError.ReadToEnd();
                var stdout = stdoutTask.Result;
                p.WaitForExit();
                Assert.That(p.ExitCode, Is.Zero, "score.py failed: " + stderr);
                using var json = JsonDocument.Parse(stdout);
                var sentences = json.RootElement.GetProperty("totals").GetProperty("sentences");
                double f1 = sentences.GetProperty("f1").GetDouble();
                TestContext.Out.WriteLine($"sentence boundaries: P {sentences.GetProperty("p")} R {sentences.GetProperty("r")} F1 {f1:F3}");
                Assert.That(f1, Is.GreaterThanOrEqualTo(0.98));
            }
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }
}
