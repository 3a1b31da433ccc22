namespace TextLens.Segmentation;

/// <summary>
/// One test for title-case headlines ("Why the U.S. Still Matters in the South Caucasus"), shared by the sentence
/// splitter (no split inside one), the entity resolver (capitalisation says little there) and the sentiment scorer
/// (a headline's capitalised words keep their tone).
/// </summary>
internal static class Headlines
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SmallWords =
        new HashSet<string>(["with", "from", "into", "over", "upon", "onto", "than", "that", "amid", "after", "under"], StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when <paramref name="text"/> is written in title case: at least two capitalised words of four or more
    /// letters and no lower-case word that long except the short prepositions headlines keep lower-case
    /// ("with", "from", "into" …). One pass, no allocation.
    /// </summary>
    public static bool IsTitleCase(ReadOnlySpan<char> text)
    {
        int capital = 0;
        for (int i = 0; i < text.Length;)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int j = i;
            while (j < text.Length && char.IsLetter(text[j])) j++;
            if (j - i >= 4)
            {
                if (char.IsUpper(text[i])) capital++;
                else if (!SmallWords.Contains(text[i..j])) return false;
            }
            i = j;
        }
        return capital >= 2;
    }

    /// <summary>True when <paramref name="line"/> (one line of text) is a headline: title case and no final . ? or !.</summary>
    public static bool IsHeadline(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd();
        return !line.IsEmpty && line[^1] is not ('.' or '?' or '!') && IsTitleCase(line);
    }
}
