using System.Diagnostics;
using System.Text;
using System.Text.Json;
using TextLens.Cli;
using TextLens.Tests.Output;

namespace TextLens.Tests.Cli;

using Pipeline = TextLens.Pipeline;

public class CliTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "textlens-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private sealed record Run(int Exit, string Out, string Error);

    private static Run Cli(string stdin, CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var io = new CliIO(new StringReader(stdin), output, error, ErrorIsTerminal: false);
        int exit = CliApp.RunAsync(args, io, cancellationToken, handleSignals: false).GetAwaiter().GetResult();
        return new Run(exit, output.ToString(), error.ToString());
    }

    private static Run Cli(params string[] args) => Cli("", CancellationToken.None, args);

    private string Out => Path.Combine(_dir, "out");

    private string[] OutFiles() => Directory.GetFiles(Out, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Out, f)).Order(StringComparer.Ordinal).ToArray();

    [Test]
    public void AnalyzesTheArticleInEveryFormat()
    {
        var run = Cli("analyze", TestPaths.Article, "--format", "json,csv", "-f", "html", "-f", "text", "--out", Out);
        Assert.That(run.Exit, Is.Zero, run.Error);
        Assert.That(OutFiles(), Is.EqualTo(new[] { "documents.csv", "entities.csv", "huseynov-2025-04-17.html", "huseynov-2025-04-17.json", "sentences.csv", "stance_cues.csv" }));

        var doc = Pipeline.CreateEnglish().Process(File.ReadAllText(TestPaths.Article), "huseynov-2025-04-17");
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "huseynov-2025-04-17.json"))).RootElement;
        Assert.That(json.GetProperty("id").GetString(), Is.EqualTo("huseynov-2025-04-17"));
        Assert.That(json.GetProperty("sentences").GetArrayLength(), Is.EqualTo(doc.Sentences.Count));
        Assert.That(json.GetProperty("entities").GetArrayLength(), Is.EqualTo(doc.Entities.Count));
        Assert.That(json.GetProperty("stance_cues").GetArrayLength(), Is.EqualTo(doc.StanceCues.Count));
        Assert.That(json.TryGetProperty("tokens", out _), Is.False, "tokens are opt-in (--tokens)");
        Assert.That(json.GetProperty("token_count").GetInt32(), Is.EqualTo(doc.Tokens.Count));

        Assert.That(File.ReadAllLines(Path.Combine(Out, "documents.csv")), Has.Length.EqualTo(2));
        Assert.That(File.ReadAllLines(Path.Combine(Out, "sentences.csv")).Length, Is.GreaterThanOrEqualTo(doc.Sentences.Count + 1));
        Assert.That(File.ReadAllText(Path.Combine(Out, "huseynov-2025-04-17.html")), Does.StartWith("<!DOCTYPE html>"));

        Assert.That(run.Out, Does.StartWith("== huseynov-2025-04-17 =="));
        Assert.That(run.Out, Does.Contain($"{doc.Sentences.Count} sentences, {doc.Tokens.Count} tokens"));
        Assert.That(run.Error.Trim(), Does.Match(@"^textlens: 1 documents, [\d,]+ tokens in [\d.]+ s \([\d.,]+ documents/s, [\d,]+ tokens/s\) → "));
    }

    [Test]
    public void DefaultJsonIsCompactAndReadsBackWithoutTags()
    {
        Assert.That(Cli("analyze", TestPaths.Article, "-f", "json", "--out", Out).Exit, Is.Zero);
        string path = Path.Combine(Out, "huseynov-2025-04-17.json");
        byte[] written = File.ReadAllBytes(path);
        var doc = Pipeline.CreateEnglish().Process(File.ReadAllText(TestPaths.Article), "huseynov-2025-04-17");
        Assert.That(written.Length, Is.LessThanOrEqualTo(8 * new FileInfo(TestPaths.Article).Length), "the default JSON is at most 8x the text");

        var back = Document.FromJson(File.ReadAllText(path));
        Assert.Multiple(() =>
        {
            Assert.That(back.Tokens.Select(t => (t.Start, t.End, t.Kind)), Is.EqualTo(doc.Tokens.Select(t => (t.Start, t.End, t.Kind))));
            Assert.That(back.Tokens[0].Pos, Is.EqualTo(UPos.None), "tags are not in the compact JSON");
            Assert.That(back.Entities, Is.EqualTo(doc.Entities));
            Assert.That(back.StanceCues.Select(c => (c.Start, c.End, c.Type, c.Holder)), Is.EqualTo(doc.StanceCues.Select(c => (c.Start, c.End, c.Type, c.Holder))));
            Assert.That(back.Sentiment!.Sentences.Select(s => s.Compound), Is.EqualTo(doc.Sentiment!.Sentences.Select(s => s.Compound)));
            // written again in the same layout, it is the same file byte for byte
            var again = new MemoryStream();
            TextLens.Output.DocumentJsonWriter.Write(back, again, TestPaths.Article, TestPaths.Article, TextLens.Output.JsonLayout.Compact);
            Assert.That(again.ToArray(), Is.EqualTo(written));
        });

        // render reads the compact JSON (html without tags)
        var render = Cli("render", path, "-f", "html", "--out", Path.Combine(_dir, "rendered"));
        Assert.That(render.Exit, Is.Zero, render.Error);
        Assert.That(File.ReadAllText(Path.Combine(_dir, "rendered", "huseynov-2025-04-17.html")), Does.StartWith("<!DOCTYPE html>"));
    }

    [Test]
    public void TokensOptionWritesTheFullDocument()
    {
        Assert.That(Cli("analyze", TestPaths.Article, "-f", "json", "--tokens", "--out", Out).Exit, Is.Zero);
        var doc = Pipeline.CreateEnglish().Process(File.ReadAllText(TestPaths.Article), "huseynov-2025-04-17");
        string saved = File.ReadAllText(Path.Combine(Out, "huseynov-2025-04-17.json"));
        Assert.That(saved, Is.EqualTo(doc.ToJson(source: TestPaths.Article, textFile: TestPaths.Article)));
        Assert.That(Document.FromJson(saved).ToJson(source: TestPaths.Article, textFile: TestPaths.Article), Is.EqualTo(saved));
    }

    [Test]
    public void CompactJsonFromAnotherTokenizerIsRefusedByName()
    {
        var doc = Pipeline.CreateEnglish().Process("Baku rejects it. Yerevan agrees.", "d");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        TextLens.Output.DocumentJsonWriter.Write(doc, buffer, null, null, TextLens.Output.JsonLayout.Compact);
        string json = Encoding.UTF8.GetString(buffer.WrittenSpan).Replace($"\"token_count\":{doc.Tokens.Count}", "\"token_count\":3");
        var ex = Assert.Throws<FormatException>(() => Document.FromJson(json));
        Assert.That(ex!.Message, Does.Contain($"'token_count' is 3 but the text re-tokenizes into {doc.Tokens.Count} tokens"));
        Assert.Throws<FormatException>(() => Document.FromJson(json.Replace("\"token_count\":3", "\"token_count\":3,\"tokens\":[]")));
    }

    [Test]
    public void JsonOutputIsScorable()
    {
        string gold = TestPaths.RequireShared("eval/public/gold");
        string scorer = TestPaths.RequireShared("eval/score.py");
        Assert.That(Cli("analyze", TestPaths.Article, "-f", "json", "-o", Out).Exit, Is.Zero);
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { scorer, gold, Out, "--json" }) psi.ArgumentList.Add(a);
        Process? p;
        try { p = Process.Start(psi); }
        catch (System.ComponentModel.Win32Exception) { Assert.Ignore("python3 is not installed"); return; }
        string stdout = p!.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.Zero, p.StandardError.ReadToEnd());
        var totals = JsonDocument.Parse(stdout).RootElement.GetProperty("totals");
        Assert.That(totals.ValueKind, Is.EqualTo(JsonValueKind.Object));
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.That(root.GetProperty("missing_system_files").GetArrayLength(), Is.Zero);
        Assert.That(root.GetProperty("per_document").TryGetProperty("huseynov-2025-04-17", out _), Is.True);
    }

    [Test]
    public void ReadsStandardInput()
    {
        var run = Cli("Azerbaijan will not sign. Armenia waits.", CancellationToken.None, "analyze", "-", "-f", "json", "-o", Out);
        Assert.That(run.Exit, Is.Zero, run.Error);
        Assert.That(OutFiles(), Is.EqualTo(new[] { "stdin.json" }));
        var doc = Document.FromJson(File.ReadAllText(Path.Combine(Out, "stdin.json")));
        Assert.That(doc.Id, Is.EqualTo("stdin"));
        Assert.That(doc.Text, Is.EqualTo("Azerbaijan will not sign. Armenia waits."));
        Assert.That(doc.Sentences, Has.Count.EqualTo(2));
    }

    [Test]
    public void ReadsACsvCorpusWithIdsMadeSafe()
    {
        string corpus = Path.Combine(_dir, "corpus.csv");
        File.WriteAllText(corpus,
            "doc,body,extra\n" +
            "a1,\"First text, with a comma.\",x\n" +
            "../../escape,\"Second \"\"quoted\"\" text.\nSecond line.\",y\n" +
            "CON,Third text.,z\n" +
            "/etc/passwd,Fourth text.,w\n" +
            ",Fifth text without id.,v\n");
        var run = Cli("analyze", corpus, "--text-column", "body", "--id-column", "doc", "-f", "json,csv", "-o", Out);
        Assert.That(run.Exit, Is.Zero, run.Error);
        Assert.That(OutFiles(), Is.EqualTo(new[] { "_._.._escape.json", "_CON.json", "_etc_passwd.json", "a1.json", "corpus-5.json", "documents.csv", "entities.csv", "sentences.csv", "stance_cues.csv" }));
        Assert.That(Directory.GetFiles(_dir).Select(Path.GetFileName), Is.EqualTo(new[] { "corpus.csv" }), "nothing written outside the output folder");

        var second = Document.FromJson(File.ReadAllText(Path.Combine(Out, "_._.._escape.json")));
        Assert.That(second.Id, Is.EqualTo("../../escape"));
        Assert.That(second.Text, Is.EqualTo("Second \"quoted\" text.\nSecond line."));
        var ids = File.ReadAllLines(Path.Combine(Out, "documents.csv")).Skip(1).Select(l => l.Split(',')[0]);
        Assert.That(ids, Is.EqualTo(new[] { "a1", "../../escape", "CON", "/etc/passwd", "corpus-5" }));
    }

    [Test]
    public void CsvCorpusWithoutTheTextColumnIsReported()
    {
        string corpus = Path.Combine(_dir, "c.csv");
        File.WriteAllText(corpus, "id,content\n1,hello\n");
        var run = Cli("analyze", corpus, "-f", "json", "-o", Out);
        Assert.That(run.Exit, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("c.csv: no 'text' column (columns: id, content); use --text-column"));
    }

    [Test]
    public void FolderWithOneUnreadableFileCompletesTheOthers()
    {
        string input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        File.WriteAllText(Path.Combine(input, "good.txt"), "Baku and Yerevan talk.");
        File.WriteAllText(Path.Combine(input, "sub", "notes.md"), "# Notes\n\nThe talks resume.");
        File.WriteAllBytes(Path.Combine(input, "bad.txt"), [0x41, 0x20, 0xC3, 0x28, 0x42, 0xFF]);
        File.WriteAllText(Path.Combine(input, "ignored.bin"), "not text");
        var run = Cli("analyze", input, "-f", "json", "-o", Out);

        Assert.That(run.Exit, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain(Path.Combine(input, "bad.txt") + ": not valid UTF-8"));
        Assert.That(run.Error, Does.Contain("; skipped"));
        Assert.That(run.Error, Does.Contain("textlens: 2 documents"));
        Assert.That(run.Error, Does.Contain("; 1 failed"));
        Assert.That(OutFiles(), Is.EqualTo(new[] { "good.json", "notes.json" }));
    }

    [Test]
    public void MissingInputIsReportedAndOthersComplete()
    {
        string good = Path.Combine(_dir, "good.txt");
        File.WriteAllText(good, "Fine text.");
        var run = Cli("analyze", Path.Combine(_dir, "nope.txt"), good, "-f", "json", "-o", Out);
        Assert.That(run.Exit, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("nope.txt: no such file or folder; skipped"));
        Assert.That(OutFiles(), Is.EqualTo(new[] { "good.json" }));
    }

    [Test]
    public void ParallelRunsGiveTheSameOutputsAsSequentialOnes()
    {
        string input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        var gen = new CorpusGenerator(7);
        for (int i = 0; i < 12; i++) File.WriteAllText(Path.Combine(input, $"d{i:00}.txt"), gen.Document());
        Assert.That(Cli("analyze", input, "-f", "json,csv", "-p", "1", "-o", Path.Combine(_dir, "o1")).Exit, Is.Zero);
        Assert.That(Cli("analyze", input, "-f", "json,csv", "-p", "2", "-o", Path.Combine(_dir, "o2")).Exit, Is.Zero);
        var files = Directory.GetFiles(Path.Combine(_dir, "o1")).Select(Path.GetFileName).Order().ToArray();
        Assert.That(files, Has.Length.EqualTo(16));
        foreach (var f in files)
            Assert.That(File.ReadAllText(Path.Combine(_dir, "o2", f!)), Is.EqualTo(File.ReadAllText(Path.Combine(_dir, "o1", f!))), f);
    }

    [Test]
    public void CancelledRunLeavesNoPartialFiles()
    {
        string good = Path.Combine(_dir, "good.txt");
        File.WriteAllText(good, "Fine text.");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var run = Cli("", cts.Token, "analyze", good, good, "-f", "json,csv,html", "-o", Out);
        Assert.That(run.Exit, Is.EqualTo(130));
        Assert.That(run.Error, Does.Contain("cancelled"));
        Assert.That(OutFiles(), Is.Empty);
    }

    [Test]
    public void ComponentsCanBeDisabled()
    {
        string good = Path.Combine(_dir, "good.txt");
        File.WriteAllText(good, "One sentence. Two sentences.");
        Assert.That(Cli("analyze", good, "--disable", "sentences", "-f", "json", "-o", Out).Exit, Is.Zero);
        Assert.That(Document.FromJson(File.ReadAllText(Path.Combine(Out, "good.json"))).Sentences, Is.Empty);
        var bad = Cli("analyze", good, "--components", "sentences,telepathy", "-o", Out);
        Assert.That(bad.Exit, Is.EqualTo(2));
        Assert.That(bad.Error, Does.Contain("unknown component 'telepathy'"));
    }

    [Test]
    public void UnknownFormatIsAUsageError()
    {
        var run = Cli("analyze", TestPaths.Article, "-f", "json,pdf");
        Assert.That(run.Exit, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("unknown format 'pdf'"));
    }

    [Test]
    public void RenderTurnsSavedJsonIntoReports()
    {
        var doc = ArticleFixture.Article;
        string saved = Path.Combine(_dir, "saved.json");
        File.WriteAllText(saved, doc.ToJson());
        var run = Cli("render", saved, "-f", "html,csv", "-o", Out);
        Assert.That(run.Exit, Is.Zero, run.Error);
        Assert.That(File.ReadAllText(Path.Combine(Out, "saved.html")), Is.EqualTo(DocumentHtmlWriter.ToHtml(doc, source: saved)));
        Assert.That(File.ReadAllLines(Path.Combine(Out, "entities.csv")), Has.Length.EqualTo(ArticleFixture.EntityCount + 1));

        File.WriteAllText(saved, "{ broken");
        var broken = Cli("render", saved, "-o", Out);
        Assert.That(broken.Exit, Is.EqualTo(1));
        Assert.That(broken.Error, Does.Contain("saved.json: Not a TextLens document: malformed JSON"));
    }

    [Test]
    public void GeneratesADeterministicCorpus()
    {
        Assert.That(Cli("gen-corpus", "-n", "3", "-o", Path.Combine(_dir, "a"), "--seed", "5").Exit, Is.Zero);
        Assert.That(Cli("gen-corpus", "-n", "3", "-o", Path.Combine(_dir, "b"), "--seed", "5").Exit, Is.Zero);
        var files = Directory.GetFiles(Path.Combine(_dir, "a")).Select(Path.GetFileName).Order().ToArray();
        Assert.That(files, Is.EqualTo(new[] { "doc-0001.txt", "doc-0002.txt", "doc-0003.txt" }));
        foreach (var f in files)
            Assert.That(File.ReadAllText(Path.Combine(_dir, "b", f!)), Is.EqualTo(File.ReadAllText(Path.Combine(_dir, "a", f!))));
    }

    [Test]
    public void TrainingAndEvaluationCommandsAreExposed()
    {
        var train = Cli("train", "--help");
        var eval = Cli("eval", "--help");
        Assert.That(train.Exit, Is.Zero);
        Assert.That(train.Out, Does.Contain("pos").And.Contain("ner").And.Contain("sentiment"));
        Assert.That(eval.Out, Does.Contain("pos").And.Contain("ner").And.Contain("sentiment"));

        // `eval ner` runs the training tool's evaluation on a tiny IOB2 file of our own.
        string iob = Path.Combine(_dir, "tiny.iob2");
        File.WriteAllText(iob, "# text = Alice visited Paris.\n1\tAlice\tB-PER\t-\t-\n2\tvisited\tO\t-\t-\n3\tParis\tB-LOC\t-\t-\n4\t.\tO\t-\t-\n\n");
        var original = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        try { Assert.That(Cli("eval", "ner", iob).Exit, Is.Zero); }
        finally { Console.SetOut(original); }
        Assert.That(captured.ToString(), Does.Contain("full system   ALL"));
    }

    [TestCase("../x", "_._x")]
    [TestCase("..", "doc")]
    [TestCase("/etc/passwd", "_etc_passwd")]
    [TestCase("C:\\Windows\\win.ini", "C__Windows_win.ini")]
    [TestCase("nul", "_nul")]
    [TestCase("COM1.report", "_COM1.report")]
    [TestCase("a\u0000b\nc", "a_b_c")]
    [TestCase("   ", "doc")]
    [TestCase("ok-name_1", "ok-name_1")]
    [TestCase("trailing. . .", "trailing")]
    public void OutputNamesCannotEscape(string id, string expected)
    {
        Assert.That(OutputNames.Sanitize(id), Is.EqualTo(expected));
        string dir = Path.Combine(Path.GetTempPath(), "textlens-names");
        Assert.That(Path.GetDirectoryName(OutputNames.PathIn(dir, OutputNames.Sanitize(id), ".json")), Is.EqualTo(Path.GetFullPath(dir)));
    }

    [Test]
    public void CollidingNamesGetSuffixes()
    {
        var names = new OutputNames();
        Assert.That(new[] { names.Reserve("a/b"), names.Reserve("a_b"), names.Reserve("A_B"), names.Reserve("x") }, Is.EqualTo(new[] { "a_b", "a_b-2", "A_B-3", "x" }));
    }

    [Test]
    public void NoTemporaryFilesRemain()
    {
        var run = Cli("analyze", TestPaths.Article, "-f", "json,csv,html", "-o", Out);
        Assert.That(run.Exit, Is.Zero);
        Assert.That(OutFiles().Where(f => f.EndsWith(".tmp", StringComparison.Ordinal)), Is.Empty);
    }
}
