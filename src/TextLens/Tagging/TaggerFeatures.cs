using System.Runtime.CompilerServices;

namespace TextLens.Tagging;

/// <summary>Per-token hashed properties, computed once per token and shared by the features of its neighbours.</summary>
internal struct TokenAtoms
{
    public ulong Word;    // normalised form, case kept
    public ulong Lower;   // lower-cased form
    public ulong Shape;   // Xx / d / x-x … (runs of a class capped at 2)
    public ulong Suf1, Suf2, Suf3, Suf4, Suf5;
    public ulong Pre1, Pre2, Pre3, Pre4;
    public ulong Amb;     // the set of tags the word had in training ("ambiguity class"), or Unknown
    public int Fixed;     // the word's tag when it is frequent and unambiguous, else -1
    public ulong Lex;     // dictionary word-class mask (see WordLexicon)
    public int Type;      // index in the filling model's KnownWords (0/1: the boundary pads), or -1
}

/// <summary>
/// The tagger's feature templates (version <see cref="Version"/>): word, lower-case form, prefixes, suffixes,
/// shape, ambiguity classes of the word and its right neighbours, neighbouring words and the two previous tags.
/// Everything is hashed: extracting features allocates nothing.
/// </summary>
internal static class TaggerFeatures
{
    /// <summary>Feature-set version stored in the model file; bump it when templates or hashing change.</summary>
    public const string Version = "pos-features-2";

    /// <summary>Maximum number of features per token.</summary>
    public const int MaxFeatures = 64;

    /// <summary>Boundary tokens on each side of a sentence in the atoms buffer.</summary>
    public const int Pad = 2;

    public static readonly ulong UnknownAmb = FeatureHash.Of(900);

    /// <summary>The atoms of the two padding positions on each side of a sentence (outer, inner).</summary>
    internal static readonly TokenAtoms[] Boundary = [MakeBoundary(901, type: 0), MakeBoundary(902, type: 1)];

    private static TokenAtoms MakeBoundary(int t, int type)
    {
        ulong h = FeatureHash.Of(t);
        return new TokenAtoms { Word = h, Lower = h, Shape = h, Suf1 = h, Suf2 = h, Suf3 = h, Suf4 = h, Suf5 = h, Pre1 = h, Pre2 = h, Pre3 = h, Pre4 = h, Amb = h, Fixed = -1, Lex = h, Type = type };
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
        a.Suf5 = FeatureHash.Of(45, lower[Math.Max(0, n - 5)..]);
        a.Pre1 = FeatureHash.Of(7, norm[..Math.Min(1, n)]);
        a.Pre2 = FeatureHash.Of(8, lower[..Math.Min(2, n)]);
        a.Pre3 = FeatureHash.Of(9, lower[..Math.Min(3, n)]);
        a.Pre4 = FeatureHash.Of(46, lower[..Math.Min(4, n)]);
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

    /// <summary>Neighbour offsets whose word-only features <see cref="StaticFeatures"/> writes: −2 … +2.</summary>
    public const int Window = 5;

    /// <summary>Most features <see cref="StaticFeatures"/> writes for one offset.</summary>
    public const int MaxStatic = 17;

    /// <summary>
    /// The features that depend only on the token at <paramref name="offset"/> (−2 … +2) from the tagged one: its
    /// word, affixes, shape, ambiguity class and word classes (for offset 0 also the bias). They are a function of the
    /// word alone, which is what lets <see cref="FoldedWeights"/> pre-add their weights once per word type.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int StaticFeatures(in TokenAtoms w, int offset, Span<ulong> f)
    {
        switch (offset)
        {
            case 0:
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
                f[11] = FeatureHash.Of(21, w.Amb);
                f[12] = FeatureHash.Of(40, w.Lex);
                f[13] = FeatureHash.Of(41, w.Lex, w.Shape);
                f[14] = FeatureHash.Of(44, w.Lex, w.Amb);
                f[15] = w.Suf5;
                f[16] = w.Pre4;
                return 17;
            case -1:
                f[0] = FeatureHash.Of(15, w.Lower);
                f[1] = FeatureHash.Of(16, w.Suf3);
                f[2] = FeatureHash.Of(27, w.Shape);
                f[3] = FeatureHash.Of(32, w.Word);
                f[4] = FeatureHash.Of(36, w.Amb);
                f[5] = FeatureHash.Of(43, w.Lex);
                return 6;
            case -2:
                f[0] = FeatureHash.Of(17, w.Lower);
                f[1] = FeatureHash.Of(47, w.Amb);
                f[2] = FeatureHash.Of(48, w.Shape);
                f[3] = FeatureHash.Of(49, w.Suf3);
                return 4;
            case 1:
                f[0] = FeatureHash.Of(18, w.Lower);
                f[1] = FeatureHash.Of(19, w.Suf3);
                f[2] = FeatureHash.Of(22, w.Amb);
                f[3] = FeatureHash.Of(26, w.Shape);
                f[4] = FeatureHash.Of(31, w.Word);
                f[5] = FeatureHash.Of(42, w.Lex);
                return 6;
            case 2:
                f[0] = FeatureHash.Of(20, w.Lower);
                f[1] = FeatureHash.Of(23, w.Amb);
                f[2] = FeatureHash.Of(57, w.Suf3);
                f[3] = FeatureHash.Of(58, w.Shape);
                f[4] = FeatureHash.Of(59, w.Lex);
                return 5;
            default:
                throw new ArgumentOutOfRangeException(nameof(offset));
        }
    }

    /// <summary>Features written by <see cref="TagFeatures"/>.</summary>
    public const int TagFeatureCount = 2;

    /// <summary>The features of the previous tag and of the one before it, each alone (−1/−2 at the sentence start).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TagFeatures(int p1, int p2, Span<ulong> f)
    {
        f[0] = FeatureHash.Of(11, (ulong)(p1 + 3));
        f[1] = FeatureHash.Of(12, (ulong)(p2 + 3));
        return TagFeatureCount;
    }

    /// <summary>Features written by <see cref="PairFeatures"/>.</summary>
    public const int PairFeatureCount = 5;

    /// <summary>
    /// The features of token <paramref name="i"/> that combine two tokens but no tags (word bigrams, ambiguity-class and
    /// shape pairs): known before decoding, so they can be looked up for many tokens at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PairFeatures(ReadOnlySpan<TokenAtoms> atoms, int i, Span<ulong> f)
    {
        ref readonly TokenAtoms w = ref atoms[i];
        ref readonly TokenAtoms l1 = ref atoms[i - 1];
        ref readonly TokenAtoms r1 = ref atoms[i + 1];
        f[0] = FeatureHash.Of(24, l1.Lower, w.Lower);
        f[1] = FeatureHash.Of(25, w.Lower, r1.Lower);
        f[2] = FeatureHash.Of(30, w.Amb, r1.Amb);
        f[3] = FeatureHash.Of(33, w.Shape, r1.Shape);
        f[4] = FeatureHash.Of(35, l1.Lower, r1.Lower);
        return PairFeatureCount;
    }

    /// <summary>
    /// The features of token <paramref name="i"/> that involve the previous tags (<paramref name="p1"/>,
    /// <paramref name="p2"/>: −1/−2 at the sentence start): known only while decoding. The first
    /// <see cref="TagFeatureCount"/> are <see cref="TagFeatures"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TagContextFeatures(ReadOnlySpan<TokenAtoms> atoms, int i, int p1, int p2, Span<ulong> f)
    {
        ref readonly TokenAtoms w = ref atoms[i];
        ulong t1 = (ulong)(p1 + 3), t2 = (ulong)(p2 + 3);
        TagFeatures(p1, p2, f);
        f[2] = FeatureHash.Of(13, t1, t2);
        f[3] = FeatureHash.Of(14, t1, w.Lower);
        f[4] = FeatureHash.Of(28, t1, w.Amb);
        f[5] = FeatureHash.Of(29, t1, w.Shape);
        f[6] = FeatureHash.Of(34, t1, w.Suf3);
        f[7] = FeatureHash.Of(37, FeatureHash.Of(38, t1, t2), w.Lower);
        return 8;
    }

    /// <summary>
    /// Writes all features of token <paramref name="i"/> (index into the padded atoms) given the two previous tags
    /// (−1/−2 for the sentence start) and returns how many were written: the static features of the five tokens
    /// around it, the pair features, then the tag-context features.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Extract(ReadOnlySpan<TokenAtoms> atoms, int i, int p1, int p2, Span<ulong> f)
    {
        int n = 0;
        for (int d = -2; d <= 2; d++) n += StaticFeatures(atoms[i + d], d, f[n..]);
        n += PairFeatures(atoms, i, f[n..]);
        return n + TagContextFeatures(atoms, i, p1, p2, f[n..]);
    }

    /// <summary>
    /// Second-pass features: the first-pass features plus the first pass's tags of the token itself and of the two
    /// tokens to its right (<paramref name="first"/> is indexed by token position in the sentence).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ExtractStacked(ReadOnlySpan<TokenAtoms> atoms, int i, int p1, int p2, ReadOnlySpan<int> first, Span<ulong> f)
    {
        int n = Extract(atoms, i, p1, p2, f);
        return n + StackedFeatures(atoms, i, p1, first, f[n..]);
    }

    /// <summary>The features only the stacked pass has: first-pass tags of the token and its two right neighbours.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int StackedFeatures(ReadOnlySpan<TokenAtoms> atoms, int i, int p1, ReadOnlySpan<int> first, Span<ulong> f)
    {
        const int n = 0;
        int k = i - Pad;
        ulong self = (ulong)(first[k] + 5);
        ulong r1 = k + 1 < first.Length ? (ulong)(first[k + 1] + 5) : 1;
        ulong r2 = k + 2 < first.Length ? (ulong)(first[k + 2] + 5) : 2;
        ulong t1 = (ulong)(p1 + 3);
        f[n] = FeatureHash.Of(50, r1);
        f[n + 1] = FeatureHash.Of(51, r2);
        f[n + 2] = FeatureHash.Of(52, r1, r2);
        f[n + 3] = FeatureHash.Of(53, t1, r1);
        f[n + 4] = FeatureHash.Of(54, self);
        f[n + 5] = FeatureHash.Of(55, self, atoms[i].Lower);
        f[n + 6] = FeatureHash.Of(56, self, r1);
        return 7;
    }
}
