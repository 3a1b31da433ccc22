using System.Buffers;
using TextLens.Models;
using TextLens.Sentiment;
using TextLens.Tagging;

namespace TextLens;

/// <summary>
/// The trained sentiment models that ship with TextLens (<c>data/models/sentiment.bin</c>): a sentence classifier and a
/// target classifier (the tone toward one entity mention), both averaged perceptrons over hashed features — the lexicon
/// scorer's contributions with their modifiers, lemma unigrams and word bigrams, and the sentence's stance cues; the target model
/// adds features relative to the mention (side and distance of each valence phrase, subject or object position, reporting
/// frame, nearby words). Pure managed code, no ML.NET. Immutable and thread-safe; the embedded model is loaded once.
/// </summary>
/// <remarks>Train it with <c>textlens train sentiment</c>; see the README, section Sentiment, for data and figures.</remarks>
public sealed class SentimentModel
{
    internal const string Kind = "sentiment";
    internal const int KindVersion = 1;
    internal const string ResourcePath = "models/sentiment.bin";

    /// <summary>Feature layout version stored in the file; a model with other features is refused.</summary>
    internal const string FeatureVersion = "sent-v4";

    /// <summary>The classes, in perceptron class order: −1, 0, +1.</summary>
    internal static readonly string[] Classes = ["-1", "0", "1"];

    private static readonly Lazy<SentimentModel?> LazyDefault = new(() => EmbeddedData.ReadOptional(ResourcePath, Read), LazyThreadSafetyMode.ExecutionAndPublication);

    internal SentimentModel(AveragedPerceptron sentence, AveragedPerceptron? target, IReadOnlyDictionary<string, string>? metadata = null)
    {
        Sentence = sentence;
        Target = target;
        Metadata = (metadata is null ? new Dictionary<string, string>() : new Dictionary<string, string>(metadata)).AsReadOnly();
        SentenceTemperature = TemperatureOf("sentence-temperature");
        TargetTemperature = TemperatureOf("target-temperature");
    }

    private double TemperatureOf(string key) =>
        Metadata.TryGetValue(key, out var v) && double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double t) && t > 0 && double.IsFinite(t) ? t : 1;

    /// <summary>Divides the sentence model's scores before the softmax, so that P(positive) − P(negative) is graded, not ±1.</summary>
    internal double SentenceTemperature { get; }

    /// <summary>The same for the target model.</summary>
    internal double TargetTemperature { get; }

    internal AveragedPerceptron Sentence { get; }

    internal AveragedPerceptron? Target { get; }

    /// <summary>Training information stored with the model: data, sizes, epochs, commentary weight, seed, softmax temperatures.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>True when the model also predicts the tone toward entity mentions.</summary>
    public bool HasTargetModel => Target is not null;

    /// <summary>The shipped model, loaded once from the TextLens assembly.</summary>
    /// <exception cref="DataFileException">The embedded model is missing or corrupt.</exception>
    public static SentimentModel Default => LazyDefault.Value
        ?? throw new DataFileException(EmbeddedData.DisplayName(ResourcePath), 0, "embedded resource not found in the TextLens assembly");

    /// <summary>The shipped model, or null when the assembly was built without one (while training the first one).</summary>
    internal static SentimentModel? Shipped => LazyDefault.Value;


    /// <summary>Loads a model written by <c>textlens train sentiment</c>.</summary>
    /// <param name="path">The model file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="DataFileException">The file is missing, corrupt, truncated, of another kind or version, or has other features.</exception>
    public static SentimentModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var s = File.OpenRead(path);
            return Read(s, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, 0, $"cannot be read: {e.Message}", e);
        }
    }

    internal static SentimentModel Read(Stream stream, string name)
    {
        var file = ModelFile.Read(stream, name, Kind, KindVersion);
        if (file.Meta("features") != FeatureVersion)
            throw new DataFileException(name, 0, $"sentiment model features '{file.Meta("features")}' do not match this library ('{FeatureVersion}')");
        var classes = file.Labels("classes");
        if (!classes.SequenceEqual(Classes))
            throw new DataFileException(name, 0, $"sentiment model classes are [{string.Join(", ", classes)}], expected [{string.Join(", ", Classes)}]");
        var sentence = ReadWeights(file, "sentence", name);
        AveragedPerceptron? target = file.SectionNames.Contains("target") ? ReadWeights(file, "target", name) : null;
        return new SentimentModel(sentence, target, file.Metadata);
    }

    private static AveragedPerceptron ReadWeights(ModelFile file, string section, string name)
    {
        var r = file.Section(section);
        var p = AveragedPerceptron.Read(r);
        r.EnsureEnd();
        if (p.ClassCount != Classes.Length) throw new DataFileException(name, 0, $"sentiment model section '{section}' has {p.ClassCount} classes, expected {Classes.Length}");
        return p;
    }

    internal ModelFile ToFile()
    {
        var file = new ModelFile(Kind, KindVersion);
        file.Metadata["features"] = FeatureVersion;
        foreach (var (k, v) in Metadata) if (k != "features") file.Metadata[k] = v;
        file.LabelSets["classes"] = Classes;
        Sentence.Write(file.AddSection("sentence"));
        Target?.Write(file.AddSection("target"));
        return file;
    }

    internal void Save(string path) => ToFile().Save(path);

    /// <summary>
    /// Class index (0 = negative, 1 = neutral, 2 = positive) and P(positive) − P(negative) from a softmax of the scores
    /// divided by <paramref name="temperature"/> (fitted on the training data when the model is trained).
    /// </summary>
    internal static int Decide(AveragedPerceptron model, ReadOnlySpan<ulong> features, double temperature, out double compound)
    {
        Span<float> scores = stackalloc float[16];
        int best = model.Predict(features, scores);
        double max = Math.Max(scores[0], Math.Max(scores[1], scores[2]));
        double e0 = Math.Exp((scores[0] - max) / temperature), e1 = Math.Exp((scores[1] - max) / temperature), e2 = Math.Exp((scores[2] - max) / temperature);
        compound = (e2 - e0) / (e0 + e1 + e2);
        return best;
    }

    /// <summary>
    /// As <see cref="Decide(AveragedPerceptron, ReadOnlySpan{ulong}, double, out double)"/>, on top of scores already summed
    /// for other features (the model is linear): a sentence's shared features are scored once for all its mentions.
    /// </summary>
    internal static int Decide(AveragedPerceptron model, ReadOnlySpan<float> baseScores, ReadOnlySpan<ulong> features, double temperature, out double compound)
    {
        Span<float> scores = stackalloc float[16];
        scores.Clear();
        baseScores[..Classes.Length].CopyTo(scores);
        model.Score(features, scores);
        int best = AveragedPerceptron.ArgMax(scores[..Classes.Length]);
        double max = scores[best];
        double e0 = Math.Exp((scores[0] - max) / temperature), e1 = Math.Exp((scores[1] - max) / temperature), e2 = Math.Exp((scores[2] - max) / temperature);
        compound = (e2 - e0) / (e0 + e1 + e2);
        return best;
    }

    internal static SentimentLabel LabelOf(int cls) => (SentimentLabel)(cls - 1);
}

/// <summary>A growable buffer of feature keys over pooled arrays (no allocation per sentence once warm).</summary>
internal struct FeatureBuffer : IDisposable
{
    private ulong[] _keys;
    private int _count;

    public FeatureBuffer(int capacity)
    {
        _keys = ArrayPool<ulong>.Shared.Rent(Math.Max(16, capacity));
        _count = 0;
    }

    public readonly ReadOnlySpan<ulong> Keys => _keys.AsSpan(0, _count);

    public readonly int Count => _count;

    public void Add(ulong key)
    {
        if (_count == _keys.Length)
        {
            var bigger = ArrayPool<ulong>.Shared.Rent(_keys.Length * 2);
            _keys.AsSpan().CopyTo(bigger);
            ArrayPool<ulong>.Shared.Return(_keys);
            _keys = bigger;
        }
        _keys[_count++] = key;
    }

    public void Truncate(int count) => _count = Math.Min(_count, count);

    public void Dispose()
    {
        if (_keys.Length > 0) ArrayPool<ulong>.Shared.Return(_keys);
        _keys = [];
        _count = 0;
    }
}

/// <summary>
/// The features of the sentiment models. Sentence features: bias, lower-cased word uni- and bigrams, every lexicon
/// contribution (phrase and sign, its modifiers), bucketed sums and compound, cue counts and the stance cue types of the
/// sentence. Target features add, relative to the mention: the side, distance and clause of each contribution, the words
/// around the mention, whether it is the subject (before the first verb) and whether it introduces reported speech.
/// </summary>
internal static class SentimentFeatures
{
    // Template ids (stable: they are part of the model file's feature layout).
    private const int Bias = 1, Unigram = 2, Bigram = 3, Phrase = 4, PhraseNeg = 5, Modifier = 6, PosSum = 7, NegSum = 8,
        CompoundBin = 9, CountBase = 10, StanceType = 30, Opener = 31, Length = 32, Question = 33, AuthorBin = 34, ReportedBin = 35, Heading = 36,
        TBias = 50, TSide = 51, TSidePhrase = 52, TClause = 53, TWindow = 54, TSubject = 55, TSpeaker = 56, TPronoun = 57,
        TClauseSum = 58, TNearest = 59, TPossessive = 60, TQuoted = 61, TSentenceClass = 63;

    private static bool IsWordLike(TokenKind k) => k is TokenKind.Word or TokenKind.Number or TokenKind.Alphanumeric;

    /// <summary>How many tokens either side of a mention its clause, quotes and verbs are looked for.</summary>
    private const int MentionReach = 64;

    /// <summary>How many characters either side of a mention its contributions are looked for.</summary>
    private const int ReachChars = 300;

    private static ReadOnlySpan<char> Lower(Document doc, int i)
    {
        ref readonly var t = ref doc.TokenStore[i];
        return t.Kind == TokenKind.Number ? "#" : doc.LowerText.AsSpan(t.Start, t.Length);
    }

    private static int Bucket(double x, double step, int max) => (int)Math.Clamp(Math.Floor(x / step), -max, max);

    /// <summary>Adds the sentence features of tokens [s, e) with its lexicon score and cue counts.</summary>
    public static void Sentence(Document doc, int s, int e, SentimentScore score, in CueCounts k, ref FeatureBuffer f)
    {
        f.Add(FeatureHash.Of(Bias));
        var tokens = doc.TokenStore;
        int prev = -1;
        bool question = false;
        for (int i = s; i < e; i++)
        {
            ref readonly var t = ref tokens[i];
            if (!IsWordLike(t.Kind))
            {
                if (t.Length == 1 && doc.NormText[t.Start] == '?') question = true;
                prev = -1;
                continue;
            }
            var w = Lower(doc, i);
            if (t.Kind == TokenKind.Word && doc.LemmaAt(i) is { Length: > 0 } lemma) f.Add(FeatureHash.Of(Unigram, lemma.AsSpan()));
            else f.Add(FeatureHash.Of(Unigram, w));
            if (prev >= 0) f.Add(FeatureHash.Of(Bigram, Lower(doc, prev), w));
            prev = i;
        }
        if (e > s && IsWordLike(tokens[s].Kind)) f.Add(FeatureHash.Of(Opener, Lower(doc, s)));
        if (question) f.Add(FeatureHash.Of(Question));
        // A heading or byline (no closing punctuation) is neutral by convention, whatever its words.
        if (e > s && !(tokens[e - 1].Kind == TokenKind.Punctuation && doc.NormText[tokens[e - 1].Start] is '.' or '!' or '?' or '"' or ')' or ':' or ';'))
            f.Add(FeatureHash.Of(Heading, Math.Min(3, (e - s) / 5)));
        f.Add(FeatureHash.Of(Length, Math.Min(6, (e - s) / 8)));
        foreach (var c in score.Contributions)
        {
            int sign = Math.Sign(c.Weight);
            var phrase = doc.LowerText.AsSpan(c.Start, c.End - c.Start);
            f.Add(FeatureHash.Of(Phrase, sign, phrase));
            int negated = (c.Modifiers & SentimentModifiers.Negated) != 0 ? 1 : 0;
            if (negated != 0) f.Add(FeatureHash.Of(PhraseNeg, sign, phrase));
            for (int bit = 0; bit < 12; bit++)
                if (((int)c.Modifiers & (1 << bit)) != 0) f.Add(FeatureHash.Of(Modifier, sign, bit));
        }
        f.Add(FeatureHash.Of(PosSum, Bucket(k.PositiveSum, 0.75, 6)));
        f.Add(FeatureHash.Of(NegSum, Bucket(-k.NegativeSum, 0.75, 6)));
        f.Add(FeatureHash.Of(CompoundBin, Bucket(score.LexiconCompound, 0.2, 5)));
        f.Add(FeatureHash.Of(AuthorBin, Bucket(score.AuthorCompound, 0.25, 4)));
        if (score.ReportedCompound != 0) f.Add(FeatureHash.Of(ReportedBin, Bucket(score.ReportedCompound, 0.25, 4)));
        AddCount(ref f, 0, k.Negators);
        AddCount(ref f, 1, k.Boosters);
        AddCount(ref f, 2, k.Dampeners);
        AddCount(ref f, 3, k.Contrasts);
        AddCount(ref f, 4, k.Concessives);
        AddCount(ref f, 5, k.Irrealis);
        AddCount(ref f, 6, k.Hedges);
        AddCount(ref f, 7, k.Reporting);
        AddCount(ref f, 8, k.UnpairedNegators);
        AddCount(ref f, 9, k.Events);
        AddCount(ref f, 10, k.Positive);
        AddCount(ref f, 11, k.Negative);
        var cues = doc.StanceCues;
        if (cues.Count > 0 && e > s)
        {
            int a = tokens[s].Start, b = tokens[e - 1].End;
            // Cues are in text order: binary search for the first one in the sentence (a linear scan from the start is quadratic on long documents).
            int lo = 0, hi = cues.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (cues[mid].Start < a) lo = mid + 1; else hi = mid;
            }
            for (int i = lo; i < cues.Count && cues[i].Start < b; i++)
                f.Add(FeatureHash.Of(StanceType, (int)cues[i].Type, (int)cues[i].Polarity));
        }
    }

    private static void AddCount(ref FeatureBuffer f, int what, int n)
    {
        if (n > 0) f.Add(FeatureHash.Of(CountBase + what, Math.Min(n, 3)));
    }

    /// <summary>
    /// Adds the target features of the mention at tokens [a, b) of the sentence [s, e) (on top of the sentence features).
    /// </summary>
    public static void Target(Document doc, int s, int e, int a, int b, SentimentScore score, ref FeatureBuffer f)
    {
        f.Add(FeatureHash.Of(TBias));
        var tokens = doc.TokenStore;
        int ma = tokens[a].Start, mb = tokens[b - 1].End;
        // Every scan below stays within MentionReach tokens or ReachChars characters of the mention, so the work per
        // mention is bounded and a hostile sentence with thousands of mentions stays linear.
        // Clause of the mention: between clause punctuation.
        int lo = a, hi = b;
        while (lo > s && a - lo < MentionReach && !IsClauseBreak(doc, lo - 1)) lo--;
        while (hi < e && hi - b < MentionReach && !IsClauseBreak(doc, hi)) hi++;
        int ca = tokens[lo].Start, cb = tokens[hi - 1].End;
        double clauseSum = 0;
        int nearest = -1, nearestDistance = int.MaxValue;
        var contributions = score.Contributions;
        int first = 0, last = contributions.Count; // contributions are in text order: binary search the window's first
        while (first < last)
        {
            int mid = (first + last) >>> 1;
            if (contributions[mid].End < ma - ReachChars) first = mid + 1; else last = mid;
        }
        for (int ci = first; ci < contributions.Count && contributions[ci].Start <= mb + ReachChars; ci++)
        {
            var c = contributions[ci];
            int sign = Math.Sign(c.Weight);
            int side = c.End <= ma ? 0 : c.Start >= mb ? 2 : 1;
            int distance = side == 0 ? ma - c.End : side == 2 ? c.Start - mb : 0;
            int bucket = distance < 15 ? 0 : distance < 40 ? 1 : distance < 80 ? 2 : 3;
            bool sameClause = c.Start >= ca && c.End <= cb;
            f.Add(FeatureHash.Of(TSide, side * 16 + bucket * 4 + (sameClause ? 2 : 0), sign));
            f.Add(FeatureHash.Of(TSidePhrase, side * 3 + sign + 1, doc.LowerText.AsSpan(c.Start, c.End - c.Start)));
            if ((c.Modifiers & SentimentModifiers.Reported) != 0) f.Add(FeatureHash.Of(TClause, 8 + side, sign));
            if (sameClause) clauseSum += c.Weight;
            if (distance < nearestDistance) { nearestDistance = distance; nearest = ci; }
        }
        f.Add(FeatureHash.Of(TClauseSum, Bucket(clauseSum, 0.75, 4)));
        if (nearest >= 0) f.Add(FeatureHash.Of(TNearest, Math.Sign(contributions[nearest].Weight), Math.Min(3, nearestDistance / 20)));
        // Words around the mention, by relative position.
        for (int d = 1; d <= 3; d++)
        {
            if (a - d >= s && IsWordLike(tokens[a - d].Kind)) f.Add(FeatureHash.Of(TWindow, -d, Lower(doc, a - d)));
            if (b - 1 + d < e && IsWordLike(tokens[b - 1 + d].Kind)) f.Add(FeatureHash.Of(TWindow, d, Lower(doc, b - 1 + d)));
        }
        if (b < e && doc.LowerText.AsSpan(tokens[b].Start, tokens[b].Length) is "'s" or "’s") f.Add(FeatureHash.Of(TPossessive));
        // Subject: no verb between the sentence (or clause) start and the mention; object: a verb before it.
        bool verbBefore = false;
        for (int i = lo; i < a; i++)
            if (doc.PosAt(i) is UPos.Verb or UPos.Aux) { verbBefore = true; break; }
        f.Add(FeatureHash.Of(TSubject, verbBefore ? 1 : 0, lo == s ? 1 : 0));
        // Speaker: a reporting verb right after the mention ("X said", "X told"), or "according to" right before it.
        for (int i = b; i < Math.Min(e, b + 3); i++)
        {
            var w = doc.LowerText.AsSpan(tokens[i].Start, tokens[i].Length);
            if (w is "said" or "says" or "told" or "argued" or "claimed" or "added" or "wrote" or "stated" or "insisted" or "warned" or "tweeted")
            {
                f.Add(FeatureHash.Of(TSpeaker, 1));
                break;
            }
        }
        if (a - 2 >= s && doc.LowerText.AsSpan(tokens[a - 2].Start, tokens[a - 1].End - tokens[a - 2].Start) is "according to") f.Add(FeatureHash.Of(TSpeaker, 2));
        if (b - a == 1 && doc.LowerText.AsSpan(tokens[a].Start, tokens[a].Length) is "he" or "she" or "his" or "her" or "him" or "they" or "them" or "their")
            f.Add(FeatureHash.Of(TPronoun));
        // Inside quotation marks.
        int quotes = 0;
        for (int i = Math.Max(s, a - MentionReach); i < a; i++)
            if (tokens[i].Length == 1 && doc.NormText[tokens[i].Start] == '"') quotes++;
        if ((quotes & 1) == 1) f.Add(FeatureHash.Of(TQuoted));
    }

    /// <summary>
    /// The key that gives the target model the sentence model's class (0..2) for the mention's sentence (stacking): the
    /// target model learns when the tone toward a mention follows the sentence and when it departs from it.
    /// </summary>
    public static ulong SentenceClassKey(int cls) => FeatureHash.Of(TSentenceClass, cls);

    private static bool IsClauseBreak(Document doc, int i)
    {
        ref readonly var t = ref doc.TokenStore[i];
        if (t.Kind != TokenKind.Punctuation || t.Length != 1) return false;
        char c = doc.NormText[t.Start];
        return c is ',' or ';' or ':' or '(' or ')';
    }
}

