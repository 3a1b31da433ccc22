using System.Diagnostics;
using System.Text;
using TextLens;

// The Huseynov sample (the README's main job): runs the full English pipeline over the article shipped in
// data/, prints a readable report and writes the JSON, CSV and HTML outputs.
//
//   dotnet run -c Release --project samples/TextLens.Sample [-- [ARTICLE.txt] [--out DIR]]

Console.OutputEncoding = Encoding.UTF8;
string root = FindRepoRoot();
string? input = null;
string outDir = Path.Combine(root, "out", "huseynov");
for (int i = 0; i < args.Length; i++)
{
    if (args[i] is "--out" or "-o" && i + 1 < args.Length) outDir = Path.GetFullPath(args[++i]);
    else if (args[i] is "--help" or "-h")
    {
        Console.WriteLine("usage: TextLens.Sample [ARTICLE.txt] [--out DIR]   (default: data/huseynov-2025-04-17.txt → out/huseynov/)");
        return 0;
    }
    else input = args[i];
}
string path = input ?? Path.Combine(root, "data", "huseynov-2025-04-17.txt");
if (!File.Exists(path))
{
    Console.Error.WriteLine($"TextLens.Sample: {path} not found");
    return 1;
}

var clock = Stopwatch.StartNew();
string text = File.ReadAllText(path, Encoding.UTF8);
var nlp = Pipeline.CreateEnglish();
var doc = nlp.Process(text, Path.GetFileNameWithoutExtension(path));
var analysed = clock.Elapsed;

Console.WriteLine($"TextLens — {Path.GetFileName(path)}");
Console.WriteLine($"Pipeline: tokenizer → {string.Join(" → ", nlp.EnabledComponentNames)}");
Console.WriteLine();
DocumentTextWriter.Write(doc, Console.Out);
Console.WriteLine();
PrintSampleSentence(doc);

// Outputs: the same writers the textlens CLI uses.
Directory.CreateDirectory(outDir);
string relativeText = Path.GetRelativePath(outDir, path).Replace('\\', '/');
string jsonPath = Path.Combine(outDir, doc.Id + ".json");
string htmlPath = Path.Combine(outDir, doc.Id + ".html");
File.WriteAllText(jsonPath, doc.ToJson(source: "data/" + Path.GetFileName(path), textFile: relativeText));
File.WriteAllText(htmlPath, DocumentHtmlWriter.ToHtml(doc, source: "data/" + Path.GetFileName(path)));
DocumentCsvWriter.WriteFiles([doc], outDir);

Console.WriteLine();
Console.WriteLine($"Outputs in {Path.GetRelativePath(Directory.GetCurrentDirectory(), outDir)}{Path.DirectorySeparatorChar}:");
Console.WriteLine($"  {Path.GetFileName(jsonPath)}  (schema of ../shared/eval/SCHEMA.md + text and tokens)");
Console.WriteLine($"  {string.Join(", ", DocumentCsvWriter.FileNames)}");
Console.WriteLine($"  {Path.GetFileName(htmlPath)}  (open in a browser)");
Console.WriteLine($"Analysed in {analysed.TotalMilliseconds:0} ms, total {clock.Elapsed.TotalMilliseconds:0} ms.");
return 0;

static void PrintSampleSentence(Document doc)
{
    Console.WriteLine("Part of speech and lemma of a sample sentence");
    if (doc.Sentences.Count == 0)
    {
        Console.WriteLine("  (none)");
        return;
    }
    // The first body sentence with a stance cue, else the first of at least eight tokens.
    var sentence = doc.Sentences.FirstOrDefault(s => s.TokenCount >= 8 && doc.StanceCues.Any(c => c.Start >= s.Start && c.End <= s.End))
        ?? doc.Sentences.FirstOrDefault(s => s.TokenCount >= 8)
        ?? doc.Sentences[0];
    Console.WriteLine($"  \"{sentence.Text.ReplaceLineEndings(" ")}\"");
    if (!doc.IsTagged)
    {
        Console.WriteLine("  (none: the tagger is not part of this pipeline yet)");
        return;
    }
    var line = new StringBuilder("  ");
    foreach (var t in sentence.Tokens)
    {
        string item = t.Lemma is { } lemma && !lemma.Equals(t.Text, StringComparison.Ordinal)
            ? $"{t.Text}/{t.Pos.ToString().ToUpperInvariant()}({lemma}) "
            : $"{t.Text}/{t.Pos.ToString().ToUpperInvariant()} ";
        if (line.Length + item.Length > 110)
        {
            Console.WriteLine(line.ToString().TrimEnd());
            line.Clear().Append("  ");
        }
        line.Append(item);
    }
    Console.WriteLine(line.ToString().TrimEnd());
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
