using TextLens.Entities;
using TextLens.Models;
using TextLens.Tagging;

namespace TextLens;

/// <summary>A sentence for training or evaluating the entity model: tokens with IOB2 tags (<c>O</c>, <c>B-PERSON</c>, <c>I-ORG</c>, …).</summary>
/// <param name="Tokens">The tokens.</param>
/// <param name="Tags">One IOB2 tag per token over the types <c>PERSON</c>, <c>ORG</c> and <c>LOC</c>; other types count as <c>O</c>.</param>
public sealed record EntityTrainingSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags)
{
    /// <summary>Gold UPOS per token, used instead of the tagger's tags (training-time teacher models only).</summary>
    internal IReadOnlyList<UPos>? GoldPos { get; init; }

    /// <summary>Extra feature strings per token, e.g. from a gold dependency parse (training-time teacher models only).</summary>
    internal IReadOnlyList<string[]?>? TokenFeatures { get; init; }
}

/// <summary>Settings for <see cref="EntityModel.Train"/>.</summary>
public sealed record EntityTrainingOptions
{
    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 8;

    /// <summary>Seed of the shuffle between epochs (training is deterministic for a given seed).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Averaged weights with a smaller magnitude are dropped to keep the model small.</summary>
    public float MinWeight { get; init; } = 0.002f;

    /// <summary>
    /// Part-of-speech tagger whose tags become features (the pipeline's tagger must then run before the entities);
    /// null trains without part-of-speech features.
    /// </summary>
    public PosTagger? Tagger { get; init; }

    /// <summary>Receives one progress line per epoch; null for silence.</summary>
    public TextWriter? Log { get; init; }
}

/// <summary>Precision, recall and F1 of entity spans (exact span and type).</summary>
/// <param name="Precision">Correct / predicted.</param>
/// <param name="Recall">Correct / gold.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Gold">Number of gold entities.</param>
/// <param name="Predicted">Number of predicted entities.</param>
/// <param name="Correct">Number of exactly matching entities.</param>
public sealed record EntityScore(double Precision, double Recall, double F1, int Gold, int Predicted, int Correct)
{
    internal static EntityScore Of(int gold, int predicted, int correct)
    {
        double p = predicted == 0 ? 0 : (double)correct / predicted, r = gold == 0 ? 0 : (double)correct / gold;
        return new EntityScore(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), gold, predicted, correct);
    }

    /// <inheritdoc/>
    public override string ToString() => $"P {Precision:F3} R {Recall:F3} F1 {F1:F3} (gold {Gold}, predicted {Predicted}, correct {Correct})";
}

/// <summary>
/// The statistical part of the entity recogniser (PERSON, ORG, LOC): an averaged-perceptron BILOU sequence labeller.
/// Train it from IOB2 sentences, save it as a versioned, checksummed model file, load it, and pass it to
/// <see cref="EntityRecognizer(EntityRuler, EntityModel)"/>. Immutable once trained; thread-safe.
/// </summary>
public sealed class EntityModel
{
    internal EntityModel(NerModel inner) => Inner = inner;

    internal NerModel Inner { get; }

    /// <summary>The model that ships inside the TextLens assembly, or null when none does.</summary>
    public static EntityModel? BuiltIn => NerModel.Default is { } m ? new EntityModel(m) : null;

    /// <summary>Number of hashed features with weights.</summary>
    public int FeatureCount => Inner.Perceptron.FeatureCount;

    /// <summary>Saves the model (model-file format, kind <c>ner</c>).</summary>
    /// <param name="path">Destination file.</param>
    /// <param name="metadata">Extra key/value notes stored in the header (corpora, epochs, …).</param>
    public void Save(string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        Inner.ToFile(metadata).Save(path);
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="DataFileException">The file is corrupt, truncated, of another kind or version.</exception>
    public static EntityModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = OpenRead(path);
        return new EntityModel(NerModel.Read(stream, path));
    }

    private static Stream OpenRead(string path)
    {
        try { return File.OpenRead(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new DataFileException(path, 0, ModelFile.CannotRead(path, e), e); }
    }

    /// <summary>Trains a model (greedy averaged perceptron, deterministic for a given seed).</summary>
    /// <param name="sentences">Training sentences with IOB2 tags.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <returns>The trained, frozen model.</returns>
    /// <exception cref="ArgumentException">A sentence has a different number of tokens and tags.</exception>
    public static EntityModel Train(IReadOnlyList<EntityTrainingSentence> sentences, EntityTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        options ??= new EntityTrainingOptions();
        var gazetteer = Gazetteer.Default;
        var data = new List<(EntityUnits Units, byte[] Gaz, bool[] Starts, int[] Gold, string[]?[]? Extra)>(sentences.Count);
        foreach (var s in sentences)
        {
            var prepared = Prepare(s, gazetteer, options.Tagger);
            if (prepared.Units.Count > 0) data.Add(prepared);
        }
        var perceptron = new AveragedPerceptron(NerModel.ClassCount);
        var order = Enumerable.Range(0, data.Count).ToArray();
        var random = new Random(options.Seed);
        Span<ulong> f = stackalloc ulong[NerModel.MaxFeatures];
        var scores = new float[NerModel.ClassCount];
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            long units = 0, correct = 0;
            foreach (int index in order)
            {
                var (u, gaz, starts, gold, extra) = data[index];
                int prev = 0, prev2 = 0;
                for (int i = 0; i < u.Count; i++)
                {
                    int n = NerModel.Features(u, gaz, starts, i, prev, prev2, f, extra);
                    Array.Clear(scores);
                    perceptron.Score(f[..n], scores);
                    int guess = -1;
                    float best = float.NegativeInfinity;
                    for (int c = 0; c < scores.Length; c++)
                        if (NerModel.Allowed(prev, c) && scores[c] > best) { best = scores[c]; guess = c; }
                    if (guess != gold[i]) perceptron.Update(f[..n], gold[i], guess);
                    else correct++;
                    perceptron.NextInstance();
                    units++;
                    prev2 = prev;
                    prev = guess;
                }
            }
            options.Log?.WriteLine($"epoch {epoch}: unit accuracy {(double)correct / Math.Max(1, units):F4} over {units} units");
        }
        perceptron.Average(options.MinWeight);
        return new EntityModel(new NerModel(perceptron));
    }

    private static (EntityUnits Units, byte[] Gaz, bool[] Starts, int[] Gold, string[]?[]? Extra) Prepare(EntityTrainingSentence s, PhraseTrie gazetteer, PosTagger? tagger)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Tokens.Count != s.Tags.Count) throw new ArgumentException($"A training sentence has {s.Tokens.Count} tokens but {s.Tags.Count} tags.");
        var u = EntityUnits.FromTokens(s.Tokens, s.GoldPos is null ? tagger : null);
        if (s.GoldPos is { } goldPos)
        {
            var pos = new byte[u.Count];
            for (int i = 0; i < pos.Length; i++) pos[i] = (byte)goldPos[u.Token[i]];
            u.Pos = pos;
        }
        string[]?[]? extra = null;
        if (s.TokenFeatures is { } tf)
        {
            extra = new string[]?[u.Count];
            for (int i = 0; i < extra.Length; i++) extra[i] = tf[u.Token[i]];
        }
        var type = new int[u.Count];
        var begin = new bool[u.Count];
        for (int i = 0; i < u.Count; i++)
        {
            var tag = s.Tags[u.Token[i]];
            type[i] = TypeIndex(tag);
            begin[i] = type[i] >= 0 && tag.StartsWith("B-", StringComparison.Ordinal) && (i == 0 || u.Token[i - 1] != u.Token[i]);
        }
        var starts = new bool[u.Count];
        if (u.Count > 0) starts[0] = true;
        return (u, NerModel.GazetteerCodes(u, gazetteer), starts, NerModel.ToBilou(type, begin), extra);
    }

    private static int TypeIndex(string tag)
    {
        if (tag.Length < 3 || tag[1] != '-') return -1;
        return Array.IndexOf(NerModel.Types, tag[2..]);
    }

    /// <summary>Scores the model alone (no gazetteer typing or rules) on tagged sentences: exact spans over PERSON/ORG/LOC.</summary>
    /// <param name="sentences">Gold sentences.</param>
    /// <param name="tagger">The part-of-speech tagger whose tags the model sees (as in training); null for none.</param>
    /// <returns>Overall score and one per type.</returns>
    public IReadOnlyDictionary<string, EntityScore> Evaluate(IReadOnlyList<EntityTrainingSentence> sentences, PosTagger? tagger = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var gazetteer = Gazetteer.Default;
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal) { ["ALL"] = new int[3] };
        foreach (var t in NerModel.Types) counts[t] = new int[3];
        foreach (var s in sentences)
        {
            var (u, gaz, starts, gold, extra) = Prepare(s, gazetteer, tagger);
            if (u.Count == 0) continue;
            var predicted = Inner.Decode(u, gaz, starts, null, extra);
            var g = Spans(gold);
            var p = Spans(predicted);
            foreach (var x in g) { counts["ALL"][0]++; counts[NerModel.Types[x.Type]][0]++; }
            foreach (var x in p)
            {
                counts["ALL"][1]++; counts[NerModel.Types[x.Type]][1]++;
                if (g.Contains(x)) { counts["ALL"][2]++; counts[NerModel.Types[x.Type]][2]++; }
            }
        }
        return counts.ToDictionary(kv => kv.Key, kv => EntityScore.Of(kv.Value[0], kv.Value[1], kv.Value[2]));
    }

    /// <summary>
    /// Labels a tokenised sentence with the model alone (its <see cref="EntityTrainingSentence.Tags"/> are ignored):
    /// one IOB2 tag per token (<c>B-PERSON</c>, <c>I-ORG</c>, …). A token takes the type of the entity that covers any of its units.
    /// </summary>
    internal string[] Label(EntityTrainingSentence s, PosTagger? tagger)
    {
        var (u, gaz, starts, _, extra) = Prepare(s, Gazetteer.Default, tagger);
        var tags = new string[s.Tokens.Count];
        Array.Fill(tags, "O");
        if (u.Count == 0) return tags;
        var predicted = Inner.Decode(u, gaz, starts, null, extra);
        foreach (var (start, end, type) in Spans(predicted).OrderBy(x => x.Start))
        {
            int first = u.Token[start], last = u.Token[end - 1];
            bool free = true;
            for (int t = first; t <= last; t++) free &= tags[t] == "O";
            if (!free) continue;
            for (int t = first; t <= last; t++) tags[t] = (t == first ? "B-" : "I-") + NerModel.Types[type];
        }
        return tags;
    }

    private static HashSet<(int Start, int End, int Type)> Spans(int[] tags)
    {
        var set = new HashSet<(int, int, int)>();
        int start = -1;
        for (int i = 0; i < tags.Length; i++)
        {
            if (tags[i] == 0) { start = -1; continue; }
            int part = NerModel.PartOf(tags[i]);
            if (part is 0 or 3) start = i;
            if (part is 2 or 3 && start >= 0) { set.Add((start, i + 1, NerModel.TypeOf(tags[i]))); start = -1; }
        }
        return set;
    }
}
