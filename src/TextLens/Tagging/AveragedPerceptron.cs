using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TextLens.Models;

namespace TextLens.Tagging;

/// <summary>
/// A multi-class averaged perceptron over hashed binary features (Collins 2002; Honnibal's tagger), shared by
/// the part-of-speech tagger and the entity recogniser.
/// </summary>
/// <remarks>
/// <para>Features are 64-bit keys (see <see cref="FeatureHash"/>): no feature strings exist at run time.
/// Each feature owns a sparse row of (class, weight) cells, because a feature typically has non-zero
/// weight for only a few of the classes.</para>
/// <para><b>Training</b> (mutable, single-threaded): call <see cref="Train"/> once per instance (it predicts with
/// the current weights, updates them when wrong, and advances the averaging clock), or
/// <see cref="Update"/> + <see cref="NextInstance"/> for custom schemes. Then <see cref="Average"/> replaces the
/// weights by their averages and freezes the model, optionally pruning tiny weights.</para>
/// <para><b>Prediction</b>: <see cref="Score"/> adds each feature's row into a caller-provided span; a frozen model
/// is immutable, allocation-free to query and safe to share across threads. Its features sit in one
/// open-addressing table of (key, first cell, cell count) slots over one flat cell array.</para>
/// <para>Deterministic: ties go to the lowest class index and nothing depends on hash-set iteration order, so the
/// same training sequence (shuffle with a seeded <see cref="Random"/>) gives the same model bit for bit.</para>
/// </remarks>
internal sealed class AveragedPerceptron
{
    /// <summary>One (class, weight) entry of a frozen feature row.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 2)]
    private readonly record struct Cell(float Weight, ushort Class);

    /// <summary>
    /// One slot of the frozen open-addressing table; Count == 0 marks an empty slot. A row of one weight (the commonest
    /// kind) is kept inside its slot, so looking it up costs one memory access instead of two.
    /// </summary>
    private struct Slot
    {
        public ulong Key;
        public int Start;      // first cell in _frozenCells; for a one-weight row, the weight's bits
        public ushort Count;   // cells in the row; 0 = empty slot
        public ushort Dense;   // 1 + index of the row's dense copy in _dense, or 0 when the row is only sparse; for a one-weight row, its class

        public readonly Cell Single => new(BitConverter.Int32BitsToSingle(Start), Dense);
    }

    /// <summary>The cells of a row (the inline one of a one-weight row).</summary>
    private ReadOnlySpan<Cell> RowCells(ref readonly Slot slot) =>
        slot.Count == 1 ? new[] { slot.Single } : _frozenCells.AsSpan(slot.Start, slot.Count);

    /// <summary>Rows with at least this many weights are also kept dense and added with SIMD (bias, tag and shape features).</summary>
    private const int DenseMinCount = 12;

    // ---- training state (null once frozen) ----
    private Dictionary<ulong, int>? _featureIds;
    private int[] _head = [];          // per feature: first cell index, or -1
    private int[] _next = [];          // per cell: next cell of the same feature, or -1
    private ushort[] _cls = [];
    private float[] _w = [];
    private double[] _total = [];
    private int[] _stamp = [];
    private int _cells;
    private int _features;
    private int _instances;

    // ---- frozen state ----
    private Slot[] _slots = [];
    private Cell[] _frozenCells = [];
    private float[] _dense = [];   // dense rows, each DenseStride floats (classes beyond ClassCount are 0)
    private int _mask;

    /// <summary>Creates an empty, trainable model.</summary>
    /// <param name="classCount">Number of classes (at most 65,535).</param>
    public AveragedPerceptron(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, ushort.MaxValue);
        ClassCount = classCount;
        _featureIds = new Dictionary<ulong, int>();
    }

    private AveragedPerceptron(int classCount, Slot[] slots, Cell[] cells, int featureCount)
    {
        ClassCount = classCount;
        _slots = slots;
        _frozenCells = cells;
        _mask = slots.Length - 1;
        _features = featureCount;
    }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>
    /// <see cref="ClassCount"/> rounded up to a whole number of 512-bit vectors: the length of a dense row, and the
    /// scratch length for <see cref="Predict"/>/<see cref="Score"/> that lets dense rows be added without a scalar tail.
    /// </summary>
    public int ScoreLength => (ClassCount + 15) & ~15;

    /// <summary>True once <see cref="Average"/> has run (or the model was read from a file): the weights are final.</summary>
    public bool IsFrozen => _featureIds is null;

    /// <summary>Number of features with at least one weight.</summary>
    public int FeatureCount => _features;

    /// <summary>Number of (feature, class) weights.</summary>
    public int WeightCount => IsFrozen ? _frozenCells.Length : _cells;

    /// <summary>Instances seen in training (the averaging clock).</summary>
    public int Instances => _instances;

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (which the caller clears).</summary>
    /// <param name="features">Feature keys; unknown keys are ignored, duplicates count twice.</param>
    /// <param name="scores">At least <see cref="ClassCount"/> elements.</param>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (scores.Length < ClassCount) throw new ArgumentException($"Need room for {ClassCount} scores.", nameof(scores));
        if (_featureIds is null) ScoreFrozen(features, scores);
        else ScoreTraining(features, scores);
    }

    private void ScoreFrozen(ReadOnlySpan<ulong> features, Span<float> scores) => ScoreFrozen(features, default, scores, 0);

    /// <summary>
    /// Adds each feature's row into <paramref name="target"/> at <c>offsets[f] × rowLength</c>: several score rows filled
    /// in one batch of lookups (the folded tagger's word blocks). Frozen models only.
    /// </summary>
    /// <param name="features">Feature keys.</param>
    /// <param name="rows">Per feature, the row of <paramref name="target"/> it adds to.</param>
    /// <param name="target">Rows of <paramref name="rowLength"/> floats.</param>
    /// <param name="rowLength">At least <see cref="ClassCount"/>; <see cref="ScoreLength"/> adds dense rows without a tail.</param>
    public void ScoreRows(ReadOnlySpan<ulong> features, ReadOnlySpan<byte> rows, Span<float> target, int rowLength)
    {
        if (!IsFrozen) throw new InvalidOperationException("Only a frozen model scores rows.");
        if (rows.Length != features.Length) throw new ArgumentException("One row per feature.", nameof(rows));
        if (rowLength < ClassCount) throw new ArgumentOutOfRangeException(nameof(rowLength));
        foreach (byte r in rows)
            if ((r + 1) * rowLength > target.Length) throw new ArgumentException("Row outside the target.", nameof(rows));
        ScoreFrozen(features, rows, target, rowLength);
    }

    private void ScoreFrozen(ReadOnlySpan<ulong> features, ReadOnlySpan<byte> rowOf, Span<float> scores, int rowLength)
    {
        var slots = _slots;
        var cells = _frozenCells;
        var dense = _dense;
        int mask = _mask;
        int stride = ScoreLength;
        // With padded score rows the dense rows are added whole (their padding is 0); otherwise up to ClassCount.
        int denseLength = (rowOf.IsEmpty ? scores.Length : rowLength) >= stride ? stride : ClassCount;
        ref float s0 = ref MemoryMarshal.GetReference(scores);
        // Memory-bound: the table is far larger than the caches. Three passes let the CPU overlap the cache misses
        // (independent loads) instead of waiting for each probe in turn: touch every home slot, find every row and
        // touch its first weight, then add the rows.
        Span<int> rows = stackalloc int[Math.Min(features.Length, 64)];
        if (features.Length > rows.Length)
        {
            ScoreFrozen(features[..rows.Length], rowOf.IsEmpty ? rowOf : rowOf[..rows.Length], scores, rowLength);
            ScoreFrozen(features[rows.Length..], rowOf.IsEmpty ? rowOf : rowOf[rows.Length..], scores, rowLength);
            return;
        }
        ulong touch = 0;
        for (int f = 0; f < features.Length; f++) touch += slots[(int)features[f] & mask].Key;
        for (int f = 0; f < features.Length; f++)
        {
            ulong key = features[f];
            int i = (int)key & mask;
            rows[f] = -1;
            while (true)
            {
                ref Slot slot = ref slots[i];
                if (slot.Count == 0) break;
                if (slot.Key == key)
                {
                    rows[f] = i;
                    if (slot.Count > 1) touch += slot.Dense != 0 ? (ulong)dense[(slot.Dense - 1) * stride] : (ulong)cells[slot.Start].Class;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        for (int f = 0; f < features.Length; f++)
        {
            if (rows[f] < 0) continue;
            ref Slot slot = ref slots[rows[f]];
            ref float target = ref rowOf.IsEmpty ? ref s0 : ref Unsafe.Add(ref s0, rowOf[f] * rowLength);
            if (slot.Count == 1)
            {
                Unsafe.Add(ref target, slot.Dense) += BitConverter.Int32BitsToSingle(slot.Start);
                continue;
            }
            if (slot.Dense != 0)
            {
                AddDense(ref dense[(slot.Dense - 1) * stride], ref target, denseLength);
                continue;
            }
            int end = slot.Start + slot.Count;
            for (int c = slot.Start; c < end; c++)
            {
                ref readonly Cell cell = ref cells[c];
                Unsafe.Add(ref target, cell.Class) += cell.Weight;
            }
        }
        if (touch == 1) _touchSink++; // keeps the touching loads from being optimised away; practically never true
    }

    private static int _touchSink;

    /// <summary>
    /// scores[0..length) += row[0..length). Lane-wise IEEE additions, so the sums are bit-identical to the scalar loop
    /// whatever the vector width. Unchecked: the callers guarantee both ranges (row: one dense row; scores: at least
    /// <paramref name="length"/> elements). This ran with span slicing per vector before and was the tagger's hottest loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void AddDense(ref float row, ref float scores, int length)
    {
        int i = 0;
        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            for (; i + 16 <= length; i += 16)
                System.Runtime.Intrinsics.Vector512.StoreUnsafe(
                    System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref scores, (nuint)i) + System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref row, (nuint)i),
                    ref scores, (nuint)i);
        }
        else if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            for (; i + 8 <= length; i += 8)
                System.Runtime.Intrinsics.Vector256.StoreUnsafe(
                    System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref scores, (nuint)i) + System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref row, (nuint)i),
                    ref scores, (nuint)i);
        }
        for (; i < length; i++) Unsafe.Add(ref scores, i) += Unsafe.Add(ref row, i);
    }

    private void ScoreTraining(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (ulong key in features)
        {
            if (!_featureIds!.TryGetValue(key, out int f)) continue;
            for (int c = _head[f]; c >= 0; c = _next[c]) scores[_cls[c]] += _w[c];
        }
    }

    /// <summary>The best class for <paramref name="features"/> (lowest index on ties); <paramref name="scratch"/> receives the scores.</summary>
    public int Predict(ReadOnlySpan<ulong> features, Span<float> scratch)
    {
        var scores = scratch[..Math.Max(ClassCount, Math.Min(scratch.Length, ScoreLength))]; // padded when the caller allows
        scores.Clear();
        Score(features, scores);
        return ArgMax(scores[..ClassCount]);
    }

    /// <summary>Index of the largest value, the lowest index on ties.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        float bestScore = scores[0];
        for (int i = 1; i < scores.Length; i++)
            if (scores[i] > bestScore) { bestScore = scores[i]; best = i; }
        return best;
    }

    /// <summary>
    /// Index of the largest value (the lowest index on ties) and its lead over the runner-up (0 on a tie). Vectorised;
    /// exact, so the result is the same on every machine as a scalar scan's. The scores must be finite.
    /// </summary>
    public static int ArgMax(Span<float> scores, out float margin)
    {
        float best = MaxOf(scores);
        int at = scores.IndexOf(best);
        // Runner-up: the largest value other than this one occurrence (equal values elsewhere give margin 0).
        scores[at] = float.NegativeInfinity;
        float second = MaxOf(scores);
        scores[at] = best;
        margin = best - second; // +∞ when there is no runner-up
        return at;
    }

    /// <summary>The largest value; −∞ for an empty span.</summary>
    private static float MaxOf(ReadOnlySpan<float> values)
    {
        int n = values.Length;
        ref float v0 = ref MemoryMarshal.GetReference(values);
        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated && n >= 16)
        {
            // Whole vectors, then one more ending at the last element (overlapping is harmless for a maximum).
            var acc = System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref v0, (nuint)(n - 16));
            for (int i = 0; i + 16 <= n; i += 16)
                acc = System.Runtime.Intrinsics.Vector512.Max(acc, System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref v0, (nuint)i));
            var half = System.Runtime.Intrinsics.Vector256.Max(acc.GetLower(), acc.GetUpper());
            var quarter = System.Runtime.Intrinsics.Vector128.Max(half.GetLower(), half.GetUpper());
            return Math.Max(Math.Max(quarter[0], quarter[1]), Math.Max(quarter[2], quarter[3]));
        }
        float max = float.NegativeInfinity;
        for (int i = 0; i < n; i++) max = Math.Max(max, values[i]);
        return max;
    }

    /// <summary>One training step: predicts, updates when the prediction is not <paramref name="truth"/>, advances the clock.</summary>
    /// <returns>The class predicted before the update.</returns>
    public int Train(ReadOnlySpan<ulong> features, int truth, Span<float> scratch)
    {
        int guess = Predict(features, scratch);
        if (guess != truth) Update(features, truth, guess);
        NextInstance();
        return guess;
    }

    /// <summary>Perceptron update: +1 for <paramref name="truth"/>, −1 for <paramref name="guess"/> on every feature.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        EnsureTrainable();
        if ((uint)truth >= (uint)ClassCount) throw new ArgumentOutOfRangeException(nameof(truth));
        if ((uint)guess >= (uint)ClassCount) throw new ArgumentOutOfRangeException(nameof(guess));
        if (truth == guess) return;
        foreach (ulong key in features)
        {
            ref int f = ref CollectionsMarshal.GetValueRefOrAddDefault(_featureIds!, key, out bool exists);
            if (!exists)
            {
                f = _features++;
                if (f == _head.Length) Array.Resize(ref _head, Math.Max(1024, _head.Length * 2));
                _head[f] = -1;
            }
            AddTo(f, truth, 1f);
            AddTo(f, guess, -1f);
        }
    }

    /// <summary>Advances the averaging clock by one instance.</summary>
    public void NextInstance()
    {
        EnsureTrainable();
        _instances++;
    }

    private void AddTo(int feature, int cls, float delta)
    {
        int c = _head[feature];
        while (c >= 0 && _cls[c] != cls) c = _next[c];
        if (c < 0)
        {
            c = _cells++;
            if (c == _cls.Length)
            {
                int n = Math.Max(4096, _cls.Length * 2);
                Array.Resize(ref _next, n);
                Array.Resize(ref _cls, n);
                Array.Resize(ref _w, n);
                Array.Resize(ref _total, n);
                Array.Resize(ref _stamp, n);
            }
            _cls[c] = (ushort)cls;
            _w[c] = 0;
            _total[c] = 0;
            _stamp[c] = _instances;
            _next[c] = _head[feature];
            _head[feature] = c;
        }
        _total[c] += (double)(_instances - _stamp[c]) * _w[c];
        _stamp[c] = _instances;
        _w[c] += delta;
    }

    /// <summary>
    /// Replaces every weight by its average over all training instances and freezes the model.
    /// </summary>
    /// <param name="minAbsWeight">Averaged weights with a smaller magnitude are dropped (0 keeps all non-zero weights).</param>
    public void Average(float minAbsWeight = 0f)
    {
        EnsureTrainable();
        var (keys, counts, cells) = AveragedRows(minAbsWeight);
        Freeze(keys, counts, cells);
    }

    /// <summary>A frozen copy with the averaged weights, leaving this model trainable (e.g. to score a dev set after each epoch).</summary>
    public AveragedPerceptron Averaged(float minAbsWeight = 0f)
    {
        EnsureTrainable();
        var (keys, counts, cells) = AveragedRows(minAbsWeight);
        var p = new AveragedPerceptron(ClassCount, [], [], 0) { _featureIds = new Dictionary<ulong, int>(), _instances = _instances };
        p.Freeze(keys, counts, cells);
        return p;
    }

    private (ulong[] Keys, ushort[] Counts, Cell[] Cells) AveragedRows(float minAbsWeight)
    {
        int now = Math.Max(1, _instances);
        var keys = new ulong[_features];
        foreach (var (key, id) in _featureIds!) keys[id] = key;
        var rowKeys = new List<ulong>(_features);
        var rowCounts = new List<ushort>(_features);
        var cells = new List<Cell>(_cells);
        var buffer = new List<Cell>();
        for (int f = 0; f < _features; f++)
        {
            buffer.Clear();
            for (int c = _head[f]; c >= 0; c = _next[c])
            {
                double total = _total[c] + (double)(now - _stamp[c]) * _w[c];
                float avg = (float)(total / now);
                if (avg != 0f && Math.Abs(avg) >= minAbsWeight) buffer.Add(new Cell(avg, _cls[c]));
            }
            if (buffer.Count == 0) continue;
            buffer.Sort((a, b) => a.Class.CompareTo(b.Class));
            rowKeys.Add(keys[f]);
            rowCounts.Add((ushort)buffer.Count);
            cells.AddRange(buffer);
        }
        return (rowKeys.ToArray(), rowCounts.ToArray(), cells.ToArray());
    }

    /// <summary>Builds the frozen table; row f owns the next <paramref name="counts"/>[f] cells, in order.</summary>
    private void Freeze(ulong[] keys, ushort[] counts, Cell[] cells)
    {
        int capacity = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, keys.Length) * 2));
        var slots = new Slot[capacity];
        int mask = capacity - 1, at = 0;
        for (int f = 0; f < keys.Length; f++)
        {
            ulong key = keys[f];
            int i = (int)key & mask;
            while (slots[i].Count != 0)
            {
                if (slots[i].Key == key) throw new InvalidOperationException("Duplicate feature key.");
                i = (i + 1) & mask;
            }
            slots[i] = new Slot { Key = key, Start = at, Count = counts[f] };
            at += counts[f];
        }
        // Dense copies of the long rows, in slot order (deterministic).
        int denseRows = 0;
        foreach (ref readonly Slot slot in slots.AsSpan())
            if (slot.Count >= DenseMinCount && denseRows < ushort.MaxValue - 1) denseRows++;
        int stride = ScoreLength;
        var dense = new float[denseRows * stride];
        int row = 0;
        for (int i = 0; i < slots.Length && row < denseRows; i++)
        {
            ref Slot slot = ref slots[i];
            if (slot.Count < DenseMinCount) continue;
            var target = dense.AsSpan(row * stride, ClassCount);
            for (int c = slot.Start; c < slot.Start + slot.Count; c++) target[cells[c].Class] += cells[c].Weight;
            slot.Dense = (ushort)++row;
        }
        foreach (ref Slot slot in slots.AsSpan())
            if (slot.Count == 1)
            {
                var cell = cells[slot.Start];
                slot.Start = BitConverter.SingleToInt32Bits(cell.Weight);
                slot.Dense = cell.Class;
            }
        _dense = dense;
        _featureIds = null;
        _head = _next = _stamp = [];
        _cls = [];
        _w = [];
        _total = [];
        _slots = slots;
        _frozenCells = cells;
        _mask = mask;
        _features = keys.Length;
    }

    /// <summary>The weights of a frozen model, row by row: (feature key, class, weight).</summary>
    public IEnumerable<(ulong Key, int Class, float Weight)> Weights()
    {
        if (!IsFrozen) throw new InvalidOperationException("Average the perceptron before reading its weights.");
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].Count == 0) continue;
            ulong key = _slots[i].Key;
            var cells = RowCells(in _slots[i]).ToArray();
            foreach (var cell in cells) yield return (key, cell.Class, cell.Weight);
        }
    }

    /// <summary>
    /// A frozen model holding the given weights, for linear models built from other weights (e.g. two perceptron rows
    /// folded into one); it scores exactly like a perceptron: the sum of the features' rows. Rows are ordered by key, so
    /// the result does not depend on the enumeration order.
    /// </summary>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="rows">Per feature key, its weight for each class (length <paramref name="classCount"/>); zeros are dropped.</param>
    public static AveragedPerceptron FromWeights(int classCount, IEnumerable<KeyValuePair<ulong, float[]>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var keys = new List<ulong>();
        var counts = new List<ushort>();
        var cells = new List<Cell>();
        foreach (var (key, w) in rows.OrderBy(r => r.Key))
        {
            if (w.Length != classCount) throw new ArgumentException($"Every row needs {classCount} weights.", nameof(rows));
            int before = cells.Count;
            for (int c = 0; c < classCount; c++)
                if (w[c] != 0f) cells.Add(new Cell(w[c], (ushort)c));
            if (cells.Count == before) continue;
            keys.Add(key);
            counts.Add((ushort)(cells.Count - before));
        }
        var p = new AveragedPerceptron(classCount, [], [], 0) { _featureIds = new Dictionary<ulong, int>() };
        p.Freeze(keys.ToArray(), counts.ToArray(), cells.ToArray());
        return p;
    }

    /// <summary>A frozen copy without the weights whose magnitude is below <paramref name="minAbsWeight"/> (smaller and faster).</summary>
    public AveragedPerceptron Pruned(float minAbsWeight)
    {
        if (!IsFrozen) throw new InvalidOperationException("Average the perceptron before pruning it.");
        var keys = new List<ulong>();
        var counts = new List<ushort>();
        var cells = new List<Cell>();
        foreach (ref readonly Slot slot in _slots.AsSpan())
        {
            if (slot.Count == 0) continue;
            int before = cells.Count;
            foreach (var cell in RowCells(in slot))
                if (Math.Abs(cell.Weight) >= minAbsWeight) cells.Add(cell);
            if (cells.Count == before) continue;
            keys.Add(slot.Key);
            counts.Add((ushort)(cells.Count - before));
        }
        var p = new AveragedPerceptron(ClassCount, [], [], 0) { _featureIds = new Dictionary<ulong, int>(), _instances = _instances };
        p.Freeze(keys.ToArray(), counts.ToArray(), cells.ToArray());
        return p;
    }

    private void EnsureTrainable()
    {
        if (_featureIds is null) throw new InvalidOperationException("The perceptron is frozen (averaged or loaded); it can no longer be trained.");
    }

    /// <summary>Writes the frozen weights: class count, then the rows in slot order (key, cell count, cells).</summary>
    public void Write(ModelWriter w)
    {
        if (!IsFrozen) throw new InvalidOperationException("Average the perceptron before saving it.");
        w.WriteInt32(ClassCount);
        w.WriteInt32(_features);
        w.WriteInt32(_frozenCells.Length);
        var keys = new ulong[_features];
        var counts = new ushort[_features];
        var classes = new ushort[_frozenCells.Length];
        var weights = new float[_frozenCells.Length];
        int r = 0, at = 0;
        foreach (ref readonly Slot slot in _slots.AsSpan())
        {
            if (slot.Count == 0) continue;
            keys[r] = slot.Key;
            counts[r++] = (ushort)slot.Count;
            foreach (var cell in RowCells(in slot))
            {
                classes[at] = cell.Class;
                weights[at++] = cell.Weight;
            }
        }
        w.WriteArray<ulong>(keys);
        w.WriteArray<ushort>(counts);
        w.WriteArray<ushort>(classes);
        w.WriteArray<float>(weights);
    }

    /// <summary>Reads weights written by <see cref="Write"/>; every count and index is validated.</summary>
    public static AveragedPerceptron Read(ModelReader r)
    {
        int classCount = r.ReadInt32InRange("class count", 1, ushort.MaxValue);
        int features = r.ReadInt32InRange("feature count", 0, r.Remaining / 10);
        int cellCount = r.ReadInt32InRange("weight count", 0, r.Remaining / 6);
        var keys = r.ReadArray<ulong>();
        var counts = r.ReadArray<ushort>();
        var classes = r.ReadArray<ushort>();
        var weights = r.ReadArray<float>();
        if (keys.Length != features || counts.Length != features || classes.Length != cellCount || weights.Length != cellCount)
            throw r.Error("perceptron array lengths disagree with the declared feature and weight counts");
        long sum = 0;
        foreach (var c in counts)
        {
            if (c == 0 || c > classCount) throw r.Error($"a feature row has {c} weights (must be 1–{classCount})");
            sum += c;
        }
        if (sum != cellCount) throw r.Error($"feature rows hold {sum} weights but {cellCount} are stored");
        var cells = new Cell[cellCount];
        for (int i = 0; i < cellCount; i++)
        {
            if (classes[i] >= classCount) throw r.Error($"class index {classes[i]} out of range (class count {classCount})");
            if (!float.IsFinite(weights[i])) throw r.Error("weight is not a finite number");
            cells[i] = new Cell(weights[i], classes[i]);
        }
        var p = new AveragedPerceptron(classCount, [], [], 0) { _featureIds = new Dictionary<ulong, int>() };
        try { p.Freeze(keys, counts, cells); }
        catch (InvalidOperationException) { throw r.Error("duplicate feature key"); }
        return p;
    }
}
