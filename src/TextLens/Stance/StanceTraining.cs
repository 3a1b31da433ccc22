using System.Text.Json;
using TextLens.Models;
using TextLens.Tagging;

namespace TextLens.Stance;

/// <summary>A gold stance cue: character span, type and holder as written in the gold file.</summary>
internal readonly record struct GoldCue(int Start, int End, StanceCueType Type, string Holder);

/// <summary>A document with gold stance cues (the evaluation schema's <c>stance_cues</c>), analysed up to entities.</summary>
internal sealed record StanceGoldDocument(string Id, Document Document, IReadOnlyList<GoldCue> Cues);

/// <summary>Options of <see cref="StanceTrainer.Train"/>.</summary>
internal sealed record StanceTrainingOptions
{
    public int Epochs { get; init; } = 10;
    public int Seed { get; init; } = 1;

    /// <summary>Averaged weights below this magnitude are dropped (a smaller, faster model).</summary>
    public float MinWeight { get; init; } = 0f;

    /// <summary>How many times a document is repeated in each epoch (by id); documents not listed count once.</summary>
    public IReadOnlyDictionary<string, int>? Copies { get; init; }

    /// <summary>Decoding penalty on "no cue" (see <see cref="StanceModel"/>); stored in the model file.</summary>
    public float OutsidePenalty { get; init; } = 6f;
}

/// <summary>Reads gold files, trains the stance model, and scores detectors against gold (strict/lenient per type, holders).</summary>
internal static class StanceTrainer
{
    /// <summary>
    /// Reads every <c>*.json</c> gold file of a folder (schema of the evaluation set) with its text (the file's
    /// <c>text_file</c> resolved against the folder's parent, else <c>../texts/&lt;id&gt;.txt</c>), in file-name order, and
    /// analyses the texts with the English pipeline up to entities.
    /// </summary>
    public static List<StanceGoldDocument> ReadGold(string goldDir, Pipeline? pipeline = null, string? textsDir = null)
    {
        ArgumentNullException.ThrowIfNull(goldDir);
        if (!Directory.Exists(goldDir)) throw new DirectoryNotFoundException($"gold folder not found: {goldDir}");
        pipeline ??= AnalysisPipeline();
        var docs = new List<StanceGoldDocument>();
        foreach (var file in Directory.GetFiles(goldDir, "*.json").Order(StringComparer.Ordinal))
        {
            var (id, text, cues) = ReadGoldFile(file, textsDir);
            docs.Add(new StanceGoldDocument(id, pipeline.Process(text, id), cues));
        }
        return docs;
    }

    /// <summary>
    /// Reads stance annotations kept apart from their texts (TSV: <c>doc, start, end, type, holder</c>, '#' comment lines,
    /// a header row; see <c>data/training/stance/</c>) and analyses each document's text <c>textsDir/&lt;doc&gt;.txt</c>.
    /// </summary>
    /// <exception cref="DataFileException">The file is malformed or a text is missing; the message names the file and line.</exception>
    public static List<StanceGoldDocument> ReadAnnotations(string tsvPath, string textsDir, Pipeline? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(tsvPath);
        ArgumentNullException.ThrowIfNull(textsDir);
        pipeline ??= AnalysisPipeline();
        string[] lines;
        try { lines = File.ReadAllLines(tsvPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new DataFileException(tsvPath, 0, $"cannot read the file: {e.Message}"); }
        var byDoc = new SortedDictionary<string, List<GoldCue>>(StringComparer.Ordinal);
        bool header = false;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cols = line.Split('\t');
            if (!header)
            {
                if (!cols.SequenceEqual(["doc", "start", "end", "type", "holder"])) throw new DataFileException(tsvPath, i + 1, "expected the header 'doc, start, end, type, holder' (tab-separated)");
                header = true;
                continue;
            }
            if (cols.Length != 5) throw new DataFileException(tsvPath, i + 1, $"expected 5 tab-separated columns, found {cols.Length}");
            if (!int.TryParse(cols[1], out int start) || !int.TryParse(cols[2], out int end) || start < 0 || end <= start)
                throw new DataFileException(tsvPath, i + 1, $"invalid span '{cols[1]}'..'{cols[2]}'");
            if (!Enum.TryParse<StanceCueType>(cols[3], ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(cols[3], out _))
                throw new DataFileException(tsvPath, i + 1, $"unknown cue type '{cols[3]}'");
            if (!byDoc.TryGetValue(cols[0], out var list)) byDoc[cols[0]] = list = [];
            list.Add(new GoldCue(start, end, type, cols[4]));
        }
        var docs = new List<StanceGoldDocument>(byDoc.Count);
        foreach (var (id, cues) in byDoc)
        {
            var path = Path.Combine(textsDir, id + ".txt");
            if (!File.Exists(path)) throw new DataFileException(tsvPath, 0, $"text of '{id}' not found: {path}");
            var text = File.ReadAllText(path);
            foreach (var c in cues)
                if (c.End > text.Length) throw new DataFileException(tsvPath, 0, $"cue [{c.Start}, {c.End}) of '{id}' lies outside its text ({text.Length} characters)");
            docs.Add(new StanceGoldDocument(id, pipeline.Process(text, id), cues));
        }
        return docs;
    }

    /// <summary>How many times each gold (evaluation-set) document is repeated in training next to the extra annotations.</summary>
    public const int GoldCopies = 2;

    /// <summary>
    /// The shipped model's training data: the gold of <c>shared/eval/dev</c> and <c>shared/eval/public</c> (the article), and
    /// the repository's annotations of policy-commentaries texts (<c>data/training/stance/policy-commentaries.tsv</c>, texts in
    /// <c>shared/corpora/policy-commentaries/texts</c>). Gold documents are the ones cross-validation scores; the
    /// annotations only ever train.
    /// </summary>
    public static (List<StanceGoldDocument> Gold, List<StanceGoldDocument> Extra) ReadTrainingData(string sharedDir, string annotationsTsv, Pipeline? pipeline = null)
    {
        pipeline ??= AnalysisPipeline();
        var gold = ReadGold(Path.Combine(sharedDir, "eval", "dev", "gold"), pipeline);
        gold.AddRange(ReadGold(Path.Combine(sharedDir, "eval", "public", "gold"), pipeline));
        var extra = ReadAnnotations(annotationsTsv, Path.Combine(sharedDir, "corpora", "policy-commentaries", "texts"), pipeline);
        return (gold, extra);
    }

    /// <summary>The shipped training options: gold documents count <see cref="GoldCopies"/> times.</summary>
    public static StanceTrainingOptions ShippedOptions(IEnumerable<StanceGoldDocument> gold) =>
        new() { Copies = gold.ToDictionary(d => d.Id, _ => GoldCopies) };

    /// <summary>The English pipeline without the stance and sentiment stages: what the stance model's features need.</summary>
    public static Pipeline AnalysisPipeline() => Pipeline.CreateEnglish().Disable("stance").Disable("sentiment");

    internal static (string Id, string Text, List<GoldCue> Cues) ReadGoldFile(string file, string? textsDir = null)
    {
        JsonElement root;
        try { root = JsonDocument.Parse(File.ReadAllBytes(file)).RootElement; }
        catch (JsonException e) { throw new DataFileException(file, (int)(e.LineNumber ?? 0) + 1, $"invalid JSON: {e.Message}"); }
        string id = root.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.String ? idEl.GetString()! : Path.GetFileNameWithoutExtension(file);
        string folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var candidates = new List<string>();
        if (textsDir is not null) candidates.Add(Path.Combine(textsDir, id + ".txt"));
        if (root.TryGetProperty("text_file", out var tf) && tf.ValueKind == JsonValueKind.String)
        {
            candidates.Add(Path.Combine(Path.GetDirectoryName(folder)!, tf.GetString()!));
            candidates.Add(Path.Combine(folder, tf.GetString()!));
        }
        candidates.Add(Path.Combine(Path.GetDirectoryName(folder)!, "texts", id + ".txt"));
        var textFile = candidates.FirstOrDefault(File.Exists) ?? throw new DataFileException(file, 0, $"text of '{id}' not found (tried {string.Join(", ", candidates)})");
        string text = File.ReadAllText(textFile);
        var cues = new List<GoldCue>();
        if (root.TryGetProperty("stance_cues", out var arr) && arr.ValueKind == JsonValueKind.Array)
        {
            int k = 0;
            foreach (var c in arr.EnumerateArray())
            {
                k++;
                if (!c.TryGetProperty("start", out var s) || !c.TryGetProperty("end", out var e) || !c.TryGetProperty("type", out var t))
                    throw new DataFileException(file, 0, $"stance cue {k} lacks start, end or type");
                int start = s.GetInt32(), end = e.GetInt32();
                if (start < 0 || end <= start || end > text.Length) throw new DataFileException(file, 0, $"stance cue {k} has span [{start}, {end}) outside the text ({text.Length} characters)");
                if (!Enum.TryParse<StanceCueType>(t.GetString(), ignoreCase: true, out var type)) throw new DataFileException(file, 0, $"stance cue {k} has unknown type '{t.GetString()}'");
                string holder = c.TryGetProperty("holder", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : StanceCue.Author;
                cues.Add(new GoldCue(start, end, type, holder));
            }
        }
        return (id, text, cues);
    }

    /// <summary>Gold BILOU tags per token (overlapping gold cues: the earlier, then longer, one wins).</summary>
    internal static int[] GoldTags(Document doc, IReadOnlyList<GoldCue> cues)
    {
        var tokens = doc.TokenStore;
        var tags = new int[tokens.Length];
        foreach (var c in cues.OrderBy(c => c.Start).ThenByDescending(c => c.End))
        {
            int s = doc.TokenIndexAt(c.Start);
            if (s < 0 || s >= tokens.Length) continue;
            int e = s;
            while (e < tokens.Length && tokens[e].Start < c.End) e++;
            bool free = true;
            for (int i = s; i < e; i++) free &= tags[i] == 0;
            if (!free || e == s) continue;
            for (int i = s; i < e; i++) tags[i] = Bilou.TagIn((int)c.Type, s, e, i);
        }
        return tags;
    }

    /// <summary>Trains a model on gold documents (greedy decoding with the model's own previous tags, averaged weights).</summary>
    public static StanceModel Train(IReadOnlyList<StanceGoldDocument> documents, StanceTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new StanceTrainingOptions();
        var rules = new StanceDetector(StanceLexicon.Default, null);
        var data = new List<(StanceFeatures X, (int Start, int End)[] Sentences, int[] Gold)>();
        try
        {
            foreach (var d in documents)
            {
                if (d.Document.TokenStore.Length == 0) continue;
                var x = new StanceFeatures(d.Document);
                rules.Detect(d.Document, null, x); // marks the built-in rows' cues as features
                var sentences = d.Document.Sentences.Count > 0
                    ? d.Document.Sentences.Select(s => (s.TokenStart, s.TokenEnd)).ToArray()
                    : [(0, d.Document.TokenStore.Length)];
                int copies = options.Copies?.GetValueOrDefault(d.Id, 1) ?? 1;
                var gold = GoldTags(d.Document, d.Cues);
                for (int k = 0; k < copies; k++) data.Add((x, sentences, gold));
            }
            var units = data.SelectMany((d, di) => d.Sentences.Select(s => (Doc: di, s.Item1, s.Item2))).ToArray();
            var perceptron = new AveragedPerceptron(StanceModel.ClassCount);
            var random = new Random(options.Seed);
            Span<ulong> f = stackalloc ulong[StanceModel.MaxFeatures];
            var scores = new float[perceptron.ScoreLength];
            for (int epoch = 0; epoch < options.Epochs; epoch++)
            {
                random.Shuffle(units);
                foreach (var (di, start, end) in units)
                {
                    var (x, _, gold) = data[di];
                    int prev = 0, prev2 = 0;
                    for (int i = start; i < end; i++)
                    {
                        if (!Bilou.IsOpen(prev) && StanceModel.CannotStart(x, i, end))
                        {
                            prev2 = prev;
                            prev = 0;
                            continue;
                        }
                        int n = StanceModel.Features(x, start, end, i, prev, prev2, f);
                        Array.Clear(scores);
                        perceptron.Score(f[..n], scores);
                        int guess = StanceModel.Best(scores, prev, i + 1 == end);
                        int truth = gold[i];
                        // a gold span cut by a sentence boundary cannot be decoded: train on the nearest legal tag
                        if (!Bilou.Allowed(prev, truth) || i + 1 == end && Bilou.IsOpen(truth)) truth = guess;
                        if (guess != truth) perceptron.Update(f[..n], truth, guess);
                        perceptron.NextInstance();
                        prev2 = prev;
                        prev = guess;
                    }
                }
            }
            var meta = new Dictionary<string, string>
            {
                ["documents"] = string.Join(" ", documents.Select(d => d.Id)),
                ["epochs"] = options.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["seed"] = options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["outside_penalty"] = options.OutsidePenalty.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                ["min_weight"] = options.MinWeight.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            };
            return new StanceModel(perceptron.Averaged(options.MinWeight), meta);
        }
        finally
        {
            foreach (var x in data.Select(d => d.X).Distinct()) x.Dispose();
        }
    }

    // ------------------------------------------------------------------ evaluation

    /// <summary>
    /// Leave-one-document-out cross-validation: for each document, a model trained on all the others tags it; counts are
    /// pooled over the documents.
    /// </summary>
    /// <param name="documents">The documents to cross-validate.</param>
    /// <param name="options">Training options.</param>
    /// <param name="log">Receives one line per fold.</param>
    /// <param name="errors">Receives the held-out errors (see <see cref="WriteErrors"/>).</param>
    /// <param name="extra">Training-only documents (e.g. second annotations); one with the held-out document's id is left out of that fold.</param>
    public static StanceScores CrossValidate(IReadOnlyList<StanceGoldDocument> documents, StanceTrainingOptions? options = null, Action<string>? log = null, TextWriter? errors = null,
        IReadOnlyList<StanceGoldDocument>? extra = null)
    {
        var total = new StanceScores();
        for (int k = 0; k < documents.Count; k++)
        {
            var train = documents.Where((_, j) => j != k).Concat((extra ?? []).Where(e => e.Id != documents[k].Id)).ToList();
            var model = Train(train, options);
            var detector = new StanceDetector(StanceLexicon.Default, model);
            var fold = Score(detector, [documents[k]]);
            if (errors is not null) WriteErrors(errors, documents[k], detector.Detect(documents[k].Document));
            log?.Invoke($"{documents[k].Id}: lenient F1 {fold.Lenient.F1:0.000} (strict {fold.Strict.F1:0.000}, {fold.Gold} gold cues)");
            total.Add(fold);
        }
        return total;
    }

    /// <summary>Lists gold cues no system cue of the same type overlaps (MISS) and system cues no gold cue overlaps (EXTRA), with their sentence.</summary>
    public static void WriteErrors(TextWriter w, StanceGoldDocument d, IReadOnlyList<StanceCue> system)
    {
        var text = d.Document.Text;
        string Sentence(int offset)
        {
            var doc = d.Document;
            int t = Math.Min(doc.TokenIndexAt(offset), doc.TokenStore.Length - 1);
            int si = doc.SentenceIndexOf(t);
            if (si < 0) return "";
            var s = doc.Sentences[si];
            return text[s.Start..s.End].ReplaceLineEndings(" ");
        }
        foreach (var g in d.Cues)
            if (!system.Any(c => c.Type == g.Type && c.Start < g.End && g.Start < c.End))
            {
                var other = system.FirstOrDefault(c => c.Start < g.End && g.Start < c.End);
                w.WriteLine($"MISS {g.Type,-10} '{text[g.Start..g.End]}' ({g.Holder}){(other is null ? "" : $" [as {other.Type} '{other.Text}']")} | {Sentence(g.Start)}");
            }
        foreach (var c in system)
            if (!d.Cues.Any(g => c.Type == g.Type && c.Start < g.End && g.Start < c.End))
                w.WriteLine($"EXTRA {c.Type,-10} '{c.Text}' ({c.Holder}) | {Sentence(c.Start)}");
        foreach (var c in system)
            foreach (var g in d.Cues)
                if (c.Type == g.Type && c.Start < g.End && g.Start < c.End && !StanceScores.SameHolder(g.Holder, c.Holder))
                    w.WriteLine($"HOLDER {c.Type,-10} '{c.Text}' gold '{g.Holder}' system '{c.Holder}' | {Sentence(c.Start)}");
    }

    /// <summary>Scores a detector on gold documents.</summary>
    public static StanceScores Score(StanceDetector detector, IEnumerable<StanceGoldDocument> documents)
    {
        var scores = new StanceScores();
        foreach (var d in documents) scores.Add(d.Document.Text, d.Cues, detector.Detect(d.Document));
        return scores;
    }
}

/// <summary>Precision, recall and F1 from counts.</summary>
internal readonly record struct Prf(int TruePositives, int System, int Gold)
{
    public double Precision => System == 0 ? 0 : (double)TruePositives / System;
    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Stance cue scores as the evaluation set's <c>score.py</c> computes them: per type, strict (exact span) and lenient
/// (character overlap, one-to-one, exact and then larger overlaps first) matches; plus holder accuracy over the lenient
/// matches (holders compared case-insensitively without a leading "the"; a surname matches the full name).
/// </summary>
internal sealed class StanceScores
{
    private readonly int[,] _counts = new int[7, 4]; // strict tp, lenient tp, system, gold

    public int HolderMatched { get; private set; }
    public int HolderCorrect { get; private set; }
    public int Gold => Enumerable.Range(0, 7).Sum(t => _counts[t, 3]);

    public double HolderAccuracy => HolderMatched == 0 ? 0 : (double)HolderCorrect / HolderMatched;

    public Prf Strict => new(Sum(0), Sum(2), Sum(3));
    public Prf Lenient => new(Sum(1), Sum(2), Sum(3));
    public Prf StrictOf(StanceCueType t) => new(_counts[(int)t, 0], _counts[(int)t, 2], _counts[(int)t, 3]);
    public Prf LenientOf(StanceCueType t) => new(_counts[(int)t, 1], _counts[(int)t, 2], _counts[(int)t, 3]);

    private int Sum(int column) => Enumerable.Range(0, 7).Sum(t => _counts[t, column]);

    public void Add(StanceScores other)
    {
        for (int t = 0; t < 7; t++)
            for (int c = 0; c < 4; c++)
                _counts[t, c] += other._counts[t, c];
        HolderMatched += other.HolderMatched;
        HolderCorrect += other.HolderCorrect;
    }

    public void Add(string text, IReadOnlyList<GoldCue> gold, IReadOnlyList<StanceCue> system)
    {
        for (int t = 0; t < 7; t++)
        {
            var type = (StanceCueType)t;
            var g = gold.Where(c => c.Type == type).ToList();
            var s = system.Where(c => c.Type == type).ToList();
            _counts[t, 2] += s.Count;
            _counts[t, 3] += g.Count;
            var remaining = g.GroupBy(c => (c.Start, c.End)).ToDictionary(x => x.Key, x => x.Count());
            foreach (var c in s)
                if (remaining.TryGetValue((c.Start, c.End), out int left) && left > 0) { remaining[(c.Start, c.End)] = left - 1; _counts[t, 0]++; }
            var pairs = new List<(int Exact, int Overlap, int G, int S)>();
            for (int i = 0; i < g.Count; i++)
                for (int j = 0; j < s.Count; j++)
                {
                    int ov = Math.Min(g[i].End, s[j].End) - Math.Max(g[i].Start, s[j].Start);
                    if (ov > 0) pairs.Add((g[i].Start == s[j].Start && g[i].End == s[j].End ? 1 : 0, ov, i, j));
                }
            pairs.Sort((a, b) => a.Exact != b.Exact ? b.Exact.CompareTo(a.Exact) : a.Overlap != b.Overlap ? b.Overlap.CompareTo(a.Overlap) : a.G != b.G ? a.G.CompareTo(b.G) : a.S.CompareTo(b.S));
            var usedG = new HashSet<int>();
            var usedS = new HashSet<int>();
            foreach (var (_, _, i, j) in pairs)
            {
                if (usedG.Contains(i) || usedS.Contains(j)) continue;
                usedG.Add(i);
                usedS.Add(j);
                _counts[t, 1]++;
                HolderMatched++;
                if (SameHolder(g[i].Holder, s[j].Holder)) HolderCorrect++;
            }
        }
    }

    internal static bool SameHolder(string gold, string system)
    {
        static string Norm(string h)
        {
            h = h.Trim().ToLowerInvariant().Replace('’', '\'');
            if (h.StartsWith("the ", StringComparison.Ordinal)) h = h[4..];
            if (h.EndsWith("'s", StringComparison.Ordinal)) h = h[..^2];
            return h;
        }
        string a = Norm(gold), b = Norm(system);
        if (a == b) return true;
        // "Pashinyan" and "Nikol Pashinyan": the last word of the longer is the shorter one
        return a.EndsWith(" " + b, StringComparison.Ordinal) || b.EndsWith(" " + a, StringComparison.Ordinal);
    }
}
