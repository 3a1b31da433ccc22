using System.Text;
using CsvHelper;

namespace TextLens.Cli;

/// <summary>One document to analyse: where it comes from, its id and output file stem, and how to read its text.</summary>
internal sealed class InputItem
{
    public required string Id { get; init; }
    public required string Stem { get; init; }
    /// <summary>What to show in messages and write as <c>source</c>: a path, <c>stdin</c>, or <c>corpus.csv#row</c>.</summary>
    public required string Display { get; init; }
    /// <summary>The text, for a CSV row (at most <see cref="InputSet.MaxCsvRecordBytes"/>).</summary>
    public string? Text { get; init; }
    /// <summary>The file to read, for a file input (also a device, a FIFO or a symlink to one).</summary>
    public string? FilePath { get; init; }
    /// <summary>The CSV corpus a row comes from.</summary>
    public string? CorpusPath { get; init; }
    /// <summary>True for standard input.</summary>
    public bool Stdin { get; init; }
    /// <summary>Why this input cannot be analysed (a malformed CSV row): reported as a failure.</summary>
    public string? Error { get; init; }
}

/// <summary>
/// Expands the command line's inputs (files, folders, <c>-</c>, CSV corpora) into documents, in a stable order.
/// Nothing is read here but folder listings: CSV corpora are read row by row while the documents are enumerated,
/// so a corpus of any size holds one row (plus the documents in flight) in memory.
/// </summary>
internal sealed class InputSet
{
    /// <summary>Largest CSV record read; a larger one ends the corpus with an error (it bounds the memory a row can take).</summary>
    public static int MaxCsvRecordBytes { get; set; } = 16 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly List<Func<IEnumerable<InputItem>>> _sources = [];

    /// <summary>Inputs that name nothing readable (missing files, empty folders): each is a failure.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>The number of documents when it is known without reading (no CSV corpus), for the progress bar.</summary>
    public int? Count { get; private set; } = 0;

    /// <summary>The documents, in order: CSV rows are read as this is enumerated (once).</summary>
    public IEnumerable<InputItem> Items => _sources.SelectMany(s => s());

    public static InputSet Expand(IEnumerable<string> inputs, string textColumn, string? idColumn, bool savedJson = false)
    {
        var set = new InputSet();
        var names = new OutputNames();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string UniqueId(string id)
        {
            string candidate = id;
            for (int n = 2; !ids.Add(candidate); n++) candidate = $"{id}-{n}";
            return candidate;
        }
        void AddFile(string path, string display)
        {
            // Ids and stems are reserved when the item is produced, so they follow input order however items are read.
            set._sources.Add(() => [File(path, display)]);
            set.Count++;
        }
        InputItem File(string path, string display)
        {
            string id = UniqueId(Path.GetFileNameWithoutExtension(path));
            return new InputItem { Id = id, Stem = names.Reserve(id), Display = display, FilePath = path };
        }

        foreach (var input in inputs)
        {
            if (input == "-")
            {
                set._sources.Add(() =>
                {
                    string id = UniqueId("stdin");
                    return [new InputItem { Id = id, Stem = names.Reserve(id), Display = "stdin", Stdin = true }];
                });
                set.Count++;
            }
            else if (Directory.Exists(input))
            {
                var files = Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 })
                    .Where(f => savedJson ? f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                                      : f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0) set.Problems.Add(savedJson ? $"{input}: no *.json files in this folder" : $"{input}: no *.txt or *.md files in this folder");
                foreach (var f in files) AddFile(f, f);
            }
            else if (!savedJson && System.IO.File.Exists(input) && input.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                string path = input;
                set._sources.Add(() => ReadCorpus(path, textColumn, idColumn, names, UniqueId));
                set.Count = null;
            }
            else if (System.IO.File.Exists(input))
            {
                AddFile(input, input);
            }
            else
            {
                set.Problems.Add($"{input}: no such file or folder");
            }
        }
        return set;
    }

    /// <summary>
    /// The rows of a CSV corpus, read one at a time. A malformed row (a stray or unterminated quote, a field count that
    /// differs from the header) becomes an item with an <see cref="InputItem.Error"/> naming the file and line, and
    /// reading goes on with the next row; a problem that stops the reader (invalid UTF-8, a record over
    /// <see cref="MaxCsvRecordBytes"/>) ends the corpus with such an item.
    /// </summary>
    private static IEnumerable<InputItem> ReadCorpus(string path, string textColumn, string? idColumn, OutputNames names, Func<string, string> uniqueId)
    {
        string baseName = Path.GetFileNameWithoutExtension(path);
        var malformed = new Queue<CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            MaxRecordSize = MaxCsvRecordBytes,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = r => malformed.Enqueue(r),
        };
        InputItem Failure(string problem, string? display = null) => new() { Id = "", Stem = "", Display = display ?? path, Error = problem };

        CsvReader reader;
        string[] headers;
        try
        {
            var stream = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
            reader = CsvReader.Create(stream, options);
            headers = reader.Headers.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException or CsvFormatException)
        {
            return [Failure(ex is CsvFormatException f ? $"malformed CSV header at line {f.LineNumber}: {f.Message}" : Describe(ex))];
        }
        if (!headers.Contains(textColumn))
        {
            reader.Dispose();
            return [Failure($"no '{textColumn}' column (columns: {string.Join(", ", headers)}); use --text-column")];
        }
        bool hasId = idColumn is not null && headers.Contains(idColumn);
        if (idColumn is not null && !hasId && idColumn != "id")
        {
            reader.Dispose();
            return [Failure($"no '{idColumn}' column (columns: {string.Join(", ", headers)}); use --id-column")];
        }
        return Rows();

        IEnumerable<InputItem> Rows()
        {
            using var _ = reader;
            int row = 0;
            while (true)
            {
                bool more;
                string? stop = null;
                try { more = reader.Read(); }
                catch (Exception ex) when (ex is IOException or DecoderFallbackException or CsvFormatException)
                {
                    more = false;
                    stop = ex is CsvFormatException f ? $"line {f.LineNumber}: {f.Message}; the rest of the corpus is not read" : $"{Describe(ex)}; the rest of the corpus is not read";
                }
                while (malformed.TryDequeue(out var bad))
                {
                    row++;
                    yield return Failure($"line {bad.LineNumber}: malformed CSV row {row} ({Reason(bad.Reason)})", $"{path}#{row}");
                }
                if (stop is not null) yield return Failure(stop);
                if (!more) yield break;
                row++;
                string id = hasId ? reader.GetString(idColumn!).Trim() : "";
                if (id.Length == 0) id = $"{baseName}-{row}";
                id = uniqueId(id);
                yield return new InputItem { Id = id, Stem = names.Reserve(id), Display = $"{path}#{row}", Text = reader.GetString(textColumn), CorpusPath = path };
            }
        }
    }

    private static string Reason(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote: an unbalanced quote may have joined rows",
        CsvMalformedReason.UnterminatedQuote => "a quoted field never closed: it ran to the end of the file",
        CsvMalformedReason.FieldCountMismatch => "a different number of fields from the header",
        _ => reason.ToString(),
    };

    /// <summary>
    /// Opens a text file for reading as a stream: UTF-8 (strict: invalid bytes throw <see cref="DecoderFallbackException"/>),
    /// or UTF-16/UTF-32 when the file starts with that byte order mark. A byte order mark is not part of the text.
    /// </summary>
    public static StreamReader OpenText(string path) =>
        new(path, StrictUtf8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });

    public static string Describe(Exception ex) => ex switch
    {
        DecoderFallbackException d => $"not valid UTF-8{(d.Index >= 0 ? $" (invalid byte near offset {d.Index})" : "")}; save it as UTF-8, or as UTF-16 with a byte order mark",
        UnauthorizedAccessException => "cannot read: permission denied",
        FileNotFoundException => "no such file",
        IOException io => $"cannot read: {io.Message}",
        _ => ex.Message,
    };
}
