namespace TextLens.Cli;

/// <summary>
/// Turns document ids into file names that stay inside the output folder on every platform: no separators,
/// no <c>..</c>, no drive or root, no control characters, no Windows reserved names (CON, NUL, COM1…), bounded length.
/// Distinct ids that map to the same name (also ignoring case) get <c>-2</c>, <c>-3</c>… suffixes.
/// </summary>
internal sealed class OutputNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A unique safe file stem for <paramref name="id"/>.</summary>
    public string Reserve(string id)
    {
        string stem = Sanitize(id);
        string candidate = stem;
        for (int n = 2; !_used.Add(candidate); n++) candidate = $"{stem}-{n}";
        return candidate;
    }

    public static string Sanitize(string id)
    {
        var chars = id.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (c < ' ' || c == '\u007f' || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsSurrogate(c) && !IsPairedSurrogate(chars, i))
                chars[i] = '_';
        }
        string s = new string(chars).Trim().TrimEnd('.', ' ');
        if (s.StartsWith('.')) s = "_" + s[1..];
        if (s.Length > 120) s = s[..120].TrimEnd('.', ' ');
        if (char.IsHighSurrogate(s.Length > 0 ? s[^1] : 'a')) s = s[..^1];
        if (s.Length == 0) s = "doc";
        int dot = s.IndexOf('.');
        if (Reserved.Contains(dot < 0 ? s : s[..dot])) s = "_" + s;
        return s;
    }

    private static bool IsPairedSurrogate(char[] chars, int i) =>
        char.IsHighSurrogate(chars[i]) ? i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])
                                       : i > 0 && char.IsHighSurrogate(chars[i - 1]);

    /// <summary>The path of <paramref name="stem"/> + <paramref name="extension"/> in <paramref name="directory"/>; throws if it would leave it.</summary>
    public static string PathIn(string directory, string stem, string extension)
    {
        string dir = Path.GetFullPath(directory);
        string path = Path.GetFullPath(Path.Combine(dir, stem + extension));
        if (!string.Equals(Path.GetDirectoryName(path), Path.TrimEndingDirectorySeparator(dir), StringComparison.Ordinal))
            throw new InvalidOperationException($"Output name '{stem}{extension}' would leave the output folder.");
        return path;
    }
}
