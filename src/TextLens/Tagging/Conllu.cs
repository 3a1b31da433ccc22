namespace TextLens.Tagging;

/// <summary>One syntactic word of a CoNLL-U sentence, with its character span in the sentence text (or -1 when unknown).</summary>
internal sealed record ConlluWord(string Form, string Lemma, string Upos, string Xpos, int Start, int End, bool SpaceAfter)
{
    /// <summary>The joint label the tagger predicts: <c>UPOS|XPOS</c>.</summary>
    public string Joint => Upos + "|" + Xpos;

    /// <summary>1-based index of the syntactic head in the sentence's words (0 = root, -1 = not given).</summary>
    public int Head { get; init; } = -1;

    /// <summary>The basic dependency relation (DEPREL column), e.g. <c>flat</c>, <c>obl:tmod</c>; empty when not given.</summary>
    public string Deprel { get; init; } = "";
}

/// <summary>A CoNLL-U sentence: its <c># text</c> line (when present) and its words (multiword tokens expanded, empty nodes skipped).</summary>
internal sealed record ConlluSentence(string Id, string? Text, ConlluWord[] Words);

/// <summary>Minimal CoNLL-U reader for training and evaluation (ID FORM LEMMA UPOS XPOS … MISC).</summary>
internal static class Conllu
{
    public static List<ConlluSentence> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, 0, $"cannot be read: {e.Message}", e);
        }
        return Read(lines, path);
    }

    public static List<ConlluSentence> Read(IReadOnlyList<string> lines, string name)
    {
        var result = new List<ConlluSentence>();
        var words = new List<ConlluWord>();
        string? text = null, id = null;
        int lineNo = 0, mwtEnd = -1, cursor = 0;
        (int Start, int End, string Form, string[] Parts, bool SpaceAfter)? mwt = null;
        var mwtWords = new List<string[]>();

        void Flush()
        {
            if (words.Count > 0) result.Add(new ConlluSentence(id ?? $"s{result.Count + 1}", text, words.ToArray()));
            words.Clear();
            text = null;
            id = null;
            cursor = 0;
        }

        (int, int) Locate(string form)
        {
            if (text is null) return (-1, -1);
            while (cursor < text.Length && char.IsWhiteSpace(text[cursor])) cursor++;
            int at = string.CompareOrdinal(text, cursor, form, 0, form.Length) == 0 ? cursor : text.IndexOf(form, cursor, StringComparison.Ordinal);
            if (at < 0) return (-1, -1);
            cursor = at + form.Length;
            return (at, at + form.Length);
        }

        void FlushMwt()
        {
            if (mwt is not { } m) return;
            // Split the surface span over the words when their forms spell it exactly (do+n't = don't), else share it.
            string joined = string.Concat(mwtWords.Select(p => p[1]));
            int pos = m.Start;
            for (int k = 0; k < mwtWords.Count; k++)
            {
                var p = mwtWords[k];
                bool last = k == mwtWords.Count - 1;
                int s = m.Start, e = m.End;
                if (m.Start >= 0 && string.Equals(joined, m.Form, StringComparison.OrdinalIgnoreCase)) { s = pos; e = pos + p[1].Length; pos = e; }
                words.Add(new ConlluWord(p[1], p[2], p[3], p[4], s, e, last && m.SpaceAfter) { Head = HeadOf(p[6]), Deprel = p[7] });
            }
            mwt = null;
            mwtWords.Clear();
        }

        foreach (var raw in lines)
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0) { FlushMwt(); Flush(); continue; }
            if (line[0] == '#')
            {
                if (line.StartsWith("# text = ", StringComparison.Ordinal)) text = line[9..];
                else if (line.StartsWith("# sent_id = ", StringComparison.Ordinal)) id = line[12..];
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length != 10) throw new DataFileException(name, lineNo, $"expected 10 tab-separated columns, found {cols.Length}");
            bool spaceAfter = !cols[9].Contains("SpaceAfter=No", StringComparison.Ordinal);
            int dash = cols[0].IndexOf('-');
            if (dash > 0)
            {
                FlushMwt();
                if (!int.TryParse(cols[0].AsSpan(dash + 1), out mwtEnd)) throw new DataFileException(name, lineNo, $"bad multiword token id '{cols[0]}'");
                var (s, e) = Locate(cols[1]);
                mwt = (s, e, cols[1], cols, spaceAfter);
                continue;
            }
            if (cols[0].Contains('.')) continue; // empty node
            if (!int.TryParse(cols[0], out int wid)) throw new DataFileException(name, lineNo, $"bad word id '{cols[0]}'");
            if (mwt is not null)
            {
                mwtWords.Add(cols);
                if (wid >= mwtEnd) FlushMwt();
                continue;
            }
            var (start, end) = Locate(cols[1]);
            words.Add(new ConlluWord(cols[1], cols[2], cols[3], cols[4], start, end, spaceAfter) { Head = HeadOf(cols[6]), Deprel = cols[7] });
        }
        FlushMwt();
        Flush();
        return result;
    }

    private static int HeadOf(string column) => int.TryParse(column, out int h) ? h : -1;

    /// <summary>
    /// The sentence as a tokenizer in the spaCy convention would see it: letter–hyphen–letter compounds written
    /// without spaces (<c>long-term</c>, <c>state-of-the-art</c>) become one word tagged like their last part.
    /// Returns the same instance when nothing merges.
    /// </summary>
    public static ConlluSentence MergeHyphenated(ConlluSentence s)
    {
        var w = s.Words;
        List<ConlluWord>? merged = null;
        for (int i = 0; i < w.Length; i++)
        {
            int j = i;
            while (j + 2 < w.Length && w[j + 1].Form == "-" && !w[j].SpaceAfter && !w[j + 1].SpaceAfter
                   && w[j].Form.Length > 0 && char.IsLetter(w[j].Form[^1]) && w[j + 2].Form.Length > 0 && char.IsLetter(w[j + 2].Form[0]))
                j += 2;
            if (j == i)
            {
                merged?.Add(w[i]);
                continue;
            }
            merged ??= new List<ConlluWord>(w[..i]);
            string form = string.Concat(w[i..(j + 1)].Select(x => x.Form));
            string lemma = string.Concat(w[i..j].Select(x => x.Form)) + w[j].Lemma;
            merged.Add(new ConlluWord(form, lemma, w[j].Upos, w[j].Xpos, w[i].Start, w[j].End, w[j].SpaceAfter));
            i = j;
        }
        return merged is null ? s : s with { Words = merged.ToArray() };
    }
}
