using TextLens.Models;
using TextLens.Stance;
using TextLens.Tagging;

namespace TextLens;

/// <summary>
/// The trained stance-cue tagger: a greedy left-to-right BILOU sequence labeller over the seven
/// <see cref="StanceCueType"/>s, scored by the library's averaged perceptron with hashed features (word, lemma, part of
/// speech, suffix and neighbours; the built-in cue lexicon's matches; stance word classes and sentiment valence; negation
/// scope and clause position). Loaded once from a versioned model file (<c>data/models/stance.bin</c> is built in);
/// immutable and thread-safe. <see cref="StanceDetector"/> uses it to find cue spans and types, then finds holders,
/// targets and condition links as for lexicon cues.
/// </summary>
public sealed class StanceModel
{
    internal const string Kind = "stance";
    internal const int KindVersion = 1;
    internal const string ResourcePath = "models/stance.bin";

    /// <summary>Feature-set version written into model files; a model trained with other features is refused.</summary>
    internal const string FeatureVersion = "stance-v2";

    internal const int MaxFeatures = 64;

    /// <summary>Cue types in tag order (index = <see cref="StanceCueType"/> value).</summary>
    internal static readonly string[] TypeNames = Enum.GetNames<StanceCueType>().Select(n => n.ToUpperInvariant()).ToArray();

    internal static int ClassCount => Bilou.ClassCount(TypeNames.Length);

    private static readonly Lazy<StanceModel?> LazyDefault = new(() => EmbeddedData.ReadOptional(ResourcePath, Read), LazyThreadSafetyMode.ExecutionAndPublication);

    internal StanceModel(AveragedPerceptron perceptron, IReadOnlyDictionary<string, string>? metadata = null)
    {
        Perceptron = perceptron;
        Metadata = metadata is null ? new Dictionary<string, string>() : new Dictionary<string, string>(metadata);
        OutsidePenalty = Metadata.TryGetValue("outside_penalty", out var v) && float.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var p) && float.IsFinite(p) ? p : 0f;
    }

    /// <summary>
    /// Subtracted from the score of "no cue" (O) before decoding: the averaged perceptron under-predicts the rare cue
    /// classes, and this moves the precision/recall balance (chosen by cross-validation, stored in the model file).
    /// </summary>
    internal float OutsidePenalty { get; }



    internal AveragedPerceptron Perceptron { get; }

    /// <summary>What the model file records about its training (data, epochs, seed …).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The built-in model (embedded <c>data/models/stance.bin</c>), or null when the assembly ships without one.</summary>
    /// <exception cref="DataFileException">The embedded file is corrupt or of another version.</exception>
    public static StanceModel? Default => LazyDefault.Value;


    /// <summary>Reads a model file written by <see cref="Save"/> (or <c>textlens train stance</c>).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="DataFileException">The file is missing, corrupt, of another kind or version, or was trained with other features.</exception>
    public static StanceModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromFile(ModelFile.Load(path, Kind, KindVersion), path);
    }

    /// <summary>Reads a model from a stream.</summary>
    /// <param name="stream">The model file's bytes.</param>
    /// <param name="name">Name used in error messages.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="DataFileException">The data is corrupt, of another kind or version, or was trained with other features.</exception>
    public static StanceModel Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        return FromFile(ModelFile.Read(stream, name, Kind, KindVersion), name);
    }

    private static StanceModel FromFile(ModelFile file, string name)
    {
        var types = file.Labels("types");
        if (!types.SequenceEqual(TypeNames)) throw new DataFileException(name, 0, $"stance model types are [{string.Join(", ", types)}], expected [{string.Join(", ", TypeNames)}]");
        if (file.Meta("features") != FeatureVersion) throw new DataFileException(name, 0, $"stance model features '{file.Meta("features")}' do not match this library ('{FeatureVersion}')");
        var r = file.Section("weights");
        var p = AveragedPerceptron.Read(r);
        r.EnsureEnd();
        if (p.ClassCount != ClassCount) throw new DataFileException(name, 0, $"stance model has {p.ClassCount} classes, expected {ClassCount}");
        return new StanceModel(p, file.Metadata);
    }

    /// <summary>Writes the model to a file (atomically: a temporary file renamed into place).</summary>
    /// <param name="path">The file to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        ToFile().Save(path);
    }

    internal ModelFile ToFile()
    {
        var file = new ModelFile(Kind, KindVersion);
        foreach (var (k, v) in Metadata) file.Metadata[k] = v;
        file.Metadata["features"] = FeatureVersion;
        file.LabelSets["types"] = TypeNames;
        Perceptron.Write(file.AddSection("weights"));
        return file;
    }

    // ------------------------------------------------------------------ features

    private enum T
    {
        Bias = 1, Lower, Lemma, Pos, LowerPrev, LowerNext, LemmaPrev2, LemmaNext2, PosPrevCur, PosCurNext, LemmaPrevCur, LemmaCurNext,
        Suffix, Shape, PrevTag, PrevTags, PrevTagLemma, Rule, RuleNeighbours, Class, ClassPos, ClassPrev, ClassNext,
        Valence, Negation, NegationLemma, Quote, Reporting, Conditional, Position, PositionLemma, ClassLemmaNext,
    }

    /// <summary>Features of token <paramref name="i"/> in the sentence [<paramref name="start"/>, <paramref name="end"/>) given the two previous tags.</summary>
    internal static int Features(StanceFeatures x, int start, int end, int i, int prev, int prev2, Span<ulong> f)
    {
        int n = 0;
        const ulong None = 0x5EED_0000_0000_0001UL;
        ulong lower = x.Lower[i], lemma = x.Lemma[i];
        ulong lp = i > start ? x.Lower[i - 1] : None, ln = i + 1 < end ? x.Lower[i + 1] : None;
        ulong mp = i > start ? x.Lemma[i - 1] : None, mn = i + 1 < end ? x.Lemma[i + 1] : None;
        ulong mp2 = i > start + 1 ? x.Lemma[i - 2] : None, mn2 = i + 2 < end ? x.Lemma[i + 2] : None;
        int pos = x.Pos[i], pp = i > start ? x.Pos[i - 1] : 99, pn = i + 1 < end ? x.Pos[i + 1] : 99;
        int cls = x.Classes[i], cp = i > start ? x.Classes[i - 1] : 0, cn = i + 1 < end ? x.Classes[i + 1] : 0;
        int flags = x.Flags[i];
        int position = (flags & (int)(StanceFeatures.Flag.SentenceInitial | StanceFeatures.Flag.ClauseInitial | StanceFeatures.Flag.CommaAfter)) >> 5;
        f[n++] = FeatureHash.Of((int)T.Bias);
        f[n++] = FeatureHash.Of((int)T.Lower, lower);
        f[n++] = FeatureHash.Of((int)T.Lemma, lemma);
        f[n++] = FeatureHash.Of((int)T.Pos, pos);
        f[n++] = FeatureHash.Of((int)T.LowerPrev, lp);
        f[n++] = FeatureHash.Of((int)T.LowerNext, ln);
        f[n++] = FeatureHash.Of((int)T.LemmaPrev2, mp2);
        f[n++] = FeatureHash.Of((int)T.LemmaNext2, mn2);
        f[n++] = FeatureHash.Of((int)T.PosPrevCur, pp, pos);
        f[n++] = FeatureHash.Of((int)T.PosCurNext, pos, pn);
        f[n++] = FeatureHash.Of((int)T.LemmaPrevCur, mp, lemma);
        f[n++] = FeatureHash.Of((int)T.LemmaCurNext, lemma, mn);
        f[n++] = FeatureHash.Of((int)T.Suffix, x.Suffix[i]);
        f[n++] = FeatureHash.Of((int)T.Shape, (flags & (int)StanceFeatures.Flag.Capitalized) != 0 ? 1 : 0, position);
        f[n++] = FeatureHash.Of((int)T.PrevTag, prev);
        f[n++] = FeatureHash.Of((int)T.PrevTags, prev, prev2);
        f[n++] = FeatureHash.Of((int)T.PrevTagLemma, (ulong)prev, lemma);
        int rule = x.RuleTag[i];
        f[n++] = FeatureHash.Of((int)T.Rule, rule);
        f[n++] = FeatureHash.Of((int)T.RuleNeighbours, i > start ? Bilou.TypeOf(x.RuleTag[i - 1]) + 1 : 99, i + 1 < end ? Bilou.TypeOf(x.RuleTag[i + 1]) + 1 : 99);
        for (int c = 0; c < 9; c++)
            if ((cls & (1 << c)) != 0)
            {
                f[n++] = FeatureHash.Of((int)T.Class, c);
                f[n++] = FeatureHash.Of((int)T.ClassPos, c, pos);
            }
        f[n++] = FeatureHash.Of((int)T.ClassPrev, cp, cls == 0 ? 0 : 1);
        f[n++] = FeatureHash.Of((int)T.ClassNext, cn, cls == 0 ? 0 : 1);
        if (cn != 0) f[n++] = FeatureHash.Of((int)T.ClassLemmaNext, (ulong)cn, lemma);
        int val = x.Valence[i];
        f[n++] = FeatureHash.Of((int)T.Valence, val, pos);
        int neg = flags & (int)(StanceFeatures.Flag.Negated | StanceFeatures.Flag.Negator);
        f[n++] = FeatureHash.Of((int)T.Negation, neg, cls);
        if (neg != 0) f[n++] = FeatureHash.Of((int)T.NegationLemma, (ulong)neg, lemma);
        f[n++] = FeatureHash.Of((int)T.Quote, (flags & (int)StanceFeatures.Flag.InQuote) != 0 ? 1 : 0, pos);
        int reporting = (flags & (int)StanceFeatures.Flag.AfterReporting) != 0 ? 1 : 0;
        f[n++] = FeatureHash.Of((int)T.Reporting, reporting, pos);
        f[n++] = FeatureHash.Of((int)T.Conditional, (flags & (int)StanceFeatures.Flag.InConditional) != 0 ? 1 : 0, cls);
        f[n++] = FeatureHash.Of((int)T.Position, position, pos);
        if (position != 0) f[n++] = FeatureHash.Of((int)T.PositionLemma, (ulong)position, lemma);
        return n;
    }

    // ------------------------------------------------------------------ decoding

    /// <summary>Greedy constrained BILOU decoding of one sentence; writes a tag per token into <paramref name="tags"/>.</summary>
    internal void Decode(StanceFeatures x, int start, int end, Span<int> tags)
    {
        Span<ulong> f = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[Perceptron.ScoreLength];
        int prev = 0, prev2 = 0;
        for (int i = start; i < end; i++)
        {
            bool open = Bilou.IsOpen(prev);
            if (!open && CannotStart(x, i, end))
            {
                tags[i - start] = 0;
                prev2 = prev;
                prev = 0;
                continue;
            }
            int n = Features(x, start, end, i, prev, prev2, f);
            scores.Clear();
            Perceptron.Score(f[..n], scores);
            scores[0] -= OutsidePenalty;
            int best = Best(scores, prev, i + 1 == end);
            tags[i - start] = best;
            prev2 = prev;
            prev = best;
        }
    }

    /// <summary>
    /// The fast path, taken in training and tagging alike: outside a cue, a token that cannot start one is "no cue" without
    /// scoring. Punctuation, names, numbers, coordinators and symbols never start a cue unless a lexicon row says so;
    /// function words (determiners, prepositions, pronouns, particles) start one only before a stance word, a valence
    /// word or a lexicon cue ("the importance", "a rare opportunity", "in case"). About half the tokens of commentary
    /// prose take it.
    /// </summary>
    internal static bool CannotStart(StanceFeatures x, int i, int end)
    {
        if (x.RuleTag[i] != 0 || x.Classes[i] != 0) return false;
        switch ((UPos)x.Pos[i])
        {
            case UPos.Punct or UPos.Propn or UPos.Num or UPos.Cconj or UPos.Sym or UPos.Intj:
                return true;
            case UPos.Det or UPos.Adp or UPos.Pron or UPos.Part:
                for (int k = i + 1; k < end && k <= i + 2; k++)
                    if (x.RuleTag[k] != 0 || x.Classes[k] != 0 || x.Valence[k] != 0) return false;
                return true;
            default:
                return x.Has(i, StanceFeatures.Flag.Punct);
        }
    }

    /// <summary>The best tag allowed after <paramref name="prev"/> (a sentence's last token closes any open span).</summary>
    internal static int Best(ReadOnlySpan<float> scores, int prev, bool last)
    {
        int best = 0;
        float bestScore = float.NegativeInfinity;
        int classes = ClassCount;
        for (int c = 0; c < classes; c++)
        {
            if (!Bilou.Allowed(prev, c)) continue;
            if (last && Bilou.IsOpen(c)) continue;
            if (scores[c] > bestScore) { bestScore = scores[c]; best = c; }
        }
        return best;
    }
}
