using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Cli;

namespace TextLens.Reliability;

/// <summary>Probes that used to exit 0 with lost or wrong output (issue 16).</summary>
[NonParallelizable]
public class NoSilentLossTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "textlens-loss-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    internal sealed record Run(int Exit, string Out, string Error);

    internal static Run Cli(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var io = new CliIO(new StringReader(stdin), output, error, ErrorIsTerminal: false);
        int exit = CliApp.RunAsync(args, io, CancellationToken.None, handleSignals: false).GetAwaiter().GetResult();
        return new Run(exit, output.ToString(), error.ToString());
    }

    private string Out => Path.Combine(_dir, "out");

    private const string Text = "Vasif Huseynov argues that Azerbaijan will not sign the treaty. The talks in Baku were constructive.";

    [Test]
    public void RenderOfASavedAnalysisAboveTheLargeFileSizeRendersItAndLeavesItAlone()
    {
        int saved = LargeInput.WholeDocumentChars;
        try
        {
            string input = Path.Combine(_dir, "doc.txt");
            File.WriteAllText(input, Text);
            Assert.That(Cli("", "analyze", input, "-f", "json", "-o", Out).Exit, Is.Zero);
            string json = Path.Combine(Out, "doc.json");
            string before = File.ReadAllText(json);
            LargeInput.WholeDocumentChars = 1024; // the saved JSON is well above this (characters vs bytes: ASCII); it used to be analysed as prose
            Assert.That(new FileInfo(json).Length, Is.GreaterThan(LargeInput.WholeDocumentChars));

            var run = Cli("", "render", json, "-f", "json,csv", "-o", Out);
            Assert.That(run.Exit, Is.Zero, run.Error);
            Assert.That(File.ReadAllText(json), Is.EqualTo(before));
            var row = File.ReadAllLines(Path.Combine(Out, "documents.csv"))[1];
            Assert.That(row, Does.StartWith($"doc,{input},{Text.Length},"), "the saved source is kept");
        }
        finally
        {
            LargeInput.WholeDocumentChars = saved;
        }
    }

    [TestCase("analyze")]
    [TestCase("analyze x.txt -p abc")]
    [TestCase("frobnicate")]
    [TestCase("")]
    public void CommandLineErrorsExitWithTheDocumentedUsageCode(string commandLine)
    {
        var run = Cli("", commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.That(run.Exit, Is.EqualTo(AnalyzeCommand.ExitUsage), run.Error);
        Assert.That(run.Error, Does.StartWith("textlens: "));
    }

    private static string SavedJson() => TextLens.Pipeline.CreateEnglish().Process(Text, "doc").ToJson();

    private static FormatException? Refusal(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(SavedJson())!.AsObject();
        edit(root);
        try
        {
            Document.FromJson(root.ToJsonString());
            return null;
        }
        catch (FormatException ex)
        {
            return ex;
        }
    }

    [Test]
    public void FromJsonRefusesOutOfRangeScoresAndUnknownFormatVersions()
    {
        Assert.That(Refusal(_ => { }), Is.Null, "the untouched JSON reads back");
        Assert.That(Refusal(r => r["sentences"]![0]!["sentiment_score"] = 9)?.Message,
            Is.EqualTo("Not a valid TextLens document: sentence 0 sentiment_score is 9, outside -1..+1."));
        Assert.That(Refusal(r => r["sentences"]![1]!["sentiment_score"] = -1e308)?.Message,
            Is.EqualTo("Not a valid TextLens document: sentence 1 sentiment_score is -1E+308, outside -1..+1."));
        Assert.That(Refusal(r => r["document_sentiment"]!["sentiment_score"] = 42)?.Message,
            Is.EqualTo("Not a valid TextLens document: document_sentiment sentiment_score is 42, outside -1..+1."));
        Assert.That(Refusal(r => r["format"] = "textlens-document/99")?.Message,
            Is.EqualTo("Not a TextLens document this version can read: format 'textlens-document/99' (expected 'textlens-document/1')."));
        Assert.That(Refusal(r => r["sentences"]![0]!["author_score"] = 1.5)?.Message, Does.Contain("author_score is 1.5"));
    }

    [Test]
    public void AFolderGivenAsAModelFileIsNamedAsOne()
    {
        var ex = Assert.Throws<DataFileException>(() => EntityModel.Load(_dir));
        Assert.That(ex!.Message, Is.EqualTo($"{_dir}: is a folder, not a file"));
    }
}
