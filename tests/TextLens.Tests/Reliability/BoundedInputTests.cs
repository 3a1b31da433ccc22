using System.Text;
using System.Text.Json;
using TextLens.Cli;

namespace TextLens.Reliability;

/// <summary>
/// Every source (files, stdin, CSV rows, devices) goes through one bounded read: documents over
/// <see cref="LargeInput.WholeDocumentChars"/> are analysed in pieces cut where the sentence splitter starts a sentence,
/// and get every output but html (issue 16, defects 2–5).
/// </summary>
[NonParallelizable]
public class BoundedInputTests
{
    private string _dir = "";
    private int _savedWhole, _savedChunk, _savedRecord;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "textlens-bounded-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        (_savedWhole, _savedChunk, _savedRecord) = (LargeInput.WholeDocumentChars, LargeInput.MaxChunkChars, InputSet.MaxCsvRecordBytes);
        LargeInput.WholeDocumentChars = 16 * 1024;
        LargeInput.MaxChunkChars = 8 * 1024;
    }

    [TearDown]
    public void TearDown()
    {
        (LargeInput.WholeDocumentChars, LargeInput.MaxChunkChars, InputSet.MaxCsvRecordBytes) = (_savedWhole, _savedChunk, _savedRecord);
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private string Out => Path.Combine(_dir, "out");

    private static string Article => File.ReadAllText(TextLens.Tests.TestPaths.Article).Trim();

    /// <summary>Copies of the article as one paragraph (no blank lines): the old chunker fell back to cutting at white space.</summary>
    private static string OneParagraph(int copies) => string.Join(" ", Enumerable.Repeat(Article.ReplaceLineEndings(" "), copies));

    private static List<(int Start, int End)> JsonSpans(string path, string layer)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty(layer).EnumerateArray().Select(s => (s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32())).ToList();
    }

    [Test]
    public void StdinLargerThanTheBoundIsAnalysedInPiecesAtTheSplittersSentenceBoundaries()
    {
        string text = OneParagraph(5);
        var run = NoSilentLossTests.Cli(text, "analyze", "-", "-f", "json,csv", "-o", Out, "-p", "2");
        Assert.That(run.Exit, Is.Zero, run.Error);
        string json = Path.Combine(Out, "stdin.json");
        var whole = TextLens.Pipeline.CreateEnglish().Process(text, "stdin");
        Assert.That(JsonSpans(json, "sentences"), Is.EqualTo(whole.Sentences.Select(s => (s.Start, s.End)).ToList()));
        Assert.That(JsonSpans(json, "stance_cues"), Is.EqualTo(whole.StanceCues.Select(c => (c.Start, c.End)).ToList()));
        using (var doc = JsonDocument.Parse(File.ReadAllText(json)))
        {
            Assert.That(doc.RootElement.GetProperty("format").GetString(), Is.EqualTo(LargeInput.FormatName));
            Assert.That(doc.RootElement.GetProperty("pieces").GetInt32(), Is.GreaterThan(3));
            Assert.That(doc.RootElement.GetProperty("warnings").GetArrayLength(), Is.Zero);
            Assert.That(doc.RootElement.GetProperty("characters").GetInt64(), Is.EqualTo(text.Length));
        }
        // No entity is split at a piece boundary (the whitespace fallback made two PERSONs of "Vasif Huseynov").
        var entities = JsonSpans(json, "entities");
        foreach (var (start, end) in entities)
            Assert.That(whole.Entities.Any(e => e.Start <= start && end <= e.End && (e.Start < start || end < e.End)), Is.False, $"entity [{start},{end}) is part of a whole-text entity");
        var rows = File.ReadAllLines(Path.Combine(Out, "documents.csv"));
        Assert.That(rows, Has.Length.EqualTo(2));
        Assert.That(rows[1], Does.StartWith($"stdin,stdin,{text.Length},{whole.Tokens.Count},{whole.Sentences.Count},"));
        Assert.That(File.ReadAllLines(Path.Combine(Out, "sentences.csv")), Has.Length.EqualTo(whole.Sentences.Count + 1));
    }

    [TestCase("text")]
    [TestCase("csv")]
    [TestCase("html")]
    public void ALargeFileIsNeverSkippedSilentlyWhateverTheFormat(string format)
    {
        string file = Path.Combine(_dir, "big.txt");
        File.WriteAllText(file, string.Join("\n\n", Enumerable.Repeat(Article, 4)));
        var run = NoSilentLossTests.Cli("", "analyze", file, "-f", format, "-o", Out);
        if (format == "html")
        {
            // Not written for a document in pieces, and said so: a failure, not a silent skip.
            Assert.That(run.Exit, Is.EqualTo(AnalyzeCommand.ExitFailures), run.Error);
            Assert.That(run.Error, Does.Contain("big.txt: longer than 16,384 characters, analysed in pieces: the html report is not written for it"));
            return;
        }
        Assert.That(run.Exit, Is.Zero, run.Error);
        if (format == "text")
        {
            Assert.That(run.Out, Does.StartWith("-- big: piece 1 at offset 0\n== big =="));
            Assert.That(run.Error, Does.Contain("1 documents"));
        }
        else
        {
            var rows = File.ReadAllLines(Path.Combine(Out, "documents.csv"));
            Assert.That(rows, Has.Length.EqualTo(2));
            Assert.That(rows[1], Does.StartWith($"big,{file},{string.Join("\n\n", Enumerable.Repeat(Article, 4)).Length},"));
        }
    }

    [Test]
    public void AnUnpunctuatedDocumentIsCutAtTheHardCapWithAWarning()
    {
        string text = string.Concat(Enumerable.Repeat("peace talks between neighbours continue ", 1000)); // 40k characters, no sentence end
        var run = NoSilentLossTests.Cli(text, "analyze", "-", "-f", "json", "-o", Out);
        Assert.That(run.Exit, Is.Zero, run.Error);
        Assert.That(run.Error, Does.Contain("stdin: warning: cut at offset "));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "stdin.json")));
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.That(warnings, Has.Count.EqualTo(json.RootElement.GetProperty("pieces").GetInt32() - 1));
        Assert.That(warnings[0], Does.Match(@"^cut at offset \d+: no sentence boundary within 8192 characters: cut inside a sentence, between two tokens$"));
        // The cut falls between two words: every piece (one "sentence" each) starts at the start of a word.
        var starts = JsonSpans(Path.Combine(Out, "stdin.json"), "sentences").Select(s => s.Start).ToList();
        Assert.That(starts, Has.Count.EqualTo(warnings.Count + 1));
        foreach (int start in starts)
            Assert.That(start == 0 || text[start - 1] == ' ' && char.IsLetter(text[start]), Is.True, $"piece starting at {start}");
    }

    [Test]
    public void ASymlinkToDevZeroFailsAndTheNextFileIsStillAnalysed()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("needs /dev/zero");
        string zero = Path.Combine(_dir, "zero.txt");
        File.CreateSymbolicLink(zero, "/dev/zero");
        string good = Path.Combine(_dir, "good.txt");
        File.WriteAllText(good, "Peace is good.");
        var run = NoSilentLossTests.Cli("", "analyze", zero, good, "-f", "csv", "-o", Out, "-p", "2");
        Assert.That(run.Exit, Is.EqualTo(AnalyzeCommand.ExitFailures));
        Assert.That(run.Error, Does.Contain("zero.txt: contains NUL characters: binary data, not text; skipped"));
        Assert.That(File.ReadAllLines(Path.Combine(Out, "documents.csv"))[1], Does.StartWith("good,"));
    }

    [Test]
    public void MalformedCsvRowsAreReportedByLineCountedAsFailuresAndTheRestGoesOn()
    {
        string corpus = Path.Combine(_dir, "corpus.csv");
        File.WriteAllText(corpus, "id,text\na,\"Peace is good.\"\nb,\"He said \"no\" to it.\nc,\"Talks failed.\"\nd,x,extra\ne,Fine words.\n");
        var run = NoSilentLossTests.Cli("", "analyze", corpus, "-f", "csv", "-o", Out);
        Assert.That(run.Exit, Is.EqualTo(AnalyzeCommand.ExitFailures), run.Error);
        Assert.That(run.Error, Does.Contain($"{corpus}#2: line 3: malformed CSV row 2 ("));
        Assert.That(run.Error, Does.Contain($"{corpus}#4: line 5: malformed CSV row 4 (a different number of fields from the header); skipped"));
        var ids = File.ReadAllLines(Path.Combine(Out, "documents.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.That(ids, Is.EqualTo(new[] { "a", "c", "e" }));
        Assert.That(run.Error, Does.Contain("3 documents").And.Contain("2 failed"));
    }

    [Test]
    public void AnUnterminatedQuoteNeverMergesRowsSilently()
    {
        string corpus = Path.Combine(_dir, "corpus.csv");
        File.WriteAllText(corpus, "id,text\na,Peace is good.\nb,\"It never closes\nc,Talks failed.\n");
        var run = NoSilentLossTests.Cli("", "analyze", corpus, "-f", "csv", "-o", Out);
        Assert.That(run.Exit, Is.EqualTo(AnalyzeCommand.ExitFailures), run.Error);
        Assert.That(run.Error, Does.Contain($"{corpus}#2: line 3: malformed CSV row 2 (a quoted field never closed: it ran to the end of the file); skipped"));
        Assert.That(File.ReadAllLines(Path.Combine(Out, "documents.csv")).Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public void ACsvRecordOverTheLimitEndsThatCorpusOnlyAndLaterInputsAreAnalysed()
    {
        InputSet.MaxCsvRecordBytes = 4096;
        string corpus = Path.Combine(_dir, "huge.csv");
        File.WriteAllText(corpus, "id,text\na,Peace is good.\nb,\"" + new string('x', 40_000) + "\"\nc,Talks failed.\n");
        string good = Path.Combine(_dir, "good.txt");
        File.WriteAllText(good, "Peace is good.");
        var run = NoSilentLossTests.Cli("", "analyze", corpus, good, "-f", "csv", "-o", Out);
        Assert.That(run.Exit, Is.EqualTo(AnalyzeCommand.ExitFailures), run.Error);
        Assert.That(run.Error, Does.Contain("the rest of the corpus is not read"));
        Assert.That(File.ReadAllLines(Path.Combine(Out, "documents.csv")).Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(new[] { "a", "good" }));
    }

    [Test]
    public void Utf16WithAByteOrderMarkIsDecoded()
    {
        string file = Path.Combine(_dir, "wide.txt");
        File.WriteAllText(file, "Peace is good.", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        var run = NoSilentLossTests.Cli("", "analyze", file, "-f", "csv", "-o", Out);
        Assert.That(run.Exit, Is.Zero, run.Error);
        Assert.That(File.ReadAllLines(Path.Combine(Out, "documents.csv"))[1], Does.StartWith($"wide,{file},14,4,1,"));
    }

    [Test]
    public void ResumeSkipsDocumentsWhoseOutputsExistAndAreNewerAndRebuildsTheTablesFromTheirJson()
    {
        string a = Path.Combine(_dir, "a.txt"), b = Path.Combine(_dir, "b.txt");
        File.WriteAllText(a, "Peace is good.");
        File.WriteAllText(b, "Talks failed.");
        Assert.That(NoSilentLossTests.Cli("", "analyze", a, b, "-f", "json,csv", "-o", Out).Exit, Is.Zero);
        string tables = File.ReadAllText(Path.Combine(Out, "documents.csv"));
        // a was analysed after its last change; b changed after its analysis.
        var now = DateTime.UtcNow;
        string aJson = Path.Combine(Out, "a.json"), bJson = Path.Combine(Out, "b.json");
        File.SetLastWriteTimeUtc(a, now.AddHours(-2));
        File.SetLastWriteTimeUtc(aJson, now.AddHours(-1));
        File.SetLastWriteTimeUtc(bJson, now.AddHours(-1));
        File.SetLastWriteTimeUtc(b, now.AddMinutes(-30));

        var run = NoSilentLossTests.Cli("", "analyze", a, b, "-f", "json,csv", "-o", Out, "--resume");
        Assert.That(run.Exit, Is.Zero, run.Error);
        Assert.That(run.Error, Does.Contain("2 documents").And.Contain("; 1 done by an earlier run, not analysed again"));
        Assert.That(File.GetLastWriteTimeUtc(aJson), Is.EqualTo(now.AddHours(-1)), "a is not written again");
        Assert.That(File.GetLastWriteTimeUtc(bJson), Is.GreaterThan(now.AddMinutes(-1)), "b is analysed again");
        Assert.That(File.ReadAllText(Path.Combine(Out, "documents.csv")), Is.EqualTo(tables), "the tables are complete, a's rows rebuilt from its JSON");
    }

    [Test]
    public void TempFilesOfAKilledRunAreRemovedAtTheNextRun()
    {
        Directory.CreateDirectory(Out);
        // A process id that is not running (pid_max is at most 2^22 on Linux) and one that is (ours).
        string dead = Path.Combine(Out, $"big.json.{int.MaxValue}.{Guid.NewGuid():N}.s.tmp");
        string live = Path.Combine(Out, $"x.json.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        string unrelated = Path.Combine(Out, "notes.tmp");
        foreach (var f in new[] { dead, live, unrelated }) File.WriteAllText(f, "partial");
        string input = Path.Combine(_dir, "a.txt");
        File.WriteAllText(input, "Peace is good.");
        var run = NoSilentLossTests.Cli("", "analyze", input, "-f", "json", "-o", Out);
        Assert.That(run.Exit, Is.Zero, run.Error);
        Assert.That(run.Error, Does.Contain($"removed {dead}, left by a run that was killed"));
        Assert.That(File.Exists(dead), Is.False);
        Assert.That(File.Exists(live) && File.Exists(unrelated), Is.True, "a running process's temp file and files not ours are kept");
    }
}
