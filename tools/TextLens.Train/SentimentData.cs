using System.Globalization;
using System.Text.Json;
using TextLens.Sentiment;
using TextLens.Tagging;

namespace TextLens.Train;

/// <summary>One featurised sentence: where it comes from, its group (document or sentence, for cross-validation) and gold label (class index 0..2).</summary>
internal sealed record SentenceExample(string Source, string Group, int Label, ulong[] Features)
{
    /// <summary>The sentence text, kept in memory for error listings (never written to the repository).</summary>
    public string Text { get; init; } = "";
}

/// <summary>One featurised target mention of NewsMTSC: its sentence (the group), gold tone and whether its sentence's targets disagree.</summary>
internal sealed record TargetExample(string Group, int Label, bool MixedSentence, ulong[] Features);

/// <summary>Cross-validated figures of the sentiment models.</summary>
internal sealed record SentimentCvResult(double Accuracy, double MacroF1, int Count);

/// <summary>Target-level cross-validation on NewsMTSC, plus how often the entity tone departs from the sentence label.</summary>
internal sealed record TargetCvResult(double Accuracy, double MacroF1, int Count, double DiffersOverall, int MixedTargets, double DiffersOnMixed, double AccuracyOnMixed, double SentenceLabelAccuracyOnMixed);

/// <summary>
/// Training data for <see cref="SentimentModel"/> and its cross-validation: NewsMTSC (political news; sentence labels where
/// all targets agree, every target for the target model), the dev commentaries' gold sentences, the Huseynov article's
/// gold sentences and the repository's own labelled CSVs. Texts are processed by the English pipeline without its
/// sentiment stage, then featurised exactly as <see cref="SentimentAnalyzer"/> does at run time.
/// </summary>
internal sealed class SentimentData
{
    /// <summary>
    /// Training settings, chosen by the cross-validation below (logistic regression by SGD scored the same within 0.01, so
    /// the shared perceptron stays): perceptron epochs, and how many times each commentary, article or CSV sentence is
    /// repeated (NewsMTSC once), so that the 1,200 commentary-style sentences are not drowned by 7,400 news sentences.
    /// Epochs 2–8 and weights 1–10 all lie within 0.02 of each other on the dev cross-validation.
    /// </summary>
    public const int DefaultEpochs = 4;
    public const int DefaultCommentaryWeight = 3;

    public List<SentenceExample> Sentences { get; } = [];

    /// <summary>When set, cross-validation lists each wrongly predicted dev sentence here.</summary>
    public TextWriter? ErrorLog { get; set; }
    public List<TargetExample> Targets { get; } = [];

    private readonly Pipeline _nlp = Pipeline.CreateEnglish().Disable("sentiment");
    private readonly SentimentScorer _scorer = new(SentimentLexicon.Default, new SentimentOptions());

    /// <summary>Loads everything that exists under <paramref name="shared"/> and <paramref name="repo"/>.</summary>
    public static SentimentData Load(string shared, string repo, TextWriter? log = null, int maxNewsSentences = int.MaxValue)
    {
        var data = new SentimentData();
        string news = Path.Combine(shared, "corpora", "newsmtsc", "train.jsonl");
        if (File.Exists(news)) data.AddNewsMtsc(news, maxNewsSentences);
        foreach (var (dir, source) in new[] { (Path.Combine(shared, "eval", "dev"), "dev"), (Path.Combine(shared, "eval", "public"), "article") })
            if (Directory.Exists(Path.Combine(dir, "gold"))) data.AddGold(dir, source);
        foreach (var csv in new[] { "sentiment.csv", "sentiment-heldout.csv" })
        {
            string path = Path.Combine(repo, "data", "training", csv);
            if (File.Exists(path)) data.AddCsv(path);
        }
        log?.WriteLine(string.Join(", ", data.Sentences.GroupBy(s => s.Source).Select(g => $"{g.Key} {g.Count()} sentences")) + $", newsmtsc {data.Targets.Count} targets");
        return data;
    }

    /// <summary>Class index of a gold label −1/0/+1.</summary>
    public static int ClassOf(int label) => Math.Sign(label) + 1;

    private (ulong[] Sentence, SentimentScore Score, CueCounts Counts) Featurise(Document doc, int s, int e)
    {
        int hedges = -1;
        if (doc.StanceCues.Count > 0 && e > s)
        {
            hedges = 0;
            int a = doc.TokenStore[s].Start, b = doc.TokenStore[e - 1].End;
            foreach (var c in doc.StanceCues)
                if (c.Start >= a && c.Start < b && c.Type == StanceCueType.Hedge) hedges++;
        }
        var score = _scorer.Score(doc, s, e, hedges, out var counts);
        var f = new FeatureBuffer(256);
        try
        {
            SentimentFeatures.Sentence(doc, s, e, score, counts, ref f);
            return (f.Keys.ToArray(), score, counts);
        }
        finally { f.Dispose(); }
    }

    private void AddNewsMtsc(string path, int max)
    {
        int n = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            if (n >= max) break;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string text = root.GetProperty("sentence_normalized").GetString() ?? "";
            string group = "news:" + n.ToString(CultureInfo.InvariantCulture);
            n++;
            var doc = _nlp.Process(text);
            int end = doc.TokenStore.Length;
            if (end == 0) continue;
            var (sentence, score, counts) = Featurise(doc, 0, end);
            var labels = new List<int>();
            var mentions = new List<(int A, int B, int Label)>();
            foreach (var t in root.GetProperty("targets").EnumerateArray())
            {
                int label = t.GetProperty("polarity").GetDouble() switch { < 3 => -1, > 5 => 1, _ => 0 };
                labels.Add(label);
                int from = t.GetProperty("from").GetInt32(), to = t.GetProperty("to").GetInt32();
                int a = -1, b = -1;
                for (int i = 0; i < end; i++)
                {
                    ref readonly var tok = ref doc.TokenStore[i];
                    if (tok.End <= from || tok.Start >= to) continue;
                    if (a < 0) a = i;
                    b = i + 1;
                }
                if (a >= 0) mentions.Add((a, b, label));
            }
            bool agree = labels.Count > 0 && labels.All(l => l == labels[0]);
            if (agree) Sentences.Add(new SentenceExample("newsmtsc", group, ClassOf(labels[0]), sentence));
            foreach (var (a, b, label) in mentions)
            {
                var f = new FeatureBuffer(sentence.Length + 64);
                try
                {
                    foreach (var k in sentence) f.Add(k);
                    SentimentFeatures.Target(doc, 0, end, a, b, score, ref f);
                    Targets.Add(new TargetExample(group, ClassOf(label), !agree, f.Keys.ToArray()));
                }
                finally { f.Dispose(); }
            }
        }
    }

    private void AddGold(string dir, string source)
    {
        foreach (var goldFile in Directory.GetFiles(Path.Combine(dir, "gold"), "*.json").Order(StringComparer.Ordinal))
        {
            string id = Path.GetFileNameWithoutExtension(goldFile);
            string text = File.ReadAllText(Path.Combine(dir, "texts", id + ".txt"));
            var doc = _nlp.Process(text, id);
            using var gold = JsonDocument.Parse(File.ReadAllText(goldFile));
            foreach (var g in gold.RootElement.GetProperty("sentences").EnumerateArray())
            {
                if (!g.TryGetProperty("sentiment", out var gs) || gs.ValueKind != JsonValueKind.Number) continue;
                int s = g.GetProperty("start").GetInt32(), e = g.GetProperty("end").GetInt32();
                var (a, b) = TokenRange(doc, s, e);
                if (b <= a) continue;
                Sentences.Add(new SentenceExample(source, source + ":" + id, ClassOf(gs.GetInt32()), Featurise(doc, a, b).Sentence) { Text = text[s..e] });
            }
        }
    }

    private void AddCsv(string path)
    {
        foreach (var ex in SentimentTrainer.ReadCsv(path))
        {
            int label = ex.Label.Trim() switch { "-1" => -1, "1" or "+1" => 1, _ => 0 };
            var doc = _nlp.Process(ex.Text);
            if (doc.TokenStore.Length == 0) continue;
            Sentences.Add(new SentenceExample("csv", "csv", ClassOf(label), Featurise(doc, 0, doc.TokenStore.Length).Sentence));
        }
    }

    /// <summary>Tokens lying inside the character span [s, e).</summary>
    private static (int A, int B) TokenRange(Document doc, int s, int e)
    {
        int a = -1, b = -1;
        for (int i = 0; i < doc.TokenStore.Length; i++)
        {
            ref readonly var t = ref doc.TokenStore[i];
            if (t.Start < s) continue;
            if (t.End > e) break;
            if (a < 0) a = i;
            b = i + 1;
        }
        return a < 0 ? (0, 0) : (a, b);
    }

    // ------------------------------------------------------------------ training and cross-validation

    /// <summary>Trains an averaged perceptron: <paramref name="epochs"/> passes in a seeded shuffled order, examples repeated by their weight.</summary>
    public static AveragedPerceptron TrainPerceptron(IReadOnlyList<(ulong[] Features, int Label, int Weight)> examples, int epochs, int seed)
    {
        var p = new AveragedPerceptron(SentimentModel.Classes.Length);
        var order = new List<int>();
        for (int i = 0; i < examples.Count; i++)
            for (int r = 0; r < examples[i].Weight; r++) order.Add(i);
        var idx = order.ToArray();
        var rng = new Random(seed);
        Span<float> scratch = stackalloc float[16];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(idx);
            foreach (int i in idx) p.Train(examples[i].Features, examples[i].Label, scratch);
        }
        p.Average();
        return p;
    }

    private static int Weight(SentenceExample e, int commentaryWeight) => e.Source == "newsmtsc" ? 1 : commentaryWeight;

    /// <summary>The sentence model trained on the given examples.</summary>
    /// <summary>
    /// The sentence model for commentary text. Domain adaptation by feature augmentation (Daumé 2007, "frustratingly easy"):
    /// in training every feature also has a news-only or a commentary-only copy, so NewsMTSC teaches what the domains share
    /// and the commentaries what is theirs; then each feature's shared and commentary rows are folded into one row, so the
    /// shipped model scores commentary text with one lookup per feature.
    /// </summary>
    public static AveragedPerceptron TrainSentence(IEnumerable<SentenceExample> examples, int epochs, int commentaryWeight, int seed)
    {
        var list = examples.ToList();
        var data = list.Select(e => (Augment(e.Features, e.Source == "newsmtsc"), e.Label, Weight(e, commentaryWeight))).ToList();
        var weights = new Dictionary<ulong, float[]>();
        foreach (var (key, cls, w) in TrainPerceptron(data, epochs, seed).Weights())
        {
            if (!weights.TryGetValue(key, out var row)) weights[key] = row = new float[SentimentModel.Classes.Length];
            row[cls] = w;
        }
        var folded = new Dictionary<ulong, float[]>();
        foreach (var e in list)
            foreach (ulong k in e.Features)
            {
                if (folded.ContainsKey(k)) continue;
                var row = new float[SentimentModel.Classes.Length];
                if (weights.TryGetValue(k, out var shared)) for (int c = 0; c < row.Length; c++) row[c] += shared[c];
                if (weights.TryGetValue(DomainKey(k, news: false), out var own)) for (int c = 0; c < row.Length; c++) row[c] += own[c];
                folded[k] = row;
            }
        return AveragedPerceptron.FromWeights(SentimentModel.Classes.Length, folded);
    }

    private static ulong DomainKey(ulong key, bool news) => TextLens.Tagging.FeatureHash.Mix(key ^ (news ? 0x5EED_0000_0000_0001UL : 0x5EED_0000_0000_0002UL));

    /// <summary>The features plus their domain-only copies.</summary>
    private static ulong[] Augment(ulong[] f, bool news)
    {
        var r = new ulong[f.Length * 2];
        f.CopyTo(r, 0);
        for (int i = 0; i < f.Length; i++) r[f.Length + i] = DomainKey(f[i], news);
        return r;
    }

    /// <summary>The target model trained on the given NewsMTSC targets.</summary>
    public static AveragedPerceptron TrainTarget(IEnumerable<TargetExample> examples, int epochs, int seed) =>
        TrainPerceptron(examples.Select(e => (e.Features, e.Label, 1)).ToList(), epochs, seed);

    /// <summary>Trains the shipped model on everything.</summary>
    public SentimentModel TrainModel(int epochs, int commentaryWeight, int seed, IReadOnlyDictionary<string, string> metadata)
    {
        var sentence = TrainSentence(Sentences, epochs, commentaryWeight, seed);
        var stacked = WithSentenceClass(Targets,
            g => TrainSentence(Sentences.Where(s => s.Source != "newsmtsc" || NewsFold(s.Group) != g), epochs, commentaryWeight, seed));
        var target = stacked.Count > 0 ? TrainTarget(stacked, epochs, seed) : null;
        var meta = new Dictionary<string, string>(metadata)
        {
            ["sentence-temperature"] = FitTemperature(sentence, Sentences.Select(s => (s.Features, s.Label))).ToString("R", CultureInfo.InvariantCulture),
        };
        if (target is not null) meta["target-temperature"] = FitTemperature(target, stacked.Select(t => (t.Features, t.Label))).ToString("R", CultureInfo.InvariantCulture);
        return new SentimentModel(sentence, target, meta);
    }

    private const int NewsFolds = 5;

    /// <summary>The fold (0..4) of a NewsMTSC sentence, for cross-validation and cross-fitting.</summary>
    private static int NewsFold(string group) => (int)((uint)int.Parse(group.AsSpan(5), CultureInfo.InvariantCulture) % NewsFolds);

    /// <summary>
    /// The targets with the sentence model's class as one more feature (stacking, <see cref="SentimentFeatures.SentenceClassKey"/>).
    /// Cross-fitted: a target's class comes from a sentence model trained without its fold's sentences, as at run time the
    /// sentence model has never seen the sentence.
    /// </summary>
    private static List<TargetExample> WithSentenceClass(IEnumerable<TargetExample> targets, Func<int, AveragedPerceptron> sentenceModelWithoutFold)
    {
        var models = new Dictionary<int, AveragedPerceptron>();
        var result = new List<TargetExample>();
        foreach (var t in targets)
        {
            int g = NewsFold(t.Group);
            if (!models.TryGetValue(g, out var m)) models[g] = m = sentenceModelWithoutFold(g);
            result.Add(t with { Features = WithClass(t.Features, Predict(m, t.Features)) });
        }
        return result;
    }

    private static ulong[] WithClass(ulong[] features, int cls)
    {
        var r = new ulong[features.Length + 1];
        features.CopyTo(r, 0);
        r[^1] = SentimentFeatures.SentenceClassKey(cls);
        return r;
    }

    /// <summary>The softmax temperature (a power of √2) with the least log-loss on the examples.</summary>
    public static double FitTemperature(AveragedPerceptron model, IEnumerable<(ulong[] Features, int Label)> examples)
    {
        var scored = new List<(float[] Scores, int Label)>();
        foreach (var (features, label) in examples)
        {
            var scores = new float[16];
            model.Predict(features, scores);
            scored.Add((scores[..3], label));
        }
        double best = 1, bestLoss = double.MaxValue;
        for (int k = -8; k <= 24; k++)
        {
            double t = Math.Pow(2, k / 2.0), loss = 0;
            foreach (var (s, label) in scored)
            {
                double max = Math.Max(s[0], Math.Max(s[1], s[2])), z = 0;
                for (int c = 0; c < 3; c++) z += Math.Exp((s[c] - max) / t);
                loss -= (s[label] - max) / t - Math.Log(z);
            }
            if (loss < bestLoss) { bestLoss = loss; best = t; }
        }
        return best;
    }

    /// <summary>
    /// Leave-one-document-out on the dev commentaries: for each dev document, train on every other example (NewsMTSC,
    /// the other nine, the article, the CSVs) and predict its sentences; the predictions of all ten are pooled.
    /// </summary>
    public SentimentCvResult DevLeaveOneDocumentOut(int epochs, int commentaryWeight, int seed, TextWriter? log = null)
    {
        var pairs = new List<(int Gold, int Pred)>();
        foreach (var doc in Sentences.Where(s => s.Source == "dev").Select(s => s.Group).Distinct().Order(StringComparer.Ordinal))
        {
            var model = TrainSentence(Sentences.Where(s => s.Group != doc), epochs, commentaryWeight, seed);
            int before = pairs.Count;
            foreach (var s in Sentences.Where(s => s.Group == doc))
            {
                pairs.Add((s.Label, Predict(model, s.Features)));
                if (ErrorLog is not null && pairs[^1].Pred != s.Label) ErrorLog.WriteLine($"gold {s.Label - 1,2} pred {pairs[^1].Pred - 1,2} | {s.Text.ReplaceLineEndings(" ")}");
            }
            var (acc, f1) = Metrics(pairs.Skip(before));
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {doc}: accuracy {acc:0.000}, macro-F1 {f1:0.000} ({pairs.Count - before} sentences)"));
        }
        var (a, m) = Metrics(pairs);
        log?.WriteLine("  confusion (gold row -1/0/1, predicted columns): " + string.Join(" | ", Enumerable.Range(0, 3).Select(g => string.Join(" ", Enumerable.Range(0, 3).Select(p => pairs.Count(x => x.Gold == g && x.Pred == p))))));
        return new SentimentCvResult(a, m, pairs.Count);
    }

    /// <summary>
    /// The article held out: train on everything but the article, predict its sentences.
    /// </summary>
    public SentimentCvResult ArticleHeldOut(int epochs, int commentaryWeight, int seed)
    {
        var model = TrainSentence(Sentences.Where(s => s.Source != "article"), epochs, commentaryWeight, seed);
        var pairs = Sentences.Where(s => s.Source == "article").Select(s => (s.Label, Predict(model, s.Features))).ToList();
        var (a, m) = Metrics(pairs);
        return new SentimentCvResult(a, m, pairs.Count);
    }

    /// <summary>
    /// NewsMTSC k-fold by sentence: the target model (and the sentence model, for comparison) trained on the other folds'
    /// sentences (the sentence model also on the commentaries and CSVs), scored on every target of the held-out fold.
    /// </summary>
    public TargetCvResult NewsTargetCrossValidation(int epochs, int commentaryWeight, int seed)
    {
        int FoldOf(string group) => NewsFold(group);
        var pairs = new List<(int Gold, int Pred)>();
        int differs = 0, mixed = 0, mixedDiffers = 0, mixedRight = 0, mixedSentenceRight = 0;
        var withoutTwo = new Dictionary<(int, int), AveragedPerceptron>(); // the model without folds {f, g} serves (f, g) and (g, f)
        for (int f = 0; f < NewsFolds; f++)
        {
            // Nested cross-fitting: the training targets' sentence classes come from sentence models that saw neither
            // their own fold nor the held-out one.
            int held = f;
            var stacked = WithSentenceClass(Targets.Where(t => FoldOf(t.Group) != held), g =>
            {
                var key = (Math.Min(held, g), Math.Max(held, g));
                if (!withoutTwo.TryGetValue(key, out var m))
                    withoutTwo[key] = m = TrainSentence(Sentences.Where(s => s.Source != "newsmtsc" || (FoldOf(s.Group) != held && FoldOf(s.Group) != g)), epochs, commentaryWeight, seed);
                return m;
            });
            var target = TrainTarget(stacked, epochs, seed);
            var sentence = TrainSentence(Sentences.Where(s => s.Source != "newsmtsc" || FoldOf(s.Group) != f), epochs, commentaryWeight, seed);
            var sentenceOf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var t in Targets)
            {
                if (FoldOf(t.Group) != f) continue;
                // The sentence features are the target features' prefix: the sentence model ignores the rest (unknown keys).
                if (!sentenceOf.TryGetValue(t.Group, out int sent)) sentenceOf[t.Group] = sent = Predict(sentence, t.Features);
                int pred = Predict(target, WithClass(t.Features, sent));
                pairs.Add((t.Label, pred));
                if (pred != sent) differs++;
                if (!t.MixedSentence) continue;
                mixed++;
                if (pred != sent) mixedDiffers++;
                if (pred == t.Label) mixedRight++;
                if (sent == t.Label) mixedSentenceRight++;
            }
        }
        var (a, m) = Metrics(pairs);
        return new TargetCvResult(a, m, pairs.Count, differs / (double)Math.Max(1, pairs.Count), mixed,
            mixedDiffers / (double)Math.Max(1, mixed), mixedRight / (double)Math.Max(1, mixed), mixedSentenceRight / (double)Math.Max(1, mixed));
    }

    /// <summary>Accuracy and macro-F1 of a sentence model on examples (e.g. the article with the shipped model).</summary>
    public static SentimentCvResult Score(AveragedPerceptron model, IEnumerable<SentenceExample> examples)
    {
        var pairs = examples.Select(s => (s.Label, Predict(model, s.Features))).ToList();
        var (a, m) = Metrics(pairs);
        return new SentimentCvResult(a, m, pairs.Count);
    }

    public static int Predict(AveragedPerceptron model, ulong[] features) => SentimentModel.Decide(model, features, 1, out _);

    /// <summary>Accuracy and macro-F1 over the classes that occur in gold or predictions (as ../shared/eval/score.py).</summary>
    public static (double Accuracy, double MacroF1) Metrics(IEnumerable<(int Gold, int Pred)> pairs)
    {
        var list = pairs.ToList();
        if (list.Count == 0) return (0, 0);
        double acc = list.Count(p => p.Gold == p.Pred) / (double)list.Count;
        var classes = new[] { 0, 1, 2 }.Where(c => list.Any(p => p.Gold == c || p.Pred == c)).ToArray();
        double f1 = 0;
        foreach (int c in classes)
        {
            int tp = list.Count(p => p.Gold == c && p.Pred == c), fp = list.Count(p => p.Gold != c && p.Pred == c), fn = list.Count(p => p.Gold == c && p.Pred != c);
            f1 += tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        }
        return (acc, f1 / classes.Length);
    }
}
