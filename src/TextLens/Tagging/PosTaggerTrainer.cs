using System.Collections.Frozen;
using System.Diagnostics;
using TextLens.Tagging;

namespace TextLens;

/// <summary>Settings for <see cref="PosTaggerTrainer"/>.</summary>
public sealed record PosTaggerTrainingOptions
{
    /// <summary>Passes over the training data (default 10; the best count for both passes on EWT dev).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Seed of the shuffle before each epoch; the same seed and data give the same model, byte for byte.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Words seen at least this often with one tag in ≥ <see cref="FixedTagRatio"/> of cases are tagged by lookup at run time,
    /// which skips the perceptron for them (default 20 with ratio 0.99: 555 words, 38% of EWT dev tokens, −0.01 UPOS on
    /// dev); 0 disables the lookup. Training always learns from every token.
    /// </summary>
    public int FixedTagMinCount { get; init; } = 20;

    /// <summary>See <see cref="FixedTagMinCount"/> (default 0.99).</summary>
    public double FixedTagRatio { get; init; } = 0.99;

    /// <summary>Words seen fewer times get the "unknown" ambiguity class, like unseen words at run time (default 2).</summary>
    public int AmbiguityMinCount { get; init; } = 2;

    /// <summary>
    /// Averaged weights smaller than this (in perceptron updates) are dropped from the final model: smaller and faster
    /// (1 halves the model) at some cost in accuracy (default 0: keep all).
    /// </summary>
    public float PruneBelow { get; init; }

    /// <summary>Also train on copies of sentences with letter–hyphen–letter compounds merged into one token, as TextLens's tokenizer writes them (default true).</summary>
    public bool MergeHyphenated { get; init; } = true;

    /// <summary>Keep the epoch with the best development-set accuracy instead of the last one (default true; needs a development file).</summary>
    public bool KeepBestEpoch { get; init; } = true;

    /// <summary>A WordNet 3.0 dictionary folder (index.noun …, e.g. /usr/share/wordnet from the Debian package wordnet-base) whose word classes become features; null for none.</summary>
    public string? WordNetFolder { get; init; }

    /// <summary>Add a second, stacked pass that also sees the first pass's tags to the right (default true).</summary>
    public bool Stacked { get; init; } = true;

    /// <summary>
    /// The stacked pass re-tags only tokens whose first-pass margin (best minus runner-up score) is below this; the rest
    /// keep their first-pass tag (default 8: about 97 % of the tokens skip the second pass, −0.02 UPOS on the EWT
    /// development set; +∞ re-tags every token).
    /// </summary>
    public float SecondPassMargin { get; init; } = 8f;

    /// <summary>
    /// How many of the most frequent training words get their static feature weights pre-summed at load time (default
    /// 4,096: about 9 MB of memory per pass). Speed only: tags do not depend on it.
    /// </summary>
    public int VocabularySize { get; init; } = 4096;

    /// <summary>Folds for the jackknifed first-pass tags the stacked pass trains on (default 4).</summary>
    public int Folds { get; init; } = 4;

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
        foreach (var s in train)
            foreach (var w in s.Words)
                if (PosModel.ParseUpos(w.Upos) is null || w.Xpos.Length == 0 || w.Xpos.Contains('|'))
                    throw new DataFileException(trainConllu, 0, $"sentence {s.Id}: word '{w.Form}' has an unknown UPOS '{w.Upos}' or a bad XPOS '{w.Xpos}'");
        var model = Train(train, dev, options ?? new PosTaggerTrainingOptions(), Path.GetFileName(trainConllu));
        return new PosTagger(model);
    }

    internal static PosModel Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, PosTaggerTrainingOptions o, string trainName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Epochs, 1);
        var log = o.Log ?? (_ => { });
        var clock = Stopwatch.StartNew();

        var instances = new List<ConlluSentence>(train);
        var origin = Enumerable.Range(0, train.Count).ToList();
        if (o.MergeHyphenated)
            for (int k = 0; k < train.Count; k++)
            {
                var m = Conllu.MergeHyphenated(train[k]);
                if (!ReferenceEquals(m, train[k])) { instances.Add(m); origin.Add(k); }
            }

        var labels = instances.SelectMany(s => s.Words).Select(w => w.Joint).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Length; i++) labelIds[labels[i]] = i;

        // Tag dictionary (case kept) and ambiguity classes (lower case), from the training words.
        var fixedTags = FixedTagsFrom(instances, labelIds, o.FixedTagMinCount, o.FixedTagRatio);
        var byLower = new Dictionary<ulong, (int Count, SortedSet<int> Tags)>();
        foreach (var s in instances)
            foreach (var w in s.Words)
            {
                string lower = TextNormalizer.Normalize(w.Form).ToLowerInvariant();
                int y = labelIds[w.Joint];
                ulong lk = FeatureHash.Of(2, lower.AsSpan());
                (int Count, SortedSet<int> Tags) entry = byLower.TryGetValue(lk, out var e) ? e : (0, new SortedSet<int>());
                entry.Tags.Add(y);
                byLower[lk] = (entry.Count + 1, entry.Tags);
            }
        var ambiguity = new Dictionary<ulong, ulong>();
        foreach (var (key, (count, tags)) in byLower)
        {
            if (count < o.AmbiguityMinCount) continue;
            ulong h = FeatureHash.Of(800);
            foreach (int t in tags) h = FeatureHash.Of(801, h, (ulong)t);
            ambiguity[key] = h;
        }
        var frozenFixed = new U64Map<int>(fixedTags);
        var frozenAmb = new U64Map<ulong>(ambiguity);

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["trained_on"] = trainName,
            ["epochs"] = o.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["seed"] = o.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["fixed_tags"] = $"min_count={o.FixedTagMinCount};ratio={o.FixedTagRatio.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            ["prune_below"] = o.PruneBelow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ambiguity_min_count"] = o.AmbiguityMinCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["merge_hyphenated"] = o.MergeHyphenated ? "true" : "false",
            ["second_pass_margin"] = o.SecondPassMargin.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var lemmas = BuildLemmaTable(train);
        var lexicon = o.WordNetFolder is null ? WordLexicon.Empty : WordLexicon.FromWordNet(o.WordNetFolder);
        metadata["lexicon"] = o.WordNetFolder is null ? "none" : $"WordNet 3.0 ({lexicon.Count} words)";
        var working = new PosModel(labels, new AveragedPerceptron(labels.Length), frozenFixed, frozenAmb, lemmas, metadata, lexicon);

        // Precompute atoms and gold labels once.
        var atoms = new TokenAtoms[instances.Count][];
        var gold = new int[instances.Count][];
        for (int k = 0; k < instances.Count; k++)
        {
            var s = instances[k];
            var doc = WordsDocument(s.Words);
            atoms[k] = new TokenAtoms[s.Words.Length + 2 * TaggerFeatures.Pad];
            working.FillAtoms(doc, 0, s.Words.Length, atoms[k]);
            for (int i = 0; i < atoms[k].Length; i++) atoms[k][i].Fixed = -1; // learn from every token; the lookup is a run-time shortcut
            gold[k] = s.Words.Select(w => labelIds[w.Joint]).ToArray();
        }
        log($"{instances.Count} training sentences ({train.Count} + {instances.Count - train.Count} with merged hyphen compounds), " +
            $"{labels.Length} labels, {fixedTags.Count} fixed words, {ambiguity.Count} ambiguity entries, {lemmas.ExceptionCount} lemma exceptions; prepared in {clock.Elapsed.TotalSeconds:F1} s");

        var all = Enumerable.Range(0, instances.Count).ToArray();
        // The most frequent normalised forms: their weights are folded at load time (speed only).
        var vocabulary = instances.Take(train.Count).SelectMany(s => s.Words).Select(w => TextNormalizer.Normalize(w.Form))
            .GroupBy(w => w, StringComparer.Ordinal).Select(g => (Word: g.Key, Count: g.Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Word, StringComparer.Ordinal)
            .Take(Math.Max(0, o.VocabularySize)).Select(x => x.Word).ToArray();
        PosModel Snapshot(AveragedPerceptron first, AveragedPerceptron? second) =>
            new(labels, first, frozenFixed, frozenAmb, lemmas, metadata, lexicon) { Second = second, Vocabulary = vocabulary };

        // Stage 1: greedy left-to-right tagger.
        log("stage 1 (left-to-right)");
        var (stage1, epoch1) = TrainPerceptron(labels.Length, all, atoms, gold, null, o.Epochs, o.Seed, o.PruneBelow, log, clock,
            dev is null || !o.KeepBestEpoch ? null : p => EvaluateGold(Snapshot(p, null), dev));
        metadata["best_epoch"] = epoch1.ToString(System.Globalization.CultureInfo.InvariantCulture);
        AveragedPerceptron? stage2 = null;
        if (o.Stacked)
        {
            // Jackknifed stage-1 tags for the training sentences (a sentence and its merged copy share a fold).
            var firstPass = new int[instances.Count][];
            for (int fold = 0; fold < o.Folds; fold++)
            {
                var trainIds = all.Where(k => origin[k] % o.Folds != fold).ToArray();
                var heldOut = all.Where(k => origin[k] % o.Folds == fold).ToArray();
                var (m, _) = TrainPerceptron(labels.Length, trainIds, atoms, gold, null, epoch1, o.Seed + fold + 1, o.PruneBelow, _ => { }, clock, null);
                foreach (int k in heldOut)
                {
                    firstPass[k] = new int[gold[k].Length];
                    PosModel.Greedy(m, atoms[k], firstPass[k], default);
                }
                log($"jackknife fold {fold + 1}/{o.Folds} done ({clock.Elapsed.TotalSeconds:F0} s)");
            }
            log("stage 2 (stacked: sees stage-1 tags to the right)");
            (stage2, int epoch2) = TrainPerceptron(labels.Length, all, atoms, gold, firstPass, o.Epochs, o.Seed, o.PruneBelow, log, clock,
                dev is null || !o.KeepBestEpoch ? null : p => EvaluateGold(Snapshot(stage1, p), dev));
            metadata["best_epoch_stage2"] = epoch2.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var final = Snapshot(stage1, stage2);
        log($"model: {stage1.FeatureCount + (stage2?.FeatureCount ?? 0):N0} features, {stage1.WeightCount + (stage2?.WeightCount ?? 0):N0} weights");
        return final;
    }

    private static (double Upos, double Xpos) EvaluateGold(PosModel model, IReadOnlyList<ConlluSentence> dev)
    {
        var r = PosEvaluator.EvaluateGold(model, dev);
        return (r.UposAccuracy, r.XposAccuracy);
    }

    /// <summary>Trains one perceptron on the given sentences; returns the averaged weights of the best epoch on dev (or of the last).</summary>
    private static (AveragedPerceptron Model, int Epoch) TrainPerceptron(int classes, int[] sentences, TokenAtoms[][] atoms, int[][] gold, int[][]? firstPass,
        int epochs, int seed, float prune, Action<string> log, Stopwatch clock, Func<AveragedPerceptron, (double Upos, double Xpos)>? dev)
    {
        var perceptron = new AveragedPerceptron(classes);
        var order = (int[])sentences.Clone();
        var rng = new Random(seed);
        var feats = new ulong[TaggerFeatures.MaxFeatures];
        var scratch = new float[classes];
        AveragedPerceptron? best = null;
        int bestEpoch = epochs;
        double bestScore = -1;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(order);
            long correct = 0, total = 0;
            foreach (int k in order)
            {
                var a = atoms[k];
                var y = gold[k];
                var first = firstPass?[k];
                int p1 = -1, p2 = -2;
                for (int t = 0; t < y.Length; t++)
                {
                    int i = t + TaggerFeatures.Pad;
                    int guess = a[i].Fixed;
                    if (guess < 0)
                    {
                        int nf = first is null ? TaggerFeatures.Extract(a, i, p1, p2, feats) : TaggerFeatures.ExtractStacked(a, i, p1, p2, first, feats);
                        guess = perceptron.Train(feats.AsSpan(0, nf), y[t], scratch);
                    }
                    if (guess == y[t]) correct++;
                    total++;
                    p2 = p1;
                    p1 = guess;
                }
            }
            string line = $"  epoch {epoch}/{epochs}: train {100.0 * correct / total:F2}% ({perceptron.FeatureCount:N0} features, {clock.Elapsed.TotalSeconds:F0} s)";
            if (dev is not null)
            {
                var snapshot = perceptron.Averaged();
                var (upos, xpos) = dev(snapshot);
                line += $"; dev UPOS {upos:P2} XPOS {xpos:P2}";
                if (upos + xpos > bestScore)
                {
                    bestScore = upos + xpos;
                    best = snapshot;
                    bestEpoch = epoch;
                }
            }
            log(line);
        }
        if (best is null)
        {
            perceptron.Average();
            best = perceptron;
        }
        return (prune > 0 ? best.Pruned(prune) : best, bestEpoch);
    }

    /// <summary>Words (case kept) seen at least <paramref name="minCount"/> times with one label in ≥ <paramref name="ratio"/> of cases.</summary>
    internal static Dictionary<ulong, int> FixedTagsFrom(IEnumerable<ConlluSentence> sentences, IReadOnlyDictionary<string, int> labelIds, int minCount, double ratio)
    {
        var byWord = new Dictionary<ulong, Dictionary<int, int>>();
        foreach (var s in sentences)
            foreach (var w in s.Words)
            {
                ulong key = FeatureHash.Of(1, TextNormalizer.Normalize(w.Form).AsSpan());
                if (!byWord.TryGetValue(key, out var counts)) byWord[key] = counts = [];
                int y = labelIds[w.Joint];
                counts[y] = counts.GetValueOrDefault(y) + 1;
            }
        var fixedTags = new Dictionary<ulong, int>();
        if (minCount <= 0) return fixedTags;
        foreach (var (key, counts) in byWord)
        {
            int total = counts.Values.Sum();
            var top = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).First();
            if (total >= minCount && top.Value >= ratio * total) fixedTags[key] = top.Key;
        }
        return fixedTags;
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
