using System.Text.Json;
using TextLens.Cli;

namespace TextLens.Reliability;

/// <summary>The CLI analyses files above <see cref="LargeInput.WholeDocumentChars"/> in pieces, with offsets into the whole file.</summary>
[NonParallelizable]
public class LargeInputCliTests
{
    [Test]
    public void LargeFileGivesOneJsonWithWholeFileOffsets()
    {
        string dir = Path.Combine(Path.GetTempPath(), "textlens-large-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        int saved = LargeInput.WholeDocumentChars;
        int savedChunk = LargeInput.MaxChunkChars;
        try
        {
            string article = File.ReadAllText(TextLens.Tests.TestPaths.Article).Trim();
            // Several copies with some RTL and emoji, well past a lowered threshold, so it is cut into pieces.
            string text = "\uFEFF" + string.Join("\n\n", Enumerable.Range(0, 40).Select(i => i % 7 == 0 ? "שלום עולם 😀. " + article : article));
            string file = Path.Combine(dir, "big.txt");
            File.WriteAllText(file, text);
            string body = text[1..]; // the byte order mark is not part of the text
            LargeInput.WholeDocumentChars = 64 * 1024;
            LargeInput.MaxChunkChars = 32 * 1024;

            var output = new StringWriter();
            var error = new StringWriter();
            var io = new CliIO(new StringReader(""), output, error, ErrorIsTerminal: false);
            int exit = CliApp.RunAsync(["analyze", file, "-f", "json", "-o", Path.Combine(dir, "out"), "-p", "2"], io, CancellationToken.None, handleSignals: false).GetAwaiter().GetResult();
            Assert.That(exit, Is.Zero, error.ToString());
            Assert.That(Directory.GetFiles(Path.Combine(dir, "out")).Select(Path.GetFileName), Is.EqualTo(new[] { "big.json" }));

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "big.json")));
            var root = json.RootElement;
            Assert.That(root.GetProperty("id").GetString(), Is.EqualTo("big"));
            Assert.That(root.GetProperty("pieces").GetInt32(), Is.GreaterThan(5));

            var whole = TextLens.Pipeline.CreateEnglish().Process(body, "big");
            var sentences = root.GetProperty("sentences").EnumerateArray().Select(s => (s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32())).ToList();
            Assert.That(sentences, Is.EqualTo(whole.Sentences.Select(s => (s.Start, s.End)).ToList()));
            var cues = root.GetProperty("stance_cues").EnumerateArray().Select(c => (c.GetProperty("start").GetInt32(), c.GetProperty("end").GetInt32(), c.GetProperty("text").GetString())).ToList();
            Assert.That(cues, Is.EqualTo(whole.StanceCues.Select(c => (c.Start, c.End, (string?)c.Text)).ToList()));
            foreach (var e in root.GetProperty("entities").EnumerateArray())
            {
                int start = e.GetProperty("start").GetInt32(), end = e.GetProperty("end").GetInt32();
                Assert.That(e.GetProperty("text").GetString(), Is.EqualTo(body[start..end]));
            }
            Assert.That(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories), Is.Empty);
        }
        finally
        {
            LargeInput.WholeDocumentChars = saved;
            LargeInput.MaxChunkChars = savedChunk;
            Directory.Delete(dir, recursive: true);
        }
    }
}
