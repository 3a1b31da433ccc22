using System.Numerics;
using System.Runtime.CompilerServices;

namespace TextLens.Tagging;

/// <summary>
/// Immutable open-addressing hash map from 64-bit hashed keys (already well mixed, see <see cref="FeatureHash"/>)
/// to values: built in one pass (fast model loading), read without locks from any thread.
/// </summary>
internal sealed class U64Map<T>
{
    private readonly ulong[] _keys;
    private readonly T[] _values;
    private readonly bool[] _used;
    private readonly int _mask;

    /// <summary>Builds the map; throws <see cref="ArgumentException"/> on a duplicate key.</summary>
    public U64Map(ReadOnlySpan<ulong> keys, ReadOnlySpan<T> values)
    {
        if (keys.Length != values.Length) throw new ArgumentException("Keys and values differ in number.");
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(8, keys.Length * 2));
        _keys = new ulong[capacity];
        _values = new T[capacity];
        _used = new bool[capacity];
        _mask = capacity - 1;
        for (int k = 0; k < keys.Length; k++)
        {
            int i = (int)keys[k] & _mask;
            while (_used[i])
            {
                if (_keys[i] == keys[k]) throw new ArgumentException("Duplicate key.");
                i = (i + 1) & _mask;
            }
            _used[i] = true;
            _keys[i] = keys[k];
            _values[i] = values[k];
        }
        Count = keys.Length;
    }

    public U64Map(IReadOnlyDictionary<ulong, T> pairs)
        : this(pairs.Keys.Order().ToArray(), pairs.OrderBy(p => p.Key).Select(p => p.Value).ToArray()) { }

    public static U64Map<T> Empty { get; } = new([], []);

    public int Count { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ulong key, out T value)
    {
        int i = (int)key & _mask;
        while (_used[i])
        {
            if (_keys[i] == key)
            {
                value = _values[i];
                return true;
            }
            i = (i + 1) & _mask;
        }
        value = default!;
        return false;
    }

    public bool ContainsKey(ulong key) => TryGetValue(key, out _);

    /// <summary>All (key, value) pairs ordered by key (deterministic serialisation).</summary>
    public IEnumerable<KeyValuePair<ulong, T>> Pairs()
    {
        var list = new List<KeyValuePair<ulong, T>>(Count);
        for (int i = 0; i < _keys.Length; i++)
            if (_used[i]) list.Add(new(_keys[i], _values[i]));
        list.Sort((a, b) => a.Key.CompareTo(b.Key));
        return list;
    }
}
