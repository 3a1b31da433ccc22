using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using TextLens.Output;

namespace TextLens;

/// <summary>Settings of a corpus report.</summary>
public sealed record CorpusReportOptions
{
    /// <summary>Page title.</summary>
    public string Title { get; init; } = "Corpus report";

    /// <summary>Entities listed per label on the page.</summary>
    public int TopEntitiesPerLabel { get; init; } = 10;

    /// <summary>Actors in the actor × stance matrix.</summary>
    public int TopActors { get; init; } = 25;

    /// <summary>Entities tracked while streaming (see <see cref="CorpusAggregator"/>).</summary>
    public int MaxEntities { get; init; } = 20_000;

    /// <summary>Stance holders tracked while streaming (see <see cref="CorpusAggregator"/>).</summary>
    public int MaxActors { get; init; } = 5_000;
}

/// <summary>What <see cref="CorpusReport.Write"/> produced.</summary>
/// <param name="Summary">The aggregates shown on the page.</param>
/// <param name="HtmlPath">The page.</param>
/// <param name="CsvPaths">The CSV files written next to it.</param>
/// <param name="Failures">Analyses that could not be read: file and problem (they are left out of the report).</param>
public sealed record CorpusReportResult(CorpusSummary Summary, string HtmlPath, IReadOnlyList<string> CsvPaths, IReadOnlyList<string> Failures);

/// <summary>
/// Builds a corpus report from a folder of saved analyses (the <c>*.json</c> files of <c>textlens analyze -f json</c>,
/// searched recursively): one self-contained HTML page (<see cref="CorpusHtmlWriter"/>) and, next to it, the same
/// aggregates as CSV files (<see cref="CsvFileNames"/>) so the page is a view of files a user can load. The analyses are
/// read one at a time and only aggregates are kept (<see cref="CorpusAggregator"/>), so memory stays bounded for any
/// corpus size; <c>documents.csv</c> is written as the documents stream by.
/// </summary>
public static partial class CorpusReport
{
    /// <summary>The CSV files written next to the page.</summary>
    public static IReadOnlyList<string> CsvFileNames { get; } =
        ["documents.csv", "periods.csv", "entities_by_period.csv", "actor_stance.csv", "sentiment_by_group.csv", "outliers.csv"];

    private static readonly CsvWriterOptions CsvOptions = new() { Injection = CsvInjection.Escape };

    /// <summary>Reads every saved analysis under <paramref name="analysesFolder"/> and writes the report.</summary>
    /// <param name="analysesFolder">Folder with <c>*.json</c> analyses (subfolders included; a subfolder is a group).</param>
    /// <param name="htmlPath">The page to write; the CSV files go into the same folder (created if needed).</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="cancellationToken">Stops between documents.</param>
    /// <returns>The summary, the files written and the analyses that could not be read.</returns>
    /// <exception cref="ArgumentNullException">A path is null.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="analysesFolder"/> does not exist.</exception>
    public static CorpusReportResult Write(string analysesFolder, string htmlPath, CorpusReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysesFolder);
        ArgumentNullException.ThrowIfNull(htmlPath);
        options ??= new CorpusReportOptions();
        if (!Directory.Exists(analysesFolder)) throw new DirectoryNotFoundException($"Folder of analyses not found: {analysesFolder}");
        string root = Path.GetFullPath(analysesFolder);
        string html = Path.GetFullPath(htmlPath);
        string outDir = Path.GetDirectoryName(html)!;
        Directory.CreateDirectory(outDir);

        var aggregator = new CorpusAggregator(options.MaxEntities, options.MaxActors);
        var failures = new List<string>();
        var files = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).ToList();
        files.Sort(StringComparer.Ordinal);
        using (var documents = new AtomicCsv(Path.Combine(outDir, CsvFileNames[0])))
        {
            documents.Csv.WriteRecords(Array.Empty<CorpusDocumentCsvRow>());
            // Analyses are parsed a few at a time in parallel (the costly part) and aggregated in file order, so the
            // result is deterministic and at most one batch of documents is in memory.
            int batchSize = 2 * Math.Max(1, Environment.ProcessorCount);
            var batch = new (Document? Doc, string Source, string TextFile, string? Error)[batchSize];
            for (int start = 0; start < files.Count; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int count = Math.Min(batchSize, files.Count - start);
                Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, i => batch[i] = Read(files[start + i]));
                for (int i = 0; i < count; i++)
                {
                    var (doc, source, textFile, error) = batch[i];
                    batch[i] = default;
                    string file = files[start + i];
                    if (doc is null)
                    {
                        failures.Add($"{file}: {error}");
                        continue;
                    }
                    var info = Describe(doc, root, file, source, textFile, outDir);
                    var row = aggregator.Add(doc, info);
                    documents.Csv.WriteRecord(new CorpusDocumentCsvRow
                    {
                        DocId = row.Id, Group = row.Group, Date = DateText(row.Date), DateSource = SourceName(row.DateSource),
                        Tokens = row.Tokens, Entities = row.Entities, StanceCues = row.StanceCues, Refusals = row.Refusals, Hedges = row.Hedges,
                        HedgesPerThousand = row.HedgesPerThousandTokens, SentimentScore = row.Sentiment, Report = row.ReportHref ?? "",
                    });
                }
            }
            documents.Complete();
        }
        var summary = aggregator.Summarize(options.TopEntitiesPerLabel, options.TopActors);
        WriteCsv(summary, outDir);
        var tmp = $"{html}.{Environment.ProcessId}.tmp";
        using (var w = new StreamWriter(tmp, false, new UTF8Encoding(false)))
            CorpusHtmlWriter.Write(summary, w, options.Title);
        File.Move(tmp, html, overwrite: true);
        return new CorpusReportResult(summary, html, CsvFileNames.Select(f => Path.Combine(outDir, f)).ToArray(), failures);
    }

    private static (Document? Doc, string Source, string TextFile, string? Error) Read(string file)
    {
        try
        {
            string json = File.ReadAllText(file);
            var (source, textFile) = SourceFields(json);
            return (Document.FromJson(json), source, textFile, null);
        }
        // InvalidOperationException: a "source" string with an unpaired surrogate escape cannot be read as a string.
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return (null, "", "", ex.Message);
        }
    }

    /// <summary>
    /// Writes the aggregate CSV files (all of <see cref="CsvFileNames"/> but <c>documents.csv</c>, which is a per-document
    /// stream) for a summary into <paramref name="directory"/>.
    /// </summary>
    /// <param name="summary">The aggregates.</param>
    /// <param name="directory">Output folder (created if needed).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteCsv(CorpusSummary summary, string directory)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        Write(directory, CsvFileNames[1], summary.Periods.Select(p => new CorpusPeriodCsvRow { Period = p.Name, Documents = p.Documents }));
        Write(directory, CsvFileNames[2], summary.AllEntities.SelectMany(e =>
            e.Periods.Select(p => new CorpusEntityPeriodCsvRow { Label = e.Label.Name, Entity = e.Name, Period = p.Period, Mentions = p.Mentions, Documents = p.Documents, Tone = p.Tone })
                .Prepend(new CorpusEntityPeriodCsvRow { Label = e.Label.Name, Entity = e.Name, Period = "all", Mentions = e.Mentions, Documents = e.Documents, Tone = e.Tone })));
        Write(directory, CsvFileNames[3], summary.AllActors.SelectMany(a => a.Stances.Where(s => s.Cues > 0).Select(s => new CorpusActorStanceCsvRow
        {
            Actor = a.Name, Label = a.Label, Type = Names.Of(s.Type), Cues = s.Cues, Documents = s.Documents,
            TopPhrases = CountList(s.Phrases), About = CountList(s.Targets),
        })));
        Write(directory, CsvFileNames[4], summary.SentimentByGroup.Select(g => SentimentRow("group", g))
            .Concat(summary.SentimentByYear.Select(g => SentimentRow("year", g))));
        Write(directory, CsvFileNames[5], Outliers("most_negative", summary.MostNegative)
            .Concat(Outliers("most_hedged", summary.MostHedged)).Concat(Outliers("most_refusals", summary.MostRefusals)));
    }

    /// <summary>
    /// The date of a document from its byline: the first DATE entity on a short line (at most 200 characters) among the
    /// document's first 1,000 characters, not ending like a sentence, that reads as a full date or a month and year ("17 April 2025", "April 17, 2025",
    /// "March 2024", "2019.07.12", "2025-05-12", "12/05/2025" day first). Years alone are not taken: titles mention years.
    /// </summary>
    /// <param name="document">An analysed document.</param>
    /// <returns>The date (the 1st for a month and year), or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static DateOnly? BylineDate(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        string text = document.Text;
        int limit = Math.Min(text.Length, 1000);
        foreach (var e in document.Entities)
        {
            if (e.Start >= limit) break;
            if (e.Label != EntityLabel.Date) continue;
            int lineStart = text.LastIndexOf('\n', Math.Max(0, e.Start - 1)) + 1;
            if (e.Start == 0) lineStart = 0;
            int lineEnd = text.IndexOf('\n', e.Start);
            if (lineEnd < 0) lineEnd = text.Length;
            if (lineEnd - lineStart > 200) continue;
            // A line that ends like a sentence is a subtitle or lead ("The invasion started on February 24, 2022."), not a byline.
            var line = text.AsSpan(lineStart, lineEnd - lineStart).TrimEnd();
            if (line.Length > 0 && line[^1] is '.' or '!' or '?') continue;
            if (ParseDate(text.AsSpan(e.Start, lineEnd - e.Start)) is { } date) return date;
        }
        return null;
    }

    /// <summary>A <c>yyyy-mm-dd</c> date in a file name, or null.</summary>
    internal static DateOnly? FileNameDate(string path)
    {
        var m = FileNameDateRegex().Match(Path.GetFileName(path));
        return m.Success ? MakeDate(Int(m.Groups[1].Value), Int(m.Groups[2].Value), Int(m.Groups[3].Value)) : null;
    }

    internal static DateOnly? ParseDate(ReadOnlySpan<char> s)
    {
        string text = s.ToString();
        Match m;
        if ((m = DayMonthYear().Match(text)).Success) return MakeDate(Int(m.Groups[3].Value), Month(m.Groups[2].Value), Int(m.Groups[1].Value));
        if ((m = MonthDayYear().Match(text)).Success) return MakeDate(Int(m.Groups[3].Value), Month(m.Groups[1].Value), Int(m.Groups[2].Value));
        if ((m = MonthYear().Match(text)).Success) return MakeDate(Int(m.Groups[2].Value), Month(m.Groups[1].Value), 1);
        if ((m = YearMonthDay().Match(text)).Success) return MakeDate(Int(m.Groups[1].Value), Int(m.Groups[2].Value), Int(m.Groups[3].Value));
        if ((m = DayMonthYearNumeric().Match(text)).Success)
        {
            int a = Int(m.Groups[1].Value), b = Int(m.Groups[2].Value), y = Int(m.Groups[3].Value);
            return b > 12 ? MakeDate(y, a, b) : MakeDate(y, b, a);
        }
        return null;
    }

    private static DateOnly? MakeDate(int year, int month, int day) =>
        year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day) : null;

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int Month(string s) => s[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
    };

    private const string MonthName = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";

    [GeneratedRegex(@"^(\d{1,2})(?:st|nd|rd|th)?\s+" + MonthName + @"\.?,?\s+(\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^" + MonthName + @"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"^" + MonthName + @"\.?,?\s+(\d{4})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonthDay();

    [GeneratedRegex(@"^(\d{1,2})[./](\d{1,2})[./](\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYearNumeric();

    [GeneratedRegex(@"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex FileNameDateRegex();

    // ------------------------------------------------------------------ per-document facts

    private static CorpusDocumentInfo Describe(Document doc, string root, string jsonPath, string source, string textFile, string outDir)
    {
        DateOnly? date = BylineDate(doc);
        var dateSource = date is null ? CorpusDateSource.None : CorpusDateSource.Byline;
        if (date is null)
        {
            date = FileNameDate(textFile.Length > 0 ? textFile : jsonPath) ?? FileNameDate(jsonPath);
            if (date is not null) dateSource = CorpusDateSource.FileName;
        }
        if (date is null && TextFilePath(textFile, jsonPath) is { } path)
        {
            date = DateOnly.FromDateTime(File.GetLastWriteTimeUtc(path));
            dateSource = CorpusDateSource.FileTime;
        }

        string relativeDir = Path.GetRelativePath(root, Path.GetDirectoryName(jsonPath)!);
        string group = relativeDir is "." or "" ? "" : relativeDir.Replace('\\', '/');
        if (group.Length == 0)
        {
            string origin = textFile.Length > 0 ? textFile : source;
            string? parent = origin.Length > 0 && !origin.Contains("://", StringComparison.Ordinal) ? Path.GetFileName(Path.GetDirectoryName(origin)) : null;
            group = string.IsNullOrEmpty(parent) ? "(all)" : parent;
        }

        string html = Path.ChangeExtension(jsonPath, ".html");
        string target = File.Exists(html) ? html : jsonPath;
        return new CorpusDocumentInfo(group, date, dateSource, Href(outDir, target));
    }

    private static string? TextFilePath(string textFile, string jsonPath)
    {
        if (textFile.Length == 0) return null;
        try
        {
            if (File.Exists(textFile)) return textFile;
            string beside = Path.Combine(Path.GetDirectoryName(jsonPath)!, textFile);
            return File.Exists(beside) ? beside : null;
        }
        catch (ArgumentException) { return null; }
    }

    /// <summary>A relative link from the report folder to a file, each path segment percent-encoded.</summary>
    internal static string Href(string fromDir, string file)
    {
        string rel = Path.GetRelativePath(fromDir, file).Replace('\\', '/');
        return string.Join('/', rel.Split('/').Select(seg => seg == ".." ? seg : Uri.EscapeDataString(seg)));
    }

    // The top-level "source" and "text_file" strings of a saved analysis, read without building anything else.
    private static (string Source, string TextFile) SourceFields(string json)
    {
        string source = "", textFile = "";
        // Both come first in TextLens JSON: read the head of the file only; a field beyond it is simply not seen.
        const int Head = 16 * 1024;
        bool whole = json.Length <= Head;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(whole ? json : json[..Head]), isFinalBlock: whole, new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 }));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return (source, textFile);
        while ((source.Length == 0 || textFile.Length == 0) && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isSource = reader.ValueTextEquals("source"u8), isText = reader.ValueTextEquals("text_file"u8);
            reader.Read();
            if (reader.TokenType == JsonTokenType.String && (isSource || isText))
            {
                if (isSource) source = reader.GetString() ?? ""; else textFile = reader.GetString() ?? "";
            }
            else if (!reader.TrySkip()) break;
        }
        return (source, textFile);
    }

    // ------------------------------------------------------------------ CSV

    private static string DateText(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    internal static string SourceName(CorpusDateSource s) => s switch
    {
        CorpusDateSource.Byline => "byline",
        CorpusDateSource.FileName => "file_name",
        CorpusDateSource.FileTime => "file_time",
        _ => "",
    };

    internal static string CountList(IEnumerable<CorpusCount> counts) => string.Join("; ", counts.Select(c => $"{c.Text} ({c.Count})"));

    private static CorpusSentimentCsvRow SentimentRow(string grouping, CorpusSentimentGroup g) => new()
    {
        Grouping = grouping, Group = g.Name, Documents = g.Documents, Positive = g.Positive, Neutral = g.Neutral, Negative = g.Negative,
        Mean = g.Mean, Histogram = string.Join(' ', g.Histogram),
    };

    private static IEnumerable<CorpusOutlierCsvRow> Outliers(string kind, IReadOnlyList<CorpusOutlier> rows) => rows.Select((o, i) => new CorpusOutlierCsvRow
    {
        Kind = kind, Rank = i + 1, DocId = o.Document.Id, Date = DateText(o.Document.Date), Value = o.Value, Report = o.Document.ReportHref ?? "",
    });

    private static void Write<T>(string directory, string name, IEnumerable<T> rows)
    {
        using var csv = new AtomicCsv(Path.Combine(directory, name));
        csv.Csv.WriteRecords(rows);
        csv.Complete();
    }

    /// <summary>A CSV file written to a temporary name and renamed into place on <see cref="Complete"/>.</summary>
    private sealed class AtomicCsv : IDisposable
    {
        private readonly string _path;
        private readonly string _tmp;
        private bool _done;

        public AtomicCsv(string path)
        {
            _path = path;
            _tmp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            Csv = CsvWriter.ToFile(_tmp, CsvOptions);
        }

        public CsvWriter Csv { get; }

        public void Complete()
        {
            Csv.Dispose();
            File.Move(_tmp, _path, overwrite: true);
            _done = true;
        }

        public void Dispose()
        {
            if (_done) return;
            Csv.Dispose();
            try { File.Delete(_tmp); } catch (IOException) { }
        }
    }
}
