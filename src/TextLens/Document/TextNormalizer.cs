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

    public static string Normalize(string text)
    {
        int i = 0;
        for (; i < text.Length; i++)
            if (Normalize(text[i]) != text[i]) break;
        if (i == text.Length) return text;
        return string.Create(text.Length, text, static (dest, src) =>
        {
            for (int j = 0; j < src.Length; j++) dest[j] = Normalize(src[j]);
        });
    }
}
