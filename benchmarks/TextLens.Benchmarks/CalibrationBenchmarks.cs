using BenchmarkDotNet.Attributes;

namespace TextLens.Benchmarks;

/// <summary>
/// The regression gate's yardstick: a fixed amount of plain work that no TextLens change affects (hash-driven
/// lookups into a 256 KB table, data-dependent branches and multiplies — the same kind of work as lexicon lookups
/// and feature hashing). The gate divides every benchmark's mean by this one's, so a uniformly slower or faster
/// machine cancels out. Never change it without regenerating benchmarks/baseline.json.
/// </summary>
[MemoryDiagnoser]
public class CalibrationBenchmarks
{
    private const int TableSize = 1 << 16; // 64 K uints = 256 KB (L2-sized)
    private const int Steps = 1 << 15;
    private readonly uint[] _table = new uint[TableSize];

    /// <summary>Fills the table with a fixed xorshift sequence.</summary>
    public CalibrationBenchmarks()
    {
        uint x = 2463534242;
        for (int i = 0; i < _table.Length; i++)
        {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5;
            _table[i] = x;
        }
    }

    /// <summary>32 K dependent table lookups with an unpredictable branch per step.</summary>
    [Benchmark]
    public ulong FixedWork()
    {
        var table = _table;
        ulong h = 14695981039346656037UL;
        ulong acc = 0;
        for (int i = 0; i < Steps; i++)
        {
            uint v = table[(int)(h >> 20) & (TableSize - 1)];
            h = (h ^ v) * 1099511628211UL;
            if ((h & 0x100) != 0) acc += v;
            else acc ^= h;
        }
        return h ^ acc;
    }
}
