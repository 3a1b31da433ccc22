using System.Runtime.CompilerServices;

namespace TextLens.Tagging;

/// <summary>Per-token hashed properties, computed once per token and shared by the features of its neighbours.</summary>
internal struct TokenAtoms
{
    public ulong Word;    // normalised form, case kept
    public ulong Lower;   // lower-cased form
    public ulong Shape;   // Xx / d / x-x … (runs of a class capped at 2)
    public ulong Suf1, Suf2, Suf3, Suf4;
    public ulong Pre1, Pre2, Pre3;
    public ulong Amb;     // the set of tags the word had in training ("ambiguity class"), or Unknown
    public int Fixed;     // the word's tag when it is frequent and unambiguous, else -1
    public ulong Lex;     // dictionary word-class mask (see WordLexicon)
}

/// <summary>
/// The tagger's feature templates (version <see cref="Version"/>): word, lower-case form, prefixes, suffixes,
/// shape, ambiguity classes of the word and its right neighbours, neighbouring words and the two previous tags.
/// Everything is hashed: extracting features allocates nothing.
/// </summary>
internal static class TaggerFeatures
{
    /// <summary>Feature-set version stored in the model file; bump it when templates or hashing change.</summary>
    public const string Version = "pos-features-1";

    /// <summary>Maximum number of features per token.</summary>
    public const int MaxFeatures = 48;

    /// <summary>Boundary tokens on each side of a sentence in the atoms buffer.</summary>
    public const int Pad = 2;

    public static readonly ulong UnknownAmb = FeatureHash.Of(900);

    private static readonly TokenAtoms[] Boundary = [MakeBoundary(901), MakeBoundary(902)];

    private static TokenAtoms MakeBoundary(int t)
    {
        ulong h = FeatureHash.Of(t);
        return new TokenAtoms { Word = h, Lower = h, Shape = h, Suf1 = h, Suf2 = h, Suf3 = h, Suf4 = h, Pre1 = h, Pre2 = h, Pre3 = h, Amb = h, Fixed = -1, Lex = h };
    }

    /// <summary>Fills the two boundary atoms before and after a sentence of <paramref name="n"/> tokens.</summary>
    public static void SetBoundaries(Span<TokenAtoms> atoms, int n)
    {
        atoms[0] = Boundary[0];
        atoms[1] = Boundary[1];
        atoms[n + Pad] = Boundary[1];
        atoms[n + Pad + 1] = Boundary[0];
    }

    /// <summary>Hashes one token's properties (everything but <see cref="TokenAtoms.Amb"/>/<see cref="TokenAtoms.Fixed"/>).</summary>
    public static void Fill(ref TokenAtoms a, ReadOnlySpan<char> norm, ReadOnlySpan<char> lower)
    {
        a.Word = FeatureHash.Of(1, norm);
        a.Lower = FeatureHash.Of(2, lower);
        a.Shape = ShapeHash(norm);
        int n = lower.Length;
        a.Suf1 = FeatureHash.Of(3, lower[Math.Max(0, n - 1)..]);
        a.Suf2 = FeatureHash.Of(4, lower[Math.Max(0, n - 2)..]);
        a.Suf3 = FeatureHash.Of(5, lower[Math.Max(0, n - 3)..]);
        a.Suf4 = FeatureHash.Of(6, lower[Math.Max(0, n - 4)..]);
        a.Pre1 = FeatureHash.Of(7, norm[..Math.Min(1, n)]);
        a.Pre2 = FeatureHash.Of(8, lower[..Math.Min(2, n)]);
        a.Pre3 = FeatureHash.Of(9, lower[..Math.Min(3, n)]);
    }

    /// <summary>Word-shape hash: upper → X, lower → x, digit → d, other characters kept; runs capped at 2; length over 12 flagged.</summary>
    public static ulong ShapeHash(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037UL;
        char prev = '\0';
        int run = 0;
        foreach (char ch in s)
        {
            char c = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : char.IsLetter(ch) ? 'x' : ch;
            if (c == prev) { if (++run > 2) continue; }
            else { prev = c; run = 1; }
            h = (h ^ c) * 1099511628211UL;
        }
        if (s.Length > 12) h = (h ^ 0xFFFF) * 1099511628211UL;
        return FeatureHash.Mix(h ^ 0x5A5A);
    }

    /// <summary>
    /// Writes the features of token <paramref name="i"/> (index into the padded atoms) given the two previous tags
    /// (−1/−2 for the sentence start) and returns how many were written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Extract(ReadOnlySpan<TokenAtoms> atoms, int i, int p1, int p2, Span<ulong> f)
    {
        ref readonly TokenAtoms w = ref atoms[i];
        ref readonly TokenAtoms l1 = ref atoms[i - 1];
        ref readonly TokenAtoms l2 = ref atoms[i - 2];
        ref readonly TokenAtoms r1 = ref atoms[i + 1];
        ref readonly TokenAtoms r2 = ref atoms[i + 2];
        ulong t1 = (ulong)(p1 + 3), t2 = (ulong)(p2 + 3);
        f[0] = FeatureHash.Of(0);
        f[1] = w.Lower;
        f[2] = w.Word;
        f[3] = w.Suf1;
        f[4] = w.Suf2;
        f[5] = w.Suf3;
        f[6] = w.Suf4;
        f[7] = w.Pre1;
        f[8] = w.Pre2;
        f[9] = w.Pre3;
        f[10] = FeatureHash.Of(10, w.Shape);
        f[11] = FeatureHash.Of(11, t1);
        f[12] = FeatureHash.Of(12, t2);
        f[13] = FeatureHash.Of(13, t1, t2);
        f[14] = FeatureHash.Of(14, t1, w.Lower);
        f[15] = FeatureHash.Of(15, l1.Lower);
        f[16] = FeatureHash.Of(16, l1.Suf3);
        f[17] = FeatureHash.Of(17, l2.Lower);
        f[18] = FeatureHash.Of(18, r1.Lower);
        f[19] = FeatureHash.Of(19, r1.Suf3);
        f[20] = FeatureHash.Of(20, r2.Lower);
        f[21] = FeatureHash.Of(21, w.Amb);
        f[22] = FeatureHash.Of(22, r1.Amb);
        f[23] = FeatureHash.Of(23, r2.Amb);
        f[24] = FeatureHash.Of(24, l1.Lower, w.Lower);
        f[25] = FeatureHash.Of(25, w.Lower, r1.Lower);
        f[26] = FeatureHash.Of(26, r1.Shape);
        f[27] = FeatureHash.Of(27, l1.Shape);
        f[28] = FeatureHash.Of(28, t1, w.Amb);
        f[29] = FeatureHash.Of(29, t1, w.Shape);
        f[30] = FeatureHash.Of(30, w.Amb, r1.Amb);
        f[31] = FeatureHash.Of(31, r1.Word);
        f[32] = FeatureHash.Of(32, l1.Word);
        f[33] = FeatureHash.Of(33, w.Shape, r1.Shape);
        f[34] = FeatureHash.Of(34, t1, w.Suf3);
        f[35] = FeatureHash.Of(35, l1.Lower, r1.Lower);
        f[36] = FeatureHash.Of(36, l1.Amb);
        f[37] = FeatureHash.Of(37, FeatureHash.Of(38, t1, t2), w.Lower);
        f[38] = FeatureHash.Of(40, w.Lex);
        f[39] = FeatureHash.Of(41, w.Lex, w.Shape);
        f[40] = FeatureHash.Of(42, r1.Lex);
        f[41] = FeatureHash.Of(43, l1.Lex);
        f[42] = FeatureHash.Of(44, w.Lex, w.Amb);
        return 43;
    }
}
