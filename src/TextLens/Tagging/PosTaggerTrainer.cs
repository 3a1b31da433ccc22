using System.Collections.Frozen;
using System.Diagnostics;
using TextLens.Tagging;

namespace TextLens;

/// <summary>Settings for <see cref="PosTaggerTrainer"/>.</summary>
public sealed record PosTaggerTrainingOptions
{
    /// <summary>Passes over the training data (default 10).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Seed of the shuffle before each epoch; the same seed and data give the same model, byte for byte.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Words seen at least this often with one tag in ≥ <see cref="FixedTagRatio"/> of cases are tagged by lookup (default 20).</summary>
    public int FixedTagMinCount { get; init; } = 20;

    /// <summary>See <see cref="FixedTagMinCount"/> (default 0.97).</summary>
    public double FixedTagRatio { get; init; } = 0.97;

    /// <summary>Words seen fewer times get the "unknown" ambiguity class, like unseen words at run time (default 2).</summary>
    public int AmbiguityMinCount { get; init; } = 2;

    /// <summary>Averaged weights smaller than this are dropped from the saved model (default 0.001).</summary>
    public float PruneBelow { get; init; } = 0.001f;

    /// <summary>Also train on copies of sentences with letter–hyphen–letter compounds merged into one token, as TextLens's tokenizer writes them (default true).</summary>
    public bool MergeHyphenated { get; init; } = true;

    /// <summary>Keep the epoch with the best development-set accuracy instead of the last one (default true; needs a development file).</summary>
    public bool KeepBestEpoch { get; init; } = true;

    /// <summary>A WordNet 3.0 dictionary folder (index.noun …, e.g. /usr/share/wordnet from the Debian package wordnet-base) whose word classes become features; null for none.</summary>
    public string? WordNetFolder { get; init; }

    /// <summary>Receives progress lines (epoch, training accuracy, development score).</summary>
    public Action<string>? Log { get; init; }
}

/// <summary>
/// Trains the <see cref="PosTagger"/> (and the <see cref="Lemmatizer"/>'s exception tables) from CoNLL-U treebanks,
/// such as UD English-EWT: <c>Train(train, dev, options).Save("pos.bin")</c>. Used by the <c>TextLens.Train pos</c> tool.
/// </summary>
public static class PosTaggerTrainer
{
    /// <summary>Trains a tagger.</summary>
    /// <param name="trainConllu">Training treebank (CoNLL-U).</param>
    /// <param name="devConllu">Development treebank scored after each epoch, or null.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <returns>The trained tagger; save it with <see cref="PosTagger.Save"/>.</returns>
    /// <exception cref="DataFileException">A treebank is malformed.</exception>
    public static PosTagger Train(string trainConllu, string? devConllu = null, PosTaggerTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trainConllu);
        var train = Conllu.ReadFile(trainConllu);
        var dev = devConllu is null ? null : Conllu.ReadFile(devConllu);
        var model = Train(train, dev, options ?? new PosTaggerTrainingOptions(), Path.GetFileName(trainConllu));
        return new PosTagger(model);
    }

    internal static PosModel Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, PosTaggerTrainingOptions o, string trainName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Epochs, 1);
        var log = o.Log ?? (_ => { });
        var clock = Stopwatch.StartNew();

        var instances = new List<ConlluSentence>(train);
        if (o.MergeHyphenated)
            foreach (var s in train)
            {
                var m = Conllu.MergeHyphenated(s);
                if (!ReferenceEquals(m, s)) instances.Add(m);
            }

        var labels = instances.SelectMany(s => s.Words).Select(w => w.Joint).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Length; i++) labelIds[labels[i]] = i;

        // Tag dictionary (case kept) and ambiguity classes (lower case), from the training words.
        var byWord = new Dictionary<ulong, Dictionary<int, int>>();
        var byLower = new Dictionary<ulong, (int Count, SortedSet<int> Tags)>();
        foreach (var s in instances)
            foreach (var w in s.Words)
            {
                string norm = TextNormalizer.Normalize(w.Form), lower = norm.ToLowerInvariant();
                int y = labelIds[w.Joint];
                var counts = byWord.TryGetValue(FeatureHash.Of(1, norm.AsSpan()), out var c) ? c : byWord[FeatureHash.Of(1, norm.AsSpan())] = [];
                counts[y] = counts.GetValueOrDefault(y) + 1;
                ulong lk = FeatureHash.Of(2, lower.AsSpan());
                (int Count, SortedSet<int> Tags) entry = byLower.TryGetValue(lk, out var e) ? e : (0, new SortedSet<int>());
                entry.Tags.Add(y);
                byLower[lk] = (entry.Count + 1, entry.Tags);
            }
        var fixedTags = new Dictionary<ulong, int>();
        foreach (var (key, counts) in byWord)
        {
            int total = counts.Values.Sum();
            var top = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).First();
            if (total >= o.FixedTagMinCount && top.Value >= o.FixedTagRatio * total) fixedTags[key] = top.Key;
        }
        var ambiguity = new Dictionary<ulong, ulong>();
        foreach (var (key, (count, tags)) in byLower)
        {
            if (count < o.AmbiguityMinCount) continue;
            ulong h = FeatureHash.Of(800);
            foreach (int t in tags) h = FeatureHash.Of(801, h, (ulong)t);
            ambiguity[key] = h;
        }
        var frozenFixed = fixedTags.ToFrozenDictionary();
        var frozenAmb = ambiguity.ToFrozenDictionary();

        var perceptron = new AveragedPerceptron(labels.Length);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["trained_on"] = trainName,
            ["epochs"] = o.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["seed"] = o.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["fixed_tags"] = $"min_count={o.FixedTagMinCount};ratio={o.FixedTagRatio.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            ["ambiguity_min_count"] = o.AmbiguityMinCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["merge_hyphenated"] = o.MergeHyphenated ? "true" : "false",
        };
        var lemmas = BuildLemmaTable(train);
        var lexicon = o.WordNetFolder is null ? WordLexicon.Empty : WordLexicon.FromWordNet(o.WordNetFolder);
        metadata["lexicon"] = o.WordNetFolder is null ? "none" : $"WordNet 3.0 ({lexicon.Count} words)";
        var working = new PosModel(labels, perceptron, frozenFixed, frozenAmb, lemmas, metadata, lexicon);

        // Precompute atoms and gold labels once.
        var atoms = new TokenAtoms[instances.Count][];
        var gold = new int[instances.Count][];
        for (int k = 0; k < instances.Count; k++)
        {
            var s = instances[k];
            var doc = WordsDocument(s.Words);
            atoms[k] = new TokenAtoms[s.Words.Length + 2 * TaggerFeatures.Pad];
            working.FillAtoms(doc, 0, s.Words.Length, atoms[k]);
            gold[k] = s.Words.Select(w => labelIds[w.Joint]).ToArray();
        }
        log($"{instances.Count} training sentences ({train.Count} + {instances.Count - train.Count} with merged hyphen compounds), " +
            $"{labels.Length} labels, {fixedTags.Count} fixed words, {ambiguity.Count} ambiguity entries, {lemmas.ExceptionCount} lemma exceptions; prepared in {clock.Elapsed.TotalSeconds:F1} s");

        var order = Enumerable.Range(0, instances.Count).ToArray();
        var rng = new Random(o.Seed);
        Span<ulong> feats = stackalloc ulong[TaggerFeatures.MaxFeatures];
        var scratch = new float[labels.Length];
        PosModel? best = null;
        double bestDev = -1;
        for (int epoch = 1; epoch <= o.Epochs; epoch++)
        {
            rng.Shuffle(order);
            long correct = 0, total = 0;
            foreach (int k in order)
            {
                var a = atoms[k];
                var y = gold[k];
                int p1 = -1, p2 = -2;
                for (int t = 0; t < y.Length; t++)
                {
                    int i = t + TaggerFeatures.Pad;
                    int guess = a[i].Fixed;
                    if (guess < 0)
                    {
                        int nf = TaggerFeatures.Extract(a, i, p1, p2, feats);
                        guess = perceptron.Train(feats[..nf], y[t], scratch);
                    }
                    if (guess == y[t]) correct++;
                    total++;
                    p2 = p1;
                    p1 = guess;
                }
            }
            string line = $"epoch {epoch}/{o.Epochs}: train {100.0 * correct / total:F2}% ({perceptron.FeatureCount:N0} features, {clock.Elapsed.TotalSeconds:F0} s)";
            if (dev is not null && (o.KeepBestEpoch || epoch == o.Epochs))
            {
                var snapshot = new PosModel(labels, perceptron.Averaged(o.PruneBelow), frozenFixed, frozenAmb, lemmas, metadata, lexicon);
                var score = PosEvaluator.EvaluateGold(snapshot, dev);
                line += $"; dev UPOS {score.UposAccuracy:P2} XPOS {score.XposAccuracy:P2}";
                if (score.UposAccuracy + score.XposAccuracy > bestDev)
                {
                    bestDev = score.UposAccuracy + score.XposAccuracy;
                    best = snapshot;
                    metadata["best_epoch"] = epoch.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            log(line);
        }
        if (best is null || !o.KeepBestEpoch)
        {
            metadata["best_epoch"] = o.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture);
            perceptron.Average(o.PruneBelow);
            best = new PosModel(labels, perceptron, frozenFixed, frozenAmb, lemmas, metadata, lexicon);
        }
        log($"model: {best.Weights.FeatureCount:N0} features, {best.Weights.WeightCount:N0} weights (epoch {metadata["best_epoch"]})");
        return new PosModel(best.Labels, best.Weights, frozenFixed, frozenAmb, lemmas, new Dictionary<string, string>(metadata), lexicon);
    }

    /// <summary>A document whose tokens are exactly the given words, separated by single spaces.</summary>
    internal static Document WordsDocument(IReadOnlyList<ConlluWord> words)
    {
        var sb = new System.Text.StringBuilder();
        var tokens = new TokenData[words.Count];
        for (int i = 0; i < words.Count; i++)
        {
            if (i > 0) sb.Append(' ');
            tokens[i] = new TokenData(sb.Length, words[i].Form.Length, TokenKind.Word, i < words.Count - 1);
            sb.Append(words[i].Form);
        }
        return new Document(sb.ToString(), "conllu", tokens);
    }

    /// <summary>Lemma exceptions: (form, UPOS) pairs whose majority lemma the suffix rules miss, plus the known-lemma set.</summary>
    internal static LemmaTable BuildLemmaTable(IReadOnlyList<ConlluSentence> train)
    {
        var known = new HashSet<ulong>();
        var groups = new Dictionary<(string Lower, UPos Pos), Dictionary<(string Lemma, string Xpos, string Norm), int>>();
        foreach (var s in train)
            foreach (var w in s.Words)
            {
                if (PosModel.ParseUpos(w.Upos) is not { } pos || w.Lemma == "_") continue;
                string norm = TextNormalizer.Normalize(w.Form), lower = norm.ToLowerInvariant();
                if (pos is UPos.Verb or UPos.Aux or UPos.Noun or UPos.Adj or UPos.Adv)
                    known.Add(LemmaTable.KnownKey(w.Lemma.ToLowerInvariant()));
                var key = (lower, pos);
                if (!groups.TryGetValue(key, out var g)) groups[key] = g = [];
                var k2 = (w.Lemma, w.Xpos, norm);
                g[k2] = g.GetValueOrDefault(k2) + 1;
            }
        var probe = new LemmaTable(new Dictionary<ulong, string>(), known);
        var exceptions = new Dictionary<ulong, string>();
        Span<char> buf = stackalloc char[80];
        foreach (var ((lower, pos), g) in groups.OrderBy(p => p.Key.Lower, StringComparer.Ordinal).ThenBy(p => p.Key.Pos))
        {
            if (lower.Length > 60) continue;
            // The lemma most often right for this (form, UPOS), by lower-cased comparison of what the rules would give.
            var byLemma = g.GroupBy(p => p.Key.Lemma).Select(x => (Lemma: x.Key, Count: x.Sum(p => p.Value)))
                .OrderByDescending(x => x.Count).ThenBy(x => x.Lemma, StringComparer.Ordinal).First();
            int ruleRight = 0, total = 0;
            foreach (var ((lemma, xpos, norm), count) in g)
            {
                total += count;
                int n = LemmaRules.Lemmatize(probe, norm, lower, pos, xpos, buf, out var ex);
                var got = n < 0 ? ex.AsSpan() : buf[..n];
                if (got.SequenceEqual(lemma)) ruleRight += count;
            }
            int tableRight = g.Where(p => p.Key.Lemma == byLemma.Lemma).Sum(p => p.Value);
            if (tableRight > ruleRight) exceptions[LemmaTable.Key(pos, lower)] = string.Intern(byLemma.Lemma);
        }
        return new LemmaTable(exceptions, known);
    }
}
