using System.Runtime.CompilerServices;
using System.Collections.Frozen;
using TextLens.Models;

namespace TextLens.Tagging;

/// <summary>
/// The trained part-of-speech model: joint <c>UPOS|XPOS</c> labels, averaged-perceptron weights, the
/// tag dictionary (frequent unambiguous words) and the ambiguity classes. Immutable and thread-safe once built.
/// </summary>
internal sealed class PosModel
{
    public const string Kind = "pos";
    public const int KindVersion = 1;

    public PosModel(string[] labels, AveragedPerceptron weights, U64Map<int> fixedTags,
        U64Map<ulong> ambiguity, LemmaTable lemmas, IReadOnlyDictionary<string, string> metadata, WordLexicon? lexicon = null)
    {
        Lexicon = lexicon ?? WordLexicon.Empty;
        if (weights.ClassCount != labels.Length) throw new ArgumentException("Label count and class count differ.");
        Labels = labels;
        Weights = weights;
        FixedTags = fixedTags;
        Ambiguity = ambiguity;
        Lemmas = lemmas;
        Metadata = metadata;
        Upos = new UPos[labels.Length];
        Xpos = new string[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            int bar = labels[i].IndexOf('|');
            if (bar <= 0 || bar == labels[i].Length - 1) throw new ArgumentException($"Label '{labels[i]}' is not UPOS|XPOS.");
            Upos[i] = ParseUpos(labels[i][..bar]) ?? throw new ArgumentException($"Label '{labels[i]}' has an unknown UPOS.");
            Xpos[i] = string.Intern(labels[i][(bar + 1)..]);
        }
    }

    public string[] Labels { get; }
    public UPos[] Upos { get; }
    public string[] Xpos { get; }
    public AveragedPerceptron Weights { get; }

    /// <summary>Second-pass weights that also see the first pass's tags to the right (stacking), or null.</summary>
    public AveragedPerceptron? Second { get; init; }
    public U64Map<int> FixedTags { get; }
    public U64Map<ulong> Ambiguity { get; }
    public LemmaTable Lemmas { get; }
    public WordLexicon Lexicon { get; }
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public static UPos? ParseUpos(string s) => s switch
    {
        "ADJ" => UPos.Adj, "ADP" => UPos.Adp, "ADV" => UPos.Adv, "AUX" => UPos.Aux, "CCONJ" => UPos.Cconj,
        "DET" => UPos.Det, "INTJ" => UPos.Intj, "NOUN" => UPos.Noun, "NUM" => UPos.Num, "PART" => UPos.Part,
        "PRON" => UPos.Pron, "PROPN" => UPos.Propn, "PUNCT" => UPos.Punct, "SCONJ" => UPos.Sconj, "SYM" => UPos.Sym,
        "VERB" => UPos.Verb, "X" => UPos.X, _ => null,
    };

    /// <summary>Computes the atoms of tokens [<paramref name="start"/>, <paramref name="end"/>) into <paramref name="atoms"/> (padded).</summary>
    public void FillAtoms(Document doc, int start, int end, Span<TokenAtoms> atoms)
    {
        var store = doc.TokenStore;
        string norm = doc.NormText, lower = doc.LowerText;
        int n = end - start;
        TaggerFeatures.SetBoundaries(atoms, n);
        var (index, known) = KnownWords;
        for (int k = 0; k < n; k++)
        {
            ref readonly TokenData t = ref store[start + k];
            var form = norm.AsSpan(t.Start, t.Length);
            // A vocabulary word's atoms were hashed once, when the model loaded: one hash and one probe instead of twelve.
            if (index.TryGetValue(FeatureHash.Of(1, form), out int w)) atoms[k + TaggerFeatures.Pad] = known[w];
            else FillAtom(ref atoms[k + TaggerFeatures.Pad], form, lower.AsSpan(t.Start, t.Length));
        }
    }

    private (U64Map<int> Index, TokenAtoms[] Atoms)? _knownWords;

    /// <summary>
    /// The atoms of the <see cref="Vocabulary"/> words (after the two sentence-boundary pads), with an index by word hash;
    /// built on first use. <see cref="TokenAtoms.Type"/> is the position here, which the folded weights use directly.
    /// </summary>
    internal (U64Map<int> Index, TokenAtoms[] Atoms) KnownWords
    {
        get
        {
            if (_knownWords is { } k) return k;
            lock (_foldLock)
            {
                if (_knownWords is null)
                {
                    var atoms = new List<TokenAtoms>(Vocabulary.Length + 2);
                    atoms.AddRange(TaggerFeatures.Boundary);
                    var index = new Dictionary<ulong, int>();
                    foreach (var word in Vocabulary)
                    {
                        var a = new TokenAtoms();
                        FillAtom(ref a, word, TextNormalizer.ToLowerInvariant(word));
                        a.Type = atoms.Count;
                        if (index.TryAdd(a.Word, a.Type)) atoms.Add(a);
                    }
                    _knownWords = (new U64Map<int>(index), atoms.ToArray());
                }
                return _knownWords.Value;
            }
        }
    }

    /// <summary>Computes one token's atoms from its normalised and lower-cased forms.</summary>
    public void FillAtom(ref TokenAtoms a, ReadOnlySpan<char> norm, ReadOnlySpan<char> lower)
    {
        TaggerFeatures.Fill(ref a, norm, lower);
        a.Type = -1;
        a.Amb = Ambiguity.TryGetValue(a.Lower, out var amb) ? amb : TaggerFeatures.UnknownAmb;
        a.Fixed = FixedTags.TryGetValue(a.Word, out int tag) ? tag : -1;
        a.Lex = (ulong)Lexicon.Mask(lower, a.Lower);
    }

    /// <summary>
    /// The most frequent training words (normalised forms), whose static feature weights are pre-summed at load time
    /// (<see cref="FoldedWeights"/>); empty for none. Only speed depends on it, never the tags.
    /// </summary>
    public string[] Vocabulary { get; init; } = [];

    /// <summary>
    /// A copy sharing the weights and tables, with other run-time settings: the stacked pass's margin (metadata
    /// <c>second_pass_margin</c>), the folded vocabulary or the learned-word limit. For evaluation, tests and benchmarks.
    /// </summary>
    public PosModel With(float? secondPassMargin = null, string[]? vocabulary = null, int? learnedLimit = null)
    {
        var metadata = new Dictionary<string, string>(Metadata, StringComparer.Ordinal);
        if (secondPassMargin is { } m) metadata["second_pass_margin"] = m.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new PosModel(Labels, Weights, FixedTags, Ambiguity, Lemmas, metadata, Lexicon)
        {
            Second = Second,
            Vocabulary = vocabulary ?? Vocabulary,
            LearnedLimit = learnedLimit ?? LearnedLimit,
        };
    }

    /// <summary>How many words outside the <see cref="Vocabulary"/> each pass keeps the rows of once computed.</summary>
    public int LearnedLimit { get; init; } = FoldedWeights.MaxLearned;

    /// <summary>How many of the <see cref="Vocabulary"/> words the stacked pass folds.</summary>
    private const int SecondPassVocabulary = 2048;

    private (FoldedWeights First, FoldedWeights? Second)? _folded;
    private readonly Lock _foldLock = new();

    /// <summary>The folded weights of both passes, built on first use.</summary>
    internal (FoldedWeights First, FoldedWeights? Second) Folded
    {
        get
        {
            if (_folded is { } f) return f;
            lock (_foldLock)
            {
                if (_folded is null)
                {
                    var types = KnownWords.Atoms;
                    // The stacked pass scores only the few tokens the first pass is unsure of: a smaller table does.
                    var secondTypes = types.Take(2 + Math.Min(Vocabulary.Length, SecondPassVocabulary)).ToList();
                    _folded = (new FoldedWeights(Weights, types, LearnedLimit), Second is null ? null : new FoldedWeights(Second, secondTypes, LearnedLimit));
                }
                return _folded.Value;
            }
        }
    }

    /// <summary>Tags one sentence whose atoms are filled (greedy left to right; then the stacked second pass, if any); writes label ids.</summary>
    public void TagSentence(ReadOnlySpan<TokenAtoms> atoms, Span<int> labels)
    {
        using var scratch = new FoldScratch(Folded.First);
        TagSentence(atoms, labels, scratch);
    }

    /// <summary>Tags one sentence with a caller's scratch (reused across a document's sentences).</summary>
    public void TagSentence(ReadOnlySpan<TokenAtoms> atoms, Span<int> labels, FoldScratch scratch)
    {
        var (f1, f2) = Folded;
        if (f2 is null)
        {
            GreedyFolded(f1, atoms, labels, default, default, float.PositiveInfinity, scratch);
            return;
        }
        int n = labels.Length;
        int[]? rented = n > 512 ? System.Buffers.ArrayPool<int>.Shared.Rent(n) : null;
        float[]? rentedMargins = n > 512 ? System.Buffers.ArrayPool<float>.Shared.Rent(n) : null;
        Span<int> first = rented is null ? stackalloc int[n] : rented.AsSpan(0, n);
        Span<float> margins = rentedMargins is null ? stackalloc float[n] : rentedMargins.AsSpan(0, n);
        GreedyFolded(f1, atoms, first, default, margins, float.PositiveInfinity, scratch);
        GreedyFolded(f2, atoms, labels, first, margins, SecondPassMargin, scratch);
        if (rented is not null) System.Buffers.ArrayPool<int>.Shared.Return(rented);
        if (rentedMargins is not null) System.Buffers.ArrayPool<float>.Shared.Return(rentedMargins);
    }

    /// <summary>
    /// The stacked pass re-tags only tokens whose first-pass margin (best score minus the runner-up) is below this;
    /// the others keep their first-pass tag. Chosen on the development set at training time (metadata
    /// <c>second_pass_margin</c>); +∞ re-tags every token.
    /// </summary>
    public float SecondPassMargin => Metadata.TryGetValue("second_pass_margin", out var m)
        && float.TryParse(m, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : float.PositiveInfinity;

    /// <summary>Tokens whose tag-independent scores are computed in one batch before they are decoded.</summary>
    private const int Chunk = 16;

    /// <summary>Scratch floats <see cref="GreedyFolded"/> needs for <paramref name="folded"/>.</summary>
    public static int ScratchLength(FoldedWeights folded) => TaggerFeatures.Window * folded.BlockLength + Chunk * folded.Stride;

    /// <summary>
    /// Greedy decoding with folded weights. Tokens go in chunks of <see cref="Chunk"/>: first the part of each score that
    /// does not depend on tags (the five pre-summed word rows around the token and its pair features, looked up in one
    /// batch so the memory accesses overlap), then left-to-right decoding adds the tag-context features. A ring of five
    /// blocks holds the rows of words outside the folded vocabulary, so memory stays constant whatever the sentence length.
    /// </summary>
    /// <param name="folded">The pass's folded weights.</param>
    /// <param name="atoms">The sentence's padded atoms, filled by this model (their <see cref="TokenAtoms.Type"/> indexes its <see cref="KnownWords"/>).</param>
    /// <param name="labels">Receives the label ids.</param>
    /// <param name="first">First-pass labels for the stacked pass; empty for the first pass.</param>
    /// <param name="margins">
    /// First pass: receives each token's margin (best minus runner-up score; +∞ for dictionary-tagged tokens), or empty.
    /// Stacked pass: the first pass's margins; a token at or above <paramref name="maxMargin"/> keeps its first-pass tag.
    /// </param>
    /// <param name="maxMargin">See <paramref name="margins"/>.</param>
    /// <param name="work">The call's scratch (built for a pass with the same block length).</param>
    public static void GreedyFolded(FoldedWeights folded, ReadOnlySpan<TokenAtoms> atoms, Span<int> labels, ReadOnlySpan<int> first,
        Span<float> margins, float maxMargin, FoldScratch work)
    {
        float[] scratch = work.Floats;
        float[][] arrays = work.SlotArrays;
        const int W = TaggerFeatures.Window;
        var weights = folded.Weights;
        float[] table = folded.Blocks;
        int stride = folded.Stride, blockLength = folded.BlockLength, classes = weights.ClassCount;
        int ringLength = W * blockLength;
        Span<ulong> feats = stackalloc ulong[TaggerFeatures.MaxFeatures];
        Span<ulong> pairs = stackalloc ulong[Chunk * TaggerFeatures.PairFeatureCount];
        Span<byte> pairRows = stackalloc byte[Chunk * TaggerFeatures.PairFeatureCount];
        Span<int> start = stackalloc int[W];   // per window slot: where its block starts in arrays[slot]
        Span<int> holds = stackalloc int[W];   // per window slot: the atom position whose block it holds
        Span<bool> scored = stackalloc bool[Chunk];
        holds.Fill(-1);
        bool stacked = !first.IsEmpty;
        var rows = scratch.AsSpan(ringLength, Chunk * stride);
        ref float rows0 = ref scratch[ringLength];
        int p1 = -1, p2 = -2;
        for (int c0 = 0; c0 < labels.Length; c0 += Chunk)
        {
            int m = Math.Min(Chunk, labels.Length - c0), np = 0;
            rows[..(m * stride)].Clear();
            for (int c = 0; c < m; c++)
            {
                int k = c0 + c;
                scored[c] = atoms[k + TaggerFeatures.Pad].Fixed < 0 && !(stacked && margins[k] >= maxMargin);
                if (!scored[c]) continue;
                ref float row0 = ref Unsafe.Add(ref rows0, c * stride);
                for (int d = 0; d < W; d++)
                {
                    int j = k + d, slot = j % W;
                    if (holds[slot] != j)
                    {
                        int found = folded.Find(atoms[j]);
                        if (found >= 0) arrays[slot] = table;
                        else if (folded.Learned(atoms[j]) is { } learned) { arrays[slot] = learned; found = 0; }
                        else
                        {
                            // Outside the vocabulary and no room left to keep it: computed into the ring.
                            found = slot * blockLength;
                            folded.FillBlock(atoms[j], scratch.AsSpan(found, blockLength));
                            arrays[slot] = scratch;
                        }
                        start[slot] = found;
                        holds[slot] = j;
                    }
                    ref float block = ref arrays[slot][start[slot] + d * stride];
                    AveragedPerceptron.AddDense(ref block, ref row0, stride);
                }
                TaggerFeatures.PairFeatures(atoms, k + TaggerFeatures.Pad, pairs[np..]);
                pairRows.Slice(np, TaggerFeatures.PairFeatureCount).Fill((byte)c);
                np += TaggerFeatures.PairFeatureCount;
            }
            if (np > 0) weights.ScoreRows(pairs[..np], pairRows[..np], rows, stride);
            for (int c = 0; c < m; c++)
            {
                int k = c0 + c, i = k + TaggerFeatures.Pad;
                int guess;
                if (!scored[c]) guess = atoms[i].Fixed >= 0 ? atoms[i].Fixed : first[k];
                else
                {
                    var scores = rows.Slice(c * stride, stride);
                    folded.AddTagRows(p1, p2, ref scores[0]);
                    int nf = TaggerFeatures.TagContextFeatures(atoms, i, p1, p2, feats);
                    if (stacked) nf += TaggerFeatures.StackedFeatures(atoms, i, p1, first, feats[nf..]);
                    weights.Score(feats[TaggerFeatures.TagFeatureCount..nf], scores);
                    guess = AveragedPerceptron.ArgMax(scores[..classes], out float margin);
                    if (!stacked && !margins.IsEmpty) margins[k] = margin;
                }
                if (!scored[c] && !stacked && !margins.IsEmpty) margins[k] = float.PositiveInfinity;
                labels[k] = guess;
                p2 = p1;
                p1 = guess;
            }
        }
    }

    /// <summary>Greedy decoding with <paramref name="weights"/>; stacked features when <paramref name="first"/> is not empty.</summary>
    public static void Greedy(AveragedPerceptron weights, ReadOnlySpan<TokenAtoms> atoms, Span<int> labels, ReadOnlySpan<int> first)
    {
        Span<ulong> feats = stackalloc ulong[TaggerFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[weights.ScoreLength]; // padded: dense rows are added without a scalar tail
        bool stacked = !first.IsEmpty;
        int p1 = -1, p2 = -2;
        for (int k = 0; k < labels.Length; k++)
        {
            int i = k + TaggerFeatures.Pad;
            int guess = atoms[i].Fixed;
            if (guess < 0)
            {
                int nf = stacked ? TaggerFeatures.ExtractStacked(atoms, i, p1, p2, first, feats) : TaggerFeatures.Extract(atoms, i, p1, p2, feats);
                guess = weights.Predict(feats[..nf], scores);
            }
            labels[k] = guess;
            p2 = p1;
            p1 = guess;
        }
    }

    public void Save(string path) => ToFile().Save(path);

    public ModelFile ToFile()
    {
        var f = new ModelFile(Kind, KindVersion);
        foreach (var (k, v) in Metadata) f.Metadata[k] = v;
        f.Metadata["features"] = TaggerFeatures.Version;
        f.LabelSets["tags"] = Labels;
        Weights.Write(f.AddSection("weights"));
        if (Second is not null) Second.Write(f.AddSection("weights2"));
        f.Metadata["stacked"] = Second is null ? "false" : "true";
        var fw = f.AddSection("tagdict");
        var fixedPairs = FixedTags.Pairs().ToArray();
        fw.WriteArray<ulong>(fixedPairs.Select(p => p.Key).ToArray());
        fw.WriteArray<ushort>(fixedPairs.Select(p => (ushort)p.Value).ToArray());
        var aw = f.AddSection("ambiguity");
        var ambPairs = Ambiguity.Pairs().ToArray();
        aw.WriteArray<ulong>(ambPairs.Select(p => p.Key).ToArray());
        aw.WriteArray<ulong>(ambPairs.Select(p => p.Value).ToArray());
        Lemmas.Write(f.AddSection("lemmas"));
        Lexicon.Write(f.AddSection("lexicon"));
        if (Vocabulary.Length > 0) f.LabelSets["vocabulary"] = Vocabulary;
        return f;
    }

    public static PosModel Read(Stream stream, string name) => FromFile(ModelFile.Read(stream, name, Kind, KindVersion));

    public static PosModel FromFile(ModelFile f)
    {
        string features = f.Meta("features");
        if (features != TaggerFeatures.Version)
            throw new DataFileException(f.Name, 0, $"was trained with feature set '{features}', this TextLens computes '{TaggerFeatures.Version}': retrain the model");
        var labels = f.Labels("tags");
        var weights = AveragedPerceptron.Read(f.Section("weights"));
        if (weights.ClassCount != labels.Length)
            throw new DataFileException(f.Name, 0, $"weights have {weights.ClassCount} classes but the label set has {labels.Length}");
        AveragedPerceptron? second = null;
        if (f.Metadata.TryGetValue("stacked", out var stacked) && stacked == "true")
        {
            second = AveragedPerceptron.Read(f.Section("weights2"));
            if (second.ClassCount != labels.Length)
                throw new DataFileException(f.Name, 0, $"second-pass weights have {second.ClassCount} classes but the label set has {labels.Length}");
        }
        var tr = f.Section("tagdict");
        var fixedKeys = tr.ReadArray<ulong>();
        var fixedLabels = tr.ReadArray<ushort>();
        tr.EnsureEnd();
        if (fixedKeys.Length != fixedLabels.Length) throw tr.Error("key and tag counts differ");
        var fixedValues = new int[fixedKeys.Length];
        for (int i = 0; i < fixedKeys.Length; i++)
        {
            if (fixedLabels[i] >= labels.Length) throw tr.Error($"tag index {fixedLabels[i]} out of range");
            fixedValues[i] = fixedLabels[i];
        }
        U64Map<int> fixedTags;
        try { fixedTags = new U64Map<int>(fixedKeys, fixedValues); }
        catch (ArgumentException) { throw tr.Error("duplicate key"); }
        var ar = f.Section("ambiguity");
        var ambKeys = ar.ReadArray<ulong>();
        var ambValues = ar.ReadArray<ulong>();
        ar.EnsureEnd();
        if (ambKeys.Length != ambValues.Length) throw ar.Error("key and value counts differ");
        U64Map<ulong> amb;
        try { amb = new U64Map<ulong>(ambKeys, ambValues); }
        catch (ArgumentException) { throw ar.Error("duplicate key"); }
        var lemmas = LemmaTable.Read(f.Section("lemmas"));
        var lexicon = WordLexicon.Read(f.Section("lexicon"));
        try
        {
            return new PosModel(labels, weights, fixedTags, amb, lemmas, f.Metadata, lexicon)
            {
                Second = second,
                Vocabulary = f.LabelSets.TryGetValue("vocabulary", out var vocabulary) ? vocabulary : [],
            };
        }
        catch (ArgumentException e)
        {
            throw new DataFileException(f.Name, 0, $"label set: {e.Message}", e);
        }
    }
}
