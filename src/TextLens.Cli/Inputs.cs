using System.Text;
using CsvHelper;

namespace TextLens.Cli;

/// <summary>One document to analyse: where it comes from, its id and output file stem, and how to read its text.</summary>
internal sealed class InputItem
{
    public required string Id { get; init; }
    public required string Stem { get; init; }
    /// <summary>What to show in messages and write as <c>source</c>: a path, <c>-</c>, or <c>corpus.csv#row</c>.</summary>
    public required string Display { get; init; }
    public string? Text { get; init; }
    public string? FilePath { get; init; }
    public string? Error { get; init; }
}

/// <summary>Expands the command line's inputs (files, folders, <c>-</c>, CSV corpora) into documents, in a stable order.</summary>
internal sealed class InputSet
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public List<InputItem> Items { get; } = [];
    public List<string> Problems { get; } = [];

    public static InputSet Expand(IEnumerable<string> inputs, TextReader stdin, string textColumn, string? idColumn, bool savedJson = false)
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
            string id = UniqueId(Path.GetFileNameWithoutExtension(path));
            set.Items.Add(new InputItem { Id = id, Stem = names.Reserve(id), Display = display, FilePath = path });
        }

        foreach (var input in inputs)
        {
            if (input == "-")
            {
                string id = UniqueId("stdin");
                string? text = null, error = null;
                try { text = stdin.ReadToEnd(); }
                catch (DecoderFallbackException ex) { error = $"standard input is not valid UTF-8 ({ex.Message})"; }
                catch (IOException ex) { error = $"cannot read standard input: {ex.Message}"; }
                set.Items.Add(new InputItem { Id = id, Stem = names.Reserve(id), Display = "stdin", Text = text, Error = error });
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
            else if (!savedJson && File.Exists(input) && input.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                ReadCorpus(set, input, textColumn, idColumn, names, UniqueId);
            }
            else if (File.Exists(input))
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

    private static void ReadCorpus(InputSet set, string path, string textColumn, string? idColumn, OutputNames names, Func<string, string> uniqueId)
    {
        string content;
        try { content = ReadUtf8(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            set.Problems.Add($"{path}: {Describe(ex)}");
            return;
        }
        string baseName = Path.GetFileNameWithoutExtension(path);
        try
        {
            using var reader = CsvReader.FromText(content);
            var headers = reader.Headers;
            if (!headers.Contains(textColumn))
            {
                set.Problems.Add($"{path}: no '{textColumn}' column (columns: {string.Join(", ", headers)}); use --text-column");
                return;
            }
            bool hasId = idColumn is not null && headers.Contains(idColumn);
            if (idColumn is not null && !hasId && idColumn != "id")
            {
                set.Problems.Add($"{path}: no '{idColumn}' column (columns: {string.Join(", ", headers)}); use --id-column");
                return;
            }
            int row = 0;
            while (reader.Read())
            {
                row++;
                string id = hasId ? reader.GetString(idColumn!).Trim() : "";
                if (id.Length == 0) id = $"{baseName}-{row}";
                id = uniqueId(id);
                set.Items.Add(new InputItem { Id = id, Stem = names.Reserve(id), Display = $"{path}#{row}", Text = reader.GetString(textColumn) });
            }
        }
        catch (CsvFormatException ex)
        {
            set.Problems.Add($"{path}: malformed CSV at line {ex.LineNumber}: {ex.Message}");
        }
    }

    /// <summary>Reads a file as strict UTF-8 (a byte order mark is skipped); invalid bytes throw <see cref="DecoderFallbackException"/>.</summary>
    public static string ReadUtf8(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return StrictUtf8.GetString(bytes, skip, bytes.Length - skip);
    }

    public static string Describe(Exception ex) => ex switch
    {
        DecoderFallbackException d => $"not valid UTF-8{(d.Index >= 0 ? $" (invalid byte near offset {d.Index})" : "")}",
        UnauthorizedAccessException => "cannot read: permission denied",
        FileNotFoundException => "no such file",
        IOException io => $"cannot read: {io.Message}",
        _ => ex.Message,
    };
}
