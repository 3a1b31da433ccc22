namespace TextLens;

/// <summary>
/// Length-preserving normalisation shared by every stage: typographic quotes and apostrophes become
/// ASCII ones and every dash becomes <c>-</c>, so lexicons and models match either spelling.
/// </summary>
internal static class TextNormalizer
{
    public static char Normalize(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
        '\u00A0' or '\u2007' or '\u202F' => ' ',
        _ => c,
    };

    // Every character that Normalize(char) changes; searched with vectorised IndexOfAny.
    private static readonly System.Buffers.SearchValues<char> Changed = System.Buffers.SearchValues.Create(
        "\u2018\u2019\u201A\u201B\u2032\u02BC`\u00B4\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB" +
        "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D\u00A0\u2007\u202F");

    public static string Normalize(string text)
    {
        int first = text.AsSpan().IndexOfAny(Changed);
        if (first < 0) return text;
        return string.Create(text.Length, (text, first), static (dest, state) =>
        {
            var src = state.text.AsSpan();
            src.CopyTo(dest);
            for (int i = state.first; i < dest.Length;)
            {
                dest[i] = Normalize(dest[i]);
                int next = dest[(i + 1)..].IndexOfAny(Changed);
                if (next < 0) break;
                i += 1 + next;
            }
        });
    }

    /// <summary>
    /// Same result as <see cref="string.ToLowerInvariant()"/> (length-preserving), but ASCII runs are lower-cased
    /// with vectorised <see cref="System.Text.Ascii.ToLower(ReadOnlySpan{char}, Span{char}, out int)"/>.
    /// </summary>
    public static string ToLowerInvariant(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAnyInRange('A', 'Z') < 0 && System.Text.Ascii.IsValid(span)) return text;
        return string.Create(text.Length, text, static (dest, s) =>
        {
            var src = s.AsSpan();
            int i = 0;
            while (i < src.Length)
            {
                int ascii = src[i..].IndexOfAnyExceptInRange((char)0, (char)127);
                int j = ascii < 0 ? src.Length : i + ascii;
                System.Text.Ascii.ToLower(src[i..j], dest[i..j], out _);
                if (j == src.Length) break;
                // A non-ASCII run ends at an ASCII character, so surrogate pairs are never cut.
                int back = src[j..].IndexOfAnyInRange((char)0, (char)127);
                int k = back < 0 ? src.Length : j + back;
                src[j..k].ToLowerInvariant(dest[j..k]);
                i = k;
            }
        });
    }
}
