using System.Diagnostics;
using System.Globalization;
using System.Text;
using TextLens;

// The corpus sample: analyses every text of a folder (one JSON and one HTML report per document), then builds the
// corpus report over the saved analyses (report.html plus its CSV aggregates) and prints what the page answers first:
// who refuses most often and what about, and how the tone toward the most mentioned places changes over time.
//
//   dotnet run -c Release --project samples/TextLens.CorpusSample -- FOLDER [--out DIR] [--parallel N] [--reuse]
//
// --reuse keeps analyses already saved in DIR/analyses (the report is rebuilt in seconds); the texts are only read.

Console.OutputEncoding = Encoding.UTF8;
string? folder = null;
string outDir = Path.GetFullPath("corpus-report");
int parallel = Environment.ProcessorCount;
bool reuse = false;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] is "--out" or "-o" && i + 1 < args.Length) outDir = Path.GetFullPath(args[++i]);
    else if (args[i] is "--parallel" or "-p" && i + 1 < args.Length && int.TryParse(args[i + 1], out int p) && p > 0) { parallel = p; i++; }
    else if (args[i] is "--reuse") reuse = true;
    else if (args[i] is "--help" or "-h" || args[i].StartsWith('-'))
    {
        Console.Error.WriteLine("usage: TextLens.CorpusSample FOLDER [--out DIR] [--parallel N] [--reuse]   (default out: ./corpus-report)");
        return args[i] is "--help" or "-h" ? 0 : 2;
    }
    else folder = args[i];
}
if (folder is null || !Directory.Exists(folder))
{
    Console.Error.WriteLine(folder is null ? "TextLens.CorpusSample: give a folder of .txt or .md files" : $"TextLens.CorpusSample: {folder} not found");
    return 2;
}

string analyses = Path.Combine(outDir, "analyses");
Directory.CreateDirectory(analyses);
var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
    .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
    .Order(StringComparer.Ordinal).ToList();
var todo = files.Where(f => !reuse || !File.Exists(Path.Combine(analyses, Path.GetFileNameWithoutExtension(f) + ".json"))).ToList();

// 1. Analysis: texts are read lazily and documents stream back in order, so only a few are in memory at once.
var clock = Stopwatch.StartNew();
var nlp = Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = parallel });
var byId = todo.ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => f, StringComparer.Ordinal);
int done = 0;
foreach (var doc in nlp.Process(todo.Select(f => (File.ReadAllText(f, Encoding.UTF8), Path.GetFileNameWithoutExtension(f)))))
{
    string file = byId[doc.Id];
    File.WriteAllText(Path.Combine(analyses, doc.Id + ".json"), doc.ToJson(source: file, textFile: file));
    File.WriteAllText(Path.Combine(analyses, doc.Id + ".html"), DocumentHtmlWriter.ToHtml(doc, source: file));
    if (++done % 50 == 0) Console.Error.WriteLine($"  analysed {done}/{todo.Count}");
}
Console.WriteLine($"Analysed {todo.Count} of {files.Count} documents in {clock.Elapsed.TotalSeconds:0.0} s → {analyses}");

// 2. The corpus report over the saved analyses.
clock.Restart();
var result = CorpusReport.Write(analyses, Path.Combine(outDir, "report.html"),
    new CorpusReportOptions { Title = "Corpus report: " + Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))) });
foreach (var failure in result.Failures) Console.Error.WriteLine($"  skipped {failure}");
Console.WriteLine($"Report of {result.Summary.Documents} documents in {clock.Elapsed.TotalSeconds:0.0} s: {result.HtmlPath} ({new FileInfo(result.HtmlPath).Length / 1024} KB)");
Console.WriteLine($"Data: {string.Join(", ", CorpusReport.CsvFileNames)}");

// 3. What the page answers first.
var s = result.Summary;
Console.WriteLine();
Console.WriteLine("Who refuses most often, and what about:");
foreach (var actor in s.TopRefusers.Take(3))
{
    var cell = actor[StanceCueType.Refusal];
    Console.WriteLine($"  {actor.Name} ({actor.Label}): {cell.Cues} refusals in {cell.Documents} documents — "
        + $"{string.Join(", ", cell.Phrases.Take(3).Select(p => p.Text))}"
        + (cell.Targets.Count > 0 ? $"; about {string.Join(", ", cell.Targets.Take(5).Select(t => t.Text))}" : ""));
}
Console.WriteLine();
Console.WriteLine($"Tone toward the most mentioned places by {(s.PeriodsAreYears ? "year" : "month")} (documents):");
foreach (var place in s.TopEntities.Where(e => e.Label == EntityLabel.Gpe).Take(3))
    Console.WriteLine($"  {place.Name}: " + string.Join(" · ", place.Periods.Select(p => $"{p.Period} {p.Tone.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture)} ({p.Documents})")));
return result.Failures.Count > 0 ? 1 : 0;
