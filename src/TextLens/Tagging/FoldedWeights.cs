using System.Runtime.CompilerServices;

namespace TextLens.Tagging;

/// <summary>
/// Run-time speed-up of a tagger perceptron: for each frequent word type, the weights of its static features
/// (<see cref="TaggerFeatures.StaticFeatures"/>) at each of the five window offsets, summed once at load time. Tagging a
/// token then adds five pre-summed rows, one per neighbour, instead of looking up 35 features; only the features that
/// combine two tokens (<see cref="TaggerFeatures.PairFeatures"/>) or involve previous tags
/// (<see cref="TaggerFeatures.TagContextFeatures"/>) are looked up per token.
/// </summary>
/// <remarks>
/// The scores equal those of the plain feature sum up to the order of float additions. Words outside the table get
/// their block computed with <see cref="FillBlock"/> on first sight and kept (<see cref="Learned"/>), summed exactly as
/// the table's blocks were: whether a word is in the table, learned or neither never changes its result. Thread-safe.
/// </remarks>
internal sealed class FoldedWeights
{
    /// <summary>Most words outside the vocabulary whose blocks are kept once computed (default of <see cref="LearnedLimit"/>).</summary>
    public const int MaxLearned = 8192;

    private readonly float[] _blocks;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, float[]> _learned = new();
    private int _learnedCount;
    private readonly float[] _tagRows;

    private int TagRow(int which, int tag) => ((which * (Weights.ClassCount + 2)) + tag + 2) * Stride;

    /// <summary>Adds the rows of the single previous-tag features (<see cref="TaggerFeatures.TagFeatures"/>) for tags <paramref name="p1"/> and <paramref name="p2"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddTagRows(int p1, int p2, ref float scores)
    {
        AveragedPerceptron.AddDense(ref _tagRows[TagRow(0, p1)], ref scores, Stride);
        AveragedPerceptron.AddDense(ref _tagRows[TagRow(1, p2)], ref scores, Stride);
    }

    /// <summary>Builds the table for the given word types.</summary>
    /// <param name="weights">The frozen perceptron.</param>
    /// <param name="types">
    /// Atoms of each word type, the first types of <see cref="PosModel.KnownWords"/> in order: a token's
    /// <see cref="TokenAtoms.Type"/> is its block's index.
    /// </param>
    /// <param name="learnedLimit">How many words outside the vocabulary to keep (<see cref="Learned"/>).</param>
    public FoldedWeights(AveragedPerceptron weights, IReadOnlyList<TokenAtoms> types, int learnedLimit = MaxLearned)
    {
        Weights = weights;
        LearnedLimit = learnedLimit;
        Stride = weights.ScoreLength;
        BlockLength = TaggerFeatures.Window * Stride;
        // The rows of the two single previous-tag features, by tag + 2 (tags −2 and −1 mark the sentence start).
        _tagRows = new float[2 * (weights.ClassCount + 2) * Stride];
        Span<ulong> f = stackalloc ulong[TaggerFeatures.TagFeatureCount];
        for (int p = -2; p < weights.ClassCount; p++)
        {
            TaggerFeatures.TagFeatures(p, p, f);
            weights.Score(f[..1], _tagRows.AsSpan(TagRow(0, p), Stride));
            weights.Score(f[1..2], _tagRows.AsSpan(TagRow(1, p), Stride));
        }
        TypeCount = types.Count;
        _blocks = new float[TypeCount * BlockLength];
        for (int t = 0; t < TypeCount; t++)
        {
            if (types[t].Type != t) throw new ArgumentException("Word types must be numbered in order.", nameof(types));
            FillBlock(types[t], _blocks.AsSpan(t * BlockLength, BlockLength));
        }
    }

    /// <summary>How many words outside the vocabulary <see cref="Learned"/> keeps.</summary>
    public int LearnedLimit { get; }

    /// <summary>The perceptron whose weights are folded.</summary>
    public AveragedPerceptron Weights { get; }

    /// <summary>Floats per offset row (<see cref="AveragedPerceptron.ScoreLength"/>).</summary>
    public int Stride { get; }

    /// <summary>Floats per word type: <see cref="TaggerFeatures.Window"/> rows.</summary>
    public int BlockLength { get; }

    /// <summary>Number of words outside the vocabulary whose blocks are kept.</summary>
    public int LearnedCount => Volatile.Read(ref _learnedCount);

    /// <summary>Number of word types in the table.</summary>
    public int TypeCount { get; }

    /// <summary>The pre-summed blocks, <see cref="BlockLength"/> floats per type.</summary>
    public float[] Blocks => _blocks;

    /// <summary>Start of the token's block in <see cref="Blocks"/>, or −1 when its word is not in the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(in TokenAtoms atoms) => (uint)atoms.Type < (uint)TypeCount ? atoms.Type * BlockLength : -1;

    /// <summary>
    /// The block of a word outside the vocabulary, computed on its first occurrence and kept (like spaCy's vocabulary,
    /// which adds the words it meets) for up to <see cref="LearnedLimit"/> words; null once that many are kept, when the
    /// caller computes the block itself. Thread-safe; a block is the same whoever computes it, so tags never depend on
    /// what was learned before.
    /// </summary>
    public float[]? Learned(in TokenAtoms atoms)
    {
        if (_learned.TryGetValue(atoms.Word, out var block)) return block;
        if (Volatile.Read(ref _learnedCount) >= LearnedLimit) return null;
        block = new float[BlockLength];
        FillBlock(atoms, block);
        if (_learned.TryAdd(atoms.Word, block)) Interlocked.Increment(ref _learnedCount);
        else block = _learned[atoms.Word];
        return block;
    }

    /// <summary>Writes a word's block: row d + 2 = the summed weights of its static features at offset d.</summary>
    public void FillBlock(in TokenAtoms atoms, Span<float> block)
    {
        const int Max = TaggerFeatures.Window * TaggerFeatures.MaxStatic;
        Span<ulong> f = stackalloc ulong[Max];
        Span<byte> rows = stackalloc byte[Max];
        int n = 0;
        for (int d = -2; d <= 2; d++)
        {
            int k = TaggerFeatures.StaticFeatures(atoms, d, f[n..]);
            rows.Slice(n, k).Fill((byte)(d + 2));
            n += k;
        }
        block.Clear();
        Weights.ScoreRows(f[..n], rows[..n], block, Stride); // one batch of lookups for all five rows
    }
}

/// <summary>
/// Scratch of one tagging call: the window ring and chunk rows of <see cref="PosModel.GreedyFolded"/>, from the shared
/// array pool. Not thread-safe: one per call.
/// </summary>
internal sealed class FoldScratch : IDisposable
{
    public FoldScratch(FoldedWeights folded)
    {
        Floats = System.Buffers.ArrayPool<float>.Shared.Rent(PosModel.ScratchLength(folded));
    }

    /// <summary>The ring of <see cref="TaggerFeatures.Window"/> blocks, then the chunk rows.</summary>
    public float[] Floats { get; private set; }

    /// <summary>Per window slot, the array that holds its word's block (the vocabulary table, a learned block or <see cref="Floats"/>).</summary>
    public float[][] SlotArrays { get; } = new float[TaggerFeatures.Window][];

    public void Dispose()
    {
        System.Buffers.ArrayPool<float>.Shared.Return(Floats);
        Floats = [];
    }
}
