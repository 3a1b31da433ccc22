using TextLens.Tagging;

namespace TextLens.Train;

/// <summary>A UNER sentence with the document and sentence ids of its <c># newdoc id</c> / <c># sent_id</c> comments.</summary>
internal sealed record UnerSentence(string DocId, string SentId, EntityTrainingSentence Sentence);

/// <summary>
/// Silver entity labels for UD English-EWT train (whose UNER labels could not be obtained): a teacher model that also
/// sees the gold UD annotation (UPOS, XPOS, dependency relations of the name and its governor, case markers) is trained
/// on gold UNER dev sentences (whose UD annotation is in en_ewt-ud-dev.conllu) and labels the UD train sentences.
/// Nothing is written to disk: the labels exist only while the `ner` command runs.
/// </summary>
internal static class NerSilver
{
    /// <summary>Reads a UNER IOB2 file keeping each sentence's document and sentence id.</summary>
    public static List<UnerSentence> ReadUner(string path)
    {
        var sentences = EntityCorpus.ReadColumns(path, 1, 2, NerCommands.MapType);
        var ids = new List<(string Doc, string Sent)>();
        string doc = "";
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("# newdoc id = ", StringComparison.Ordinal)) doc = line[14..].Trim();
            else if (line.StartsWith("# sent_id = ", StringComparison.Ordinal)) ids.Add((doc, line[12..].Trim()));
        }
        if (ids.Count != sentences.Count) throw new InvalidDataException($"{path}: {ids.Count} sent_id comments for {sentences.Count} sentences");
        return sentences.Select((s, i) => new UnerSentence(ids[i].Doc, ids[i].Sent, s)).ToList();
    }

    /// <summary>Splits sentences by document: documents with an even index (in file order) and those with an odd one.</summary>
    public static (List<UnerSentence> Even, List<UnerSentence> Odd) SplitByDocument(List<UnerSentence> sentences)
    {
        var docIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var even = new List<UnerSentence>();
        var odd = new List<UnerSentence>();
        foreach (var s in sentences)
        {
            if (!docIndex.TryGetValue(s.DocId, out int k)) docIndex[s.DocId] = k = docIndex.Count;
            (k % 2 == 0 ? even : odd).Add(s);
        }
        return (even, odd);
    }

    /// <summary>Reads a CoNLL-U treebank as sent_id → words.</summary>
    public static Dictionary<string, ConlluWord[]> ReadTreebank(string path) =>
        Conllu.ReadFile(path).ToDictionary(s => s.Id, s => s.Words, StringComparer.Ordinal);

    /// <summary>
    /// The sentence with the gold UD annotation attached (gold UPOS and teacher features), or the sentence unchanged when
    /// the treebank has no sentence with that id and the same tokens.
    /// </summary>
    public static EntityTrainingSentence WithTreebank(EntityTrainingSentence s, ConlluWord[]? words)
    {
        if (words is null || words.Length != s.Tokens.Count) return s;
        for (int i = 0; i < words.Length; i++) if (words[i].Form != s.Tokens[i]) return s;
        return s with { GoldPos = GoldPos(words), TokenFeatures = TeacherFeatures(words) };
    }

    /// <summary>An unlabelled sentence (all tags O) from treebank words, with gold UPOS and teacher features.</summary>
    public static EntityTrainingSentence FromTreebank(ConlluWord[] words)
    {
        var tokens = words.Select(w => w.Form).ToArray();
        var tags = Enumerable.Repeat("O", tokens.Length).ToArray();
        return new EntityTrainingSentence(tokens, tags) { GoldPos = GoldPos(words), TokenFeatures = TeacherFeatures(words) };
    }

    private static UPos[] GoldPos(ConlluWord[] words) => words.Select(w => PosModel.ParseUpos(w.Upos) ?? UPos.X).ToArray();

    /// <summary>
    /// Features from the gold parse for each word: its XPOS and relation; for the name it belongs to (climbing flat and
    /// compound links between proper nouns) the name's relation, its governor's lemma, and the case markers and
    /// appositions attached to it.
    /// </summary>
    public static string[]?[] TeacherFeatures(ConlluWord[] w)
    {
        var result = new string[]?[w.Length];
        for (int i = 0; i < w.Length; i++)
        {
            var f = new List<string>(8) { "x=" + w[i].Xpos, "d=" + w[i].Deprel };
            int h = NameHead(w, i);
            int g = w[h].Head - 1;
            string gov = g >= 0 && g < w.Length ? w[g].Lemma.ToLowerInvariant() : "<root>";
            string rel = w[h].Deprel;
            f.Add("hd=" + rel);
            f.Add("gv=" + gov);
            f.Add("gd=" + rel + "|" + gov);
            if (h != i) f.Add("in-name");
            for (int k = 0; k < w.Length; k++)
            {
                if (w[k].Head - 1 != h || k == i) continue;
                if (w[k].Deprel == "case") f.Add("case=" + w[k].Lemma.ToLowerInvariant());
                else if (w[k].Deprel == "appos") f.Add("appos=" + w[k].Lemma.ToLowerInvariant());
                else if (w[k].Deprel == "det") f.Add("det=" + w[k].Lemma.ToLowerInvariant());
            }
            if (rel == "appos" && g >= 0) f.Add("appos-of=" + gov);
            result[i] = f.ToArray();
        }
        return result;
    }

    private static int NameHead(ConlluWord[] w, int i)
    {
        int h = i;
        for (int steps = 0; steps < 8; steps++)
        {
            int up = w[h].Head - 1;
            if (up < 0 || up >= w.Length) break;
            bool nameLink = w[h].Deprel.StartsWith("flat", StringComparison.Ordinal) || w[h].Deprel is "fixed" or "goeswith"
                            || (w[h].Deprel == "compound" && w[up].Upos is "PROPN" or "X");
            if (!nameLink) break;
            h = up;
        }
        return h;
    }

    /// <summary>
    /// Labels tokenised sentences with a whole recogniser pipeline (model, gazetteer, rules) run on the tokens joined by
    /// spaces: PERSON → PERSON, ORG → ORG, GPE and LOC → LOC; a token takes the type of the entity that overlaps it.
    /// </summary>
    public static List<string[]> LabelWithPipeline(Pipeline nlp, IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var result = new List<string[]>(sentences.Count);
        int index = 0;
        foreach (var doc in nlp.Process(sentences.Select(s => string.Join(' ', s))))
        {
            var tokens = sentences[index++];
            var starts = new int[tokens.Count];
            for (int i = 0, offset = 0; i < tokens.Count; i++) { starts[i] = offset; offset += tokens[i].Length + 1; }
            var tags = new string[tokens.Count];
            Array.Fill(tags, "O");
            foreach (var e in doc.Entities)
            {
                string? type = e.Label.Name switch { "PERSON" => "PERSON", "ORG" => "ORG", "GPE" or "LOC" => "LOC", _ => null };
                if (type is null) continue;
                int first = -1, last = -1;
                for (int i = 0; i < tokens.Count; i++)
                    if (starts[i] < e.End && e.Start < starts[i] + tokens[i].Length) { if (first < 0) first = i; last = i; }
                if (first < 0) continue;
                bool free = true;
                for (int i = first; i <= last; i++) free &= tags[i] == "O";
                if (!free) continue;
                for (int i = first; i <= last; i++) tags[i] = (i == first ? "B-" : "I-") + type;
            }
            result.Add(tags);
        }
        return result;
    }

    /// <summary>Entity spans (start token, end token exclusive, type) of IOB2 tags.</summary>
    public static List<(int Start, int End, string Type)> Spans(IReadOnlyList<string> tags)
    {
        var spans = new List<(int, int, string)>();
        int start = -1;
        string? type = null;
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] : "O";
            if (type is not null && !(tag.StartsWith("I-", StringComparison.Ordinal) && tag[2..] == type)) { spans.Add((start, i, type)); type = null; }
            if (i < tags.Count && (tag.StartsWith("B-", StringComparison.Ordinal) || (type is null && tag.StartsWith("I-", StringComparison.Ordinal)))) { start = i; type = tag[2..]; }
        }
        return spans;
    }

    /// <summary>Exact-span precision/recall/F1 of predicted IOB2 tags against gold ones, overall and per type.</summary>
    public static IEnumerable<(string Type, EntityScore Score)> Score(IEnumerable<(IReadOnlyList<string> Gold, IReadOnlyList<string> Predicted)> pairs)
    {
        var counts = new SortedDictionary<string, int[]>(StringComparer.Ordinal) { ["ALL"] = new int[3] };
        int[] Count(string type) => counts.TryGetValue(type, out var c) ? c : counts[type] = new int[3];
        foreach (var (gold, predicted) in pairs)
        {
            var g = Spans(gold).ToHashSet();
            var p = Spans(predicted);
            foreach (var x in g) { counts["ALL"][0]++; Count(x.Type)[0]++; }
            foreach (var x in p)
            {
                counts["ALL"][1]++; Count(x.Type)[1]++;
                if (g.Contains(x)) { counts["ALL"][2]++; Count(x.Type)[2]++; }
            }
        }
        foreach (var (type, c) in counts)
        {
            double pr = c[1] == 0 ? 0 : (double)c[2] / c[1], rc = c[0] == 0 ? 0 : (double)c[2] / c[0];
            yield return (type, new EntityScore(pr, rc, pr + rc == 0 ? 0 : 2 * pr * rc / (pr + rc), c[0], c[1], c[2]));
        }
    }

    /// <summary>
    /// Corrects labels with the gold parse: a span without a proper noun (or foreign word) is dropped; a span grows over
    /// neighbouring proper nouns linked to it by a <c>flat</c> relation (the parts of one name).
    /// </summary>
    public static string[] Constrain(ConlluWord[] w, string[] tags)
    {
        var result = new string[tags.Length];
        Array.Fill(result, "O");
        foreach (var (start, end, type) in Spans(tags))
        {
            bool proper = false;
            for (int k = start; k < end; k++) proper |= w[k].Upos is "PROPN" or "X";
            if (!proper) continue;
            int s = start, e = end;
            while (s > 0 && w[s - 1].Upos == "PROPN" && result[s - 1] == "O" && FlatLinked(w, s - 1, s, e)) s--;
            while (e < w.Length && w[e].Upos == "PROPN" && FlatLinked(w, e, s, e)) e++;
            bool free = true;
            for (int k = s; k < e; k++) free &= result[k] == "O";
            if (!free) continue;
            for (int k = s; k < e; k++) result[k] = (k == s ? "B-" : "I-") + type;
        }
        return result;
    }

    private static bool FlatLinked(ConlluWord[] w, int k, int s, int e)
    {
        int h = w[k].Head - 1;
        if (w[k].Deprel.StartsWith("flat", StringComparison.Ordinal) && h >= s && h < e) return true;
        for (int j = s; j < e; j++)
            if (w[j].Head - 1 == k && w[j].Deprel.StartsWith("flat", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Counts the entities (B- tags) per type.</summary>
    public static string CountEntities(IEnumerable<EntityTrainingSentence> sentences)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
            foreach (var t in s.Tags)
                if (t.StartsWith("B-", StringComparison.Ordinal)) counts[t[2..]] = counts.GetValueOrDefault(t[2..]) + 1;
        return string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value}"));
    }
}
