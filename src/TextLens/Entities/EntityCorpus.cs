namespace TextLens;

/// <summary>Readers for column-format NER corpora (CoNLL, IOB1/IOB2) into <see cref="EntityTrainingSentence"/>s.</summary>
public static class EntityCorpus
{
    /// <summary>
    /// Reads a column file: one token per line, blank lines between sentences, <c>-DOCSTART-</c> lines and
    /// lines starting with <c>#</c> skipped. Tags may be IOB1 or IOB2; they are returned as IOB2 over the
    /// types that <paramref name="mapType"/> returns (null = not an entity). Names lose a leading lower-case
    /// "the" and any lower-case words before their first capitalised word, as TextLens spans do.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="tokenColumn">0-based column of the token.</param>
    /// <param name="tagColumn">0-based column of the tag.</param>
    /// <param name="mapType">Maps a corpus type (the part after <c>B-</c>/<c>I-</c>) to <c>PERSON</c>, <c>ORG</c>, <c>LOC</c> or null.</param>
    /// <returns>The sentences in file order.</returns>
    /// <exception cref="DataFileException">A line has too few columns.</exception>
    public static List<EntityTrainingSentence> ReadColumns(string path, int tokenColumn, int tagColumn, Func<string, string?> mapType)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(mapType);
        var result = new List<EntityTrainingSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        int lineNo = 0;
        void Flush()
        {
            if (tokens.Count > 0) result.Add(new EntityTrainingSentence(tokens.ToArray(), Normalise(tokens, tags, mapType)));
            tokens.Clear();
            tags.Clear();
        }
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.Trim().Length == 0) { Flush(); continue; }
            if (line.StartsWith("# ", StringComparison.Ordinal)) continue;
            var cols = line.Contains('\t') ? line.Split('\t') : line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cols.Length <= Math.Max(tokenColumn, tagColumn)) throw new DataFileException(path, lineNo, $"expected at least {Math.Max(tokenColumn, tagColumn) + 1} columns");
            if (cols[tokenColumn] == "-DOCSTART-") { Flush(); continue; }
            tokens.Add(cols[tokenColumn]);
            tags.Add(cols[tagColumn]);
        }
        Flush();
        return result;
    }

    private static string[] Normalise(List<string> tokens, List<string> tags, Func<string, string?> mapType)
    {
        int n = tokens.Count;
        var type = new string?[n];
        var begin = new bool[n];
        for (int i = 0; i < n; i++)
        {
            var t = tags[i];
            if (t.Length > 2 && t[1] == '-') { type[i] = mapType(t[2..]); begin[i] = t[0] == 'B'; }
        }
        // entity spans (IOB1 or IOB2)
        var result = new string[n];
        Array.Fill(result, "O");
        int s = 0;
        while (s < n)
        {
            if (type[s] is null) { s++; continue; }
            int e = s + 1;
            while (e < n && type[e] == type[s] && !begin[e]) e++;
            int a = s;
            while (a < e && !(tokens[a].Length > 0 && (char.IsUpper(tokens[a][0]) || char.IsDigit(tokens[a][0])))) a++;
            // all-lower-case entities (e.g. "tampa bay" in web text) are kept as they are
            if (a == e) a = s;
            for (int k = a; k < e; k++) result[k] = (k == a ? "B-" : "I-") + type[s];
            s = e;
        }
        return result;
    }
}
