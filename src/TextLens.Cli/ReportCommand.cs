using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace TextLens.Cli;

/// <summary>
/// <c>textlens report &lt;folder&gt; -o report.html</c>: one corpus report (HTML page plus CSV aggregates next to it) from a
/// folder of saved JSON analyses, streamed one document at a time (<see cref="CorpusReport"/>).
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliIO io)
    {
        var folder = new Argument<string>("folder") { Description = "Folder of JSON analyses written by 'textlens analyze --format json' (searched recursively; subfolders are groups)." };
        var output = new Option<string?>("--out", "-o") { Description = "The HTML page to write; the CSV files go next to it. Default: ./textlens-report/report.html." };
        var title = new Option<string?>("--title") { Description = "Page title. Default: 'Corpus report: <folder name>'." };
        var top = new Option<int>("--top-actors") { Description = "Actors in the actor × stance matrix.", DefaultValueFactory = _ => 25 };
        var cmd = new Command("report", "Corpus report: documents over time, top entities with their tone over time, actors × stance, sentiment per group, outliers.")
        {
            folder, output, title, top,
        };
        cmd.SetAction((parse, ct) => Task.FromResult(Run(io, parse.GetValue(folder)!, parse.GetValue(output), parse.GetValue(title), parse.GetValue(top), ct)));
        return cmd;
    }

    public static int Run(CliIO io, string folder, string? output, string? title, int topActors, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            io.Error.WriteLine($"textlens: folder of analyses not found: {folder}");
            return 2;
        }
        if (topActors < 1)
        {
            io.Error.WriteLine("textlens: --top-actors must be at least 1");
            return 2;
        }
        string html = output ?? Path.Combine("textlens-report", "report.html");
        if (Directory.Exists(html)) html = Path.Combine(html, "report.html");
        var options = new CorpusReportOptions
        {
            Title = title ?? "Corpus report: " + Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))),
            TopActors = topActors,
        };
        var clock = Stopwatch.StartNew();
        CorpusReportResult result;
        try
        {
            result = CorpusReport.Write(folder, html, options, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            io.Error.WriteLine("textlens: cancelled");
            return 130;
        }
        catch (IOException ex)
        {
            io.Error.WriteLine($"textlens: {ex.Message}");
            return 1;
        }
        foreach (var failure in result.Failures) io.Error.WriteLine($"textlens: skipped {failure}");
        long bytes = new FileInfo(result.HtmlPath).Length;
        io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"textlens: report of {result.Summary.Documents} documents in {clock.Elapsed.TotalSeconds:0.00} s ({bytes / 1024.0:0} KB){(result.Failures.Count > 0 ? $"; {result.Failures.Count} failed" : "")} → {result.HtmlPath}"));
        return result.Failures.Count > 0 ? 1 : 0;
    }
}
