using System.Runtime.CompilerServices;

namespace TextLens.Tagging;

/// <summary>
/// Allocation-free, platform-stable 64-bit feature keys for the averaged perceptron: a feature is a template
/// id plus one or two character spans and/or small integers (tags, shapes), hashed with FNV-1a over UTF-16
/// code units and finished with a 64-bit avalanche mix (so any bit subset can index a hash table).
/// Never uses <see cref="string.GetHashCode()"/> (randomised per process): keys are stable across runs and
/// machines, which the saved models rely on.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Key of a feature that is just its template (a bias feature).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template) => Mix(Step(Offset, (uint)template));

    /// <summary>Key of (template, integer value), e.g. (previous-tag template, tag id).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, int value) => Mix(Step(Step(Offset, (uint)template), (uint)value));

    /// <summary>Key of (template, two integer values), e.g. the two previous tags.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, int a, int b) => Mix(Step(Step(Step(Offset, (uint)template), (uint)a), (uint)b));

    /// <summary>Key of (template, characters), e.g. (suffix template, "ing").</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, ReadOnlySpan<char> text) => Mix(Chars(Step(Offset, (uint)template), text));

    /// <summary>Key of (template, integer, characters), e.g. (previous tag + current word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, int value, ReadOnlySpan<char> text) =>
        Mix(Chars(Step(Step(Offset, (uint)template), (uint)value), text));

    /// <summary>Key of (template, two character spans), e.g. (previous word + current word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        Mix(Chars(Step(Chars(Step(Offset, (uint)template), a), 0xFFFF_FFFFu), b)); // separator keeps ("ab","c") ≠ ("a","bc")

    /// <summary>Key of (template, an already-hashed atom), e.g. (next-word template, hash of the next word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, ulong atom) => Mix(atom + (ulong)(uint)(template + 1) * 0x9E3779B97F4A7C15UL);

    /// <summary>Key of (template, two hashed atoms); order matters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int template, ulong a, ulong b) => Mix(Mix(a + (ulong)(uint)(template + 1) * 0x9E3779B97F4A7C15UL) ^ b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ulong h, uint value) => (h ^ value) * Prime;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Chars(ulong h, ReadOnlySpan<char> text)
    {
        foreach (char c in text) h = (h ^ c) * Prime;
        return (h ^ (uint)text.Length) * Prime;
    }

    /// <summary>MurmurHash3's 64-bit finaliser: every input bit affects every output bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }
}
