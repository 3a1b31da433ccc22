using CsvHelper;

namespace TextLens.Models;

/// <summary>One data row of a CSV file with the line it starts on, for error messages.</summary>
internal readonly record struct CsvRow(string File, int Line, string[] Fields, IReadOnlyDictionary<string, int> Columns)
{
    /// <summary>The value of a required column; throws a <see cref="DataFileException"/> naming file and line when it is empty.</summary>
    public string Required(string column)
    {
        var v = Optional(column);
        if (string.IsNullOrWhiteSpace(v)) throw Error($"column '{column}' is empty");
        return v;
    }

    /// <summary>The value of a column, or null when the column is absent from the header.</summary>
    public string? Optional(string column) => Columns.TryGetValue(column, out int i) && i < Fields.Length ? Fields[i] : null;

    /// <summary>A required column parsed as a double (invariant culture).</summary>
    public double Double(string column)
    {
        var v = Required(column);
        if (!double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) || !double.IsFinite(d))
            throw Error($"column '{column}' is not a number: '{Truncate(v)}'");
        return d;
    }

    /// <summary>A required column parsed as an enum value (case-insensitive).</summary>
    public TEnum Enum<TEnum>(string column) where TEnum : struct, System.Enum
    {
        var v = Required(column);
        if (!System.Enum.TryParse(v, ignoreCase: true, out TEnum e) || !System.Enum.IsDefined(e) || int.TryParse(v, out _))
            throw Error($"column '{column}' has unknown value '{Truncate(v)}' (expected one of {string.Join(", ", System.Enum.GetNames<TEnum>())})");
        return e;
    }

    /// <summary>An exception for a problem on this row.</summary>
    public DataFileException Error(string problem) => new(File, Line, problem);

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..60] + "…";
}

/// <summary>
/// The one CSV reader behind every lexicon, pattern and training file (CsvHelper). Lines starting with
/// <c>#</c> are comments; the first other line is the header. Every problem becomes a
/// <see cref="DataFileException"/> that names the file, the line and the problem.
/// </summary>
internal static class CsvTable
{
    public static IEnumerable<CsvRow> ReadFile(string path, params string[] requiredColumns)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, 0, $"cannot be read: {e.Message}", e);
        }
        return Read(text, path, requiredColumns);
    }

    public static IEnumerable<CsvRow> Read(TextReader reader, string name, params string[] requiredColumns) =>
        Read(reader.ReadToEnd(), name, requiredColumns);

    public static List<CsvRow> Read(string text, string name, params string[] requiredColumns)
    {
        var rows = new List<CsvRow>();
        var options = new CsvReaderOptions { HasHeader = false, CommentPrefix = '#', SkipEmptyLines = true, TrackLineNumbers = true };
        Dictionary<string, int>? columns = null;
        int line = 0;
        try
        {
            using var csv = CsvReader.FromText(text, options);
            while (csv.Read())
            {
                line = (int)csv.LineNumber;
                var fields = new string[csv.FieldCount];
                for (int i = 0; i < fields.Length; i++) fields[i] = csv.GetString(i);
                if (columns is null)
                {
                    columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                    for (int i = 0; i < fields.Length; i++)
                        if (!columns.TryAdd(fields[i].Trim(), i)) throw new DataFileException(name, line, $"duplicate column '{fields[i]}' in header");
                    foreach (var c in requiredColumns)
                        if (!columns.ContainsKey(c)) throw new DataFileException(name, line, $"header lacks required column '{c}' (has: {string.Join(", ", columns.Keys)})");
                    continue;
                }
                if (fields.Length > columns.Count && fields.Skip(columns.Count).Any(f => f.Length > 0))
                    throw new DataFileException(name, line, $"row has {fields.Length} fields but the header has {columns.Count}");
                rows.Add(new CsvRow(name, line, fields, columns));
            }
        }
        catch (DataFileException) { throw; }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DataFileException(name, line + 1, $"malformed CSV: {e.Message}", e);
        }
        if (columns is null) throw new DataFileException(name, 0, "file is empty (no header line)");
        return rows;
    }
}
